"""Synonym groups in the taxonomy: validation, what the build gives the browser, folding."""

from __future__ import annotations

import json

import pytest
from conftest import Project
from playbook.core import fold


def problems(project: Project) -> list[str]:
    code, out = project.check()
    assert code == 1, out
    return [line for line in out.splitlines() if not line.startswith(("✓", "✗"))]


def with_synonyms(project: Project, block: str) -> None:
    project.write("content/taxonomy.yaml", project.read("content/taxonomy.yaml") + block)


def test_synonyms_are_optional_and_reach_every_page(project: Project) -> None:
    code, out = project.build()
    assert code == 0, out
    assert json.loads(project.page("/").select_one("#pb-query-data").text)["synonyms"] == []
    with_synonyms(project, "synonyms:\n  - [太贵, 價格高]\n  - [ABC 分层, abc分层法]\n")
    code, out = project.build()
    assert code == 0, out
    for url in ["/", "/cases/", "/objections/price-too-high/"]:
        data = json.loads(project.page(url).select_one("#pb-query-data").text)
        assert data["synonyms"] == [["太贵", "价格高"], ["abc 分层", "abc分层法"]], url
        assert data["pages"] > 0, url


def test_a_word_in_two_groups_is_an_error_at_the_repeat(project: Project) -> None:
    with_synonyms(project, "synonyms:\n  - [太贵, 价格高]\n  - [报价高, 價格高]\n")
    line = project.read("content/taxonomy.yaml").splitlines().index("  - [报价高, 價格高]") + 1
    column = "  - [报价高, 價格高]".index("價") + 1
    assert problems(project) == [
        f"content/taxonomy.yaml:{line}:{column}: '價格高' is already in synonym group 1 "
        f"(line {line - 1}) (merge the two groups or remove one)"
    ]


def test_repeat_message_in_chinese(project: Project) -> None:
    project.lang = "zh"
    with_synonyms(project, "synonyms:\n  - [太贵, 价格高]\n  - [报价高, 價格高]\n")
    (line,) = [p for p in problems(project) if "同义词" in p]
    assert "'價格高' 已经在第 1 组同义词里" in line and "把两组合并" in line, line


def test_a_repeat_within_a_group_and_a_blank_word_are_errors(project: Project) -> None:
    with_synonyms(project, "synonyms:\n  - [太贵, 太贵]\n  - [' ', 没时间]\n")
    lines = project.read("content/taxonomy.yaml").splitlines()
    first = lines.index("  - [太贵, 太贵]") + 1
    repeat = "  - [太贵, 太贵]".rindex("太") + 1
    assert problems(project) == [
        f"content/taxonomy.yaml:{first}:{repeat}: '太贵' is already in this synonym group "
        f"(line {first}) (remove the repeat)",
        f"content/taxonomy.yaml:{first + 1}:6: 'synonyms[0]' must not be empty",
    ]


@pytest.mark.parametrize(
    ("block", "message"),
    [
        ("synonyms:\n  - [太贵]\n", "needs at least 2"),
        ("synonyms: 太贵\n", "must be a list"),
        ("synonyms:\n  - [太贵, 12345678901234567890x]\n", "over the limit of 20"),
    ],
)
def test_malformed_groups_are_reported(project: Project, block: str, message: str) -> None:
    with_synonyms(project, block)
    found = problems(project)
    assert len(found) == 1 and found[0].startswith("content/taxonomy.yaml:"), found
    assert message in found[0], found


def test_fold_maps_traditional_to_simplified_and_lower_case() -> None:
    assert fold.fold("價格太高 系統太複雜 ABC") == "价格太高 系统太复杂 abc"
    assert fold.fold("价格高") == "价格高"


def test_shipped_table_is_what_the_pinned_opencc_generates() -> None:
    pytest.importorskip("opencc")
    shipped = json.loads(fold.TABLE.read_text(encoding="utf-8"))
    assert shipped == fold.generate(), "regenerate with: .venv/bin/python -m playbook.core.fold"
