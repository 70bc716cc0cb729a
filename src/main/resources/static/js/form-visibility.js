// visibleWhen in the page: a field is shown while its controlling field is shown and has the value named.
// The server applies the same rule on submit (hidden fields are neither required nor written).
(function () {
  'use strict';

  function valueOf(root, id) {
    var inputs = root.querySelectorAll('[name="' + CSS.escape(id) + '"]');
    if (inputs.length === 0) {
      var wrap = root.querySelector('[data-field-id="' + CSS.escape(id) + '"] .read-only-value');
      return wrap ? wrap.textContent.trim() : '';
    }
    var input = inputs[0];
    if (input.type === 'checkbox') {
      return input.checked ? 'true' : 'false';
    }
    return (input.value || '').trim();
  }

  function normal(root, id, value) {
    var input = root.querySelector('[name="' + CSS.escape(id) + '"]');
    if (input && input.type === 'checkbox') {
      return ['true', 'on', 'yes', '1'].indexOf(String(value).toLowerCase()) >= 0 ? 'true' : 'false';
    }
    return String(value == null ? '' : value).trim();
  }

  function apply(root) {
    var hidden = {};
    root.querySelectorAll('[data-field-id]').forEach(function (wrap) {
      var controller = wrap.getAttribute('data-visible-field');
      if (!controller) {
        return;
      }
      var shown = !hidden[controller]
          && valueOf(root, controller) === normal(root, controller, wrap.getAttribute('data-visible-equals'));
      wrap.hidden = !shown;
      if (!shown) {
        hidden[wrap.getAttribute('data-field-id')] = true;
      }
      wrap.querySelectorAll('input, select, textarea').forEach(function (input) {
        input.disabled = !shown;
      });
    });
  }

  function bind(root) {
    root.querySelectorAll('[data-opsflow-form]').forEach(function (form) {
      if (form.dataset.visibilityBound) {
        apply(form);
        return;
      }
      form.dataset.visibilityBound = 'true';
      form.addEventListener('input', function () { apply(form); });
      form.addEventListener('change', function () { apply(form); });
      apply(form);
    });
  }

  window.OpsflowForms = { bind: bind };
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', function () { bind(document); });
  } else {
    bind(document);
  }
})();
