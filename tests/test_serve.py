"""`serve` survives an invalid edit: errors in the terminal and the browser, recovery on save."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import MKDOCS_YML, TODAY, Project
from playbook.core.messages import CATALOG

TITLE = "分拣效率提升 40%"
HOSTILE_KEY = "<script>alert('XSS-MARKER')</script>"
BUILD_START = "playbook: " + CATALOG["plugin.loaded"][0].split("{")[0]
"""The plugin's first line of every build (on_config), in the fixture site's language (zh)."""
BUILD_DONE = "generated pages;"
"""Its last line (on_post_build)."""
QUIET = 3.0
"""Seconds without a new build after the last save: the watcher reacts within half a second
(polling interval and MkDocs' build delay) and the plugin logs the start at once."""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _env() -> dict[str, str]:
    return {**os.environ, "PLAYBOOK_TODAY": TODAY, "NO_MKDOCS_2_WARNING": "1"}


@dataclass
class Server:
    url: str
    process: subprocess.Popen[bytes]
    log: Path

    def fetch(self, path: str) -> tuple[int, str]:
        try:
            with urllib.request.urlopen(self.url + path, timeout=5) as response:
                return response.status, response.read().decode("utf-8")
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read().decode("utf-8", errors="replace")
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            return 0, ""

    def wait_for(self, path: str, ready: Callable[[str], bool], timeout: float = 60) -> str:
        """Poll ``path`` until ``ready(html)``; the server must stay up meanwhile."""
        deadline = time.monotonic() + timeout
        html = ""
        while time.monotonic() < deadline:
            assert self.process.poll() is None, self.log.read_text(encoding="utf-8")
            status, html = self.fetch(path)
            if status == 200 and ready(html):
                return html
            time.sleep(0.25)
        raise AssertionError(
            f"{path} never got ready; last page:\n{html[-2000:]}\nlog:\n{self.terminal()}"
        )

    def terminal(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def wait_for_log(self, ready: Callable[[str], bool], timeout: float = 60) -> None:
        """Poll the terminal until ``ready(log)``, within ``timeout`` seconds."""
        deadline = time.monotonic() + timeout
        while not ready(self.terminal()):
            assert time.monotonic() < deadline, f"never happened; log:\n{self.terminal()}"
            assert self.process.poll() is None, self.terminal()
            time.sleep(0.1)

    def stays_quiet(self, still: Callable[[str], bool], seconds: float) -> None:
        """Fail as soon as ``still(log)`` stops holding within ``seconds``."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            assert still(self.terminal()), f"something happened; log:\n{self.terminal()}"
            time.sleep(0.1)


@contextmanager
def serve(project: Project, log: Path, *options: str) -> Iterator[Server]:
    """`build.py serve` (the same CLI) as a subprocess on a free port of 127.0.0.1."""
    project.write("mkdocs.yml", MKDOCS_YML + "watch:\n  - cases\n  - content\n")
    port = _free_port()
    with log.open("wb") as out:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "playbook.cli",
                "--project",
                str(project.root),
                "serve",
                "--port",
                str(port),
                *options,
            ],
            stdout=out,
            stderr=subprocess.STDOUT,
            env=_env(),
        )
    try:
        yield Server(f"http://127.0.0.1:{port}/", process, log)
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def test_serve_shows_errors_and_recovers_without_restart(project: Project, tmp_path: Path) -> None:
    # It even starts on invalid content, showing the error page.
    project.edit("cases/turnover-case.yaml", "reviewed: 2026-09-01", "reviewed: someday")
    with serve(project, tmp_path / "serve.log") as server:
        html = server.wait_for("cases/turnover-case/", lambda html: "someday" in html)
        assert "&#39;reviewed&#39; 应该是 YYYY-MM-DD 格式的日期" in html
        project.edit("cases/turnover-case.yaml", "reviewed: someday", "reviewed: 2026-09-01")
        server.wait_for("cases/turnover-case/", lambda html: "周转天数从 15 天降到 7 天" in html)

        # A valid site; then an invalid save while serving.
        page = "cases/sorting-case/"
        server.wait_for(page, lambda html: TITLE in html)
        original = project.read("cases/sorting-case.yaml")
        project.write("cases/sorting-case.yaml", original.replace("title:", f'"{HOSTILE_KEY}":'))
        html = server.wait_for(page, lambda html: "未知字段" in html)
        # The browser shows every problem, escaped (problems quote content) ...
        assert "cases/sorting-case.yaml:1:1: 未知字段 &#39;&lt;script&gt;" in html
        assert "缺少必填字段 &#39;title&#39;" in html
        assert HOSTILE_KEY not in html
        assert "内容有错误" in html
        # ... on every page, hand-written ones included, so whatever is open shows it ...
        assert "未知字段" in server.wait_for("", lambda html: "未知字段" in html)
        # ... and the terminal lists them as path:line:column lines.
        terminal = server.terminal()
        assert "cases/sorting-case.yaml:1:1: 未知字段 '<script>" in terminal
        assert "cases/turnover-case.yaml:15:11: 'reviewed' 应该是 YYYY-MM-DD 格式的日期" in terminal

        # The next valid save brings the site back, same server process.
        project.write("cases/sorting-case.yaml", original)
        html = server.wait_for(page, lambda html: TITLE in html and "未知字段" not in html)
        assert "内容有错误" not in html
        assert server.process.poll() is None


@pytest.mark.parametrize("options", [(), ("--poll",)], ids=["notified", "polling"])
def test_serve_rebuilds_once_per_save(
    project: Project, tmp_path: Path, options: tuple[str, ...]
) -> None:
    # Notified: the build reads every file, and reading must not count as a change.
    with serve(project, tmp_path / "serve.log", *options) as server:
        page = "cases/sorting-case/"
        server.wait_for(page, lambda html: TITLE in html)
        project.edit("cases/sorting-case.yaml", TITLE, TITLE + "（改）")
        server.wait_for(page, lambda html: TITLE + "（改）" in html)
        server.wait_for_log(lambda log: log.count(BUILD_DONE) == 2)
        # A build that triggers itself starts the next one as soon as it ends (the watcher
        # holds the events its reads caused): no build may start in a quiet window.
        server.stays_quiet(lambda log: log.count(BUILD_START) == 2, seconds=QUIET)
        assert server.terminal().count(BUILD_DONE) == 2, server.terminal()


def test_mkdocs_build_still_fails_hard_on_invalid_content(project: Project) -> None:
    project.edit("cases/sorting-case.yaml", "title:", "titel:")
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build"],
        cwd=project.root,
        capture_output=True,
        text=True,
        env=_env(),
        timeout=120,
    )
    assert proc.returncode != 0
    assert "cases/sorting-case.yaml:1:1: 未知字段 'titel'" in proc.stderr + proc.stdout
    assert not project.site.exists()


def test_serve_leaves_loading_to_the_plugin(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``serve`` loads the content once: in the plugin's first build, not also in the CLI."""
    import io
    import signal

    from playbook import cli
    from playbook.adapters.mkdocs import engine

    loads: list[Path] = []
    real_load = cli.load_project
    monkeypatch.setattr(
        cli, "load_project", lambda *a, **k: loads.append(a[0]) or real_load(*a, **k)
    )
    served: list[tuple[Path, int]] = []
    monkeypatch.setattr(engine, "serve", lambda root, port: served.append((root, port)))
    monkeypatch.chdir(project.root)
    previous = signal.getsignal(signal.SIGTERM)
    out = io.StringIO()
    try:
        code = cli.main(["--project", str(project.root), "serve", "--poll", "--port", "8123"], out)
    finally:
        signal.signal(signal.SIGTERM, previous)
    assert code == 0
    assert served == [(project.root.resolve(), 8123)]
    assert loads == []
    assert "http://127.0.0.1:8123/" in out.getvalue() and "提供预览" in out.getvalue()
