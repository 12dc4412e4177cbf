/* One case card as a DOM element, for the cards drawn in the browser (the case library,
   the case composer's preview): a clone of the page's <template id="pb-card-template">,
   which the case_card macro's markup fills with {placeholders} (templates/partials/
   macros.html), so the card's markup and its links exist once. `c`: id, title, summary,
   alias, result, result_label, industry [id], tier [id] (or []), pain [ids], tone (good,
   bad or neutral); `labels`: {industry, tier, pain} id → label. Values only ever go in as
   text or attribute values, never as HTML. */
(function () {
  "use strict";
  var PLACEHOLDER = /\{(\w+)\}/g;

  /* Put values in for the {names} of every attribute and text node under `node`; a text
     node whose placeholders are all empty (an unset tier) is removed. */
  function fill(node, values) {
    function put(text, uri) {
      return text.replace(PLACEHOLDER, function (whole, name) {
        if (!(name in values)) return whole;
        var value = values[name] == null ? "" : String(values[name]);
        return uri ? encodeURIComponent(value) : value;
      });
    }
    var walker = document.createTreeWalker(node, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    var empty = [];
    for (var n = node; n; n = walker.nextNode()) {
      if (n.nodeType === Node.TEXT_NODE) {
        var names = n.nodeValue.match(PLACEHOLDER);
        if (!names) continue;
        var unset = names.every(function (p) { var v = values[p.slice(1, -1)]; return v == null || v === ""; });
        if (unset) empty.push(n); else n.nodeValue = put(n.nodeValue, false);
      } else {
        Array.prototype.forEach.call(n.attributes, function (a) {
          if (a.value.indexOf("{") >= 0) a.value = put(a.value, a.name === "href");
        });
      }
    }
    empty.forEach(function (t) { t.remove(); });
  }

  window.PlaybookCaseCard = function (c, labels) {
    var template = document.getElementById("pb-card-template");
    var card = template.content.firstElementChild.cloneNode(true);
    var chips = card.querySelector(".pb-chips");
    var chip = chips.querySelector(".pb-chip");
    chips.textContent = "";
    c.pain.forEach(function (p) {
      var one = chip.cloneNode(true);
      fill(one, { pain: p, pain_label: labels.pain[p] });
      chips.append(one, " ");
    });
    var industry = c.industry[0];
    fill(card, {
      id: c.id, tone: c.tone || "neutral", result: c.result, result_label: c.result_label,
      title: c.title, alias: c.alias, industry: industry, industry_name: labels.industry[industry],
      tier: c.tier.length ? labels.tier[c.tier[0]] : "", summary: c.summary
    });
    return card;
  };
})();
