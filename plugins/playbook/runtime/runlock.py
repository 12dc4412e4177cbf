"""One build of a project at a time, and temporary folders that outlive no run.

``build`` holds an exclusive lock on ``<project>/.site.lock`` from cleaning up
leftover temporary folders to swapping the new site in: a second build of the same
project waits for the first, so it can neither delete the first one's folder nor
swap in a half-built site, and ``site/`` is always one complete build.

``serve`` and ``build`` point Python's temporary folder at ``playbook-run-<pid>/``
under the system's one for the duration of the command, so MkDocs' ``mkdocs_*`` site
folders and our ``playbook-search-*`` bundles live there; the folder is removed when
the command ends, and the folders of processes that were killed are removed by the
next run.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

LOCK_FILE = ".site.lock"
RUN_PREFIX = "playbook-run-"

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: builds are not serialised there
    fcntl = None  # type: ignore[assignment]


@contextlib.contextmanager
def build_lock(root: Path, on_wait: Callable[[], None]) -> Iterator[None]:
    """Hold the project's build lock; calls ``on_wait`` once if another build holds it."""
    if fcntl is None:  # pragma: no cover
        yield
        return
    with open(root / LOCK_FILE, "a+b") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            on_wait()
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    return True


def remove_dead_runs(base: Path) -> list[Path]:
    """Remove the temporary folders of runs whose process no longer exists."""
    removed = []
    for folder in base.glob(RUN_PREFIX + "*"):
        pid = folder.name.removeprefix(RUN_PREFIX)
        if pid.isdigit() and int(pid) != os.getpid() and not _alive(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed


@contextlib.contextmanager
def run_tempdir() -> Iterator[Path]:
    """Make ``tempfile`` use a folder of this process for the duration of a command."""
    base = Path(tempfile.gettempdir())
    remove_dead_runs(base)
    mine = base / f"{RUN_PREFIX}{os.getpid()}"
    mine.mkdir(exist_ok=True)
    previous = tempfile.tempdir
    tempfile.tempdir = str(mine)
    try:
        yield mine
    finally:
        tempfile.tempdir = previous
        shutil.rmtree(mine, ignore_errors=True)
