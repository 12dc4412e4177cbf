"""Hostile text in every field is escaped or sanitised (private data: see test_privacy)."""

from __future__ import annotations

import re

import pytest
from conftest import Project

PAYLOADS = [
    "<script>alert('xss')</script>",
    '<img src=x onerror="alert(1)">',
    "[click](javascript:alert(1))",
    "{{ 7*7 }} {% raw %}",
    '<a href="data:text/html,<script>alert(1)</script>">d</a>',
    "<svg onload=alert(1)>",
]
HOSTILE = " ".join(PAYLOADS)


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


@pytest.fixture
def hostile(project: Project) -> Project:
    q = _quoted(HOSTILE)
    project.edit(
        "cases/sorting-case.yaml",
        "title: 分拣效率提升 40%",
        f"title: {_quoted('T ' + PAYLOADS[0])}",
    )
    project.edit(
        "cases/sorting-case.yaml", "summary: 某", f"summary: {_quoted('S ' + PAYLOADS[1])}\n_x: 某"
    )
    project.edit(
        "cases/sorting-case.yaml", "\n_x: 某仓储公司旺季分拣跟不上，改造流程后效率提升。", ""
    )
    project.edit("cases/sorting-case.yaml", "  alias: 某仓储公司", f"  alias: {q}")
    project.edit("cases/sorting-case.yaml", "  region: 华东", f"  region: {q}")
    project.edit("cases/sorting-case.yaml", "  旺季订单翻倍，**分拣**跟不上。", "  " + HOSTILE)
    project.edit("cases/sorting-case.yaml", "  - 先做诊断", "  - " + HOSTILE)
    project.edit("cases/sorting-case.yaml", "    label: 分拣效率", f"    label: {q}")
    project.edit("cases/sorting-case.yaml", '    change: "+40%"', f"    change: {q}")
    project.edit("cases/sorting-case.yaml", "    period: 一个月", f"    period: {q}")
    project.edit("cases/sorting-case.yaml", "  text: 旺季终于不加班了。", f"  text: {q}")
    project.edit("cases/sorting-case.yaml", "  by: 仓库主管", f"  by: {q}")
    o = "content/objections/price-too-high.yaml"
    project.edit(o, "objection: 你们太贵了", f"objection: {q}")
    project.edit(o, "aliases: [价格高, 超预算]", f"aliases: [{q}]")
    project.edit(o, "  - title: 先认同再算账", f"  - title: {q}")
    project.edit(
        o, '    script: "{客户名}，价格确实高 10%，但售后响应快 3 倍。"', f"    script: {q}"
    )
    project.edit(o, "    when: 客户只比较报价时", f"    when: {q}")
    for field in [
        "dimension: 售后响应",
        "ours: 2 小时",
        "alternative: 6 小时",
        "customer_value: 少停机",
    ]:
        name = field.split(":")[0]
        project.edit(o, field, f"{name}: {q}")
    i = "content/industries/warehousing.yaml"
    project.edit(i, "name: 仓储物流", f"name: {q}")
    project.edit(i, "summary: 第三方仓储与物流企业。", f"summary: {q}")
    project.edit(i, "    scenario: 大促期间分拣口堵塞。", f"    scenario: {q}")
    project.edit(i, "decision_chain: 老板拍板，仓库主管影响。", f"decision_chain: {q}")
    project.edit(i, "budget: 年预算 10 万以内", f"budget: {q}")
    project.edit(i, "question: 谁最终拍板？", f"question: {q}")
    t = "content/taxonomy.yaml"
    project.edit(t, "    label: 资金周转", f"    label: {q}")
    return project


def test_hostile_text_is_escaped_or_sanitised(hostile: Project) -> None:
    code, out = hostile.build()
    assert code == 0, out
    for url in [
        "cases/sorting-case/",
        "cases/",
        "objections/price-too-high/",
        "objections/",
        "industries/warehousing/",
        "industries/",
        "pain-points/cash-flow/",
        "pain-points/sorting-efficiency/",
    ]:
        article = hostile.content(url)
        html = str(article)
        assert not article.select("script"), url
        assert not article.select("svg[onload], img[onerror]"), url
        for tag in article.find_all(True):
            for attr, value in tag.attrs.items():
                assert not attr.startswith("on"), (url, tag)
                text = " ".join(value) if isinstance(value, list) else str(value)
                assert not re.match(r"\s*(javascript|data):", text, re.I), (url, tag)
        assert "49" not in article.get_text(), url  # {{ 7*7 }} was not evaluated
        assert "{{ 7*7 }}" in article.get_text() or url in {
            "cases/",
            "objections/",
            "industries/",
            "pain-points/sorting-efficiency/",
        }
        assert "<script>" not in html.replace("&lt;script&gt;", "")


def test_hostile_title_is_escaped_in_head(hostile: Project) -> None:
    hostile.build()
    page = hostile.page("cases/sorting-case/")
    assert "<script>alert" in page.select_one("title").get_text()  # shown as text
    scripts = [s.get_text() for s in page.select("script")]
    assert not any("alert('xss')" in s for s in scripts)
