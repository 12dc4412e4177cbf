"""Loading in forked workers gives exactly what loading in-process gives."""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from conftest import CASE, Project
from playbook.ingest import parallel
from playbook.ingest.load import Settings, load_project
from playbook.runtime import workers


def _load(project: Project, workers: bool, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(parallel, "PARALLEL_MIN_FILES", 1 if workers else 10**9)
    monkeypatch.setattr(parallel, "workers_for", lambda n: 2 if workers else 1)
    return load_project(Settings(root=project.root))


def test_workers_give_the_same_records(project: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    serial = _load(project, False, monkeypatch)
    forked = _load(project, True, monkeypatch)
    assert serial.ok and forked.ok
    assert forked.records == serial.records
    assert list(forked.records.cases) == list(serial.records.cases)  # type: ignore[union-attr]
    assert forked.problems == serial.problems


def test_workers_report_every_problem(
    make_project: Callable[[dict[str, str | None]], Project], monkeypatch: pytest.MonkeyPatch
) -> None:
    project = make_project(
        {
            "cases/bad-ref.yaml": CASE.replace("industry: warehousing", "industry: nowhere"),
            "cases/bad-yaml.yaml": "title: [unclosed\n",
        }
    )
    serial = _load(project, False, monkeypatch)
    forked = _load(project, True, monkeypatch)
    assert not forked.ok
    assert forked.problems == serial.problems
    assert {p.path for p in forked.problems} >= {"cases/bad-ref.yaml", "cases/bad-yaml.yaml"}


def test_fragment_workers_write_the_same_site(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    from playbook.site import render_pool

    code, out = project.build()
    assert code == 0, out
    serial = {p.relative_to(project.site): p.read_bytes() for p in project.site.rglob("*.html")}
    monkeypatch.setattr(render_pool, "POOL_MIN_PAGES", 1)
    monkeypatch.setattr(render_pool, "cores", lambda: 2)
    monkeypatch.setattr(workers, "other_threads", lambda: False)  # see _no_other_thread
    served: list[str] = []
    original_get = render_pool.FragmentPool.get

    def spy(self: render_pool.FragmentPool, src_uri: str) -> str | None:
        fragment = original_get(self, src_uri)
        if fragment is not None:
            served.append(src_uri)
        return fragment

    monkeypatch.setattr(render_pool.FragmentPool, "get", spy)
    code, out = project.build()
    assert code == 0, out
    pooled = {p.relative_to(project.site): p.read_bytes() for p in project.site.rglob("*.html")}
    assert pooled == serial
    assert "cases/sorting-case.md" in served  # the workers did render the pages


@contextmanager
def _another_thread() -> Iterator[None]:
    """A second thread alive meanwhile (as serve's server and watcher are)."""
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait, daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()


@contextmanager
def _no_other_thread(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """As in a one-shot build. A test process may keep other tests' helper threads (e.g. a
    browser driver's), so the count is taken as 1 here."""
    with monkeypatch.context() as patch:
        patch.setattr(workers, "other_threads", lambda: False)
        yield


def _start_methods(monkeypatch: pytest.MonkeyPatch) -> list[str | None]:
    used: list[str | None] = []
    real = multiprocessing.get_context

    def spy(method: str | None = None) -> Any:
        used.append(method)
        return real(method)

    monkeypatch.setattr(multiprocessing, "get_context", spy)
    return used


def test_workers_are_forked_only_while_no_other_thread_runs(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    serial = _load(project, False, monkeypatch)
    used = _start_methods(monkeypatch)
    with _no_other_thread(monkeypatch):
        forked = _load(project, True, monkeypatch)
    assert used == ["fork"]
    used.clear()
    with _another_thread():
        assert workers.other_threads()
        served = _load(project, True, monkeypatch)
    assert used == ["forkserver"]
    assert forked.records == served.records == serial.records
    assert forked.problems == served.problems == serial.problems


def test_fragments_render_in_process_while_other_threads_run(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    from playbook.derive.catalog import build_catalog
    from playbook.site import render_pool
    from playbook.site.render import Renderer

    result = load_project(Settings(root=project.root))
    assert result.taxonomy is not None and result.records is not None
    renderer = Renderer(build_catalog(result.taxonomy, result.records))
    pages = list(renderer.pages())
    monkeypatch.setattr(render_pool, "POOL_MIN_PAGES", 1)
    monkeypatch.setattr(render_pool, "cores", lambda: 2)
    used = _start_methods(monkeypatch)
    with _another_thread():
        assert render_pool.FragmentPool.start(renderer, pages) is None
    assert used == []
    with _no_other_thread(monkeypatch):
        pool = render_pool.FragmentPool.start(renderer, pages)
    assert pool is not None and used == ["fork"]
    assert pool.get(pages[-1].src_uri) == renderer.render(pages[-1])
    pool.close()
