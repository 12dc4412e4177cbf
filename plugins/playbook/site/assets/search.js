/* Site-wide search in the header box (partials/pagefind-search.html).

   Pagefind (the site's pagefind/ bundle) finds and scores pages; query.js says what to look
   for; hit_rank.js merges the searches and ranks the hits (records before playbook pages
   unless the query names the page's topic). This file runs the searches and renders a keyboard-complete list: ↑/↓ move, Enter
   opens the highlighted (first) hit, Esc closes. Every text is inserted as text, never HTML,
   and only same-origin links are followed. The site's URLs come with the box (its data-*-url
   attributes, from the URL scheme), never spelled here. */
(function () {
  "use strict";
  var root = document.getElementById("pb-search");
  var Q = window.PlaybookQuery, R = window.PlaybookHitRank;
  if (!root || !Q || !R) return;
  root.hidden = false;
  var base = root.dataset.baseUrl || "/";
  var input = document.getElementById("pb-search-input");
  var panel = document.getElementById("pb-search-panel");
  var summary = document.getElementById("pb-search-summary");
  var list = document.getElementById("pb-search-results");
  var kinds = root.querySelectorAll(".pb-search__kind");

  var SHOWN = 10;          // hits rendered
  var RANKED = 12;         // hits whose text is loaded to rank them
  var state = { kind: "", seq: 0, hits: [], active: -1, analysis: null, dropped: {} };
  var pagefind = null;

  function loadPagefind() {
    if (!pagefind) {
      // Loaded, configured and initialised (index metadata and WebAssembly fetched) as soon
      // as the box is focused, so the first search only waits for its own index chunks.
      pagefind = import(base + root.dataset.bundleUrl + "pagefind.js").then(function (pf) {
        return Promise.resolve(pf.options({ baseUrl: base }))
          .then(function () { return pf.init && pf.init(); })
          .then(function () { return pf; });
      });
    }
    return pagefind;
  }
  function warm() { loadPagefind(); Q.ready(base); }

  /* Same-origin, site-relative links only (a result's URL comes from the index). */
  function safeHref(url) {
    try {
      var u = new URL(url, location.href);
      return u.origin === location.origin && /^https?:$/.test(u.protocol) ? u.pathname + u.search + u.hash : null;
    } catch (e) { return null; }
  }

  /* The phrase typed (and its synonym variants) and, for a query of several words, each
     word (and its synonyms) on its own, merged into one ranking (hit_rank.js). */
  function searchAll(pf, analysis, filters, memo) {
    var options = filters ? { filters: filters } : {};
    memo = memo || {};
    function find(word) { return memo[word] || (memo[word] = pf.search(word, options)); }
    var jobs = R.jobs(analysis);
    return Promise.all(jobs.map(function (j) { return find(j[2]); }))
      .then(function (found) { return R.merge(analysis, jobs, found, Q.pages()); });
  }

  /* Re-rank the best hits on their text (hit_rank.js), once it is loaded. A preview (the
     phrase's first list) leaves the record of dropped hits, which the per-kind counts use,
     to the merged ranking. */
  function rank(hits, analysis, preview) {
    return Promise.all(hits.map(function (h) {
      return h.result.data().then(function (data) { h.data = data; return h; });
    })).then(function (loaded) {
      var ranked = R.rerank(loaded, analysis, Q);
      if (!preview) {
        state.dropped = {};
        loaded.forEach(function (h) { if (!h.holds) state.dropped[h.result.id] = true; });
      }
      return ranked;
    });
  }

  /* Text with every occurrence of `words` in <mark>, as DOM nodes. */
  function marked(text, words) {
    return R.marks(text, words, Q).map(function (piece) {
      if (!piece.mark) return document.createTextNode(piece.text);
      var mark = document.createElement("mark");
      mark.textContent = piece.text;
      return mark;
    });
  }

  function setActive(i) {
    var items = list.querySelectorAll(".pb-search__hit");
    if (!items.length) { state.active = -1; input.removeAttribute("aria-activedescendant"); return; }
    state.active = (i + items.length) % items.length;
    items.forEach(function (item, k) { item.setAttribute("aria-selected", String(k === state.active)); });
    var current = items[state.active];
    input.setAttribute("aria-activedescendant", current.id);
    current.scrollIntoView({ block: "nearest" });
  }

  function render(hits, total, analysis) {
    var words = Q.highlightWords(analysis);
    list.textContent = "";
    hits.forEach(function (h, i) {
      var meta = h.data.meta || {};
      var href = safeHref(h.data.url);
      if (!href) return;
      var li = document.createElement("li");
      li.className = "pb-search__hit";
      li.id = "pb-search-hit-" + i;
      li.setAttribute("role", "option");
      var title = document.createElement("p");
      title.className = "pb-search__title";
      var kind = document.createElement("span");
      kind.className = "pb-kind";
      kind.dataset.kind = meta.kind_id || "";
      kind.textContent = meta.kind || "";
      var link = document.createElement("a");
      link.className = "pb-search__link";
      link.href = href;
      link.tabIndex = -1;
      link.append.apply(link, marked(meta.title || href, words));
      title.append(kind, " ", link);
      var text = document.createElement("p");
      text.className = "pb-search__excerpt";
      text.append.apply(text, marked(R.excerpt(h.data.content, words, Q), words));
      li.append(title, text);
      li.addEventListener("mousemove", function () { if (state.active !== i) setActive(i); });
      li.addEventListener("click", function (event) { if (!event.target.closest("a")) location.href = href; });
      list.append(li);
    });
    state.hits = hits;
    summary.textContent = "";
    if (!list.children.length) {
      noResults(analysis);
    } else {
      // total null: a first list, shown while the total is still being counted
      if (total !== null) summary.textContent = total === 1 ? root.dataset.one : root.dataset.many.replace("{n}", total);
      setActive(0);
    }
  }

  function noResults(analysis) {
    var words = analysis.key;
    if (analysis.terms.length > 1 || (analysis.terms[0] || []).length > 1) {
      words += "（" + analysis.terms.map(function (t) { return t.join(" / "); }).join(" · ") + "）";
    }
    var none = document.createElement("p");
    none.textContent = root.dataset.none;
    var searched = document.createElement("p");
    searched.className = "pb-search__searched";
    searched.textContent = root.dataset.searched.replace("{words}", words);
    var suggest = document.createElement("p");
    suggest.className = "pb-search__suggest";
    var finder = document.createElement("a");
    finder.href = base + root.dataset.finderUrl + "?q=" + encodeURIComponent(analysis.key);
    finder.textContent = root.dataset.tryFinder;
    var pains = document.createElement("a");
    pains.href = base + root.dataset.painsUrl;
    pains.textContent = root.dataset.tryPains;
    suggest.append(root.dataset.try, " ", finder, " · ", pains);
    summary.append(none, searched, suggest);
    state.active = -1;
    input.removeAttribute("aria-activedescendant");
  }

  /* Per-kind hit counts for the current words, whatever kind is selected (after the hits),
     less the hits dropped for holding none of the words, as in the total. */
  function count(pf, analysis, seq) {
    kinds.forEach(function (button) {
      if (!button.dataset.kind) return;
      searchAll(pf, analysis, { kind: button.dataset.kind }).then(function (hits) {
        if (seq !== state.seq) return;
        var badge = button.querySelector(".pb-search__count");
        if (!badge) {
          badge = document.createElement("span");
          badge.className = "pb-search__count";
          button.append(" ", badge);
        }
        var kept = hits.filter(function (h) { return !state.dropped[h.result.id]; });
        badge.textContent = String(kept.length);
      });
    });
  }

  function run() {
    var text = input.value;
    var seq = ++state.seq;
    if (!text.trim()) { close(); list.textContent = ""; summary.textContent = ""; return; }
    Promise.all([loadPagefind(), Q.ready(base)]).then(function (ready) {
      var pf = ready[0];
      var analysis = Q.analyze(text);
      state.analysis = analysis;
      var filters = state.kind ? { kind: state.kind } : null;
      // The phrase's own hits are shown as soon as they are ranked (one search); only then
      // are its variants and key words searched, and the merged ranking replaces the list.
      var memo = {}, first = Promise.resolve();
      var phrase = analysis.phrases[0];
      if (phrase && (analysis.phrases.length > 1 || analysis.terms.length > 1)) {
        first = searchAll(pf, { phrases: [phrase], terms: [[phrase]] }, filters, memo).then(function (hits) {
          return rank(hits.slice(0, RANKED), analysis, true);
        }).then(function (ranked) {
          if (seq === state.seq && ranked.length) { render(ranked.slice(0, SHOWN), null, analysis); open(); }
        });
      }
      return first.then(function () {
        return seq === state.seq ? searchAll(pf, analysis, filters, memo) : null;
      }).then(function (hits) {
        if (!hits || seq !== state.seq) return;
        var top = hits.slice(0, RANKED);
        return rank(top, analysis).then(function (ranked) {
          if (seq !== state.seq) return;
          render(ranked.slice(0, SHOWN), hits.length - (top.length - ranked.length), analysis);
          open();
          root.dataset.done = text;
          count(pf, analysis, seq);
        });
      });
    });
  }

  function open() { panel.hidden = false; input.setAttribute("aria-expanded", "true"); }
  function close() { panel.hidden = true; input.setAttribute("aria-expanded", "false"); }
  function go() {
    var item = list.querySelectorAll(".pb-search__hit")[state.active < 0 ? 0 : state.active];
    var link = item && item.querySelector(".pb-search__link");
    if (link) location.href = link.getAttribute("href");
  }

  /* An input after a pause (an input method committing a phrase, the first key typed)
     searches at once; inputs that follow within QUIET ms wait until typing pauses. */
  var QUIET = 80, timer = null, lastInput = 0;
  input.addEventListener("input", function () {
    var now = Date.now(), burst = now - lastInput < QUIET;
    lastInput = now;
    clearTimeout(timer);
    if (burst) timer = setTimeout(run, QUIET);
    else run();
  });
  input.addEventListener("focus", function () { warm(); if (input.value.trim() && list.children.length) open(); });
  input.addEventListener("keydown", function (event) {
    if (event.isComposing) return;  // an input method is still choosing characters
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (panel.hidden && input.value.trim()) open();
      setActive(state.active + (event.key === "ArrowDown" ? 1 : -1));
    } else if (event.key === "Enter") {
      event.preventDefault();
      go();
    } else if (event.key === "Escape") {
      event.preventDefault();
      close();
      input.blur();
    }
  });
  root.querySelector("form").addEventListener("submit", function (event) { event.preventDefault(); go(); });

  kinds.forEach(function (button) {
    button.addEventListener("click", function () {
      kinds.forEach(function (b) { b.setAttribute("aria-pressed", String(b === button)); });
      state.kind = button.dataset.kind || "";
      input.focus();
      run();
    });
  });

  document.addEventListener("click", function (event) { if (!root.contains(event.target)) close(); });
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    var typing = target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
    if (event.key === "Escape" && root.contains(target) && target !== input) { close(); input.focus(); return; }
    if (typing || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === "/" || event.key === "s" || event.key === "S") {
      event.preventDefault();
      input.focus();
      input.select();
    }
  });
})();
