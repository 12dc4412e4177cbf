"""Refuse symbolic links that lead out of the project.

Content arrives through pull requests; a link such as ``cases/x.yaml ->
/etc/passwd`` or ``content/docs -> ~/secrets`` would otherwise publish files
from outside the repository. Every entry under the content folders is checked,
Markdown pages and assets included, because MkDocs publishes all of them.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from .problems import Problem

CONTENT_FOLDERS = ("cases", "content")
"""Folders (relative to the project root) whose every entry may reach the site."""


def links_outside(root: Path, folders: Iterable[str] = CONTENT_FOLDERS) -> list[Problem]:
    """One problem per file or folder under ``folders`` that resolves outside ``root``."""
    resolved_root = root.resolve()
    problems: list[Problem] = []

    def check(entry: Path) -> bool:
        """True when ``entry`` is safe to use (and to descend into)."""
        # The walk never follows links, so an entry that is no link stays inside its
        # (already checked) folder; resolving every file cost seconds at 10,000 cases.
        if not entry.is_symlink() or entry.resolve().is_relative_to(resolved_root):
            return True
        rel = entry.relative_to(root).as_posix()
        if entry.is_dir():
            problems.append(
                Problem(
                    rel,
                    1,
                    1,
                    "symbolic link to a folder outside the project",
                    "copy the folder in instead",
                )
            )
        else:
            problems.append(
                Problem(
                    rel,
                    1,
                    1,
                    "symbolic link points outside the project",
                    "copy the file in instead",
                )
            )
        return False

    for folder in folders:
        base = root / folder
        if not (base.exists() or base.is_symlink()) or not check(base):
            continue
        # followlinks=False: a linked folder is checked as an entry, never walked blindly.
        for dirpath, dirnames, filenames in os.walk(base, followlinks=False):
            here = Path(dirpath)
            for name in filenames:
                if not name.startswith("."):  # hidden files are neither content nor published
                    check(here / name)
            dirnames[:] = [d for d in dirnames if not d.startswith(".") and check(here / d)]
    return problems


def is_inside(root: Path, entry: Path) -> bool:
    """Whether ``entry`` (after following links) lies inside ``root``."""
    return entry.resolve().is_relative_to(root.resolve())
