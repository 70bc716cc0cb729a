// The /design/definitions/{key} page: deployed versions, two versions side by side with added, removed
// and changed elements marked (bpmn-js viewer markers), the list of changes, and a dry run.
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn.css';
import './definition.css';

import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';

const root = document.getElementById('definition');
const api = root.dataset.api + '/' + encodeURIComponent(root.dataset.key);
const csrf = { [root.dataset.csrfHeader]: root.dataset.csrfToken };
const status = document.getElementById('definition-status');
const before = new NavigatedViewer({ container: '#diff-before' });
const after = new NavigatedViewer({ container: '#diff-after' });

function say(element, text, kind) {
  element.textContent = text;
  element.className = 'alert py-1 px-2 mb-2 small alert-' + (kind || 'secondary');
}

function cell(text) {
  const td = document.createElement('td');
  td.textContent = text == null || text === '' ? '—' : String(text);
  return td;
}

async function call(method, path, body) {
  const headers = { ...csrf, Accept: path.endsWith('/xml') ? 'application/xml' : 'application/json' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(api + path, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : body });
  if (path.endsWith('/xml') && response.ok) {
    return { ok: true, status: response.status, data: await response.text() };
  }
  let data;
  try {
    data = await response.json();
  } catch (notJson) {
    data = { message: 'The server answered ' + response.status + '.' };
  }
  return { ok: response.ok, status: response.status, data };
}

function options(select, versions, chosen) {
  select.replaceChildren(...versions.map((v) => {
    const option = document.createElement('option');
    option.value = v.version;
    option.textContent = 'v' + v.version + (v.comment ? ' — ' + v.comment : '');
    option.selected = v.version === chosen;
    return option;
  }));
}

async function show(viewer, version, label, ids, marker) {
  const xml = await call('GET', '/versions/' + version + '/xml');
  if (!xml.ok) {
    throw new Error(xml.data.message);
  }
  await viewer.importXML(xml.data);
  viewer.get('canvas').zoom('fit-viewport');
  const registry = viewer.get('elementRegistry');
  Object.entries(ids).forEach(([id, kind]) => {
    if (registry.get(id) && marker(kind)) {
      viewer.get('canvas').addMarker(id, 'opsflow-diff-' + kind);
    }
  });
  document.getElementById(label).textContent = 'version ' + version;
}

async function diff() {
  const from = document.getElementById('diff-from').value;
  const to = document.getElementById('diff-to').value;
  const result = await call('GET', '/diff?from=' + encodeURIComponent(from) + '&to=' + encodeURIComponent(to));
  if (!result.ok) {
    say(status, result.data.message, 'danger');
    return;
  }
  const kinds = {};
  result.data.changes.forEach((c) => { kinds[c.elementId] = c.change; });
  await show(before, from, 'diff-before-label', kinds, (k) => k !== 'added');
  await show(after, to, 'diff-after-label', kinds, (k) => k !== 'removed');
  const list = document.getElementById('diff-changes');
  list.replaceChildren(...result.data.changes.map((c) => {
    const item = document.createElement('li');
    item.className = 'list-group-item py-1 small opsflow-change-' + c.change;
    item.dataset.elementId = c.elementId;
    item.dataset.change = c.change;
    item.textContent = c.change + ' ' + c.kind + ' ' + c.elementId + (c.name ? ' "' + c.name + '"' : '')
      + (c.details.length ? ': ' + c.details.join('; ') : '');
    return item;
  }));
  say(status, result.data.changes.length + ' change(s) from version ' + from + ' to version ' + to + '.', 'success');
  root.dataset.diffShown = from + '-' + to;
}

// The interrupting boundary events the dry run takes, activity id → boundary event id (sent as "boundary").
const taken = {};

function element(tag, className, text) {
  const made = document.createElement(tag);
  if (className) {
    made.className = className;
  }
  if (text !== undefined) {
    made.textContent = text;
  }
  return made;
}

function assignmentText(a) {
  return [a.assignee ? 'assignee ' + a.assignee : null,
    a.candidateUsers.length ? 'candidate users ' + a.candidateUsers.join(', ') : null,
    a.candidateGroups.length ? 'candidate groups ' + a.candidateGroups.join(', ') + ' (' + (a.groupMembers.join(', ') || 'no members') + ')' : null]
    .filter(Boolean).join('; ');
}

// The chosen boundary events above the steps, each with a button that drops it and runs again.
function showTaken(names) {
  const box = document.getElementById('dry-run-taken');
  box.replaceChildren(...Object.entries(taken).map(([activity, boundary]) => {
    const chip = element('span', 'badge text-bg-warning d-inline-flex align-items-center gap-1 dry-run-taken',
      'taking ' + (names[boundary] || boundary) + ' on ' + (names[activity] || activity));
    chip.dataset.activityId = activity;
    chip.dataset.boundaryId = boundary;
    const drop = element('button', 'btn-close dry-run-untake');
    drop.type = 'button';
    drop.title = 'Do not take it';
    drop.setAttribute('aria-label', 'Do not take ' + (names[boundary] || boundary));
    drop.addEventListener('click', () => {
      delete taken[activity];
      dryRun().catch((e) => say(status, e.message, 'danger'));
    });
    chip.append(drop);
    return chip;
  }));
  box.classList.toggle('d-none', Object.keys(taken).length === 0);
}

function boundaryItem(step, b) {
  const item = element('li', 'dry-run-boundary');
  item.dataset.boundaryId = b.id;
  item.dataset.interrupting = String(b.interrupting);
  item.append(element('span', null, '↳ ' + (b.name || b.id) + ' (' + [b.kind, b.trigger].filter(Boolean).join(', ') + '), '
    + (b.interrupting ? 'interrupting' : 'non-interrupting') + (b.leadsTo ? ', leads to ' + b.leadsTo : '')));
  if (taken[step.elementId] === b.id) {
    item.append(element('strong', 'ms-1', 'taken'));
  } else if (b.interrupting) {
    const take = element('button', 'btn btn-outline-warning btn-sm py-0 px-1 ms-1 dry-run-take', 'take this');
    take.type = 'button';
    take.title = 'Dry-run again, leaving ' + (step.name || step.elementId) + ' through ' + (b.name || b.id);
    take.addEventListener('click', () => {
      taken[step.elementId] = b.id;
      dryRun().catch((e) => say(status, e.message, 'danger'));
    });
    item.append(take);
  }
  return item;
}

async function dryRun() {
  const out = document.getElementById('dry-run-status');
  const steps = document.getElementById('dry-run-steps');
  if (!document.getElementById('dry-run-taken')) {
    const box = element('div', 'd-flex flex-wrap gap-1 mb-2 d-none');
    box.id = 'dry-run-taken';
    steps.before(box);
  }
  steps.replaceChildren();
  showTaken(JSON.parse(root.dataset.dryRunNames || '{}'));
  let variables;
  try {
    variables = JSON.parse(document.getElementById('dry-run-variables').value || '{}');
  } catch (bad) {
    say(out, 'The sample variables are no JSON: ' + bad.message, 'danger');
    return;
  }
  const version = Number(document.getElementById('dry-run-version').value);
  const body = { version, variables };
  if (Object.keys(taken).length) {
    body.boundary = { ...taken };
  }
  const result = await call('POST', '/dry-run', JSON.stringify(body));
  root.dataset.dryRuns = String(Number(root.dataset.dryRuns || 0) + 1);
  if (!result.ok) {
    say(out, result.data.message, 'danger');
    return;
  }
  const names = {};
  const depth = {};
  result.data.steps.forEach((s) => {
    names[s.elementId] = s.name || names[s.elementId];
    (s.boundaryEvents || []).forEach((b) => { names[b.id] = b.name || names[b.id]; });
  });
  root.dataset.dryRunNames = JSON.stringify(names);
  showTaken(names);
  steps.replaceChildren(...result.data.steps.map((s) => {
    depth[s.elementId] = s.in ? (depth[s.in] || 0) + 1 : 0;
    const item = element('li', 'list-group-item py-1 small dry-run-step');
    item.dataset.elementId = s.elementId;
    item.style.setProperty('--dry-run-depth', depth[s.elementId]);
    const line = element('span', 'dry-run-line');
    if (s.in) {
      const inside = element('span', 'badge text-bg-light border me-1 dry-run-in', 'in ' + (names[s.in] || s.in));
      line.append(inside);
      item.dataset.in = s.in;
    }
    // A call activity's note already names the process it would start (s.calls).
    let text = (s.name || s.elementId) + ' (' + s.kind + ', ' + s.elementId + ')' + (s.note ? ' — ' + s.note : '');
    const who = s.assignment ? assignmentText(s.assignment) : '';
    if (who) {
      text += ' → ' + who;
    }
    line.append(element('span', null, text));
    item.append(line);
    if (s.boundaryEvents && s.boundaryEvents.length) {
      const list = element('ul', 'list-unstyled mb-0 dry-run-boundaries');
      list.append(...s.boundaryEvents.map((b) => boundaryItem(s, b)));
      item.append(list);
    }
    return item;
  }));
  say(out, result.data.completed ? 'Reaches the end in ' + result.data.steps.length + ' steps (version ' + result.data.version + ').'
    : 'Stops after ' + result.data.steps.length + ' steps: ' + result.data.stoppedBecause, result.data.completed ? 'success' : 'warning');
}

async function start() {
  const loaded = await call('GET', '/versions');
  if (!loaded.ok) {
    say(status, loaded.data.message, 'danger');
    return;
  }
  const versions = loaded.data;
  const body = document.querySelector('#versions-table tbody');
  body.replaceChildren(...versions.map((v) => {
    const row = document.createElement('tr');
    row.dataset.version = v.version;
    row.append(cell('v' + v.version), cell(v.deployedAt ? new Date(v.deployedAt).toLocaleString() : null), cell(v.deployedBy),
      cell(v.comment), cell(v.runningInstances));
    return row;
  }));
  const newest = versions[0].version;
  options(document.getElementById('diff-from'), versions, versions.length > 1 ? versions[1].version : newest);
  options(document.getElementById('diff-to'), versions, newest);
  options(document.getElementById('dry-run-version'), versions, newest);
  say(status, versions.length + ' deployed version(s).', 'secondary');
  document.getElementById('diff-show').addEventListener('click', () => diff().catch((e) => say(status, e.message, 'danger')));
  document.getElementById('dry-run-go').addEventListener('click', () => dryRun().catch((e) => say(status, e.message, 'danger')));
  root.dataset.ready = 'true';
  if (versions.length > 1) {
    await diff();
  }
}

start();
