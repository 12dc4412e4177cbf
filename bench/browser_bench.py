"""Browser figures for bench/run.py, in headless Debian Chromium (Playwright, no downloads).

- search: Pagefind's JS API from a cold cache: time from loading ``pagefind.js`` to the
  first result's data, and the bytes transferred for it (init + query);
- case library (``/cases/``): bytes transferred before the first card is visible;
- facet click → updated results, if the library page offers facet controls.

The site is served by a plain static server on 127.0.0.1 (no compression), so bytes
are as stored; a gzip estimate of the same responses is recorded next to them.
"""

from __future__ import annotations

import gzip
import statistics
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

from browser import chromium, serve_dir  # noqa: E402  (tests/browser.py: the one launcher)

QUERY = "库存"
"""A word many generated cases contain (inventory)."""

CARD = ".pb-card"
FACET_SELECTORS = (
    "[data-facet] input",
    "[data-pb-facet] input",
    ".pb-facets input[type=checkbox]",
    ".pb-facet input",
    ".pb-facets button",
    ".pb-facet button",
)

_SEARCH_JS = """
async ([base, query]) => {
  const t0 = performance.now();
  const pagefind = await import(base + "pagefind/pagefind.js");
  if (pagefind.init) await pagefind.init();
  const search = await pagefind.search(query);
  const first = search.results.length ? await search.results[0].data() : null;
  return {ms: performance.now() - t0, results: search.results.length,
          first: first ? first.url : null};
}
"""

_FIRST_CARD_JS = """
async () => {
  // When the first card's title was painted (Element Timing), and what had arrived by then.
  const paint = await new Promise(resolve => {
    new PerformanceObserver(list => {
      const e = list.getEntries().find(x => x.identifier === "pb-first-card");
      if (e) resolve(e.renderTime || e.loadTime);
    }).observe({type: "element", buffered: true});
    setTimeout(() => resolve(null), 10000);
  });
  const entries = [...performance.getEntriesByType("navigation"),
                   ...performance.getEntriesByType("resource")];
  return {paint, entries: entries.filter(e => paint === null || e.responseEnd <= paint)
                                 .map(e => [e.name, e.transferSize, e.encodedBodySize])};
}
"""

_FACET_JS = """
async (selector) => {
  const control = document.querySelector(selector);
  const card = document.querySelector(".pb-card");
  const list = card ? card.parentElement : document.body;
  return await new Promise(resolve => {
    const t0 = performance.now();
    const observer = new MutationObserver(() => {
      observer.disconnect();
      requestAnimationFrame(() => resolve(performance.now() - t0));
    });
    observer.observe(list, {childList: true, subtree: true, attributes: true, characterData: true});
    control.click();
    setTimeout(() => { observer.disconnect(); resolve(null); }, 5000);
  });
}
"""


def _gzip_size(site: Path, url: str) -> int:
    path = urlsplit(url).path.lstrip("/")
    file = site / path
    if file.is_dir() or not path or path.endswith("/"):
        file = file / "index.html"
    if not file.is_file():
        return 0
    data = file.read_bytes()
    if data[:2] == b"\x1f\x8b":  # already compressed (Pagefind's index chunks)
        return len(data)
    return len(gzip.compress(data, 6))


def _sum(entries: list[list[Any]]) -> int:
    return sum(int(e[1] or e[2] or 0) for e in entries)


def measure_site(site: Path, repeat: int, notes: list[str]) -> dict[str, Any]:
    """Browser figures for the built ``site`` (medians over ``repeat`` cold loads)."""
    out: dict[str, Any] = {
        "search_first_ms": None,
        "search_first_bytes": None,
        "search_first_gzip_bytes": None,
        "library_initial_bytes": None,
        "library_initial_gzip_bytes": None,
        "library_cards_ms": None,
        "facet_update_ms": None,
    }
    with serve_dir(site) as base:
        if (site / "pagefind/pagefind.js").is_file():
            times, sizes, gz = [], [], []
            for _ in range(repeat):
                with chromium(locale="zh-CN") as context:
                    page = context.new_page()
                    page.goto(base, wait_until="load")
                    # Pagefind fetches its index from a web worker, which the page's
                    # Resource Timing does not see: count the network's finished requests.
                    finished: list[Any] = []
                    page.on("requestfinished", lambda request, into=finished: into.append(request))
                    result = page.evaluate(_SEARCH_JS, [base, QUERY])
                    if not result["results"]:
                        notes.append(f"Pagefind found nothing for {QUERY!r}")
                    page.wait_for_timeout(200)  # let the last responses be reported
                    urls, total = [], 0
                    for request in finished:
                        if "/pagefind/" in request.url:
                            sizes_ = request.sizes()
                            total += sizes_["responseBodySize"] + sizes_["responseHeadersSize"]
                            urls.append(request.url)
                    times.append(result["ms"])
                    sizes.append(total)
                    gz.append(sum(_gzip_size(site, u) for u in urls))
            out["search_first_ms"] = statistics.median(times)
            out["search_first_bytes"] = int(statistics.median(sizes))
            out["search_first_gzip_bytes"] = int(statistics.median(gz))
        else:
            notes.append("no pagefind/ in the site: search figures not measured")

        sizes, gz, times = [], [], []
        facet_times: list[float] = []
        facet_selector = None
        for _ in range(repeat):
            with chromium(locale="zh-CN") as context:
                page = context.new_page()
                page.goto(base + "cases/", wait_until="commit")
                page.wait_for_selector(CARD, state="visible", timeout=60_000)
                first = page.evaluate(_FIRST_CARD_JS)
                entries = first["entries"]
                if first["paint"] is None:
                    notes.append("no element timing for the first card: counted all bytes so far")
                times.append(first["paint"] or page.evaluate("performance.now()"))
                sizes.append(_sum(entries))
                gz.append(sum(_gzip_size(site, e[0]) for e in entries))
                page.wait_for_load_state("load")
                facet_selector = next(
                    (s for s in FACET_SELECTORS if page.query_selector(s) is not None), None
                )
                if facet_selector is not None:
                    ms = page.evaluate(_FACET_JS, facet_selector)
                    if ms is not None:
                        facet_times.append(ms)
        out["library_initial_bytes"] = int(statistics.median(sizes))
        out["library_initial_gzip_bytes"] = int(statistics.median(gz))
        out["library_cards_ms"] = statistics.median(times)
        if facet_times:
            out["facet_update_ms"] = statistics.median(facet_times)
            out["facet_selector"] = facet_selector
        else:
            notes.append(
                "the case library offers no facet controls in this build "
                f"(looked for {', '.join(FACET_SELECTORS)}): facet_update_ms not measured"
            )
    return out
