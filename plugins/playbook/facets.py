"""Facet data for the case library: one compact JSON file the library page filters on.

It holds, per case, only what a card shows and what the filters need — ids, title,
summary, alias, headline result, facet value ids, review date and improvement — never
the Markdown bodies and never anything under ``private`` (records do not carry it).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from typing import Any

from .catalog import Catalog
from .model import Case, Term
from .render import improvement, result_text

FACETS = ("industry", "pain", "category", "stage", "tier", "size", "metric")
"""Facet names, in display order; each is also the URL parameter that selects it."""

CATEGORIES = ("efficiency", "cost", "compliance", "growth", "risk")


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


def facet_data(catalog: Catalog, t: Callable[[str], str]) -> dict[str, Any]:
    """Facets with their value labels, and every case's compact card and facet values."""
    tax = catalog.taxonomy
    values = {
        "industry": [{"id": i.id, "label": i.name} for i in catalog.industries.values()],
        "pain": _terms(tax.pain_points),
        "category": [{"id": c, "label": t(f"cat_{c}")} for c in CATEGORIES],
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
    cases = []
    for case in library_order(catalog):
        headline = case.results[0]
        cases.append(
            {
                "id": case.id,
                "title": case.title,
                "summary": case.summary,
                "alias": case.alias,
                "result": result_text(headline),
                "result_label": headline.label,
                **case_values(case, catalog),
                "reviewed": case.reviewed.isoformat(),
                "improvement": round(case_improvement(case), 4),
            }
        )
    return {
        "facets": [{"name": f, "label": labels[f], "values": values[f]} for f in FACETS],
        "cases": cases,
    }


def facet_json(catalog: Catalog, t: Callable[[str], str]) -> str:
    """:func:`facet_data` as compact UTF-8 JSON text."""
    return json.dumps(facet_data(catalog, t), ensure_ascii=False, separators=(",", ":"))


def version(text: str) -> str:
    """A short content hash, appended to the file's URL so browsers never use a stale copy."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]
