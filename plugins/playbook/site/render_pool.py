"""Render page fragments ahead of the site engine, on every core.

A full build renders each record page's fragment (Jinja + Markdown fields) in
forked worker processes while MkDocs works through its own per-page steps; the
adapter picks the fragments up in the order MkDocs asks for them. The output is
the same as rendering in-process. Used for full builds of large projects only
(``serve`` reuses unchanged pages instead), and only while no other thread runs
(see :mod:`parallel`).
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.pool
from collections.abc import Iterator

from playbook.site.generated import GeneratedPage
from playbook.runtime.workers import cores, start_method
from playbook.site.render import Renderer

POOL_MIN_PAGES = 400
"""Below this many pages the workers cost more than they save."""

_job: tuple[Renderer, list[GeneratedPage]] | None = None
"""What the forked workers render; set only while forking (workers inherit it)."""


def _render(index: int) -> str:
    assert _job is not None
    renderer, pages = _job
    return renderer.render(pages[index])


class FragmentPool:
    """Fragments of ``pages`` rendered by worker processes, fetched by ``src_uri``."""

    def __init__(self, renderer: Renderer, pages: list[GeneratedPage], workers: int) -> None:
        global _job
        _job = (renderer, pages)
        try:
            self._pool: multiprocessing.pool.Pool = multiprocessing.get_context("fork").Pool(
                workers
            )
        finally:
            _job = None  # the workers have their copy; the parent keeps no global state
        self._order = [page.src_uri for page in pages]
        self._results: Iterator[str] = self._pool.imap(_render, range(len(pages)), chunksize=8)
        self._next = 0
        self._ready: dict[str, str] = {}

    @classmethod
    def start(
        cls, renderer: Renderer, pages: list[GeneratedPage], *, busy_cores: int = 0
    ) -> FragmentPool | None:
        """A pool when it pays off on this machine, else None (render in-process).

        ``busy_cores``: cores other processes of the build keep busy meanwhile (Pagefind).
        """
        n = cores()
        if len(pages) < POOL_MIN_PAGES or n < 2:
            return None
        if start_method() != "fork":
            return None  # other threads run (or no fork): the renderer only travels by fork
        return cls(renderer, pages, max(1, min(n - busy_cores, 8)))

    def get(self, src_uri: str) -> str | None:
        """The fragment of the page at ``src_uri`` (None if the pool does not render it)."""
        while src_uri not in self._ready and self._next < len(self._order):
            self._ready[self._order[self._next]] = next(self._results)
            self._next += 1
        return self._ready.pop(src_uri, None)

    def close(self) -> None:
        self._pool.terminate()
        self._pool.join()
