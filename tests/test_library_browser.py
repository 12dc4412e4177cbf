"""The case library at /cases/ in real Chromium, on the example playbook.

Expected counts come from the example YAML, read here independently of the build.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import Counter
from typing import Any
from urllib.parse import quote, urljoin, urlsplit

import pytest
from conftest import EXAMPLE, TODAY
from playbook.derive.figures import improvement
from playbook.ingest.load import Settings, load_project

pytestmark = pytest.mark.browser


@functools.cache
def example_cases() -> dict[str, dict[str, Any]]:
    """Case id → its facet values, card text and sort keys, from the example's files.

    Read through the loader (not raw YAML), so any valid way of writing a value (bare
    numbers in ``before``/``after``, dates) gives what the build publishes.
    """
    result = load_project(Settings(root=EXAMPLE, today=dt.date.fromisoformat(TODAY)))
    assert result.taxonomy is not None and result.records is not None
    category = {i: p.category for i, p in result.taxonomy.pain_points.items()}
    cases = {}
    for cid, case in result.records.cases.items():
        cases[cid] = {
            "industry": {case.industry},
            "pain": set(case.pain_points),
            "category": {category[p] for p in case.pain_points},
            "stage": set(case.stages),
            "tier": {case.tier} if case.tier else set(),
            "size": {case.size} if case.size else set(),
            "metric": {r.metric for r in case.results},
            "text": " ".join([case.title, case.summary, case.alias]),
            "reviewed": case.reviewed.isoformat(),
            "improvement": max(improvement(r) for r in case.results),
        }
    return cases


def matching(selection: dict[str, list[str]], skip: str | None = None) -> set[str]:
    """Ids of the cases a selection gives: AND across facets, OR within one."""
    return {
        cid
        for cid, case in example_cases().items()
        if all(not values or case[f] & set(values) for f, values in selection.items() if f != skip)
    }


def facet_counts(selection: dict[str, list[str]], facet: str) -> Counter[str]:
    cases = example_cases()
    return Counter(v for cid in matching(selection, skip=facet) for v in cases[cid][facet])


def open_library(page: Any, url: str, query: str = "") -> None:
    page.goto(url + "cases/" + query)
    page.wait_for_selector("#pb-library[data-ready]")


def choose(page: Any, facet: str, value: str) -> None:
    """Tick a facet value: open the facet's dropdown first, as a user would."""
    box = page.locator(f".pb-facet[data-facet='{facet}']")
    if box.locator(".pb-facet__toggle").get_attribute("aria-expanded") != "true":
        box.locator(".pb-facet__toggle").click()
    box.locator(f"input[value='{value}']").check()


def shown_ids(page: Any) -> list[str]:
    return page.locator("#pb-case-list .pb-card").evaluate_all(
        "cards => cards.map(c => c.dataset.case)"
    )


def ui_counts(page: Any, facet: str) -> dict[str, tuple[int, bool]]:
    """Facet value → (count shown, disabled)."""
    return {
        row["value"]: (int(row["count"].strip("()")), row["disabled"])
        for row in page.locator(f".pb-facet[data-facet='{facet}'] label").evaluate_all(
            """labels => labels.map(l => ({value: l.querySelector('input').value,
                count: l.querySelector('.pb-facet__count').textContent,
                disabled: l.querySelector('input').disabled}))"""
        )
    }


def check_view(page: Any, selection: dict[str, list[str]]) -> None:
    want = matching(selection)
    assert set(shown_ids(page)) == want
    total = len(example_cases())
    text = f"共 {total} 个案例" if len(want) == total else f"{len(want)} / {total} 个案例"
    assert page.locator("#pb-library-count").inner_text() == text
    for facet in ("industry", "pain", "category", "tier", "metric"):
        counts = facet_counts(selection, facet)
        for value, (shown, disabled) in ui_counts(page, facet).items():
            assert shown == counts[value], (facet, value)
            chosen = value in selection.get(facet, [])
            assert disabled == (counts[value] == 0 and not chosen), (facet, value)


def most_common(facet: str, within: set[str] | None = None) -> str:
    cases = example_cases()
    counter = Counter(
        v for cid, c in cases.items() if within is None or cid in within for v in c[facet]
    )
    return counter.most_common(1)[0][0]


def test_filter_combinations_and_counts(example_url: str, browser_context: Any) -> None:
    page = browser_context.new_page()
    open_library(page, example_url)
    check_view(page, {})
    industry = most_common("industry")
    choose(page, "industry", industry)
    check_view(page, {"industry": [industry]})
    # OR within a facet: a second industry widens the list.
    second = sorted(c for c, n in facet_counts({}, "industry").items() if c != industry)[0]
    choose(page, "industry", second)
    check_view(page, {"industry": [industry, second]})
    # AND across facets: a pain point of one of them narrows it.
    pain = most_common("pain", matching({"industry": [industry, second]}))
    choose(page, "pain", pain)
    selection = {"industry": [industry, second], "pain": [pain]}
    check_view(page, selection)
    assert page.locator(".pb-facet input:disabled").count() > 0  # zero counts shown disabled
    page.click("#pb-library-clear")
    check_view(page, {})


def test_url_state_survives_reload_and_back(example_url: str, browser_context: Any) -> None:
    page = browser_context.new_page()
    industry = most_common("industry")
    pains = sorted(
        {p for cid in matching({"industry": [industry]}) for p in example_cases()[cid]["pain"]}
    )[:2]
    query = f"?industry={industry}&pain={pains[0]}&pain={pains[1]}&sort=improvement"
    open_library(page, example_url, query)
    selection = {"industry": [industry], "pain": pains}
    check_view(page, selection)
    assert page.locator("#pb-library-sort").input_value() == "improvement"
    cases = example_cases()
    order = [cases[c]["improvement"] for c in shown_ids(page)]
    assert order == sorted(order, reverse=True)
    # a further change is a new history entry
    tier = sorted(facet_counts(selection, "tier"))[0]
    choose(page, "tier", tier)
    assert f"tier={tier}" in page.url
    check_view(page, {**selection, "tier": [tier]})
    page.reload()
    page.wait_for_selector("#pb-library[data-ready]")
    check_view(page, {**selection, "tier": [tier]})
    page.go_back()
    page.wait_for_function("() => !location.search.includes('tier=')")
    check_view(page, selection)
    assert page.locator(f".pb-facet[data-facet='tier'] input[value='{tier}']").is_checked() is False
    page.go_forward()
    page.wait_for_function(f"() => location.search.includes('tier={tier}')")
    check_view(page, {**selection, "tier": [tier]})


def test_default_order_is_most_recently_reviewed(example_url: str, browser_context: Any) -> None:
    page = browser_context.new_page()
    open_library(page, example_url)
    cases = example_cases()
    assert [cases[c]["reviewed"] for c in shown_ids(page)] == sorted(
        (c["reviewed"] for c in cases.values()), reverse=True
    )
    page.select_option("#pb-library-sort", "improvement")
    assert "sort=improvement" in page.url
    order = [cases[c]["improvement"] for c in shown_ids(page)]
    assert order == sorted(order, reverse=True)


def test_chinese_free_text_narrows_the_list(example_url: str, browser_context: Any) -> None:
    page = browser_context.new_page()
    for words in ["仓储", "账期", "40%", "saas", "某建材"]:
        want = {cid for cid, c in example_cases().items() if words.lower() in c["text"].lower()}
        assert want, words
        open_library(page, example_url)
        page.fill("#pb-library-q", words)
        page.wait_for_function("() => new URLSearchParams(location.search).get('q') !== null")
        page.wait_for_function("() => !document.getElementById('pb-library').dataset.loading")
        shown = set(shown_ids(page))
        assert want <= shown and len(shown) < len(example_cases()), words
        page.reload()
        page.wait_for_selector("#pb-library[data-ready]")
        assert page.locator("#pb-library-q").input_value() == words
        assert set(shown_ids(page)) == shown, words


def test_empty_state_and_clear_all(example_url: str, browser_context: Any) -> None:
    page = browser_context.new_page()
    open_library(page, example_url, "?q=没有这个词xyz")
    assert shown_ids(page) == []
    assert page.locator("#pb-library-empty").is_visible()
    assert page.locator("#pb-library-count").inner_text() == f"0 / {len(example_cases())} 个案例"
    assert page.locator(".pb-facet input:not(:disabled)").count() == 0
    page.click("#pb-library-clear")
    assert len(shown_ids(page)) == len(example_cases())
    assert urlsplit(page.url).query == ""


def test_without_javascript_every_case_is_reachable_by_links(example_url: str) -> None:
    """The library's static pages link every case (industry and pain pages are tested in test_build)."""
    from browser import chromium

    with chromium(locale="zh-CN", java_script_enabled=False) as context:
        page = context.new_page()
        page.goto(example_url + "cases/")
        assert page.locator("#pb-library-ui").is_hidden()
        seen, queue, found = set(), [example_url + "cases/"], set()
        while queue:
            url = queue.pop()
            if url in seen:
                continue
            seen.add(url)
            page.goto(url)
            for href in page.locator("article a[href]").evaluate_all("as => as.map(a => a.href)"):
                target = urljoin(url, href).split("#")[0].split("?")[0]
                path = urlsplit(target).path
                if (
                    path.startswith("/cases/")
                    and path.count("/") == 3
                    and not path.startswith("/cases/page/")
                ):
                    found.add(path.split("/")[2])
                elif path.startswith("/cases/page/"):
                    queue.append(target)
    assert found == set(example_cases())


def test_card_texts_load_in_chunks_across_many_cases(
    project: Any, browser_context: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With tiny card chunks, cards from every chunk render and free text searches them all."""
    from browser import serve_dir
    from conftest import CASE
    from playbook.site import facets

    monkeypatch.setattr(facets, "CARD_CHUNK", 3)
    for i in range(10):
        text = CASE.replace("分拣效率提升 40%", f"批量案例 {i:02d}").replace(
            "2026-10-01", f"2026-08-{10 + i}"
        )
        project.write(f"cases/bulk-{i:02d}.yaml", text)
    project.edit("cases/turnover-case.yaml", "周转天数从 15 天降到 7 天", "独一无二的周转案例")
    code, out = project.build()
    assert code == 0, out
    assert len(list((project.site / "cases" / "cards").glob("*.json"))) == 4
    with serve_dir(project.site) as url:
        page = browser_context.new_page()
        requests: list[str] = []
        page.on("request", lambda r: requests.append(r.url))
        page.goto(url + "cases/")
        page.wait_for_selector("#pb-library[data-ready='true']")
        titles = page.locator("#pb-case-list .pb-card__title").all_inner_texts()
        assert len(titles) == 12
        assert "独一无二的周转案例" in titles and "批量案例 09" in titles
        page.fill("#pb-library-q", "独一无二")
        page.wait_for_function("document.querySelectorAll('#pb-case-list .pb-card').length === 1")
        assert page.locator("#pb-case-list .pb-card__title").inner_text() == "独一无二的周转案例"
        assert sum("/cases/cards/" in r for r in requests) == 4


def test_cards_drawn_in_the_browser_have_the_server_markup(
    example_url: str, browser_context: Any
) -> None:
    """The library's script draws cards from the page's <template> (the case_card macro's
    markup): for the same case, the card it draws is the card the build wrote."""
    page = browser_context.new_page()
    server_js = (
        "cards => Object.fromEntries(cards.map(c => { const k = c.cloneNode(true);"
        " k.querySelectorAll('[elementtiming]').forEach(e => e.removeAttribute('elementtiming'));"
        " return [c.dataset.case, k.outerHTML.replace(/>\\s+</g, '><')]; }))"
    )
    page.route("**/assets/playbook/library.js", lambda route: route.abort())
    page.goto(example_url + "cases/")
    server = page.locator("#pb-case-list .pb-card").evaluate_all(server_js)
    assert server
    page.unroute("**/assets/playbook/library.js")
    # The free text makes the script redraw the list from its data.
    cid = next(iter(server))
    title = page.locator(f".pb-card[data-case='{cid}'] .pb-card__title").inner_text()
    open_library(page, example_url, "?q=" + quote(title.split()[0]))
    drawn = page.locator("#pb-case-list .pb-card").evaluate_all(server_js)
    assert cid in drawn
    for case_id, markup in drawn.items():
        assert markup == server[case_id]
