"""The marker grammar of hand-written pages: ``<!-- playbook:list <name> -->`` lines.

Found outside fenced code blocks; ``check`` reports a marker naming no known list,
located. The lists themselves are written by :mod:`playbook.site.pagelists`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from playbook.core.messages import msg
from playbook.core.problems import Problem

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
