"""Objection tools without a browser: pinyin keys, placeholders, finder data, drills, battlecards."""

from __future__ import annotations

import json
import re

import pytest
from conftest import FILES, Project
from playbook.derive.objection_tools import ScriptPart, placeholders, script_parts
from playbook.derive.pinyin_keys import pinyin_key, syllables
from test_safety import hostile  # noqa: F401  (fixture reused for the new pages)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("价格高", "jia ge gao"),
        ("你们太贵了，比别家高了一截。", "ni men tai gui le bi bie jia gao le yi jie"),
        ("账期要 90 天", "zhang qi yao 90 tian"),
        ("SaaS 系统", "saas xi tong"),
        ("银行", "yin hang"),  # polyphone read from phrase context, not 'xing'
        ("！？…", ""),
    ],
)
def test_pinyin_key(text: str, key: str) -> None:
    assert pinyin_key(text) == key


def test_syllables_are_lowercase_ascii_tokens() -> None:
    for token in syllables("Ｖ２ 版本，ABC 客户 — 重庆 & 长沙"):
        assert re.fullmatch(r"[0-9a-z]+", token), token
    assert syllables("重庆")[0] == "chong"


def test_script_parts_split_placeholders_and_strip_outer_whitespace() -> None:
    parts = script_parts("  {客户名}，您好，{行业}的{客户名}\n")
    assert parts == [
        ScriptPart("{客户名}", "客户名"),
        ScriptPart("，您好，"),
        ScriptPart("{行业}", "行业"),
        ScriptPart("的"),
        ScriptPart("{客户名}", "客户名"),
    ]
    assert "".join(p.text for p in parts) == "{客户名}，您好，{行业}的{客户名}"


def test_placeholder_rule_excludes_spaces_braces_and_long_names() -> None:
    scripts = ["{{ 7*7 }} {a b} {} {" + "长" * 21 + "} {客户名} {行业} {客户名}", "{预算}"]
    assert placeholders(scripts) == ["客户名", "行业", "预算"]
    assert all(not p.placeholder for p in script_parts("{{ 7*7 }} {a b}"))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """The fixture project, built once for the read-only tests below."""
    p = Project(tmp_path_factory.mktemp("tools") / "proj")
    for rel, text in FILES.items():
        p.write(rel, text)
    code, out = p.build()
    assert code == 0, out
    return p


def test_objection_page_has_fields_and_copyable_scripts(built: Project) -> None:
    project = built
    page = project.content("objections/price-too-high/")
    fields = [i["data-ph-input"] for i in page.select("[data-pb-fill] input")]
    assert fields == ["客户名"]  # one per distinct placeholder on the page
    scripts = page.select(".pb-script-block [data-pb-script]")
    assert len(scripts) == 2 and len(page.select("[data-pb-copy]")) == 2
    first = scripts[0]
    assert [s["data-ph"] for s in first.select("span.pb-ph")] == ["客户名"]
    assert first.get_text() == "{客户名}，价格确实高 10%，但售后响应快 3 倍。"
    status = page.select_one(".pb-copy-status")
    assert status["aria-live"] == "polite" and status["data-copied"] == "已复制"
    # The value table is a real table and proof cases are linked by their headline result.
    assert [th.get_text() for th in page.select("table.pb-value-table thead th")] == [
        "维度",
        "我们",
        "替代方案",
        "客户价值",
    ]
    proof = page.select_one("#proof + ul a[href='../../cases/turnover-case/']")
    assert proof.select_one("strong").get_text() == "15 天 → 7 天"
    no_time = project.content("objections/no-time/")
    assert not no_time.select("[data-pb-fill]")  # no placeholders, no fields


def test_finder_lists_every_objection_with_search_data(built: Project) -> None:
    project = built
    page = project.content("objections/")
    assert page.select_one("input#pb-finder-input")["name"] == "q"
    items = page.select("#pb-finder-results > li[data-search]")
    # Resting order: taxonomy category order (price before timing), then id.
    assert [li["data-objection"] for li in items] == ["price-too-high", "no-time"]
    data = json.loads(items[0]["data-search"])
    assert data["t"] == "你们太贵了"
    assert data["a"] == ["价格高", "超预算"]
    assert data["c"] == "价格"
    assert data["p"] == ["ni men tai gui le", "jia ge gao", "chao yu suan", "jia ge"]
    assert data["r"][1] == "拆分成本\n按天算，每天只多一杯咖啡钱。"
    link = items[0].select_one("a.pb-finder__link")
    assert link["href"] == "../objections/price-too-high/"
    assert items[0].select_one("[data-pb-script]").get_text().startswith("{客户名}，")
    assert [i["data-ph-input"] for i in page.select("[data-pb-fill] input")] == ["客户名"]
    shortcuts = page.select_one("#shortcuts + .pb-table-wrap table.pb-shortcuts").get_text(" ")
    for key in ("o", "↑", "↓", "Enter", "Ctrl", "Esc"):
        assert key in shortcuts
    assert page.select_one("a[href='../objections/practice/']")


def test_practice_page_holds_every_objection_with_filters(built: Project) -> None:
    project = built
    page = project.content("objections/practice/")
    cards = page.select(".pb-practice__card")
    assert {c["data-objection"] for c in cards} == {"price-too-high", "no-time"}
    price = next(c for c in cards if c["data-objection"] == "price-too-high")
    assert price["data-category"] == "price" and price["data-stages"] == "objection"
    assert len(price.select("[data-pb-answers] .pb-response")) == 2
    categories = [o["value"] for o in page.select("[data-pb-filter=category] option")]
    assert categories == ["", "price", "timing"]
    stages = [o["value"] for o in page.select("[data-pb-filter=stage] option")]
    assert stages == ["", "objection"]  # only stages some objection uses
    for attr in ("data-pb-reveal", "data-pb-next", "data-pb-again"):
        assert page.select_one(f"button[{attr}]")


def test_battlecard_content_and_link(built: Project) -> None:
    project = built
    industry = project.content("industries/warehousing/")
    assert industry.select_one(".pb-battlecard-link a")["href"] == (
        "../../industries/warehousing/battlecard/"
    )
    card = project.content("industries/warehousing/battlecard/")
    assert (
        project.page("industries/warehousing/battlecard/")
        .select_one("title")
        .get_text()
        .startswith("仓储物流 · 作战卡")
    )
    assert "大促期间分拣口堵塞。" in card.select_one(".pb-battlecard__pains").get_text()
    dims = [dt.get_text() for dt in card.select(".pb-battlecard__questions dt")]
    assert dims == ["决策链", "痛点场景", "付费意愿"]
    objection = card.select_one(".pb-battlecard__objection")
    assert "你们太贵了" in objection.get_text()
    assert objection.select_one("[data-pb-script]").get_text().startswith("{客户名}，价格确实高")
    # Its own case first, then a case sharing one of its pains (it has only one of its own).
    cases = [a["href"] for a in card.select(".pb-battlecard__cases a")]
    assert cases == ["../../../cases/sorting-case/", "../../../cases/turnover-case/"]
    ecommerce = project.content("industries/ecommerce/battlecard/")
    assert not ecommerce.select(".pb-battlecard__objections")  # none listed: section left out


def test_objection_id_practice_is_reserved(project: Project) -> None:
    project.write(
        "content/objections/practice.yaml", project.read("content/objections/no-time.yaml")
    )
    code, out = project.check()
    assert code == 1
    assert "content/objections/practice.yaml:1:1: id 'practice' is reserved" in out


def test_hostile_text_on_tool_pages_is_escaped(hostile: Project) -> None:  # noqa: F811
    code, out = hostile.build()
    assert code == 0, out
    for url in [
        "objections/",
        "objections/practice/",
        "objections/price-too-high/",
        "industries/warehousing/battlecard/",
    ]:
        article = hostile.content(url)
        assert not article.select("script"), url
        assert not article.select("svg, img"), url
        for tag in article.find_all(True):
            assert not any(attr.startswith("on") for attr in tag.attrs), (url, tag)
        assert "49" not in article.get_text(), url
    finder = hostile.content("objections/")
    item = finder.select_one("li[data-objection=price-too-high]")
    data = json.loads(item["data-search"])  # the attribute survived quoting intact
    assert "<script>alert('xss')</script>" in data["t"]
