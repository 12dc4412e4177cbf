"""The message catalog: every entry in both languages, used codes exist, JSON export."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from playbook.core.messages import CATALOG, catalog_json, msg, placeholders
from playbook.core.problems import Problem

PACKAGE = Path(__file__).resolve().parents[1] / "plugins" / "playbook"


@pytest.mark.parametrize("code", sorted(CATALOG))
def test_every_entry_has_both_languages_with_the_same_placeholders(code: str) -> None:
    zh, en = CATALOG[code]
    assert zh.strip() and en.strip()
    assert placeholders(zh) == placeholders(en)


def test_every_code_used_in_the_package_is_in_the_catalog() -> None:
    used: set[str] = set()
    for source in PACKAGE.rglob("*.py"):
        text = source.read_text(encoding="utf-8")
        used |= set(re.findall(r"""\b(?:msg|tr)\(\s*["']([a-z_.]+)["']""", text))
    assert used, "no message codes found"
    assert used - set(CATALOG) == set()


def test_unknown_code_fails_at_once() -> None:
    with pytest.raises(KeyError, match="nope"):
        msg("nope")


def test_problem_renders_in_either_language_with_nested_arguments() -> None:
    problem = Problem(
        "cases/x.yaml",
        3,
        5,
        msg("ref.unknown", what=msg("ref.industry"), ident="retal"),
        msg("hint.did_you_mean", choice="retail"),
    )
    assert problem.format() == "cases/x.yaml:3:5: 未知的行业 'retal' (是不是要写 'retail'？)"
    assert (
        problem.format("en")
        == "cases/x.yaml:3:5: unknown industry 'retal' (did you mean 'retail'?)"
    )


def test_catalog_exports_as_json() -> None:
    exported = json.loads(json.dumps(catalog_json(), ensure_ascii=False))
    assert exported["field.unknown"] == {"zh": "未知字段 '{key}'", "en": "unknown field '{key}'"}
    assert set(exported) == set(CATALOG)
