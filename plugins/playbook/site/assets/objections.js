/* Live-call objection tools: finder, fill-in placeholders + copy, practice deck, print.
 * Loaded on every page; each part only acts when its elements are present.
 * Content is only ever set through textContent / value, never innerHTML. What the finder
 * finds, and in what order, comes from finder_match.js.
 * Shortcuts: "o" (any page, outside text fields) opens/focuses the finder; in the finder
 * ArrowUp/ArrowDown move, Enter opens, Ctrl+Enter / Cmd+Enter copies the first response,
 * Escape clears. */
(function () {
  "use strict";

  var script = document.currentScript;
  var SITE_ROOT = script ? new URL("../../", script.src).href : "/";
  var STORE_KEY = "playbook.placeholders.v1";

  /* ---------- placeholder values (sessionStorage: survive navigation, end with the tab) */

  function loadValues() {
    try {
      var data = JSON.parse(sessionStorage.getItem(STORE_KEY) || "{}");
      return data && typeof data === "object" ? data : {};
    } catch (e) {
      return {};
    }
  }

  function saveValues(values) {
    try {
      sessionStorage.setItem(STORE_KEY, JSON.stringify(values));
    } catch (e) {
      /* storage disabled: values still work on this page */
    }
  }

  var values = loadValues();

  function valueOf(name) {
    var v = values[name];
    return typeof v === "string" ? v.trim() : "";
  }

  function paintPlaceholders() {
    document.querySelectorAll(".pb-ph[data-ph]").forEach(function (span) {
      var name = span.getAttribute("data-ph");
      var v = valueOf(name);
      span.textContent = v || "{" + name + "}";
      span.classList.toggle("pb-ph--filled", !!v);
      span.classList.toggle("pb-ph--empty", !v);
      span.title = "{" + name + "}";
    });
  }

  function initFillForms() {
    document.querySelectorAll("[data-pb-fill]").forEach(function (form) {
      form.hidden = false;
      var inputs = form.querySelectorAll("input[data-ph-input]");
      function sync() {
        inputs.forEach(function (input) {
          input.value = values[input.getAttribute("data-ph-input")] || "";
        });
      }
      sync();
      form.addEventListener("submit", function (e) {
        e.preventDefault();
      });
      inputs.forEach(function (input) {
        input.addEventListener("input", function () {
          values[input.getAttribute("data-ph-input")] = input.value;
          saveValues(values);
          paintPlaceholders();
        });
      });
      var clear = form.querySelector("[data-pb-fill-clear]");
      if (clear) {
        clear.addEventListener("click", function () {
          inputs.forEach(function (input) {
            delete values[input.getAttribute("data-ph-input")];
          });
          saveValues(values);
          sync();
          paintPlaceholders();
        });
      }
    });
  }

  /* ---------- copying */

  /** The plain text of a rendered script: placeholders filled, or written as {name}. */
  function scriptText(el) {
    var out = "";
    el.childNodes.forEach(function (node) {
      if (node.nodeType === Node.TEXT_NODE) {
        out += node.nodeValue;
      } else if (node.nodeType === Node.ELEMENT_NODE && node.hasAttribute("data-ph")) {
        var name = node.getAttribute("data-ph");
        out += valueOf(name) || "{" + name + "}";
      } else {
        out += node.textContent;
      }
    });
    return out.replace(/\r\n?/g, "\n").replace(/[ \t]+$/gm, "").trim();
  }

  /** Names of the placeholders in a rendered script that have no value yet, each once. */
  function unfilled(el) {
    var names = [];
    el.querySelectorAll("[data-ph]").forEach(function (node) {
      var name = node.getAttribute("data-ph");
      if (!valueOf(name) && names.indexOf("{" + name + "}") < 0) names.push("{" + name + "}");
    });
    return names;
  }

  function fallbackCopy(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try {
      ok = document.execCommand("copy");
    } catch (e) {
      ok = false;
    }
    document.body.removeChild(area);
    return ok ? Promise.resolve() : Promise.reject(new Error("copy failed"));
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () {
        return fallbackCopy(text);
      });
    }
    return fallbackCopy(text);
  }

  /** Copy the script of a .pb-script-block and show the confirmation next to it. */
  function copyBlock(block) {
    var el = block.querySelector("[data-pb-script]");
    var status = block.querySelector(".pb-copy-status");
    if (!el) return Promise.resolve();
    function say(key) {
      if (!status) return;
      status.textContent = status.getAttribute(key) || "";
      clearTimeout(status._pbTimer);
      status._pbTimer = setTimeout(function () {
        status.textContent = "";
      }, 2500);
    }
    // A placeholder left empty would reach the customer as "{客户名}": name them and ask once.
    var empty = unfilled(el);
    if (empty.length && status && status.getAttribute("data-unfilled")) {
      var question = status.getAttribute("data-unfilled").replace("{names}", empty.join(" "));
      if (!window.confirm(question)) return Promise.resolve();
    }
    return copyText(scriptText(el)).then(
      function () {
        say("data-copied");
      },
      function () {
        say("data-failed");
      }
    );
  }

  function initCopyButtons() {
    document.querySelectorAll(".pb-copy-row").forEach(function (row) {
      row.hidden = false;
    });
    document.addEventListener("click", function (e) {
      var button = e.target.closest && e.target.closest("[data-pb-copy]");
      if (!button) return;
      var block = button.closest(".pb-script-block");
      if (block) copyBlock(block);
    });
  }

  /* ---------- finder */

  function initFinder(root) {
    var M = window.PlaybookFinderMatch;
    var input = root.querySelector("#pb-finder-input");
    var list = root.querySelector("#pb-finder-results");
    var status = root.querySelector("#pb-finder-status");
    if (!M || !input || !list) return;
    var items = Array.prototype.map.call(list.querySelectorAll("li[data-search]"), function (li) {
      var data = {};
      try {
        data = JSON.parse(li.getAttribute("data-search"));
      } catch (e) {
        data = {};
      }
      return { li: li, entry: M.entry(data) };
    });
    var entries = items.map(function (item) {
      return item.entry;
    });
    var visible = items.slice();
    var selected = 0;

    function select(index) {
      visible.forEach(function (item) {
        item.li.classList.remove("pb-finder__item--selected");
        item.li.removeAttribute("aria-current");
      });
      if (!visible.length) {
        selected = -1;
        return;
      }
      selected = Math.max(0, Math.min(index, visible.length - 1));
      var li = visible[selected].li;
      li.classList.add("pb-finder__item--selected");
      li.setAttribute("aria-current", "true");
      if (li.scrollIntoView) li.scrollIntoView({ block: "nearest" });
    }

    function filter() {
      var raw = input.value;
      var terms = M.terms(raw);
      visible = [];
      M.order(entries, terms).forEach(function (r) {
        var item = items[r.index];
        var show = r.rank !== Infinity;
        item.li.hidden = !show;
        list.appendChild(item.li);
        if (show) visible.push(item);
      });
      if (status) {
        status.textContent = !terms.length
          ? ""
          : visible.length
            ? (status.getAttribute("data-count") || "{n}").replace("{n}", String(visible.length))
            : status.getAttribute("data-none") || "";
      }
      select(0);
      try {
        var url = new URL(location.href);
        if (raw.trim()) url.searchParams.set("q", raw);
        else url.searchParams.delete("q");
        history.replaceState(history.state, "", url.href);
      } catch (e) {
        /* history unavailable (file://): filtering still works */
      }
    }

    function current() {
      return selected >= 0 && visible[selected] ? visible[selected].li : null;
    }

    input.addEventListener("input", filter);
    input.addEventListener("keydown", function (e) {
      if (e.isComposing || e.keyCode === 229) return; /* the IME owns these keys */
      if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        e.preventDefault();
        select(selected + (e.key === "ArrowDown" ? 1 : -1));
      } else if (e.key === "Enter") {
        e.preventDefault();
        var li = current();
        if (!li) return;
        if (e.ctrlKey || e.metaKey) {
          var block = li.querySelector(".pb-script-block");
          if (block) copyBlock(block);
        } else {
          var link = li.querySelector("a.pb-finder__link");
          if (link) location.href = link.href;
        }
      } else if (e.key === "Escape") {
        e.preventDefault();
        input.value = "";
        filter();
      }
    });
    root.querySelector("form.pb-finder__box").addEventListener("submit", function (e) {
      e.preventDefault();
    });
    list.addEventListener("mousemove", function (e) {
      var li = e.target.closest && e.target.closest("li[data-search]");
      var index = -1;
      visible.forEach(function (v, i) {
        if (v.li === li) index = i;
      });
      if (index >= 0 && index !== selected) select(index);
    });

    var q = new URLSearchParams(location.search).get("q");
    if (q) input.value = q;
    filter();
    input.focus({ preventScroll: !!location.hash });
  }

  /* ---------- global shortcut: "o" opens the finder */

  function typingIn(el) {
    if (!el || !el.tagName) return false;
    var tag = el.tagName.toLowerCase();
    return tag === "input" || tag === "textarea" || tag === "select" || el.isContentEditable;
  }

  function initShortcut() {
    document.addEventListener("keydown", function (e) {
      if (e.key !== "o" || e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return;
      if (typingIn(e.target) || typingIn(document.activeElement)) return;
      e.preventDefault();
      var input = document.getElementById("pb-finder-input");
      if (input) {
        input.focus();
        input.select();
      } else {
        // The finder's URL comes with the header's search box (from the URL scheme).
        var search = document.getElementById("pb-search");
        if (search && search.dataset.finderUrl) location.href = SITE_ROOT + search.dataset.finderUrl;
      }
    });
  }

  /* ---------- practice deck */

  function initPractice(root) {
    var cards = Array.prototype.slice.call(root.querySelectorAll(".pb-practice__card"));
    var category = root.querySelector('[data-pb-filter="category"]');
    var stage = root.querySelector('[data-pb-filter="stage"]');
    var empty = root.querySelector("[data-pb-practice-empty]");
    var reveal = root.querySelector("[data-pb-reveal]");
    var again = root.querySelector("[data-pb-again]");
    var current = null;
    root.querySelectorAll("[data-pb-practice-controls]").forEach(function (el) {
      el.hidden = false;
    });

    function pool() {
      return cards.filter(function (card) {
        var okCategory = !category.value || card.getAttribute("data-category") === category.value;
        var stages = (card.getAttribute("data-stages") || "").split(" ");
        var okStage = !stage.value || stages.indexOf(stage.value) >= 0;
        return okCategory && okStage;
      });
    }

    function show(card) {
      current = card;
      cards.forEach(function (c) {
        c.hidden = c !== card;
        c.querySelector("[data-pb-answers]").hidden = true;
      });
      empty.hidden = !!card;
      reveal.disabled = !card;
      again.disabled = !card;
    }

    function next() {
      var candidates = pool();
      if (candidates.length > 1) {
        candidates = candidates.filter(function (c) {
          return c !== current;
        });
      }
      show(candidates.length ? candidates[Math.floor(Math.random() * candidates.length)] : null);
    }

    reveal.addEventListener("click", function () {
      if (current) current.querySelector("[data-pb-answers]").hidden = false;
    });
    again.addEventListener("click", function () {
      if (current) show(current);
    });
    root.querySelector("[data-pb-next]").addEventListener("click", next);
    [category, stage].forEach(function (select) {
      select.addEventListener("change", function () {
        current = null;
        next();
      });
    });
    next();
  }

  /* ---------- battlecard */

  function initPrint() {
    document.querySelectorAll("[data-pb-print]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        window.print();
      });
    });
  }

  // Shared with share.js (copy link).
  window.playbook = window.playbook || {};
  window.playbook.copyText = copyText;

  function init() {
    paintPlaceholders();
    initFillForms();
    initCopyButtons();
    initShortcut();
    initPrint();
    var finder = document.querySelector("[data-pb-finder]");
    if (finder) initFinder(finder);
    var practice = document.querySelector("[data-pb-practice]");
    if (practice) initPractice(practice);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
