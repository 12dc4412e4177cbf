"""Which site pages a set of changed files adds, alters or removes (for reviewers).

The site is planned twice, at the base of the change and in the working tree, and each
generated page is fingerprinted with what it shows (:mod:`shows`, the same definition
``serve`` reuses pages by): a page only in the base is removed, one only in the working
tree is added, one whose fingerprint differs is altered. A change to the templates or the
configuration alters every page; a hand-written page alters itself.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import PurePosixPath

from playbook.core.messages import Msg, msg
from playbook.core.urls import index_url, record_url, reserved_id_problem, site_path
from playbook.ingest.load import KIND_FOLDERS
from playbook.integrations.gitinfo import Change

EVERY_PAGE = "*"
"""Pseudo-URL meaning "every page of the site"."""


@dataclass(frozen=True)
class PageImpact:
    url: str
    """Site-relative URL with a leading slash, e.g. ``/cases/x/``; ``*`` for every page."""
    status: str
    """``added``, ``altered`` or ``removed``."""
    reason: Msg
    """Which changed file causes it and how, e.g. ``shows cases/x.yaml`` (rendered in the
    reader's language)."""


@dataclass(frozen=True)
class PlannedPage:
    """A generated page as the impact needs it: its fingerprint and the files it shows."""

    fingerprint: bytes
    sources: frozenset[str]
    """Project files whose records or vocabulary the page shows."""


@dataclass(frozen=True)
class Planned:
    """The generated pages of one state of the project."""

    pages: Mapping[str, PlannedPage]
    """URL (``/cases/x/``) → planned page."""
    shared: bytes
    """Fingerprint of what every page shows (the header's search data)."""


def record_of(path: str) -> tuple[str, str] | None:
    """(kind, id) when ``path`` is a record file, else None."""
    pure = PurePosixPath(path)
    if pure.suffix != ".yaml":
        return None
    for kind, folder in KIND_FOLDERS.items():
        if pure.parent.as_posix() == folder:
            return kind, pure.stem
    return None


def markdown_url(path: str, docs_dir: str = "content") -> str | None:
    """URL of a hand-written page (``content/playbook/sop.md`` → ``/playbook/sop/``)."""
    pure = PurePosixPath(path)
    if pure.suffix != ".md" or not pure.is_relative_to(docs_dir):
        return None
    return site_path(pure.relative_to(docs_dir).as_posix())


def _status(change: Change) -> str:
    return {"added": "added", "deleted": "removed"}.get(change.status, "altered")


def affected_pages(
    changes: list[Change], before: Planned | None, after: Planned | None
) -> list[PageImpact]:
    """Pages the changes add, alter or remove: the changed files' own pages first.

    ``before`` and ``after`` are the planned pages at the base and in the working tree;
    without both (content with errors) only the pages named by the changed files
    themselves are listed.
    """
    found: dict[str, PageImpact] = {}

    def add(url: str, status: str, reason: Msg) -> None:
        if url not in found:
            found[url] = PageImpact(url, status, reason)

    content: list[Change] = []
    for change in changes:
        record = record_of(change.path)
        if record is not None and reserved_id_problem(*record) is None:
            add(record_url(*record), _status(change), _changed(change))
            content.append(change)
        elif (url := markdown_url(change.path)) is not None:
            add(url, _status(change), _changed(change))
        elif _is_site_wide(change.path):
            add(EVERY_PAGE, "altered", _changed(change))
        elif change.path.endswith(".yaml"):
            content.append(change)  # the taxonomy
    if before is None or after is None:
        for change in content:
            record = record_of(change.path)
            if record is not None:
                add(index_url(record[0]), "altered", msg("review.reason.index", path=change.path))
        return list(found.values())
    own = {url for url, impact in found.items() if impact.status != "altered"}
    paths = [c.path for c in content]
    if before.shared != after.shared:
        add(EVERY_PAGE, "altered", msg("review.reason.search", paths=_names(paths)))
    for url in sorted(before.pages.keys() | after.pages.keys()):
        old, new = before.pages.get(url), after.pages.get(url)
        if old is not None and new is not None and old.fingerprint == new.fingerprint:
            continue
        status = "removed" if new is None else "added" if old is None else "altered"
        if url in own:
            found[url] = PageImpact(url, status, found[url].reason)
            continue
        shown = (old.sources if old else frozenset()) | (new.sources if new else frozenset())
        why = [path for path in paths if path in shown] or paths
        shows = "review.reason.showed" if status == "removed" else "review.reason.shows"
        add(url, status, msg(shows, paths=_names(why)))
    return list(found.values())


def _changed(change: Change) -> Msg:
    """``added cases/x.yaml``: how the file itself changed (git's added/modified/deleted)."""
    return msg(f"review.reason.{change.status}", path=change.path)


def _names(paths: list[str]) -> str:
    return ", ".join(paths[:3]) + (" …" if len(paths) > 3 else "")


def _is_site_wide(path: str) -> bool:
    return path == "mkdocs.yml" or path.startswith(("overrides/", "plugins/"))
