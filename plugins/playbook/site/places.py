"""Where a generated page sits: its breadcrumb trail and the header tab it belongs to.

Both are derived from the page's URL (``cases/x/``, ``industries/y/battlecard/``), so a
new page kind gets them without a table of its own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

SECTION_LABELS = {
    "cases": "cases",
    "objections": "objections",
    "industries": "industries",
    "pain-points": "pain_points",
}
"""First URL segment → UI string key of the section's index page."""


def trail(
    url: str, t: Callable[[str], str], record_titles: Mapping[str, str]
) -> list[tuple[str, str]]:
    """The ancestors of the page at ``url`` as ``(label, url)`` pairs, home first.

    ``record_titles`` maps the URL of a record page that has pages below it (an industry
    above its battlecard) to its title; ancestors with no page of their own (such as the
    library's ``cases/page/``) are left out.
    """
    parts = url.strip("/").split("/") if url.strip("/") else []
    crumbs = [(t("home"), "")]
    for depth in range(1, len(parts)):
        prefix = "/".join(parts[:depth]) + "/"
        if depth == 1 and parts[0] in SECTION_LABELS:
            crumbs.append((t(SECTION_LABELS[parts[0]]), prefix))
        elif prefix in record_titles:
            crumbs.append((record_titles[prefix], prefix))
    return crumbs


def _section(url: str) -> str:
    return url.strip("/").split("/", 1)[0] if url.strip("/") else ""


def tab_for(page_url: str, tab_urls: Iterable[str]) -> str | None:
    """The URL of the header tab a page belongs to.

    The tab whose URL starts with the same section as the page (``cases/x/`` → the tab
    at ``cases/``); a page in no tab's section (``/health/``, ``/dashboard/``) belongs
    to the home tab. None when neither exists.
    """
    tabs = list(tab_urls)
    section = _section(page_url)
    if section:
        for tab in tabs:
            if _section(tab) == section:
                return tab
    return next((tab for tab in tabs if not _section(tab)), None)
