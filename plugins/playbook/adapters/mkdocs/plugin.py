"""MkDocs adapter: wires the plain-Python core into MkDocs events. No business logic here."""

from __future__ import annotations

import datetime as dt
import html
import json
import os
import shutil
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jinja2
from mkdocs.config import base
from mkdocs.config import config_options as opt
from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from playbook.adapters.mkdocs.errorpage import error_html, error_page_uris
from playbook.adapters.mkdocs.pages import (
    RecordPage,
    ServeCache,
    cache_shared_partials,
    mark_shared,
    site_key,
    tab_active,
    title_sections,
)
from playbook.core import urls
from playbook.core.fold import TABLE as FOLD_TABLE
from playbook.core.messages import msg, tr
from playbook.core.problems import Problem, errors
from playbook.derive.catalog import Catalog
from playbook.ingest.load import LoadResult, Settings, load_project
from playbook.ingest.projectconfig import settings_from_options
from playbook.ingest.publish import DEFAULT_PUBLISH_TYPES
from playbook.ingest.synonyms import search_data as synonym_search_data
from playbook.ingest.yamlsource import Limits
from playbook.integrations.pagefind_feed import (
    PagefindFeed,
    SearchIndexError,
    build_index,
    page_document,
)
from playbook.runtime.progress import PageProgress
from playbook.site import ASSETS, TEMPLATES
from playbook.site.codehost import code_host
from playbook.site.generated import GeneratedPage
from playbook.site.i18n import translator
from playbook.site.markup import sanitise_page
from playbook.site.page_security import add_noindex, externalise_scripts
from playbook.site.pagelists import expand_markers
from playbook.site.render import Renderer
from playbook.site.render_pool import FragmentPool
from playbook.site.search_index import KINDS as SEARCH_KINDS
from playbook.site.search_index import OUTPUT_SUBDIR, search_kind, searchable
from playbook.site.shows import Facts
from playbook.site.sitebuild import SiteOptions, build_site
from playbook.site.siteurl import hosted_site_url

log = get_plugin_logger(__name__)

THEME = Path(__file__).parent / "theme"
"""Theme partials (the Pagefind search box in the header); a project's custom_dir still wins."""
CJK_BREAKS = "playbook.ingest.cjkbreaks"
"""The Markdown extension that drops line breaks between CJK characters (:mod:`cjkbreaks`)."""
ASSET_PREFIX = urls.ASSET_PREFIX
"""Every file in ``assets/`` is published under this prefix; .css and .js files are linked on every page."""


def asset_uris() -> list[str]:
    """Site paths of the package's assets, in a stable order."""
    return sorted(
        ASSET_PREFIX + f.relative_to(ASSETS).as_posix() for f in ASSETS.rglob("*") if f.is_file()
    )


class LimitsConfig(base.Config):
    """Bounds on hostile or accidental input (see ``yamlsource.Limits``)."""

    max_file_bytes = opt.Type(int, default=Limits.max_file_bytes)
    """Largest accepted content file, in bytes."""
    max_depth = opt.Type(int, default=Limits.max_depth)
    """Deepest nesting of mappings and lists in one file."""
    max_values = opt.Type(int, default=Limits.max_values)
    """Most values in one file, counting every YAML alias expansion."""
    max_records = opt.Type(int, default=Limits.max_records)
    """Most records in the project."""


class PlaybookConfig(base.Config):
    enabled = opt.Type(bool, default=True)
    """Turn the plugin off without removing it from mkdocs.yml."""
    project_dir = opt.Optional(opt.Type(str))
    """Folder holding ``cases/`` and ``content/``; defaults to the folder of mkdocs.yml."""
    language = opt.Choice(("zh", "en"), default="zh")
    """Language of the generated pages' UI strings."""
    freshness_days = opt.Type(int, default=180)
    """A record reviewed longer ago than this is reported as stale (a warning)."""
    templates_dir = opt.Type(str, default="overrides/playbook")
    """Folder whose templates replace the built-in ones of the same name."""
    limits = opt.SubConfig(LimitsConfig)
    """Input limits; raise them here if a real project needs more."""
    health_page = opt.Type(bool, default=True)
    """Add the content-health report at /health/ (linked from the guides, not in the nav)."""
    git_dates = opt.Type(bool, default=True)
    """Show when each record last changed in git (one ``git log`` pass; skipped without git)."""
    search = opt.Type(bool, default=True)
    """Build the Pagefind search index over the finished site."""
    branch = opt.Type(str, default="main")
    """Branch that "edit this page" and the case composer's pull-request link target."""
    edit_uri = opt.Optional(opt.Type(str))
    """Edit-link prefix after ``repo_url``, for paths relative to the project (not to
    ``docs_dir``); default ``edit/<branch>/`` on GitHub, ``-/edit/<branch>/`` on GitLab."""
    noindex = opt.Type(bool, default=True)
    """Mark every page ``<meta name="robots" content="noindex">``; false for a public playbook."""
    publish_types = opt.ListOfItems(opt.Type(str), default=list(DEFAULT_PUBLISH_TYPES))
    """File types published from ``content/`` besides pages (images, PDF, audio, video)."""
    allow_symlinks = opt.Type(bool, default=False)
    """Follow symbolic links under the content folders (only those inside the project)."""
    raw_html = opt.Type(bool, default=False)
    """Publish raw HTML of hand-written pages unsanitised (trusted authors only)."""


class PlaybookPlugin(BasePlugin[PlaybookConfig]):
    """Loads and validates the YAML content, and adds one page per record."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.catalog: Catalog | None = None
        self.renderer: Renderer | None = None
        self.pages: dict[str, GeneratedPage] = {}
        self.timings: dict[str, float] = {}
        self.serving = False
        """True between ``on_startup(command="serve")`` and ``on_shutdown``."""
        self.problems: list[Problem] = []
        self.build_failure: Problem | None = None
        """The located problem that stopped the last build (a template error), for the CLI."""
        """Errors of the last load; non-empty only while serving invalid content."""
        self.preloaded: tuple[Settings, LoadResult] | None = None
        """Set by the CLI, which has just loaded the same project: used once instead of loading again."""
        self.loaded_here = False
        self.serve_cache: ServeCache | None = None
        """Kept between rebuilds under ``serve`` (the plugin instance persists there)."""
        self.fragments: FragmentPool | None = None
        """Full builds of large projects: fragments rendered ahead in worker processes."""
        self.search_feed: PagefindFeed | None = None
        """Pagefind indexing pages as they are written (full builds, and the first under serve)."""
        self.search_language: str | None = None
        """The ``<html lang>`` of this build's pages."""
        self.page_urls: set[str] = set()
        """Under ``serve``: every page of this build, as search URLs (to drop deleted ones)."""
        self.search_docs: dict[str, str] = {}
        """Under ``serve``: each page's search document by URL, kept across rebuilds."""
        self.search_bundle: Path | None = None
        """Under ``serve``: a copy of the latest search index, reused on the next rebuild."""
        self.search_refresh: threading.Thread | None = None
        self.build_started = time.perf_counter()
        self.progress: PageProgress | None = None
        """Pages written so far (progress lines on large builds)."""
        self.data_files: dict[str, str] = {}
        """Site path → text of the generated data files (case library, composer)."""
        """The case composer's data file (``urls.COMPOSER_DATA``)."""
        self.stale_bundles: list[Path] = []
        """Under ``serve``: replaced search bundles, deleted on the next rebuild."""
        self.inline_scripts: dict[str, str] = {}
        """Theme scripts moved out of the pages (site path → code); kept across serve rebuilds,
        since reused pages still link theirs."""
        self.published: frozenset[str] = frozenset()
        """Docs-relative files that may be published (``publish.inventory``)."""

    # Defining on_startup also makes MkDocs keep this instance across `serve` rebuilds;
    # on_config therefore resets every piece of per-build state (the serve cache is kept).
    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"
        self.serve_cache = ServeCache() if self.serving else None
        self.search_bundle, self.search_docs = None, {}

    def on_shutdown(self) -> None:
        self.serving = False
        self.serve_cache = None
        if self.search_bundle is not None:
            self.stale_bundles.append(self.search_bundle)
        self.search_bundle = None
        self.search_docs = {}
        self._discard_stale_bundles()

    def _discard_stale_bundles(self) -> None:
        while self.stale_bundles:
            shutil.rmtree(self.stale_bundles.pop().parent, ignore_errors=True)

    def project_root(self, config: MkDocsConfig) -> Path:
        if self.config.project_dir:
            return Path(self.config.project_dir).resolve()
        return Path(config.config_file_path or ".").resolve().parent

    # Runs early so that invalid content stops the build before anything is written.
    @event_priority(100)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return config
        self.build_started = time.perf_counter()
        site_url, note = hosted_site_url(config.site_url, os.environ, serving=self.serving)
        if note:
            log.info(note)
        config.site_url = site_url
        root = self.project_root(config)
        today = os.environ.get("PLAYBOOK_TODAY")
        # The same option check as `build.py check`, so both accept and refuse the same values.
        options = {
            "freshness_days": self.config.freshness_days,
            "limits": dict(self.config.limits),
            "publish_types": list(self.config.publish_types),
            "allow_symlinks": self.config.allow_symlinks,
        }
        settings, config_problems = settings_from_options(
            root, options, dt.date.fromisoformat(today) if today else None
        )
        self.catalog, self.renderer, self.pages, self.problems = None, None, {}, []
        self.data_files = {}
        preloaded, self.preloaded = self.preloaded, None
        self.loaded_here = preloaded is None or preloaded[0] != settings
        cache = self.serve_cache.records if self.serve_cache else None
        result = load_project(settings, cache) if self.loaded_here else preloaded[1]  # type: ignore[index]
        self.timings = dict(result.timings)
        self.published = result.published
        failures = [*config_problems, *errors(result.problems)]
        if failures and self.serving:
            self._serve_errors(failures, result)
            return config
        if failures:
            lang = self.config.language
            raise PluginError(
                tr("plugin.failed", lang, count=len(failures))
                + "\n"
                + "\n".join(p.format(lang) for p in failures)
            )
        # Stale records are a content-health matter, not a broken site: they are listed
        # (and `build.py check` prints them as warnings) but do not fail `--strict` builds.
        for warning in result.problems:
            log.info(warning.format(self.config.language))
        site = build_site(
            result,
            settings,
            SiteOptions(
                language=self.config.language,
                override_dir=root / self.config.templates_dir,
                git_dates=self.config.git_dates,
                host=code_host(config.repo_url, self.config.branch, self.config.edit_uri),
                health=self.config.health_page,
            ),
        )
        self.timings.update(site.timings)
        self.catalog, self.renderer, self.pages = site.catalog, site.renderer, site.pages
        self.data_files = site.data_files
        if self.serve_cache is not None:
            self.renderer.env.bytecode_cache = self.serve_cache.bytecode
        self.timings["render"] = 0.0
        self._close_pool()
        if self.serve_cache is None:
            # Start now: the workers render while MkDocs collects files and builds the nav.
            self.fragments = FragmentPool.start(
                self.renderer, list(self.pages.values()), busy_cores=int(self.config.search)
            )
        self._start_search_feed()
        seconds = self.timings["load"] + self.timings["validate"]
        counts = self.catalog.records.counts()
        log.info(tr("plugin.loaded", self.config.language, **counts, seconds=f"{seconds:.2f}"))
        self._add_theme_parts(config)
        return config

    def _add_theme_parts(self, config: MkDocsConfig) -> None:
        """Our Markdown extension, partials, styles and scripts, added to the site's config."""
        if CJK_BREAKS not in config.markdown_extensions:  # hand-written pages, as record fields
            config.markdown_extensions.append(CJK_BREAKS)
        toc = config.mdx_configs.get("toc")
        if "toc" in config.markdown_extensions and isinstance(toc, dict):
            toc.setdefault("permalink_title", translator(self.config.language)("permalink"))
        # Our partials sit after the project's custom_dir and before Material's own.
        if str(THEME) not in config.theme.dirs:
            config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(THEME))
        for uri in asset_uris():
            if uri.endswith(".css") and uri not in config.extra_css:
                config.extra_css.append(uri)
            if uri.endswith(".js") and uri not in [str(s) for s in config.extra_javascript]:
                script = ExtraScriptValue(uri)
                script.defer = True
                config.extra_javascript.append(script)

    def _start_search_feed(self) -> None:
        """A fresh Pagefind service process for this build (none while serve reuses its index)."""
        self._close_feed()
        self.search_language, self.page_urls = None, set()
        if self.config.search and not (self.serving and self.search_bundle is not None):
            # Pagefind indexes each page as it is converted, in its own process (_index_page).
            try:
                self.search_feed = PagefindFeed()
            except SearchIndexError as exc:
                raise PluginError(str(exc)) from exc

    def _serve_errors(self, failures: list[Problem], result: LoadResult) -> None:
        """Keep `serve` alive: log the problems and turn every page into the error list."""
        for problem in failures:
            log.error(problem.format(self.config.language))
        log.error(tr("plugin.serve_errors", self.config.language, count=len(failures)))
        self.problems = failures
        title = translator(self.config.language)("content_errors")
        self.pages = {uri: GeneratedPage(uri, title, "") for uri in error_page_uris(result)}

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return files
        # Publish by allow-list: of the docs folder's files only the pages and assets that
        # publish.inventory accepted (YAML sources, leftovers, .txt … may hold private data).
        docs = Path(config.docs_dir).resolve()
        for file in list(files):
            src = file.abs_src_path
            from_docs = src is not None and Path(src).parent.resolve().is_relative_to(docs)
            if from_docs and file.src_uri not in self.published:
                files.remove(file)
        for page in self.pages.values():
            existing = files.get_file_from_path(page.src_uri)
            if existing is not None:
                raise PluginError(
                    f"{page.src_uri} is generated from YAML; remove the hand-written file"
                )
            inclusion = (
                InclusionLevel.NOT_IN_NAV
                if not page.src_uri.endswith("index.md")
                else InclusionLevel.UNDEFINED
            )
            file = File.generated(config, page.src_uri, content=_stub(page), inclusion=inclusion)
            if inclusion is InclusionLevel.NOT_IN_NAV:
                # Record pages skip MkDocs' Markdown step (see adapters/mkdocs/pages.py); index
                # pages keep the normal path so the nav's titles apply to them.
                RecordPage(html.escape(page.title, quote=False), file, config, page.hide)
            files.append(file)
        for path, text in self.data_files.items():
            files.append(File.generated(config, path, content=text))
        for uri in asset_uris():
            source = ASSETS / uri.removeprefix(ASSET_PREFIX)
            files.append(File.generated(config, uri, abs_src_path=str(source)))
        return files

    def on_nav(
        self, nav: Navigation, /, *, config: MkDocsConfig, files: Files
    ) -> Navigation | None:
        if self.config.enabled:
            self.progress = PageProgress(
                len(files.documentation_pages()), log.info, started=self.build_started
            )
            mark_shared(files, nav.pages)
            if config.nav is None:
                title_sections(nav.items, translator(self.config.language))
            if self.serve_cache is not None and self.catalog is not None:
                self._reuse_unchanged(config, files, nav)
        return nav

    def _reuse_unchanged(self, config: MkDocsConfig, files: Files, nav: Navigation) -> None:
        """Under ``serve``: mark record pages whose content and surroundings did not change."""
        assert self.serve_cache is not None and self.catalog is not None
        assert self.renderer is not None
        facts = Facts(self.catalog, self.renderer.last_changed)
        pages = [f.page for f in files.documentation_pages() if isinstance(f.page, RecordPage)]
        for page in pages:
            generated = self.pages.get(page.file.src_uri)
            page.signature = facts.fingerprint(generated) if generated is not None else None
        root = self.project_root(config)
        hand_written = [
            Path(f.abs_src_path) for f in files if f.abs_src_path and f.generated_by is None
        ]
        folders = [
            Path(config.config_file_path or "mkdocs.yml"),
            TEMPLATES,
            ASSETS,
            root / self.config.templates_dir,
            *([Path(config.theme.custom_dir)] if config.theme.custom_dir else []),
            *hand_written,
        ]
        parts = [
            str(nav),
            self.config.language,
            repr(config.extra_css),
            config.site_url or "",
            repr(self._query_data(files)),  # on every page: a new page count renders them all
        ]
        self.serve_cache.begin(site_key(parts, folders), pages)
        log.info(f"serve: {self.serve_cache.reused} unchanged record pages reused")

    def _query_data(self, files: Files) -> dict[str, Any]:
        """The header search's data, on every page (shows.every_page)."""
        groups = self.catalog.taxonomy.synonyms if self.catalog is not None else ()
        return {
            "synonyms": synonym_search_data(groups),
            "pages": len(files.documentation_pages()),  # how rare a search word is
            "table": ASSET_PREFIX
            + FOLD_TABLE.relative_to(ASSETS).as_posix(),  # query.js folds with it
        }

    def on_env(
        self, env: jinja2.Environment, /, *, config: MkDocsConfig, files: Files
    ) -> jinja2.Environment | None:
        if self.config.enabled:
            cache_shared_partials(env)
            if self.serve_cache is not None:
                env.bytecode_cache = self.serve_cache.bytecode
            env.globals["pb_t"] = translator(self.config.language)
            env.globals["pb_tab_active"] = tab_active
            env.globals["pb_search_kinds"] = SEARCH_KINDS
            env.globals["pb_site_path"] = urlsplit(config.site_url or "/").path or "/"
            # The URL scheme for the theme's partials, after {{ pb_site_path }} or `| url`:
            # pb_link, pb_section_link, … (urls.template_links), and the Pagefind bundle.
            env.globals.update({f"pb_{k}": v for k, v in urls.template_links().items()})
            env.globals["pb_search_bundle"] = f"{OUTPUT_SUBDIR}/"
            env.globals["pb_query_data"] = self._query_data(files)
            self._finish_search(config, files)
            if self.progress is not None and self.progress.reporting:
                log.info(f"pages: {self.progress.total:,} converted; writing them with the theme")
        return env

    def _finish_search(self, config: MkDocsConfig, files: Files) -> None:
        """Every page is converted (``on_env`` follows the last ``on_page_content``):
        let Pagefind write the bundle while the theme renders the pages."""
        if self.serving:
            self.page_urls = {"/" + f.page.url for f in files.documentation_pages() if f.page}
        if self.search_feed is not None:
            # Into the site folder, which MkDocs has emptied already.
            self.search_feed.start_writing(Path(config.site_dir) / OUTPUT_SUBDIR)

    def _index_page(self, page: Page, content: str, config: MkDocsConfig) -> None:
        """Hand a searchable page's content to Pagefind, which indexes it in its own process."""
        if self.search_language is None:
            self.search_language = _page_language(config.theme.get_env(), config)
        url, document = "/" + page.url, page_document(content, language=self.search_language)
        if self.search_feed is not None:
            self.search_feed.add(url, document)
        if self.serving:
            self.search_docs[url] = document

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        # The theme prints page.title as HTML: a hand-written page's front-matter title is
        # text, so it is escaped here, once (a title from its first heading is HTML already).
        title = page.meta.get("title") if self.config.enabled else None
        hand_written = self.pages.get(page.file.src_uri) is None
        if isinstance(title, str) and hand_written:
            page.meta["title"] = html.escape(title, quote=False)
        if self.config.enabled and hand_written and self.catalog is not None:
            # Lists from the taxonomy and records (<!-- playbook:list … -->), before the
            # Markdown is converted and sanitised like the rest of the page.
            return expand_markers(markdown, page.file.src_uri, self.catalog, self.config.language)
        return markdown

    def on_page_content(
        self, output: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if self.config.enabled and self.problems:
            return error_html(self.problems, self.config.language)
        if not self.config.enabled or self.renderer is None:
            return output
        generated = self.pages.get(page.file.src_uri)
        if generated is not None:
            if isinstance(page, RecordPage) and page.cached_html is not None:
                return output  # unchanged since the previous serve rebuild: its HTML is reused
            started = time.perf_counter()
            try:
                rendered = self.fragments.get(page.file.src_uri) if self.fragments else None
                output = rendered if rendered is not None else self.renderer.render(generated)
            except jinja2.TemplateError as exc:
                return self._template_failed(exc, generated, config)
            self.timings["render"] += time.perf_counter() - started
        elif not self.config.raw_html:
            output = sanitise_page(output)  # hand-written Markdown: the same sanitiser as YAML
        kind = search_kind(generated)
        if kind is None:
            return output
        t = translator(self.config.language)
        # page.title is HTML (the theme prints it unescaped); searchable() escapes plain text.
        title = html.unescape(page.title or "")
        output = searchable(output, title=title, kind=kind, kind_label=t(f"kind_{kind}"))
        if self.config.search:
            self._index_page(page, output, config)
        return output

    def _template_failed(
        self, exc: jinja2.TemplateError, page: GeneratedPage, config: MkDocsConfig
    ) -> str:
        """A broken template: one located line; under ``serve`` the page shows it instead."""
        root = self.project_root(config)
        name = getattr(exc, "filename", None) or str(
            root / self.config.templates_dir / page.template
        )
        path = Path(name)
        if not path.exists():
            path = TEMPLATES / page.template
        rel = path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix()
        problem = Problem(
            rel,
            getattr(exc, "lineno", None) or 1,
            1,
            msg("template.error", error=exc.message or type(exc).__name__),
            msg("template.error.hint", url=page.url),
        )
        if not self.serving:
            self.build_failure = problem
            raise PluginError(problem.format(self.config.language)) from None
        log.error(problem.format(self.config.language))
        return error_html([problem], self.config.language)

    def _close_pool(self) -> None:
        if self.fragments is not None:
            self.fragments.close()
            self.fragments = None

    def _close_feed(self) -> None:
        if self.search_feed is not None:
            self.search_feed.close()
            self.search_feed = None

    # Runs last, so the stored HTML is what every plugin made of the page.
    @event_priority(-100)
    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        if self.config.enabled:
            output = self._secure(output, lambda uri: get_relative_url(uri, page.url))
        if self.serve_cache is not None and isinstance(page, RecordPage):
            self.serve_cache.store(page, output)
        if self.progress is not None:
            self.progress.page_written()
        return output

    def on_post_template(
        self, output_content: str, /, *, template_name: str, config: MkDocsConfig
    ) -> str | None:
        if not self.config.enabled or not template_name.endswith(".html"):
            return output_content
        # Theme-only pages (404.html) are served at any depth: they link from the site root.
        root = urlsplit(config.site_url or "/").path or "/"
        return self._secure(output_content, lambda uri: root + uri)

    def _secure(self, output: str, link: Callable[[str], str]) -> str:
        """A page without inline scripts (for the CSP), marked noindex unless turned off."""
        output = externalise_scripts(output, link, self.inline_scripts)
        return add_noindex(output) if self.config.noindex else output

    def _write_inline_scripts(self, site: Path) -> None:
        for uri, body in self.inline_scripts.items():
            target = site / uri
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(body, encoding="utf-8")

    def _serve_search(self, site: Path) -> None:
        """Under ``serve``: publish the last index at once, and refresh it in the background.

        Indexing takes seconds at a thousand cases, far more than the rest of a rebuild,
        so search results lag one save behind while editing; `build` always indexes fully.
        """
        self._discard_stale_bundles()
        assert self.search_bundle is not None
        _publish_copy(self.search_bundle, site / OUTPUT_SUBDIR)
        if self.problems or (self.search_refresh is not None and self.search_refresh.is_alive()):
            return
        # Pages gone from the site leave the index; unchanged pages keep their document.
        urls = self.page_urls
        self.search_docs = {url: doc for url, doc in self.search_docs.items() if url in urls}
        documents = list(self.search_docs.items())

        def refresh() -> None:
            fresh = Path(tempfile.mkdtemp(prefix="playbook-search-")) / OUTPUT_SUBDIR
            try:
                build_index(documents, fresh)
            except (SearchIndexError, OSError) as exc:
                log.warning(tr("plugin.search_not_refreshed", self.config.language, error=str(exc)))
                self.stale_bundles.append(fresh)
                return
            if not self.serving:
                self.stale_bundles.append(fresh)
                return
            if self.search_bundle is not None:
                self.stale_bundles.append(self.search_bundle)
            self.search_bundle = fresh

        self.search_refresh = threading.Thread(target=refresh, daemon=True)
        self.search_refresh.start()

    def on_build_error(self, *, error: Exception) -> None:
        self._close_pool()
        self._close_feed()

    # Runs last: every other plugin has finished its pages when the build waits for Pagefind.
    @event_priority(-100)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self._close_pool()
        if not self.config.enabled:
            return
        site = Path(config.site_dir)
        self._write_inline_scripts(site)
        if self.search_feed is not None:
            if self.progress is not None and self.progress.reporting:
                log.info("search index: waiting for Pagefind to finish writing")
            started = time.perf_counter()
            try:
                report = self.search_feed.result()
            except SearchIndexError as exc:
                raise PluginError(str(exc)) from exc
            finally:
                self._close_feed()
            if self.serving:
                self.search_bundle = _keep_copy(report.output)
            self.timings["search index (wait)"] = time.perf_counter() - started
            log.info(
                f"search index: {report.pages} pages, {report.index_bytes / 1e3:.0f} kB "
                f"({report.bytes / 1e3:.0f} kB with Pagefind's UI)"
            )
        elif self.config.search and self.serving and self.search_bundle is not None:
            self._serve_search(site)
        phases = ", ".join(f"{name} {seconds:.2f}s" for name, seconds in self.timings.items())
        log.info(f"{len(self.pages)} generated pages; {phases}")


def _page_language(env: jinja2.Environment, config: MkDocsConfig) -> str:
    """The ``<html lang>`` the theme gives pages (Pagefind keeps one index per language)."""
    try:
        return env.from_string(
            '{% import "partials/language.html" as lang with context %}{{ lang.t("language") }}'
        ).render(config=config)
    except jinja2.TemplateError:  # not Material: its language setting, if any
        return str(config.theme.get("language") or "")


def _publish_copy(bundle: Path, target: Path) -> None:
    """Copy a search bundle: hard links where possible (a thousand files a save)."""
    try:
        shutil.copytree(bundle, target, dirs_exist_ok=True, copy_function=os.link)
    except (OSError, shutil.Error):  # another file system, or links not allowed
        shutil.copytree(bundle, target, dirs_exist_ok=True)


def _keep_copy(bundle: Path) -> Path:
    """Copy a search bundle out of the site folder, which the next rebuild empties."""
    keep = Path(tempfile.mkdtemp(prefix="playbook-search-")) / OUTPUT_SUBDIR
    _publish_copy(bundle, keep)
    return keep


def _stub(page: GeneratedPage) -> str:
    """The Markdown MkDocs sees for a generated page: only its title.

    The theme prints titles without escaping (MkDocs' Jinja environment has no
    autoescape), so the title is HTML-escaped here; JSON quoting makes it valid YAML.
    """
    title = html.escape(page.title, quote=False)
    hide = f"hide: {json.dumps(list(page.hide))}\n" if page.hide else ""
    return f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\n{hide}---\n"
