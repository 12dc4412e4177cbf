/* The case library's pure logic (used by library.js): the cases from the facet index, their
   card texts, which cases a view shows (free text; facets, AND across facets, OR within
   one), the count each facet value would have, and the order. Pure functions, no DOM, no
   fetch (tested directly in Chromium). Linked before library.js (the package's scripts are
   linked in name order).

   A case is {i, reviewed, improvement, text, folded?, <facet name>: [value ids]} and, once
   its card texts have arrived, id, title, summary, alias, result, result_label, tone
   (`text`: its card's words, lower case; null until then); `data`: cases/facets.json;
   `facets`: its [{name, label, values: [{id, label}]}]; `sel`: facet name → chosen value
   ids; `labels`: facet name → value id → label. Exposes window.PlaybookCaseFilter. */
(function (root) {
  "use strict";

  /* The index's columns → one object per case, in the index's order, with the value ids
     of each facet (as the URL uses them): a single-valued facet holds one value index per
     case (-1 for none), the others a list of them. */
  function prepare(data) {
    return data.reviewed.map(function (reviewed, i) {
      var c = { i: i, reviewed: reviewed, improvement: data.improvement[i], text: null };
      data.facets.forEach(function (f) {
        var v = data[f.name][i];
        var list = Array.isArray(v) ? v : v < 0 ? [] : [v];
        c[f.name] = list.map(function (n) { return f.values[n].id; });
      });
      return c;
    });
  }

  /* Facet name → value id → label. */
  function labelsOf(facets) {
    var labels = {};
    facets.forEach(function (f) {
      labels[f.name] = {};
      f.values.forEach(function (v) { labels[f.name][v.id] = v.label; });
    });
    return labels;
  }

  /* One card-text row ([id, title, summary, alias, result, result label, tone]) into its
     case, with the lower-cased search text: the card's texts, the industry and the pain
     points (substring search works for Chinese without segmentation). */
  function addCard(c, row, labels) {
    c.id = row[0]; c.title = row[1]; c.summary = row[2]; c.alias = row[3];
    c.result = row[4]; c.result_label = row[5]; c.tone = row[6] || "neutral";
    c.text = [c.title, c.summary, c.alias, c.result, c.result_label, labels.industry[c.industry[0]]]
      .concat(c.pain.map(function (p) { return labels.pain[p]; }))
      .join(" ").toLowerCase();
    return c;
  }

  /* A chunk of card-text rows into the cases from index `first` on. */
  function addCards(cases, first, rows, labels) {
    rows.forEach(function (row, j) { addCard(cases[first + j], row, labels); });
  }

  /* Most recently reviewed first; the index order (by id) breaks ties. */
  function cmpReviewed(a, b) {
    return b.reviewed - a.reviewed || a.i - b.i;
  }

  /* Largest improvement first, then as cmpReviewed. */
  function cmpImprovement(a, b) {
    return b.improvement - a.improvement || cmpReviewed(a, b);
  }

  /* The comparator of a sort named in the URL: "improvement", else the review date. */
  function comparator(sort) {
    return sort === "improvement" ? cmpImprovement : cmpReviewed;
  }

  /* Every one of `words` (lower case) somewhere in the case's text. */
  function matchesText(c, words) {
    if (!words.length) return true;
    for (var i = 0; i < words.length; i++) if (c.text.indexOf(words[i]) < 0) return false;
    return true;
  }

  /* The cases the free text keeps: through the query module `Q` (window.PlaybookQuery:
     filler, synonyms, Traditional characters; `query` as typed), word by word without it.
     Each case keeps its folded text once the folding table has loaded. */
  function textMatches(cases, words, query, Q) {
    if (!words.length) return cases;
    if (!Q) return cases.filter(function (c) { return matchesText(c, words); });
    var texts = cases.map(function (c) {
      return c.folded || (Q.loaded() ? (c.folded = Q.fold(c.text)) : Q.fold(c.text));
    });
    return Q.matchTexts(Q.analyze(query), texts).map(function (i) { return cases[i]; });
  }

  /* AND across facets, OR within one; `skip` leaves one facet out (for its own counts). */
  function matchesFacets(c, facets, sel, skip) {
    for (var i = 0; i < facets.length; i++) {
      var name = facets[i].name, chosen = sel[name];
      if (name === skip || !chosen.length) continue;
      if (!chosen.some(function (v) { return c[name].indexOf(v) >= 0; })) return false;
    }
    return true;
  }

  /* The cases of `cases` that match the whole selection, in their order. */
  function selected(cases, facets, sel) {
    return cases.filter(function (c) { return matchesFacets(c, facets, sel, null); });
  }

  /* Per facet, how many of `cases` each value would show: the selection of the other
     facets applies, the facet's own does not (facet name → value id → count; a value no
     case has is absent). */
  function counts(cases, facets, sel) {
    var out = {};
    facets.forEach(function (f) {
      var n = out[f.name] = {};
      cases.forEach(function (c) {
        if (matchesFacets(c, facets, sel, f.name)) c[f.name].forEach(function (v) { n[v] = (n[v] || 0) + 1; });
      });
    });
    return out;
  }

  root.PlaybookCaseFilter = {
    prepare: prepare, labelsOf: labelsOf, addCard: addCard, addCards: addCards,
    cmpReviewed: cmpReviewed, cmpImprovement: cmpImprovement, comparator: comparator,
    matchesText: matchesText, textMatches: textMatches, matchesFacets: matchesFacets,
    selected: selected, counts: counts,
  };
})(window);
