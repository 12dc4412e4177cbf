"""A sense of place on generated pages: the active header tab and the breadcrumb."""

from __future__ import annotations

from conftest import Project
from playbook.site.i18n import translator
from playbook.site.places import tab_for, trail

t = translator("zh")


def test_trail_follows_the_url() -> None:
    assert trail("", t, {}) == [("首页", "")]
    assert trail("cases/x/", t, {}) == [("首页", ""), ("案例库", "cases/")]
    assert trail("cases/page/2/", t, {}) == [("首页", ""), ("案例库", "cases/")]
    assert trail("industries/shop/battlecard/", t, {"industries/shop/": "电商"}) == [
        ("首页", ""),
        ("行业画像", "industries/"),
        ("电商", "industries/shop/"),
    ]


def test_tab_for_a_page_is_its_sections_tab_or_home() -> None:
    tabs = ["", "cases/", "objections/", "playbook/"]
    assert tab_for("cases/x/", tabs) == "cases/"
    assert tab_for("objections/practice/", tabs) == "objections/"
    assert tab_for("health/", tabs) == ""
    assert tab_for("industries/x/", ["cases/"]) is None


def test_every_generated_page_kind_has_its_tab_and_breadcrumb(project: Project) -> None:
    project.edit("mkdocs.yml", "  font: false\n", "  font: false\n  features: [navigation.tabs]\n")
    code, out = project.build()
    assert code == 0, out
    expected = {
        "cases/sorting-case/": ("案例库", ["首页", "案例库"]),
        "objections/price-too-high/": ("异议处理", ["首页", "异议处理"]),
        "objections/practice/": ("异议处理", ["首页", "异议处理"]),
        "industries/warehousing/": ("行业画像", ["首页", "行业画像"]),
        "industries/warehousing/battlecard/": ("行业画像", ["首页", "行业画像", "仓储物流"]),
        "pain-points/cash-flow/": ("痛点", ["首页", "痛点"]),
        "cases/": ("案例库", ["首页"]),
        "health/": ("首页", ["首页"]),
    }
    for url, (tab, crumbs) in expected.items():
        page = project.page(url)
        active = page.select(".md-tabs__item--active")
        assert [a.get_text(strip=True) for a in active] == [tab], url
        nav = page.select_one("nav.pb-breadcrumb")
        assert [a.get_text() for a in nav.select("li a")] == crumbs, url
        current = nav.select_one("li[aria-current=page]").get_text()
        assert current == page.select_one("article h1").get_text(), url
        assert len(page.select("article h1")) == 1, url
    # Links in the trail lead to real pages.
    battlecard = project.page("industries/warehousing/battlecard/")
    hrefs = [a["href"] for a in battlecard.select("nav.pb-breadcrumb a")]
    assert hrefs == ["../../../", "../../../industries/", "../../../industries/warehousing/"]
