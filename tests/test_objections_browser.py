"""Live-call objection tools in real headless Chromium, against the built example playbook."""

from __future__ import annotations

import io
import unicodedata
from typing import Any

import pytest
from conftest import EXAMPLE
from playbook.core.model import Records
from playbook.ingest.load import Settings, load_project

pytestmark = pytest.mark.browser

CLIPBOARD = ["clipboard-read", "clipboard-write"]


@pytest.fixture(scope="module")
def records() -> Records:
    """The frozen example content, so expectations come from the YAML rather than copies of it."""
    result = load_project(Settings(root=EXAMPLE))
    assert result.records is not None
    return result.records


def open_page(context: Any, url: str) -> Any:
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.errors = errors
    page.goto(url)
    return page


def results(page: Any) -> list[str]:
    return page.eval_on_selector_all(
        "#pb-finder-results > li:not([hidden])", "els => els.map(e => e.dataset.objection)"
    )


def flat(text: str) -> str:
    """Text without whitespace, NFKC-folded (PDF extraction yields Kangxi radicals like ⽤ for 用)."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def clipboard(page: Any) -> str:
    return str(page.evaluate("navigator.clipboard.readText()"))


def answer_dialogs(page: Any, accept: bool = True) -> list[str]:
    """Answer every confirmation the page asks; returns their messages as they come."""
    asked: list[str] = []

    def answer(dialog: Any) -> None:
        asked.append(dialog.message)
        dialog.accept() if accept else dialog.dismiss()

    page.on("dialog", answer)
    return asked


def test_chinese_and_pinyin_find_the_price_objection_first(
    example_url: str, browser_context: Any
) -> None:
    page = open_page(browser_context, example_url + "objections/")
    finder = page.locator("#pb-finder-input")
    assert finder.evaluate("el => el === document.activeElement")  # ready to type on arrival
    for query in ["价格", "jg", "jiage", "太贵"]:
        finder.fill("")
        page.keyboard.type(query)
        found = results(page)
        assert found[0] == "price-too-high", query
        assert len(found) < 11, query  # it filters, not just reorders
        first = page.locator("#pb-finder-results > li").first
        assert first.get_attribute("aria-current") == "true"
        assert page.locator("#pb-finder-status").inner_text().startswith(str(len(found)))
    assert page.errors == []


def test_query_in_url_prefills_and_unknown_words_show_nothing(
    example_url: str, browser_context: Any
) -> None:
    page = open_page(browser_context, example_url + "objections/?q=zhangqi")
    assert page.locator("#pb-finder-input").input_value() == "zhangqi"
    assert results(page) == ["payment-terms-90-days"]
    page.fill("#pb-finder-input", "zzzxq")
    assert results(page) == []
    assert page.locator("#pb-finder-status").inner_text() == "没有匹配的异议，换个说法试试。"
    page.keyboard.press("Escape")
    assert len(results(page)) == 11


def test_keyboard_flow_shortcut_arrows_copy_and_enter(
    example_url: str, browser_context: Any, records: Records
) -> None:
    browser_context.grant_permissions(CLIPBOARD, origin=example_url.rstrip("/"))
    page = open_page(browser_context, example_url + "cases/building-materials-abc-tiering/")
    page.keyboard.press("o")  # the documented global shortcut
    page.wait_for_url("**/objections/")
    page.keyboard.type("jg")
    found = results(page)
    assert found[:2] == ["price-too-high", "no-budget"]
    page.keyboard.press("ArrowDown")
    selected = page.locator(".pb-finder__item--selected")
    assert selected.get_attribute("data-objection") == "no-budget"
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")  # stays on the first
    assert selected.get_attribute("data-objection") == "price-too-high"
    page.keyboard.press("ArrowDown")
    asked = answer_dialogs(page)
    page.keyboard.press("Control+Enter")
    expected = records.objections["no-budget"].responses[0].script.strip()
    page.wait_for_function(
        "document.querySelector('.pb-finder__item--selected .pb-copy-status')"
        ".textContent === '已复制'"
    )
    assert clipboard(page) == expected  # nothing filled in: placeholders copied as written
    assert "{客户名}" in expected
    assert len(asked) == 1 and "{客户名}" in asked[0]  # asked once, naming the empty ones
    page.keyboard.press("Enter")
    page.wait_for_url("**/objections/no-budget/")
    assert page.errors == []


def test_copy_fills_placeholders_and_values_persist_across_pages(
    example_url: str, browser_context: Any, records: Records
) -> None:
    browser_context.grant_permissions(CLIPBOARD, origin=example_url.rstrip("/"))
    page = open_page(browser_context, example_url + "objections/price-too-high/")
    fields = page.locator("[data-pb-fill] input")
    assert fields.evaluate_all("els => els.map(e => e.dataset.phInput)") == ["客户名", "行业"]
    page.fill("[data-ph-input='客户名']", "王总")
    asked = answer_dialogs(page)
    first = page.locator(".pb-response").first
    assert first.locator(".pb-ph--empty[data-ph='行业']").count() == 1  # visibly unfilled
    assert first.locator(".pb-ph--filled[data-ph='客户名']").inner_text() == "王总"
    first.locator("button[data-pb-copy]").click()
    assert first.locator(".pb-copy-status").inner_text() == "已复制"
    script = records.objections["price-too-high"].responses[0].script.strip()
    assert clipboard(page) == script.replace("{客户名}", "王总")
    assert "{行业}" in clipboard(page)
    assert len(asked) == 1 and "{行业}" in asked[0] and "{客户名}" not in asked[0]

    page.goto(example_url + "objections/no-budget/")  # another page, same session
    assert page.locator("[data-ph-input='客户名']").input_value() == "王总"
    assert page.locator(".pb-ph[data-ph='客户名']").first.inner_text() == "王总"
    page.locator(".pb-response").nth(1).locator("button[data-pb-copy]").click()
    page.wait_for_function("document.querySelectorAll('.pb-copy-status')[1].textContent")
    second = records.objections["no-budget"].responses[1].script.strip()
    assert clipboard(page) == second.replace("{客户名}", "王总")

    page.click("[data-pb-fill-clear]")
    assert page.locator(".pb-ph[data-ph='客户名']").first.inner_text() == "{客户名}"
    page.reload()
    assert page.locator("[data-ph-input='客户名']").input_value() == ""
    assert page.errors == []


def test_finder_works_by_mouse_on_a_phone_sized_screen(
    example_url: str, browser_context: Any, records: Records
) -> None:
    browser_context.grant_permissions(CLIPBOARD, origin=example_url.rstrip("/"))
    page = browser_context.new_page()
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(example_url + "objections/")
    page.click("#pb-finder-input")
    page.keyboard.insert_text("老板")  # as an IME commits it
    assert results(page)[0] == "boss-decides"
    assert page.evaluate("document.documentElement.scrollWidth") <= 375  # no sideways scroll
    item = page.locator("li[data-objection='boss-decides']")
    button = item.locator("button[data-pb-copy]")
    answer_dialogs(page)
    box = button.bounding_box()
    assert box is not None and box["x"] + box["width"] <= 375
    button.click()
    assert clipboard(page) == records.objections["boss-decides"].responses[0].script.strip()
    item.locator("a.pb-finder__link").click()
    page.wait_for_url("**/objections/boss-decides/")


def test_practice_mode_reveals_responses(
    example_url: str, browser_context: Any, records: Records
) -> None:
    page = open_page(browser_context, example_url + "objections/practice/")
    cards = page.locator(".pb-practice__card:not([hidden])")
    assert cards.count() == 1
    card = cards.first
    oid = card.get_attribute("data-objection")
    answers = card.locator("[data-pb-answers]")
    assert answers.is_hidden()
    page.click("button[data-pb-reveal]")
    assert answers.is_visible()
    titles = answers.locator(".pb-response h3").all_inner_texts()
    assert titles == [f"{i}. {r.title}" for i, r in enumerate(records.objections[oid].responses, 1)]
    page.click("button[data-pb-again]")
    assert answers.is_hidden() and cards.first.get_attribute("data-objection") == oid
    page.click("button[data-pb-next]")
    assert cards.count() == 1 and cards.first.get_attribute("data-objection") != oid
    assert cards.first.locator("[data-pb-answers]").is_hidden()

    page.select_option("[data-pb-filter=category]", "price")
    price = {i for i, o in records.objections.items() if o.category == "price"}
    seen = set()
    for _ in range(6):
        seen.add(cards.first.get_attribute("data-objection"))
        page.click("button[data-pb-next]")
    assert seen == price  # two price objections: 'next' alternates between them
    # Category and stage together: price objections at the closing stage.
    page.select_option("[data-pb-filter=stage]", "closing")
    closing = {i for i in price if "closing" in records.objections[i].stages}
    assert closing and closing != price  # the example content makes this a real filter
    for _ in range(3):
        assert cards.first.get_attribute("data-objection") in closing
        page.click("button[data-pb-next]")
    # No price objection at the touch stage: an empty deck says so.
    assert not any("touch" in records.objections[i].stages for i in price)
    page.select_option("[data-pb-filter=stage]", "touch")
    assert cards.count() == 0
    assert page.locator("[data-pb-practice-empty]").is_visible()
    assert page.locator("button[data-pb-reveal]").is_disabled()
    assert page.errors == []


def test_battlecard_prints_on_one_a4_page_per_industry(
    example_url: str, browser_context: Any, records: Records
) -> None:
    from pypdf import PdfReader

    page = browser_context.new_page()
    # Laid out for print at the printable A4 area (210 × 297 mm less 12 mm margins =
    # 186 × 273 mm ≈ 703 × 1032 CSS px), nothing may stick out sideways or below.
    page.emulate_media(media="print")
    page.set_viewport_size({"width": 703, "height": 1032})
    for industry in records.industries.values():
        page.goto(example_url + f"industries/{industry.id}/battlecard/")
        assert page.evaluate("document.documentElement.scrollWidth") <= 703, industry.id
        bottom = page.evaluate(
            "document.querySelector('.pb-battlecard').getBoundingClientRect().bottom"
        )
        assert bottom <= 1032, industry.id
        pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))
        assert len(pdf.pages) == 1, industry.id
        box = pdf.pages[0].mediabox
        # A4 is 595.3 × 841.9 pt; Playwright rounds it to 8.27 × 11.7 in.
        assert abs(float(box.width) - 595.3) < 1.5 and abs(float(box.height) - 841.9) < 1.5
        text = flat(pdf.pages[0].extract_text())
        # First and last sections made it onto the page (result figures are mostly ASCII,
        # which survives text extraction unchanged; some CJK glyphs come back as variants).
        assert flat(industry.name.split()[0]) in text, industry.id
        last = page.locator(".pb-battlecard__cases .pb-result-value").last.inner_text()
        assert flat(last) in text, industry.id
    assert page.locator(".md-header").is_hidden()
    assert page.locator(".md-footer").is_hidden()
    assert page.locator(".pb-battlecard__actions").is_hidden()
    assert page.locator(".pb-battlecard").is_visible()


def test_unfilled_placeholders_are_named_and_copying_waits_for_a_yes(
    example_url: str, browser_context: Any, records: Records
) -> None:
    browser_context.grant_permissions(CLIPBOARD, origin=example_url.rstrip("/"))
    objection = next(o for o in records.objections.values() if "{" in o.responses[0].script)
    page = open_page(browser_context, example_url + f"objections/{objection.id}/")
    page.evaluate("navigator.clipboard.writeText('before')")
    first = page.locator(".pb-response").first
    names = first.locator(".pb-ph--empty").evaluate_all(
        "els => [...new Set(els.map(e => e.dataset.ph))]"
    )
    declined = answer_dialogs(page, accept=False)
    first.locator("button[data-pb-copy]").click()
    page.wait_for_timeout(200)
    assert len(declined) == 1 and all("{" + n + "}" in declined[0] for n in names)
    assert clipboard(page) == "before"  # "no" copies nothing
    assert page.errors == []
