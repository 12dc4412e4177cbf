"""Load many record files on every core.

Reading, parsing and validating one record file needs only the file and the
vocabulary (known from the taxonomy and the file names), so large projects are
split into chunks handled by forked worker processes. Small projects, platforms
without ``fork`` and single-core machines load in-process; the result is the same.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from playbook.core.problems import Problem
from playbook.runtime.workers import cores, start_method

if TYPE_CHECKING:
    from playbook.core.model import Record
    from playbook.ingest.load import Settings, SourceFile
    from playbook.ingest.validate import Vocabulary

PARALLEL_MIN_FILES = 1500
"""Below this many files a worker pool costs more than it saves."""

Loaded = tuple["SourceFile", "Record | None", list[Problem]]

LoadOne = Callable[
    ["SourceFile", "Vocabulary", "Settings", dt.date], tuple["Record | None", list[Problem], float]
]
"""One file read, parsed and validated: (record or None, problems, read seconds);
``load.load_record``, passed in so that this module does not import the loader."""

Job = tuple[list["SourceFile"], "Vocabulary", "Settings", dt.date, LoadOne]

_job: Job | None = None
"""What a worker loads; set in each worker by :func:`_start_worker`."""


def workers_for(count: int) -> int:
    """How many processes to use for ``count`` files (1 = in-process)."""
    n = cores()
    if count < PARALLEL_MIN_FILES or n < 2:
        return 1
    return min(n, 8)


class RecordCache:
    """Loaded records kept between rebuilds (``serve``): a file is loaded again only when
    its size or modification time, the vocabulary or the settings changed."""

    def __init__(self) -> None:
        self._entries: dict[str, tuple[tuple[Any, ...], Loaded]] = {}
        self.hits = 0

    def split(
        self, files: list[SourceFile], context: tuple[Any, ...]
    ) -> tuple[dict[str, Loaded], list[SourceFile]]:
        """(cached results by path, files to load)."""
        hits: dict[str, Loaded] = {}
        misses: list[SourceFile] = []
        for source in files:
            entry = self._entries.get(source.path)
            if entry is not None and entry[0] == (*_stamp(source), *context):
                hits[source.path] = entry[1]
            else:
                misses.append(source)
        self.hits = len(hits)
        return hits, misses

    def store(self, loaded: list[Loaded], context: tuple[Any, ...], keep: set[str]) -> None:
        for item in loaded:
            self._entries[item[0].path] = ((*_stamp(item[0]), *context), item)
        for path in set(self._entries) - keep:
            del self._entries[path]


def _stamp(source: SourceFile) -> tuple[int, int]:
    try:
        st = source.file.stat()
    except OSError:
        return (-1, -1)
    return (st.st_mtime_ns, st.st_size)


def load_records(
    files: list[SourceFile],
    vocabulary: Vocabulary,
    settings: Settings,
    load_one: LoadOne,
    cache: RecordCache | None = None,
) -> tuple[list[Loaded], float, float]:
    """Every record file loaded, in ``files`` order: (results, read seconds, validate seconds).

    Seconds are wall time split in the proportion the workers spent reading and validating.
    With a ``cache``, unchanged files are taken from it.
    """
    if cache is None:
        return _load_all(files, vocabulary, settings, load_one)
    context = (repr(sorted((k, sorted(v.items())) for k, v in vocabulary.items())), settings)
    hits, misses = cache.split(files, context)
    loaded, read_s, check_s = _load_all(misses, vocabulary, settings, load_one)
    cache.store(loaded, context, {f.path for f in files})
    fresh = {item[0].path: item for item in loaded}
    return [hits.get(f.path) or fresh[f.path] for f in files], read_s, check_s


def _load_all(
    files: list[SourceFile], vocabulary: Vocabulary, settings: Settings, load_one: LoadOne
) -> tuple[list[Loaded], float, float]:
    today = settings.today or dt.date.today()
    started = time.perf_counter()
    workers = workers_for(len(files))
    method = start_method() if workers > 1 else None
    if method is None:
        results, read_s, total_s = _load_chunk(files, vocabulary, settings, today, load_one)
        return results, read_s, total_s - read_s
    bounds = _chunks(len(files), workers * 4)
    job: Job = (files, vocabulary, settings, today, load_one)
    # Forked workers inherit the job; a forkserver's get it pickled, once each.
    context = multiprocessing.get_context(method)
    with context.Pool(workers, initializer=_start_worker, initargs=(job,)) as pool:
        parts = pool.map(_load_range, bounds)
    wall = time.perf_counter() - started
    results = [item for part in parts for item in part[0]]
    read_s = sum(part[1] for part in parts)
    total_s = sum(part[2] for part in parts) or 1.0
    return results, wall * read_s / total_s, wall * (1 - read_s / total_s)


def _chunks(count: int, pieces: int) -> list[tuple[int, int]]:
    size = -(-count // pieces)
    return [(i, min(i + size, count)) for i in range(0, count, size)]


def _start_worker(job: Job) -> None:
    global _job
    _job = job


def _load_range(bounds: tuple[int, int]) -> tuple[list[Loaded], float, float]:
    assert _job is not None
    files, vocabulary, settings, today, load_one = _job
    return _load_chunk(files[bounds[0] : bounds[1]], vocabulary, settings, today, load_one)


def _load_chunk(
    files: list[SourceFile],
    vocabulary: Vocabulary,
    settings: Settings,
    today: dt.date,
    load_one: LoadOne,
) -> tuple[list[Loaded], float, float]:
    started = time.perf_counter()
    results: list[Loaded] = []
    read_total = 0.0
    for source in files:
        record, problems, read_s = load_one(source, vocabulary, settings, today)
        read_total += read_s
        results.append((source, record, problems))
    return results, read_total, time.perf_counter() - started
