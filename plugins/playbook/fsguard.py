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

from .messages import msg
from .problems import Problem

CONTENT_FOLDERS = ("cases", "content")
"""Folders (relative to the project root) whose every entry may reach the site."""


def links_outside(root: Path, folders: Iterable[str] = CONTENT_FOLDERS) -> list[Problem]:
    """One problem per file or folder under ``folders`` that resolves outside ``root``."""
    resolved_root = root.resolve()
    problems: list[Problem] = []

    def check(entry: Path) -> bool:
        """True when ``entry`` (known to be a link) resolves inside the project."""
        if entry.resolve().is_relative_to(resolved_root):
            return True
        rel = entry.relative_to(root).as_posix()
        if entry.is_dir():
            problems.append(
                Problem(
                    rel,
                    1,
                    1,
                    msg("link.folder_outside"),
                    msg("link.folder_outside.hint"),
                )
            )
        else:
            problems.append(
                Problem(
                    rel,
                    1,
                    1,
                    msg("link.file_outside"),
                    msg("link.file_outside.hint"),
                )
            )
        return False

    def walk(folder: Path) -> None:
        # Links are never followed: a linked folder is checked as an entry, not walked.
        # Entries that are no links stay inside their (already checked) folder; the
        # directory listing says which are links, so plain files cost no system call.
        with os.scandir(folder) as listing:
            for entry in listing:
                if entry.name.startswith("."):
                    continue  # hidden files are neither content nor published
                if entry.is_symlink():
                    check(Path(entry.path))
                elif entry.is_dir():
                    walk(Path(entry.path))

    for folder in folders:
        base = root / folder
        if base.is_symlink() and not check(base):
            continue
        if base.is_dir():
            walk(base)
    return problems


def is_inside(root: Path, entry: Path) -> bool:
    """Whether ``entry`` (after following links) lies inside ``root``."""
    return entry.resolve().is_relative_to(root.resolve())
