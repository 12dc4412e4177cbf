"""MkDocs adapter pieces that keep thousands of generated pages cheap to build.

- :class:`RecordPage`: a generated record page has no Markdown of its own (its HTML
  comes from the core renderer in ``on_page_content``), so MkDocs' per-page Markdown
  step — a new ``markdown.Markdown`` with every configured extension, for a stub —
  is skipped. Every plugin event still runs.
- :func:`cache_shared_partials`: the theme's navigation (sidebar and tabs) is the
  same for every record page at the same folder depth, because record pages are not
  in the nav (nothing is active and relative links are alike). It is rendered once
  per depth and reused, instead of once per page.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

SHARED_PARTIALS = ("partials/nav.html", "partials/tabs.html")
"""Theme partials whose output depends only on the page's depth for record pages."""
_ORIGINAL = "playbook-theme/"
"""Prefix under which the theme's own templates stay reachable once wrapped."""


class RecordPage(Page):
    """A page generated from a record: the title is given, the body is rendered by the core."""

    def __init__(self, title: str, file: File, config: MkDocsConfig) -> None:
        super().__init__(title, file, config)
        self.shares_theme_partials = False
        """True once the nav is known not to list this page (see :func:`mark_shared`)."""

    def read_source(self, config: MkDocsConfig) -> None:
        # Nothing to read: the page exists only as a record (what the stub's front matter says).
        self.markdown, self.meta = "", {"title": self.title}

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
    env.loader = jinja2.ChoiceLoader(
        [
            jinja2.DictLoader(wrappers),
            jinja2.PrefixLoader({_ORIGINAL.rstrip("/"): original}),
            original,
        ]
    )
    cache: dict[tuple[str, str], str] = {}

    @jinja2.pass_context
    def playbook_shared_partial(context: Any, name: str, caller: Callable[[], str]) -> str:
        page = context.get("page")
        if not isinstance(page, RecordPage) or not page.shares_theme_partials:
            return caller()
        # Relative links depend on the page's folder (cases/, objections/ …), not its name.
        key = (name, page.url.rstrip("/").rpartition("/")[0])
        if key not in cache:
            cache[key] = caller()
        return cache[key]

    env.globals["playbook_shared_partial"] = playbook_shared_partial
