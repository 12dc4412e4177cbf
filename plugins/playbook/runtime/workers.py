"""Worker processes: how many cores there are, and how to start workers safely.

One rule for every pool of the build: never ``fork`` while another thread runs.
"""

from __future__ import annotations

import multiprocessing
import os
import threading


def cores() -> int:
    """CPU cores this process may use."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def other_threads() -> bool:
    """Whether a thread other than this one runs in the process."""
    return threading.active_count() > 1


def start_method() -> str | None:
    """How to start worker processes now: ``fork`` when no other thread runs (a forked child
    keeps a copy of every lock, and one held by another thread, e.g. serve's web server,
    watcher or Pagefind feed, is never released there), else ``forkserver``; None when the
    platform has neither (then work in-process)."""
    methods = multiprocessing.get_all_start_methods()
    if not other_threads() and "fork" in methods:
        return "fork"
    return "forkserver" if "forkserver" in methods else None
