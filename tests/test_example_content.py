"""The shipped example playbook: complete, valid, every record exactly once."""

from __future__ import annotations

from collections import Counter

from conftest import REPO, Project
from playbook.catalog import build_catalog
from playbook.load import Settings, load_project
from playbook.urls import RESERVED_IDS


def catalog():  # type: ignore[no-untyped-def]
    result = load_project(Settings(root=REPO))
    assert result.ok, [p.format() for p in result.problems]
    assert result.taxonomy is not None and result.records is not None
    return build_catalog(result.taxonomy, result.records)


def test_example_content_size() -> None:
    c = catalog()
    assert len(c.cases) >= 11  # the source's cases; adding one must not fail
    assert len(c.objections) >= 10
    assert len(c.industries) >= 8
    for objection in c.objections.values():
        assert len(objection.responses) >= 2, objection.id
        assert objection.value_table, objection.id


def test_back_links_are_symmetric() -> None:
    c = catalog()
    for case_id, objection_ids in c.case_objections.items():
        for objection_id in objection_ids:
            assert case_id in c.objection_cases[objection_id]
    for objection_id, case_ids in c.objection_cases.items():
        for case_id in case_ids:
            assert objection_id in c.case_objections[case_id]
    for industry_id, case_ids in c.industry_cases.items():
        assert all(c.cases[i].industry == industry_id for i in case_ids)
    for pain_id, case_ids in c.pain_cases.items():
        assert all(pain_id in c.cases[i].pain_points for i in case_ids)
    assert sum(len(v) for v in c.industry_cases.values()) == len(c.cases)


def test_every_record_appears_exactly_once(example_site: Project) -> None:
    c = catalog()
    for kind, section, records in [
        ("case", "cases", c.cases),
        ("objection", "objections", c.objections),
        ("industry", "industries", c.industries),
    ]:
        pages = sorted(p.parent.name for p in (example_site.site / section).glob("*/index.html"))
        generated = RESERVED_IDS.get(kind, frozenset())  # e.g. /objections/practice/
        assert [p for p in pages if p not in generated] == sorted(records), kind
    index = example_site.content("cases/")
    listed = Counter(a["href"] for a in index.select(".pb-card__title a"))
    assert set(listed) == {f"../cases/{i}/" for i in c.cases}
    assert set(listed.values()) == {1}
    objection_index = example_site.content("objections/")
    listed = Counter(li["data-objection"] for li in objection_index.select("li[data-objection]"))
    assert set(listed) == set(c.objections) and set(listed.values()) == {1}
    industry_index = example_site.content("industries/")
    assert len(industry_index.select(".pb-index li")) == len(c.industries)
    pain_index = example_site.content("pain-points/")
    assert len(pain_index.select(".pb-index li")) == len(c.taxonomy.pain_points)


def test_home_page_has_four_entry_points(example_site: Project) -> None:
    home = example_site.content("")
    cards = home.select(".grid.cards > ul > li")
    assert len(cards) == 4
    hrefs = " ".join(a["href"] for a in home.select(".grid.cards a"))
    assert "pain-points/" in hrefs and "objections/" in hrefs and "guides/add-a-case/" in hrefs
    assert "dashboard/" in hrefs


def test_all_internal_links_resolve(example_site: Project) -> None:
    from urllib.parse import urljoin, urlparse

    site = example_site.site
    missing = []
    for html in site.rglob("index.html"):
        rel = html.parent.relative_to(site).as_posix()
        base = f"http://x/{rel}/" if rel != "." else "http://x/"
        article = example_site.page(str(html.relative_to(site))).select_one("article")
        if article is None:
            continue
        for a in article.select("a[href]"):
            href = a["href"]
            if href.startswith(("http", "mailto:", "#")):
                continue
            target = urlparse(urljoin(base, href)).path.lstrip("/")
            path = site / target
            if not (path.is_file() or (path / "index.html").is_file()):
                missing.append(f"{rel}: {href}")
    assert missing == []
