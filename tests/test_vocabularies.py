"""Each vocabulary is defined once: the pain-point categories in core/schema.py, the
search kinds in site/search_index.py. Code, templates and scripts take them from there."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playbook.core.schema import PAIN_CATEGORIES
from playbook.site.search_index import KINDS

PACKAGE = Path(__file__).resolve().parent.parent / "plugins" / "playbook"
SOURCES = [p for p in sorted(PACKAGE.rglob("*")) if p.suffix in {".py", ".html", ".js"}]


def _spelled(words: tuple[str, ...]) -> list[str]:
    """Files that list all of ``words`` as quoted literals, in order, within one sequence."""
    pattern = re.compile(r"""["']\s*[,\]\)]\s*["']""".join(re.escape(w) for w in words))
    return [
        str(p.relative_to(PACKAGE))
        for p in SOURCES
        if pattern.search(p.read_text(encoding="utf-8"))
    ]


@pytest.mark.parametrize(
    ("words", "home"),
    [(PAIN_CATEGORIES, "core/schema.py"), (KINDS, "site/search_index.py")],
)
def test_vocabulary_is_spelled_only_where_it_is_defined(words: tuple[str, ...], home: str) -> None:
    assert _spelled(words) == [home]
