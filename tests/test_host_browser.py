"""The example playbook behind ``build.py host`` (real Caddy) in Chromium, signed in.

Everything interactive must work under the Content-Security-Policy with no violation.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from conftest import Project
from hosting import PASSWORD, add_user, running_host

pytestmark = pytest.mark.browser

WATCH_CSP = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', e =>
  window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
"""


@pytest.fixture(scope="module")
def hosted(example_site: Project, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    users = tmp_path_factory.mktemp("users") / "users"
    add_user(example_site.root, users, "alice")
    with running_host(
        example_site.root, "--users", str(users), "--site", str(example_site.site)
    ) as url:
        yield url


@pytest.fixture
def signed_in(hosted: str) -> Iterator[Any]:
    from browser import chromium

    credentials = {"username": "alice", "password": PASSWORD}
    with chromium(locale="zh-CN", http_credentials=credentials) as context:
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=hosted.rstrip("/"))
        context.add_init_script(WATCH_CSP)
        yield context


def open_page(context: Any, url: str) -> Any:
    page = context.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda exc: problems.append(str(exc)))
    page.on(
        "console",
        lambda msg: problems.append(msg.text) if msg.type in ("error", "warning") else None,
    )
    page.problems = problems
    page.goto(url)
    return page


def no_violations(page: Any) -> None:
    assert page.evaluate("window.__csp") == []
    assert [p for p in page.problems if "Content Security Policy" in p or "Refused" in p] == []
    assert [p for p in page.problems if "favicon" not in p] == []


def test_search_library_finder_and_copy_work_under_the_csp(
    hosted: str, signed_in: Any, example_site: Project
) -> None:
    # Header search: a word of a case title, taken from the built page.
    case_page = sorted((example_site.site / "cases").glob("*/index.html"))[0]
    url = hosted + case_page.parent.relative_to(example_site.site).as_posix() + "/"
    page = open_page(signed_in, url)
    title = page.locator("h1").inner_text()
    page.keyboard.press("/")
    page.keyboard.type(title[:4])
    page.wait_for_selector(".pb-search__hit")
    assert page.locator(".pb-search__link").count() > 0
    no_violations(page)

    # Case library: one facet value narrows the list to the count it shows.
    page = open_page(signed_in, hosted + "cases/")
    page.wait_for_selector("#pb-library[data-ready]")
    total = page.locator("#pb-case-list .pb-card").count()
    option = page.locator(".pb-facet[data-facet='industry'] label").first
    count = int(option.locator(".pb-facet__count").inner_text().strip("()"))
    option.locator("input").check()
    page.wait_for_function(
        "n => document.querySelectorAll('#pb-case-list .pb-card').length === n", arg=count
    )
    assert 0 < count < total and "industry=" in page.url
    no_violations(page)

    # Objection finder: typing narrows the list; then a copy button on an objection page.
    page = open_page(signed_in, hosted + "objections/")
    items = page.locator("#pb-finder-results > li")
    first = items.first.get_attribute("data-objection")
    query = items.first.evaluate("li => JSON.parse(li.dataset.search).t")
    page.locator("#pb-finder-input").focus()
    page.keyboard.type(query[:4])
    shown = page.eval_on_selector_all(
        "#pb-finder-results > li:not([hidden])", "els => els.map(e => e.dataset.objection)"
    )
    assert first in shown and len(shown) < items.count()
    no_violations(page)
    page = open_page(signed_in, hosted + f"objections/{first}/")
    button = page.locator("button[data-pb-copy]").first
    button.click()
    status = page.locator(".pb-copy-status").first
    assert status.inner_text() == status.get_attribute("data-copied")
    assert page.evaluate("navigator.clipboard.readText()").strip()
    no_violations(page)

    # Style attributes (Markdown table alignment) are allowed; nothing else inline is needed.
    styled = next(
        (f for f in sorted(example_site.site.rglob("*.html")) if 'style="' in f.read_text("utf-8")),
        None,
    )
    if styled is not None:
        page = open_page(signed_in, hosted + styled.relative_to(example_site.site).as_posix())
        page.wait_for_load_state("load")
        no_violations(page)
