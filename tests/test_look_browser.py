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
