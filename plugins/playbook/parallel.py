"""Load many record files on every core.

Reading, parsing and validating one record file needs only the file and the
vocabulary (known from the taxonomy and the file names), so large projects are
split into chunks handled by forked worker processes. Small projects, platforms
without ``fork`` and single-core machines load in-process; the result is the same.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import time
from typing import TYPE_CHECKING

from .problems import Problem

if TYPE_CHECKING:
    from .load import Settings, SourceFile
    from .model import Record
    from .validate import Vocabulary

PARALLEL_MIN_FILES = 1500
"""Below this many files a worker pool costs more than it saves."""

Loaded = tuple["SourceFile", "Record | None", list[Problem]]

_job: tuple[list[SourceFile], Vocabulary, Settings, dt.date] | None = None
"""What the forked workers load; set just before forking (workers inherit it)."""


def workers_for(count: int) -> int:
    """How many processes to use for ``count`` files (1 = in-process)."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    if count < PARALLEL_MIN_FILES or (cores or 1) < 2:
        return 1
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return min(cores or 1, 8)


def load_records(
    files: list[SourceFile], vocabulary: Vocabulary, settings: Settings
) -> tuple[list[Loaded], float, float]:
    """Every record file loaded, in ``files`` order: (results, read seconds, validate seconds).

    Seconds are wall time split in the proportion the workers spent reading and validating.
    """
    global _job
    today = settings.today or dt.date.today()
    started = time.perf_counter()
    workers = workers_for(len(files))
    if workers == 1:
        results, read_s, total_s = _load_chunk(files, vocabulary, settings, today)
        return results, read_s, total_s - read_s
    bounds = _chunks(len(files), workers * 4)
    _job = (files, vocabulary, settings, today)
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            parts = pool.map(_load_range, bounds)
    finally:
        _job = None
    wall = time.perf_counter() - started
    results = [item for part in parts for item in part[0]]
    read_s = sum(part[1] for part in parts)
    total_s = sum(part[2] for part in parts) or 1.0
    return results, wall * read_s / total_s, wall * (1 - read_s / total_s)


def _chunks(count: int, pieces: int) -> list[tuple[int, int]]:
    size = -(-count // pieces)
    return [(i, min(i + size, count)) for i in range(0, count, size)]


def _load_range(bounds: tuple[int, int]) -> tuple[list[Loaded], float, float]:
    assert _job is not None
    files, vocabulary, settings, today = _job
    return _load_chunk(files[bounds[0] : bounds[1]], vocabulary, settings, today)


def _load_chunk(
    files: list[SourceFile], vocabulary: Vocabulary, settings: Settings, today: dt.date
) -> tuple[list[Loaded], float, float]:
    from .load import load_record

    started = time.perf_counter()
    results: list[Loaded] = []
    read_total = 0.0
    for source in files:
        record, problems, read_s = load_record(source, vocabulary, settings, today)
        read_total += read_s
        results.append((source, record, problems))
    return results, read_total, time.perf_counter() - started
