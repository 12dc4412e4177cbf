"""MkDocs adapter pieces that keep thousands of generated pages cheap to build.

- :class:`RecordPage`: a generated record page has no Markdown of its own (its HTML
  comes from the core renderer in ``on_page_content``), so MkDocs' per-page Markdown
  step — a new ``markdown.Markdown`` with every configured extension, for a stub —
  is skipped. Every plugin event still runs.
- :class:`ServeCache`: under ``serve``, a record page whose fingerprint (see
  ``shows``) and site key did not change since the previous rebuild is not
  rendered again: its previous HTML is written as is.
- :func:`cache_shared_partials`: the theme's navigation (sidebar and tabs) is the
  same for every record page at the same folder depth, because record pages are not
  in the nav (nothing is active and relative links are alike). It is rendered once
  per depth and reused, instead of once per page.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from playbook.ingest.parallel import RecordCache
from playbook.site.places import SECTION_LABELS, tab_for

SHARED_PARTIALS = ("partials/nav.html", "partials/tabs.html")
"""Theme partials whose output depends only on the page's depth for record pages."""
CACHED_TEMPLATE = "playbook/cached-page.html"
"""Template of a page reused from the previous ``serve`` rebuild: its HTML, as it was."""
_ORIGINAL = "playbook-theme/"
"""Prefix under which the theme's own templates stay reachable once wrapped."""


class RecordPage(Page):
    """A page generated from a record: the title is given, the body is rendered by the core."""

    def __init__(
        self, title: str, file: File, config: MkDocsConfig, hide: tuple[str, ...] = ()
    ) -> None:
        super().__init__(title, file, config)
        self.hide = list(hide)
        self.shares_theme_partials = False
        """True once the nav is known not to list this page (see :func:`mark_shared`)."""
        self.signature: bytes | None = None
        """What the page shows, fingerprinted (``serve`` only)."""
        self.cached_html: str | None = None
        """The page's HTML from the previous ``serve`` rebuild, when nothing it shows changed."""

    def read_source(self, config: MkDocsConfig) -> None:
        # Nothing to read: the page exists only as a record (what the stub's front matter says).
        self.markdown, self.meta = "", {"title": self.title}
        if self.hide:
            self.meta["hide"] = self.hide
        if self.cached_html is not None:
            self.meta["template"] = CACHED_TEMPLATE

    def render(self, config: MkDocsConfig, files: Files) -> None:
        # The content comes from the plugin's on_page_content; no Markdown to convert.
        self.content = ""
        self.toc = get_toc([])
        self.present_anchor_ids = set()


def mark_shared(files: Files, nav_pages: list[Page]) -> None:
    """Record pages the nav does not list render the same sidebar and tabs as their siblings."""
    listed = {id(page) for page in nav_pages}
    for file in files.documentation_pages():
        if isinstance(file.page, RecordPage):
            file.page.shares_theme_partials = (
                id(file.page) not in listed and file.page.parent is None
            )


_WRAPPER = (
    '{% call playbook_shared_partial("NAME") %}{% include "' + _ORIGINAL + 'NAME" %}{% endcall %}'
)


def cache_shared_partials(env: jinja2.Environment) -> None:
    """Render the shared partials once per page depth for record pages (a fresh cache per build).

    The theme's loader (custom_dir overrides included) stays in charge of what the
    partials contain; only their output is reused, and only for :class:`RecordPage`.
    """
    original = env.loader
    assert original is not None
    wrappers = {name: _WRAPPER.replace("NAME", name) for name in SHARED_PARTIALS}
    wrappers[CACHED_TEMPLATE] = "{{ page.cached_html|safe }}"
    env.loader = jinja2.ChoiceLoader(
        [
            jinja2.DictLoader(wrappers),
            jinja2.PrefixLoader({_ORIGINAL.rstrip("/"): original}),
            original,
        ]
    )
    cache: dict[tuple[str, str, str], str] = {}

    @jinja2.pass_context
    def playbook_shared_partial(context: Any, name: str, caller: Callable[[], str]) -> str:
        page = context.get("page")
        if not isinstance(page, RecordPage) or not page.shares_theme_partials:
            return caller()
        # Relative links depend on the page's folder (cases/, objections/ …), not its name;
        # the active tab on the section (a top-level page such as health/ is its own).
        key = (name, page.url.rstrip("/").rpartition("/")[0], page.url.split("/", 1)[0])
        if key not in cache:
            cache[key] = caller()
        return cache[key]

    env.globals["playbook_shared_partial"] = playbook_shared_partial


def title_sections(items: Iterable[Any], t: Callable[[str], str]) -> None:
    """Without a ``nav:`` in mkdocs.yml, MkDocs names sections after their folders in
    English ("Pain points"); the generated sections get their titles in the site's language."""
    for item in items:
        children = getattr(item, "children", None) or []
        for child in children:
            src = getattr(getattr(child, "file", None), "src_uri", "")
            folder = src.removesuffix("/index.md")
            if src.endswith("/index.md") and folder in SECTION_LABELS:
                item.title = t(SECTION_LABELS[folder])


def _first_url(item: Any) -> str | None:
    """The URL a nav item's tab links to (a section's first page)."""
    while getattr(item, "children", None):
        item = item.children[0]
    url = getattr(item, "url", None)
    return url if isinstance(url, str) else None


@jinja2.pass_context
def tab_active(context: Any, item: Any) -> bool:
    """For a page the nav does not list: is ``item`` the tab of the page's section?"""
    page, nav = context.get("page"), context.get("nav")
    if page is None or nav is None or any(i.active for i in nav.items):
        return False
    return tab_for(page.url, [u for u in map(_first_url, nav.items) if u is not None]) == (
        _first_url(item)
    )


class MemoryBytecodeCache(jinja2.BytecodeCache):
    """Compiled templates kept in memory; Jinja checks each entry against the template source."""

    def __init__(self) -> None:
        self._store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        data = self._store.get(bucket.key)
        if data is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._store[bucket.key] = bucket.bytecode_to_string()


class ServeCache:
    """What ``serve`` keeps from one rebuild to the next."""

    def __init__(self) -> None:
        self.records = RecordCache()
        self.bytecode = MemoryBytecodeCache()
        """Every rebuild makes new Jinja environments; compiling the templates again is wasted."""
        self.pages: dict[str, tuple[bytes, str]] = {}
        self.site_key = b""
        self.reused = 0

    def begin(self, site_key: bytes, pages: Iterable[RecordPage]) -> None:
        """Start a rebuild: forget everything if the site around the records changed."""
        if site_key != self.site_key:
            self.pages.clear()
            self.site_key = site_key
        self.reused = 0
        for page in pages:
            entry = self.pages.get(page.file.src_uri)
            if entry is not None and page.signature is not None and entry[0] == page.signature:
                page.cached_html = entry[1]
                self.reused += 1

    def store(self, page: RecordPage, html: str) -> None:
        if page.signature is not None and page.cached_html is None:
            self.pages[page.file.src_uri] = (page.signature, html)


def site_key(parts: Iterable[str], folders: Iterable[Path]) -> bytes:
    """A fingerprint of everything around the records: nav, settings and every template file."""
    digest = hashlib.blake2b(digest_size=16)
    for part in parts:
        digest.update(part.encode("utf-8", "replace") + b"\0")
    for folder in folders:
        if folder.is_file():
            files = [folder]
        elif folder.is_dir():
            files = sorted(f for f in folder.rglob("*") if f.is_file())
        else:
            continue
        for file in files:
            st = file.stat()
            digest.update(f"{file}:{st.st_mtime_ns}:{st.st_size}\0".encode())
    return digest.digest()
