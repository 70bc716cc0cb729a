// The form designer (/design/forms/{key}): edit fields, see the task list's own markup as a live
// preview (drawn by the server from the draft), save a new version based on the one opened.
(function () {
  'use strict';

  var root = document.getElementById('form-designer');
  var key = root.dataset.key;
  var api = root.dataset.api;
  var csrf = {};
  csrf[root.dataset.csrfHeader] = root.dataset.csrfToken;
  var TYPES = ['text', 'textarea', 'number', 'date', 'select', 'checkbox', 'user', 'file'];
  var PROPS = {
    text: ['maxLength', 'pattern', 'default'], textarea: ['maxLength', 'pattern', 'default'],
    number: ['min', 'max', 'step', 'default'], date: ['default'], select: ['options', 'default'],
    checkbox: ['default'], user: ['group', 'default'], file: ['accept', 'maxFiles', 'maxSizeMb']
  };
  var NUMBERS = ['min', 'max', 'step', 'maxLength', 'maxFiles', 'maxSizeMb'];

  var base = 0;
  var draft = { title: key, fields: [] };
  var seq = 0;
  var timer = null;

  var el = function (id) { return document.getElementById(id); };

  function status(text, kind) {
    var box = el('form-status');
    box.textContent = text;
    box.className = 'alert py-1 px-2 mb-2 small alert-' + (kind || 'secondary');
  }

  function request(method, url, body) {
    var headers = Object.assign({ 'Accept': 'application/json' }, csrf);
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    return fetch(url, { method: method, headers: headers, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body) });
  }

  // ---- the draft as the JSON the server stores: only what is set ----
  function clean() {
    var out = {};
    Object.keys(draft).forEach(function (k) {
      if (k !== 'fields' && draft[k] !== '' && draft[k] != null) { out[k] = draft[k]; }
    });
    out.fields = draft.fields.map(function (f) {
      var c = {};
      Object.keys(f).forEach(function (k) {
        var v = f[k];
        if (v === '' || v == null || v === false) { return; }
        if (Array.isArray(v) && v.length === 0) { return; }
        if (NUMBERS.indexOf(k) >= 0 && typeof v === 'string' && v.trim() !== '' && !isNaN(Number(v))) { v = Number(v); }
        c[k] = v;
      });
      return c;
    });
    return out;
  }

  function optionsText(options) {
    return (options || []).map(function (o) { return o.label && o.label !== o.value ? o.value + '=' + o.label : o.value; }).join('\n');
  }

  function parseOptions(text) {
    return text.split('\n').map(function (l) { return l.trim(); }).filter(Boolean).map(function (l) {
      var i = l.indexOf('=');
      return i < 0 ? { value: l } : { value: l.slice(0, i).trim(), label: l.slice(i + 1).trim() };
    });
  }

  // ---- the field editors ----
  function input(field, prop, labelText, type) {
    var wrap = document.createElement('div');
    wrap.className = prop === 'options' || prop === 'accept' ? 'col-12' : 'col-6 col-md-4';
    var id = 'f' + draft.fields.indexOf(field) + '-' + prop;
    var label = document.createElement('label');
    label.className = 'form-label small mb-0';
    label.htmlFor = id;
    label.textContent = labelText;
    var control;
    if (type === 'checkbox') {
      wrap.className = 'col-6 col-md-4 form-check pt-4 ps-4';
      control = document.createElement('input');
      control.type = 'checkbox';
      control.className = 'form-check-input';
      control.checked = !!field[prop];
      label.className = 'form-check-label small';
      control.addEventListener('change', function () { field[prop] = control.checked; changed(); });
      control.id = id;
      control.dataset.prop = prop;
      wrap.appendChild(control);
      wrap.appendChild(label);
      return wrap;
    }
    if (type === 'select' || type === 'visible-field') {
      control = document.createElement('select');
      control.className = 'form-select form-select-sm';
    } else if (type === 'textarea') {
      control = document.createElement('textarea');
      control.rows = 3;
      control.className = 'form-control form-control-sm';
    } else {
      control = document.createElement('input');
      control.className = 'form-control form-control-sm';
    }
    control.id = id;
    control.dataset.prop = prop;
    wrap.appendChild(label);
    wrap.appendChild(control);
    return { wrap: wrap, control: control };
  }

  function fieldCard(field, index) {
    var card = document.createElement('div');
    card.className = 'card mb-2 field-editor';
    card.dataset.index = index;
    card.dataset.fieldId = field.id || '';
    var body = document.createElement('div');
    body.className = 'card-body p-2';
    card.appendChild(body);

    var head = document.createElement('div');
    head.className = 'd-flex align-items-center gap-2 mb-1';
    var title = document.createElement('strong');
    title.className = 'small me-auto';
    title.textContent = (index + 1) + '. ' + (field.id || '(no id)') + ' · ' + field.type;
    head.appendChild(title);
    [['↑', 'move-up', -1], ['↓', 'move-down', 1]].forEach(function (b) {
      var btn = document.createElement('button');
      btn.type = 'button';
      btn.className = 'btn btn-outline-secondary btn-sm py-0';
      btn.textContent = b[0];
      btn.dataset.action = b[1];
      btn.setAttribute('aria-label', b[1] + ' ' + (field.id || ''));
      btn.disabled = index + b[2] < 0 || index + b[2] >= draft.fields.length;
      btn.addEventListener('click', function () {
        var other = index + b[2];
        draft.fields[index] = draft.fields[other];
        draft.fields[other] = field;
        render();
        changed();
      });
      head.appendChild(btn);
    });
    var remove = document.createElement('button');
    remove.type = 'button';
    remove.className = 'btn btn-outline-danger btn-sm py-0';
    remove.textContent = '✕';
    remove.dataset.action = 'remove';
    remove.setAttribute('aria-label', 'remove ' + (field.id || ''));
    remove.addEventListener('click', function () {
      draft.fields.splice(index, 1);
      render();
      changed();
    });
    head.appendChild(remove);
    body.appendChild(head);

    var row = document.createElement('div');
    row.className = 'row g-2';
    body.appendChild(row);

    function text(prop, labelText, kind) {
      var x = input(field, prop, labelText, kind);
      if (prop === 'options') {
        x.control.value = optionsText(field.options);
        x.control.placeholder = 'one per line: value or value=Label';
        x.control.addEventListener('input', function () { field.options = parseOptions(x.control.value); changed(); });
      } else if (prop === 'accept') {
        x.control.value = (field.accept || []).join(', ');
        x.control.placeholder = 'image/jpeg, image/png, application/pdf';
        x.control.addEventListener('input', function () {
          field.accept = x.control.value.split(',').map(function (s) { return s.trim(); }).filter(Boolean);
          changed();
        });
      } else {
        x.control.value = field[prop] == null ? '' : String(field[prop]);
        x.control.addEventListener('input', function () {
          field[prop] = x.control.value;
          if (prop === 'id') {
            card.dataset.fieldId = x.control.value;
            title.textContent = (index + 1) + '. ' + (x.control.value || '(no id)') + ' · ' + field.type;
          }
          changed();
        });
      }
      row.appendChild(x.wrap);
      return x.control;
    }

    text('id', 'Id (variable)');
    text('label', 'Label');
    var type = input(field, 'type', 'Type', 'select');
    TYPES.forEach(function (t) {
      var o = document.createElement('option');
      o.value = t; o.textContent = t; o.selected = t === field.type;
      type.control.appendChild(o);
    });
    type.control.addEventListener('change', function () { field.type = type.control.value; render(); changed(); });
    row.appendChild(type.wrap);
    row.appendChild(input(field, 'required', 'Required', 'checkbox'));
    row.appendChild(input(field, 'readOnly', 'Read-only', 'checkbox'));
    var width = input(field, 'width', 'Width', 'select');
    [['', 'full'], ['half', 'half']].forEach(function (w) {
      var o = document.createElement('option');
      o.value = w[0]; o.textContent = w[1]; o.selected = (field.width || '') === w[0] || (w[0] === '' && field.width === 'full');
      width.control.appendChild(o);
    });
    width.control.addEventListener('change', function () { field.width = width.control.value; changed(); });
    row.appendChild(width.wrap);
    text('section', 'Starts section');
    (PROPS[field.type] || []).forEach(function (prop) {
      text(prop, prop === 'default' ? 'Default' : prop, prop === 'options' ? 'textarea' : undefined);
    });

    var when = field.visibleWhen || {};
    var vf = input(field, 'visibleWhen-field', 'Visible when field', 'visible-field');
    var none = document.createElement('option');
    none.value = ''; none.textContent = '(always visible)';
    vf.control.appendChild(none);
    draft.fields.slice(0, index).forEach(function (earlier) {
      if (!earlier.id || earlier.readOnly || earlier.type === 'file') { return; }
      var o = document.createElement('option');
      o.value = earlier.id; o.textContent = earlier.id; o.selected = earlier.id === when.field;
      vf.control.appendChild(o);
    });
    if (when.field && !Array.prototype.some.call(vf.control.options, function (o) { return o.value === when.field; })) {
      var missing = document.createElement('option');
      missing.value = when.field; missing.textContent = when.field + ' (missing)'; missing.selected = true;
      vf.control.appendChild(missing);
    }
    row.appendChild(vf.wrap);
    var ve = input(field, 'visibleWhen-equals', 'equals', 'text');
    ve.control.value = when.equals == null ? '' : String(when.equals);
    row.appendChild(ve.wrap);
    function updateWhen() {
      field.visibleWhen = vf.control.value ? { field: vf.control.value, equals: ve.control.value } : null;
      changed();
    }
    vf.control.addEventListener('change', updateWhen);
    ve.control.addEventListener('input', updateWhen);
    return card;
  }

  function render() {
    var list = el('form-fields');
    list.innerHTML = '';
    draft.fields.forEach(function (f, i) { list.appendChild(fieldCard(f, i)); });
  }

  // ---- preview and problems ----
  function showProblems(problems) {
    var list = el('form-problems');
    list.innerHTML = '';
    document.querySelectorAll('.field-editor').forEach(function (c) { c.classList.remove('border-danger'); });
    Object.keys(problems || {}).forEach(function (where) {
      var li = document.createElement('li');
      li.className = 'list-group-item list-group-item-danger py-1';
      li.dataset.where = where;
      li.textContent = problems[where];
      list.appendChild(li);
      var m = /^fields\[(\d+)]/.exec(where);
      var card = m && document.querySelector('.field-editor[data-index="' + m[1] + '"]');
      if (card) { card.classList.add('border-danger'); }
    });
  }

  function changed() {
    clearTimeout(timer);
    timer = setTimeout(preview, 150);
  }

  function preview() {
    var mine = ++seq;
    var box = el('form-preview');
    return request('POST', root.dataset.preview, clean()).then(function (response) {
      if (mine !== seq) { return; }
      if (response.ok) {
        return response.text().then(function (html) {
          if (mine !== seq) { return; }
          box.innerHTML = html;
          var form = box.querySelector('form');
          if (form) { form.addEventListener('submit', function (e) { e.preventDefault(); }); }
          window.OpsflowForms.bind(box);
          showProblems({});
          box.dataset.seq = String(mine);
          box.dataset.state = 'ok';
        });
      }
      return response.json().then(function (body) {
        if (mine !== seq) { return; }
        showProblems(body.fieldErrors || { form: body.message });
        box.dataset.seq = String(mine);
        box.dataset.state = 'invalid';
      });
    }).catch(function () { status('The preview could not be drawn; is the server reachable?', 'warning'); });
  }

  // ---- versions, load, save ----
  function loadVersions() {
    if (!base) { return Promise.resolve(); }
    return request('GET', api + '/' + encodeURIComponent(key) + '/versions').then(function (r) { return r.json(); }).then(function (versions) {
      var list = el('form-versions');
      list.innerHTML = '';
      versions.forEach(function (v) {
        var li = document.createElement('li');
        li.className = 'list-group-item d-flex gap-2 align-items-center';
        li.dataset.version = v.version;
        var text = document.createElement('span');
        text.className = 'me-auto';
        text.textContent = 'v' + v.version + ' · ' + v.createdBy + ' · ' + v.createdAt + (v.comment ? ' · ' + v.comment : '');
        li.appendChild(text);
        var open = document.createElement('button');
        open.type = 'button';
        open.className = 'btn btn-link btn-sm p-0';
        open.textContent = 'Open';
        open.addEventListener('click', function () { load(v.version); });
        li.appendChild(open);
        list.appendChild(li);
      });
    });
  }

  function load(version) {
    var url = api + '/' + encodeURIComponent(key) + (version ? '?version=' + version : '');
    return request('GET', url).then(function (r) {
      if (!r.ok) { throw new Error('HTTP ' + r.status); }
      return r.json();
    }).then(function (form) {
      if (!version) { base = form.version; }
      draft = form.definition;
      delete draft.key;
      draft.fields = draft.fields || [];
      el('form-title').value = draft.title || '';
      el('form-version').textContent = 'v' + base;
      status(version && version !== base ? 'Showing version ' + version + '; saving makes it the version after v' + base + '.'
        : 'Editing version ' + base + '.', 'secondary');
      render();
      return preview();
    });
  }

  function save() {
    var body = { version: base, comment: el('form-comment').value, definition: clean() };
    el('form-save').disabled = true;
    return request('PUT', api + '/' + encodeURIComponent(key), body).then(function (r) {
      return r.json().then(function (answer) {
        if (r.ok) {
          base = answer.version;
          el('form-version').textContent = 'v' + base;
          el('form-comment').value = '';
          status('Saved version ' + base + '.', 'success');
          showProblems({});
          return loadVersions();
        }
        if (r.status === 409) {
          status(answer.message + ' (current version: ' + answer.currentVersion + ')', 'danger');
        } else {
          status(answer.message || ('Not saved (HTTP ' + r.status + ').'), 'danger');
          showProblems(answer.fieldErrors || {});
        }
      });
    }).catch(function () { status('Not saved: the server did not answer.', 'danger'); })
      .finally(function () { el('form-save').disabled = false; });
  }

  el('form-title').addEventListener('input', function () { draft.title = el('form-title').value; changed(); });
  el('add-field').addEventListener('click', function () {
    var type = el('add-type').value;
    var n = draft.fields.length + 1;
    var id = type + n;
    while (draft.fields.some(function (f) { return f.id === id; })) { id = type + (++n); }
    var field = { id: id, label: '', type: type };
    if (type === 'select') { field.options = [{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }]; }
    draft.fields.push(field);
    render();
    changed();
  });
  el('form-save').addEventListener('click', save);

  (root.dataset.exists === 'true' ? load().then(loadVersions) : Promise.resolve().then(function () {
    el('form-title').value = draft.title;
    el('form-version').textContent = 'new';
    status('A new form: add fields, then save version 1.', 'secondary');
    render();
    return preview();
  })).then(function () { root.dataset.ready = 'true'; })
    .catch(function (e) { status('The form could not be loaded (' + e.message + ').', 'danger'); });
})();
