"""The page plan: every generated page of a catalog, with its context and what it shows.

One function for the engine adapter (``build``, ``serve``) and for ``check --changed-since``,
which plans the site at the base and in the working tree and compares the pages'
fingerprints (:mod:`shows`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from playbook.derive.catalog import Catalog
from playbook.site.codehost import CodeHost
from playbook.site.composer import composer_data, composer_page
from playbook.site.generated import GeneratedPage
from playbook.derive.health import HealthReport, build_report
from playbook.site.i18n import translator
from playbook.core.messages import catalog_json
from playbook.site.render import Renderer
from playbook.site.shows import collections


@dataclass
class SitePlan:
    renderer: Renderer
    pages: dict[str, GeneratedPage]
    """``src_uri`` → page: the renderer's pages, the composer and the health page."""
    composer_json: str
    """The composer's data file."""


def plan_site(
    catalog: Catalog,
    root: Path,
    language: str,
    *,
    override_dir: Path | None = None,
    last_changed: Mapping[str, dt.date] | None = None,
    host: CodeHost | None = None,
    health: bool = True,
    freshness_days: int = 180,
    today: dt.date | None = None,
) -> SitePlan:
    """Plan every generated page of ``catalog`` (the project at ``root``)."""
    renderer = Renderer(catalog, language, override_dir, last_changed, host)
    pages = {page.src_uri: page for page in renderer.pages()}
    t = translator(language)
    data = composer_data(catalog, language, catalog_json(), host)
    page, composer_json = composer_page(t("composer"), catalog, data)
    pages[page.src_uri] = page
    if health:
        report = build_report(catalog, root, freshness_days, today)
        page = health_page(report, t("health"))
        pages[page.src_uri] = page
    return SitePlan(renderer, pages, composer_json)


def health_page(report: HealthReport, title: str) -> GeneratedPage:
    """The site page (``/health/``) listing the report; not in the navigation."""
    # Besides the report, its coverage chart reads the catalog (charts.coverage_chart).
    shows = partial(collections, "coverage")
    return GeneratedPage("health.md", title, "health.html", {"health": report}, shows_of=shows)
