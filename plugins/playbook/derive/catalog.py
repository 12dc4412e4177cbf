"""The validated set of records plus everything derived from it (back-links).

Derived links, in both directions:
- industry → its cases (``customer.industry``);
- pain point → its cases, its industries, and the objections linked to its cases;
- objection ↔ case: a case's ``objections`` plus every objection whose ``proof``
  names the case; an objection's citing cases plus its ``proof``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from playbook.core.model import Case, Industry, Objection, Records, Taxonomy


@dataclass
class Catalog:
    """Records with their back-links, ready for rendering."""

    taxonomy: Taxonomy
    records: Records
    industry_cases: dict[str, list[str]] = field(default_factory=dict)
    pain_cases: dict[str, list[str]] = field(default_factory=dict)
    pain_industries: dict[str, list[str]] = field(default_factory=dict)
    pain_objections: dict[str, list[str]] = field(default_factory=dict)
    objection_cases: dict[str, list[str]] = field(default_factory=dict)
    case_objections: dict[str, list[str]] = field(default_factory=dict)

    @property
    def cases(self) -> dict[str, Case]:
        return self.records.cases

    @property
    def objections(self) -> dict[str, Objection]:
        return self.records.objections

    @property
    def industries(self) -> dict[str, Industry]:
        return self.records.industries


def build_catalog(taxonomy: Taxonomy, records: Records) -> Catalog:
    """Derive every back-link; lists are ordered by record id for stable output."""
    industry_cases: dict[str, set[str]] = defaultdict(set)
    pain_cases: dict[str, set[str]] = defaultdict(set)
    pain_industries: dict[str, set[str]] = defaultdict(set)
    pain_objections: dict[str, set[str]] = defaultdict(set)
    objection_cases: dict[str, set[str]] = defaultdict(set)
    case_objections: dict[str, set[str]] = defaultdict(set)

    for case in records.cases.values():
        industry_cases[case.industry].add(case.id)
        for pain in case.pain_points:
            pain_cases[pain].add(case.id)
        for objection_id in case.objections:
            objection_cases[objection_id].add(case.id)
            case_objections[case.id].add(objection_id)
    for objection in records.objections.values():
        for case_id in objection.proof:
            objection_cases[objection.id].add(case_id)
            case_objections[case_id].add(objection.id)
    for industry in records.industries.values():
        for industry_pain in industry.pain_points:
            pain_industries[industry_pain.id].add(industry.id)
    for case_id, objection_ids in case_objections.items():
        for pain in records.cases[case_id].pain_points:
            pain_objections[pain].update(objection_ids)

    def ordered(mapping: dict[str, set[str]]) -> dict[str, list[str]]:
        return {key: sorted(values) for key, values in mapping.items()}

    return Catalog(
        taxonomy=taxonomy,
        records=records,
        industry_cases=ordered(industry_cases),
        pain_cases=ordered(pain_cases),
        pain_industries=ordered(pain_industries),
        pain_objections=ordered(pain_objections),
        objection_cases=ordered(objection_cases),
        case_objections=ordered(case_objections),
    )
