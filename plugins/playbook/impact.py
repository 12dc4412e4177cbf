"""Which site pages a set of changed files adds, alters or removes (for reviewers).

A changed record alters its own page and every page that shows it through a
back-link: e.g. a case appears on its industry page, its pain-point pages, the
pages of the objections it cites or that cite it, and the case library. The
rules mirror the templates and :mod:`catalog`; a change to the taxonomy,
templates or configuration alters every page.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath

from .catalog import Catalog
from .gitinfo import Change
from .load import KIND_FOLDERS, TAXONOMY_FILE
from .urls import DASHBOARD_SRC, index_url, record_url, reserved_id_problem, site_path

EVERY_PAGE = "*"
"""Pseudo-URL meaning "every page of the site"."""
DASHBOARD_URL = site_path(DASHBOARD_SRC)
"""The results dashboard counts every case."""


@dataclass(frozen=True)
class PageImpact:
    url: str
    """Site-relative URL with a leading slash, e.g. ``/cases/x/``; ``*`` for every page."""
    status: str
    """``added``, ``altered`` or ``removed``."""
    reason: str
    """Which changed file causes it and how, e.g. ``lists cases/x.yaml``."""


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


def affected_pages(changes: list[Change], catalog: Catalog | None) -> list[PageImpact]:
    """Pages the changes add, alter or remove, changed records' own pages first.

    Without a catalog (the content has errors) only the pages named by the
    changed files themselves are listed.
    """
    found: dict[str, PageImpact] = {}

    def add(url: str, status: str, reason: str) -> None:
        if url not in found:
            found[url] = PageImpact(url, status, reason)

    own: list[tuple[str, str, Change]] = []
    for change in changes:
        record = record_of(change.path)
        if record is not None and reserved_id_problem(*record) is None:
            kind, ident = record
            status = {"added": "added", "deleted": "removed"}.get(change.status, "altered")
            add(record_url(kind, ident), status, f"{change.status} {change.path}")
            own.append((kind, ident, change))
            continue
        url = markdown_url(change.path)
        if url is not None:
            status = {"added": "added", "deleted": "removed"}.get(change.status, "altered")
            add(url, status, f"{change.status} {change.path}")
        elif change.path == TAXONOMY_FILE or _is_site_wide(change.path):
            add(EVERY_PAGE, "altered", f"{change.status} {change.path}")

    for kind, ident, change in own:
        add(index_url(kind), "altered", f"index lists {change.path}")
        if catalog is not None and change.status != "deleted":
            for url, why in _linked(kind, ident, catalog):
                add(url, "altered", f"{why} {change.path}")
    return list(found.values())


def _is_site_wide(path: str) -> bool:
    return path == "mkdocs.yml" or path.startswith(("overrides/", "plugins/"))


def _linked(kind: str, ident: str, catalog: Catalog) -> list[tuple[str, str]]:
    """Pages other than its own and its index that show record ``kind``/``ident``."""
    out: list[tuple[str, str]] = []
    if kind == "case" and ident in catalog.cases:
        case = catalog.cases[ident]
        out.append((record_url("industry", case.industry), "lists"))
        out.append((index_url("industry"), "counts"))
        out += [(record_url("pain_point", p), "lists") for p in case.pain_points]
        out.append((index_url("pain_point"), "counts"))
        out += [
            (record_url("objection", o), "lists") for o in catalog.case_objections.get(ident, [])
        ]
        out.append((DASHBOARD_URL, "counts"))
    elif kind == "objection" and ident in catalog.objections:
        out += [(record_url("case", c), "links to") for c in catalog.objection_cases.get(ident, [])]
        out += [
            (record_url("pain_point", p), "lists")
            for p, objections in sorted(catalog.pain_objections.items())
            if ident in objections
        ]
        out += [
            (record_url("industry", i.id), "lists")
            for i in catalog.industries.values()
            if ident in i.common_objections
        ]
    elif kind == "industry" and ident in catalog.industries:
        industry = catalog.industries[ident]
        cases = catalog.industry_cases.get(ident, [])
        out += [(record_url("case", c), "names") for c in cases]
        if cases:
            out.append((index_url("case"), "case cards name"))
        out += [(record_url("pain_point", p.id), "lists") for p in industry.pain_points]
        if cases:
            out.append((DASHBOARD_URL, "counts cases of"))
    return out
