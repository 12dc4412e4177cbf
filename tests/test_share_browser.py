"""Share, print and the way back, in real Chromium: copy-link on case and objection pages,
the case page on one A4 page without the site chrome, and "back to the library" with
the filters last used."""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from typing import Any

import pytest
from browser import serve_dir
from conftest import FILES, TODAY, Project

pytestmark = pytest.mark.browser

CLIPBOARD = ["clipboard-read", "clipboard-write"]


@pytest.fixture(scope="module")
def fixture_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The small fixture project, built and served (its cases are of everyday length)."""
    os.environ["PLAYBOOK_TODAY"] = TODAY
    project = Project(tmp_path_factory.mktemp("share") / "proj")
    for rel, text in FILES.items():
        project.write(rel, text)
    code, out = project.build()
    assert code == 0, out
    with serve_dir(project.site) as url:
        yield url


@pytest.mark.parametrize("path", ["cases/sorting-case/", "objections/price-too-high/"])
def test_copy_link_puts_title_and_permalink_on_the_clipboard(
    fixture_url: str, browser_context: Any, path: str
) -> None:
    browser_context.grant_permissions(CLIPBOARD, origin=fixture_url.rstrip("/"))
    page = browser_context.new_page()
    page.goto(fixture_url + path + "?from=chat#results")
    title = page.locator("article h1").inner_text()
    button = page.locator("button[data-pb-share]")
    button.click()
    page.wait_for_function("document.querySelector('.pb-share__status').textContent")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == f"{title}\n{fixture_url}{path}"  # the permalink: no query, no anchor


def test_case_prints_on_one_a4_page_without_chrome(fixture_url: str, browser_context: Any) -> None:
    from pypdf import PdfReader

    page = browser_context.new_page()
    page.goto(fixture_url + "cases/sorting-case/")
    assert page.locator("button[data-pb-print]").is_visible()
    page.emulate_media(media="print")
    for hidden in (
        ".md-header",
        ".md-footer",
        ".md-sidebar--primary",
        ".pb-breadcrumb",
        ".pb-actions",
    ):
        assert page.locator(hidden).first.is_hidden(), hidden
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))
    assert len(pdf.pages) == 1
    text = "".join(pdf.pages[0].extract_text().split())
    assert "+40%" in text and "@alice" in text  # from the headline to the record footer


def test_back_to_the_library_restores_the_last_filters(
    example_url: str, browser_context: Any
) -> None:
    page = browser_context.new_page()
    page.goto(example_url + "cases/")
    page.wait_for_selector("#pb-library[data-ready]")
    toggle = page.locator(".pb-facet[data-facet='industry'] .pb-facet__toggle")
    toggle.click()
    page.locator(".pb-facet[data-facet='industry'] input:not(:disabled)").first.check()
    query = page.evaluate("location.search")
    assert query.startswith("?industry=")
    page.keyboard.press("Escape")  # close the menu
    page.locator("#pb-case-list .pb-card__title a").first.click()
    page.wait_for_url("**/cases/*/")
    back = page.locator("a[data-pb-back]")
    assert back.get_attribute("href").endswith("/cases/" + query)
    back.click()
    page.wait_for_selector("#pb-library[data-ready]")
    assert page.evaluate("location.search") == query
    assert page.locator("#pb-library-active .pb-library__chip").count() == 1
    # A fresh session has nothing stored: the link is the plain library.
    case_url = (
        example_url
        + "cases/"
        + str(page.locator(".pb-card").first.get_attribute("data-case"))
        + "/"
    )
    other = browser_context.browser.new_context()
    try:
        fresh = other.new_page()
        fresh.goto(case_url)
        assert fresh.locator("a[data-pb-back]").get_attribute("href") == "../../cases/"
    finally:
        other.close()
