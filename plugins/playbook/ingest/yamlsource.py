"""Read one YAML file into plain Python values, remembering where each value stands.

PyYAML's C parser (libyaml) produces the events; a small composer here builds the
value tree itself so that it can enforce limits while parsing (file size, nesting
depth, values after alias expansion) and record a ``(line, column)`` for every
value and every mapping key. Nothing here knows about cases or objections.
"""

from __future__ import annotations

import codecs
import dataclasses
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn

import yaml

from playbook.core.messages import NO_MSG, Msg, msg
from playbook.core.problems import Problem
from playbook.ingest.cjkbreaks import refold

try:  # libyaml is part of PyYAML's wheels; fall back quietly if a build lacks it
    _Loader: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on the PyYAML build
    _Loader = yaml.SafeLoader

PathKey = tuple[str | int, ...]
Position = tuple[int, int]


@dataclass(frozen=True)
class Limits:
    """Bounds that keep hostile or accidental input cheap to reject.

    Each can be raised in ``mkdocs.yml`` under the ``playbook`` plugin's ``limits``.
    """

    max_file_bytes: int = 1_000_000
    """Largest accepted content file, in bytes."""
    max_depth: int = 32
    """Deepest nesting of mappings and lists in one file."""
    max_values: int = 20_000
    """Most values one file may hold, counting every expansion of a YAML alias."""
    max_records: int = 100_000
    """Most records (cases, objections, industries together) in one project."""


@dataclass
class Document:
    """A parsed YAML file: its data plus the source position of every value and key."""

    path: str
    data: Any
    positions: dict[PathKey, Position] = field(default_factory=dict)
    key_positions: dict[PathKey, Position] = field(default_factory=dict)

    def position(self, at: PathKey) -> Position:
        """Where the value at ``at`` starts; falls back to the nearest parent."""
        while True:
            if at in self.positions:
                return self.positions[at]
            if not at:
                return (1, 1)
            at = at[:-1]

    def key_position(self, at: PathKey) -> Position:
        """Where the mapping key naming ``at`` starts (or the value, if unknown)."""
        return self.key_positions.get(at) or self.position(at)

    def problem(
        self, at: PathKey, message: Msg, hint: Msg = NO_MSG, *, key: bool = False
    ) -> Problem:
        """A problem located at the value (or key) ``at`` in this document."""
        line, column = self.key_position(at) if key else self.position(at)
        return Problem(self.path, line, column, message, hint)


class SourceError(Exception):
    """A file that cannot be read as YAML; carries the finished problem."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.format())
        self.problem = problem


_resolver = yaml.resolver.Resolver()
_constructor = yaml.constructor.SafeConstructor()
_STR_TAG = "tag:yaml.org,2002:str"
_TEXT_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "timestamp")
)
"""Explicit tags a content value may carry; ``!!binary``, ``!!set``, ``!custom`` … may not."""
_CONTAINER_TAGS = frozenset({"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"})
_IMPLICIT: dict[str | None, list[tuple[str, Any]]] = _resolver.yaml_implicit_resolvers
_WILDCARD = _IMPLICIT.get(None, [])
_NONE: list[tuple[str, Any]] = []


def decode(raw: bytes, path: str) -> str:
    """Decode UTF-8 (with or without BOM); name the encoding problem otherwise."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or (
        len(raw) > 3 and (raw[1:2] == b"\x00" or raw[0:1] == b"\x00")
    ):
        raise SourceError(
            Problem(
                path,
                1,
                1,
                msg("file.utf16"),
                msg("file.utf16.hint"),
            )
        )
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8) :]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        # Everything before the bad byte decodes, so the position is in characters.
        prefix = raw[: exc.start].decode("utf-8")
        line, column = _line_column(prefix, len(prefix))
        guess = msg("encoding.gbk" if _decodes_as(raw, "gb18030") else "encoding.unknown")
        raise SourceError(
            Problem(
                path,
                line,
                column,
                msg("file.not_utf8", byte=f"{raw[exc.start]:02x}", guess=guess),
                msg("file.not_utf8.hint"),
            )
        ) from None
    if "\x00" in text:
        raise SourceError(Problem(path, 1, 1, msg("file.nul")))
    return text


_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
"""Line breaks as YAML (and so libyaml's marks) count them."""


def _line_column(text: str, index: int) -> Position:
    """1-based line and column of ``text[index]``, counting lines like the YAML parser."""
    before = text[:index]
    breaks = list(_LINE_BREAK.finditer(before))
    start = breaks[-1].end() if breaks else 0
    return len(breaks) + 1, index - start + 1


def _decodes_as(raw: bytes, encoding: str) -> bool:
    try:
        raw.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def read_document(file: Path, path: str, limits: Limits) -> Document:
    """Read and parse ``file``; ``path`` is the name used in messages.

    Raises:
        SourceError: the file is too large, not UTF-8, not valid YAML, or over a limit.
    """
    size = file.stat().st_size
    if size > limits.max_file_bytes:
        raise SourceError(
            Problem(
                path,
                1,
                1,
                msg("file.too_large", size=size, limit=limits.max_file_bytes),
                msg("file.too_large.hint"),
            )
        )
    return parse_document(decode(file.read_bytes(), path), path, limits)


@dataclass
class _Frame:
    container: dict[str, Any] | list[Any]
    path: PathKey
    anchor: str | None
    start_count: int
    key: str | None = None


def parse_document(text: str, path: str, limits: Limits) -> Document:
    """Parse YAML ``text`` (one document) into a :class:`Document`."""
    doc = Document(path, None)
    try:
        _compose(text, doc, limits)
    except SourceError as exc:
        if exc.problem.path:
            raise
        raise SourceError(dataclasses.replace(exc.problem, path=path)) from None  # from _scalar
    except yaml.MarkedYAMLError as exc:
        raise SourceError(_syntax_problem(exc, text, path)) from None
    except yaml.reader.ReaderError as exc:
        raise SourceError(_reader_problem(exc, text, path)) from None
    except yaml.YAMLError as exc:  # pragma: no cover - libyaml reports marks for all we know
        raise SourceError(Problem(path, 1, 1, msg("yaml.invalid", problem=str(exc)))) from None
    except UnicodeEncodeError:  # lone surrogates: only possible when called with a str
        raise SourceError(Problem(path, 1, 1, msg("yaml.not_unicode"))) from None
    return doc


def _reader_problem(exc: yaml.reader.ReaderError, text: str, path: str) -> Problem:
    """Locate a character YAML refuses (control characters, mostly pasted by accident)."""
    # libyaml reports a byte offset into the UTF-8 text; positions elsewhere are characters.
    index = len(text.encode("utf-8")[: max(0, int(exc.position))].decode("utf-8", "ignore"))
    line, column = _line_column(text, index)
    code = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or "?")
    return Problem(
        path,
        line,
        column,
        msg("yaml.control_char", code=f"{code:04X}"),
        msg("yaml.control_char.hint"),
    )


_KEY = r"^(\s*(?:-\s+)?)([A-Za-z_][\w-]*)"
_NEAR = 3
"""Lines before the one libyaml names that may hold the real cause of most slips."""
_SYNTAX_SLIPS: tuple[tuple[re.Pattern[str], str, int], ...] = (
    (re.compile(_KEY + r"\s*(：)"), "yaml.fullwidth_colon", _NEAR),
    (re.compile(_KEY + r":\s*\[[^\]\n]*?(，)"), "yaml.fullwidth_comma", _NEAR),
    # Curly quotes are plain text to YAML; they break it only around ": " inside them,
    # and libyaml may then complain many lines further down.
    (re.compile(_KEY + r":\s+([“”‘’])[^\n]*:\s"), "yaml.curly_quote", 10_000),
    # A quote opened and not closed on its line runs on to the next quote, far below.
    (re.compile(_KEY + r""":\s+(["'])(?:(?!\3).)*$"""), "yaml.unclosed_quote", 10_000),
    # `@` and a backtick are reserved: a plain value may not start with them (owner: @wang).
    (re.compile(_KEY + r":\s+([@`])"), "yaml.reserved_start", _NEAR),
    (re.compile(_KEY + r"(:)[^\s/:]"), "yaml.colon_space", _NEAR),
    (re.compile(r"^(\s*)()(-)[^\s\-]"), "yaml.dash_space", _NEAR),
)
"""Slips that make YAML fail, often on a later line: (pattern, message code, how many lines
before the reported one to look). The last group of each pattern is the offending
character; messages and hints share the code."""


def _syntax_problem(exc: yaml.MarkedYAMLError, text: str, path: str) -> Problem:
    """Name the real cause of a YAML syntax error, on the line where it is."""
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = str(exc.problem or exc.context or "invalid YAML")
    lines = text.splitlines()
    current = lines[line - 1] if 0 < line <= len(lines) else ""
    if "\t" in problem or "\t" in current[:column]:
        return Problem(path, line, column, msg("yaml.tab"), msg("yaml.tab.hint"))
    context = str(exc.context or "")
    if "quoted scalar" in context and exc.context_mark is not None:
        start = exc.context_mark
        quote = lines[start.line][start.column] if start.line < len(lines) else '"'
        return Problem(
            path,
            start.line + 1,
            start.column + 1,
            msg("yaml.unclosed_quote", quote=quote),
            msg("yaml.unclosed_quote.hint", quote=quote),
        )
    for index in range(min(line, len(lines)) - 1, -1, -1):
        source = lines[index].split(" #", 1)[0]
        if source.lstrip().startswith("#"):
            continue
        for pattern, code, look_back in _SYNTAX_SLIPS:
            found = pattern.match(source) if line - 1 - index <= look_back else None
            if found:
                at = found.start(found.lastindex or 0) + 1
                key = found.group(2) if (found.lastindex or 0) >= 2 else ""
                char = found.group(found.lastindex or 0)
                return Problem(
                    path,
                    index + 1,
                    at,
                    msg(code, key=key, quote=char),
                    msg(f"{code}.hint", key=key, quote=char),
                )
    return Problem(
        path, line, column, msg("yaml.invalid", problem=problem), msg("yaml.invalid.hint")
    )


def _compose(text: str, doc: Document, limits: Limits) -> None:
    """Build ``doc.data`` and its positions from the parser's events.

    Runs once per value, half a million times for 10,000 cases: keep the loop lean.
    """
    stack: list[_Frame] = []
    top: _Frame | None = None
    anchors: dict[str, tuple[Any, int]] = {}
    count = 0
    documents = 0
    positions, key_positions = doc.positions, doc.key_positions
    max_values, max_depth = limits.max_values, limits.max_depth

    def fail(mark: Any, message: Msg, hint: Msg = NO_MSG) -> NoReturn:
        raise SourceError(Problem(doc.path, mark.line + 1, mark.column + 1, message, hint))

    def too_many(mark: Any) -> NoReturn:
        fail(
            mark,
            msg("yaml.too_many_values", limit=max_values),
            msg("yaml.too_many_values.hint"),
        )

    def place(value: Any, mark: Any) -> PathKey | None:
        """Put ``value`` into the open container; returns its path, or None for a key."""
        position = (mark.line + 1, mark.column + 1)
        if top is None:
            doc.data = value
            positions[()] = position
            return ()
        container = top.container
        if isinstance(container, list):
            at: PathKey = (*top.path, len(container))
            container.append(value)
        elif top.key is None:
            if isinstance(value, dict | list):
                fail(mark, msg("yaml.key_not_text"))
            key = _key_text(value)
            if key in container:
                first = key_positions.get((*top.path, key), (0, 0))[0]
                fail(
                    mark,
                    msg("yaml.duplicate_key", key=key, first=first),
                    msg("yaml.duplicate_key.hint"),
                )
            top.key = key
            key_positions[(*top.path, key)] = position
            return None
        else:
            at = (*top.path, top.key)
            container[top.key] = value
            top.key = None
        positions[at] = position
        return at

    for event in _events(text):
        kind = type(event)
        if kind is _SCALAR:
            count += 1
            if count > max_values:
                too_many(event.start_mark)
            value = _scalar(event)
            if event.end_mark.line != event.start_mark.line and type(value) is str:
                value = _unfolded(text, event, value)
            place(value, event.start_mark)
            if event.anchor:
                anchors[event.anchor] = (value, 1)
        elif kind is _MAPPING_START or kind is _SEQUENCE_START:
            count += 1
            if count > max_values:
                too_many(event.start_mark)
            if len(stack) >= max_depth:
                fail(
                    event.start_mark,
                    msg("yaml.too_deep", limit=max_depth),
                    msg("yaml.too_deep.hint"),
                )
            if event.tag is not None and event.tag not in _CONTAINER_TAGS:
                fail(
                    event.start_mark,
                    msg("yaml.tag", tag=_short_tag(event.tag)),
                    msg("yaml.tag.hint"),
                )
            container: dict[str, Any] | list[Any] = {} if kind is _MAPPING_START else []
            at = place(container, event.start_mark)
            assert at is not None  # containers are never accepted as keys
            top = _Frame(container, at, event.anchor, count - 1)
            stack.append(top)
        elif kind is _MAPPING_END or kind is _SEQUENCE_END:
            frame = stack.pop()
            top = stack[-1] if stack else None
            if frame.anchor:
                anchors[frame.anchor] = (frame.container, count - frame.start_count)
        elif kind is _ALIAS:
            name = event.anchor or ""
            if name not in anchors:
                fail(event.start_mark, msg("yaml.unknown_alias", name=name))
            value, size = anchors[name]
            count += size
            if count > max_values:
                too_many(event.start_mark)
            place(value, event.start_mark)
        elif kind is _DOCUMENT_START:
            documents += 1
            if documents > 1:
                fail(
                    event.start_mark,
                    msg("yaml.multiple_documents"),
                    msg("yaml.multiple_documents.hint"),
                )


_SCALAR, _ALIAS, _DOCUMENT_START = yaml.ScalarEvent, yaml.AliasEvent, yaml.DocumentStartEvent
_MAPPING_START, _MAPPING_END = yaml.MappingStartEvent, yaml.MappingEndEvent
_SEQUENCE_START, _SEQUENCE_END = yaml.SequenceStartEvent, yaml.SequenceEndEvent


def _events(text: str) -> Iterator[Any]:
    """The parser's events, pulled straight from libyaml (``yaml.parse`` without its overhead)."""
    loader = _Loader(text)
    try:
        get_event = loader.get_event
        while True:
            event = get_event()
            if type(event) is yaml.StreamEndEvent:
                return
            yield event
    finally:
        loader.dispose()


def _unfolded(text: str, event: Any, value: str) -> str:
    """A scalar over several lines whose line breaks YAML folded into spaces (plain,
    single-quoted, ``>``) keeps no space between CJK characters (:func:`cjkbreaks.refold`)."""
    style = event.style or None
    if style not in (None, "'", ">"):
        return value
    return refold(value, text[event.start_mark.index : event.end_mark.index], style)


def _short_tag(tag: str) -> str:
    """``tag:yaml.org,2002:binary`` → ``!!binary``."""
    return "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml.org") else tag


def _key_text(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _scalar(event: Any) -> Any:
    """Resolve and construct a plain scalar the way PyYAML's SafeLoader would."""
    tag = event.tag
    if tag is None or tag == "!":
        # Resolver.resolve for scalars, inlined: most values (Chinese text, quoted
        # strings) have no implicit resolver for their first character and stay text.
        value = event.value
        tag = _STR_TAG
        if event.implicit[0]:
            for candidate, regexp in _IMPLICIT.get(value[:1], _NONE) + _WILDCARD:
                if regexp.match(value):
                    tag = candidate
                    break
    if tag == _STR_TAG:
        return event.value
    construct = _constructor.yaml_constructors.get(tag) if tag in _TEXT_TAGS else None
    if construct is None:
        raise SourceError(
            Problem(
                "",
                event.start_mark.line + 1,
                event.start_mark.column + 1,
                msg("yaml.tag", tag=_short_tag(tag)),
                msg("yaml.tag.hint"),
            )
        )
    node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
    try:
        return construct(_constructor, node)
    except (ValueError, OverflowError):
        # e.g. 2026-13-01 looks like a date but is none: keep the text and let the
        # validator say which field expected what.
        return event.value
