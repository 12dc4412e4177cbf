"""Site-wide search with Pagefind: mark what is searchable, then index the built site.

Pagefind (extended build: CJK segmentation, filters, a chunked index) runs over the
finished HTML after the site is written. Only elements marked ``data-pagefind-body``
are indexed, so index pages and theme chrome stay out of the results, and ``private``
content — which never reaches any page — cannot reach the index either.
"""

from __future__ import annotations

import html
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from .render import GeneratedPage

KINDS = ("case", "objection", "industry", "pain_point", "page")
"""Kinds of search hits; each page carries one as a Pagefind filter and meta value."""

OUTPUT_SUBDIR = "pagefind"

_H1 = re.compile(r"<h1[\s>]", re.IGNORECASE)


def searchable(content: str, *, title: str, kind: str, kind_label: str) -> str:
    """Wrap a page's content so Pagefind indexes it as one ``kind`` hit.

    The page title goes inside the indexed region as the page's ``<h1>`` (the theme
    prints its own ``<h1>`` only when the content has none), so titles are searchable.
    """
    if kind not in KINDS:
        raise ValueError(f"unknown search kind {kind!r}")
    label = html.escape(kind_label, quote=True)
    heading = "" if _H1.search(content) else f"<h1>{html.escape(title, quote=False)}</h1>\n"
    return (
        f'<div class="pb-searchable" data-pagefind-body data-pagefind-filter="kind:{label}" '
        f'data-pagefind-meta="kind:{label}">\n'
        f'<span data-pagefind-meta="kind_id:{kind}" hidden></span>\n{heading}{content}\n</div>'
    )


@dataclass(frozen=True)
class IndexReport:
    """What Pagefind wrote: the bundle folder, its size and Pagefind's own summary."""

    output: Path
    bytes: int
    log: str

    @property
    def index_bytes(self) -> int:
        """Bytes of the index proper (fragments, index chunks, filters, meta), without the UI."""
        return sum(
            f.stat().st_size
            for f in self.output.rglob("*")
            if f.is_file() and (f.suffix.startswith(".pf_") or f.parent != self.output)
        )


class SearchIndexError(RuntimeError):
    """Pagefind failed; the message holds its output."""


def index_site(
    site_dir: Path, *, timeout: float = 600.0, output: Path | None = None
) -> IndexReport:
    """Run Pagefind's extended binary over ``site_dir``.

    The bundle goes to ``site_dir/pagefind/``, or to ``output`` when given.
    """
    target = ["--output-path", str(output)] if output else ["--output-subdir", OUTPUT_SUBDIR]
    command = [
        sys.executable,
        "-m",
        "pagefind",
        "--site",
        str(site_dir),
        *target,
        # Markdown's permalink anchors ("¶") are chrome, not content.
        "--exclude-selectors",
        ".headerlink",
    ]
    try:
        done = subprocess.run(
            command, capture_output=True, text=True, encoding="utf-8", timeout=timeout, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise SearchIndexError(f"could not run Pagefind: {exc}") from exc
    text = done.stdout + done.stderr
    if done.returncode != 0:
        raise SearchIndexError(f"Pagefind exited with {done.returncode}:\n{text}")
    bundle = output or site_dir / OUTPUT_SUBDIR
    size = sum(f.stat().st_size for f in bundle.rglob("*") if f.is_file())
    return IndexReport(output=bundle, bytes=size, log=text)


_TEMPLATE_KINDS = {
    "records/case.html": "case",
    "records/objection.html": "objection",
    "records/industry.html": "industry",
    "records/pain_point.html": "pain_point",
}


def search_kind(generated: GeneratedPage | None) -> str | None:
    """The search kind of a page: its record kind, ``page`` for hand-written pages.

    Generated listings (``/cases/``, its pagination, the other indexes) return None: they
    only repeat record titles, so indexing them would duplicate every hit.
    """
    if generated is None:
        return "page"
    return _TEMPLATE_KINDS.get(generated.template)
