"""Markdown fields of records → sanitised HTML.

Content is data: Markdown is converted, then every tag and attribute not on the
allow-list is removed (no ``<script>``, no event handlers, no ``javascript:`` or
``data:`` URLs). Template syntax such as ``{{ … }}`` is left as literal text.
"""

from __future__ import annotations

import re

import markdown
import nh3
from markupsafe import Markup, escape

from playbook.ingest.cjkbreaks import CjkLineBreaks

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
            extensions=["tables", "sane_lists", "fenced_code", CjkLineBreaks()],
            output_format="html",
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


# --- hand-written pages (content/**/*.md) ---------------------------------------------
# The same sanitiser, with the markup our Markdown extensions and Material produce:
# admonitions and details, tables, content tabs, task lists, code highlighting,
# twemoji icons, heading permalinks and attr_list classes and ids.

PAGE_TAGS = ALLOWED_TAGS | {
    "h1", "h2", "div", "section", "figure", "figcaption", "img", "abbr", "q", "small",
    "samp", "var", "ins", "caption", "colgroup", "col", "tfoot", "details", "summary",
    "input", "label", "svg", "path", "audio", "video", "source",
}  # fmt: skip
PAGE_ATTRIBUTES: dict[str, set[str]] = {
    "*": {"class", "id", "title", "lang"},
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height", "loading"},
    "audio": {"src", "controls"},
    "video": {"src", "controls", "width", "height", "poster"},
    "source": {"src", "type"},
    "th": {"align", "colspan", "rowspan", "style"},
    "td": {"align", "colspan", "rowspan", "style"},
    "ol": {"start"},
    "details": {"open"},
    "abbr": {"title"},
    "input": {"type", "checked", "disabled", "id", "name"},
    "label": {"for"},
    "div": {"data-tabs"},
    "svg": {"xmlns", "viewBox"},
    "path": {"d"},
}
PAGE_STYLES = {"text-align", "color", "background-color", "font-weight", "font-style"}
"""Inline style properties kept (table alignment, colour); none can position content."""
PAGE_URL_SCHEMES = URL_SCHEMES | {"tel"}
_CLASS_PREFIXES_REFUSED = ("md-", "pb-")
"""Material's and our own layout classes (fixed dialogs, overlays, the search panel)."""
_CLASSES_KEPT = frozenset({"md-button", "md-button--primary"})
_TABS = re.compile(r"\d+:\d+")


def _page_attribute(tag: str, name: str, value: str) -> str | None:
    """Per-value rules nh3's allow-lists cannot express."""
    if name == "class":
        kept = [
            c
            for c in value.split()
            if c in _CLASSES_KEPT or not c.startswith(_CLASS_PREFIXES_REFUSED)
        ]
        return " ".join(kept) or None
    if name == "id":
        # Ids the theme's and our scripts look up (__drawer, __search, pb-search …).
        refused = value.startswith(("pb-", "__")) and not value.startswith("__tabbed_")
        return None if refused else value
    if tag == "input" and name == "type":
        return value if value in {"checkbox", "radio"} else None
    if tag == "input" and name == "name":
        return value if value.startswith("__tabbed_") else None
    if name == "data-tabs":
        return value if _TABS.fullmatch(value) else None
    return value


def sanitise_page(html: str) -> str:
    """A hand-written page's HTML without script, event handlers, ``javascript:`` URLs,
    forms, positioning styles or the theme's layout classes."""
    cleaned: str = nh3.clean(
        html,
        tags=PAGE_TAGS,
        attributes=PAGE_ATTRIBUTES,
        attribute_filter=_page_attribute,
        filter_style_properties=PAGE_STYLES,
        url_schemes=PAGE_URL_SCHEMES,
        link_rel="noopener noreferrer",
    )
    return cleaned


_CODE_SPAN = re.compile(r"`([^`]+)`")


def code_spans(text: str) -> Markup:
    """A UI string with `backticked` commands, paths or ids → escaped HTML with ``<code>``."""
    return Markup(_CODE_SPAN.sub(r"<code>\1</code>", str(escape(text))))
