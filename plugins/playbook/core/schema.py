"""The content model as data: one declarative spec per kind of file.

The validator walks these specs, and the JSON Schemas for editors are generated
from them, so the two can never disagree about which fields exist.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

SpecKind = Literal["text", "markdown", "date", "ref", "list", "object", "any", "markdown_or_list"]

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
"""Record and vocabulary ids: lowercase ASCII slugs."""

PLACEHOLDER = "【待填写】"
"""Marks text in a scaffold that the author must replace; ``check`` rejects it."""


@dataclass(frozen=True)
class Spec:
    """What one value must look like."""

    kind: SpecKind
    required: bool = False
    description: str = ""
    ref: str | None = None
    """For ``ref``: the vocabulary or record kind the id must exist in."""
    enum: tuple[str, ...] | None = None
    max_length: int | None = None
    min_items: int = 0
    item: Spec | None = None
    fields: Mapping[str, Spec] = field(default_factory=dict)
    published: bool = True
    """False for ``private``: accepted in the source, never published."""
    any_of_required: tuple[tuple[str, ...], ...] = ()
    """For ``object``: at least one of these field groups must be complete (case results)."""
    example: str = ""
    """A value to show in the hint when a required field is missing."""


def text(
    required: bool = False,
    description: str = "",
    max_length: int | None = None,
    example: str = "",
) -> Spec:
    return Spec("text", required, description, max_length=max_length, example=example)


def markdown(required: bool = False, description: str = "", example: str = "") -> Spec:
    return Spec("markdown", required, description, example=example)


def ref(to: str, required: bool = False, description: str = "") -> Spec:
    return Spec("ref", required, description, ref=to)


def refs(to: str, required: bool = False, min_items: int = 0, description: str = "") -> Spec:
    return Spec("list", required, description, min_items=min_items, item=ref(to, True))


def enum(values: tuple[str, ...], required: bool = False, description: str = "") -> Spec:
    return Spec("text", required, description, enum=values)


def obj(
    fields: Mapping[str, Spec],
    required: bool = False,
    description: str = "",
    any_of_required: tuple[tuple[str, ...], ...] = (),
) -> Spec:
    return Spec("object", required, description, fields=fields, any_of_required=any_of_required)


def items(item: Spec, required: bool = False, min_items: int = 0, description: str = "") -> Spec:
    return Spec("list", required, description, min_items=min_items, item=item)


PRIVATE = Spec(
    "any",
    description="Real names, contacts, CRM notes: kept in the source, never published.",
    published=False,
)
OWNER = text(
    True, "Who keeps this record current, e.g. a code-host handle.", example='"@wang-sales"'
)
REVIEWED = Spec("date", True, "Last date someone confirmed it is still true (YYYY-MM-DD).")
RECORD_ID = text(False, "Optional; must equal the file name without .yaml.")

PAIN_CATEGORIES = ("efficiency", "cost", "compliance", "growth", "risk")
DISCOVERY_DIMENSIONS = ("decision_chain", "pain_scenario", "willingness_to_pay")

CASE = obj(
    {
        "id": RECORD_ID,
        "title": text(
            True,
            "Headline, e.g. the result in one line.",
            max_length=120,
            example="分拣效率提升 40%",
        ),
        "summary": text(
            True,
            "Shown on cards and in search results.",
            max_length=200,
            example="某电商卖家旺季前升级分拣流程，分拣效率提升 40%。",
        ),
        "customer": obj(
            {
                "alias": text(
                    True, "The published, anonymised name (某建材公司).", example="某建材公司"
                ),
                "industry": ref("industry", True),
                "size": ref("company_size"),
                "region": text(),
            },
            required=True,
        ),
        "pain_points": refs("pain_point", True, 1, "What hurt."),
        "stages": refs("stage", description="Where in the SOP this case helps."),
        "tier": ref("tier", description="The customer's tier when won."),
        "challenge": markdown(
            True, "The situation and pain.", example="旺季订单激增，分拣跟不上。"
        ),
        "approach": markdown(
            True, "What the seller did.", example="先算清延迟发货的损失，再试点。"
        ),
        "results": items(
            obj(
                {
                    "metric": ref("metric", True),
                    "label": text(True, example="分拣效率"),
                    "change": text(description="e.g. +40%"),
                    "before": text(),
                    "after": text(),
                    "period": text(),
                },
                any_of_required=(("change",), ("before", "after")),
            ),
            True,
            1,
            "Each with change, or before and after.",
        ),
        "quote": obj(
            {
                "text": text(True, example="旺季再也不用全员加班了。"),
                "by": text(True, "A role, never a person's name.", example="运营总监"),
            }
        ),
        "objections": refs("objection", description="Objections this case helps answer."),
        "owner": OWNER,
        "reviewed": REVIEWED,
        "private": PRIVATE,
    }
)

OBJECTION = obj(
    {
        "id": RECORD_ID,
        "objection": text(True, "What the customer says, in their words.", example="价格太高了"),
        "aliases": items(text(True), description="Other phrasings, so search finds it."),
        "category": ref("objection_category", True),
        "stages": refs("stage"),
        "responses": items(
            obj(
                {
                    "title": text(True, example="先算一笔账"),
                    "script": text(
                        True, "The words to say; placeholders like {客户名}.", example="您算过……"
                    ),
                    "when": text(description="When to use this response."),
                }
            ),
            True,
            1,
        ),
        "value_table": items(
            obj(
                {
                    "dimension": text(True, example="上线时间"),
                    "ours": text(True, example="两周"),
                    "alternative": text(True, example="三个月"),
                    "customer_value": text(True, example="旺季前就能用上"),
                }
            ),
            True,
            1,
            "The objection-to-value table.",
        ),
        "proof": refs("case", description="Cases that back the answer."),
        "owner": OWNER,
        "reviewed": REVIEWED,
        "private": PRIVATE,
    }
)

INDUSTRY = obj(
    {
        "id": RECORD_ID,
        "name": text(True, example="电商卖家"),
        "summary": text(True, example="线上店铺卖家，旺季订单量是平时的数倍。"),
        "pain_points": items(obj({"id": ref("pain_point", True), "scenario": text()}), True, 1),
        "decision_chain": Spec(
            "markdown_or_list",
            True,
            "Who decides, who influences, how purchases happen.",
            example="老板拍板，运营负责人评估。",
        ),
        "budget": text(description="Typical willingness to pay."),
        "discovery_questions": items(
            obj(
                {
                    "dimension": enum(DISCOVERY_DIMENSIONS, True),
                    "question": text(True, example="这件事最后谁拍板？"),
                }
            ),
            True,
            3,
            "The three-dimension portrait.",
        ),
        "common_objections": refs("objection"),
        "owner": OWNER,
        "reviewed": REVIEWED,
        "private": PRIVATE,
    }
)


def _vocabulary(extra: Mapping[str, Spec] | None = None) -> Spec:
    fields: dict[str, Spec] = {
        "id": text(True, "Lowercase ASCII slug.", example="inventory-cost"),
        "label": text(True, example="库存成本高"),
        "description": text(),
    }
    fields.update(extra or {})
    return items(obj(fields), True, 1)


SYNONYM_MAX_LENGTH = 20
"""Longest word in a synonym group (a word or short phrase, not a sentence)."""

TAXONOMY = obj(
    {
        "pain_points": _vocabulary({"category": enum(PAIN_CATEGORIES, True)}),
        "stages": _vocabulary(),
        "tiers": _vocabulary(
            {"cadence": text(True, "Follow-up cadence for this tier.", example="每两周回访一次")}
        ),
        "metrics": _vocabulary(
            {
                "unit": text(
                    description=(
                        "The unit of the figures (%, 天, 条); bare before/after figures get it. "
                        "Without one, before and after must carry their own units."
                    ),
                    example="%",
                ),
                "better": enum(("up", "down"), True),
            }
        ),
        "company_sizes": _vocabulary(),
        "objection_categories": _vocabulary(),
        "synonyms": items(
            items(text(True, max_length=SYNONYM_MAX_LENGTH), True, 2),
            description=(
                "Groups of words that mean the same to this team (太贵, 价格高, 报价高): "
                "site search and the case library find any of them for each."
            ),
        ),
    }
)

VOCABULARIES: Mapping[str, str] = {
    "pain_points": "pain_point",
    "stages": "stage",
    "tiers": "tier",
    "metrics": "metric",
    "company_sizes": "company_size",
    "objection_categories": "objection_category",
}
"""Taxonomy list name → the reference name used in specs."""

RECORD_SPECS: Mapping[str, Spec] = {"case": CASE, "objection": OBJECTION, "industry": INDUSTRY}
