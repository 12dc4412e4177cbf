"""What git knows about the content: files changed since a ref, and when each file last changed.

Every function degrades gracefully: without git or outside a repository,
``last_changed`` returns nothing and ``changed_files`` raises :class:`GitError`
with a message fit for the command line. Paths are relative to the project
root (which may be a sub-folder of the repository), in POSIX form.
"""

from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess
import tarfile
from dataclasses import dataclass
from pathlib import Path

from playbook.core.messages import MessageError, msg

CONTENT_PATHS = ("cases", "content")
"""Folders whose history matters for record pages."""


class GitError(MessageError):
    """git is missing, the folder is not in a repository, or a ref is unknown."""


@dataclass(frozen=True)
class Change:
    path: str
    status: str
    """``added``, ``modified`` or ``deleted``."""


def _git(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    if shutil.which("git") is None:
        raise GitError(msg("git.not_installed"))
    return subprocess.run(
        # quotePath off: Chinese file names come back as written, not as octal escapes.
        ["git", "-c", "core.quotePath=false", "-C", str(root), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        check=False,
    )


def is_repository(root: Path) -> bool:
    """True when ``root`` is inside a git work tree."""
    try:
        proc = _git(root, "rev-parse", "--is-inside-work-tree")
    except GitError:
        return False
    return proc.returncode == 0 and proc.stdout.strip() == "true"


_STATUS = {"A": "added", "C": "added", "D": "deleted"}


def changed_files(root: Path, ref: str) -> list[Change]:
    """Files changed on this branch since it left ``ref``, plus uncommitted and untracked ones.

    Committed changes come from ``git diff <ref>...HEAD`` (what a pull request shows);
    staged, unstaged and untracked files are added so a local run sees work in progress.
    """
    if not is_repository(root):
        raise GitError(msg("git.not_repository", root=str(root)))
    verify = _git(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
    if verify.returncode != 0:
        raise GitError(msg("git.unknown_ref", ref=ref))
    changes: dict[str, str] = {}

    def merge(path: str, status: str) -> None:
        # A file added on the branch and edited since is still new; anything else: the latest.
        if changes.get(path) == "added" and status == "modified":
            return
        changes[path] = status

    for args in (
        ("diff", "--name-status", "--relative", "--no-renames", f"{ref}...HEAD"),
        ("diff", "--name-status", "--relative", "--no-renames", "HEAD"),
    ):
        proc = _git(root, *args)
        if proc.returncode != 0:
            error = proc.stderr.strip() or f"exit {proc.returncode}"
            raise GitError(msg("git.failed", command=" ".join(args), error=error))
        for line in proc.stdout.splitlines():
            code, _, path = line.partition("\t")
            if path:
                merge(path, _STATUS.get(code[:1], "modified"))
    untracked = _git(root, "ls-files", "--others", "--exclude-standard")
    for path in untracked.stdout.splitlines():
        if path:
            merge(path, "added")
    return [Change(path, status) for path, status in sorted(changes.items())]


def export_base(root: Path, ref: str, target: Path) -> bool:
    """Write the project as it was where this branch left ``ref`` (the base ``changed_files``
    compares with) into ``target``; False if git cannot."""
    base = _git(root, "merge-base", ref, "HEAD")
    commit = base.stdout.strip() if base.returncode == 0 else ref
    prefix = _git(root, "rev-parse", "--show-prefix").stdout.strip()
    proc = subprocess.run(
        ["git", "-C", str(root), "archive", "--format=tar", f"{commit}:{prefix}"],
        capture_output=True,
    )
    if proc.returncode != 0:
        return False
    with tarfile.open(fileobj=io.BytesIO(proc.stdout)) as archive:
        archive.extractall(target, filter="data")
    return True


def last_changed(root: Path, paths: tuple[str, ...] = CONTENT_PATHS) -> dict[str, dt.date]:
    """Project-relative path → date of the last commit touching it, from one ``git log`` pass.

    Empty when git or the history is unavailable (e.g. a shallow checkout still
    works, with dates as old as its oldest commit).
    """
    if not is_repository(root):
        return {}
    proc = _git(
        root,
        "log",
        "--format=%x00%cs",
        "--name-only",
        "--relative",
        "--no-renames",
        "--",
        *paths,
    )
    if proc.returncode != 0:
        return {}
    dates: dict[str, dt.date] = {}
    current: dt.date | None = None
    for line in proc.stdout.splitlines():
        if line.startswith("\x00"):
            try:
                current = dt.date.fromisoformat(line[1:].strip())
            except ValueError:
                current = None
        elif line and current is not None:
            dates.setdefault(line, current)  # newest first: the first date seen is the last change
    return dates
