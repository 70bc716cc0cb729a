// The /approvals/design/{code} page: a DingTalk-style vertical chain editor of the simple model
// (docs/approvals.md). The model JSON is the page's state; every structural change re-renders the
// chain, typing only updates the model. Save sends the version it loaded (409 = someone saved in between).
(function () {
  'use strict';

  var root = document.getElementById('approval-designer');
  if (!root) { return; }
  var api = root.dataset.api;
  var code = root.dataset.code;
  var csrf = {};
  csrf[root.dataset.csrfHeader] = root.dataset.csrfToken;

  var model = null;
  var version = null;
  var dirty = false;
  var open = {};          // node ids whose settings are shown
  var problemsByNode = {};

  var TYPES = { approver: 'Approver', cc: 'CC', condition: 'Condition branches', parallel: 'Parallel branches' };
  var KINDS = [['users', 'Named users'], ['group', 'A group'], ['supervisor', "Starter's supervisor"],
    ['formField', 'Users in a form field'], ['starterChooses', 'The starter chooses']];
  var METHODS = [['sequential', '依次 one after another'], ['all', '会签 everyone'], ['any', '或签 any one'], ['ratio', '按比例 ratio']];
  var EMPTY = [['toAdmins', 'Send to admins'], ['autoApprove', 'Approve automatically'], ['autoReject', 'Reject automatically'],
    ['toUser', 'Send to a user']];
  var STARTER = [['self', 'The starter approves'], ['autoApprove', 'Skip the starter (counts as approved)'],
    ['toSupervisor', "Hand to the starter's supervisor"]];
  var THEN = [['none', 'Nothing more'], ['autoApprove', 'Approve automatically'], ['autoReject', 'Reject automatically']];
  var OPERATORS = [['eq', '='], ['ne', '≠'], ['gt', '>'], ['ge', '≥'], ['lt', '<'], ['le', '≤']];
  var FIELD_TYPES = ['text', 'textarea', 'number', 'date', 'select', 'checkbox', 'user', 'file'];

  // ---- small DOM helpers (text only: nothing the user typed is parsed as HTML) ----
  function h(tag, attrs, children) {
    var el = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      var v = attrs[k];
      if (v === undefined || v === null || v === false) { return; }
      if (k === 'text') { el.textContent = v; } else if (k === 'on') {
        Object.keys(v).forEach(function (ev) { el.addEventListener(ev, v[ev]); });
      } else if (k === 'value') { el.value = v; } else if (k === 'checked') { el.checked = !!v; } else { el.setAttribute(k, v === true ? '' : v); }
    });
    (children || []).forEach(function (c) { if (c) { el.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); } });
    return el;
  }

  function select(options, value, field, onChange) {
    var s = h('select', { 'class': 'form-select form-select-sm', 'data-field': field });
    options.forEach(function (o) { s.appendChild(h('option', { value: o[0], text: o[1] })); });
    s.value = value === undefined || value === null ? options[0][0] : value;
    s.addEventListener('change', function () { onChange(s.value); });
    return s;
  }

  function input(value, field, onInput, attrs) {
    var a = Object.assign({ 'class': 'form-control form-control-sm', 'data-field': field, value: value === undefined || value === null ? '' : String(value) }, attrs || {});
    var el = h('input', a);
    el.addEventListener('input', function () { onInput(el.value); });
    return el;
  }

  function checkbox(checked, field, label, onChange) {
    var id = 'cb-' + Math.random().toString(36).slice(2);
    var box = h('input', { type: 'checkbox', 'class': 'form-check-input', id: id, 'data-field': field, checked: checked });
    box.addEventListener('change', function () { onChange(box.checked); });
    return h('div', { 'class': 'form-check' }, [box, h('label', { 'class': 'form-check-label small', 'for': id, text: label })]);
  }

  function row(label, control) {
    return h('div', { 'class': 'ad-row' }, [h('span', { 'class': 'small text-muted', text: label }), control]);
  }

  function list(text) {
    return String(text || '').split(/[,\s]+/).map(function (s) { return s.trim(); }).filter(Boolean);
  }

  function changed(structural) {
    dirty = true;
    say('Unsaved changes.', 'warning');
    if (structural) { render(); }
  }

  function say(text, kind) {
    var status = document.getElementById('ad-status');
    status.textContent = text;
    status.className = 'alert py-1 px-2 small alert-' + (kind || 'secondary');
  }

  // ---- API ----
  function call(method, path, body) {
    var headers = Object.assign({ Accept: 'application/json' }, csrf);
    if (body !== undefined) { headers['Content-Type'] = 'application/json'; }
    return fetch(api + path, { method: method, headers: headers, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body) })
      .then(function (r) {
        return r.json().catch(function () { return { message: 'The server answered ' + r.status + '.' }; })
          .then(function (data) { return { ok: r.ok, status: r.status, data: data || {} }; });
      })
      .catch(function () { return { ok: false, status: 0, data: { message: 'The server could not be reached; nothing was saved.' } }; });
  }

  // ---- the model ----
  function allIds() {
    var ids = {};
    (function walk(nodes) {
      (nodes || []).forEach(function (n) {
        ids[n.id] = true;
        (n.branches || []).forEach(function (b) { walk(b.nodes); });
        if (n.defaultBranch) { walk(n.defaultBranch.nodes); }
      });
    })(model.nodes);
    (model.form.fields || []).forEach(function (f) { ids[f.id] = true; });
    return ids;
  }

  function freshId(prefix) {
    var ids = allIds();
    for (var i = 1; ; i++) { if (!ids[prefix + i]) { return prefix + i; } }
  }

  function newNode(type) {
    if (type === 'approver') {
      return { type: 'approver', id: freshId('step'), name: 'Approver', assignee: { kind: 'supervisor', levels: 1 }, method: 'sequential' };
    }
    if (type === 'cc') { return { type: 'cc', id: freshId('cc'), name: 'CC', users: [], groups: [] }; }
    if (type === 'condition') {
      return { type: 'condition', id: freshId('branch'), name: 'Condition',
        branches: [{ name: 'Condition 1', conditions: [], nodes: [] }], defaultBranch: { name: 'Otherwise', nodes: [] } };
    }
    return { type: 'parallel', id: freshId('parallel'), name: 'Parallel',
      branches: [{ name: 'Branch 1', nodes: [] }, { name: 'Branch 2', nodes: [] }] };
  }

  // Strip what the server does not need (nulls, empty lists) so the JSON stays readable.
  function clean(value) {
    if (Array.isArray(value)) { return value.map(clean); }
    if (value && typeof value === 'object') {
      var out = {};
      Object.keys(value).forEach(function (k) {
        var v = value[k];
        if (v === null || v === undefined || v === '') { return; }
        if (k === 'fieldPermissions' && Object.keys(v).length === 0) { return; }
        out[k] = clean(v);
      });
      return out;
    }
    return value;
  }

  function fieldOptions(types) {
    return (model.form.fields || []).filter(function (f) { return !types || types.indexOf(f.type) >= 0; })
      .map(function (f) { return [f.id, (f.label || f.id) + ' (' + f.id + ')']; });
  }

  // ---- rendering ----
  function render() {
    document.getElementById('ad-name').value = model.name || '';
    document.getElementById('ad-description').value = model.description || '';
    document.getElementById('ad-title').textContent = model.name || code;
    document.getElementById('ad-version').textContent = 'draft version ' + version;
    renderFields();
    var chain = document.getElementById('ad-chain');
    chain.replaceChildren(renderChain(model.nodes, 'main'));
  }

  function renderFields() {
    var box = document.getElementById('ad-fields');
    box.replaceChildren();
    model.form.fields.forEach(function (f, i) {
      var controls = [
        input(f.id, 'field.id', function (v) { f.id = v; changed(false); }, { placeholder: 'id', 'aria-label': 'Field id', maxlength: '64' }),
        input(f.label, 'field.label', function (v) { f.label = v; changed(false); }, { placeholder: 'Label', 'aria-label': 'Field label' }),
        select(FIELD_TYPES.map(function (t) { return [t, t]; }), f.type, 'field.type', function (v) {
          f.type = v;
          if (v === 'select' && !f.options) { f.options = [{ value: 'a', label: 'A' }]; }
          if (v !== 'select') { delete f.options; }
          changed(true);
        }),
        checkbox(!!f.required, 'field.required', 'required', function (v) { f.required = v || null; changed(false); })
      ];
      if (f.type === 'select') {
        controls.push(input((f.options || []).map(function (o) { return o.value + (o.label && o.label !== o.value ? '=' + o.label : ''); }).join(', '),
          'field.options', function (v) {
            f.options = list(v).map(function (p) { var kv = p.split('='); return { value: kv[0], label: kv[1] || kv[0] }; });
            changed(false);
          }, { placeholder: 'value=Label, …', 'aria-label': 'Options' }));
      }
      controls.push(moveButtons(model.form.fields, i, function () { changed(true); }));
      box.appendChild(h('div', { 'class': 'ad-field', 'data-form-field': f.id }, controls));
    });
  }

  function moveButtons(array, i, after) {
    function btn(label, title, fn, disabled) {
      return h('button', { type: 'button', 'class': 'btn btn-sm btn-outline-secondary', title: title, 'aria-label': title, text: label,
        disabled: disabled, 'data-action': title.split(' ')[0].toLowerCase(), on: { click: function (e) { e.stopPropagation(); fn(); after(); } } });
    }
    return h('span', { 'class': 'btn-group ad-move' }, [
      btn('↑', 'Up', function () { array.splice(i - 1, 0, array.splice(i, 1)[0]); }, i === 0),
      btn('↓', 'Down', function () { array.splice(i + 1, 0, array.splice(i, 1)[0]); }, i === array.length - 1),
      btn('✕', 'Remove', function () { array.splice(i, 1); }, false)
    ]);
  }

  function addPoint(nodes, index, key) {
    var menu = h('div', { 'class': 'ad-add-menu', hidden: true });
    Object.keys(TYPES).forEach(function (type) {
      menu.appendChild(h('button', { type: 'button', 'class': 'btn btn-sm btn-outline-primary', 'data-add': type, text: TYPES[type],
        on: { click: function () { var n = newNode(type); nodes.splice(index, 0, n); open[n.id] = true; changed(true); } } }));
    });
    var plus = h('button', { type: 'button', 'class': 'btn btn-sm btn-primary rounded-circle ad-plus', 'aria-label': 'Add a node here',
      title: 'Add a node here', text: '+', on: { click: function () { menu.hidden = !menu.hidden; } } });
    return h('div', { 'class': 'ad-add', 'data-add-at': key + ':' + index }, [plus, menu]);
  }

  function renderChain(nodes, key) {
    var box = h('div', { 'class': 'ad-nodes', 'data-chain': key });
    box.appendChild(addPoint(nodes, 0, key));
    nodes.forEach(function (node, i) {
      box.appendChild(renderNode(node, nodes, i));
      box.appendChild(addPoint(nodes, i + 1, key));
    });
    return box;
  }

  function summary(node) {
    if (node.type === 'approver') {
      var a = node.assignee || {};
      var who = a.kind === 'users' ? (a.users || []).join(', ') : a.kind === 'group' ? 'group ' + (a.group || '?')
        : a.kind === 'supervisor' ? (a.allLevels ? 'supervisors 1–' : 'supervisor level ') + (a.levels || 1)
          : a.kind === 'formField' ? 'users in ' + (a.field || '?') : a.kind === 'starterChooses' ? 'chosen by the starter' : 'nobody yet';
      var method = (METHODS.filter(function (m) { return m[0] === node.method; })[0] || METHODS[0])[1];
      return who + ' · ' + method + (node.method === 'ratio' ? ' ≥ ' + (node.ratio || '?') + '%' : '');
    }
    if (node.type === 'cc') { return (node.users || []).concat((node.groups || []).map(function (g) { return 'group ' + g; })).join(', ') || 'nobody yet'; }
    return (node.branches || []).length + (node.type === 'condition' ? ' branch(es) + otherwise' : ' branches');
  }

  function renderNode(node, siblings, index) {
    var card = h('div', { 'class': 'card ad-node ad-' + node.type + (problemsByNode[node.id] ? ' border-danger' : ''), 'data-node-id': node.id,
      'data-node-type': node.type });
    var head = h('div', { 'class': 'card-header d-flex align-items-center gap-2 ad-node-head', role: 'button', tabindex: '0',
      'aria-expanded': open[node.id] ? 'true' : 'false',
      on: { click: function () { open[node.id] = !open[node.id]; render(); } } }, [
      h('span', { 'class': 'badge ad-type-badge', text: TYPES[node.type] }),
      h('div', { 'class': 'me-auto' }, [h('strong', { text: node.name || node.id }), h('div', { 'class': 'small text-muted ad-summary', text: summary(node) })]),
      moveButtons(siblings, index, function () { changed(true); })
    ]);
    card.appendChild(head);
    if (problemsByNode[node.id]) {
      card.appendChild(h('ul', { 'class': 'ad-node-problems small text-danger mb-0' },
        problemsByNode[node.id].map(function (p) { return h('li', { text: p }); })));
    }
    var body = h('div', { 'class': 'card-body ad-settings', hidden: !open[node.id] });
    body.appendChild(row('Name', input(node.name, 'name', function (v) { node.name = v; changed(false); }, { maxlength: '200' })));
    body.appendChild(row('Id', input(node.id, 'id', function (v) {
      if (open[node.id]) { delete open[node.id]; open[v] = true; }
      node.id = v; card.setAttribute('data-node-id', v); changed(false);
    }, { maxlength: '40' })));
    if (node.type === 'approver') { approverSettings(node, body); }
    if (node.type === 'cc') { ccSettings(node, body); }
    card.appendChild(body);
    if (node.type === 'condition' || node.type === 'parallel') { card.appendChild(renderBranches(node)); }
    return card;
  }

  function approverSettings(node, body) {
    node.assignee = node.assignee || { kind: 'supervisor', levels: 1 };
    var a = node.assignee;
    body.appendChild(row('Who approves', select(KINDS, a.kind, 'assignee.kind', function (v) {
      node.assignee = { kind: v };
      if (v === 'supervisor') { node.assignee.levels = 1; }
      changed(true);
    })));
    if (a.kind === 'users') {
      body.appendChild(row('User ids', input((a.users || []).join(', '), 'assignee.users', function (v) { a.users = list(v); changed(false); },
        { placeholder: 'sam, wang' })));
    } else if (a.kind === 'group') {
      body.appendChild(row('Group', input(a.group, 'assignee.group', function (v) { a.group = v.trim(); changed(false); }, { placeholder: 'admin' })));
    } else if (a.kind === 'supervisor') {
      body.appendChild(row('Levels up', input(a.levels || 1, 'assignee.levels', function (v) { a.levels = v === '' ? null : Number(v); changed(false); },
        { type: 'number', min: '1', max: '10' })));
      body.appendChild(checkbox(!!a.allLevels, 'assignee.allLevels', 'every supervisor from level 1 up to there, in order',
        function (v) { a.allLevels = v; changed(false); }));
    } else if (a.kind === 'formField') {
      var fields = fieldOptions(['user', 'text']);
      body.appendChild(row('Form field', fields.length ? select(fields, a.field, 'assignee.field', function (v) { a.field = v; changed(false); })
        : h('span', { 'class': 'small text-danger', text: 'Add a user or text field to the form first.' })));
      if (fields.length && !a.field) { a.field = fields[0][0]; }
    } else if (a.kind === 'starterChooses') {
      body.appendChild(h('p', { 'class': 'small text-muted', text: 'The starter passes the user ids in ' + node.id + '_chosen when starting.' }));
    }
    body.appendChild(row('How', select(METHODS, node.method, 'method', function (v) {
      node.method = v;
      node.ratio = v === 'ratio' ? (node.ratio || 50) : null;
      changed(true);
    })));
    if (node.method === 'ratio') {
      body.appendChild(row('Approved at ≥ %', input(node.ratio, 'ratio', function (v) { node.ratio = v === '' ? null : Number(v); changed(false); },
        { type: 'number', min: '1', max: '100' })));
    }
    node.whenEmpty = node.whenEmpty || { action: 'toAdmins' };
    body.appendChild(row('When nobody resolves', select(EMPTY, node.whenEmpty.action, 'whenEmpty.action', function (v) {
      node.whenEmpty = { action: v };
      changed(true);
    })));
    if (node.whenEmpty.action === 'toUser') {
      body.appendChild(row('Send to user', input(node.whenEmpty.user, 'whenEmpty.user', function (v) { node.whenEmpty.user = v.trim(); changed(false); })));
    }
    body.appendChild(row('When the starter is an approver', select(STARTER, node.whenStarter, 'whenStarter',
      function (v) { node.whenStarter = v; changed(false); })));
    body.appendChild(checkbox(!!node.skipIfApprovedBefore, 'skipIfApprovedBefore', 'Skip approvers who already approved earlier (去重)',
      function (v) { node.skipIfApprovedBefore = v; changed(false); }));
    body.appendChild(checkbox(!!node.commentRequired, 'commentRequired', 'A comment is required',
      function (v) { node.commentRequired = v; changed(false); }));
    body.appendChild(checkbox(!!node.timeout, 'timeout', 'Timeout: remind, then decide', function (v) {
      node.timeout = v ? { remindEveryHours: 24, remindTimes: 1, then: 'none' } : null;
      changed(true);
    }));
    if (node.timeout) {
      var t = node.timeout;
      body.appendChild(h('div', { 'class': 'ad-timeout' }, [
        row('Remind every (hours)', input(t.remindEveryHours, 'timeout.remindEveryHours', function (v) { t.remindEveryHours = v === '' ? null : Number(v); changed(false); },
          { type: 'number', min: '1', max: '720' })),
        row('Reminders', input(t.remindTimes, 'timeout.remindTimes', function (v) { t.remindTimes = v === '' ? null : Number(v); changed(false); },
          { type: 'number', min: '0', max: '20' })),
        row('Then', select(THEN, t.then, 'timeout.then', function (v) { t.then = v; changed(false); }))
      ]));
    }
    var perms = h('div', { 'class': 'ad-permissions' }, [h('div', { 'class': 'small fw-semibold mt-2', text: 'Form field permissions' })]);
    node.fieldPermissions = node.fieldPermissions || {};
    model.form.fields.forEach(function (f) {
      perms.appendChild(row(f.label || f.id, select([['', 'default (read)'], ['read', 'read'], ['edit', 'edit'], ['hidden', 'hidden']],
        node.fieldPermissions[f.id] || '', 'fieldPermissions.' + f.id, function (v) {
          if (v) { node.fieldPermissions[f.id] = v; } else { delete node.fieldPermissions[f.id]; }
          changed(false);
        })));
    });
    body.appendChild(perms);
  }

  function ccSettings(node, body) {
    body.appendChild(row('User ids', input((node.users || []).join(', '), 'users', function (v) { node.users = list(v); changed(false); })));
    body.appendChild(row('Groups', input((node.groups || []).join(', '), 'groups', function (v) { node.groups = list(v); changed(false); })));
    var fields = [['', '(none)']].concat(fieldOptions(['user', 'text']));
    body.appendChild(row('Users in form field', select(fields, node.formField || '', 'formField',
      function (v) { node.formField = v || null; changed(false); })));
  }

  function renderBranches(node) {
    var box = h('div', { 'class': 'ad-branches' });
    node.branches.forEach(function (branch, i) { box.appendChild(renderBranch(node, branch, i)); });
    if (node.type === 'condition') {
      node.defaultBranch = node.defaultBranch || { name: 'Otherwise', nodes: [] };
      box.appendChild(renderBranch(node, node.defaultBranch, -1));
    }
    var add = h('button', { type: 'button', 'class': 'btn btn-sm btn-outline-primary ad-add-branch', text: '+ Branch',
      on: { click: function () {
        node.branches.push(node.type === 'condition' ? { name: 'Condition ' + (node.branches.length + 1), conditions: [], nodes: [] }
          : { name: 'Branch ' + (node.branches.length + 1), nodes: [] });
        changed(true);
      } } });
    return h('div', { 'class': 'card-body pt-0' }, [box, add]);
  }

  function renderBranch(node, branch, i) {
    var key = node.id + (i < 0 ? '.default' : '.b' + i);
    var col = h('div', { 'class': 'ad-branch', 'data-branch': key });
    var head = h('div', { 'class': 'd-flex gap-1 align-items-center mb-1' }, [
      input(branch.name, 'branch.name', function (v) { branch.name = v; changed(false); }, { 'aria-label': 'Branch name' })
    ]);
    if (i >= 0) {
      head.appendChild(h('button', { type: 'button', 'class': 'btn btn-sm btn-outline-secondary', title: 'Remove branch', 'aria-label': 'Remove branch',
        'data-action': 'remove-branch', text: '✕', on: { click: function () { node.branches.splice(i, 1); changed(true); } } }));
    }
    col.appendChild(head);
    if (node.type === 'condition' && i >= 0) {
      branch.conditions = branch.conditions || [];
      var conds = h('div', { 'class': 'ad-conditions' });
      var fields = fieldOptions();
      branch.conditions.forEach(function (c, ci) {
        if (!c.field && fields.length) { c.field = fields[0][0]; }
        if (!c.operator) { c.operator = 'eq'; }
        conds.appendChild(h('div', { 'class': 'ad-cond-row d-flex gap-1 mb-1' }, [
          select(fields.length ? fields : [['', '(no fields)']], c.field, 'condition.field', function (v) { c.field = v; changed(false); }),
          select(OPERATORS, c.operator, 'condition.operator', function (v) { c.operator = v; changed(false); }),
          input(c.value, 'condition.value', function (v) { c.value = v; changed(false); }, { 'aria-label': 'Value', placeholder: 'value' }),
          h('button', { type: 'button', 'class': 'btn btn-sm btn-outline-secondary', 'aria-label': 'Remove condition', text: '✕',
            on: { click: function () { branch.conditions.splice(ci, 1); changed(true); } } })
        ]));
      });
      conds.appendChild(h('button', { type: 'button', 'class': 'btn btn-sm btn-link p-0 ad-add-condition', text: '+ condition (all must hold)',
        on: { click: function () { branch.conditions.push({ field: fields.length ? fields[0][0] : '', operator: 'eq', value: '' }); changed(true); } } }));
      col.appendChild(conds);
    } else if (i < 0) {
      col.appendChild(h('div', { 'class': 'small text-muted', text: 'when no condition above holds' }));
    }
    col.appendChild(renderChain(branch.nodes, key));
    return col;
  }

  // ---- problems from the server ("node 'lead': …") next to their node ----
  function showProblems(problems) {
    problemsByNode = {};
    var general = [];
    (problems || []).forEach(function (p) {
      var m = /node (?:id )?'([^']+)'/.exec(p);
      if (m && allIds()[m[1]]) {
        (problemsByNode[m[1]] = problemsByNode[m[1]] || []).push(p);
      } else {
        general.push(p);
      }
    });
    document.getElementById('ad-problems').replaceChildren.apply(document.getElementById('ad-problems'),
      general.map(function (p) { return h('li', { text: p }); }));
    render();
  }

  // ---- actions ----
  function current() {
    return clean(model);
  }

  function load() {
    return call('GET', '/' + encodeURIComponent(code)).then(function (r) {
      if (!r.ok) { say(r.data.message || 'Could not load the approval.', 'danger'); return; }
      version = r.data.version;
      model = r.data.model;
      model.form = model.form || { fields: [] };
      model.form.fields = model.form.fields || [];
      dirty = false;
      render();
      say('Loaded draft version ' + version + (r.data.publishedVersion ? ' (published v' + r.data.publishedVersion + ').' : ' (not published yet).'));
      root.setAttribute('data-ready', 'true');
    });
  }

  function save() {
    return call('PUT', '/' + encodeURIComponent(code), { version: version, model: current() }).then(function (r) {
      if (r.ok) {
        version = r.data.version;
        dirty = false;
        document.getElementById('ad-version').textContent = 'draft version ' + version;
        say('Saved as draft version ' + version + '.', 'success');
        return true;
      }
      if (r.status === 409) {
        say('Not saved: ' + r.data.message + ' Your changes are still on this page; copy what you need, then reload.', 'danger');
      } else {
        say('Not saved: ' + (r.data.message || ('the server answered ' + r.status)), 'danger');
        showProblems(r.data.problems);
      }
      return false;
    });
  }

  function validate() {
    return call('POST', '/validate', current()).then(function (r) {
      var problems = r.ok ? r.data.problems : (r.data.problems || [r.data.message]);
      showProblems(problems);
      if (problems && problems.length) {
        say(problems.length + ' problem(s) found; they are shown next to their node.', 'danger');
      } else {
        say('Valid: no problems found.' + (dirty ? ' Not saved yet.' : ''), 'success');
      }
    });
  }

  function publish() {
    (dirty ? save() : Promise.resolve(true)).then(function (saved) {
      if (!saved) { return; }
      call('POST', '/' + encodeURIComponent(code) + '/publish?version=' + version).then(function (r) {
        if (r.ok) {
          showProblems([]);
          say('Published as version ' + r.data.version + ' of ' + r.data.processDefinitionKey + '; it can be started on Approvals now.', 'success');
        } else {
          showProblems(r.data.problems || []);
          say('Not published: ' + r.data.message, 'danger');
        }
      });
    });
  }

  document.getElementById('ad-save').addEventListener('click', save);
  document.getElementById('ad-validate').addEventListener('click', validate);
  document.getElementById('ad-publish').addEventListener('click', publish);
  document.getElementById('ad-name').addEventListener('input', function (e) { model.name = e.target.value; changed(false); });
  document.getElementById('ad-description').addEventListener('input', function (e) { model.description = e.target.value || null; changed(false); });
  document.getElementById('ad-add-field').addEventListener('click', function () {
    model.form.fields.push({ id: freshId('field'), label: 'New field', type: 'text' });
    changed(true);
  });
  window.addEventListener('beforeunload', function (e) { if (dirty) { e.preventDefault(); e.returnValue = ''; } });
  load();
})();
