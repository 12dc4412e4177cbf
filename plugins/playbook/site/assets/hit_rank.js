/* The header search's ranking (used by search.js): how the Pagefind searches of one query
   merge into one list, how the best hits are re-ranked on their text, and the excerpt and
   highlights a hit shows. Pure functions, no DOM, no fetch, no Pagefind (tested directly
   in Chromium). Linked before search.js (the package's scripts are linked in name order).

   `analysis` is PlaybookQuery.analyze()'s result ({key, phrases, terms}); `Q` is the query
   module (window.PlaybookQuery: fold, foldSame, highlightWords). A Pagefind search is
   {results: [{id, score}]}; a hit is {result, score} and, once its text is loaded,
   data: {url, content, meta: {title, kind, kind_id}}. Exposes window.PlaybookHitRank. */
(function (root) {
  "use strict";

  var SYNONYM = 0.9;       // a synonym variant's score, relative to the words typed
  var PAGE = 0.5;          // a playbook page whose title does not name the query's words
  var TITLE = 2, TEXT = 1.5; // the phrase (or a synonym of it) in a hit's title, in its text

  /* Pagefind's best-scored page of one search scores `weight`, the others relative to it;
     each page keeps its best score in `into` (id → {result, s}). */
  function normalised(search, weight, into) {
    var results = search ? search.results : [];
    var top = results.length ? results[0].score || 1 : 1;
    results.forEach(function (r) {
      var s = weight * r.score / top;
      if (!into[r.id] || into[r.id].s < s) into[r.id] = { result: r, s: s };
    });
    return into;
  }

  /* The searches a query needs, as [term, alternative, word]: the phrase typed and its
     synonym variants (term -1), and, for a query of several words, each word and its
     synonyms on their own (a word that is also a phrase is searched once, as a phrase). */
  function jobs(analysis) {
    var list = analysis.phrases.map(function (p, i) { return [-1, i, p]; });
    if (analysis.terms.length > 1) {
      analysis.terms.forEach(function (alts, t) {
        alts.forEach(function (w, i) { if (analysis.phrases.indexOf(w) < 0) list.push([t, i, w]); });
      });
    }
    return list;
  }

  /* One ranking from the searches of jobs(analysis) (`found`, in the same order; `total`:
     pages on the site): each word weighted by how rare it is in the index, so a page that
     is best for the phrase scores as much as one best for every word. Returns
     [{result, score, terms}], best first; `terms` counts the words a page was found for. */
  function merge(analysis, jobList, found, total) {
    var phrase = {}, terms = analysis.terms.map(function () { return {}; });
    found.forEach(function (search, k) {
      var job = jobList[k], weight = job[1] === 0 ? 1 : SYNONYM;
      normalised(search, weight, job[0] < 0 ? phrase : terms[job[0]]);
    });
    var pages = {}, rarity = 0;
    function page(entry) {
      return pages[entry.result.id] || (pages[entry.result.id] = { result: entry.result, score: 0, terms: 0 });
    }
    terms.forEach(function (hits) {
      var ids = Object.keys(hits);
      if (!ids.length) return;
      var idf = Math.log(1 + total / ids.length);
      rarity += idf;
      ids.forEach(function (id) { var p = page(hits[id]); p.score += idf * hits[id].s; p.terms += 1; });
    });
    Object.keys(phrase).forEach(function (id) { page(phrase[id]).score += (rarity || 1) * phrase[id].s; });
    return Object.keys(pages).map(function (id) { return pages[id]; })
      .sort(function (a, b) { return b.score - a.score; });
  }

  /* Re-rank hits whose text is loaded: the phrase (or a synonym of it) in the title counts
     most, then in the text; records come before playbook pages, unless a page's title
     holds one of the query's words. Sets each hit's `rank` and `holds` (whether its text
     holds any of the query's words) and returns the hits that hold one, best first. */
  function rerank(hits, analysis, Q) {
    var words = Q.highlightWords(analysis);
    hits.forEach(function (h) {
      var meta = h.data.meta || {};
      var title = Q.fold(meta.title || ""), content = Q.fold(h.data.content || "");
      var inTitle = analysis.phrases.some(function (p) { return title.indexOf(p) >= 0; });
      var inText = inTitle || analysis.phrases.some(function (p) { return content.indexOf(p) >= 0; });
      var named = words.some(function (w) { return title.indexOf(w) >= 0; });
      h.rank = h.score * (inTitle ? TITLE : inText ? TEXT : 1) *
        (meta.kind_id === "page" && !named ? PAGE : 1);
      // Pagefind also matches words that merely start like a query word (量子 → 量…,
      // xqz → x): a hit whose text holds none of the query's words is dropped.
      h.holds = inText || words.some(function (w) { return content.indexOf(w) >= 0 || title.indexOf(w) >= 0; });
    });
    return hits.filter(function (h) { return h.holds; })
      .sort(function (a, b) { return b.rank - a.rank; });
  }

  /* `text` cut where any of `words` (folded, longest first) occurs: [{text, mark}], the
     pieces with mark true to be highlighted. */
  function marks(text, words, Q) {
    var folded = Q.foldSame(text), pieces = [], i = 0, plain = "";
    while (i < text.length) {
      var hit = null;
      for (var k = 0; k < words.length; k++) {
        if (words[k] && folded.startsWith(words[k], i)) { hit = words[k]; break; }
      }
      if (!hit) { plain += text[i++]; continue; }
      if (plain) { pieces.push({ text: plain, mark: false }); plain = ""; }
      pieces.push({ text: text.slice(i, i + hit.length), mark: true });
      i += hit.length;
    }
    if (plain) pieces.push({ text: plain, mark: false });
    return pieces;
  }

  /* An excerpt that starts at the first match (or the start of its sentence, if close). */
  function excerpt(content, words, Q) {
    var text = (content || "").replace(/\s+/g, " ").trim();
    var folded = Q.foldSame(text), at = -1;
    words.forEach(function (w) {
      var i = folded.indexOf(w);
      if (i >= 0 && (at < 0 || i < at)) at = i;
    });
    if (at < 0) at = 0;
    var start = at;
    for (var j = at - 1; j >= Math.max(0, at - 24); j--) {
      if ("。！？；.!?;\n".indexOf(text[j]) >= 0) { start = j + 1; break; }
      if (j === 0) start = 0;
    }
    var piece = text.slice(start, start + 110).trim();
    return (start > 0 ? "…" : "") + piece + (start + 110 < text.length ? "…" : "");
  }

  root.PlaybookHitRank = {
    normalised: normalised, jobs: jobs, merge: merge, rerank: rerank, marks: marks, excerpt: excerpt,
  };
})(window);
