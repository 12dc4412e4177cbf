"""How generated pages look, in real Chromium over the built example playbook: generated
tables styled like the theme's, the search box's placeholder not cut, key hints only
where there is a keyboard."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from browser import chromium
from conftest import Project

pytestmark = pytest.mark.browser

DESKTOP = {"viewport": {"width": 1280, "height": 900}}
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


@pytest.fixture(scope="module", params=["desktop", "phone"])
def page(request: pytest.FixtureRequest, example_url: str) -> Iterator[Any]:
    """A page at desktop and at phone size (one browser per size for the module)."""
    options = DESKTOP if request.param == "desktop" else PHONE
    with chromium(locale="zh-CN", **options) as context:
        tab = context.new_page()
        tab.size = request.param
        yield tab


def first_case_with_before_after(site: Project) -> str:
    for path in sorted((site.root / "cases").glob("*.yaml")):
        if "before:" in path.read_text(encoding="utf-8"):
            return path.stem
    pytest.skip("no case with before/after figures in the example")


def first_objection(site: Project) -> str:
    return sorted((site.root / "content/objections").glob("*.yaml"))[0].stem


TABLE_STYLE = """table => {
  const cell = table.querySelector('tbody td');
  const cs = getComputedStyle(cell), ts = getComputedStyle(table);
  const probe = document.createElement('div');
  probe.style.color = 'var(--md-typeset-table-color)';
  document.body.append(probe);
  const theme = getComputedStyle(probe).color;
  probe.remove();
  return {pad: parseFloat(cs.paddingLeft), padTop: parseFloat(cs.paddingTop),
          border: parseFloat(ts.borderTopWidth), color: ts.borderTopColor, theme,
          overflow: table.closest('.pb-table-wrap').scrollWidth
                    - table.closest('.pb-table-wrap').clientWidth,
          page: document.documentElement.scrollWidth - document.documentElement.clientWidth};
}"""


@pytest.mark.parametrize("which", ["results", "value", "shortcuts"])
def test_generated_tables_have_theme_padding_and_borders(
    page: Any, example_site: Project, example_url: str, which: str
) -> None:
    url, selector = {
        "results": (f"cases/{first_case_with_before_after(example_site)}/", "table.pb-results"),
        "value": (f"objections/{first_objection(example_site)}/", "table.pb-value-table"),
        "shortcuts": ("objections/", "table.pb-shortcuts"),
    }[which]
    page.goto(example_url + url)
    table = page.locator(selector)
    if which == "shortcuts" and page.size == "phone":
        assert table.is_hidden()  # key hints are for keyboards
        return
    style = table.evaluate(TABLE_STYLE)
    assert style["pad"] >= 8 and style["padTop"] >= 4
    assert style["border"] > 0 and style["color"] == style["theme"]
    assert style["page"] == 0  # the page itself never scrolls sideways
    if page.size == "phone" and which != "shortcuts":
        assert style["overflow"] == 0  # rows stack instead


def test_search_placeholder_fits_and_key_hints_follow_the_device(
    page: Any, example_url: str
) -> None:
    page.goto(example_url)
    page.wait_for_selector("#pb-search:not([hidden])")
    box = page.locator("#pb-search-input")
    fit = box.evaluate(
        """input => {
          const cs = getComputedStyle(input);
          const ctx = document.createElement('canvas').getContext('2d');
          ctx.font = cs.fontSize + ' ' + cs.fontFamily;
          const room = input.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
          return {text: ctx.measureText(input.placeholder).width, room};
        }"""
    )
    assert 0 < fit["text"] <= fit["room"]
    assert page.locator(".pb-search__key").is_visible() is (page.size == "desktop")
    page.goto(example_url + "objections/")
    assert page.locator(".pb-finder__label kbd").is_visible() is (page.size == "desktop")


def test_library_shows_count_and_first_card_without_scrolling(page: Any, example_url: str) -> None:
    page.goto(example_url + "cases/")
    page.wait_for_selector("#pb-library[data-ready]")
    height = page.viewport_size["height"]
    count = page.locator("#pb-library-count").bounding_box()
    card = page.locator("#pb-case-list .pb-card").first.bounding_box()
    assert count["y"] >= 0 and count["y"] + count["height"] <= height
    assert 0 <= card["y"] < height - 100  # its top and headline result are on screen
    if page.size == "phone":
        controls = page.locator("#pb-library-q, #pb-library-sort, .pb-facet__toggle").evaluate_all(
            "els => els.map(e => e.getBoundingClientRect().height)"
        )
        assert controls and min(controls) >= 44


def test_library_active_filters_are_removable_chips(page: Any, example_url: str) -> None:
    page.goto(example_url + "cases/")
    page.wait_for_selector("#pb-library[data-ready]")
    assert page.locator("#pb-library-active").is_hidden()
    toggle = page.locator(".pb-facet[data-facet='industry'] .pb-facet__toggle")
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true"
    first = page.locator(".pb-facet[data-facet='industry'] input").first
    value = first.get_attribute("value")
    first.check()
    chip = page.locator(f".pb-library__chip[data-facet='industry'][data-value='{value}']")
    assert chip.is_visible() and f"industry={value}" in page.url
    if page.size == "phone":
        for control in (chip, page.locator("#pb-library-clear"), first.locator("xpath=..")):
            assert control.bounding_box()["height"] >= 44
    # Values without a case under this filter are listed after the others, dimmed.
    page.locator(".pb-facet[data-facet='pain'] .pb-facet__toggle").click()
    rows = page.locator(".pb-facet[data-facet='pain'] .pb-facet__value").evaluate_all(
        """ls => ls.map(l => ({empty: l.classList.contains('pb-facet__value--empty'),
                                top: l.getBoundingClientRect().top}))"""
    )
    assert toggle.get_attribute("aria-expanded") == "false"  # one menu open at a time
    if any(r["empty"] for r in rows):
        last_full = max(r["top"] for r in rows if not r["empty"])
        assert all(r["top"] > last_full for r in rows if r["empty"])
    page.keyboard.press("Escape")
    chip.click()
    assert "industry=" not in page.url
    assert page.locator("#pb-library-active").is_hidden()
