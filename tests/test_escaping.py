"""Titles with ``&`` and ``<`` are escaped exactly once: headings, titles, nav, search."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest
from conftest import FILES, MKDOCS_YML, TODAY, Project

TITLE = "R&D 部门交付周期 <3 天"
PAGE_TITLE = "R&D 手册 <必读>"
HEADING_TITLE = "R&D 流程 <5 步"


def _words(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Project:
    project = Project(tmp_path_factory.mktemp("escape") / "proj")
    for rel, text in FILES.items():
        project.write(rel, text)
    project.edit("cases/sorting-case.yaml", "title: 分拣效率提升 40%", f'title: "{TITLE}"')
    project.write("content/guides/front.md", f'---\ntitle: "{PAGE_TITLE}"\n---\n\n正文 甲乙丙\n')
    project.write("content/guides/heading.md", f"# {HEADING_TITLE}\n\n正文 丁戊己\n")
    project.write(
        "mkdocs.yml",
        MKDOCS_YML
        + "nav:\n  - index.md\n  - cases/index.md\n  - cases/sorting-case.md\n"
        + "  - guides/front.md\n  - guides/heading.md\n",
    )
    os.environ["PLAYBOOK_TODAY"] = TODAY
    code, out = project.build()
    assert code == 0, out
    return project


@pytest.mark.parametrize(
    ("url", "title"),
    [
        ("cases/sorting-case/", TITLE),
        ("guides/front/", PAGE_TITLE),
        ("guides/heading/", HEADING_TITLE),
    ],
)
def test_heading_title_and_nav_show_the_text_once_escaped(
    site: Project, url: str, title: str
) -> None:
    page = site.page(url)
    assert _words(page.select_one("article h1").get_text()) == title
    assert page.title is not None and page.title.get_text().startswith(title)
    nav = {_words(a.get_text()) for a in page.select("nav.md-nav a")}
    assert title in nav
    html = (site.site / url / "index.html").read_text(encoding="utf-8")
    assert "&amp;amp;" not in html and "&amp;lt;" not in html
    assert "<必读>" not in html.split("</title>", 1)[1]  # escaped, never raw markup
    # (Material prints <title> through striptags, which unescapes: raw there, as RCDATA.)


@pytest.fixture(scope="module")
def site_url(site: Project) -> Iterator[str]:
    from browser import serve_dir

    with serve_dir(site.site) as url:
        yield url


@pytest.mark.browser
def test_search_results_show_the_titles_once_escaped(site_url: str, browser_context: Any) -> None:
    page = browser_context.new_page()
    page.goto(site_url, wait_until="load")
    page.wait_for_selector("#pb-search-input", state="visible")
    for query, title in (
        ("部门交付周期", TITLE),
        ("甲乙丙", PAGE_TITLE),
        ("丁戊己", HEADING_TITLE),
    ):
        page.fill("#pb-search-input", query)
        link = page.locator(".pb-search__link").first
        link.wait_for(timeout=30000)
        page.wait_for_function(
            "t => [...document.querySelectorAll('.pb-search__link')].some(a => a.textContent === t)",
            arg=title,
            timeout=30000,
        )
