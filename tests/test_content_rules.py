"""Rules against silent wrongness (contentrules.py, cjkbreaks.py): values that pass the
schema but would publish something wrong. One test per rule, on fixture projects, asserting
check's Chinese message and the line it points at."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from conftest import CASE, CASE_2, OBJECTION, TAXONOMY, Project

MakeProject = Callable[[dict[str, str | None]], Project]
SORTING = "cases/sorting-case.yaml"
TURNOVER = "cases/turnover-case.yaml"


def line_of(text: str, needle: str) -> int:
    """The 1-based line of ``text`` where ``needle`` first occurs."""
    assert needle in text, needle
    return text[: text.index(needle)].count("\n") + 1


def chinese(make_project: MakeProject, changes: dict[str, str | None]) -> Project:
    p = make_project(changes)
    p.lang = None  # the site's language: Chinese
    return p


def errors(p: Project) -> list[str]:
    code, out = p.check()
    assert code == 1, out
    return out.splitlines()[:-1]


# --- 1. a change carries a sign and a unit, or a unit --------------------------------------


@pytest.mark.parametrize("change", ["50", "-50", '"+50"', "减少50", "0.5"])
def test_a_bare_number_change_is_an_error(make_project: MakeProject, change: str) -> None:
    text = CASE.replace('change: "+40%"', f"change: {change}")
    p = chinese(make_project, {SORTING: text})
    value = change.strip('"')
    assert errors(p) == [
        f"{SORTING}:{line_of(text, 'change:')}:13: 'change' 的 {value} 只是一个数字，看不出单位 "
        "(写上单位，例如 +40%、-45%、25%、12 条、3 倍)"
    ]


@pytest.mark.parametrize("change", ['"+40%"', "25%", "12 条", "3 倍", "提升 40%", "＋40％"])
def test_a_change_with_a_unit_passes(make_project: MakeProject, change: str) -> None:
    p = chinese(make_project, {SORTING: CASE.replace('change: "+40%"', f"change: {change}")})
    code, out = p.check()
    assert code == 0, out


# --- 2. before/after carry units, or the metric declares one -------------------------------


def test_bare_before_after_need_a_metric_with_a_unit(make_project: MakeProject) -> None:
    taxonomy = TAXONOMY.replace(
        "company_sizes:", "  - {id: deal-days, label: 成交周期, better: down}\ncompany_sizes:"
    )
    text = CASE_2.replace("metric: turnover-days", "metric: deal-days").replace(
        "before: 15 天\n    after: 7 天", "before: 3.2\n    after: 0.8"
    )
    p = chinese(make_project, {"content/taxonomy.yaml": taxonomy, TURNOVER: text})
    hint = (
        "(写上单位，例如 before: 15 天 和 after: 7 天；"
        "或在 content/taxonomy.yaml 里给指标 'deal-days' 加上 unit（例如 unit: 小时）)"
    )
    assert errors(p) == [
        f"{TURNOVER}:{line_of(text, 'before:')}:13: 'before' 的 3.2 只是一个数字，看不出单位，"
        f"指标也没有声明单位 {hint}",
        f"{TURNOVER}:{line_of(text, 'after:')}:12: 'after' 的 0.8 只是一个数字，看不出单位，"
        f"指标也没有声明单位 {hint}",
    ]


def test_bare_before_after_show_the_metric_s_unit(make_project: MakeProject) -> None:
    text = CASE_2.replace("before: 15 天\n    after: 7 天", "before: 15\n    after: 7")
    p = chinese(make_project, {TURNOVER: text})
    code, out = p.build()
    assert code == 0, out
    headline = p.content("cases/turnover-case/").select_one(".pb-metric__value")
    assert headline is not None and headline.get_text() == "15 天 → 7 天"
    card = p.content("cases/").select_one("[data-case='turnover-case'] .pb-result-value")
    assert card is not None and card.get_text(strip=True) == "15 天 → 7 天"


# --- 3. a change against the metric's better-direction ------------------------------------


@pytest.mark.parametrize(
    ("result", "field"),
    [('change: "+50%"', "change"), ("change: 增加 50%", "change"), ("before: 7 天\n    after: 15 天", "after")],
)  # fmt: skip
def test_a_change_against_better_is_an_error(
    make_project: MakeProject, result: str, field: str
) -> None:
    text = CASE_2.replace("before: 15 天\n    after: 7 天", result)
    p = chinese(make_project, {TURNOVER: text})
    column = 13 if field == "change" else 12
    assert errors(p) == [
        f"{TURNOVER}:{line_of(text, f'{field}:')}:{column}: '{field}' 的变化方向和指标“库存周转天数”"
        "相反：这个指标越低越好 (检查正负号（下降写成 -45%），或换一个指标)"
    ]


# --- 4. a scaffold's values are placeholders -----------------------------------------------


def test_a_scaffold_fails_check_until_every_value_is_written(project: Project) -> None:
    project.lang = None
    code, out = project.run("new", "case", "cold-chain")
    assert code == 0, out
    path = "cases/cold-chain.yaml"
    text = project.read(path)
    values = "\n".join(line.split("#")[0] for line in text.splitlines()[1:])  # no comments
    for sample in ("building-materials", "cash-flow", "+10%", "华东", "conversion-rate", "a\n"):
        assert sample not in values, sample
    left = errors(project)
    assert (
        f"{path}:{line_of(text, 'title:')}:8: 'title' 里还留着占位符 【待填写】 (换成真实内容)"
        in left
    )
    assert (
        f"{path}:{line_of(text, 'industry:')}:13: 'industry' 里还留着占位符 【待填写】 "
        "(换成一个行业 id，可选的 id 列在这一行的注释里)"
    ) in left
    assert (
        f"{path}:{line_of(text, 'change:')}:13: 'change' 里还留着占位符 【待填写】 (换成真实内容)"
        in left
    )
    # Deleting only the markers leaves empty values: still no publishable record.
    project.write(path, text.replace("【待填写】", ""))
    emptied = errors(project)
    assert f"{path}:{line_of(text, 'title:')}:8: 'title' 不能为空" in emptied
    assert f"{path}:{line_of(text, 'change:')}:13: 'change' 不能为空" in emptied
    assert (
        f"{path}:{line_of(text, 'owner:')}:8: 'owner' 的 @ 没有写出负责人 "
        '(写负责人的代码托管平台用户名，例如 owner: "@wang-sales")'
    ) in emptied
    assert (
        f"{path}:{line_of(text, 'industry:')}:12: 'industry' 应该是一个 id，这里是空值 "
        "(可用的行业 id：ecommerce, warehousing)"
    ) in emptied
    assert len(emptied) == len(left)  # every field still reported, by name
    assert all(line.startswith(path) for line in emptied)


# --- 5. a private value in published text ---------------------------------------------------

PRIVATE = "private:\n  customer_name: 上海鲜达冷链物流有限公司\n  contact: 王经理\n"


def test_a_private_value_in_published_text_is_an_error(make_project: MakeProject) -> None:
    text = (
        CASE.replace("旺季订单翻倍，", "旺季订单翻倍，王经理说").replace(
            "  region: 华东", "  region: 上海鲜达冷链物流有限公司"
        )
        + PRIVATE
    )
    objection = OBJECTION.replace("按天算，", "上海鲜达冷链物流有限公司按天算，") + PRIVATE
    p = chinese(make_project, {SORTING: text, "content/objections/price-too-high.yaml": objection})
    code, out = p.check()
    assert code == 1
    hint = "(从公开字段里删掉它，或换成匿名说法)"
    assert out.splitlines()[:-1] == [
        f"cases/sorting-case.yaml:{line_of(text, 'region:')}:11: 'region' 含有 private.customer_name "
        f"的内容（上海****公司）；private 里的信息不能公开发布 {hint}",
        f"cases/sorting-case.yaml:{line_of(text, 'challenge:')}:12: 'challenge' 含有 "
        f"private.contact 的内容（王**）；private 里的信息不能公开发布 {hint}",
        f"content/objections/price-too-high.yaml:{line_of(objection, '按天算')}:13: 'script' 含有 "
        f"private.customer_name 的内容（上海****公司）；private 里的信息不能公开发布 {hint}",
    ]
    assert "鲜达冷链物流" not in out  # the value itself is never echoed


@pytest.mark.parametrize(
    "private",
    [
        "private:\n  deals: 40\n",  # a short number: the title says 40%
        "private:\n  year: '2026'\n  grade: A\n",  # a number as text; one character
    ],
)
def test_a_short_private_value_is_not_flagged(make_project: MakeProject, private: str) -> None:
    """One character, or a number under MIN_PRIVATE_NUMBER digits, identifies nobody and
    occurs in ordinary text and figures."""
    p = chinese(
        make_project, {SORTING: CASE.replace("某仓储公司旺季", "某仓储公司 2026 年旺季") + private}
    )
    code, out = p.check()
    assert code == 0, out


@pytest.mark.parametrize(
    ("private", "key", "masked"),
    [
        ("private:\n  contact: 李娜\n", "private.contact", "李*"),  # a two-character name
        ("private:\n  region: 华东\n", "private.region", "华*"),  # declared private, yet published
    ],
)
def test_a_two_character_private_value_is_flagged(
    make_project: MakeProject, private: str, key: str, masked: str
) -> None:
    text = (
        CASE.replace("旺季订单翻倍，", "华东李娜旺季订单翻倍，").replace(
            "region: 华东", "region: 上海"
        )
        + private
    )
    p = chinese(make_project, {SORTING: text})
    assert errors(p) == [
        f"{SORTING}:{line_of(text, 'challenge:')}:12: 'challenge' 含有 {key} "
        f"的内容（{masked}）；private 里的信息不能公开发布 (从公开字段里删掉它，或换成匿名说法)"
    ]


def test_a_company_name_is_still_flagged_beside_short_values(make_project: MakeProject) -> None:
    private = "private:\n  grade: A\n  deals: 40\n  customer_name: 鲜达冷链\n"
    text = CASE.replace("旺季订单翻倍，", "鲜达冷链旺季订单翻倍，") + private
    p = chinese(make_project, {SORTING: text})
    assert errors(p) == [
        f"{SORTING}:{line_of(text, 'challenge:')}:12: 'challenge' 含有 private.customer_name "
        "的内容（鲜****链）；private 里的信息不能公开发布 (从公开字段里删掉它，或换成匿名说法)"
    ]


# --- 6. a legal-entity suffix in alias ------------------------------------------------------


@pytest.mark.parametrize(
    ("alias", "suffix"),
    [
        ("上海鲜达冷链物流有限公司", "有限公司"),
        ("鲜达股份有限公司", "股份有限公司"),
        ("鲜达集团", "集团"),
        ("Xianda Cold Chain Co., Ltd.", "Co., Ltd."),
        ("Xianda Inc.", "Inc."),
    ],
)
def test_a_legal_entity_suffix_in_alias_is_an_error(
    make_project: MakeProject, alias: str, suffix: str
) -> None:
    text = CASE.replace("alias: 某仓储公司", f"alias: {alias}")
    p = chinese(make_project, {SORTING: text})
    assert errors(p) == [
        f"{SORTING}:{line_of(text, 'alias:')}:10: 'alias' 含有“{suffix}”，像是真实的公司名称 "
        "(写匿名称呼，例如“某冷链物流公司”；真实名称放在 private.customer_name)"
    ]


# --- 7. no stray space at a line break between CJK characters ------------------------------


def test_line_breaks_between_chinese_characters_are_not_rendered(
    make_project: MakeProject,
) -> None:
    text = (
        CASE.replace(
            "challenge: |\n  旺季订单翻倍，**分拣**跟不上。\n",
            "challenge: |\n  旺季订单翻倍，**分拣**\n  跟不上。仓库主管\n  很着急。\n  "
            "English words\n  stay apart.\n\n  ```\n  代码第一行\n  代码第二行\n  ```\n",
        )
        .replace("summary: 某仓储公司旺季分拣跟不上，改造流程后效率提升。", "summary: |\n  某仓储公司旺季分拣\n  跟不上。")
        # YAML itself folds these line breaks into spaces: plain text over two lines, ">".
        .replace("title: 分拣效率提升 40%", "title: 分拣效率\n  提升 40%")
        .replace("  text: 旺季终于不加班了。", "  text: >\n    旺季终于\n    不加班了。")
    )  # fmt: skip
    page = "# 首页\n\n第一行中文\n第二行中文，[链接](cases/)\n继续。\n"
    p = chinese(make_project, {SORTING: text, "content/index.md": page})
    code, out = p.build()
    assert code == 0, out
    body = p.content("cases/sorting-case/")
    challenge = body.select_one("#challenge + .pb-markdown")
    assert challenge is not None
    paragraph = challenge.select_one("p")
    assert paragraph is not None
    assert str(paragraph) == (
        "<p>旺季订单翻倍，<strong>分拣</strong>跟不上。仓库主管很着急。\nEnglish words\nstay apart.</p>"
    )
    code_block = challenge.select_one("pre code")
    assert code_block is not None and code_block.get_text() == "代码第一行\n代码第二行\n"
    card = p.content("cases/").select_one("[data-case='sorting-case'] .pb-card__summary")
    assert card is not None and card.get_text() == "某仓储公司旺季分拣跟不上。"
    heading = p.page("cases/sorting-case/").select_one("h1")
    assert heading is not None and heading.get_text(strip=True) == "分拣效率提升 40%"
    assert "旺季终于不加班了。" in body.get_text()
    home = p.content("").get_text()
    assert "第一行中文第二行中文，链接继续。" in home


@pytest.mark.parametrize(
    ("markdown", "html"),
    [
        ("客户当时\n很着急", "<p>客户当时很着急</p>"),
        ("加粗**文字**\n继续，[链接](x)\n之后", '<p>加粗<strong>文字</strong>继续，<a href="x" rel="noopener noreferrer nofollow">链接</a>之后</p>'),
        ("中文\nEnglish", "<p>中文\nEnglish</p>"),
        ("English\n中文", "<p>English\n中文</p>"),
        ("한국어\n문장", "<p>한국어\n문장</p>"),  # Korean is written with spaces
        ("`代\n码`\n之后", "<p><code>代\n码</code>之后</p>"),
        ("    代码一\n    代码二", "<pre><code>代码一\n代码二\n</code></pre>"),
        ("- 第一项\n  继续\n- 第二项", "<ul>\n<li>第一项继续</li>\n<li>第二项</li>\n</ul>"),
    ],
)  # fmt: skip
def test_markdown_joins_lines_only_between_cjk_characters(markdown: str, html: str) -> None:
    from playbook.site.markup import MarkdownRenderer

    assert str(MarkdownRenderer()(markdown)) == html
