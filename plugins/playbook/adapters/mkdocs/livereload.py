"""``serve``'s file watcher: the platform's change notifications instead of polling.

MkDocs' live-reload server looks for changes by listing every watched file twice a
second, so an edit waits a quarter of a second on average before the rebuild even
starts, and the listing itself grows with the playbook. Watchdog's native observer
(inotify, FSEvents, ReadDirectoryChangesW) reports the save at once. Only events that
change content count: the build itself reads every file, and "opened" or "closed
without writing" would make each build trigger the next.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import mkdocs.commands.serve
import watchdog.events as events
from mkdocs.livereload import LiveReloadServer
from watchdog.observers import Observer
from watchdog.observers.api import ObservedWatch

CHANGES: list[type[events.FileSystemEvent]] = [
    events.FileCreatedEvent,
    events.FileModifiedEvent,
    events.FileDeletedEvent,
    events.FileMovedEvent,
    events.FileClosedEvent,
]
"""Events that mean content changed (folder events are ignored by MkDocs anyway)."""


class _ChangesObserver(Observer):  # type: ignore[misc,valid-type]
    """The platform's observer, passing on content changes only."""

    def schedule(
        self,
        event_handler: events.FileSystemEventHandler,
        path: str | Path,
        *,
        recursive: bool = False,
        event_filter: list[type[events.FileSystemEvent]] | None = None,
        follow_symlink: bool = False,
    ) -> ObservedWatch:
        return super().schedule(  # type: ignore[no-any-return]
            event_handler,
            path,
            recursive=recursive,
            event_filter=event_filter or CHANGES,
            follow_symlink=follow_symlink,
        )


class NotifiedLiveReloadServer(LiveReloadServer):
    """MkDocs' live-reload server, told about changes instead of polling for them."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.observer = _ChangesObserver()


@contextlib.contextmanager
def notified_changes() -> Iterator[None]:
    """Within this block, ``mkdocs.commands.serve.serve`` watches with notifications."""
    namespace = vars(mkdocs.commands.serve)  # serve() looks the class up there at each call
    original = namespace["LiveReloadServer"]
    namespace["LiveReloadServer"] = NotifiedLiveReloadServer
    try:
        yield
    finally:
        namespace["LiveReloadServer"] = original
