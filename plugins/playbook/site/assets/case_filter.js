/* Which cases a view of the case library shows (used by library.js): the free text, the
   facet selection (AND across facets, OR within one) and the count each facet value would
   have. Pure functions, no DOM, no fetch (tested directly in Chromium). Linked before
   library.js (the package's scripts are linked in name order).

   A case is {text, folded?, <facet name>: [value ids]} (`text`: its card's words, lower
   case); `facets`: [{name, values: [{id}]}] (cases/facets.json); `sel`: facet name →
   chosen value ids. Exposes window.PlaybookCaseFilter. */
(function (root) {
  "use strict";

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
    matchesText: matchesText, textMatches: textMatches, matchesFacets: matchesFacets,
    selected: selected, counts: counts,
  };
})(window);
