"""Long-running commands (``serve``, ``host``) stop on SIGTERM as they do on Ctrl+C.

A process manager, ``timeout`` or ``build.py`` passing a signal on sends SIGTERM, whose
default action ends Python at once: ``serve`` would leave its temporary folders, and
``host`` its Caddy process (still holding the port). Turned into KeyboardInterrupt, it
runs the same clean-up as Ctrl+C.
"""

from __future__ import annotations

import signal
from types import FrameType


def stop_on_sigterm() -> None:
    """From now on, SIGTERM raises KeyboardInterrupt in the main thread."""
    signal.signal(signal.SIGTERM, _interrupt)


def _interrupt(signum: int, frame: FrameType | None) -> None:
    """Stop like Ctrl+C; a second SIGTERM or Ctrl+C while shutting down is ignored (it
    would raise inside the clean-up, e.g. serve's watcher, and print a traceback)."""
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    raise KeyboardInterrupt
