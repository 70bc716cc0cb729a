// A timer definition in words, so designers see what R3/PT10M or 0 0 8 ? * MON-FRI means.

function durationInWords(text) {
  const match = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(text);
  if (!match || text === 'P' || text.endsWith('T')) {
    return null;
  }
  const names = ['year', 'month', 'week', 'day', 'hour', 'minute', 'second'];
  const parts = [];
  names.forEach((name, i) => {
    const n = match[i + 1];
    if (n) {
      parts.push(n + ' ' + name + (n === '1' ? '' : 's'));
    }
  });
  return parts.join(' ');
}

export function timerPreview(kind, raw) {
  const text = (raw || '').trim();
  if (!text) {
    return 'empty';
  }
  if (/^[$#]\{.*}$/.test(text)) {
    return 'computed at run time from ' + text;
  }
  if (kind === 'date') {
    const date = new Date(text);
    return isNaN(date.getTime()) ? 'not an ISO-8601 date' : 'once, at ' + date.toISOString();
  }
  if (kind === 'duration') {
    const words = durationInWords(text);
    return words ? 'after ' + words : 'not an ISO-8601 duration (e.g. PT4H)';
  }
  const cycle = /^R(\d*)\/(?:([^/]+)\/)?(P[^/]+)$/.exec(text);
  if (cycle) {
    const words = durationInWords(cycle[3]);
    if (!words) {
      return 'not a valid repeat (e.g. R3/PT10M)';
    }
    const times = cycle[1] ? cycle[1] + ' times' : 'forever';
    return 'every ' + words + ', ' + times + (cycle[2] ? ', starting ' + cycle[2] : '');
  }
  const fields = text.split(/\s+/);
  if (fields.length === 6 || fields.length === 7) {
    return 'cron: second ' + fields[0] + ', minute ' + fields[1] + ', hour ' + fields[2] + ', day of month ' + fields[3]
      + ', month ' + fields[4] + ', day of week ' + fields[5] + ' (1 = Sunday)';
  }
  return 'not a cycle: use R<n>/<duration> or a Quartz cron with seconds';
}

