"""Facet data for the case library: one compact JSON file the library page filters on.

It holds, per case, only what a card shows and what the filters need — ids, facet
values, review date and improvement in a small numeric index, and title, summary, alias
and headline result in card-text chunks fetched on demand — never the Markdown bodies
and never anything under ``private`` (records do not carry it).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable
from typing import Any

from playbook.derive.catalog import Catalog
from playbook.site.charts import tone
from playbook.derive.figures import improvement, result_text
from playbook.core.model import Case, Term
from playbook.core.schema import PAIN_CATEGORIES

FACETS = ("industry", "pain", "category", "stage", "tier", "size", "metric")
"""Facet names, in display order; each is also the URL parameter that selects it."""

def case_values(case: Case, catalog: Catalog) -> dict[str, list[str]]:
    """The value ids ``case`` has in each facet (a case can have several in one facet)."""
    pains = catalog.taxonomy.pain_points
    categories: list[str] = []
    for pain in case.pain_points:
        category = pains[pain].category
        if category and category not in categories:
            categories.append(category)
    metrics: list[str] = []
    for result in case.results:
        if result.metric not in metrics:
            metrics.append(result.metric)
    return {
        "industry": [case.industry],
        "pain": list(case.pain_points),
        "category": categories,
        "stage": list(case.stages),
        "tier": [case.tier] if case.tier else [],
        "size": [case.size] if case.size else [],
        "metric": metrics,
    }


def case_improvement(case: Case) -> float:
    """The case's largest result, as a fraction, for "largest improvement" sorting."""
    return max((improvement(r) for r in case.results), default=0.0)


def library_order(catalog: Catalog) -> list[Case]:
    """Cases most recently reviewed first, then by id: the library's default order."""
    by_id = sorted(catalog.cases.values(), key=lambda c: c.id)
    return sorted(by_id, key=lambda c: c.reviewed, reverse=True)


def _terms(terms: dict[str, Term]) -> list[dict[str, str]]:
    return [{"id": term.id, "label": term.label} for term in terms.values()]


CARD_CHUNK = 100
"""Cases per card-text file: the library fetches only the chunks holding visible hits."""

SINGLE = ("industry", "tier", "size")
"""Facets where a case has at most one value: stored as one index (-1 for none)."""

_EPOCH = dt.date(1970, 1, 1)


def facet_data(
    catalog: Catalog, t: Callable[[str], str]
) -> tuple[dict[str, Any], list[list[list[str]]]]:
    """The facet index and the card-text chunks of the library.

    The index is columnar and numeric — per case the index of each facet value, the
    review day and the improvement in basis points, in library order — so that it stays
    small at 10,000 cases. Card texts (id, title, summary, alias, headline result and its
    label, and whether that result is good for its metric) go into chunks of :data:`CARD_CHUNK` cases in the same order.
    """
    tax = catalog.taxonomy
    values = {
        "industry": [{"id": i.id, "label": i.name} for i in catalog.industries.values()],
        "pain": _terms(tax.pain_points),
        "category": [{"id": c, "label": t(f"cat_{c}")} for c in PAIN_CATEGORIES],
        "stage": _terms(tax.stages),
        "tier": _terms(tax.tiers),
        "size": _terms(tax.company_sizes),
        "metric": _terms(tax.metrics),
    }
    labels = {
        "industry": t("industry"),
        "pain": t("pain_points"),
        "category": t("pain_category"),
        "stage": t("stages"),
        "tier": t("tier"),
        "size": t("size"),
        "metric": t("metric"),
    }
    position = {f: {v["id"]: i for i, v in enumerate(values[f])} for f in FACETS}
    index: dict[str, Any] = {
        "facets": [{"name": f, "label": labels[f], "values": values[f]} for f in FACETS],
        "reviewed": [],
        "improvement": [],
        **{f: [] for f in FACETS},
    }
    cards: list[list[str]] = []
    for case in library_order(catalog):
        for name, ids in case_values(case, catalog).items():
            numbers = [position[name][v] for v in ids]
            index[name].append((numbers[0] if numbers else -1) if name in SINGLE else numbers)
        index["reviewed"].append((case.reviewed - _EPOCH).days)
        index["improvement"].append(round(case_improvement(case) * 10_000))
        headline = case.results[0]
        mood = tone(headline, tax.metrics[headline.metric])
        cards.append(
            [
                case.id,
                case.title,
                case.summary,
                case.alias,
                result_text(headline),
                headline.label,
                mood,
            ]
        )
    chunks = [cards[i : i + CARD_CHUNK] for i in range(0, len(cards), CARD_CHUNK)]
    index["chunk"] = CARD_CHUNK
    return index, chunks


def compact_json(data: Any) -> str:
    """Compact UTF-8 JSON text."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def version(text: str) -> str:
    """A short content hash, appended to the file's URL so browsers never use a stale copy."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]
