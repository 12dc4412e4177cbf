"""Edit one case under ``python3 build.py serve`` → time until the open browser shows it.

The clock starts when the YAML file is written and stops when the case page, reloaded
by MkDocs' live reload in headless Chromium, shows the new title. Afterwards the
pages that link back to the case (its objections and industry) and the site
navigation are checked on the served site.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

from browser import chromium  # noqa: E402


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=30) as response:
        return str(response.read().decode("utf-8"))


def _wait_up(url: str, proc: subprocess.Popen[bytes], timeout: float = 600.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"serve exited with {proc.returncode}")
        try:
            _get(url)
            return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(f"serve did not answer at {url}")


def _pick_case(project: Path) -> tuple[Path, str, list[str]]:
    """A synthetic case that cites objections: (file, industry id, objection ids)."""
    for file in sorted((project / "cases").glob("case-*.yaml")):
        text = file.read_text(encoding="utf-8")
        objections = re.findall(r"^objections:\n((?:  - .+\n)+)", text, re.M)
        if objections:
            industry = re.search(r"^  industry: (\S+)", text, re.M)
            assert industry is not None
            ids = re.findall(r"  - (\S+)", objections[0])
            return file, industry.group(1), ids
    raise RuntimeError("no case cites an objection")


def measure_serve(project: Path, repeat: int, notes: list[str]) -> dict[str, Any]:
    """Edit → reloaded seconds (median of ``repeat`` edits) and the link checks after them."""
    port = _free_port()
    base = f"http://127.0.0.1:{port}/"
    log = project / "serve.log"
    file, industry, objections = _pick_case(project)
    original = file.read_text(encoding="utf-8")
    case_url = f"{base}cases/{file.stem}/"
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            [
                "python3",
                str(REPO / "build.py"),
                "--project",
                str(project),
                "serve",
                "--port",
                str(port),
            ],
            stdout=out,
            stderr=subprocess.STDOUT,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            start_new_session=True,  # its own process group, so it can be stopped as a whole
        )
    times: list[float] = []
    checks: dict[str, bool] = {}
    try:
        _wait_up(case_url, proc)
        with chromium(locale="zh-CN") as context:
            page = context.new_page()
            page.goto(case_url, wait_until="load")
            for i in range(repeat):
                marker = f"（已编辑 {i + 1}）"
                # The title shows on the case page, the alias on every page linking back.
                text = re.sub(
                    r'^title: "(.*)"$', rf'title: "\1{marker}"', original, count=1, flags=re.M
                )
                text = re.sub(
                    r'^  alias: "(.*)"$', rf'  alias: "\1{marker}"', text, count=1, flags=re.M
                )
                time.sleep(1.0)  # let the watcher settle after the previous rebuild
                started = time.perf_counter()
                file.write_text(text, encoding="utf-8")
                deadline = started + 120
                while time.perf_counter() < deadline:
                    try:
                        title = page.evaluate(
                            "() => (document.querySelector('article h1') || {}).textContent || ''"
                        )
                    except Exception:  # the page is being reloaded
                        title = ""
                    if marker in title:
                        times.append(time.perf_counter() - started)
                        break
                    time.sleep(0.02)
                else:
                    notes.append(f"serve: edit {i + 1} did not show within 120 s")
            # Back-links and navigation after the last edit, as served.
            marker = f"（已编辑 {repeat}）"
            checks["objection_backlinks"] = all(
                marker in _get(f"{base}objections/{o}/") for o in objections
            )
            checks["industry_backlink"] = marker in _get(f"{base}industries/{industry}/")
            # The library lists cases client-side: the edit must reach its card-text chunks.
            facets = json.loads(_get(f"{base}cases/facets.json"))
            checks["case_index"] = any(marker in _get(base + url) for url in facets["cards"])
            page.goto(f"{base}objections/{objections[0]}/", wait_until="load")
            link = page.query_selector(f"a[href$='cases/{file.stem}/']")
            checks["backlink_navigates"] = False
            if link is not None:
                link.click()
                page.wait_for_load_state("load")
                checks["backlink_navigates"] = page.url.rstrip("/").endswith(f"cases/{file.stem}")
            tabs = page.query_selector_all(".md-tabs__link")
            checks["nav_tabs"] = len(tabs) >= 4
    finally:
        file.write_text(original, encoding="utf-8")
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)  # the serve process group started above
        proc.wait(timeout=30)
    if not all(checks.values()):
        notes.append(f"serve: link checks failed: {checks}")
    return {
        "serve_reload_s": statistics.median(times) if times else None,
        "serve_reload_runs_s": times,
        "checks": checks,
    }
