/* The case composer's output: a cleaned draft (PlaybookComposerRules.clean) as the text
   of cases/<id>.yaml, and the code host's new-file URL carrying it. Pure functions.
   Every text reads back exactly as written: plain when YAML 1.1 cannot take it for
   anything but text, else double-quoted with escapes; several lines as a `|` block. */
(function (root) {
  "use strict";

  // YAML 1.1 (PyYAML's resolver) reads these plain scalars as booleans, nulls, numbers,
  // dates or merge keys; a leading indicator character starts other syntax.
  var SPECIAL_WORD = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~|<<|=)$/;
  var NUMBER_START = /^[-+.]?[0-9.]/;
  var INDICATOR_START = /^[-?:,[\]{}#&*!|>'"%@`\s]/;
  // Characters PyYAML accepts unescaped (its reader's printable set), minus the ones it
  // would read as line breaks or a byte-order mark.
  var UNSAFE_CHAR = /[^\t\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\u{10000}-\u{10ffff}]/u;
  var ESCAPE_CHAR = /[^\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\u{10000}-\u{10ffff}]/gu;

  function plainOk(text) {
    return text !== "" && !SPECIAL_WORD.test(text) && !NUMBER_START.test(text) &&
      !INDICATOR_START.test(text) && !/\s$/.test(text) && !/:$/.test(text) &&
      text.indexOf(": ") < 0 && text.indexOf(" #") < 0 && !/[\t\n]/.test(text) &&
      !UNSAFE_CHAR.test(text);
  }
  function quoted(text) {
    // JSON string escapes are YAML double-quoted escapes; the rest is escaped here too.
    return JSON.stringify(text).replace(ESCAPE_CHAR, function (ch) {
      var code = ch.codePointAt(0);
      if (code >= 0xd800 && code <= 0xdfff) return "\\ufffd";  // a lone surrogate
      return code > 0xffff ? "\\U" + ("0000000" + code.toString(16)).slice(-8)
        : "\\u" + ("000" + code.toString(16)).slice(-4);
    });
  }
  function scalar(text) { return plainOk(text) ? text : quoted(text); }

  function blockOk(text) {
    return text.indexOf("\n") >= 0 && !/^\s/.test(text) && !UNSAFE_CHAR.test(text.replace(/\t/g, " "));
  }
  /* `key: value` at `indent`; a text of several lines becomes a literal block. */
  function field(indent, key, value) {
    if (blockOk(value)) {
      var pad = indent + "  ";
      return indent + key + ": |\n" + value.split("\n").map(function (line) {
        return line ? pad + line : "";
      }).join("\n") + "\n";
    }
    return indent + key + ": " + scalar(value) + "\n";
  }
  function list(indent, key, values) {
    return indent + key + ":\n" + values.map(function (v) { return indent + "  - " + scalar(v) + "\n"; }).join("");
  }
  function mapping(indent, key, obj, keys) {
    var body = keys.filter(function (k) { return obj[k] != null; })
      .map(function (k) { return field(indent + "  ", k, obj[k]); }).join("");
    return indent + key + ":" + (body ? "\n" + body : " {}\n");
  }

  var CASE_ORDER = ["title", "summary", "customer", "pain_points", "stages", "tier", "challenge",
    "approach", "results", "quote", "objections", "owner", "reviewed", "private"];
  var RESULT_ORDER = ["metric", "label", "change", "before", "after", "period"];

  /* The file text of a cleaned case, in the content model's field order. */
  function caseYaml(c, modeline) {
    var out = modeline || "";
    CASE_ORDER.forEach(function (key) {
      var v = c[key];
      if (v == null) return;
      if (key === "customer") out += mapping("", key, v, ["alias", "industry", "size", "region"]);
      else if (key === "quote") out += mapping("", key, v, ["text", "by"]);
      else if (key === "private") out += mapping("", key, v, Object.keys(v));
      else if (key === "results") {
        out += "results:\n" + v.map(function (r) {
          var keys = RESULT_ORDER.filter(function (k) { return r[k] != null; });
          return keys.map(function (k, i) {
            var line = field("    ", k, r[k]);
            return i ? line : "  - " + line.slice(4);
          }).join("");
        }).join("");
      } else if (Array.isArray(v)) out += list("", key, v);
      else if (key === "reviewed" && /^\d{4}-\d{2}-\d{2}$/.test(v)) out += "reviewed: " + v + "\n";
      else out += field("", key, v);
    });
    return out;
  }

  /* The code host's new-file page with the file's name and content filled in. */
  function newFileUrl(host, path, text) {
    return host.url + "?" + host.name_param + "=" + encodeURIComponent(path) +
      "&" + host.content_param + "=" + encodeURIComponent(text);
  }

  root.PlaybookComposerYaml = { caseYaml: caseYaml, scalar: scalar, newFileUrl: newFileUrl };
})(window);
