"""Progress lines on large builds."""

from __future__ import annotations

from playbook.progress import PageProgress


def test_a_large_build_reports_every_tenth() -> None:
    lines: list[str] = []
    progress = PageProgress(2500, lines.append)
    for _ in range(2500):
        progress.page_written()
    assert len(lines) == 10
    assert lines[0].startswith("pages: 250 of 2,500 written (10%")
    assert lines[-1].startswith("pages: 2,500 of 2,500 written (100%")


def test_the_last_line_comes_with_the_last_page() -> None:
    lines: list[str] = []
    progress = PageProgress(10_486, lines.append)
    for _ in range(10_485):
        progress.page_written()
    assert len(lines) == 9
    progress.page_written()
    assert lines[-1].startswith("pages: 10,486 of 10,486 written (100%")


def test_a_small_build_stays_quiet() -> None:
    lines: list[str] = []
    progress = PageProgress(1999, lines.append)
    for _ in range(1999):
        progress.page_written()
    assert not lines and not progress.reporting
