"""The repository's own playbook: complete, valid, every record exactly once.

These tests check whatever content the team keeps (the example, or its own): every
expectation comes from the files, and the real date is used, so adding, changing or
deleting a valid record never makes them fail.
"""

from __future__ import annotations

from collections import Counter

import pytest
from conftest import REPO, Project
from playbook.core.urls import RESERVED_IDS
from playbook.derive.catalog import build_catalog
from playbook.ingest.load import KIND_FOLDERS, Settings, load_project

pytestmark = pytest.mark.usefixtures("real_today")


def record_files(kind: str) -> list[str]:
    """Ids of the record files of ``kind`` in the repository (the expectation)."""
    folder = REPO / KIND_FOLDERS[kind]
    return sorted(f.stem for f in folder.rglob("*.yaml")) if folder.is_dir() else []


def catalog():  # type: ignore[no-untyped-def]
    result = load_project(Settings(root=REPO))
    assert result.ok, [p.format() for p in result.problems]
    assert result.taxonomy is not None and result.records is not None
    return build_catalog(result.taxonomy, result.records)


def test_every_record_file_is_loaded() -> None:
    c = catalog()
    assert sorted(c.cases) == record_files("case")
    assert sorted(c.objections) == record_files("objection")
    assert sorted(c.industries) == record_files("industry")
    for objection in c.objections.values():
        assert objection.responses and objection.value_table, objection.id


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


def test_every_record_appears_exactly_once(repo_site: Project) -> None:
    c = catalog()
    example_site = repo_site
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
    assert set(listed.values()) <= {1}  # each exactly once
    objection_index = example_site.content("objections/")
    listed = Counter(li["data-objection"] for li in objection_index.select("li[data-objection]"))
    assert set(listed) == set(c.objections) and set(listed.values()) <= {1}
    industry_index = example_site.content("industries/")
    assert len(industry_index.select(".pb-index li")) == len(c.industries)
    pain_index = example_site.content("pain-points/")
    assert len(pain_index.select(".pb-index li")) == len(c.taxonomy.pain_points)


def test_home_page_has_the_entry_points(repo_site: Project) -> None:
    home = repo_site.content("")
    assert len(home.select(".grid.cards > ul > li")) >= 3  # a team may add its own
    hrefs = " ".join(a["href"] for a in home.select(".grid.cards a"))
    assert "pain-points/" in hrefs and "objections/" in hrefs and "guides/add-a-case/" in hrefs


def test_all_internal_links_resolve(repo_site: Project) -> None:
    from urllib.parse import urljoin, urlparse

    example_site = repo_site
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
