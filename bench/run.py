#!/usr/bin/env python3
"""Benchmark the playbook build against plain mkdocs-material, in one run.

    python3 bench/run.py --cases 1000 [--json out.json] [--browser] [--serve] [--repeat 3]

Generates a synthetic project of N cases (bench/generate.py) and the baseline
(mkdocs-material with its built-in search, lang zh, over N Markdown pages of
about 930 Chinese characters, sidebar limited to the index), then measures:

- ``check``: ``python3 build.py check`` wall time;
- the full build (``python3 build.py build``), split by phase (from ``--report``),
  plus the Pagefind index if the build did not produce one itself;
- peak memory of the build: the largest process (``ru_maxrss`` of the process
  tree) and the whole tree summed (``/proc`` sampled every 50 ms);
- output and search-index sizes, and the baseline's build time, as a ratio;
- ``--browser``: search and case-library figures in headless Debian Chromium;
- ``--serve``: edit one case → rebuilt and reloaded under ``serve``.

Every timed figure is the median of ``--repeat`` runs. The machine may be shared:
CPU seconds and the load average are recorded next to wall times.
Runs with the system ``python3``: it creates/uses .venv (with the ``bench`` extra)
and re-executes itself there.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from venv_reexec import VENV_PYTHON, reexec_in_venv  # bench/: the script's own folder

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent


# ---------------------------------------------------------------- measuring processes


@dataclass
class Measured:
    wall_s: float
    cpu_s: float
    """User + system CPU of the whole process tree."""
    max_rss_mib: float
    """Largest single process of the tree (ru_maxrss)."""
    tree_peak_mib: float
    """Largest sum of RSS over the tree at one moment (sampled)."""
    returncode: int
    stdout: str = ""
    stderr: str = ""


def _children_map() -> dict[int, list[int]]:
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as f:
                stat = f.read()
        except OSError:
            continue
        ppid = int(stat[stat.rfind(b")") + 2 :].split()[1])
        children.setdefault(ppid, []).append(int(entry.name))
    return children


def _tree_rss(root: int) -> int:
    children = _children_map()
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        todo.extend(children.get(pid, ()))
        try:
            with open(f"/proc/{pid}/statm") as f:
                total += int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        except OSError:
            pass
    return total


def measure(cmd: list[str], cwd: Path | None = None, env: dict[str, str] | None = None) -> Measured:
    """Run ``cmd`` to completion; wall time, CPU time and peak memory of its process tree."""
    started = time.perf_counter()
    proc = subprocess.Popen(
        cmd,
        cwd=cwd,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss(proc.pid))
            done.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out_chunks: list[str] = []
    err_chunks: list[str] = []
    readers = [
        threading.Thread(target=lambda: out_chunks.append(proc.stdout.read()), daemon=True),  # type: ignore[union-attr]
        threading.Thread(target=lambda: err_chunks.append(proc.stderr.read()), daemon=True),  # type: ignore[union-attr]
    ]
    for r in readers:
        r.start()
    # wait4 reports the child's own usage plus that of every descendant it waited for.
    _pid, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - started
    done.set()
    sampler.join()
    for r in readers:
        r.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    return Measured(
        wall_s=wall,
        cpu_s=usage.ru_utime + usage.ru_stime,
        max_rss_mib=usage.ru_maxrss / 1024,
        tree_peak_mib=peak / 2**20,
        returncode=proc.returncode,
        stdout="".join(out_chunks),
        stderr="".join(err_chunks),
    )


def _checked(m: Measured, what: str) -> Measured:
    if m.returncode != 0:
        sys.exit(f"✗ {what} failed ({m.returncode}):\n{m.stdout[-3000:]}\n{m.stderr[-3000:]}")
    return m


def dir_bytes(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) if path.exists() else 0


def median(values: list[float]) -> float | None:
    return statistics.median(values) if values else None


# ---------------------------------------------------------------- the steps


@dataclass
class Results:
    cases: int
    repeat: int
    check: list[Measured] = field(default_factory=list)
    build: list[Measured] = field(default_factory=list)
    reports: list[dict[str, Any]] = field(default_factory=list)
    search: list[Measured] = field(default_factory=list)
    """Pagefind runs made by this harness when the build made none."""
    baseline: list[Measured] = field(default_factory=list)
    site_bytes: int = 0
    pagefind_bytes: int = 0
    pagefind_by_build: bool = False
    baseline_site_bytes: int = 0
    baseline_index_bytes: int = 0
    browser: dict[str, Any] = field(default_factory=dict)
    serve: dict[str, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


def build_py(project: Path, *args: str) -> list[str]:
    """The command users run (system python3 → build.py → .venv)."""
    return ["python3", str(REPO / "build.py"), "--project", str(project), *args]


def run_check(project: Path, res: Results) -> None:
    for _ in range(res.repeat):
        res.check.append(_checked(measure(build_py(project, "check")), "check"))


def run_build(project: Path, res: Results, work: Path) -> None:
    site = project / "site"
    for i in range(res.repeat):
        shutil.rmtree(site, ignore_errors=True)  # both builds start from an empty output folder
        report = work / f"report-{i}.json"
        m = _checked(measure(build_py(project, "build", "--report", str(report))), "build")
        res.build.append(m)
        res.reports.append(json.loads(report.read_text(encoding="utf-8")))
        if (site / "pagefind").is_dir():
            res.pagefind_by_build = True
        else:
            # No search index from the build yet: index the built site with Pagefind
            # (extended: CJK segmentation) the way the build would, and count it.
            cmd = [
                str(VENV_PYTHON),
                "-m",
                "pagefind",
                "--site",
                str(site),
                "--output-subdir",
                "pagefind",
                "--exclude-selectors",
                ".headerlink",
                "--quiet",
            ]
            res.search.append(_checked(measure(cmd), "pagefind"))
    res.site_bytes = dir_bytes(site)
    res.pagefind_bytes = dir_bytes(site / "pagefind")
    if not res.pagefind_by_build:
        res.notes.append(
            "the build made no pagefind/ yet: the harness ran `python -m pagefind` over site/ "
            "and added its time to the build (phase 'search index')"
        )


def run_baseline(baseline: Path, res: Results) -> None:
    mkdocs = str(REPO / ".venv/bin/mkdocs")
    for _ in range(res.repeat):
        shutil.rmtree(baseline / "site", ignore_errors=True)
        res.baseline.append(_checked(measure([mkdocs, "build", "-q"], cwd=baseline), "baseline"))
    res.baseline_site_bytes = dir_bytes(baseline / "site")
    index = baseline / "site/search/search_index.json"
    res.baseline_index_bytes = index.stat().st_size if index.exists() else 0


# ---------------------------------------------------------------- reporting


def summary(res: Results) -> dict[str, Any]:
    def med(ms: list[Measured], attr: str) -> float | None:
        return median([getattr(m, attr) for m in ms])

    phases: dict[str, float] = {}
    if res.reports:
        names = list(res.reports[0]["phases"])
        phases = {n: statistics.median(r["phases"].get(n, 0.0) for r in res.reports) for n in names}
    if res.search:
        phases["search index"] = statistics.median(m.wall_s for m in res.search)
    # The whole build as a user waits for it, the search index included.
    totals = [
        b.wall_s + (res.search[i].wall_s if i < len(res.search) else 0.0)
        for i, b in enumerate(res.build)
    ]
    cpu_totals = [
        b.cpu_s + (res.search[i].cpu_s if i < len(res.search) else 0.0)
        for i, b in enumerate(res.build)
    ]
    build_s = median(totals)
    baseline_s = med(res.baseline, "wall_s")
    peaks = [m.tree_peak_mib for m in res.build + res.search]
    largest = [m.max_rss_mib for m in res.build + res.search]
    out: dict[str, Any] = {
        "cases": res.cases,
        "check_s": med(res.check, "wall_s"),
        "build_s": build_s,
        "baseline_build_s": baseline_s,
        "build_ratio": build_s / baseline_s if build_s and baseline_s else None,
        "peak_mib": max(peaks) if peaks else None,
        "search_first_ms": res.browser.get("search_first_ms"),
        "search_first_bytes": res.browser.get("search_first_bytes"),
        "library_initial_bytes": res.browser.get("library_initial_bytes"),
        "facet_update_ms": res.browser.get("facet_update_ms"),
        "serve_reload_s": res.serve.get("serve_reload_s"),
        "phases": phases,
        # extras: CPU seconds (robust on a shared machine), memory detail, sizes
        "check_cpu_s": med(res.check, "cpu_s"),
        "build_cpu_s": median(cpu_totals),
        "baseline_cpu_s": med(res.baseline, "cpu_s"),
        "cpu_ratio": (
            median(cpu_totals) / med(res.baseline, "cpu_s")  # type: ignore[operator]
            if cpu_totals and res.baseline
            else None
        ),
        "largest_process_mib": max(largest) if largest else None,
        "build_peak_mib": max((m.tree_peak_mib for m in res.build), default=None),
        "search_index_peak_mib": max((m.tree_peak_mib for m in res.search), default=None),
        "baseline_peak_mib": max((m.tree_peak_mib for m in res.baseline), default=None),
        "site_bytes": res.site_bytes,
        "pagefind_bytes": res.pagefind_bytes,
        "pagefind_by_build": res.pagefind_by_build,
        "baseline_site_bytes": res.baseline_site_bytes,
        "baseline_search_index_bytes": res.baseline_index_bytes,
        "repeat": res.repeat,
        "load_average": os.getloadavg(),
        "browser": res.browser,
        "serve": res.serve,
        "notes": res.notes,
    }
    return out


def _fmt(value: Any, unit: str = "") -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:,.2f}{unit}"
    return f"{value:,}{unit}"


def print_table(s: dict[str, Any]) -> None:
    rows = [
        ("cases", _fmt(s["cases"])),
        (
            "check (build.py check)",
            _fmt(s["check_s"], " s") + f"  (cpu {_fmt(s['check_cpu_s'], ' s')})",
        ),
        (
            "full build incl. search index",
            _fmt(s["build_s"], " s") + f"  (cpu {_fmt(s['build_cpu_s'], ' s')})",
        ),
    ]
    for name, seconds in s["phases"].items():
        rows.append((f"  · {name}", _fmt(seconds, " s")))
    rows += [
        (
            "baseline build (Material search, zh)",
            _fmt(s["baseline_build_s"], " s") + f"  (cpu {_fmt(s['baseline_cpu_s'], ' s')})",
        ),
        (
            "ratio build / baseline",
            _fmt(s["build_ratio"], "×") + f"  (cpu {_fmt(s['cpu_ratio'], '×')})",
        ),
        (
            "peak memory, process tree",
            _fmt(s["peak_mib"], " MiB")
            + f"  (largest process {_fmt(s['largest_process_mib'], ' MiB')})",
        ),
        (
            "  · site build / Pagefind (harness)",
            _fmt(s["build_peak_mib"], " MiB") + " / " + _fmt(s["search_index_peak_mib"], " MiB"),
        ),
        ("baseline peak memory", _fmt(s["baseline_peak_mib"], " MiB")),
        ("output size", _fmt(s["site_bytes"] / 1e6, " MB")),
        (
            "Pagefind index size" + ("" if s["pagefind_by_build"] else " (harness)"),
            _fmt(s["pagefind_bytes"] / 1e6, " MB"),
        ),
        (
            "baseline output / search_index.json",
            f"{s['baseline_site_bytes'] / 1e6:,.1f} MB / {s['baseline_search_index_bytes'] / 1e6:,.1f} MB",
        ),
        (
            "search: first results",
            _fmt(s["search_first_ms"], " ms") + " / " + _fmt(s["search_first_bytes"], " B"),
        ),
        ("case library: initial transfer", _fmt(s["library_initial_bytes"], " B")),
        ("case library: facet click → results", _fmt(s["facet_update_ms"], " ms")),
        ("serve: edit → reloaded", _fmt(s["serve_reload_s"], " s")),
    ]
    width = max(len(r[0]) for r in rows)
    print()
    for name, value in rows:
        print(f"{name.ljust(width)}  {value}")
    print(
        f"(medians of {s['repeat']} run(s); load average {', '.join(f'{x:.1f}' for x in s['load_average'])})"
    )
    for note in s["notes"]:
        print(f"note: {note}")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description="Benchmark the playbook build against plain Material.")
    p.add_argument("--cases", type=int, required=True)
    p.add_argument("--json", type=Path, default=None, help="write the results as JSON here")
    p.add_argument("--browser", action="store_true", help="measure search and library in Chromium")
    p.add_argument("--serve", action="store_true", help="measure edit → reload under serve")
    p.add_argument(
        "--repeat", type=int, default=None, help="runs per figure (default 3; 1 at ≥ 5,000 cases)"
    )
    p.add_argument("--workdir", type=Path, default=BENCH / "out")
    p.add_argument("--no-baseline", action="store_true", help="skip the baseline build")
    args = p.parse_args(argv)
    repeat = args.repeat or (1 if args.cases >= 5000 else 3)

    sys.path.insert(0, str(BENCH))
    import generate

    work = args.workdir.resolve()
    project, baseline = work / f"playbook-{args.cases}", work / f"baseline-{args.cases}"
    work.mkdir(parents=True, exist_ok=True)
    print(f"• generating {args.cases:,} cases into {project} (and the baseline) …", flush=True)
    counts = generate.generate(project, args.cases, baseline=baseline)
    print(f"  {counts}", flush=True)
    res = Results(cases=args.cases, repeat=repeat)
    # Warm-up (untimed): venv check, OS file cache, jieba's dictionary cache.
    _checked(measure(build_py(project, "check")), "check")
    print(f"• check ×{repeat} …", flush=True)
    run_check(project, res)
    print(f"• build ×{repeat} …", flush=True)
    run_build(project, res, work)
    if not args.no_baseline:
        print(f"• baseline build ×{repeat} …", flush=True)
        run_baseline(baseline, res)
    if args.browser:
        import browser_bench

        print("• browser …", flush=True)
        res.browser = browser_bench.measure_site(project / "site", repeat, res.notes)
    if args.serve:
        import serve_bench

        print("• serve …", flush=True)
        res.serve = serve_bench.measure_serve(project, repeat, res.notes)
    s = summary(res)
    print_table(s)
    if args.json:
        args.json.write_text(json.dumps(s, indent=2, ensure_ascii=False), encoding="utf-8")
        print(f"• wrote {args.json}")
    return 0


if __name__ == "__main__":
    reexec_in_venv(__file__)
    sys.exit(main())
