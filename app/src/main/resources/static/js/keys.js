// Keyboard shortcuts of every page (issue #7). A file, not an inline script: the Content-Security-Policy allows
// scripts from the app's own files only.
// «/» puts the cursor into the school search of the header, as on many sites; typed inside a field it stays a «/».
(function () {
  'use strict';

  function typing(target) {
    if (!target || !target.tagName) {
      return false;
    }
    var tag = target.tagName.toLowerCase();
    return tag === 'input' || tag === 'textarea' || tag === 'select' || target.isContentEditable;
  }

  document.addEventListener('keydown', function (event) {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) {
      return;
    }
    var search = document.getElementById('q');
    if (search) {
      event.preventDefault();
      search.focus();
      search.select();
    }
  });
})();
