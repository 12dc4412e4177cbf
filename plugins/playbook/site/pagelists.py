"""Lists generated from the taxonomy and the records, for hand-written pages.

A hand-written page (``content/**/*.md``) may hold, on a line of its own, a marker

    <!-- playbook:list industries -->

which the build replaces by the current list (a Markdown list: each id in code, then its
name, linked to its page where it has one) before the page is converted and sanitised.
So a guide's list of industries or metrics never goes out of date. The marker is an HTML
comment: without the plugin (or in an editor's preview) it shows nothing. Markers inside
fenced code blocks are left alone, so a page can show the syntax. Content is data, never
a template: nothing else in the page is interpreted.

The marker grammar, and ``check``'s report of a marker naming no known list, are in
:mod:`playbook.ingest.pagemarkers`.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from playbook.derive.catalog import Catalog
from playbook.site.i18n import translator
from playbook.core.messages import msg
from playbook.core.model import Term
from playbook.core.urls import record_src
from playbook.ingest.pagemarkers import find_markers

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>])")

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
