/* Case library (/cases/): facet filters, free text, sorting and counts over the compact
   numeric facet index (cases/facets.json); card texts come in chunks (cases/cards/N.json)
   fetched only for the hits on screen, or all at once when free text needs them.
   The static first page of cards stays until the index has loaded. Active only where
   #pb-library exists. The whole state
   lives in the URL (industry, pain, category, stage, tier, size, metric, q, sort), so a link
   reproduces the view; every change is a history entry, so Back steps through them.
   Content is only ever inserted as text (textContent), never as HTML. The cases from the
   index and the card texts, which cases a view shows, the facet counts and the order come
   from case_filter.js. */
(function () {
  "use strict";
  var root = document.getElementById("pb-library");
  var F = window.PlaybookCaseFilter;
  if (!root || !F || !window.fetch || !window.URLSearchParams) return;
  var PAGE = 50;
  var base = root.dataset.base || "";
  var strings = JSON.parse(root.dataset.strings);
  var ui = document.getElementById("pb-library-ui");
  var list = document.getElementById("pb-case-list");
  var count = document.getElementById("pb-library-count");
  var pagination = document.getElementById("pb-pagination");
  var data, cases, facets, labels, boxes = {}, shown = PAGE, timer = null;
  var chunkLoads = {}, allTexts = null, drawn = 0, activeChips;
  var state = { sel: {}, q: "", sort: "reviewed" };

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text != null) node.textContent = text;
    return node;
  }
  function fmt(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, key) { return values[key]; });
  }

  function readUrl() {
    var params = new URLSearchParams(location.search);
    state.sel = {};
    facets.forEach(function (f) { state.sel[f.name] = params.getAll(f.name); });
    state.q = params.get("q") || "";
    state.sort = params.get("sort") === "improvement" ? "improvement" : "reviewed";
  }
  function writeUrl() {
    var params = new URLSearchParams();
    facets.forEach(function (f) {
      state.sel[f.name].forEach(function (v) { params.append(f.name, v); });
    });
    if (state.q) params.set("q", state.q);
    if (state.sort !== "reviewed") params.set("sort", state.sort);
    var query = params.toString();
    var url = location.pathname + (query ? "?" + query : "");
    if (url !== location.pathname + location.search) history.pushState(null, "", url);
    remember();
  }
  // The case pages' "back to the library" link returns here, filters included (share.js).
  function remember() {
    try { sessionStorage.setItem("pb-library-url", location.pathname + location.search); } catch (e) { /* private mode */ }
  }

  // Card texts arrive in chunks (case_filter.js turns the rows into the cases' texts).
  function loadChunk(k) {
    if (!chunkLoads[k]) {
      chunkLoads[k] = fetch(base + data.cards[k]).then(function (r) { return r.json(); }).then(function (rows) {
        F.addCards(cases, k * data.chunk, rows, labels);
      });
    }
    return chunkLoads[k];
  }
  function loadCards(list) {
    var needed = {};
    list.forEach(function (c) { if (c.text === null) needed[Math.floor(c.i / data.chunk)] = true; });
    return Promise.all(Object.keys(needed).map(loadChunk));
  }
  function loadAllTexts() {
    if (!allTexts) allTexts = loadCards(cases);
    return allTexts;
  }
  // Compact controls: the search box and sort, one dropdown chip per facet (its values
  // with counts; zero-count values stay listed, after the others and dimmed), and the
  // active filters as removable chips above the results.
  function buildUi() {
    var form = el("form", "pb-library__form");
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    var q = el("input", "pb-library__q");
    q.type = "search"; q.id = "pb-library-q"; q.placeholder = strings.search;
    q.setAttribute("aria-label", strings.search);
    q.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { state.q = q.value.trim(); shown = PAGE; writeUrl(); update(); }, 250);
    });
    var sort = el("select", "pb-library__sort");
    sort.id = "pb-library-sort"; sort.setAttribute("aria-label", strings.sort);
    ["reviewed", "improvement"].forEach(function (s) {
      var o = el("option", null, strings["sort_" + s]); o.value = s; sort.append(o);
    });
    sort.addEventListener("change", function () { state.sort = sort.value; writeUrl(); render(); });
    form.append(q, sort);
    var panel = el("div", "pb-facets");
    panel.setAttribute("role", "group");
    panel.setAttribute("aria-label", strings.filters);
    function setOpen(name, open) {
      var b = boxes[name];
      b.menu.hidden = !open;
      b.toggle.setAttribute("aria-expanded", String(open));
      b.box.classList.toggle("pb-facet--open", open);
    }
    function closeAll(except) {
      facets.forEach(function (g) { if (g.name !== except) setOpen(g.name, false); });
    }
    facets.forEach(function (f) {
      var box = el("div", "pb-facet");
      box.dataset.facet = f.name;
      var toggle = el("button", "pb-facet__toggle", f.label);
      toggle.type = "button";
      toggle.setAttribute("aria-expanded", "false");
      toggle.setAttribute("aria-controls", "pb-facet-" + f.name);
      var chosen = el("span", "pb-facet__chosen");
      toggle.append(chosen);
      var menu = el("div", "pb-facet__menu");
      menu.id = "pb-facet-" + f.name; menu.hidden = true;
      menu.setAttribute("role", "group");
      menu.setAttribute("aria-label", f.label);
      box.append(toggle, menu);
      boxes[f.name] = { chosen: chosen, box: box, toggle: toggle, menu: menu };
      toggle.addEventListener("click", function () {
        var open = menu.hidden;
        closeAll(f.name);
        setOpen(f.name, open);
      });
      f.values.forEach(function (v) {
        var label = el("label", "pb-facet__value");
        var input = el("input");
        input.type = "checkbox"; input.name = f.name; input.value = v.id;
        input.addEventListener("change", function () {
          var picked = state.sel[f.name];
          state.sel[f.name] = input.checked ? picked.concat([v.id])
            : picked.filter(function (x) { return x !== v.id; });
          shown = PAGE; writeUrl(); render();
        });
        var n = el("span", "pb-facet__count");
        label.append(input, el("span", "pb-facet__label", v.label), n);
        menu.append(label);
        boxes[f.name][v.id] = { label: label, input: input, count: n };
      });
      panel.append(box);
    });
    // One menu open at a time; a click elsewhere or Esc closes it.
    document.addEventListener("click", function (e) {
      if (!panel.contains(e.target)) closeAll(null);
    });
    panel.addEventListener("keydown", function (e) {
      if (e.key !== "Escape") return;
      facets.forEach(function (g) {
        if (!boxes[g.name].menu.hidden) { setOpen(g.name, false); boxes[g.name].toggle.focus(); }
      });
    });
    var active = el("div", "pb-library__active");
    active.id = "pb-library-active";
    active.setAttribute("aria-label", strings.active);
    var chips = el("span", "pb-library__chips");
    var clear = el("button", "pb-library__clear", strings.clear);
    clear.type = "button"; clear.id = "pb-library-clear";
    clear.addEventListener("click", function () {
      facets.forEach(function (f) { state.sel[f.name] = []; });
      state.q = ""; shown = PAGE; writeUrl(); render();
    });
    active.append(chips, clear);
    activeChips = chips;
    ui.append(form, panel, active);
    ui.hidden = false;
    if (pagination) pagination.hidden = true;
  }

  // The active filters as chips; each removes its own filter.
  function drawActive() {
    var any = !!state.q;
    activeChips.replaceChildren();
    facets.forEach(function (f) {
      state.sel[f.name].forEach(function (id) {
        any = true;
        var chip = el("button", "pb-library__chip", labels[f.name][id] || id);
        chip.type = "button";
        chip.dataset.facet = f.name; chip.dataset.value = id;
        chip.setAttribute("aria-label", fmt(strings.remove, { label: f.label + " " + (labels[f.name][id] || id) }));
        chip.addEventListener("click", function () {
          state.sel[f.name] = state.sel[f.name].filter(function (x) { return x !== id; });
          shown = PAGE; writeUrl(); render();
        });
        activeChips.append(chip);
      });
    });
    document.getElementById("pb-library-active").hidden = !any;
  }

  function card(c) { return window.PlaybookCaseCard(c, labels); }  // assets/case_card.js

  // Free text needs every card text; facets alone need only the index.
  function update() {
    var words = state.q.toLowerCase().split(/\s+/).filter(Boolean);
    if (words.length) {
      root.dataset.loading = "true";
      var ready = window.PlaybookQuery ? window.PlaybookQuery.ready(base) : null;
      Promise.all([loadAllTexts(), ready]).then(function () { delete root.dataset.loading; render(); });
    } else {
      render();
    }
  }

  function render() {
    var words = state.q.toLowerCase().split(/\s+/).filter(Boolean);
    if (words.length && cases.some(function (c) { return c.text === null; })) return update();
    var textHits = F.textMatches(cases, words, state.q, window.PlaybookQuery);
    var counts = F.counts(textHits, facets, state.sel);
    facets.forEach(function (f) {
      f.values.forEach(function (v) {
        var b = boxes[f.name][v.id], n = counts[f.name][v.id] || 0;
        var on = state.sel[f.name].indexOf(v.id) >= 0;
        b.input.checked = on;
        b.input.disabled = n === 0 && !on;
        b.label.classList.toggle("pb-facet__value--empty", n === 0 && !on);
        b.count.textContent = String(n);
      });
      var picked = state.sel[f.name].length;
      boxes[f.name].chosen.textContent = picked ? String(picked) : "";
      boxes[f.name].box.classList.toggle("pb-facet--on", picked > 0);
    });
    var hits = F.selected(textHits, facets, state.sel);
    hits.sort(F.comparator(state.sort));
    var visible = hits.slice(0, shown), token = ++drawn;
    loadCards(visible).then(function () {
      if (token === drawn) drawList(hits, visible);
    });
    var total = cases.length;
    count.textContent = hits.length === total ? fmt(strings.count, { n: total })
      : fmt(strings.count_of, { n: hits.length, total: total });
    var q = document.getElementById("pb-library-q");
    if (q.value.trim() !== state.q) q.value = state.q;
    document.getElementById("pb-library-sort").value = state.sort;
    drawActive();
  }

  function drawList(hits, visible) {
    list.replaceChildren.apply(list, visible.map(card));
    if (!hits.length) {
      var empty = el("p", "pb-library__empty", strings.empty);
      empty.id = "pb-library-empty";
      list.append(empty);
    }
    if (hits.length > shown) {
      var more = el("button", "pb-library__more md-button", strings.more);
      more.type = "button";
      more.addEventListener("click", function () { shown += PAGE; update(); });
      list.append(more);
    }
    root.dataset.ready = "true";
  }

  // The static first page of cards is already on screen: fetch the index only once the
  // page has loaded, so filters never delay the first cards.
  function start() {
    fetch(root.dataset.facets).then(function (r) { return r.json(); }).then(init);
  }
  if (document.readyState === "complete") start();
  else window.addEventListener("load", start);

  function init(json) {
    data = json; facets = json.facets;
    labels = F.labelsOf(facets);
    cases = F.prepare(data);
    readUrl();
    buildUi();
    update();
    remember();
    window.addEventListener("popstate", function () { readUrl(); shown = PAGE; remember(); update(); });
  }
})();
