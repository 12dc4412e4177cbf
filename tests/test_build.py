"""Build the fixture project through the CLI and assert on the generated HTML."""

from __future__ import annotations

import pytest
from conftest import Project


def links(project: Project, url: str) -> set[str]:
    return {a["href"] for a in project.content(url).select("a[href]")}


def test_build_writes_permalinks_and_indexes(project: Project) -> None:
    code, out = project.build()
    assert code == 0, out
    for url in [
        "cases/sorting-case/",
        "cases/turnover-case/",
        "objections/price-too-high/",
        "objections/no-time/",
        "industries/warehousing/",
        "industries/ecommerce/",
        "pain-points/cash-flow/",
        "pain-points/sorting-efficiency/",
        "pain-points/tax-compliance/",
        "cases/",
        "objections/",
        "industries/",
        "pain-points/",
    ]:
        assert (project.site / url / "index.html").is_file(), url
    assert "✓ built 2 cases, 2 objections, 2 industries" in out
    assert "load" in out and "validate" in out and "render" in out


def test_build_summary_is_in_the_site_s_language(project: Project) -> None:
    project.lang = None  # the fixture site's language: zh
    out = project.build_ok()
    assert "✓ 已生成 2 个案例、2 个异议、2 个行业的页面（生成页面 " in out
    assert "MB，在 site/" in out


def test_case_page_content(project: Project) -> None:
    project.build_ok()
    page = project.content("cases/sorting-case/")
    assert page.select_one("h1").get_text() == "分拣效率提升 40%"
    assert page.select_one(".pb-metric__value").get_text() == "+40%"
    assert "旺季订单翻倍" in page.select_one(".pb-markdown").get_text()
    assert page.select_one(".pb-markdown strong").get_text() == "分拣"
    assert page.select_one(".pb-quote").get_text(" ", strip=True) == "旺季终于不加班了。 — 仓库主管"
    assert "../../industries/warehousing/" in links(project, "cases/sorting-case/")
    assert "../../pain-points/sorting-efficiency/" in links(project, "cases/sorting-case/")
    footer = page.select_one(".pb-record-footer").get_text(" ", strip=True)
    assert "@alice" in footer and "2026-10-01" in footer


def test_before_after_results(project: Project) -> None:
    project.build_ok()
    page = project.content("cases/turnover-case/")
    assert page.select_one(".pb-metric__value").get_text() == "15 天 → 7 天"
    row = page.select_one(".pb-results tbody tr")
    cells = {td["data-label"]: td.get_text() for td in row.select("td")}
    assert cells["之前"] == "15 天" and cells["之后"] == "7 天"
    # No result of this case has a `change`: that column is left out.
    assert "变化" not in [th.get_text() for th in page.select(".pb-results thead th")]


def test_back_links_between_cases_and_objections(project: Project) -> None:
    project.build_ok()
    # sorting-case cites the objection; turnover-case is the objection's proof.
    objection_links = links(project, "objections/price-too-high/")
    assert {"../../cases/sorting-case/", "../../cases/turnover-case/"} <= objection_links
    assert "../../objections/price-too-high/" in links(project, "cases/sorting-case/")
    assert "../../objections/price-too-high/" in links(project, "cases/turnover-case/")
    assert not any(
        "objections/" in href
        for href in links(project, "cases/turnover-case/") - {"../../objections/price-too-high/"}
    )
    proof = project.content("objections/price-too-high/").select_one("#proof + ul").get_text()
    assert "15 天 → 7 天" in proof  # proof cases are linked by their headline result


def test_industry_and_pain_point_pages(project: Project) -> None:
    project.build_ok()
    industry = project.content("industries/warehousing/")
    assert [a["href"] for a in industry.select(".pb-card__title a")] == [
        "../../cases/sorting-case/"
    ]
    assert len(industry.select(".pb-questions li")) == 3
    assert "../../objections/price-too-high/" in links(project, "industries/warehousing/")
    ecommerce = project.content("industries/ecommerce/")
    assert [li.get_text() for li in ecommerce.select("#decision-chain + ul li")] == [
        "老板决定",
        "运营主管提需求",
    ]

    pain = project.content("pain-points/sorting-efficiency/")
    assert {a["href"] for a in pain.select(".pb-card__title a")} == {
        "../../cases/sorting-case/",
        "../../cases/turnover-case/",
    }
    pain_links = links(project, "pain-points/sorting-efficiency/")
    assert "../../objections/price-too-high/" in pain_links
    assert "../../industries/warehousing/" in pain_links
    empty = project.content("pain-points/tax-compliance/")
    assert not empty.select(".pb-card")


def test_sidebar_lists_sections_not_records(project: Project) -> None:
    project.build_ok()
    nav = project.page("cases/").select_one("nav.md-nav--primary")
    hrefs = [a.get("href", "") for a in nav.select("a")]
    assert not any("sorting-case" in h for h in hrefs)


def test_yaml_sources_are_not_copied(project: Project) -> None:
    project.build_ok()
    assert not list(project.site.rglob("*.yaml"))


def test_failed_build_writes_nothing_and_keeps_previous_site(project: Project) -> None:
    code, out = project.build()
    assert code == 0, out
    before = (project.site / "cases/sorting-case/index.html").read_bytes()
    project.edit("cases/sorting-case.yaml", "title:", "titel:")
    code, out = project.build()
    assert code == 1
    assert "cases/sorting-case.yaml:1:1: unknown field 'titel'" in out
    assert "nothing was written" in out
    assert (project.site / "cases/sorting-case/index.html").read_bytes() == before
    assert not list(project.root.glob(".site-*"))


def test_failed_first_build_creates_no_site(project: Project) -> None:
    project.edit("cases/sorting-case.yaml", "industry: warehousing", "industry: nope")
    code, _ = project.build()
    assert code == 1
    assert not project.site.exists()


def test_mkdocs_build_reports_problems_through_plugin(
    project: Project, caplog: pytest.LogCaptureFixture
) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    project.edit("cases/sorting-case.yaml", "tier: a", "tier: z")
    config = load_config(config_file=str(project.root / "mkdocs.yml"))
    with pytest.raises(Abort):
        build(config)
    # MkDocs speaks the site's language (zh in the fixture's mkdocs.yml).
    assert (
        "cases/sorting-case.yaml:11:7: 未知的客户分级 'z' (可用的客户分级 id：a, b)" in caplog.text
    )


def test_template_override(project: Project) -> None:
    project.write(
        "overrides/playbook/records/pain_point.html", "<p class='custom'>{{ pain.label }}</p>\n"
    )
    project.build_ok()
    assert project.content("pain-points/cash-flow/").select_one(".custom").get_text() == "资金周转"


def test_template_override_replaces_one_named_block(project: Project) -> None:
    """An override extends the built-in template and replaces only its footer block."""
    project.write(
        "overrides/playbook/records/case.html",
        '{% extends "playbook/records/case.html" %}\n'
        "{% block footer %}<p class='team-footer'>{{ case.owner }}</p>{% endblock %}\n",
    )
    project.build_ok()
    page = project.content("cases/sorting-case/")
    assert page.select_one(".team-footer").get_text() == "@alice"
    assert page.select_one(".pb-record-footer") is None  # the block was replaced
    assert [h.get_text() for h in page.select("h2")][:3] == ["挑战", "做法", "成果"]
    assert page.select_one(".pb-headline .pb-metric__value")  # the other blocks stay


def test_english_ui_strings(project: Project) -> None:
    project.edit("mkdocs.yml", "  - playbook\n", "  - playbook:\n      language: en\n")
    project.build_ok()
    headings = [h.get_text() for h in project.content("cases/sorting-case/").select("h2")]
    assert headings[:3] == ["Challenge", "Approach", "Results"]


def test_chinese_ui_strings_by_default(project: Project) -> None:
    project.build_ok()
    headings = [h.get_text() for h in project.content("cases/sorting-case/").select("h2")]
    assert headings[:3] == ["挑战", "做法", "成果"]
    assert project.page("cases/").select_one("html")["lang"].startswith("zh")
