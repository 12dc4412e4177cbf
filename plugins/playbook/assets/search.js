/* Site-wide search: wires Pagefind's Modular UI to the header box (partials/pagefind-search.html).
   Pagefind does the searching, result loading and rendering; this file only adds the
   dropdown panel, the kind buttons and the keyboard access Material users expect. */
(function () {
  "use strict";
  var root = document.getElementById("pb-search");
  var UI = window.PagefindModularUI;
  if (!root || !UI) return;
  root.hidden = false;
  var input = document.getElementById("pb-search-input");
  var panel = document.getElementById("pb-search-panel");
  var summary = document.getElementById("pb-search-summary");
  var kinds = root.querySelectorAll(".pb-search__kind");

  // Result links come from page metadata, which content can set: only same-origin http(s).
  function sameOrigin(url) {
    try {
      var target = new URL(url, document.baseURI);
      if (target.origin === location.origin && /^https?:$/.test(target.protocol)) return target.href;
    } catch (e) { /* not a URL */ }
    return null;
  }

  var instance = new UI.Instance({ baseUrl: root.dataset.baseUrl || "/" });
  instance.add(new UI.Input({ inputElement: "#pb-search-input" }));
  instance.add(new UI.ResultList({
    containerElement: "#pb-search-results",
    resultTemplate: function (result) {
      var li = document.createElement("li");
      li.className = "pb-search__hit";
      var title = document.createElement("p");
      title.className = "pb-search__title";
      var kind = document.createElement("span");
      kind.className = "pb-kind";
      kind.dataset.kind = (result.meta && result.meta.kind_id) || "";
      kind.textContent = (result.meta && result.meta.kind) || "";
      var link = document.createElement("a");
      link.className = "pb-search__link";
      link.href = sameOrigin((result.meta && result.meta.url) || result.url) || sameOrigin(result.url) || "#";
      link.textContent = (result.meta && result.meta.title) || result.url;
      title.append(kind, " ", link);
      var excerpt = document.createElement("p");
      excerpt.className = "pb-search__excerpt";
      excerpt.innerHTML = result.excerpt; // Pagefind's excerpt: escaped text with <mark>s
      li.append(title, excerpt);
      return li;
    },
  }));

  instance.on("results", function (found) {
    var n = found && found.results ? found.results.length : 0;
    panel.hidden = !instance.searchTerm;
    summary.textContent = !instance.searchTerm ? "" :
      n === 0 ? root.dataset.none : n === 1 ? root.dataset.one : root.dataset.many.replace("{n}", n);
  });

  // Per-kind hit counts for the current words, whatever kind is selected.
  instance.on("filters", function (filters) {
    var counts = (filters && filters.total && filters.total.kind) || {};
    kinds.forEach(function (button) {
      var count = button.querySelector(".pb-search__count");
      if (!count) {
        count = document.createElement("span");
        count.className = "pb-search__count";
        button.append(" ", count);
      }
      count.textContent = button.dataset.kind ? String(counts[button.dataset.kind] || 0) : "";
    });
  });

  kinds.forEach(function (button) {
    button.addEventListener("click", function () {
      kinds.forEach(function (b) { b.setAttribute("aria-pressed", String(b === button)); });
      instance.triggerFilter("kind", button.dataset.kind ? [button.dataset.kind] : []);
      input.focus();
    });
  });

  root.querySelector("form").addEventListener("submit", function (event) {
    event.preventDefault();
    var first = panel.querySelector(".pb-search__link");
    if (first) first.click();
  });

  function close() { panel.hidden = true; }
  input.addEventListener("focus", function () { if (input.value) panel.hidden = false; });
  document.addEventListener("click", function (event) { if (!root.contains(event.target)) close(); });
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    var typing = target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
    if (event.key === "Escape" && root.contains(target)) { close(); input.blur(); return; }
    if (typing || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === "/" || event.key === "s" || event.key === "S") {
      event.preventDefault();
      input.focus();
      input.select();
    }
  });
})();
