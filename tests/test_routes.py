"""One route table: no record, pain point or hand-written page takes a generated URL."""

from __future__ import annotations

import pytest
from conftest import CASE, INDUSTRY, OBJECTION, Project
from gitrepo import git, init_repo
from playbook.core import urls


def errors_of(out: str) -> list[str]:
    return [line for line in out.splitlines() if ": " in line and line[:1] not in " ✗✓"]


@pytest.mark.parametrize(
    ("rel", "text", "url"),
    [
        ("cases/index.yaml", CASE, "/cases/"),
        ("cases/page.yaml", CASE, "/cases/page/"),
        ("content/objections/index.yaml", OBJECTION, "/objections/"),
        ("content/objections/practice.yaml", OBJECTION, "/objections/practice/"),
        ("content/industries/index.yaml", INDUSTRY, "/industries/"),
    ],
)
def test_a_record_cannot_take_a_generated_page(
    project: Project, rel: str, text: str, url: str
) -> None:
    project.write(rel, text)
    ident = rel.rpartition("/")[2].removesuffix(".yaml")
    expected = f"{rel}:1:1: id '{ident}' is reserved for a generated page ({url}) (rename the file)"
    code, out = project.check()
    assert code == 1 and errors_of(out) == [expected], out
    code, out = project.build("--strict")
    assert code == 1 and expected in out
    assert not project.site.exists()


def test_a_pain_point_cannot_take_the_pain_point_index(project: Project) -> None:
    project.edit("content/taxonomy.yaml", "  - id: tax-compliance", "  - id: index")
    code, out = project.check()
    assert code == 1
    assert (
        "content/taxonomy.yaml:8:9: id 'index' is reserved for a generated page (/pain-points/)"
        in out
    )


@pytest.mark.parametrize(
    ("page", "owner"),
    [
        ("cases/sorting-case.md", "the page generated from cases/sorting-case.yaml"),
        ("cases.md", "the cases index page"),
        ("objections/README.md", "the objections index page"),
        ("objections/practice.md", "the objection practice page"),
        (
            "industries/warehousing/battlecard.md",
            "the battlecard generated from content/industries/warehousing.yaml",
        ),
        ("pain-points/cash-flow.md", "the page generated from content/taxonomy.yaml"),
        ("health.md", "the content-health page"),
        ("cases/page/2.md", "the generated folder /cases/"),
        ("pagefind/index.md", "the generated folder /pagefind/"),
        ("assets/playbook/x.md", "the generated folder /assets/"),
        ("search/index.md", "the generated folder /search/"),
    ],
)
def test_a_hand_written_page_cannot_take_a_generated_url(
    project: Project, page: str, owner: str
) -> None:
    project.write(f"content/{page}", "# 手写页\n\n接管页面。\n")
    url = urls.site_path(page)
    expected = f"content/{page}:1:1: page URL {url} is taken by {owner} (rename or move the page)"
    code, out = project.check()
    assert code == 1 and errors_of(out) == [expected], out
    code, out = project.build()
    assert code == 1 and expected in out


def test_two_pages_with_one_url(project: Project) -> None:
    project.write("content/guide.md", "# A\n")
    project.write("content/guide/index.md", "# B\n")
    code, out = project.check()
    assert code == 1
    assert errors_of(out) == [
        "content/guide/index.md:1:1: page URL /guide/ is taken by content/guide.md "
        "(rename one of the two pages)"
    ]


def test_every_generated_url_is_owned_by_the_table(project: Project) -> None:
    """The table knows every page the build writes: each generated HTML file has an owner."""
    code, out = project.build()
    assert code == 0, out
    ids = {
        "case": {"sorting-case": "x", "turnover-case": "x"},
        "objection": {"price-too-high": "x", "no-time": "x"},
        "industry": {"warehousing": "x", "ecommerce": "x"},
        "pain_point": {"cash-flow": "x", "sorting-efficiency": "x", "tax-compliance": "x"},
    }
    pages = [
        p.relative_to(project.site).as_posix().removesuffix("index.html")
        for p in project.site.rglob("index.html")
    ]
    unowned = [p for p in pages if urls.generated_owner(p, ids) is None]
    assert unowned == [""]  # only the hand-written home page


def test_changed_since_reports_the_refused_record_not_a_page(project: Project) -> None:
    init_repo(project.root)
    git(project.root, "checkout", "-q", "-b", "feature")
    project.write("cases/index.yaml", CASE)
    code, out = project.run("check", "--changed-since", "main")
    assert code == 1
    assert "Problems in changed files (1):\n  cases/index.yaml:1:1: id 'index' is reserved" in out
    assert "/cases/index/" not in out
