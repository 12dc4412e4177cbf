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
  var INVISIBLE = /[\u00ad\u034f\u061c\u115f\u1160\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufeff\uffa0]/g;
  var LOCAL_CHARS = /[A-Za-z0-9._%+-]/;
  /* The text as a reader sees it, as privacy.normalise: NFKC, invisible characters,
     HTML comments, tags and Markdown emphasis removed, entities decoded. */
  function normalise(text) {
    text = text.normalize("NFKC").replace(INVISIBLE, "");
    if (text.indexOf("<") >= 0) {
      text = text.replace(/<!--[\s\S]*?(?:-->|$)/g, "").replace(/<\/?[A-Za-z][^<>]{0,2000}>/g, "");
    }
    if (text.indexOf("&") >= 0 && typeof document !== "undefined") {
      var area = document.createElement("textarea");
      area.innerHTML = text.replace(/</g, "&lt;");
      text = area.value;
    }
    return text.replace(/[*_`~\\]/g, "");
  }
  /* The first personal data in `text` as {kind (a message code), masked}, or null:
     the same patterns, order and masking as privacy.find_personal_data. */
  function personalData(text, patterns) {
    text = normalise(text);
    var i, m;
    for (i = 0; i < patterns.mobiles.length; i++) {
      m = pattern(patterns.mobiles[i], "u").exec(text);
      if (m) {
        var digits = "1" + m[1].replace(/\D/g, "");
        return { kind: "personal.mobile", masked: digits.slice(0, 3) + "****" + digits.slice(-4) };
      }
    }
    m = pattern(patterns.email_at, "u").exec(text);
    if (m) {
      var at = m.index, start = at;
      while (start > 0 && at - start < 64 && LOCAL_CHARS.test(text[start - 1])) start--;
      var domain = pattern("^(?:" + patterns.email_domain + ")", "u").exec(text.slice(at + 1));
      return { kind: "personal.email", masked: text[start] + "***@" + domain[0] };
    }
    for (i = 0; i < patterns.landlines.length; i++) {
      m = pattern(patterns.landlines[i], "u").exec(text);
      if (m) {
        var number = m[1];
        return { kind: "personal.landline", masked: m[0].slice(0, m[0].length - number.length) + "****" + number.slice(-4) };
      }
    }
    var re = pattern(patterns.resident_id, "gu");
    re.lastIndex = 0;
    while ((m = re.exec(text)) !== null) {
      if (validResidentId(m[0])) return { kind: "personal.resident_id", masked: m[0].slice(0, 6) + "********" + m[0].slice(-4) };
    }
    return null;
  }

  // --- rules against silent wrongness (contentrules.py; words and patterns from
  //     data.rules, so both sides use one list) ---------------------------------------
  var BARE = /^\p{Nd}[\p{Nd},]*(?:\.\p{Nd}+)?$/u;
  function leading(rules) {
    var words = rules.up_words.concat(rules.down_words).slice().sort(function (a, b) { return b.length - a.length; });
    var escape = function (t) { return t.replace(/[-\\^$*+?.()|[\]{}]/g, "\\$&"); };
    return pattern("^(?:[" + escape(rules.up_signs + rules.down_signs) + "]|" + words.map(escape).join("|") + ")", "u");
  }
  /* [up | down | null, the rest] of a change: its leading sign or word taken off. */
  function afterDirection(text, rules) {
    text = String(text).normalize("NFKC").trim();
    var m = leading(rules).exec(text);
    if (!m) return [null, text];
    var lead = m[0];
    var up = rules.up_signs.indexOf(lead) >= 0 || rules.up_words.indexOf(lead) >= 0;
    return [up ? "up" : "down", text.slice(lead.length).trim()];
  }
  function isBareNumber(text, rules) { return BARE.test(afterDirection(text, rules)[1]); }
  function figure(text) {
    var m = /[+\-\u2212]?\p{Nd}+(?:\.\p{Nd}+)?/u.exec(String(text || "").normalize("NFKC").replace(/,/g, ""));
    return m ? parseFloat(m[0].replace("\u2212", "-")) : NaN;
  }
  function direction(r, rules) {
    if (r.change != null) return afterDirection(r.change, rules)[0];
    var before = figure(r.before), after = figure(r.after);
    if (isNaN(before) || isNaN(after) || before === after) return null;
    return after > before ? "up" : "down";
  }
  /* A bare figure with its metric's unit, as contentrules.with_unit: 3.2 小时, 12%. */
  function withUnit(value, unit, rules) {
    if (!unit || !value || !isBareNumber(value, rules)) return value;
    var glued = "%\u2030".indexOf(unit[0]) >= 0 || !/^[\p{L}\p{N}]/u.test(unit);
    return glued ? value + unit : value + " " + unit;
  }
  function fold(text) { return normalise(text).toLowerCase(); }
  /* A private value shown without giving it away, as contentrules.mask. */
  function mask(value) {
    var chars = Array.from(value), n = chars.length;
    if (n <= 3) return chars[0] + "*".repeat(n - 1);
    var keep = n <= 6 ? 1 : 2;
    return chars.slice(0, keep).join("") + "****" + chars.slice(n - keep).join("");
  }
  /* Whether a folded private value is looked for in published text, as contentrules.looked_for. */
  function lookedFor(folded, rules) {
    var number = new RegExp("^(?:" + rules.number_like + ")$").test(folded);
    return length(folded) >= (number ? rules.min_private_number : rules.min_private);
  }
  function privateValues(value, path, out, rules) {
    if (typeof value === "string") {
      if (lookedFor(fold(value), rules)) out.push({ key: path, value: value, folded: fold(value) });
    } else if (value && typeof value === "object") {
      Object.keys(value).forEach(function (k) { privateValues(value[k], path ? path + "." + k : k, out, rules); });
    }
    return out;
  }
  /* Every published text of a cleaned case: [form field, name in messages, text]. */
  function publishedTexts(c) {
    var out = [];
    ["title", "summary"].forEach(function (k) { if (c[k]) out.push([k, k, c[k]]); });
    ["alias", "region"].forEach(function (k) {
      if (c.customer && c.customer[k]) out.push(["customer." + k, k, c.customer[k]]);
    });
    ["challenge", "approach"].forEach(function (k) { if (c[k]) out.push([k, k, c[k]]); });
    (c.results || []).forEach(function (r, i) {
      ["label", "change", "before", "after", "period"].forEach(function (k) {
        if (r[k]) out.push(["results." + i + "." + k, k, r[k]]);
      });
    });
    if (c.quote) ["text", "by"].forEach(function (k) { if (c.quote[k]) out.push(["quote." + k, k, c.quote[k]]); });
    if (c.owner) out.push(["owner", "owner", c.owner]);
    return out;
  }
  function contentRules(c, data, report) {
    var rules = data.rules;
    (c.results || []).forEach(function (r, i) {
      var at = "results." + i + ".", metric = data.metrics[r.metric], field;
      if (r.change != null) {
        if (isBareNumber(r.change, rules)) {
          report(at + "change", msg("result.change_no_unit", { value: r.change }), msg("result.change_no_unit.hint"));
          return;
        }
        field = at + "change";
      } else if (r.before != null && r.after != null) {
        var bare = ["before", "after"].filter(function (k) { return isBareNumber(r[k], rules); });
        if (bare.length && metric && !metric.unit) {
          bare.forEach(function (k) {
            report(at + k, msg("result.figure_no_unit", { field: k, value: r[k] }),
              msg("result.figure_no_unit.hint", { metric: r.metric }));
          });
          return;
        }
        field = at + "after";
      } else return;
      var moved = direction(r, rules);
      if (metric && moved && moved !== metric.better) {
        report(field, msg("result.direction", { field: field.split(".").pop(), metric: metric.label,
          better: data.better[metric.better] }), msg("result.direction.hint"));
      }
    });
    var alias = c.customer && c.customer.alias;
    if (alias) {
      var suffix = pattern(rules.legal_suffix, "iu").exec(alias);
      if (suffix) report("customer.alias", msg("alias.legal_suffix", { suffix: suffix[0] }), msg("alias.legal_suffix.hint"));
    }
    if (c.owner && !/[\p{L}\p{N}]/u.test(c.owner)) {  // contentrules.owner_problems
      report("owner", msg("owner.no_name", { value: c.owner }), msg("owner.no_name.hint"));
    }
    var secrets = privateValues(c.private, "", [], rules);
    if (secrets.length) {
      publishedTexts(c).forEach(function (t) {
        var text = fold(t[2]);
        var hit = secrets.filter(function (s) { return text.indexOf(s.folded) >= 0; })[0];
        if (hit) {
          report(t[0], msg("private.in_published", { field: t[1], key: "private." + hit.key, masked: mask(hit.value) }),
            msg("private.in_published.hint"));
        }
      });
    }
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
      if (found) report(field, msg("field.personal", { field: name, kind: msg(found.kind), masked: found.masked }), msg("field.personal.hint"));
    }
    function required(obj, key, field, parent) {
      if (has(obj, key)) return true;
      var path = parent ? parent.replace(/\[\d+\]/g, "") + "." + key : key;
      report(field, parent ? msg("field.missing_in", { field: key, parent: parent })
        : msg("field.missing", { field: key }), (data.missing_hints || {})[path]);
      return false;
    }

    // The file name (load.py: check_slug_name, check_reserved; the id must be new).
    var id = trim(options && options.id);
    if (!id) report("id", msg("composer.id_missing"));
    else if (!ID_PATTERN.test(id)) report("id", msg("id.invalid", { ident: id }), msg("id.invalid.hint"));
    else if (has(data.reserved, id)) report("id", msg("id.reserved_url", { ident: id, url: data.reserved[id] }), msg("id.reserved.hint"));
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
    contentRules(c, data, report);
    return problems;
  }

  root.PlaybookComposerRules = {
    clean: clean,
    validate: validate,
    render: render,
    personalData: personalData,
    withUnit: withUnit,
    isBareNumber: isBareNumber,
    direction: direction,
    mask: mask,
    ID_PATTERN: ID_PATTERN
  };
})(window);
