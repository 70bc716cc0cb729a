// /approvals: choosing another approval loads its start form (the "Show its form" button does the same without script).
(function () {
  'use strict';
  document.addEventListener('DOMContentLoaded', function () {
    var picker = document.getElementById('start-picker');
    var choice = document.getElementById('start-choice');
    var button = document.getElementById('start-choose');
    if (!picker || !choice) {
      return;
    }
    if (button) {
      button.hidden = true;
    }
    choice.addEventListener('change', function () {
      picker.submit();
    });
  });
})();
