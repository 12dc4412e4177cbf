"""A page the build generates: where it goes, its title, its template and what it shows."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from playbook.core import urls
from playbook.site.shows import Key


@dataclass(frozen=True)
class GeneratedPage:
    """One page the build adds: where it goes, its title and what renders it."""

    src_uri: str
    """Path as if it were a Markdown file in the docs folder, e.g. ``cases/x.md``."""
    title: str
    template: str
    context: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)
    hide: tuple[str, ...] = ()
    """Theme parts the page leaves out (Material's ``hide:``: ``navigation``, ``toc``)."""
    shows_of: Callable[[], Iterable[Key]] = field(default=tuple, hash=False, compare=False)
    """The catalog facts the template reads beyond ``context`` (see :mod:`shows`), declared
    with the context and computed when asked (only ``serve`` and ``--changed-since`` ask)."""

    @property
    def shows(self) -> frozenset[Key]:
        return frozenset(self.shows_of())

    @property
    def url(self) -> str:
        """Directory-style URL relative to the site root, e.g. ``cases/x/``."""
        return urls.page_url(self.src_uri)
