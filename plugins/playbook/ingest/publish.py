"""What under the content folders may reach the site: publishing by allow-list.

Every entry under ``cases/`` and ``content/`` is classified once, in one walk:

- record files (``<id>.yaml`` in a record folder) and ``content/taxonomy.yaml``: data,
  read by :mod:`load`, never copied;
- hand-written pages (``content/**/*.md``) and assets whose type is on the allow-list
  (images, PDF, audio and video by default; ``publish_types`` in mkdocs.yml): published;
- hidden files and OS litter (``.DS_Store``): skipped silently;
- editor leftovers (``x.yaml~``, ``x.yaml.old``, ``x.rej``, ``x___jb_old___`` …): skipped
  with a warning, because they may hold anything, ``private:`` blocks included;
- anything else (``.txt``, ``.csv``, ``.json``, ``x.YAML``, stray YAML), symbolic links
  (unless the project sets ``allow_symlinks: true``), named pipes, sockets and devices,
  and unreadable files or folders: an error naming the file.

The MkDocs adapter then publishes exactly :attr:`Inventory.published` from the docs
folder, so a file nobody classified cannot reach ``site/``.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from playbook.core.messages import NO_MSG, Msg, msg
from playbook.core.problems import Problem, Severity

DOCS_DIR = "content"
"""The docs folder (``docs_dir`` in mkdocs.yml): hand-written pages and assets."""
RECORDS_DIR = "cases"
"""The folder of case records (outside the docs folder: never published as files)."""
DATA_FOLDERS = frozenset({"content/objections", "content/industries"})
"""Record folders inside the docs folder: their ``.yaml`` files are records."""
TAXONOMY = "content/taxonomy.yaml"

DEFAULT_PUBLISH_TYPES: tuple[str, ...] = (
    "avif", "gif", "jpeg", "jpg", "png", "webp",  # images (no SVG: it can hold script)
    "pdf",
    "m4a", "mp3", "ogg", "wav",  # audio
    "mp4", "webm",  # video
)  # fmt: skip
"""File types (lowercase extensions) published from ``content/`` besides Markdown pages."""
ACTIVE_TYPES = frozenset(
    {"html", "htm", "xhtml", "shtml", "js", "mjs", "svg", "svgz", "xml", "xsl", "swf"}
)
"""Types a browser may run script from: never publishable, whatever the options say."""
DATA_TYPES = frozenset({"yaml", "yml", "md"})
"""Types with their own rules (records, pages); not assets."""

LEFTOVER_SUFFIXES = (
    "~", ".swp", ".swo", ".swx", ".bak", ".tmp", ".orig", ".old", ".rej", ".save", ".sav",
    ".crswap", ".kate-swp", "___jb_old___", "___jb_tmp___",
)  # fmt: skip
"""Names editors, merge tools and patch leave behind (``x.yaml.old``, ``x.md.rej`` …)."""
LEFTOVER_PREFIXES = ("#", ".#", "~$")
OS_LITTER = frozenset({"Thumbs.db", "desktop.ini", ".DS_Store"})

SPECIAL_KINDS = (
    (stat.S_ISFIFO, "special.fifo"),
    (stat.S_ISSOCK, "special.socket"),
    (stat.S_ISCHR, "special.char_device"),
    (stat.S_ISBLK, "special.block_device"),
)
"""File-mode test → message code naming the kind of special file."""


@dataclass(frozen=True)
class PublishOptions:
    """The plugin options that decide what is published."""

    publish_types: frozenset[str] = frozenset(DEFAULT_PUBLISH_TYPES)
    allow_symlinks: bool = False


@dataclass
class Inventory:
    """The outcome of classifying every entry under the content folders."""

    pages: list[str] = field(default_factory=list)
    """Hand-written Markdown pages, docs-relative (``playbook/sop.md``)."""
    assets: list[str] = field(default_factory=list)
    """Published assets, docs-relative."""
    problems: list[Problem] = field(default_factory=list)

    @property
    def published(self) -> frozenset[str]:
        """Docs-relative paths MkDocs may publish (pages and assets)."""
        return frozenset(self.pages) | frozenset(self.assets)


def is_leftover(name: str) -> bool:
    """An editor backup, lock, swap or merge leftover (skipped with a warning)."""
    return name.startswith(LEFTOVER_PREFIXES) or name.endswith(LEFTOVER_SUFFIXES)


def is_skipped(name: str) -> bool:
    """Hidden files and OS litter: neither content nor published, skipped silently."""
    return name in OS_LITTER or (name.startswith(".") and not name.startswith(".#"))


def is_ignored(name: str) -> bool:
    """Not content: hidden, OS litter or an editor leftover."""
    return is_skipped(name) or is_leftover(name)


def suffix_of(name: str) -> str:
    """The extension as written, without the dot (``''`` when there is none)."""
    stem, dot, suffix = name.rpartition(".")
    return suffix if dot and stem else ""


def inventory(root: Path, options: PublishOptions) -> Inventory:
    """Classify every entry under ``cases/`` and ``content/`` of the project at ``root``."""
    walker = _Walker(root, options)
    for folder in (RECORDS_DIR, DOCS_DIR):
        base = root / folder
        if base.is_symlink() and not walker.link_ok(base, folder, is_dir=True):
            continue
        if base.is_dir():
            walker.walk(base, folder)
    return walker.found


class _Walker:
    def __init__(self, root: Path, options: PublishOptions) -> None:
        self.root = root
        self.resolved_root = root.resolve()
        self.options = options
        self.found = Inventory()
        self.seen: set[str] = set()
        """Resolved folders walked already (linked folders may lead back)."""

    def error(
        self, rel: str, message: Msg, hint: Msg = NO_MSG, severity: Severity = "error"
    ) -> None:
        self.found.problems.append(Problem(rel, 1, 1, message, hint, severity))

    def walk(self, folder: Path, rel_folder: str) -> None:
        real = os.path.realpath(folder)
        if real in self.seen:
            return
        self.seen.add(real)
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError as exc:
            self.error(
                rel_folder,
                msg("publish.folder_unreadable", error=str(exc.strerror or exc)),
                msg("publish.folder_unreadable.hint"),
            )
            return
        for entry in entries:
            self.entry(entry, f"{rel_folder}/{entry.name}")

    def entry(self, entry: os.DirEntry[str], rel: str) -> None:
        name = entry.name
        if is_skipped(name):
            return
        if is_leftover(name):
            self.error(
                rel,
                msg("publish.leftover"),
                msg("publish.leftover.hint"),
                "warning",
            )
            return
        path = Path(entry.path)
        if entry.is_symlink() and not self.link_ok(path, rel, is_dir=path.is_dir()):
            return
        try:
            mode = os.stat(path).st_mode
        except OSError as exc:
            self.error(rel, msg("file.unreadable", error=str(exc.strerror or exc)))
            return
        if stat.S_ISDIR(mode):
            self.walk(path, rel)
            return
        if not stat.S_ISREG(mode):
            kind = next((what for test, what in SPECIAL_KINDS if test(mode)), "special.other")
            self.error(rel, msg("publish.special", kind=msg(kind)), msg("publish.special.hint"))
            return
        if not os.access(path, os.R_OK):
            self.error(
                rel,
                msg("file.unreadable", error="Permission denied"),
                msg("publish.file_unreadable.hint"),
            )
            return
        self.classify(rel)

    def link_ok(self, path: Path, rel: str, *, is_dir: bool) -> bool:
        """Whether a symbolic link may be followed; reports why not."""
        if not self.options.allow_symlinks:
            self.error(
                rel,
                msg("link.refused"),
                msg("link.refused.hint"),
            )
            return False
        target = path.resolve()
        if not target.exists():
            self.error(rel, msg("link.broken"), msg("link.broken.hint"))
            return False
        if not target.is_relative_to(self.resolved_root):
            if is_dir:
                self.error(rel, msg("link.folder_outside"), msg("link.folder_outside.hint"))
            else:
                self.error(rel, msg("link.file_outside"), msg("link.file_outside.hint"))
            return False
        inside = target.relative_to(self.resolved_root).parts
        if any(part.startswith(".") for part in inside):
            self.error(
                rel,
                msg("link.hidden"),
                msg("link.hidden.hint"),
            )
            return False
        return True

    def classify(self, rel: str) -> None:
        pure = PurePosixPath(rel)
        folder = pure.parent.as_posix()
        suffix = suffix_of(pure.name)
        lower = suffix.lower()
        if _under(folder, {RECORDS_DIR}):
            self.record_folder_file(rel, suffix, RECORDS_DIR)
            return
        docs_rel = pure.relative_to(DOCS_DIR).as_posix()
        if _under(folder, DATA_FOLDERS) and lower in {"yaml", "yml"}:
            self.record_folder_file(rel, suffix, folder)
            return
        if rel == TAXONOMY:
            return
        if lower in {"yaml", "yml"}:
            self.error(
                rel,
                msg("publish.stray_yaml"),
                msg("publish.stray_yaml.hint"),
            )
        elif suffix == "md":
            self.found.pages.append(docs_rel)
        elif lower == "md":
            self.error(
                rel,
                msg("publish.page_suffix", suffix=suffix),
                msg("hint.rename_md", stem=pure.stem),
            )
        elif lower in self.options.publish_types and lower not in ACTIVE_TYPES:
            self.found.assets.append(docs_rel)
        else:
            kind = msg("publish.type", suffix=suffix) if suffix else msg("publish.no_type")
            self.error(
                rel,
                msg("publish.not_published", kind=kind, folder=DOCS_DIR),
                msg(
                    "publish.not_published.hint",
                    allowed=", ".join(sorted(self.options.publish_types)),
                ),
            )

    def record_folder_file(self, rel: str, suffix: str, folder: str) -> None:
        if suffix in {"yaml", "yml"}:
            return  # a record (or a misnamed one): load.discover reports it
        stem = PurePosixPath(rel).stem
        if suffix.lower() in {"yaml", "yml"}:
            self.error(
                rel,
                msg("publish.record_suffix", suffix=suffix),
                msg("file.yml_suffix.hint", stem=stem),
            )
        elif folder == RECORDS_DIR:
            self.error(
                rel,
                msg("publish.cases_only", folder=RECORDS_DIR),
                msg("publish.cases_only.hint"),
            )


def _under(folder: str, bases: frozenset[str] | set[str]) -> bool:
    return any(folder == base or folder.startswith(base + "/") for base in bases)
