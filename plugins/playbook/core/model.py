"""Record types: validated, published content only (``private`` never gets here)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Term:
    """An entry of a controlled vocabulary (pain point, stage, tier, metric …)."""

    id: str
    label: str
    description: str = ""
    category: str = ""
    """Pain points: efficiency, cost, compliance, growth or risk."""
    cadence: str = ""
    """Tiers: the follow-up cadence."""
    unit: str = ""
    """Metrics: the unit of the figures."""
    better: str = ""
    """Metrics: ``up`` or ``down``."""


@dataclass(frozen=True)
class Taxonomy:
    """All controlled vocabularies, each an ordered id → term mapping."""

    pain_points: dict[str, Term]
    stages: dict[str, Term]
    tiers: dict[str, Term]
    metrics: dict[str, Term]
    company_sizes: dict[str, Term]
    objection_categories: dict[str, Term]
    synonyms: tuple[tuple[str, ...], ...] = ()
    """Groups of words that mean the same to this team (search and the case library)."""


@dataclass(frozen=True)
class Result:
    metric: str
    label: str
    change: str = ""
    before: str = ""
    after: str = ""
    period: str = ""


@dataclass(frozen=True)
class Quote:
    text: str
    by: str


@dataclass(frozen=True)
class Case:
    id: str
    source: str
    title: str
    summary: str
    alias: str
    industry: str
    challenge: str
    approach: str
    owner: str
    reviewed: dt.date
    results: tuple[Result, ...]
    pain_points: tuple[str, ...]
    size: str = ""
    region: str = ""
    stages: tuple[str, ...] = ()
    tier: str = ""
    quote: Quote | None = None
    objections: tuple[str, ...] = ()


@dataclass(frozen=True)
class Response:
    title: str
    script: str
    when: str = ""


@dataclass(frozen=True)
class ValueRow:
    dimension: str
    ours: str
    alternative: str
    customer_value: str


@dataclass(frozen=True)
class Objection:
    id: str
    source: str
    objection: str
    category: str
    responses: tuple[Response, ...]
    value_table: tuple[ValueRow, ...]
    owner: str
    reviewed: dt.date
    aliases: tuple[str, ...] = ()
    stages: tuple[str, ...] = ()
    proof: tuple[str, ...] = ()


@dataclass(frozen=True)
class IndustryPain:
    id: str
    scenario: str = ""


@dataclass(frozen=True)
class Question:
    dimension: str
    question: str


@dataclass(frozen=True)
class Industry:
    id: str
    source: str
    name: str
    summary: str
    pain_points: tuple[IndustryPain, ...]
    decision_chain: str | tuple[str, ...]
    discovery_questions: tuple[Question, ...]
    owner: str
    reviewed: dt.date
    budget: str = ""
    common_objections: tuple[str, ...] = ()


Record = Case | Objection | Industry


@dataclass
class Records:
    """Every validated record, by kind, in id order."""

    cases: dict[str, Case] = field(default_factory=dict)
    objections: dict[str, Objection] = field(default_factory=dict)
    industries: dict[str, Industry] = field(default_factory=dict)

    def counts(self) -> dict[str, int]:
        """``{"cases": n, "objections": n, "industries": n}``, as summaries name them."""
        return {
            "cases": len(self.cases),
            "objections": len(self.objections),
            "industries": len(self.industries),
        }


def build_taxonomy(data: dict[str, Any]) -> Taxonomy:
    """Turn a validated taxonomy mapping into :class:`Taxonomy`."""

    def terms(name: str) -> dict[str, Term]:
        return {t["id"]: Term(**t) for t in data.get(name, []) if "id" in t and "label" in t}

    return Taxonomy(
        pain_points=terms("pain_points"),
        stages=terms("stages"),
        tiers=terms("tiers"),
        metrics=terms("metrics"),
        company_sizes=terms("company_sizes"),
        objection_categories=terms("objection_categories"),
        synonyms=tuple(tuple(group) for group in data.get("synonyms", [])),
    )


def build_case(ident: str, source: str, d: dict[str, Any]) -> Case:
    """Turn a validated case mapping into :class:`Case`."""
    customer = d["customer"]
    quote = d.get("quote")
    return Case(
        id=ident,
        source=source,
        title=d["title"],
        summary=d["summary"],
        alias=customer["alias"],
        industry=customer["industry"],
        size=customer.get("size", ""),
        region=customer.get("region", ""),
        pain_points=tuple(d["pain_points"]),
        stages=tuple(d.get("stages", ())),
        tier=d.get("tier", ""),
        challenge=d["challenge"],
        approach=d["approach"],
        results=tuple(Result(**r) for r in d["results"]),
        quote=Quote(**quote) if quote else None,
        objections=tuple(d.get("objections", ())),
        owner=d["owner"],
        reviewed=d["reviewed"],
    )


def build_objection(ident: str, source: str, d: dict[str, Any]) -> Objection:
    """Turn a validated objection mapping into :class:`Objection`."""
    return Objection(
        id=ident,
        source=source,
        objection=d["objection"],
        aliases=tuple(d.get("aliases", ())),
        category=d["category"],
        stages=tuple(d.get("stages", ())),
        responses=tuple(Response(**r) for r in d["responses"]),
        value_table=tuple(ValueRow(**r) for r in d["value_table"]),
        proof=tuple(d.get("proof", ())),
        owner=d["owner"],
        reviewed=d["reviewed"],
    )


def build_industry(ident: str, source: str, d: dict[str, Any]) -> Industry:
    """Turn a validated industry mapping into :class:`Industry`."""
    chain = d["decision_chain"]
    return Industry(
        id=ident,
        source=source,
        name=d["name"],
        summary=d["summary"],
        pain_points=tuple(IndustryPain(**p) for p in d["pain_points"]),
        decision_chain=tuple(chain) if isinstance(chain, list) else chain,
        budget=d.get("budget", ""),
        discovery_questions=tuple(Question(**q) for q in d["discovery_questions"]),
        common_objections=tuple(d.get("common_objections", ())),
        owner=d["owner"],
        reviewed=d["reviewed"],
    )
