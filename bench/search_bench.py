#!/usr/bin/env python3
"""How well the header search finds what a rep means, typed into the real box in Chromium.

    python3 bench/search_bench.py [--project DIR | --site DIR] [--queries FILE ...] [--json OUT]

Builds the project (default: this repository's example playbook, copied to a temporary
folder) with ``build.py build``, serves ``site/`` on 127.0.0.1 and, for every query of
every query file, opens a fresh page in headless Debian Chromium, focuses the header
search box, enters the query as an input method commits it (one insertion), waits until
the result list settles and reads the result links in order. Prints, per file and set
(``exact`` / ``natural``), the share of queries whose expected page is at rank 1 and in
the top 3, the misses, and the median time from entering the query to the first result
on screen (a fresh page each time: Pagefind's start-up is included).

Query files are tab-separated: query, a regular expression an acceptable result URL
matches (site-relative, no leading slash), set. Lines starting with ``#`` are comments.
Default files: ``bench/search-queries-heldout.tsv`` and, when present, the team's public
set ``../shared/search-queries.tsv`` (relative to the repository's parent folders).
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from venv_reexec import reexec_in_venv  # bench/: the script's own folder

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
HELDOUT = BENCH / "search-queries-heldout.tsv"


@dataclass(frozen=True)
class Query:
    text: str
    expect: re.Pattern[str]
    set: str


@dataclass
class Outcome:
    query: Query
    urls: list[str]
    first_ms: float | None
    final_ms: float | None = None  # the merged ranking on screen (search.js sets data-done)

    @property
    def rank(self) -> int | None:
        for i, url in enumerate(self.urls, 1):
            if self.query.expect.search(url.lstrip("/")):
                return i
        return None


@dataclass
class Tally:
    outcomes: list[Outcome] = field(default_factory=list)

    def share(self, k: int) -> float:
        hits = sum(1 for o in self.outcomes if o.rank is not None and o.rank <= k)
        return hits / len(self.outcomes) if self.outcomes else 0.0


def default_query_files() -> list[Path]:
    files = [HELDOUT]
    for parent in REPO.parents:
        public = parent / "shared" / "search-queries.tsv"
        if public.is_file():
            files.insert(0, public)
            break
    return files


def read_queries(path: Path) -> list[Query]:
    queries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        text, expect, kind = line.split("\t")[:3]
        queries.append(Query(text, re.compile(expect), kind.strip()))
    return queries


def build_site(project: Path | None) -> tuple[Path, tempfile.TemporaryDirectory[str] | None]:
    """Build ``project`` (or a copy of the example) and return its site folder."""
    tmp = None
    if project is None:
        tmp = tempfile.TemporaryDirectory(prefix="search-bench-")
        project = Path(tmp.name) / "proj"
        for name in ("cases", "content", "overrides"):
            shutil.copytree(REPO / name, project / name)
        shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
        (project / "plugins").mkdir()
    cmd = [sys.executable, "-m", "playbook.cli", "--project", str(project), "build"]
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"build failed:\n{done.stdout}\n{done.stderr}")
    return project / "site", tmp


_SETTLED_JS = """
() => {
  const links = [...document.querySelectorAll('#pb-search-results .pb-search__link')]
    .map(a => new URL(a.href, location.href).pathname);
  const summary = document.querySelector('#pb-search-summary');
  return JSON.stringify([links, summary ? summary.textContent : '']);
}
"""


def run_query(context: Any, url: str, query: Query, wait_ms: int) -> Outcome:
    """One query on a fresh page: time to first hit, then the settled result list."""
    page = context.new_page()
    page.goto(url)
    page.wait_for_selector("#pb-search-input", state="visible")
    page.focus("#pb-search-input")
    page.evaluate(
        """() => {
          window.__pbFirst = null;
          window.__pbFinal = null;
          new MutationObserver(() => {
            if (window.__pbFirst === null && document.querySelector('#pb-search-results .pb-search__link'))
              window.__pbFirst = performance.now();
            if (window.__pbFinal === null && document.getElementById('pb-search').dataset.done)
              window.__pbFinal = performance.now();
          }).observe(document.body, {childList: true, subtree: true, attributes: true});
          window.__pbStart = performance.now();
        }"""
    )
    page.keyboard.insert_text(query.text)
    last, stable_since, elapsed = "", 0, 0
    step = 50
    while elapsed < 8000:  # settled: summary shown and the list unchanged for wait_ms
        page.wait_for_timeout(step)
        elapsed += step
        now = page.evaluate(_SETTLED_JS)
        if now != last:
            last, stable_since = now, elapsed
        elif json.loads(now)[1] and elapsed - stable_since >= wait_ms:
            break
    urls = json.loads(last)[0] if last else []
    first, final = page.evaluate(
        "[window.__pbFirst, window.__pbFinal].map(t => t === null ? null : t - window.__pbStart)"
    )
    page.close()
    return Outcome(query, urls, first, final)


def measure(site: Path, files: list[Path], wait_ms: int) -> dict[str, dict[str, Tally]]:
    sys.path.insert(0, str(REPO / "tests"))
    from browser import chromium, serve_dir

    tallies: dict[str, dict[str, Tally]] = {}
    with serve_dir(site) as url, chromium(locale="zh-CN") as context:
        for file in files:
            per_set = tallies.setdefault(file.name, {})
            for query in read_queries(file):
                outcome = run_query(context, url, query, wait_ms)
                per_set.setdefault(query.set, Tally()).outcomes.append(outcome)
    return tallies


def report(tallies: dict[str, dict[str, Tally]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    firsts: list[float] = []
    finals: list[float] = []
    for name, per_set in tallies.items():
        for set_name, tally in per_set.items():
            n = len(tally.outcomes)
            print(
                f"{name:32} {set_name:8} n={n:3}  top-1 {tally.share(1):6.1%}  "
                f"top-3 {tally.share(3):6.1%}"
            )
            misses = []
            for o in tally.outcomes:
                if o.first_ms is not None:
                    firsts.append(o.first_ms)
                if o.final_ms is not None:
                    finals.append(o.final_ms)
                if o.rank is None or o.rank > 1:
                    got = ", ".join(u.strip("/") for u in o.urls[:3]) or "(nothing)"
                    misses.append(f"    rank {o.rank or '-':>2}  {o.query.text}  → {got}")
                    print(misses[-1])
            out[f"{name}:{set_name}"] = {
                "n": n,
                "top1": tally.share(1),
                "top3": tally.share(3),
                "misses": [m.strip() for m in misses],
            }
    median = statistics.median(firsts) if firsts else None
    out["first_results_ms_median"] = median
    if median is not None:
        print(f"time to first results (fresh page, median of {len(firsts)}): {median:.0f} ms")
    final = statistics.median(finals) if finals else None
    out["final_results_ms_median"] = final
    if final is not None:
        print(f"time to the final ranking (median of {len(finals)}): {final:.0f} ms")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--project", type=Path, help="build this project instead of the example")
    where.add_argument("--site", type=Path, help="an already built site/ folder")
    parser.add_argument("--queries", type=Path, action="append", help="query file (repeatable)")
    parser.add_argument("--settle-ms", type=int, default=400, help="list unchanged this long")
    parser.add_argument("--json", type=Path, help="write the figures here")
    args = parser.parse_args(argv)
    files = args.queries or default_query_files()
    tmp = None
    site = args.site
    if site is None:
        site, tmp = build_site(args.project)
    try:
        figures = report(measure(site, files, args.settle_ms))
    finally:
        if tmp is not None:
            tmp.cleanup()
    if args.json:
        args.json.write_text(json.dumps(figures, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    reexec_in_venv(__file__)
    sys.exit(main())
