"""Loading in forked workers gives exactly what loading in-process gives."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from conftest import CASE, Project
from playbook import parallel
from playbook.load import Settings, load_project


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
