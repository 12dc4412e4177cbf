"""Markdown fields of records → sanitised HTML.

Content is data: Markdown is converted, then every tag and attribute not on the
allow-list is removed (no ``<script>``, no event handlers, no ``javascript:`` or
``data:`` URLs). Template syntax such as ``{{ … }}`` is left as literal text.
"""

from __future__ import annotations

import markdown
import nh3
from markupsafe import Markup

ALLOWED_TAGS = {
    "p", "br", "hr", "em", "strong", "b", "i", "u", "s", "del", "code", "pre", "kbd",
    "blockquote", "ul", "ol", "li", "dl", "dt", "dd", "a", "h3", "h4", "h5", "h6",
    "table", "thead", "tbody", "tr", "th", "td", "sup", "sub", "mark", "span",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"align"}, "td": {"align"}, "ol": {"start"}}
URL_SCHEMES = {"http", "https", "mailto"}


class MarkdownRenderer:
    """Converts a Markdown field to safe HTML; one instance per build (not thread-safe)."""

    def __init__(self) -> None:
        self._md = markdown.Markdown(
            extensions=["tables", "sane_lists", "fenced_code"], output_format="html"
        )

    def __call__(self, text: str) -> Markup:
        html = self._md.reset().convert(text)
        return Markup(sanitise(html))


def sanitise(html: str) -> str:
    """Strip everything that could run script or load active content."""
    cleaned: str = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
    )
    return cleaned
