/* Share and find the way back on record pages: the copy-link button (the page's title and
   address, for chat apps), the print button's companion for case pages, and the "back to
   the library" link, which returns to the library with the filters last used in this
   browser session (library.js keeps that address in sessionStorage). */
(function () {
  "use strict";
  var LIBRARY_KEY = "pb-library-url";

  function initShare() {
    document.querySelectorAll("[data-pb-share]").forEach(function (button) {
      var status = button.parentNode.querySelector(".pb-share__status");
      button.hidden = false;
      button.addEventListener("click", function () {
        var url = location.origin + location.pathname;
        var text = (button.getAttribute("data-title") || document.title) + "\n" + url;
        var copy = window.playbook && window.playbook.copyText;
        if (!copy) return;
        copy(text).then(function () {
          if (status) status.textContent = status.getAttribute("data-copied") || "";
        }, function () {
          if (status) status.textContent = status.getAttribute("data-failed") || "";
        });
      });
    });
  }

  function initBack() {
    var saved = null;
    try { saved = sessionStorage.getItem(LIBRARY_KEY); } catch (e) { saved = null; }
    if (!saved) return;
    document.querySelectorAll("a[data-pb-back]").forEach(function (link) {
      // Only an address of this site's library: same origin, same library path.
      var target = new URL(saved, location.href);
      var library = new URL(link.getAttribute("href"), location.href);
      if (target.origin === library.origin && target.pathname === library.pathname) {
        link.href = target.pathname + target.search;
      }
    });
  }

  function init() { initShare(); initBack(); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
