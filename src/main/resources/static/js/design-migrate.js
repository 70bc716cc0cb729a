// The migrate page: preview with the mappings chosen, start the batch, poll its progress.
(function () {
  const root = document.getElementById('migrate');
  if (!root) return;
  const api = root.dataset.api;
  const headers = {'Content-Type': 'application/json', 'Accept': 'application/json'};
  headers[root.dataset.csrfHeader] = root.dataset.csrfToken;
  const status = document.getElementById('migrate-status');
  const table = document.getElementById('migrate-preview-table');
  const startButton = document.getElementById('migrate-start');
  let mappings = {};
  let lastPreview = null;

  function request() {
    return {
      fromVersion: Number(document.getElementById('migrate-from').value),
      toVersion: Number(document.getElementById('migrate-to').value),
      mappings: Object.entries(mappings).map(([from, to]) => ({from, to}))
    };
  }

  async function call(method, path, body) {
    const response = await fetch(api + path, {method, headers, credentials: 'same-origin', body: body ? JSON.stringify(body) : undefined});
    const json = await response.json().catch(() => ({}));
    return {ok: response.ok, status: response.status, json};
  }

  function say(text, kind) {
    status.className = 'alert py-1 px-2 small alert-' + (kind || 'secondary');
    status.textContent = text;
  }

  function cell(row, text) {
    const td = document.createElement('td');
    td.textContent = text == null ? '' : text;
    row.appendChild(td);
    return td;
  }

  function render(preview) {
    lastPreview = preview;
    const body = table.querySelector('tbody');
    body.replaceChildren();
    preview.moves.forEach(move => {
      const row = document.createElement('tr');
      row.dataset.activity = move.from;
      row.className = move.to ? '' : 'table-danger';
      cell(row, move.fromName ? move.fromName + ' (' + move.from + ')' : move.from);
      cell(row, move.instances);
      cell(row, move.to ? (move.toName ? move.toName + ' (' + move.to + ')' : move.to) : move.reason);
      cell(row, move.how);
      const select = document.createElement('select');
      select.className = 'form-select form-select-sm';
      select.setAttribute('aria-label', 'Map ' + move.from + ' to');
      select.dataset.mapFrom = move.from;
      select.appendChild(new Option(move.how === 'mapping' ? '(no mapping)' : '—', ''));
      preview.targetActivities.forEach(a => select.appendChild(new Option(a.name ? a.name + ' (' + a.id + ')' : a.id, a.id)));
      select.value = mappings[move.from] || '';
      select.addEventListener('change', () => {
        if (select.value) mappings[move.from] = select.value; else delete mappings[move.from];
        runPreview();
      });
      cell(row, '').appendChild(select);
      body.appendChild(row);
    });
    table.hidden = false;
    const validator = document.getElementById('migrate-validator');
    validator.replaceChildren();
    preview.validator.forEach(m => {
      const li = document.createElement('li');
      li.className = 'list-group-item list-group-item-warning';
      li.textContent = m.message + (m.instances > 1 ? ' (' + m.instances + ' instances)' : '');
      validator.appendChild(li);
    });
    startButton.disabled = preview.blocking || preview.instances === 0;
    if (preview.instances === 0) {
      say('No instances run on v' + preview.fromVersion + '.', 'secondary');
    } else if (preview.blocking) {
      say(preview.instancesThatCannotMigrate + ' of ' + preview.instances + ' instances cannot migrate to v' + preview.toVersion
        + ' yet: map the red activities.', 'warning');
    } else {
      say('All ' + preview.instances + ' instances on v' + preview.fromVersion + ' can move to v' + preview.toVersion + '.', 'success');
    }
  }

  async function runPreview() {
    startButton.disabled = true;
    const answer = await call('POST', '/preview', request());
    if (!answer.ok) {
      table.hidden = true;
      say(answer.json.message || ('Preview failed (' + answer.status + ').'), 'danger');
      return;
    }
    render(answer.json);
  }

  function showProgress(progress) {
    document.getElementById('migrate-progress').hidden = false;
    const bar = document.getElementById('migrate-bar');
    const share = progress.total ? Math.round(100 * (progress.migrated + progress.failed) / progress.total) : 100;
    bar.style.width = share + '%';
    bar.className = 'progress-bar' + (progress.failed ? ' bg-warning' : '');
    document.getElementById('migrate-count').textContent = progress.migrated + ' of ' + progress.total + ' migrated'
      + (progress.failed ? ', ' + progress.failed + ' failed' : '') + (progress.done ? ' — done.' : ' …');
    const failures = document.getElementById('migrate-failures');
    failures.replaceChildren();
    progress.failures.forEach(f => {
      const li = document.createElement('li');
      li.className = 'list-group-item list-group-item-danger';
      li.textContent = f.processInstanceId + ': ' + f.reason;
      failures.appendChild(li);
    });
  }

  async function poll(batchId) {
    const answer = await call('GET', '/' + encodeURIComponent(batchId));
    if (!answer.ok) {
      say(answer.json.message || ('Progress unavailable (' + answer.status + ').'), 'danger');
      return;
    }
    showProgress(answer.json);
    if (answer.json.done) {
      say('Migration finished: ' + answer.json.migrated + ' of ' + answer.json.total + ' migrated.', answer.json.failed ? 'warning' : 'success');
    } else {
      setTimeout(() => poll(batchId), 1000);
    }
  }

  document.getElementById('migrate-form').addEventListener('submit', event => {
    event.preventDefault();
    runPreview();
  });
  ['migrate-from', 'migrate-to'].forEach(id => document.getElementById(id).addEventListener('change', () => {
    mappings = {};
    runPreview();
  }));
  startButton.addEventListener('click', async () => {
    startButton.disabled = true;
    const answer = await call('POST', '', request());
    if (!answer.ok) {
      say(answer.json.message || ('Start refused (' + answer.status + ').'), 'danger');
      if (answer.json.preview) render(answer.json.preview);
      return;
    }
    say('Migrating ' + answer.json.instances + ' instances (batch ' + answer.json.batchId + ') …', 'info');
    root.dataset.batchId = answer.json.batchId;
    poll(answer.json.batchId);
  });
  runPreview();
})();
