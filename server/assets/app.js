// Optional conveniences for the search pages; everything works without it.
//   /        focuses the search box (Esc leaves it)
//   copy     the "Скопировать цитату" button copies the citation text;
//            "Скопировать ссылку" copies the link to the search (a plain link without scripts)
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
    var area = document.getElementById('citation-text') || scratchArea(text);
    area.focus();
    area.select();
    try { document.execCommand('copy'); } catch (e) { /* the text stays selected for Ctrl+C */ }
    done();
  }

  // A text area holding `text`, off screen, for execCommand('copy').
  function scratchArea(text) {
    var area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.left = '-9999px';
    document.body.appendChild(area);
    return area;
  }

  var copyLink = document.getElementById('copy-link-button');
  var link = document.getElementById('copy-link');
  if (copyLink && link) {
    copyLink.hidden = false;
    copyLink.addEventListener('click', function () {
      copyText(link.href, function () {
        var status = document.getElementById('copy-link-status');
        if (status) status.textContent = 'Ссылка скопирована';
      });
    });
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
