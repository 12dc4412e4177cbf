/* The case composer's rules: what `python3 build.py check` says about a case file,
   computed in the browser from the form's values. Pure functions, no DOM (tested directly
   in Chromium). Each rule mirrors one of validate.py / load.py and reports the same
   message code with the same arguments, so the texts (from the shared message catalog,
   shipped in the page's data) are the same as check's.

   A draft is the form as an object: {id, title, summary, customer: {alias, industry,
   size, region}, pain_points: [], stages: [], tier, challenge, approach,
   results: [{metric, label, change, before, after, period}], quote: {text, by},
   objections: [], owner, reviewed, private: {…}}. clean() turns it into what the YAML
   file holds (trimmed, empty values left out); validate() checks that. */
(function (root) {
  "use strict";

  function trim(value) { return value == null ? "" : String(value).trim(); }
  function has(obj, key) { return Object.prototype.hasOwnProperty.call(obj, key); }

  // --- the file's content ------------------------------------------------------------
  function cleanMapping(source, keys) {
    var out = {};
    keys.forEach(function (k) { var v = trim(source && source[k]); if (v) out[k] = v; });
    return out;
  }
  function cleanList(values) {
    return (values || []).map(trim).filter(function (v) { return v; });
  }

  /* What the case file holds: trimmed texts, nothing empty (an empty field is absent, so
     check reports it as missing). `customer` is always there: its own fields are what
     check names when missing. Result rows left completely empty are dropped. */
  function clean(draft) {
    var c = {};
    ["title", "summary"].forEach(function (k) { var v = trim(draft[k]); if (v) c[k] = v; });
    c.customer = cleanMapping(draft.customer, ["alias", "industry", "size", "region"]);
    var pains = cleanList(draft.pain_points);
    if (pains.length) c.pain_points = pains;
    var stages = cleanList(draft.stages);
    if (stages.length) c.stages = stages;
    if (trim(draft.tier)) c.tier = trim(draft.tier);
    ["challenge", "approach"].forEach(function (k) { var v = trim(draft[k]); if (v) c[k] = v; });
    var results = (draft.results || []).map(function (r) {
      return cleanMapping(r, ["metric", "label", "change", "before", "after", "period"]);
    }).filter(function (r) { return Object.keys(r).length; });
    if (results.length) c.results = results;
    var quote = cleanMapping(draft.quote, ["text", "by"]);
    if (Object.keys(quote).length) c.quote = quote;
    var objections = cleanList(draft.objections);
    if (objections.length) c.objections = objections;
    ["owner", "reviewed"].forEach(function (k) { var v = trim(draft[k]); if (v) c[k] = v; });
    var priv = {};
    Object.keys(draft.private || {}).forEach(function (k) {
      var v = trim(draft.private[k]); if (v) priv[k] = v;
    });
    if (Object.keys(priv).length) c.private = priv;
    return c;
  }

  // --- messages ------------------------------------------------------------------------
  function msg(code, args) { return { code: code, args: args || {} }; }

  /* A message in the page's language: str.format-style {name} placeholders, filled with
     plain values or nested messages ({code, args}), as messages.Msg.render does. */
  function render(message, messages) {
    if (!message) return "";
    var template = messages[message.code];
    if (template == null) return message.code;
    return template.replace(/\{(\w+)(?::([^}]*))?\}/g, function (whole, name, spec) {
      var v = message.args[name];
      if (v == null) return whole;
      if (typeof v === "object") return render(v, messages);
      if (spec === "," && typeof v === "number") return v.toLocaleString("en-US");
      return String(v);
    });
  }

  // --- personal data (privacy.py) ------------------------------------------------------
  var ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  var ID_CHECK = "10X98765432";
  function digit(ch) {
    var code = ch.charCodeAt(0);
    return code >= 0xff10 && code <= 0xff19 ? code - 0xff10 : parseInt(ch, 10);
  }
  function validResidentId(number) {
    var chars = Array.from(number), total = 0;
    for (var i = 0; i < 17; i++) total += digit(chars[i]) * ID_WEIGHTS[i];
    if (ID_CHECK[total % 11] !== chars[17].toUpperCase()) return false;
    var num = function (a, b) { return Number(chars.slice(a, b).map(digit).join("")); };
    var year = num(6, 10), month = num(10, 12), day = num(12, 14);
    return year >= 1900 && year <= 2100 && month >= 1 && month <= 12 && day >= 1 && day <= 31;
  }
  var compiled = {};
  function pattern(source, flags) {
    var key = flags + source;
    if (!compiled[key]) compiled[key] = new RegExp(source, flags);
    return compiled[key];
  }
  /* The message code of the personal data in `text` (or null), like find_personal_data. */
  function personalData(text, patterns) {
    if (pattern(patterns.mobile, "u").test(text)) return "personal.mobile";
    if (pattern(patterns.email, "u").test(text)) return "personal.email";
    var re = pattern(patterns.resident_id, "gu"), m;
    re.lastIndex = 0;
    while ((m = re.exec(text)) !== null) if (validResidentId(m[1])) return "personal.resident_id";
    return null;
  }

  // --- the rules -----------------------------------------------------------------------
  var ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
  function length(text) { return Array.from(text).length; }  // code points, as Python's len

  function validate(c, data, options) {
    var problems = [];
    var today = (options && options.today) || null;
    function report(field, message, hint) {
      problems.push({ field: field, message: message, hint: hint || null });
    }
    /* Checker._check_text: length, placeholder, then personal data. */
    function text(field, name, value, limit) {
      if (limit != null && length(value) > limit) {
        report(field, msg("field.too_long", { field: name, length: length(value), limit: limit }),
          msg("field.too_long.hint"));
      }
      if (value.indexOf(data.placeholder) >= 0) {
        report(field, msg("field.placeholder", { field: name, placeholder: data.placeholder }),
          msg("field.placeholder.hint"));
        return;
      }
      var found = personalData(value, data.personal);
      if (found) report(field, msg("field.personal", { field: name, kind: msg(found) }), msg("field.personal.hint"));
    }
    function required(obj, key, field, parent) {
      if (has(obj, key)) return true;
      report(field, parent ? msg("field.missing_in", { field: key, parent: parent })
        : msg("field.missing", { field: key }));
      return false;
    }

    // The file name (load.py: check_slug_name, check_reserved; the id must be new).
    var id = trim(options && options.id);
    if (!id) report("id", msg("composer.id_missing"));
    else if (!ID_PATTERN.test(id)) report("id", msg("id.invalid", { ident: id }), msg("id.invalid.hint"));
    else if (data.reserved.indexOf(id) >= 0) report("id", msg("id.reserved_url", { ident: id, url: "/cases/" + id + "/" }), msg("id.reserved.hint"));
    else if (has(data.case_ids, id)) {
      report("id", msg("id.duplicate", { kind: msg("ref.case"), ident: id }),
        msg("id.duplicate.hint", { path: data.case_ids[id] }));
    }

    // schema.CASE, field by field, in its order.
    if (required(c, "title", "title")) text("title", "title", c.title, data.limits.title);
    if (required(c, "summary", "summary")) text("summary", "summary", c.summary, data.limits.summary);
    var customer = c.customer || {};
    if (required(customer, "alias", "customer.alias", "customer")) text("customer.alias", "alias", customer.alias);
    required(customer, "industry", "customer.industry", "customer");
    if (has(customer, "region")) text("customer.region", "region", customer.region);
    required(c, "pain_points", "pain_points");
    ["challenge", "approach"].forEach(function (k) { if (required(c, k, k)) text(k, k, c[k]); });
    if (required(c, "results", "results")) {
      c.results.forEach(function (r, i) {
        var parent = "results[" + i + "]", at = "results." + i + ".";
        required(r, "metric", at + "metric", parent);
        if (required(r, "label", at + "label", parent)) text(at + "label", "label", r.label);
        ["change", "before", "after", "period"].forEach(function (k) {
          if (has(r, k)) text(at + k, k, r[k]);
        });
        // validate.check_result_values
        var before = has(r, "before"), after = has(r, "after");
        if (!has(r, "change") && !(before && after)) {
          var code = before ? "result.missing_after" : after ? "result.missing_before" : "result.missing_change";
          report(at.slice(0, -1), msg(code), msg("result.missing.hint"));
        }
      });
    }
    if (c.quote) {
      ["text", "by"].forEach(function (k) {
        if (required(c.quote, k, "quote." + k, "quote")) text("quote." + k, k, c.quote[k]);
      });
    }
    if (required(c, "owner", "owner")) text("owner", "owner", c.owner);
    if (required(c, "reviewed", "reviewed")) {
      var day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(c.reviewed);
      var date = day && new Date(Date.UTC(+day[1], +day[2] - 1, +day[3]));
      if (!date || date.getUTCDate() !== +day[3]) {
        report("reviewed", msg("field.bad_date", { field: "reviewed", value: "'" + c.reviewed + "'" }),
          msg("field.bad_date.hint"));
      } else if (today) {
        var t = /^(\d{4})-(\d{2})-(\d{2})$/.exec(today);
        var age = (Date.UTC(+t[1], +t[2] - 1, +t[3]) - date.getTime()) / 86400000;
        if (age < -1) report("reviewed", msg("reviewed.future", { date: c.reviewed }));
      }
    }
    return problems;
  }

  root.PlaybookComposerRules = {
    clean: clean,
    validate: validate,
    render: render,
    personalData: personalData,
    ID_PATTERN: ID_PATTERN
  };
})(window);
