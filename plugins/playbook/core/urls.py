"""The one URL scheme of the site: every URL the build generates, and what owns it.

Record pages are ``/<section>/<id>/``; each section has an index; the objection
section has the practice page, each industry a battlecard; the case library pages
``/cases/page/N/`` with its data under ``/cases/facets.json`` and ``/cases/cards/``;
``/health/``; and whole folders belong to the theme and the package (``assets/``),
the Pagefind bundle (``pagefind/``) and MkDocs' search (``search/``).

:func:`route_problems` checks that no record, pain point or hand-written page takes
one of these URLs (``check`` and ``build`` both run it, through :mod:`load`), and
:mod:`impact` names changed pages with the same functions.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import PurePosixPath

from playbook.core.messages import Msg, msg
from playbook.core.problems import Problem

SECTIONS: dict[str, str] = {
    "case": "cases",
    "objection": "objections",
    "industry": "industries",
    "pain_point": "pain-points",
}
"""Record kind → URL section; permalinks are ``/<section>/<id>/``."""

PRACTICE_SRC = "objections/practice.md"
COMPOSER_SRC = "cases/new.md"
"""``/cases/new/``: the case composer."""
COMPOSER_DATA = "cases/composer.json"
"""The composer's data (vocabularies, ids, messages), fetched by its script."""
HEALTH_SRC = "health.md"
DASHBOARD_SRC = "dashboard.md"
"""``/dashboard/``: the results dashboard (成果看板)."""
LIBRARY_PAGES = "cases/page/"
"""``/cases/page/N/``: the case library's later pages."""
FACETS_FILE = "cases/facets.json"
CARDS_DIR = "cases/cards/"
ASSET_PREFIX = "assets/playbook/"
"""The package's own CSS and JS (inside ``assets/``, which the theme owns too)."""
SEARCH_BUNDLE = "pagefind"
GENERATED_FOLDERS = ("assets/", f"{SEARCH_BUNDLE}/", "search/")
"""Folders of the site that generators own entirely."""

RESERVED_IDS: dict[str, frozenset[str]] = {
    "case": frozenset({"index", "page", "cards", "new"}),
    "objection": frozenset({"index", "practice"}),
    "industry": frozenset({"index"}),
    "pain_point": frozenset({"index"}),
}
"""Ids whose record URL is a generated page or folder of the same section."""


def page_url(src_uri: str) -> str:
    """Directory-style URL (relative to the site root) of a page source:
    ``cases/x.md`` → ``cases/x/``, ``cases/index.md`` → ``cases/``, ``index.md`` → ``""``."""
    pure = PurePosixPath(src_uri)
    if pure.stem in ("index", "README"):
        parent = pure.parent.as_posix()
        return "" if parent == "." else f"{parent}/"
    return f"{pure.with_suffix('').as_posix()}/"


def site_path(src_uri: str) -> str:
    """The URL of a page source as reviewers see it: with a leading slash."""
    return "/" + page_url(src_uri)


def record_src(kind: str, ident: str) -> str:
    """Source path of a record's page: ``cases/<id>.md``."""
    return f"{SECTIONS[kind]}/{ident}.md"


def record_url(kind: str, ident: str) -> str:
    """``/cases/<id>/``."""
    return f"/{SECTIONS[kind]}/{ident}/"


def index_src(kind: str) -> str:
    """Source path of a section's index page: ``cases/index.md``."""
    return f"{SECTIONS[kind]}/index.md"


def index_url(kind: str) -> str:
    """``/cases/``."""
    return f"/{SECTIONS[kind]}/"


def battlecard_src(industry: str) -> str:
    return f"industries/{industry}/battlecard.md"


def library_page_src(number: int) -> str:
    """Source path of case-library page ``number`` (1-based)."""
    return index_src("case") if number == 1 else f"{LIBRARY_PAGES}{number}.md"


def template_links() -> dict[str, Callable[..., str]]:
    """The URL scheme as template globals: site-relative paths, written after ``{{ base }}``.

    ``link("case", id)`` → ``cases/<id>/``, ``section_link("case")`` → ``cases/``,
    ``battlecard_link(id)``, ``library_link(n)`` (page ``n`` of the case library),
    ``practice_link()``.
    """
    return {
        "link": lambda kind, ident: page_url(record_src(kind, ident)),
        "section_link": lambda kind: page_url(index_src(kind)),
        "battlecard_link": lambda industry: page_url(battlecard_src(industry)),
        "library_link": lambda number: page_url(library_page_src(number)),
        "practice_link": lambda: page_url(PRACTICE_SRC),
    }


def library_card_file(number: int) -> str:
    return f"{CARDS_DIR}{number}.json"


def generated_owner(url: str, ids: Mapping[str, Mapping[str, str]]) -> Msg | None:
    """What generates the page at ``url`` (a :func:`page_url`), or None if nothing does.

    ``ids`` maps each record kind (and ``pain_point``) to its ids and their source
    files, e.g. ``{"case": {"x": "cases/x.yaml"}}``.
    """
    if url.startswith(GENERATED_FOLDERS) or url.startswith((LIBRARY_PAGES, CARDS_DIR)):
        return msg("owner.folder", folder=url.split("/")[0])
    if url in (FACETS_FILE, f"{FACETS_FILE}/"):
        return msg("owner.library_data")
    if url in (COMPOSER_DATA, f"{COMPOSER_DATA}/"):
        return msg("owner.composer_data")
    if url == page_url(HEALTH_SRC):
        return msg("owner.health")
    if url == page_url(DASHBOARD_SRC):
        return msg("owner.dashboard")
    if url == page_url(PRACTICE_SRC):
        return msg("owner.practice")
    if url == page_url(COMPOSER_SRC):
        return msg("owner.composer")
    parts = url.rstrip("/").split("/")
    for kind, section in SECTIONS.items():
        if url == f"{section}/":
            return msg("owner.index", section=section)
        if len(parts) == 2 and parts[0] == section and parts[1] in ids.get(kind, {}):
            return msg("owner.record", source=ids[kind][parts[1]])
    battlecard = len(parts) == 3 and parts[0] == "industries" and parts[2] == "battlecard"
    if battlecard and parts[1] in ids.get("industry", {}):
        return msg("owner.battlecard", source=ids["industry"][parts[1]])
    return None


def route_problems(pages: Iterable[str], ids: Mapping[str, Mapping[str, str]]) -> list[Problem]:
    """Hand-written pages (docs-relative ``.md`` paths) whose URL is taken: by a
    generated page or folder, or by another hand-written page."""
    problems: list[Problem] = []
    first: dict[str, str] = {}
    for page in sorted(pages):
        url = page_url(page)
        rel = f"content/{page}"
        owner = generated_owner(url, ids)
        if owner is not None:
            problems.append(
                Problem(
                    rel,
                    1,
                    1,
                    msg("route.taken", url=url, owner=owner),
                    msg("route.taken.hint"),
                )
            )
        elif url in first:
            problems.append(
                Problem(
                    rel,
                    1,
                    1,
                    msg(
                        "route.taken",
                        url=url,
                        owner=msg("owner.page", source=f"content/{first[url]}"),
                    ),
                    msg("route.taken_page.hint"),
                )
            )
        else:
            first[url] = page
    return problems


def reserved_url(kind: str, ident: str) -> str | None:
    """The generated URL a record or pain-point id would take, or None if it is free."""
    if ident not in RESERVED_IDS.get(kind, frozenset()):
        return None
    return index_url(kind) if ident == "index" else record_url(kind, ident)


def reserved_id_problem(kind: str, ident: str) -> tuple[Msg, Msg] | None:
    """(message, hint) when a record or pain-point id takes a generated URL."""
    url = reserved_url(kind, ident)
    if url is None:
        return None
    return (
        msg("id.reserved_url", ident=ident, url=url),
        msg("id.reserved.hint" if kind != "pain_point" else "id.reserved_term.hint"),
    )
