/* Query understanding shared by the header search (search.js) and the case library's free
   text (library.js): how reps and sellers phrase things, turned into what to look for.

   - fold: Traditional → Simplified (OpenCC's table, generated at build time into
     assets/playbook/t2s.json; its URL is in #pb-query-data), full-width → half-width, lower case;
   - filler: words that carry no meaning for search (怎么办, 客户说, 我的 …) are dropped where
     they stand as whole words, and particles (了, 吗, 呢 …) at the end;
   - synonyms: groups from content/taxonomy.yaml (`synonyms:`), read from the page's
     #pb-query-data element; a word of a group found in the query stands for all of them;
   - terms: what is left, cut into words (synonyms first, then Intl.Segmenter, with runs
     of single characters kept together): the header search also looks for each on its
     own, the library requires each when no case holds the whole phrase.

   Exposes window.PlaybookQuery; no DOM access besides reading #pb-query-data. */
(function () {
  "use strict";

  // Longest first, so 怎么办 goes before 怎么; removed only where they are whole words.
  var FILLER = {
    zh: ["我们的客户", "我的客户", "客户一直说", "客户总是说", "客户老是说", "客户总说", "客户老说",
      "客户觉得", "客户表示", "客户反馈", "客户说", "客户嫌", "客户问", "客户要", "对方说", "对方",
      "怎么回复", "怎么应对", "怎么处理", "怎么回答", "怎么解决", "怎么办", "怎么回", "怎么样",
      "怎么让", "怎么", "如何让", "如何", "怎样", "为什么", "请问", "能不能", "是不是", "有没有",
      "应该", "我们的", "我的", "一直", "老是", "总是", "还是", "一下"],
    en: ["what do i do if", "how do i", "how to", "what if", "customer says", "the customer",
      "my customer", "client says"],
  };
  // Single words that never make a search term on their own (the retry drops them).
  var STOP = { zh: "的 了 是 在 说 把 给 让 要 跟 和 与 也 都 就 很 太 又 还 再 被 会 能 可 我 你 他 她 它 们 这 那 个 有 没 不".split(" "),
    en: "a an the of to for and or is are in on my our".split(" ") };

  var lang = /^en/i.test(document.documentElement.lang || "") ? "en" : "zh";
  var table = null;        // Traditional → Simplified, by character
  var groups = [];         // synonym groups, folded
  var pages = 1;           // pages on the site (the build counts them)
  var loading = null;

  function readData() {
    var node = document.getElementById("pb-query-data");
    if (!node) return {};
    try { return JSON.parse(node.textContent || "{}"); } catch (e) { return {}; }
  }

  /* Load the folding table once (the synonym groups come with the page). */
  function ready(base) {
    if (!loading) {
      // The word breaker loads its dictionary on first use: do that while the table loads.
      if (typeof Intl !== "undefined" && Intl.Segmenter) {
        setTimeout(function () { Array.from(segmenter().segment("预热 warm")); }, 0);
      }
      var data = readData();
      var got = data.table ? fetch((base || "/") + data.table) : Promise.reject(null);
      loading = got.then(function (r) { return r.ok ? r.json() : null; })
        .catch(function () { return null; })
        .then(function (t2s) {
          table = {};
          if (t2s && t2s.t && t2s.s) {
            var t = Array.from(t2s.t), s = Array.from(t2s.s);
            for (var i = 0; i < t.length; i++) table[t[i]] = s[i];
          }
          pages = data.pages || 1;
          // A word ending in a particle (钱花完了) also stands as the query will have it (钱花完).
          groups = (data.synonyms || []).map(function (g) {
            var words = [];
            g.map(fold).forEach(function (w) {
              [w, w.replace(PARTICLES, "")].forEach(function (v) { if (v && words.indexOf(v) < 0) words.push(v); });
            });
            return words;
          }).filter(function (g) { return g.length > 1; });
        });
    }
    return loading;
  }

  function fold(text) {
    var out = "";
    var chars = Array.from(String(text || "").normalize("NFKC"));
    for (var i = 0; i < chars.length; i++) out += (table && table[chars[i]]) || chars[i];
    return out.toLowerCase();
  }

  /* fold() one character at a time, so positions in the result match the text's. */
  function foldSame(text) {
    var out = "";
    for (var i = 0; i < text.length; i++) {
      var c = text[i], f = fold(c);
      out += f.length === 1 ? f : c.toLowerCase().length === 1 ? c.toLowerCase() : c;
    }
    return out;
  }

  var PARTICLES = /[了吗呢吧啊呀嘛]+$/;
  var PUNCT = /[\s\u3000-\u303f\uff01-\uff0f\uff1a-\uff20,;!?"'()\[\]{}<>“”‘’…—·]+/g;

  var cutter = null;
  function segmenter() {
    return cutter || (cutter = new Intl.Segmenter(lang, { granularity: "word" }));
  }

  /* Positions where a word starts or ends (every position without Intl.Segmenter). */
  function boundaries(text) {
    var at = {};
    if (typeof Intl === "undefined" || !Intl.Segmenter) {
      for (var i = 0; i <= text.length; i++) at[i] = true;
      return at;
    }
    at[0] = at[text.length] = true;
    for (var part of segmenter().segment(text)) {
      at[part.index] = at[part.index + part.segment.length] = true;
    }
    return at;
  }

  /* Filler removed where it stands as whole words (对方 in 对方说 goes, in 对方案
     stays), then particles at the end (太贵了 → 太贵). */
  function stripFiller(text) {
    var list = FILLER[lang], at = boundaries(text), drop = [];
    list.forEach(function (f) {
      for (var i = text.indexOf(f); i >= 0; i = text.indexOf(f, i + 1)) {
        if (!at[i] || !at[i + f.length]) continue;
        var free = true;
        for (var j = i; j < i + f.length; j++) if (drop[j]) free = false;
        if (free) for (j = i; j < i + f.length; j++) drop[j] = true;
      }
    });
    // What is left closes up in Chinese (客户说太贵 → 太贵); English words keep a space.
    var out = "";
    for (var k = 0; k < text.length; k++) {
      if (!drop[k]) out += text[k];
      else if (lang === "en" && !drop[k - 1]) out += " ";
    }
    return out.replace(PARTICLES, "").replace(/\s+/g, " ").trim();
  }

  function segment(text) {
    if (typeof Intl === "undefined" || !Intl.Segmenter) return text.split(/\s+/);
    var words = [], run = "";
    var parts = segmenter().segment(text);
    for (var part of parts) {
      var w = part.segment;
      if (!part.isWordLike) { if (run) { words.push(run); run = ""; } continue; }
      // Runs of single CJK characters are usually one word the dictionary lacks (分|拣).
      if (Array.from(w).length === 1 && /[\u3400-\u9fff]/.test(w) && STOP[lang].indexOf(w) < 0) {
        run += w;
        continue;
      }
      if (run) { words.push(run); run = ""; }
      words.push(w);
    }
    if (run) words.push(run);
    return words;
  }

  /* Each synonym word found in `text` (longest first) with its group, and the rest. */
  function findSynonyms(text) {
    var found = [], rest = text;
    var words = [];
    groups.forEach(function (g, gi) { g.forEach(function (w) { words.push([w, gi]); }); });
    words.sort(function (a, b) { return b[0].length - a[0].length; });
    words.forEach(function (pair) {
      if (rest.indexOf(pair[0]) >= 0 && !found.some(function (f) { return f.group === pair[1]; })) {
        found.push({ word: pair[0], group: pair[1], alts: groups[pair[1]] });
        rest = rest.split(pair[0]).join(" ");
      }
    });
    return { found: found, rest: rest };
  }

  /* What a query asks for:
     key      the query folded, filler removed (the whole query if nothing is left);
     phrases  the key and its synonym variants, the key first (at most `limit`);
     terms    the key's words, each with its alternatives ([[分拣, 拣货], [旺季, 大促] …]). */
  function analyze(text, limit) {
    limit = limit || 6;
    var folded = fold(text).replace(PUNCT, " ").trim();
    var key = stripFiller(folded) || folded;
    var syn = findSynonyms(key);
    var phrases = [key];
    syn.found.forEach(function (f) {
      phrases.slice().forEach(function (p) {
        f.alts.forEach(function (alt) {
          if (alt === f.word || phrases.length >= limit) return;
          var variant = p.split(f.word).join(alt);
          if (phrases.indexOf(variant) < 0) phrases.push(variant);
        });
      });
    });
    var terms = syn.found.map(function (f) {
      return [f.word].concat(f.alts.filter(function (a) { return a !== f.word; }));
    });
    segment(syn.rest).forEach(function (w) {
      w = w.trim();
      if (!w || STOP[lang].indexOf(w) >= 0) return;
      if (!terms.some(function (t) { return t[0] === w; })) terms.push([w]);
    });
    return { query: text, folded: folded, key: key, phrases: phrases, terms: terms };
  }

  /* The words a result should highlight: every term and alternative, longest first. */
  function highlightWords(analysis) {
    var words = [];
    analysis.terms.forEach(function (t) { t.forEach(function (w) { if (words.indexOf(w) < 0) words.push(w); }); });
    if (words.indexOf(analysis.key) < 0 && analysis.key.indexOf(" ") < 0) words.push(analysis.key);
    return words.sort(function (a, b) { return b.length - a.length; });
  }

  /* Case-library matching over texts already passed through fold(): the key (or a synonym
     variant) as a phrase; when no text holds it, every term (any of its alternatives)
     anywhere in the text. Returns the indexes of the matching texts. */
  function matchTexts(analysis, folded) {
    var hits = [];
    folded.forEach(function (t, i) {
      if (analysis.phrases.some(function (p) { return t.indexOf(p) >= 0; })) hits.push(i);
    });
    if (hits.length || analysis.terms.length < 2) return hits;
    folded.forEach(function (t, i) {
      var all = analysis.terms.every(function (alts) {
        return alts.some(function (a) { return t.indexOf(a) >= 0; });
      });
      if (all) hits.push(i);
    });
    return hits;
  }

  window.PlaybookQuery = {
    ready: ready, fold: fold, foldSame: foldSame, analyze: analyze, highlightWords: highlightWords,
    matchTexts: matchTexts, lang: lang, pages: function () { return pages; },
    loaded: function () { return table !== null; },
  };
})();
