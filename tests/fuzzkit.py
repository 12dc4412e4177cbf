"""Shared checks for the fuzz tests: a load either succeeds or yields clean, located problems."""

from __future__ import annotations

import re
from pathlib import Path

from playbook.derive.catalog import build_catalog
from playbook.ingest.load import LoadResult
from playbook.site.render import Renderer

PROBLEM_LINE = re.compile(
    r"^(?P<path>[^\n:]+):(?P<line>[1-9]\d*):(?P<column>[1-9]\d*): (?:warning: )?\S[^\n]*$"
)
"""``path:line:column: message`` on one line, as editors and CI annotations expect."""

_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
"""Line breaks as YAML counts them (CR, LF, CRLF, NEL, LS, PS)."""


def source_lines(text: str) -> list[str]:
    """The lines of a file the way the YAML parser numbers them."""
    return _LINE_BREAK.split(text)


def assert_clean(result: LoadResult, root: Path) -> None:
    """Every problem is one well-formed line pointing inside an existing file or folder."""
    for problem in result.problems:
        text = problem.format()
        match = PROBLEM_LINE.match(text)
        assert match, f"badly formed problem: {text!r}"
        assert match["path"] == problem.path
        target = root / problem.path
        assert target.exists() or target.is_symlink(), text
        if target.is_dir():
            assert (problem.line, problem.column) == (1, 1), text
            continue
        raw = target.read_bytes().removeprefix(b"\xef\xbb\xbf")
        # Columns count characters; up to the first undecodable byte they are exact.
        lines = source_lines(raw.decode("utf-8", errors="replace"))
        # A parser may point just past the last line ("unexpected end of stream").
        assert 1 <= problem.line <= len(lines) + 1, text
        if problem.line <= len(lines):
            assert problem.column <= len(lines[problem.line - 1]) + 1, text
        else:
            assert problem.column == 1, text


def render_touched(result: LoadResult, *fragments: str) -> int:
    """Render the pages whose source path contains one of ``fragments``, plus every index."""
    assert result.taxonomy is not None and result.records is not None
    renderer = Renderer(build_catalog(result.taxonomy, result.records))
    count = 0
    for page in renderer.pages():
        if page.src_uri.endswith("index.md") or any(f in page.src_uri for f in fragments):
            assert isinstance(renderer.render(page), str)
            count += 1
    return count
