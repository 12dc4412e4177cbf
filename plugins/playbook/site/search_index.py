"""Site-wide search with Pagefind: which pages are searchable, and how they are marked.

Each searchable page's content is wrapped in an element marked ``data-pagefind-body``
with its kind as a Pagefind filter and meta value; ``pagefind_feed`` hands exactly
that content to Pagefind (extended build: CJK segmentation, filters, a chunked index),
so index pages and theme chrome stay out of the results, and ``private`` content —
which never reaches any page — cannot reach the index either.
"""

from __future__ import annotations

import html
import re

from playbook.site.generated import GeneratedPage
from playbook.core.urls import SEARCH_BUNDLE

KINDS = ("case", "objection", "industry", "pain_point", "page")
"""Kinds of search hits; each page carries one as a Pagefind filter and meta value."""

OUTPUT_SUBDIR = SEARCH_BUNDLE

TITLE_WEIGHT = 10
"""Pagefind weight of a record's title (Pagefind's maximum; its default for ``<h1>`` is 7)."""

_H1 = re.compile(r"<h1[\s>]", re.IGNORECASE)


def searchable(content: str, *, title: str, kind: str, kind_label: str) -> str:
    """Wrap a page's content so Pagefind indexes it as one ``kind`` hit.

    The page title goes inside the indexed region as the page's ``<h1>`` (the theme
    prints its own ``<h1>`` only when the content has none), so titles are searchable.
    A record's title (case title, objection, industry or pain-point name) gets Pagefind's
    highest weight; a hand-written page keeps the default heading weight, so records
    rank before playbook pages that merely mention the same words.
    """
    if kind not in KINDS:
        raise ValueError(f"unknown search kind {kind!r}")
    label = html.escape(kind_label, quote=True)
    weight = "" if kind == "page" else f' data-pagefind-weight="{TITLE_WEIGHT}"'
    heading = "" if _H1.search(content) else f"<h1{weight}>{html.escape(title, quote=False)}</h1>\n"
    return (
        f'<div class="pb-searchable" data-pagefind-body data-pagefind-filter="kind:{label}" '
        f'data-pagefind-meta="kind:{label}">\n'
        f'<span data-pagefind-meta="kind_id:{kind}" hidden></span>\n{heading}{content}\n</div>'
    )


_TEMPLATE_KINDS = {
    "records/case.html": "case",
    "records/objection.html": "objection",
    "records/industry.html": "industry",
    "records/pain_point.html": "pain_point",
}


def search_kind(generated: GeneratedPage | None) -> str | None:
    """The search kind of a page: its record kind, ``page`` for hand-written pages.

    Generated listings (``/cases/``, its pagination, the other indexes) return None: they
    only repeat record titles, so indexing them would duplicate every hit.
    """
    if generated is None:
        return "page"
    return _TEMPLATE_KINDS.get(generated.template)
