"""Site-wide Pagefind search in real Chromium on the example playbook.

Expected hits are computed from the example YAML and Markdown: a record (or page) is
expected for a query when its published text contains the query.
"""

from __future__ import annotations

from typing import Any

import pytest
import yaml
from conftest import EXAMPLE as REPO

pytestmark = pytest.mark.browser

QUERIES = ["仓储", "分拣效率", "账期", "价格高", "40%"]


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return [str(value)]


def published_texts() -> dict[str, str]:
    """URL → the published text of every record and hand-written page of the example."""
    texts: dict[str, str] = {}
    for folder, section in [
        (REPO / "cases", "cases"),
        (REPO / "content" / "objections", "objections"),
        (REPO / "content" / "industries", "industries"),
    ]:
        for file in folder.glob("*.yaml"):
            data = yaml.safe_load(file.read_text(encoding="utf-8"))
            data.pop("private", None)
            texts[f"/{section}/{file.stem}/"] = " ".join(_strings(data))
    taxonomy = yaml.safe_load((REPO / "content" / "taxonomy.yaml").read_text(encoding="utf-8"))
    for pain in taxonomy["pain_points"]:
        texts[f"/pain-points/{pain['id']}/"] = " ".join(_strings(pain))
    for page in (REPO / "content").rglob("*.md"):
        rel = page.relative_to(REPO / "content").with_suffix("")
        url = "/" + "/".join(rel.parts[:-1] if rel.name == "index" else rel.parts)
        texts[url.rstrip("/") + "/"] = page.read_text(encoding="utf-8")
    return texts


def expected(query: str) -> set[str]:
    return {url for url, text in published_texts().items() if query.lower() in text.lower()}


def search_urls(page: Any, query: str, kind: str | None = None) -> list[str]:
    return page.evaluate(
        """async ([q, kind]) => {
            const pf = await import('/pagefind/pagefind.js');
            const r = await pf.search(q, kind ? {filters: {kind}} : {});
            return (await Promise.all(r.results.map(x => x.data()))).map(d => d.url);
        }""",
        [query, kind],
    )


def test_each_query_finds_every_record_containing_it(
    example_url: str, browser_context: Any
) -> None:
    page = browser_context.new_page()
    page.goto(example_url)
    missing = {}
    for query in QUERIES:
        want = expected(query)
        assert want, f"the example content should contain {query}"
        got = set(search_urls(page, query))
        if not want <= got:
            missing[query] = sorted(want - got)
    assert missing == {}


def test_objection_aliases_are_searchable_and_kind_narrows(
    example_url: str, browser_context: Any
) -> None:
    page = browser_context.new_page()
    page.goto(example_url)
    assert "/objections/price-too-high/" in search_urls(page, "价格高")  # only in its aliases
    only = search_urls(page, "价格", kind="异议")
    assert only and all(url.startswith("/objections/") for url in only)
    assert "/objections/price-too-high/" in only


def test_header_box_keyboard_kind_badges_and_filter(example_url: str, browser_context: Any) -> None:
    page = browser_context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(example_url + "cases/building-materials-abc-tiering/")
    assert page.locator("#pb-search-panel").is_hidden()
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "pb-search-input"
    page.keyboard.type("仓储")
    page.wait_for_selector(".pb-search__hit")
    all_hits = search_urls(page, "仓储")
    assert page.locator("#pb-search-summary").inner_text() == f"{len(all_hits)} 条结果"
    shown = page.locator(".pb-search__link").evaluate_all(
        "els => els.map(a => new URL(a.href).pathname)"
    )
    assert shown and set(shown) <= set(all_hits)
    badges = set(page.locator(".pb-search__hit .pb-kind").all_inner_texts())
    assert badges <= {"案例", "异议", "行业", "痛点", "手册"} and len(badges) > 1
    case_count = sum(1 for url in all_hits if url.startswith("/cases/"))
    assert 0 < case_count < len(all_hits)
    page.click(".pb-search__kind[data-kind='案例']")
    page.wait_for_function(
        "n => document.querySelector('#pb-search-summary').textContent === n + ' 条结果'",
        arg=case_count,
    )
    page.wait_for_selector(".pb-search__hit")
    badges = set(page.locator(".pb-search__hit .pb-kind").all_inner_texts())
    assert badges == {"案例"}
    assert page.locator(".pb-search__kind[data-kind='案例'] .pb-search__count").inner_text() == str(
        case_count
    )
    page.keyboard.press("Escape")
    assert page.locator("#pb-search-panel").is_hidden()
    page.keyboard.press("s")
    assert page.evaluate("document.activeElement.id") == "pb-search-input"
    assert errors == []


def test_search_box_is_in_the_header_on_every_page(example_url: str, browser_context: Any) -> None:
    page = browser_context.new_page()
    for url in ["", "playbook/sop/"]:
        page.goto(example_url + url)
        assert page.locator("header.md-header #pb-search-input").is_visible(), url
