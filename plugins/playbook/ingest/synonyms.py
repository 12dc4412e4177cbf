"""Synonym groups from ``content/taxonomy.yaml``: checks, and what search needs of them.

A group lists words that mean the same to the team (``[太贵, 价格高, 报价高]``). Site search
and the case library look for every word of a group when a query holds one of them
(``assets/query.js``); words are compared after the same folding the browser applies
(Traditional → Simplified, lower case), so ``價格高`` in a query meets ``价格高`` here.
"""

from __future__ import annotations

from typing import Any

from playbook.core.fold import fold
from playbook.core.messages import msg
from playbook.core.problems import Problem
from playbook.ingest.yamlsource import Document


def check_synonyms(doc: Document, groups: Any, problems: list[Problem]) -> None:
    """Each word once in the whole list, compared folded (the schema checked the rest)."""
    if not isinstance(groups, list):
        return
    first: dict[str, tuple[int, int]] = {}
    for g, group in enumerate(groups):
        if not isinstance(group, list):
            continue
        for w, word in enumerate(group):
            if not isinstance(word, str):
                continue
            at = ("synonyms", g, w)
            key = fold(word.strip())  # the schema check has refused blank words
            if key in first:
                where_g, where_w = first[key]
                line, _ = doc.position(("synonyms", where_g, where_w))
                code = (
                    "synonyms.repeat_same_group" if where_g == g else "synonyms.repeat_other_group"
                )
                problems.append(
                    doc.problem(
                        at,
                        msg(code, word=word, group=where_g + 1, line=line),
                        msg(code + ".hint"),
                    )
                )
                continue
            first[key] = (g, w)


def search_data(groups: tuple[tuple[str, ...], ...]) -> list[list[str]]:
    """The groups as the browser's query module reads them: folded, trimmed words."""
    return [[fold(word.strip()) for word in group] for group in groups]
