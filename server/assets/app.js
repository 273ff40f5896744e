// Optional conveniences for the search pages; everything works without it.
//   /        focuses the search box (Esc leaves it)
//   copy     the "Скопировать цитату" button copies the citation text
(function () {
  'use strict';
  var box = document.getElementById('q');

  function typingIn(el) {
    return el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.isContentEditable);
  }

  document.addEventListener('keydown', function (event) {
    if (!box || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === '/' && !typingIn(document.activeElement)) {
      event.preventDefault();
      box.focus();
      box.select();
    } else if (event.key === 'Escape' && document.activeElement === box) {
      box.blur();
    }
  });

  function copyText(text, done) {
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () { fallbackCopy(text, done); });
    } else {
      fallbackCopy(text, done);
    }
  }

  function fallbackCopy(text, done) {
    var area = document.getElementById('citation-text');
    if (!area) return;
    area.focus();
    area.select();
    try { document.execCommand('copy'); } catch (e) { /* the text stays selected for Ctrl+C */ }
    done();
  }

  var copy = document.getElementById('copy-citation');
  if (copy) {
    copy.hidden = false;
    copy.addEventListener('click', function () {
      var area = document.getElementById('citation-text');
      copyText(area ? area.value : '', function () {
        var status = document.getElementById('copy-status');
        if (status) status.textContent = 'Скопировано';
      });
    });
  }
})();
