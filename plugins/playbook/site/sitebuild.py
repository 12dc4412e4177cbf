"""The whole site, computed without a site engine: ``build_site(result, settings, options)``.

Loaded content in, :class:`SiteBuild` out: the catalog, every generated page (URL, title,
template, context and what it shows, see :mod:`playbook.site.shows`), the renderer that
turns a page into HTML, and the data files (case library, composer). An engine adapter
(``adapters/mkdocs``) only hands these to its engine; ``check --changed-since`` compares
the pages of two builds.
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from playbook.core.urls import COMPOSER_DATA
from playbook.derive.catalog import Catalog, build_catalog
from playbook.ingest.load import LoadResult, Settings
from playbook.integrations.gitinfo import last_changed
from playbook.site.codehost import CodeHost
from playbook.site.generated import GeneratedPage
from playbook.site.render import Renderer
from playbook.site.composer import composer_data, composer_page
from playbook.site.i18n import translator
from playbook.site.shows import collections
from playbook.core.messages import catalog_json
from playbook.derive.health import HealthReport, build_report


@dataclass(frozen=True)
class SiteOptions:
    """What shapes the site besides the content (the plugin's options in mkdocs.yml)."""

    language: str = "zh"
    override_dir: Path | None = None
    """The project's template overrides, searched before the built-in templates."""
    git_dates: bool = False
    """Show each record's last change from git (one ``git log`` pass)."""
    host: CodeHost | None = None
    """The code host, for "edit this page" and the composer's pull-request link."""
    health: bool = True
    """Publish the ``/health/`` page."""


@dataclass
class SiteBuild:
    """Every generated page of the site and what it needs, ready for an engine."""

    catalog: Catalog
    renderer: Renderer
    pages: dict[str, GeneratedPage]
    """``src_uri`` → page: the renderer's pages, the composer and the health page."""
    data_files: dict[str, str]
    """Site path → text of each generated data file (library facets and cards, composer)."""
    timings: dict[str, float] = field(default_factory=dict)
    """Seconds per phase: ``derive``, ``git``, ``plan``."""

    def render(self, page: GeneratedPage) -> str:
        """The page's HTML fragment (what goes inside the theme's content area)."""
        return self.renderer.render(page)


def build_site(result: LoadResult, settings: Settings, options: SiteOptions) -> SiteBuild:
    """Derive and plan the site of a project loaded with ``settings`` without errors."""
    if result.taxonomy is None or result.records is None:
        raise ValueError("build_site needs a project loaded without errors")
    root = settings.root
    timings: dict[str, float] = {}
    started = time.perf_counter()
    catalog = build_catalog(result.taxonomy, result.records)
    timings["derive"] = time.perf_counter() - started
    started = time.perf_counter()
    changed: dict[str, dt.date] = last_changed(root) if options.git_dates else {}
    timings["git"] = time.perf_counter() - started
    started = time.perf_counter()
    renderer = Renderer(catalog, options.language, options.override_dir, changed, options.host)
    pages = {page.src_uri: page for page in renderer.pages()}
    t = translator(options.language)
    data = composer_data(catalog, options.language, catalog_json(), options.host)
    page, composer_json = composer_page(t("composer"), catalog, data)
    pages[page.src_uri] = page
    if options.health:
        report = build_report(catalog, root, settings.freshness_days, settings.today)
        page = health_page(report, t("health"))
        pages[page.src_uri] = page
    timings["plan"] = time.perf_counter() - started
    data_files = {**renderer.library_data, COMPOSER_DATA: composer_json}
    return SiteBuild(catalog, renderer, pages, data_files, timings)


def health_page(report: HealthReport, title: str) -> GeneratedPage:
    """The site page (``/health/``) listing the report; not in the navigation."""
    # Besides the report, its coverage chart reads the catalog (charts.coverage_chart).
    shows = partial(collections, "coverage")
    return GeneratedPage("health.md", title, "health.html", {"health": report}, shows_of=shows)
