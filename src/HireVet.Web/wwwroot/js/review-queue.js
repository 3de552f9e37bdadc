// Review queue shortcuts, a progressive enhancement: the page works the same without them (every action is a link,
// a form or a button). "/" moves to the filters, "[" and "]" follow the previous and next page links. They are
// single-character shortcuts, so a checkbox on the page turns them off (WCAG 2.1.4); the choice is remembered.
(function () {
  'use strict';
  var help = document.getElementById('shortcuts');
  var toggle = document.getElementById('shortcuts-on');
  if (!help || !toggle) return;
  var key = 'hirevet.review-queue.shortcuts';
  try { toggle.checked = window.localStorage.getItem(key) !== 'off'; } catch (e) { /* storage blocked: on for this page */ }
  toggle.addEventListener('change', function () {
    try { window.localStorage.setItem(key, toggle.checked ? 'on' : 'off'); } catch (e) { /* not remembered */ }
  });
  help.hidden = false;

  function typing(target) {
    if (!target || !target.tagName) return false;
    var tag = target.tagName.toLowerCase();
    return tag === 'input' || tag === 'select' || tag === 'textarea' || target.isContentEditable;
  }

  document.addEventListener('keydown', function (event) {
    if (!toggle.checked || event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
    if (event.key === '/') {
      var first = document.querySelector('#filters select, #filters input:not([type=hidden])');
      if (first) { event.preventDefault(); first.focus(); }
    } else if (event.key === '[' || event.key === ']') {
      var link = document.getElementById(event.key === '[' ? 'previous-page' : 'next-page');
      if (link) { event.preventDefault(); window.location.assign(link.href); }
    }
  });
})();
