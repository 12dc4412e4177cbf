"""Fast scans of a built site: every HTML element and attribute; every file's bytes, decompressed.

A streaming ``html.parser`` pass is several times faster than building a soup
for each of a few hundred pages, which keeps the XSS and leak tests quick.
"""

from __future__ import annotations

import gzip
import re
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from playbook.ingest.publish import DEFAULT_PUBLISH_TYPES

VOID = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
    "track", "wbr",
}  # fmt: skip


@dataclass
class Element:
    tag: str
    attrs: list[tuple[str, str]]
    in_content: bool
    """Inside the page's article (``article.md-content__inner``): generated content."""


@dataclass
class PageScan:
    elements: list[Element] = field(default_factory=list)
    scripts: list[str] = field(default_factory=list)
    """Text of every inline script."""
    title: str = ""
    text: str = ""


class _Scanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scan = PageScan()
        self._article_depth = 0  # > 0 inside the content article
        self._in = ""  # "script" or "title" while inside one
        self._buffer: list[str] = []
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        pairs = [(k, v or "") for k, v in attrs]
        if tag == "article" and "md-content__inner" in dict(pairs).get("class", ""):
            self._article_depth = 1
        elif self._article_depth and tag == "article":
            self._article_depth += 1
        self.scan.elements.append(Element(tag, pairs, self._article_depth > 0))
        if tag in {"script", "title"}:
            self._in, self._buffer = tag, []

    def handle_endtag(self, tag: str) -> None:
        if tag == "article" and self._article_depth:
            self._article_depth -= 1
        if tag == self._in:
            text = "".join(self._buffer)
            if tag == "script":
                self.scan.scripts.append(text)
            else:
                self.scan.title = text
            self._in = ""

    def handle_data(self, data: str) -> None:
        if self._in:
            self._buffer.append(data)
        else:
            self._text.append(data)


def scan_html(text: str) -> PageScan:
    """Every element (with its attributes), inline script, the title and the visible text."""
    scanner = _Scanner()
    scanner.feed(text)
    scanner.close()
    scanner.scan.text = "".join(scanner._text)
    return scanner.scan


def html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def file_texts(site: Path) -> Iterator[tuple[str, str]]:
    """(relative path, text) of every file of the site, gzip/zlib payloads decompressed.

    Covers sitemap.xml.gz and Pagefind's ``*.pf_*`` chunks (gzip) as well as plain
    files; text is decoded leniently, and JSON ``\\uXXXX`` escapes are resolved.
    """
    for file in sorted(site.rglob("*")):
        if not file.is_file():
            continue
        rel = file.relative_to(site).as_posix()
        raw = file.read_bytes()
        for data in _decompressed(raw):
            text = data.decode("utf-8", errors="replace")
            yield rel, text
            if "\\u" in text:
                yield rel, _unescape_json(text)


def _decompressed(raw: bytes) -> Iterator[bytes]:
    yield raw
    unpacked = b""
    try:
        if raw[:2] == b"\x1f\x8b":
            unpacked = gzip.decompress(raw)
        elif raw[:1] == b"\x78":
            unpacked = zlib.decompress(raw)
    except (OSError, EOFError, zlib.error):
        return  # merely looked compressed
    if unpacked:
        yield unpacked


def _unescape_json(text: str) -> str:
    return re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m[1], 16)), text)


SITE_FILES = ("404.html", "sitemap.xml", "sitemap.xml.gz")
GENERATED_FOLDERS = ("assets/", "pagefind/", "search/")
"""Theme and package assets, the Pagefind bundle, MkDocs' own search index (if enabled)."""
LIBRARY_DATA = re.compile(r"^cases/(facets\.json|composer\.json|cards/\d+\.json)$")
"""The case library's data and the case composer's."""


def outside_allowlist(site: Path, asset_types: Iterable[str] = DEFAULT_PUBLISH_TYPES) -> list[str]:
    """Files of a built site that no allow-list rule explains (empty for a sound build).

    Pages (``.html``), the sitemap, generated folders and data, and assets of the
    allowed types; anything else — a ``.yaml``, ``.txt``, an editor leftover — is listed.
    """
    types = {t.lower() for t in asset_types}
    found = []
    for file in sorted(site.rglob("*")):
        if not file.is_file():
            continue
        rel = file.relative_to(site).as_posix()
        suffix = rel.rpartition(".")[2].lower() if "." in file.name else ""
        if (
            rel.endswith(".html")
            or rel in SITE_FILES
            or rel.startswith(GENERATED_FOLDERS)
            or LIBRARY_DATA.match(rel)
            or suffix in types
        ):
            continue
        found.append(rel)
    return found
