"""Data for the live-call objection tools: placeholders, the finder's search data, battlecards.

Pure functions from catalog records to values the templates render; no MkDocs import.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from playbook.core.model import Case, Industry, IndustryPain, Objection, Question, Response, Result
from playbook.derive.catalog import Catalog
from playbook.derive.pinyin_keys import pinyin_key

PLACEHOLDER = re.compile(r"\{[^{}\s]{1,20}\}")
"""A fill-in slot in a script, e.g. ``{客户名}``: 1-20 characters, no braces or spaces."""


@dataclass(frozen=True)
class ScriptPart:
    """A run of script text; ``placeholder`` is the slot's name when the run is ``{name}``."""

    text: str
    placeholder: str = ""


def script_parts(script: str) -> list[ScriptPart]:
    """Split a script (outer whitespace stripped) into plain runs and placeholders."""
    text = script.strip()
    parts: list[ScriptPart] = []
    position = 0
    for match in PLACEHOLDER.finditer(text):
        if match.start() > position:
            parts.append(ScriptPart(text[position : match.start()]))
        parts.append(ScriptPart(match.group(), match.group()[1:-1]))
        position = match.end()
    if position < len(text):
        parts.append(ScriptPart(text[position:]))
    return parts


def placeholders(scripts: Iterable[str]) -> list[str]:
    """Distinct placeholder names in ``scripts``, in order of first appearance."""
    names: dict[str, None] = {}
    for script in scripts:
        for match in PLACEHOLDER.finditer(script):
            names.setdefault(match.group()[1:-1], None)
    return list(names)


def response_scripts(objections: Iterable[Objection]) -> list[str]:
    """Every response script of ``objections``, for :func:`placeholders`."""
    return [r.script for o in objections for r in o.responses]


def finder_order(catalog: Catalog) -> list[Objection]:
    """Objections in the finder's resting order: by category (taxonomy order), then id."""
    rank = {cid: i for i, cid in enumerate(catalog.taxonomy.objection_categories)}
    return sorted(catalog.objections.values(), key=lambda o: (rank.get(o.category, 1 << 30), o.id))


def finder_entry(objection: Objection, category_label: str) -> dict[str, Any]:
    """Compact search data for one objection (short keys: the finder page carries all of them).

    ``t`` objection text, ``a`` aliases, ``c`` category label, ``p`` pinyin keys of
    [text, *aliases, category], ``r`` response titles and scripts.
    """
    fields = [objection.objection, *objection.aliases, category_label]
    return {
        "id": objection.id,
        "t": objection.objection,
        "a": list(objection.aliases),
        "c": category_label,
        "p": [pinyin_key(text) for text in fields],
        "r": [f"{r.title}\n{r.script.strip()}" for r in objection.responses],
    }


def finder_items(catalog: Catalog) -> list[tuple[Objection, str]]:
    """(objection, its search JSON) for every objection, in :func:`finder_order`."""
    labels = {cid: term.label for cid, term in catalog.taxonomy.objection_categories.items()}
    return [
        (o, search_json(finder_entry(o, labels.get(o.category, o.category))))
        for o in finder_order(catalog)
    ]


def search_json(entry: dict[str, Any]) -> str:
    """``entry`` as compact JSON for a ``data-search`` attribute.

    A plain string, not Markup: the template's autoescape then quotes it for the attribute.
    """
    return json.dumps(entry, ensure_ascii=False, separators=(",", ":"))


@dataclass(frozen=True)
class Battlecard:
    """What fits on one printed page for an industry."""

    industry: Industry
    pains: tuple[IndustryPain, ...]
    questions: tuple[tuple[str, tuple[Question, ...]], ...]
    """(dimension, questions) in the order decision chain, pain scenario, willingness to pay."""
    objections: tuple[tuple[Objection, Response], ...]
    cases: tuple[Case, ...]


DIMENSIONS = ("decision_chain", "pain_scenario", "willingness_to_pay")
BATTLECARD_PAINS = 5
BATTLECARD_QUESTIONS = 3
"""Questions per dimension; with the other caps this keeps the card on one A4 page."""
BATTLECARD_OBJECTIONS = 4
BATTLECARD_CASES = 2


def battlecard(
    catalog: Catalog, industry: Industry, improvement: Callable[[Result], float]
) -> Battlecard:
    """Select the battlecard content of ``industry``.

    Pains and objections keep the author's order (the first listed are the most
    common); cases are the industry's own with the largest headline result, topped
    up with cases sharing its pains when it has fewer than two. ``improvement``
    sizes a result (``render.improvement``).
    """
    questions = tuple(
        (
            dim,
            tuple(q for q in industry.discovery_questions if q.dimension == dim)[
                :BATTLECARD_QUESTIONS
            ],
        )
        for dim in DIMENSIONS
    )
    objections = tuple(
        (catalog.objections[oid], catalog.objections[oid].responses[0])
        for oid in industry.common_objections[:BATTLECARD_OBJECTIONS]
    )

    def by_result(ids: Iterable[str]) -> list[Case]:
        cases = [catalog.cases[i] for i in ids]
        return sorted(cases, key=lambda c: (-improvement(c.results[0]), c.id))

    own = by_result(catalog.industry_cases.get(industry.id, []))
    pains = {p.id for p in industry.pain_points}
    own_ids = {c.id for c in own}
    related = by_result(
        sorted({cid for pain in pains for cid in catalog.pain_cases.get(pain, [])} - own_ids)
    )
    return Battlecard(
        industry=industry,
        pains=industry.pain_points[:BATTLECARD_PAINS],
        questions=tuple((dim, qs) for dim, qs in questions if qs),
        objections=objections,
        cases=tuple((own + related)[:BATTLECARD_CASES]),
    )
