/* The case composer (/cases/new/): reads the form into a draft, checks it with
   composer_rules.js on every change, shows each problem under its field (once the field
   was edited, or all of them after copy / download / pull request) and in the list,
   previews the headline and the card (case_card.js), and writes the file
   (composer_yaml.js). Active only where #pb-composer exists. Text only as textContent. */
(function () {
  "use strict";
  // The data file (cases/composer.json) is fetched at once; the form starts when both it
  // and the rules and YAML scripts (deferred, after this one) are there.
  var root = document.getElementById("pb-composer");
  if (!root || !window.fetch) return;
  var data = fetch(root.dataset.src).then(function (r) { return r.json(); });
  document.addEventListener("DOMContentLoaded", function () { data.then(start); });

function start(data) {
  var R = window.PlaybookComposerRules, Y = window.PlaybookComposerYaml;
  var base = root.dataset.base || "";
  var form = document.getElementById("pb-composer-form");
  var rows = document.getElementById("pb-composer-results");
  var rowTemplate = document.getElementById("pb-composer-result-row");
  var yamlBox = document.getElementById("pb-composer-yaml");
  var download = document.getElementById("pb-composer-download");
  var pr = document.getElementById("pb-composer-pr");
  var summary = document.getElementById("pb-composer-summary");
  var problemList = document.getElementById("pb-composer-problems");
  var touched = {}, showAll = false, blobUrl = null, current = { yaml: "", id: "" };

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text != null) node.textContent = text;
    return node;
  }
  function fmt(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, key) { return values[key]; });
  }
  function localToday() {
    var d = new Date();
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
  }
  function say(message) { return R.render(message, data.messages); }

  // --- the form → a draft --------------------------------------------------------------
  function value(node) {
    if (node.hasAttribute("data-multi")) {
      return Array.prototype.map.call(node.querySelectorAll("input:checked"), function (b) { return b.value; });
    }
    return node.value;
  }
  function collect() {
    var draft = { customer: {}, quote: {}, private: {}, results: [] };
    form.querySelectorAll("[data-field]").forEach(function (node) {
      var path = node.dataset.field.split(".");
      if (path.length === 1) draft[path[0]] = value(node);
      else draft[path[0]][path[1]] = value(node);
    });
    rows.querySelectorAll("[data-result-row]").forEach(function (row) {
      var result = {};
      row.querySelectorAll("[data-row-field]").forEach(function (node) { result[node.dataset.rowField] = node.value; });
      draft.results.push(result);
    });
    return draft;
  }

  // --- result rows -----------------------------------------------------------------------
  function addRow() {
    rows.append(rowTemplate.content.cloneNode(true));
    renumber();
  }
  function renumber() {
    rows.querySelectorAll("[data-result-row]").forEach(function (row, i) {
      row.dataset.index = i;
      row.querySelectorAll("[data-row-field]").forEach(function (node) {
        node.id = "pb-c-results-" + i + "-" + node.dataset.rowField;
        node.previousElementSibling.htmlFor = node.id;
      });
    });
  }
  document.getElementById("pb-composer-add-result").addEventListener("click", function () {
    addRow(); update();
    var last = rows.lastElementChild;
    if (last) last.querySelector("select").focus();
  });
  rows.addEventListener("click", function (e) {
    var button = e.target.closest("[data-remove-result]");
    if (!button) return;
    button.closest("[data-result-row]").remove();
    touched = {};  // row numbers shift
    renumber(); update();
  });

  // --- problems ----------------------------------------------------------------------------
  function fieldOf(node) {
    if (node.dataset.field) return node.dataset.field;
    var owner = node.closest("[data-field]");
    if (owner) return owner.dataset.field;
    var row = node.closest("[data-result-row]");
    if (row && node.dataset.rowField) return "results." + row.dataset.index + "." + node.dataset.rowField;
    return null;
  }
  function target(field) {
    var parts = field.split(".");
    if (parts[0] === "results" && parts.length > 1) {
      var row = rows.querySelectorAll("[data-result-row]")[+parts[1]];
      return row ? row.querySelector('[data-row-error="' + (parts[2] || "") + '"]') : null;
    }
    return form.querySelector('[data-error-for="' + field + '"]');
  }
  function visible(field) {
    if (showAll || touched[field]) return true;
    // A quote needs both parts once either is written.
    if (field.indexOf("quote.") === 0 && (touched["quote.text"] || touched["quote.by"])) return true;
    // A row's own problem (result needs 'change') shows once any of its fields was edited.
    return Object.keys(touched).some(function (t) { return t.indexOf(field + ".") === 0; });
  }
  function focusField(field) {
    var box = target(field);
    var scope = box && box.parentElement;
    var input = scope && scope.querySelector("input, select, textarea");
    if (input) input.focus();
  }
  function showProblems(problems) {
    form.querySelectorAll("[data-error-for], [data-row-error]").forEach(function (node) {
      node.hidden = true; node.textContent = "";
    });
    form.querySelectorAll("[aria-invalid]").forEach(function (node) { node.removeAttribute("aria-invalid"); });
    problemList.replaceChildren();
    problems.forEach(function (p) {
      var text = say(p.message), hint = say(p.hint);
      var item = el("li", "pb-composer__problem");
      var link = el("a", null, text);
      link.href = "#";
      link.dataset.problemFor = p.field;
      item.append(link);
      if (hint) item.append(el("span", "pb-composer__hint", hint));
      problemList.append(item);
      var box = target(p.field);
      if (box && visible(p.field)) {
        var line = el("span", "pb-composer__message", text);
        box.append(line);
        if (hint) box.append(el("span", "pb-composer__hint", hint));
        box.hidden = false;
        var input = box.parentElement.querySelector("input, select, textarea");
        if (input) input.setAttribute("aria-invalid", "true");
      }
    });
    summary.textContent = problems.length ? fmt(summary.dataset.count, { n: problems.length }) : summary.dataset.ok;
    summary.classList.toggle("pb-composer__summary--ok", !problems.length);
  }
  problemList.addEventListener("click", function (e) {
    var link = e.target.closest("a[data-problem-for]");
    if (!link) return;
    e.preventDefault();
    showAll = true; update();
    focusField(link.dataset.problemFor);
  });

  // --- preview -------------------------------------------------------------------------------
  function resultText(r) {
    if (r.change) return r.change;
    var unit = (data.metrics[r.metric] || {}).unit;  // bare figures get the metric's unit, as in check
    return R.withUnit(r.before || "", unit, data.rules) + " → " + R.withUnit(r.after || "", unit, data.rules);
  }
  function preview(c, id) {
    document.getElementById("pb-composer-preview-title").textContent = c.title || "";
    var headline = document.getElementById("pb-composer-headline");
    headline.replaceChildren.apply(headline, (c.results || []).map(function (r) {
      var metric = el("div", "pb-metric");
      metric.append(el("span", "pb-metric__value", resultText(r)),
        el("span", "pb-metric__label", (r.label || "") + (r.period ? "（" + r.period + "）" : "")));
      return metric;
    }));
    var first = (c.results || [])[0] || {};
    var customer = c.customer || {};
    var card = window.PlaybookCaseCard({
      id: id || "new", title: c.title || "", summary: c.summary || "", alias: customer.alias || "",
      result: first.metric || first.change || first.before ? resultText(first) : "",
      result_label: first.label || "",
      industry: [customer.industry || ""], tier: c.tier ? [c.tier] : [], pain: c.pain_points || []
    }, data.labels);
    document.getElementById("pb-composer-card").replaceChildren(card);
  }

  // --- output ----------------------------------------------------------------------------------
  function output(c, id) {
    var yaml = Y.caseYaml(c, data.modeline);
    var name = (id || "<id>") + ".yaml";
    current = { yaml: yaml, id: id };
    yamlBox.value = yaml;
    document.getElementById("pb-composer-filename").textContent = data.folders.case + "/" + name;
    if (blobUrl) URL.revokeObjectURL(blobUrl);
    blobUrl = URL.createObjectURL(new Blob([yaml], { type: "text/yaml;charset=utf-8" }));
    download.href = blobUrl;
    download.setAttribute("download", name);
    if (pr && data.host) pr.href = Y.newFileUrl(data.host, data.folders.case + "/" + name, yaml);
  }

  function update() {
    var draft = collect();
    var c = R.clean(draft);
    var id = (draft.id || "").trim();
    showProblems(R.validate(c, data, { id: id, today: localToday() }));
    preview(c, id);
    output(c, id);
    var count = document.getElementById("pb-composer-summary-count");
    var length = Array.from((draft.summary || "").trim()).length;
    count.textContent = fmt(count.dataset.template, { n: length, max: data.limits.summary });
    count.classList.toggle("pb-composer__counter--over", length > data.limits.summary);
  }

  form.addEventListener("input", function (e) {
    var field = fieldOf(e.target);
    if (field) touched[field] = true;
    update();
  });
  form.addEventListener("change", function (e) {
    var field = fieldOf(e.target);
    if (field) touched[field] = true;
    update();
  });
  form.addEventListener("submit", function (e) { e.preventDefault(); });

  function reveal() { showAll = true; update(); }
  var copy = document.getElementById("pb-composer-copy");
  var copyStatus = document.getElementById("pb-composer-copy-status");
  copy.addEventListener("click", function () {
    reveal();
    var done = function () { copyStatus.textContent = copy.dataset.copied; };
    var failed = function () { yamlBox.select(); copyStatus.textContent = copy.dataset.failed; };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(current.yaml).then(done, failed);
    } else failed();
  });
  download.addEventListener("click", reveal);
  if (pr) pr.addEventListener("click", reveal);

  // --- "no fitting industry / pain point / metric": the lines to add -------------------------
  function termSnippet(kind, v) {
    var id = v.id || "<id>";
    if (kind === "industry") {
      return "python3 build.py new industry " + id + "\n# " + data.folders.industry + "/" + id + ".yaml\nname: " +
        Y.scalar(v.label || "<name>") + "\n";
    }
    var out = "  - id: " + Y.scalar(id) + "\n    label: " + Y.scalar(v.label || "<label>") + "\n";
    if (kind === "pain") out += "    category: " + v.category + "\n";
    if (kind === "metric") out += (v.unit ? "    unit: " + Y.scalar(v.unit) + "\n" : "") + "    better: " + v.better + "\n";
    return out;
  }
  document.querySelectorAll("[data-new-term]").forEach(function (box) {
    function refresh() {
      var v = {};
      box.querySelectorAll("[data-term-field]").forEach(function (node) { v[node.dataset.termField] = node.value.trim(); });
      box.querySelector("[data-term-output]").textContent = termSnippet(box.dataset.newTerm, v);
      var error = box.querySelector("[data-term-error]");
      var bad = v.id && !R.ID_PATTERN.test(v.id);
      error.hidden = !bad;
      error.textContent = bad ? say({ code: "id.invalid", args: { ident: v.id } }) + " " + say({ code: "id.invalid.hint", args: {} }) : "";
    }
    box.addEventListener("input", refresh);
    box.addEventListener("change", refresh);
    refresh();
  });

  document.getElementById("pb-c-reviewed").value = localToday();
  addRow();
  document.getElementById("pb-composer-layout").hidden = false;
  update();
  root.dataset.ready = "";
}
})();
