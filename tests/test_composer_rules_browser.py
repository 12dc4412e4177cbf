"""The case composer's pure modules (assets/composer_rules.js, composer_yaml.js), called
directly in Chromium and compared with the Python side they mirror."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import yaml
from playbook.core.privacy import browser_patterns, find_personal_data

pytestmark = pytest.mark.browser

ASSETS = "plugins/playbook/site/assets/"

TRICKY = [
    "yes",
    "No",
    "on",
    "OFF",
    "y",
    "null",
    "~",
    "123",
    "0123",
    "0x1F",
    "1e3",
    ".5",
    ".inf",
    "-.inf",
    ".NaN",
    "2026-01-01",
    "12:30",
    "+40%",
    "-45%",
    "-",
    "- x",
    "a: b",
    "a #b",
    "#x",
    "@x",
    "`x",
    "'q'",
    '"dq"',
    "x:",
    "tab\there",
    "%p",
    "&a",
    "*a",
    "!t",
    "|p",
    ">f",
    "[a]",
    "{a}",
    "a, b",
    "?q",
    "<<",
    "=",
    "back\\slash",
    "中文：冒号",
    "某公司 #1",
    "emoji 😀",
    "sep\u2028here",
    "nel\x85here",
    "bom\ufeffhere",
    "del\x7fhere",
    "bell\x07here",
    "１２３",
    "{{ 1 + 1 }}",
    "<script>alert(1)</script>",
    "普通的中文文字",
]
MULTI_LINE = ["两行\n文字", "空行\n\n之后", "- 列表\n- 两项", "a: b\n# 不是注释", "tab\n\t缩进"]


@pytest.fixture(scope="module")
def page() -> Iterator[Any]:
    from browser import chromium
    from conftest import REPO

    with chromium() as context:
        page = context.new_page()
        page.set_content("<!doctype html><meta charset=utf-8><title>rules</title>")
        for name in ("composer_rules.js", "composer_yaml.js"):
            page.add_script_tag(path=str(REPO / ASSETS / name))
        yield page


def test_every_text_reads_back_as_written(page: Any) -> None:
    texts = page.evaluate(
        """(texts) => texts.map(t => PlaybookComposerYaml.caseYaml({title: t}, ""))""",
        TRICKY + MULTI_LINE,
    )
    for original, text in zip(TRICKY + MULTI_LINE, texts, strict=True):
        value = yaml.safe_load(text)["title"]
        # A literal block keeps one final line break; check strips texts anyway.
        assert value.rstrip("\n") == original, text
    plain = dict(zip(TRICKY, texts, strict=False))
    assert plain["普通的中文文字"] == "title: 普通的中文文字\n"  # readable where it is safe


def test_case_file_layout(page: Any) -> None:
    text = page.evaluate(
        """() => PlaybookComposerYaml.caseYaml(PlaybookComposerRules.clean({
          title: " 标题 ", summary: "", customer: {alias: "某公司", industry: "no", size: "", region: ""},
          pain_points: ["cash-flow"], stages: [], tier: "", challenge: "第一行\\n第二行",
          approach: "做法", results: [{metric: "m", label: "l", change: "+1%", before: "", after: "",
          period: ""}, {metric: "", label: "", change: "", before: "", after: "", period: ""}],
          quote: {text: "", by: ""}, objections: [], owner: "@me", reviewed: "2026-11-27",
          private: {customer_name: "真名", contact: ""}}), "# head\\n")"""
    )
    assert text == (
        "# head\n"
        "title: 标题\n"
        "customer:\n"
        "  alias: 某公司\n"
        '  industry: "no"\n'
        "pain_points:\n"
        "  - cash-flow\n"
        "challenge: |\n"
        "  第一行\n"
        "  第二行\n"
        "approach: 做法\n"
        "results:\n"
        "  - metric: m\n"
        "    label: l\n"
        '    change: "+1%"\n'
        'owner: "@me"\n'
        "reviewed: 2026-11-27\n"
        "private:\n"
        "  customer_name: 真名\n"
    )


PERSONAL = [
    "电话 13812345678",
    "电话 138 1234 5678",
    "电话 +86-138-1234-5678",
    "订单号 213812345678901",
    "价格 1380.12345678",
    "全角 １３８１２３４５６７８",
    "wang@example.com",
    "a@b",
    "11010519491231002X",
    "110105194912310021",
    "身份证 11010519491231002x 号",
    "电话 021-62345678",
    "139<!-- -->12345678",
    "1\u200b39 1234 5678",
    "zhang＠x.com",
    "138.1234.5678",
    "普通文字，没有个人信息",
]


def test_personal_data_is_found_as_in_python(page: Any) -> None:
    found = page.evaluate(
        "([texts, patterns]) => texts.map(t => PlaybookComposerRules.personalData(t, patterns))",
        [PERSONAL, browser_patterns()],
    )
    expected = [find_personal_data(t) for t in PERSONAL]
    assert found == [{"kind": e.kind, "masked": e.masked} if e else None for e in expected]
    assert found[0]["kind"] == "personal.mobile" and found[-1] is None


def test_messages_render_like_the_python_catalog(page: Any) -> None:
    rendered = page.evaluate(
        """() => PlaybookComposerRules.render(
          {code: "field.personal", args: {field: "title", kind: {code: "personal.email", args: {}}}},
          {"field.personal": "'{field}' 含有{kind}", "personal.email": "邮箱地址"})"""
    )
    assert rendered == "'title' 含有邮箱地址"


CHANGES = [
    "50", "-50", "+50", "−50", "0.5", "1,200", "减少50", "提升 50", "减少50%", "+40%", "-45%",
    "25%", "12 条", "3 倍", "＋40％", "－20%", "提升 40%", "降低 3 天", "约50", "-", "下降", "+ 12",
]  # fmt: skip
FIGURES = [("15 天", "7 天"), ("7", "15"), ("1,200 元", "900 元"), ("3", "3"), ("很多", "更多")]


def test_content_rules_agree_with_python(page: Any) -> None:
    """Bare numbers, directions, units, masks and legal suffixes: the same on both sides."""
    from playbook.ingest.contentrules import (
        browser_rules,
        change_direction,
        figures_direction,
        is_bare_number,
        legal_suffix,
        mask,
        with_unit,
    )

    rules = browser_rules()
    got = page.evaluate(
        """([changes, figures, rules]) => {
          const R = PlaybookComposerRules;
          return {
            bare: changes.map(t => R.isBareNumber(t, rules)),
            way: changes.map(t => R.direction({change: t}, rules)),
            figures: figures.map(([b, a]) => R.direction({before: b, after: a}, rules)),
            units: ["15", "3.2", "12", "15 天"].flatMap(v => ["天", "%", "小时"].map(u => R.withUnit(v, u, rules))),
            masks: ["王五", "王经理", "上海鲜达", "上海鲜达冷链物流有限公司"].map(R.mask),
            suffix: ["某冷链公司", "鲜达集团", "Xianda Co., Ltd.", "XIANDA INC", "Incubator 公司"]
              .map(a => { const m = new RegExp(rules.legal_suffix, "iu").exec(a); return m ? m[0] : null; }),
          };
        }""",
        [CHANGES, FIGURES, rules],
    )
    assert got == {
        "bare": [is_bare_number(t) for t in CHANGES],
        "way": [change_direction(t) for t in CHANGES],
        "figures": [figures_direction(b, a) for b, a in FIGURES],
        "units": [
            with_unit(v, u) for v in ("15", "3.2", "12", "15 天") for u in ("天", "%", "小时")
        ],
        "masks": [mask(v) for v in ("王五", "王经理", "上海鲜达", "上海鲜达冷链物流有限公司")],
        "suffix": [
            legal_suffix(a)
            for a in ("某冷链公司", "鲜达集团", "Xianda Co., Ltd.", "XIANDA INC", "Incubator 公司")
        ],
    }
    assert got["bare"][:8] == [True] * 8 and got["way"][6] == "down"
    assert got["suffix"] == [None, "集团", "Co., Ltd.", "INC", None]
