"""``new case|objection|industry <id>``: a commented YAML scaffold with every required field.

Every value to write is the placeholder 【待填写】 alone, ids included; examples and the
valid ids are in comments, never in values. ``check`` reports a placeholder left in by
field name, and a field whose placeholder was only deleted is empty, which ``check``
reports too: no sample value (an id, ``+10%``, a sample text) can be published by
accident. Optional fields are commented out.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping

from playbook.core.schema import PLACEHOLDER


def _choices(ids: Iterable[str], limit: int = 12) -> str:
    items = list(ids)
    shown = ", ".join(items[:limit])
    return shown + (f" … ({len(items)} in all)" if len(items) > limit else "")


def scaffold(kind: str, choices: Mapping[str, Iterable[str]], today: dt.date) -> str:
    """The text of a new ``kind`` file; ``choices`` maps reference names to valid ids."""
    c = defaultdict(str, {name: _choices(ids) for name, ids in choices.items()})
    p = PLACEHOLDER
    if kind == "case":
        return f"""\
# New customer case. Replace every {p}; `python3 build.py check` lists any left.
# Never put a real customer name, phone number or e-mail in published fields: use `private`.
title: "{p}"                  # headline, ≤ 120 characters, e.g. 分拣效率提升 40%
summary: "{p}"                # ≤ 200 characters, on cards: who, what hurt, what was done, result
customer:
  alias: "{p}"                # published, anonymised name, e.g. 某建材公司 (no 有限公司, 集团)
  industry: {p}               # one of: {c["industry"]}
  # size:                     # optional; one of: {c["company_size"]}
  # region: 华东              # optional
pain_points:                  # at least one of: {c["pain_point"]}
  - {p}
# stages: []                  # optional; any of: {c["stage"]}
# tier:                       # optional; one of: {c["tier"]}
challenge: |                  # Markdown: the situation and the pain
  {p}
approach: |                   # Markdown: what the seller did, step by step
  {p}
results:                      # at least one; `change`, or `before` and `after`
  - metric: {p}               # one of: {c["metric"]}
    label: "{p}"              # e.g. 分拣效率
    change: "{p}"             # with a sign or a unit: +40%, -45%, 25%, 12 条, 3 倍
    # before: 15 天           # instead of change: both before and after, with units
    # after: 7 天
    # period: 一个月          # optional
# quote:                      # optional testimonial; `by` is a role, never a person's name
#   text: 客户原话
#   by: 采购经理
objections: []                # optional; objection ids this case helps answer: {c["objection"]}
owner: "@{p}"                 # who keeps this case current: your code-host handle, "@wang-sales"
reviewed: {today.isoformat()}         # last date someone confirmed it is still true
private:                      # never published: real name, contacts, CRM notes
  customer_name: ""
"""
    if kind == "objection":
        return f"""\
# New objection. Replace every {p}; `python3 build.py check` lists any left.
objection: "{p}"              # the customer's words, e.g. 你们太贵了
aliases:                      # optional: other phrasings, so search finds it
  - "{p}"
category: {p}                 # one of: {c["objection_category"]}
# stages: [objection]         # optional; any of: {c["stage"]}
responses:                    # at least one; {{客户名}} is filled in by the reader before copying
  - title: "{p}"              # e.g. 先算一笔账
    script: "{p}"             # words to read out as they are; {{客户名}} may stand for the name
    # when: 客户只比较报价时   # optional: when to use it
value_table:                  # at least one row: the objection-to-value table
  - dimension: "{p}"          # e.g. 上线时间
    ours: "{p}"               # e.g. 两周
    alternative: "{p}"        # the customer's alternative, e.g. 三个月
    customer_value: "{p}"     # what it means to the customer, e.g. 旺季前就能用上
proof: []                     # optional; case ids that back the answer: {c["case"]}
owner: "@{p}"                 # your code-host handle, e.g. "@wang-sales"
reviewed: {today.isoformat()}
"""
    if kind == "industry":
        return f"""\
# New industry profile. Replace every {p}; `python3 build.py check` lists any left.
name: "{p}"                   # e.g. 电商卖家
summary: "{p}"                # one sentence about this industry's customers
pain_points:                  # at least one of: {c["pain_point"]}
  - id: {p}
    scenario: "{p}"           # optional: how the pain shows in this industry
decision_chain: |             # Markdown (or a list): who decides, who influences, how they buy
  {p}
# budget: 年预算 10 万以内    # optional: typical willingness to pay
discovery_questions:          # at least three: decision_chain, pain_scenario, willingness_to_pay
  - dimension: decision_chain
    question: "{p}"           # e.g. 这件事最后谁拍板？
  - dimension: pain_scenario
    question: "{p}"
  - dimension: willingness_to_pay
    question: "{p}"
common_objections: []         # optional; objection ids: {c["objection"]}
owner: "@{p}"                 # your code-host handle, e.g. "@wang-sales"
reviewed: {today.isoformat()}
"""
    raise ValueError(f"unknown kind {kind!r}")
