/* The objection finder's matching (used by objections.js): which objections a query
   finds and in what order, by their text, aliases, category, pinyin (full, by initials or
   mixed) and response texts. Pure functions, no DOM (tested directly in Chromium). Linked
   before objections.js (the package's scripts are linked in name order).

   An entry is what entry() makes of one finder item's data-search JSON (objection_tools.py:
   t text, a aliases, c category, p pinyin keys "jia ge gao", r response titles and
   scripts). Exposes window.PlaybookFinderMatch. */
(function (root) {
  "use strict";

  /* Compared as typed, whatever the width, case or spacing. */
  function norm(text) {
    return String(text || "")
      .normalize("NFKC")
      .toLowerCase()
      .replace(/\s+/g, "");
  }

  /* A finder item's data-search object, normalised once for matching. */
  function entry(data) {
    data = data || {};
    return {
      _t: norm(data.t),
      _a: (data.a || []).map(norm),
      _c: norm(data.c),
      _p: (data.p || []).map(function (key) {
        return key ? key.split(" ") : [];
      }),
      _r: (data.r || []).map(norm),
    };
  }

  /* The words of a query, each of which must match. */
  function terms(raw) {
    return String(raw || "")
      .normalize("NFKC")
      .toLowerCase()
      .split(/\s+/)
      .filter(Boolean);
  }

  /**
   * Where a pinyin query matches a key ("jia ge gao"), as the index of the syllable it
   * starts at, or -1. Each syllable is typed in full, by its first letter (zh/ch/sh: one or
   * two letters), or, for the last one, by any prefix: "jg", "jiage", "jiag" all match.
   */
  function pinyinMatch(syllables, q) {
    var failed = {};
    function from(j, k) {
      if (k === q.length) return true;
      if (j >= syllables.length) return false;
      var memo = j * 100 + k;
      if (failed[memo]) return false;
      var s = syllables[j];
      var rest = q.slice(k);
      var ok =
        s.indexOf(rest) === 0 ||
        (rest.indexOf(s) === 0 && from(j + 1, k + s.length)) ||
        (s.charAt(1) === "h" && "zcs".indexOf(s.charAt(0)) >= 0 &&
          rest.indexOf(s.slice(0, 2)) === 0 && from(j + 1, k + 2)) ||
        (s.charAt(0) === rest.charAt(0) && from(j + 1, k + 1));
      if (!ok) failed[memo] = true;
      return ok;
    }
    for (var start = 0; start < syllables.length; start++) {
      if (from(start, 0)) return start;
    }
    return -1;
  }

  /**
   * Rank of one search term against one entry (lower is better), or Infinity.
   * Order: objection text (prefix, then anywhere), aliases, category, pinyin of those
   * (from the start, then inside), then response titles and scripts.
   */
  function rankTerm(entry, term) {
    function score(tier, field, pos) {
      return tier * 10000 + Math.min(field, 99) * 100 + Math.min(pos, 99);
    }
    var best = Infinity;
    var pos = entry._t.indexOf(term);
    if (pos === 0) return score(0, 0, 0);
    if (pos > 0) best = score(1, 0, pos);
    entry._a.forEach(function (alias, i) {
      var p = alias.indexOf(term);
      if (p >= 0) best = Math.min(best, score(p === 0 ? 2 : 3, i, p));
    });
    if (best < Infinity) return best;
    var c = entry._c.indexOf(term);
    if (c >= 0) return score(4, 0, c);
    if (/^[a-z0-9]+$/.test(term)) {
      entry._p.forEach(function (syllables, i) {
        var start = pinyinMatch(syllables, term);
        if (start >= 0) best = Math.min(best, score(start === 0 ? 5 : 6, i, start));
      });
      if (best < Infinity) return best;
    }
    entry._r.forEach(function (text, i) {
      var p = text.indexOf(term);
      if (p >= 0) best = Math.min(best, score(7, i, p));
    });
    return best;
  }

  /* Rank of an entry for all the terms (the sum), or Infinity if one does not match. */
  function rank(entry, terms) {
    var total = 0;
    for (var i = 0; i < terms.length; i++) {
      var r = rankTerm(entry, terms[i]);
      if (r === Infinity) return Infinity;
      total += r;
    }
    return total;
  }

  /* The entries in the finder's order for `terms`: [{index, rank}], best first, the page's
     order breaking ties; rank Infinity for the entries the terms do not find (last). No
     terms: every entry, rank 0, in the page's order. */
  function order(entries, terms) {
    var ranked = entries.map(function (e, i) {
      return { index: i, rank: terms.length ? rank(e, terms) : 0 };
    });
    ranked.sort(function (a, b) {
      return a.rank - b.rank || a.index - b.index;
    });
    return ranked;
  }

  root.PlaybookFinderMatch = {
    norm: norm, entry: entry, terms: terms, pinyinMatch: pinyinMatch, rankTerm: rankTerm,
    rank: rank, order: order,
  };
})(window);
