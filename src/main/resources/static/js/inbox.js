// Unread badge and live inbox. Works on any page with an element carrying data-inbox-badge, and on
// /inbox (#inbox-list). Server-sent events push new messages; a slow poll covers other cluster nodes.
(function () {
  'use strict';
  var POLL_MS = 60000;

  function showCount(n) {
    document.querySelectorAll('[data-inbox-badge], #inbox-unread').forEach(function (el) {
      el.textContent = String(n);
      el.hidden = n === 0 && el.hasAttribute('data-inbox-badge');
    });
  }

  function prepend(message) {
    var list = document.getElementById('inbox-list');
    if (!list) { return; }
    var item = document.createElement('li');
    item.className = 'list-group-item list-group-item-light fw-semibold';
    var subject = document.createElement('div');
    subject.textContent = message.subject;
    var body = document.createElement('div');
    body.className = 'small fw-normal';
    body.style.whiteSpace = 'pre-wrap';
    body.textContent = message.body;
    item.appendChild(subject);
    item.appendChild(body);
    list.insertBefore(item, list.firstChild);
    var empty = document.getElementById('inbox-empty');
    if (empty) { empty.hidden = true; }
  }

  function poll() {
    fetch('/inbox/unread-count', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) { if (data) { showCount(data.unread); } })
      .catch(function () { /* offline: try again at the next poll */ });
  }

  function listen() {
    if (!window.EventSource) { return; }
    var source = new EventSource('/inbox/stream');
    source.addEventListener('unread', function (e) { showCount(JSON.parse(e.data).unread); });
    source.addEventListener('message', function (e) {
      var message = JSON.parse(e.data);
      showCount(message.unread);
      prepend(message);
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    if (!document.querySelector('[data-inbox-badge], #inbox-list')) { return; }
    poll();
    listen();
    setInterval(poll, POLL_MS);
  });
})();
