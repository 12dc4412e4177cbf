"""The example site loads in real Chromium without script errors."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.browser


def test_case_page_renders_without_console_errors(example_url: str, browser_context: Any) -> None:
    page = browser_context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.goto(example_url + "cases/building-materials-abc-tiering/")
    assert page.locator("h1").inner_text().startswith("ABC 分层")
    assert page.locator(".pb-metric__value").first.inner_text() == "+40%"
    page.click("a[href$='industries/building-materials/']")
    page.wait_for_url("**/industries/building-materials/")
    assert page.locator(".pb-card").count() >= 1
    assert errors == []
