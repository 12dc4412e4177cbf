"""Progress lines on large builds."""

from __future__ import annotations

from playbook.runtime.progress import PageProgress


def _lines(total: int, written: int) -> tuple[list[str], PageProgress]:
    lines: list[str] = []
    progress = PageProgress(total, lines.append)
    for _ in range(written):
        progress.page_written()
    return lines, progress


def test_a_large_build_reports_every_tenth() -> None:
    lines, _ = _lines(2500, 2500)
    assert len(lines) == 10
    assert lines[0].startswith("pages: 250 of 2,500 written (10%")
    assert lines[-1].startswith("pages: 2,500 of 2,500 written (100%")


def test_the_last_line_comes_with_the_last_page() -> None:
    lines, progress = _lines(10_486, 10_485)
    assert len(lines) == 9
    progress.page_written()
    assert lines[-1].startswith("pages: 10,486 of 10,486 written (100%")


def test_a_small_build_stays_quiet() -> None:
    lines, progress = _lines(1999, 1999)
    assert not lines and not progress.reporting
