"""Crashes and hangs become located one-line errors; concurrent and killed runs stay clean."""

from __future__ import annotations

import errno
import fcntl
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from conftest import REPO, Project
from playbook.ingest import publish
from playbook.runtime.runlock import LOCK_FILE, RUN_PREFIX
from test_serve import _env, _free_port, serve
from venvs import stamped_venv


def _cli(project: Project, *args: str, timeout: float = 180) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "playbook.cli",
            "--project",
            str(project.root),
            *args,
            "--lang",
            "en",
        ],
        capture_output=True,
        text=True,
        env=_env(),
        timeout=timeout,
    )


def test_a_fifo_is_a_located_error_not_a_hang(project: Project) -> None:
    (project.root / "content/guides").mkdir(parents=True)
    os.mkfifo(project.root / "content/guides/notes.md")
    os.mkfifo(project.root / "cases/pipe.yaml")
    proc = _cli(project, "build", timeout=120)  # a hang fails with TimeoutExpired
    assert proc.returncode == 1
    for rel in ("content/guides/notes.md", "cases/pipe.yaml"):
        assert f"{rel}:1:1: not a regular file but a named pipe (FIFO)" in proc.stdout
    assert "Traceback" not in proc.stdout + proc.stderr


def test_unreadable_folders_and_files_are_located_errors(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The tests run as root, which reads anything: the file system refuses through a patch.
    locked = project.root / "content/locked"
    locked.mkdir()
    secret = project.write("content/guides/secret.md", "# x\n")
    real_scandir, real_access = os.scandir, os.access

    def scandir(path: os.PathLike[str] | str) -> object:
        if Path(path) == locked:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_scandir(path)

    def access(path: os.PathLike[str] | str, mode: int) -> bool:
        return False if Path(path) == secret else real_access(path, mode)

    monkeypatch.setattr(publish.os, "scandir", scandir)
    monkeypatch.setattr(publish.os, "access", access)
    code, out = project.check()
    assert code == 1
    assert "content/locked:1:1: cannot read folder: Permission denied" in out
    assert "content/guides/secret.md:1:1: cannot read file: Permission denied" in out
    code, out = project.build()
    assert code == 1 and "Traceback" not in out


def test_a_full_disk_is_a_located_error_and_keeps_the_site(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out = project.build()
    assert code == 0, out
    before = (project.site / "index.html").read_text(encoding="utf-8")
    from mkdocs import utils

    real = utils.write_file

    def full(content: bytes, output_path: str) -> None:
        if output_path.endswith("cases/sorting-case/index.html"):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), output_path)
        real(content, output_path)

    monkeypatch.setattr(utils, "write_file", full)
    code, out = project.build()
    assert code == 1
    assert (
        "✗ site/cases/sorting-case/index.html:1:1: cannot write: No space left on device; "
        "the previous site/ is unchanged" in out
    )
    assert (project.site / "index.html").read_text(encoding="utf-8") == before
    assert not list(project.root.glob(".site-*.tmp"))


def test_a_template_error_is_a_located_error_in_build(
    project: Project, caplog: pytest.LogCaptureFixture
) -> None:
    project.write("overrides/playbook/records/case.html", "<h1>{{ case.title }</h1>\n")
    code, out = project.build()
    assert code == 1 and "Traceback" not in out
    # The plugin logs it in the site's language (Chinese here), as one located line.
    assert "overrides/playbook/records/case.html:1:1: 模板错误：unexpected '}'" in caplog.text
    # The summary names it too, in the command's language (English here), not MkDocs' bare
    # "Aborted with a BuildError!".
    summary = out[out.index("✗ build failed") :]
    assert "overrides/playbook/records/case.html:1:1: template error: unexpected '}'" in summary
    assert "Aborted with" not in summary


def test_a_second_build_waits_for_the_first(project: Project) -> None:
    """While another build holds the lock, a build waits; it never deletes the other's folder."""
    code, out = project.build()
    assert code == 0, out
    running = project.root / ".site-running.tmp"  # the first build's half-written site
    running.mkdir()
    with open(project.root / LOCK_FILE, "a+b") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        second = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "playbook.cli",
                "--project",
                str(project.root),
                "build",
                "--lang",
                "en",
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            env=_env(),
        )
        assert second.stdout is not None
        line = second.stdout.readline()
        assert "another build of this project is running; waiting" in line
        time.sleep(1)
        assert second.poll() is None and running.is_dir()
        shutil.rmtree(running)  # the first build swaps its folder in and ends
        fcntl.flock(lock, fcntl.LOCK_UN)
    assert second.wait(timeout=180) == 0
    assert (project.site / "cases/sorting-case/index.html").is_file()
    assert (project.site / "pagefind/pagefind.js").is_file()


def _dead_pid() -> int:
    child = subprocess.Popen(["true"])
    child.wait()
    return child.pid


def test_killed_runs_leave_no_temporary_folders(project: Project, tmp_path: Path) -> None:
    """Every temporary folder of a run lives in its playbook-run-<pid>/, removed at the end;
    the folder of a killed run is removed by the next run."""
    tmp = tmp_path / "tmp"
    (tmp / f"{RUN_PREFIX}{_dead_pid()}" / "mkdocs_x").mkdir(parents=True)
    proc = subprocess.run(
        [sys.executable, "-m", "playbook.cli", "--project", str(project.root), "build"],
        capture_output=True,
        text=True,
        env={**_env(), "TMPDIR": str(tmp)},
        timeout=180,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert list(tmp.iterdir()) == []


def test_serve_shows_a_template_error_keeps_answering_and_stops_on_sigterm(
    project: Project, tmp_path: Path
) -> None:
    project.write("overrides/playbook/records/case.html", "<h1>{{ case.title }</h1>\n")
    with serve(project, tmp_path / "serve.log") as server:
        html = server.wait_for("cases/sorting-case/", lambda h: "模板错误" in h)
        assert "overrides/playbook/records/case.html:1:1: 模板错误：unexpected" in html
        assert server.wait_for("objections/no-time/", lambda h: "现在没时间" in h)
        run_dir = Path(tempfile.gettempdir()) / f"{RUN_PREFIX}{server.process.pid}"
        assert run_dir.is_dir()
        server.process.send_signal(signal.SIGTERM)
        assert server.process.wait(timeout=30) is not None
        assert not run_dir.exists()


def test_serve_stopped_by_two_sigterms_in_a_row_prints_no_traceback(
    project: Project, tmp_path: Path
) -> None:
    """A process manager (or ``timeout`` and ``build.py`` both passing a signal on) may send
    SIGTERM twice: the second one arrives while serve shuts down."""
    log = tmp_path / "serve.log"
    with serve(project, log) as server:
        assert server.wait_for("cases/sorting-case/", lambda h: "sorting" in h or "分拣" in h)
        server.process.send_signal(signal.SIGTERM)
        time.sleep(0.05)
        server.process.send_signal(signal.SIGTERM)
        assert server.process.wait(timeout=30) is not None
    assert "Traceback" not in log.read_text(encoding="utf-8")


def test_build_py_passes_sigterm_on_to_serve(project: Project, tmp_path: Path) -> None:
    """``build.py serve`` stopped by SIGTERM stops its ``playbook.cli serve`` child too."""
    root = project.root
    shutil.copy(REPO / "build.py", root / "build.py")
    shutil.copy(REPO / "pyproject.toml", root / "pyproject.toml")
    shutil.copytree(REPO / "requirements", root / "requirements")
    stamped_venv(root)  # this environment's packages; nothing installed into the repository's
    port = _free_port()
    log = (tmp_path / "serve.log").open("wb")
    parent = subprocess.Popen(
        [sys.executable, str(root / "build.py"), "serve", "--port", str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
        env=_env(),
        start_new_session=True,
    )
    try:
        child = None
        deadline = time.monotonic() + 120
        while child is None and time.monotonic() < deadline:
            found = subprocess.run(
                ["pgrep", "-P", str(parent.pid)], capture_output=True, text=True
            ).stdout.split()
            child = int(found[0]) if found else None
            time.sleep(0.2)
        assert child is not None, (tmp_path / "serve.log").read_text()
        time.sleep(2)
        parent.send_signal(signal.SIGTERM)
        assert parent.wait(timeout=30) is not None
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and Path(f"/proc/{child}").exists():
            status = Path(f"/proc/{child}/stat").read_text().split()[2]
            if status == "Z":
                break
            time.sleep(0.2)
        assert not Path(f"/proc/{child}").exists() or status == "Z"
    finally:
        os.killpg(parent.pid, signal.SIGKILL) if parent.poll() is None else None
        log.close()
