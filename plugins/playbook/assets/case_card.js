/* One case card as a DOM element: the markup of the case_card macro in
   templates/partials/macros.html, for cards drawn in the browser (the case library and
   the case composer's preview). `c`: id, title, summary, alias, result, result_label,
   industry [id], tier [id] (or []), pain [ids], tone (good, bad or neutral); `labels`: {industry, tier, pain} id → label.
   Text only ever goes in as textContent. */
(function () {
  "use strict";
  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text != null) node.textContent = text;
    return node;
  }
  window.PlaybookCaseCard = function (c, labels, base) {
    var a = el("article", "pb-card");
    a.dataset.case = c.id;
    var result = el("p", "pb-card__result");
    result.append(el("span", "pb-result-value pb-tone--" + (c.tone || "neutral"), c.result), " " + c.result_label);
    var title = el("h3", "pb-card__title");
    var link = el("a", null, c.title); link.href = base + "cases/" + c.id + "/";
    title.append(link);
    var meta = el("p", "pb-card__meta", c.alias + " · ");
    var ind = el("a", null, labels.industry[c.industry[0]]);
    ind.href = base + "industries/" + c.industry[0] + "/";
    meta.append(ind);
    if (c.tier.length) meta.append(" · " + labels.tier[c.tier[0]]);
    var chips = el("p", "pb-chips");
    c.pain.forEach(function (p) {
      var chip = el("a", "pb-chip", labels.pain[p]); chip.href = base + "pain-points/" + p + "/";
      chips.append(chip, " ");
    });
    a.append(result, title, meta, el("p", "pb-card__summary", c.summary), chips);
    return a;
  };
})();
