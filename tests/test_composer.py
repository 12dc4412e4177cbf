"""The case composer's page and data, and "edit this page" links, in built fixture sites."""

from __future__ import annotations

import json
from typing import Any

import pytest
from conftest import FILES, MKDOCS_YML, Project
from playbook.site.codehost import CodeHost, host_kind

PLUGIN = "plugins:\n  - playbook\n"


def built(root: Any, head: str = "", options: str = "") -> Project:
    """The fixture project with ``head`` before mkdocs.yml and plugin ``options``, built."""
    p = Project(root)
    for rel, text in FILES.items():
        p.write(rel, text)
    plugin = "plugins:\n  - playbook:\n      search: false\n" + options
    p.write("mkdocs.yml", head + MKDOCS_YML.replace(PLUGIN, plugin))
    code, out = p.build()
    assert code == 0, out
    return p


@pytest.fixture(scope="module")
def github(tmp_path_factory: pytest.TempPathFactory) -> Project:
    return built(
        tmp_path_factory.mktemp("gh") / "p", "repo_url: https://github.com/acme/playbook/\n"
    )


@pytest.fixture(scope="module")
def gitlab(tmp_path_factory: pytest.TempPathFactory) -> Project:
    return built(
        tmp_path_factory.mktemp("gl") / "p",
        "repo_url: https://gitlab.example.com/sales/playbook\n",
        "      language: en\n      branch: release/2026\n",
    )


def composer_data(p: Project) -> dict[str, Any]:
    """The data file the composer page fetches (no inline script holds it)."""
    page = p.page("cases/new/")
    assert page.select("article script") == []
    src = page.select_one("#pb-composer")["data-src"]
    assert src.startswith("../../cases/composer.json?v=")
    text = (p.site / "cases/composer.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def edit_links(p: Project, url: str) -> list[str]:
    return [a["href"] for a in p.content(url).select("a.pb-edit-link")]


def test_every_record_page_links_to_its_yaml_source(github: Project) -> None:
    base = "https://github.com/acme/playbook/edit/main/"
    assert edit_links(github, "cases/sorting-case/") == [base + "cases/sorting-case.yaml"]
    assert edit_links(github, "objections/no-time/") == [base + "content/objections/no-time.yaml"]
    assert edit_links(github, "industries/ecommerce/") == [
        base + "content/industries/ecommerce.yaml"
    ]
    assert edit_links(github, "pain-points/cash-flow/") == [base + "content/taxonomy.yaml"]
    # Material's own edit button would point into docs_dir: generated pages have none.
    assert github.page("cases/sorting-case/").select(".md-content__button") == []


def test_gitlab_links_and_the_branch_option(gitlab: Project) -> None:
    assert edit_links(gitlab, "cases/turnover-case/") == [
        "https://gitlab.example.com/sales/playbook/-/edit/release/2026/cases/turnover-case.yaml"
    ]
    assert composer_data(gitlab)["host"] == {
        "url": "https://gitlab.example.com/sales/playbook/-/new/release/2026",
        "name_param": "file_name",
        "content_param": "content",
    }


def test_no_repo_url_no_links(project: Project) -> None:
    code, out = project.build()
    assert code == 0, out
    for url in ("cases/sorting-case/", "objections/no-time/", "pain-points/cash-flow/"):
        assert edit_links(project, url) == []
    assert composer_data(project)["host"] is None
    assert project.content("cases/new/").select("#pb-composer-pr") == []


def test_edit_uri_option_replaces_the_default(tmp_path: Any) -> None:
    p = built(
        tmp_path / "p",
        "repo_url: https://git.example.com/acme/playbook\n",
        "      edit_uri: src/branch/main/\n",
    )
    assert edit_links(p, "cases/sorting-case/") == [
        "https://git.example.com/acme/playbook/src/branch/main/cases/sorting-case.yaml"
    ]
    # An unknown host has no known new-file page: the composer offers copy and download.
    assert composer_data(p)["host"] is None


def test_composer_page_has_the_project_s_pickers_and_data(github: Project) -> None:
    form = github.content("cases/new/").select_one("#pb-composer-form")
    assert form is not None
    options = [o["value"] for o in form.select("[data-field='customer.industry'] option")]
    assert options == ["", "ecommerce", "warehousing"]
    pains = [i["value"] for i in form.select("[data-field='pain_points'] input")]
    assert pains == ["cash-flow", "sorting-efficiency", "tax-compliance"]
    objections = form.select("[data-field='objections'] label")
    assert [label.get_text(strip=True) for label in objections] == ["现在没时间", "你们太贵了"]
    data = composer_data(github)
    assert data["metrics"]["turnover-days"] == {
        "label": "库存周转天数",
        "unit": "天",
        "better": "down",
    }
    assert data["case_ids"] == {
        "sorting-case": "cases/sorting-case.yaml",
        "turnover-case": "cases/turnover-case.yaml",
    }
    # The ids taken by generated pages, with the URL check names for each.
    assert data["reserved"] == {
        "cards": "/cases/cards/",
        "index": "/cases/",
        "new": "/cases/new/",
        "page": "/cases/page/",
    }
    assert data["folders"] == {"case": "cases", "industry": "content/industries"}
    assert data["messages"]["field.missing"] == "缺少必填字段 '{field}'"
    assert data["host"]["url"] == "https://github.com/acme/playbook/new/main"
    # Linked from the home page of the example and not a search hit of its own.
    assert "data-pagefind-body" not in str(github.content("cases/new/"))


def test_composer_speaks_english_when_the_site_does(gitlab: Project) -> None:
    data = composer_data(gitlab)
    assert data["lang"] == "en"
    assert data["messages"]["field.missing"] == "missing required field '{field}'"
    assert gitlab.page("cases/new/").select_one("h1").get_text(strip=True) == "New case"


def test_a_case_named_new_is_refused(make_project: Any) -> None:
    p = make_project({"cases/new.yaml": FILES["cases/turnover-case.yaml"]})
    code, out = p.check()
    assert code == 1
    assert "cases/new.yaml:1:1:" in out and "'new'" in out


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("https://github.com/a/b", "github"),
        ("https://GitHub.com/a/b.git", "github"),
        ("https://gitlab.com/a/b", "gitlab"),
        ("https://gitlab.corp.example/a/b", "gitlab"),
        ("https://bitbucket.org/a/b", "other"),
    ],
)
def test_host_kind(url: str, kind: str) -> None:
    assert host_kind(url) == kind


def test_edit_url_quotes_paths() -> None:
    host = CodeHost("https://github.com/a/b", "main")
    assert (
        host.edit_url("cases/a b#c.yaml") == "https://github.com/a/b/edit/main/cases/a%20b%23c.yaml"
    )
