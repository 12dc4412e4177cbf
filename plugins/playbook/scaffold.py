"""``new case|objection|industry <id>``: a commented YAML scaffold with every required field.

Placeholders are marked 【待填写】; ``check`` reports any left in, so a scaffold
cannot be published unedited. Reference fields start with real ids from the
taxonomy and existing records, with the valid choices listed in a comment.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

from .schema import PLACEHOLDER


def _choices(ids: Iterable[str], limit: int = 12) -> str:
    items = list(ids)
    shown = ", ".join(items[:limit])
    return shown + (f" … ({len(items)} in all)" if len(items) > limit else "")


def _first(ids: Iterable[str], fallback: str) -> str:
    return next(iter(ids), fallback)


def scaffold(kind: str, choices: Mapping[str, Iterable[str]], today: dt.date) -> str:
    """The text of a new ``kind`` file; ``choices`` maps reference names to valid ids."""
    c = {name: list(ids) for name, ids in choices.items()}
    p = PLACEHOLDER
    if kind == "case":
        return f"""\
# New customer case. Replace every {p}; `python3 build.py check` lists any left.
# Never put a real customer name, phone number or e-mail in published fields: use `private`.
title: "{p}一句话写清成果，例如：分拣效率提升 40%"   # headline, ≤ 120 characters
summary: "{p}两三句话：谁、遇到什么问题、做了什么、结果如何"   # ≤ 200 characters; shown on cards
customer:
  alias: "某{p}公司"          # published, anonymised name
  industry: {_first(c.get("industry", []), "ecommerce")}     # one of: {_choices(c.get("industry", []))}
  size: {_first(c.get("company_size", []), "small")}              # optional; one of: {_choices(c.get("company_size", []))}
  region: 华东                # optional
pain_points:                  # at least one of: {_choices(c.get("pain_point", []))}
  - {_first(c.get("pain_point", []), "cash-flow")}
stages:                       # optional; any of: {_choices(c.get("stage", []))}
  - {_first(c.get("stage", []), "discovery")}
tier: {_first(c.get("tier", []), "a")}                       # optional; one of: {_choices(c.get("tier", []))}
challenge: |                  # Markdown: the situation and the pain
  {p}客户当时的处境和痛点。
approach: |                   # Markdown: what the seller did, step by step
  {p}销售具体做了什么。
results:                      # at least one; `change`, or `before` and `after`
  - metric: {_first(c.get("metric", []), "conversion-rate")}   # one of: {_choices(c.get("metric", []))}
    label: "{p}指标名称"
    change: "+10%"
    period: 一个月             # optional
# quote:                      # optional testimonial; `by` is a role, never a person's name
#   text: 客户原话
#   by: 采购经理
objections: []                # optional; objection ids this case helps answer: {_choices(c.get("objection", []))}
owner: "@{p}"                 # who keeps this case current, e.g. your code-host handle
reviewed: {today.isoformat()}         # last date someone confirmed it is still true
private:                      # never published: real name, contacts, CRM notes
  customer_name: ""
"""
    if kind == "objection":
        return f"""\
# New objection. Replace every {p}; `python3 build.py check` lists any left.
objection: "{p}客户的原话，例如：你们太贵了"
aliases:                      # optional: other phrasings, so search finds it
  - "{p}另一种说法"
category: {_first(c.get("objection_category", []), "price")}           # one of: {_choices(c.get("objection_category", []))}
stages:                       # optional; any of: {_choices(c.get("stage", []))}
  - objection
responses:                    # at least one; {{客户名}} is filled in by the reader before copying
  - title: "{p}话术标题"
    script: "{p}可以直接照读的话术，{{客户名}}可作占位符。"
    when: "{p}什么情况下用（可选）"
value_table:                  # at least one row: the objection-to-value table
  - dimension: "{p}对比维度"
    ours: "{p}我们的方案"
    alternative: "{p}客户的替代选择"
    customer_value: "{p}对客户意味着什么"
proof: []                     # optional; case ids that back the answer: {_choices(c.get("case", []))}
owner: "@{p}"
reviewed: {today.isoformat()}
"""
    if kind == "industry":
        return f"""\
# New industry profile. Replace every {p}; `python3 build.py check` lists any left.
name: "{p}行业名称"
summary: "{p}一句话概括这个行业的客户"
pain_points:                  # at least one of: {_choices(c.get("pain_point", []))}
  - id: {_first(c.get("pain_point", []), "cash-flow")}
    scenario: "{p}这个痛点在本行业的典型场景"
decision_chain: |             # Markdown (or a list): who decides, who influences, how they buy
  {p}谁拍板、谁影响、采购流程。
budget: "{p}典型预算与付费意愿"   # optional
discovery_questions:          # at least three: decision_chain, pain_scenario, willingness_to_pay
  - dimension: decision_chain
    question: "{p}关于决策链的问题"
  - dimension: pain_scenario
    question: "{p}关于痛点场景的问题"
  - dimension: willingness_to_pay
    question: "{p}关于付费意愿的问题"
common_objections: []         # optional; objection ids: {_choices(c.get("objection", []))}
owner: "@{p}"
reviewed: {today.isoformat()}
"""
    raise ValueError(f"unknown kind {kind!r}")
