"""Lists generated from the taxonomy and the records, for hand-written pages.

A hand-written page (``content/**/*.md``) may hold, on a line of its own, a marker

    <!-- playbook:list industries -->

which the build replaces by the current list (a Markdown list: each id in code, then its
name, linked to its page where it has one) before the page is converted and sanitised.
So a guide's list of industries or metrics never goes out of date. The marker is an HTML
comment: without the plugin (or in an editor's preview) it shows nothing. Markers inside
fenced code blocks are left alone, so a page can show the syntax. Content is data, never
a template: nothing else in the page is interpreted.

``check`` (through :mod:`pagecheck`) reports a marker naming no known list, located.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from .catalog import Catalog
from .i18n import translator
from .messages import msg
from .model import Term
from .problems import Problem
from .urls import record_src

LISTS = (
    "industries",
    "objections",
    "pain_points",
    "stages",
    "tiers",
    "metrics",
    "company_sizes",
    "objection_categories",
)
"""The names a marker may use: the record sections and the taxonomy's lists."""

_OURS = re.compile(r"^(?P<indent>[ \t]*)(?P<marker><!--\s*playbook:(?P<body>.*?)-->)\s*$")
_LIST = re.compile(r"^list\s+(?P<name>\S+)\s*$")
_FENCE = re.compile(r"^[ \t]*(?P<fence>`{3,}|~{3,})")
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>])")


@dataclass(frozen=True)
class Marker:
    """One ``<!-- playbook:… -->`` line of a page."""

    line: int
    """1-based line number."""
    column: int
    """1-based column of ``<!--``."""
    indent: str
    text: str
    """The marker as written."""
    name: str | None
    """The list it names, or None when it names no known list."""


def find_markers(text: str) -> Iterator[Marker]:
    """Every marker line of ``text`` outside fenced code blocks."""
    fence = ""
    for number, line in enumerate(text.splitlines(), start=1):
        opening = _FENCE.match(line)
        if fence:
            if opening and _closes(opening["fence"], fence, line):
                fence = ""
            continue
        if opening:
            fence = opening["fence"]
            continue
        match = _OURS.match(line)
        if match is None:
            continue
        listed = _LIST.match(match["body"].strip())
        name = listed["name"] if listed and listed["name"] in LISTS else None
        yield Marker(number, len(match["indent"]) + 1, match["indent"], match["marker"], name)


def _closes(found: str, fence: str, line: str) -> bool:
    """A closing fence: the same character, at least as long, nothing after it."""
    return found[0] == fence[0] and len(found) >= len(fence) and not line.strip().strip(fence[0])


def marker_problems(rel: str, text: str) -> list[Problem]:
    """A located error for each marker that names no known list."""
    return [
        Problem(
            rel,
            marker.line,
            marker.column,
            msg("page.marker_unknown", marker=marker.text),
            msg("page.marker_unknown.hint", names=", ".join(LISTS)),
        )
        for marker in find_markers(text)
        if marker.name is None
    ]


def expand_markers(text: str, page_src: str, catalog: Catalog, language: str) -> str:
    """``text`` with each known marker line replaced by its list (Markdown).

    ``page_src`` is the page's docs-relative path: links are relative to it, as
    hand-written links are, so MkDocs checks and rewrites them.
    """
    markers = {m.line: m for m in find_markers(text) if m.name is not None}
    if not markers:
        return text
    t = translator(language)
    here = posixpath.dirname(page_src) or "."

    def link(label: str, kind: str, ident: str) -> str:
        return f"[{_escape(label)}]({posixpath.relpath(record_src(kind, ident), here)})"

    lines = text.splitlines(keepends=True)
    for number, marker in sorted(markers.items(), reverse=True):
        assert marker.name is not None
        items = _items(marker.name, catalog, t, link)
        body = items or [f"*{_escape(t('none_yet'))}*"]
        block = "".join(f"{marker.indent}- {item}\n" for item in body)
        # Blank lines around the list: it must not run into a paragraph next to the marker.
        lines[number - 1] = f"\n{block}\n"
    return "".join(lines)


def _items(
    name: str, catalog: Catalog, t: Callable[[str], str], link: Callable[[str, str, str], str]
) -> list[str]:
    if name == "industries":
        return [
            f"`{ident}` — {link(catalog.industries[ident].name, 'industry', ident)}"
            for ident in sorted(catalog.industries)
        ]
    if name == "objections":
        return [
            f"`{ident}` — {link(catalog.objections[ident].objection, 'objection', ident)}"
            for ident in sorted(catalog.objections)
        ]
    terms: dict[str, Term] = getattr(catalog.taxonomy, name)
    if name == "pain_points":
        return [f"`{i}` — {link(term.label, 'pain_point', i)}" for i, term in terms.items()]
    return [f"`{ident}` — {_escape(_describe(name, term, t))}" for ident, term in terms.items()]


def _describe(name: str, term: Term, t: Callable[[str], str]) -> str:
    if name == "metrics":
        better = t(f"better_{term.better}")
        return t("composer_metric_option").format(label=term.label, unit=term.unit, better=better)
    if name == "tiers" and term.cadence:
        return t("term_with_note").format(label=term.label, note=term.cadence)
    return term.label


def _escape(value: str) -> str:
    """Text from content as literal Markdown: no markup, no HTML, one line."""
    one_line = " ".join(value.split())
    return _MD_SPECIAL.sub(r"\\\1", html.escape(one_line, quote=False))
