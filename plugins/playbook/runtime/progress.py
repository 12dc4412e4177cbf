"""Progress lines for long builds: how many pages are written, and how long it has taken."""

from __future__ import annotations

import time
from collections.abc import Callable

PROGRESS_MIN_PAGES = 2000
"""Smaller builds take a few seconds: no progress lines."""


class PageProgress:
    """Reports every tenth of ``total`` pages (and nothing for small builds)."""

    def __init__(
        self,
        total: int,
        report: Callable[[str], None],
        *,
        started: float | None = None,
        minimum: int = PROGRESS_MIN_PAGES,
    ) -> None:
        """``started``: ``time.perf_counter()`` when the build began (default: now)."""
        self.total = total
        self.done = 0
        self.reporting = total >= minimum
        """Whether this build is large enough to report progress."""
        self._report = report
        self._started = time.perf_counter() if started is None else started
        self._tenths = 0

    def page_written(self) -> None:
        """Count one page; report when another tenth is done."""
        self.done += 1
        tenths = self.done * 10 // self.total if self.reporting else 0
        if tenths > self._tenths:
            self._tenths = tenths
            seconds = time.perf_counter() - self._started
            self._report(
                f"pages: {self.done:,} of {self.total:,} written ({tenths * 10}%, {seconds:.0f}s)"
            )
