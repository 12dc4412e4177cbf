"""Improved messages in Chinese (the default language), each on the line of the real cause.

One test per YAML slip a manager makes in an editor, per missing-field hint and per
root-cause report; the fixture project's mkdocs.yml sets no language, so Chinese applies.
"""

from __future__ import annotations

import pytest
from conftest import CASE, TAXONOMY, Project


@pytest.fixture
def zh(project: Project) -> Project:
    project.lang = None  # the site's language: Chinese
    return project


def only_problem(project: Project) -> str:
    code, out = project.check()
    lines = out.splitlines()[:-1]
    assert code == 1 and len(lines) == 1, out
    return lines[0]


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        pytest.param(
            "title: ",
            "title：",
            "'title' 后面用了中文冒号 '：'，YAML 只认英文冒号 ':' "
            "(改成英文冒号加一个空格，例如 title: 内容)",
            id="full-width colon",
        ),
        pytest.param(
            "summary: ",
            "summary:",
            "'summary:' 后面少了一个空格 (冒号后面加一个空格，例如 summary: 内容)",
            id="no space after colon",
        ),
        pytest.param(
            "title: 分拣",
            "title: “分拣: ",
            "'title' 的值用中文引号 “” 或 ‘’ 括起来了，YAML 不把它们当引号 "
            '(换成英文双引号，例如 title: "内容"；或者不加引号)',
            id="curly quotes",
        ),
        pytest.param(
            'owner: "@alice"',
            "owner: @alice",
            "'owner' 的值以 '@' 开头，YAML 不允许这样的值不加引号 "
            '(把整个值用英文双引号括起来，例如 owner: "@wang-sales")',
            id="unquoted @handle",
        ),
        pytest.param(
            "title: 分拣",
            'title: "分拣',
            '从这里开始的引号 " 没有闭合 (在这段文字的末尾补上 ")',
            id="unclosed quote",
        ),
    ],
)
def test_yaml_slip_is_named_on_its_own_line(zh: Project, old: str, new: str, expected: str) -> None:
    zh.edit("cases/sorting-case.yaml", old, new)
    line = line_of(zh.read("cases/sorting-case.yaml"), new)
    problem = only_problem(zh)
    assert problem.startswith(f"cases/sorting-case.yaml:{line}:"), problem
    assert problem.endswith(expected), problem


def test_full_width_comma_in_a_list_is_named(zh: Project) -> None:
    zh.edit("cases/sorting-case.yaml", "stages: [discovery]", "stages: [discovery，closing]")
    line = line_of(zh.read("cases/sorting-case.yaml"), "stages:")
    problem = only_problem(zh)
    assert problem.startswith(f"cases/sorting-case.yaml:{line}:")
    assert "未知的阶段 'discovery，closing'" in problem
    assert "列表项之间用英文逗号加空格" in problem


def test_missing_space_after_list_dash_is_named(zh: Project) -> None:
    zh.edit("cases/sorting-case.yaml", "pain_points:\n  - sorting", "pain_points:\n  -sorting")
    line = line_of(zh.read("cases/sorting-case.yaml"), "-sorting")
    problem = only_problem(zh)
    assert problem.startswith(f"cases/sorting-case.yaml:{line}:")
    assert "'pain_points' 应该是列表" in problem and "写成 '- ' 加内容" in problem


def test_tab_is_named(zh: Project) -> None:
    zh.edit("cases/sorting-case.yaml", "  alias:", "\talias:")
    assert only_problem(zh) == (
        "cases/sorting-case.yaml:4:1: 用了 Tab 字符缩进；YAML 只允许空格 "
        "(把 Tab 换成空格（多数编辑器：“将缩进转换为空格”）)"
    )


def test_duplicate_key_names_the_first_line(zh: Project) -> None:
    zh.write("cases/sorting-case.yaml", CASE + "owner: '@eve'\n")
    first = line_of(CASE, "owner:")
    assert only_problem(zh) == (
        f"cases/sorting-case.yaml:{len(CASE.splitlines()) + 1}:1: "
        f"字段 'owner' 重复了（第 {first} 行已经写过） (每个字段只能出现一次：删掉一个，或把两处内容合并)"
    )


@pytest.mark.parametrize(
    ("field", "example"),
    [
        ("owner", 'owner: "@wang-sales"'),
        ("title", "title: 分拣效率提升 40%"),
        ("summary", "summary: 某电商卖家旺季前升级分拣流程，分拣效率提升 40%。"),
    ],
)
def test_missing_field_says_what_to_write(zh: Project, field: str, example: str) -> None:
    text = "\n".join(line for line in CASE.splitlines() if not line.startswith(f"{field}:"))
    zh.write("cases/sorting-case.yaml", text + "\n")
    assert only_problem(zh) == (
        f"cases/sorting-case.yaml:1:1: 缺少必填字段 '{field}' (加上这一行，例如 {example})"
    )


def test_missing_reference_field_suggests_a_real_id(zh: Project) -> None:
    zh.edit("cases/sorting-case.yaml", "  industry: warehousing\n", "")
    problem = only_problem(zh)
    assert "'customer' 里缺少必填字段 'industry'" in problem
    assert "加上这一行，例如 industry: " in problem
    suggested = problem.rsplit("industry: ", 1)[1].rstrip(")")
    assert (zh.root / f"content/industries/{suggested}.yaml").is_file()


def test_broken_taxonomy_is_one_root_cause_not_a_cascade(zh: Project) -> None:
    zh.write("content/taxonomy.yaml", TAXONOMY.encode("gbk"))
    code, out = zh.check()
    lines = out.splitlines()[:-1]
    assert code == 1
    assert len(lines) == 1, out
    assert lines[0].startswith("content/taxonomy.yaml:")
    assert "文件不是有效的 UTF-8" in lines[0] and "GBK/GB18030" in lines[0]
