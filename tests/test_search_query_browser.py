"""The header search and the case library as reps phrase things, in real Chromium.

Expectations come from the example's YAML (objections' aliases, the taxonomy's synonym
groups, the cases' pain points), never from fixed counts.
"""

from __future__ import annotations

import functools
from typing import Any

import pytest
import yaml
from conftest import EXAMPLE as REPO  # the frozen example the browser tests build
from test_search_browser import published_texts

pytestmark = pytest.mark.browser


@functools.cache
def objections() -> dict[str, dict[str, Any]]:
    folder = REPO / "content" / "objections"
    return {f.stem: yaml.safe_load(f.read_text(encoding="utf-8")) for f in folder.glob("*.yaml")}


@functools.cache
def synonym_groups() -> list[list[str]]:
    taxonomy = yaml.safe_load((REPO / "content" / "taxonomy.yaml").read_text(encoding="utf-8"))
    return [[str(w) for w in group] for group in taxonomy.get("synonyms", [])]


def type_query(page: Any, query: str) -> list[str]:
    """Put ``query`` into the header box as an input method commits it; the hits' paths."""
    page.fill("#pb-search-input", "")
    page.focus("#pb-search-input")
    page.keyboard.insert_text(query)
    page.wait_for_function(
        "q => document.getElementById('pb-search').dataset.done === q", arg=query
    )
    return page.locator("#pb-search-results .pb-search__link").evaluate_all(
        "links => links.map(a => new URL(a.href).pathname)"
    )


def test_keyboard_flow_enter_arrows_escape_and_focus_ring(
    example_url: str, browser_context: Any
) -> None:
    page = browser_context.new_page()
    page.goto(example_url + "playbook/sop/")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "pb-search-input"
    ring = page.evaluate(
        "() => { const s = getComputedStyle(document.activeElement); "
        "return [s.outlineStyle, s.outlineWidth]; }"
    )
    assert ring[0] != "none" and ring[1] != "0px", ring
    query = "仓储"
    hits = type_query(page, query)
    assert len(hits) >= 3
    selected = page.locator(".pb-search__hit[aria-selected='true'] .pb-search__link")

    def selected_path() -> str:
        return str(selected.evaluate("a => new URL(a.href).pathname"))

    assert selected_path() == hits[0]
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    assert selected_path() == hits[2]
    active = page.evaluate(
        "document.getElementById('pb-search-input').getAttribute('aria-activedescendant')"
    )
    assert page.locator(f"#{active} .pb-search__link").count() == 1
    page.keyboard.press("ArrowUp")
    assert selected_path() == hits[1]
    page.keyboard.press("Escape")
    assert page.locator("#pb-search-panel").is_hidden()
    page.keyboard.press("s")
    assert page.locator("#pb-search-panel").is_visible()
    page.keyboard.press("ArrowDown")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == example_url.rstrip("/") + hits[2]
    # Enter without moving opens the first hit.
    type_query(page, query)
    first = page.locator(".pb-search__link").first.evaluate("a => a.href")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == first


def test_hit_shows_kind_marked_title_and_excerpt_from_the_match(
    example_url: str, browser_context: Any
) -> None:
    page = browser_context.new_page()
    page.goto(example_url)
    oid, objection = sorted(objections().items())[0]
    alias = objection["aliases"][0]
    hits = type_query(page, alias)
    assert f"/objections/{oid}/" in hits[:3]
    hit = page.locator(".pb-search__hit", has=page.locator(f"a[href$='/objections/{oid}/']"))
    assert hit.locator(".pb-kind").inner_text() == "异议"
    excerpt = hit.locator(".pb-search__excerpt")
    marks = excerpt.locator("mark").all_inner_texts()
    related = [w for g in synonym_groups() if any(x in alias for x in g) for w in g]
    assert marks and all(m in alias or m in related for m in marks), marks
    assert any(m in alias for m in hit.locator(".pb-search__title mark").all_inner_texts())
    text = excerpt.inner_text().lstrip("…")
    assert text.find(marks[0]) <= 25, text  # starts at the match or its sentence


def test_no_results_say_what_was_searched_and_suggest_the_finder(
    example_url: str, browser_context: Any
) -> None:
    query = "客户说xqzvjk怎么办"
    assert not any("xqzvjk" in text.lower() for text in published_texts().values())
    page = browser_context.new_page()
    page.goto(example_url)
    assert type_query(page, query) == []
    summary = page.locator("#pb-search-summary")
    assert "xqzvjk" in summary.inner_text() and "怎么办" not in summary.inner_text()
    finder = page.locator("#pb-search-summary a[href*='objections/']")
    assert finder.count() == 1 and "q=" in (finder.get_attribute("href") or "")
    assert page.locator("#pb-search-summary a[href$='pain-points/']").count() == 1


def test_filler_words_do_not_hide_an_objection(example_url: str, browser_context: Any) -> None:
    page = browser_context.new_page()
    page.goto(example_url)
    misses = {}
    for oid, objection in sorted(objections().items()):
        query = f"客户说{objection['aliases'][0]}怎么办"
        hits = type_query(page, query)
        if f"/objections/{oid}/" not in hits[:3]:
            misses[query] = hits[:3]
    assert misses == {}


def test_traditional_characters_find_the_same_objection(
    example_url: str, browser_context: Any
) -> None:
    opencc = pytest.importorskip("opencc")
    to_traditional = opencc.OpenCC("s2t").convert
    page = browser_context.new_page()
    page.goto(example_url)
    tried, misses = 0, {}
    for oid, objection in sorted(objections().items()):
        for alias in objection["aliases"]:
            traditional = to_traditional(alias)
            if traditional == alias:
                continue
            tried += 1
            hits = type_query(page, traditional)
            if f"/objections/{oid}/" not in hits[:3]:
                misses[traditional] = hits[:3]
            break
    assert tried and misses == {}


def test_a_synonym_finds_the_record_that_uses_another_word_of_its_group(
    example_url: str, browser_context: Any
) -> None:
    """For each objection alias that is a word of a synonym group, every other word of the
    group that appears nowhere in the published text finds that objection in the top 3."""
    texts = " ".join(published_texts().values()).lower()
    cases = []
    for oid, objection in sorted(objections().items()):
        for alias in objection["aliases"]:
            for group in synonym_groups():
                if alias in group:
                    cases += [(w, oid) for w in group if w != alias and w.lower() not in texts]
    assert cases, "the example should have a synonym that only its group links to a record"
    page = browser_context.new_page()
    page.goto(example_url)
    misses = {}
    for word, oid in cases:
        hits = type_query(page, word)
        if f"/objections/{oid}/" not in hits[:3]:
            misses[word] = (oid, hits[:3])
    assert misses == {}


def test_library_free_text_finds_sorting_cases_by_word_and_phrase(
    example_url: str, browser_context: Any
) -> None:
    sorting = {
        f.stem
        for f in (REPO / "cases").glob("*.yaml")
        if "sorting-efficiency" in yaml.safe_load(f.read_text(encoding="utf-8"))["pain_points"]
    }
    assert sorting, "the example should have a case for 旺季分拣效率低"
    page = browser_context.new_page()
    for query in ["分拣", "旺季分拣跟不上", "旺季分揀跟不上"]:
        page.goto(example_url + "cases/?q=" + query)
        page.wait_for_selector("#pb-library[data-ready]")
        page.wait_for_function("() => !document.getElementById('pb-library').dataset.loading")
        shown = set(
            page.locator("#pb-case-list .pb-card").evaluate_all("cs => cs.map(c => c.dataset.case)")
        )
        assert sorting <= shown, query
        assert len(shown) < len(list((REPO / "cases").glob("*.yaml"))), query


def test_the_phrase_hits_show_first_then_the_merged_ranking_replaces_them(
    example_url: str, browser_context: Any
) -> None:
    """A query with synonyms runs several searches: the phrase's own hits are on screen
    after the first one (no total yet, not marked done), and the merged list follows."""
    group = next(g for g in synonym_groups() if len(g) > 1)
    page = browser_context.new_page()
    page.goto(example_url)
    page.evaluate(
        """() => {
          window.__lists = [];
          new MutationObserver(() => {
            const links = [...document.querySelectorAll('#pb-search-results .pb-search__link')];
            if (!links.length) return;
            window.__lists.push({
              summary: document.getElementById('pb-search-summary').textContent,
              done: document.getElementById('pb-search').dataset.done || ''});
          }).observe(document.getElementById('pb-search'),
                     {childList: true, subtree: true, attributes: true});
        }"""
    )
    hits = type_query(page, group[0])
    assert hits
    lists = page.evaluate("window.__lists")
    assert lists[0] == {"summary": "", "done": ""}, lists[:3]
    assert lists[-1]["summary"] and lists[-1]["done"] == group[0]
