"""A line break between two CJK characters is not rendered as a space.

Chinese is written without spaces between words, but a Markdown (or HTML) line break
inside a paragraph reads as one: ``客户当时\\n很着急`` shows as "客户当时 很着急". Browsers
keep that space, and Python-Markdown (and pymdown-extensions) have no option against it,
so the break is removed where both neighbours are CJK (Han, kana, CJK punctuation and
full-width forms; not Hangul, which is written with spaces), as Pandoc's
``east_asian_line_breaks`` does:

- in Markdown fields and hand-written pages by :class:`CjkLineBreaks`, a tree processor
  that runs after inline parsing, so emphasis and links between the two characters count
  (``**加粗**\\n继续``) and code spans and blocks are left exactly as written;
- in plain text fields by :func:`join_cjk_lines`;
- in YAML's folded scalars (``>``, and plain or single-quoted text over several lines),
  where YAML itself turns each line break into a space, by :func:`refold` while the file
  is read.

Linear time: each line break is looked at once, with the whitespace next to it.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from typing import Any

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

_RANGES = (
    (0x2E80, 0x2FDF),  # CJK radicals, Kangxi radicals
    (0x3000, 0x303F),  # CJK symbols and punctuation (、。「」…)
    (0x3040, 0x30FF),  # hiragana, katakana
    (0x3100, 0x312F),  # bopomofo
    (0x3190, 0x31FF),  # kanbun, bopomofo extended, CJK strokes, katakana extensions
    (0x3400, 0x4DBF),  # CJK extension A
    (0x4E00, 0x9FFF),  # CJK unified ideographs
    (0xF900, 0xFAFF),  # CJK compatibility ideographs
    (0xFE30, 0xFE4F),  # CJK compatibility forms
    (0xFF00, 0xFF9F),  # full-width forms (，：！（）) and half-width katakana
    (0x20000, 0x3FFFF),  # CJK extensions B–H
)
_SPACE = " \t"
_SKIPPED = frozenset({"pre", "code", "kbd", "samp", "script", "style"})
"""Elements whose text is shown as written (code), never joined inside."""


def is_cjk(char: str) -> bool:
    """Whether ``char`` belongs to a script written without spaces between words."""
    code = ord(char)
    return any(low <= code <= high for low, high in _RANGES) if code >= 0x2E80 else False


def _breaks(text: str, before: str, after: str) -> str:
    """``text`` without the line breaks (and the spaces or tabs around them) that stand
    between two CJK characters; ``before``/``after`` are the characters next to ``text``."""
    if "\n" not in text:
        return text
    out: list[str] = []
    start = 0
    i = text.find("\n")
    while i != -1:
        left = i
        while left > start and text[left - 1] in _SPACE:
            left -= 1
        right = i + 1
        while right < len(text) and text[right] in _SPACE:
            right += 1
        prev = text[left - 1] if left > 0 else before
        nxt = text[right] if right < len(text) else after
        if prev and nxt and is_cjk(prev) and is_cjk(nxt):
            out.append(text[start:left])
            start = right
        i = text.find("\n", max(i + 1, right))
    out.append(text[start:])
    return "".join(out)


def join_cjk_lines(text: str) -> str:
    """A plain text with its line breaks between CJK characters removed."""
    return _breaks(text, "", "")


_BLANK = " \t\r\n"


def refold(value: str, source: str, style: str | None) -> str:
    """A folded YAML scalar without the spaces YAML made of line breaks between CJK
    characters. ``value`` is the parsed text, ``source`` the scalar as written (from its
    first character, quote or ``>`` to its end), ``style`` PyYAML's (None for plain, ``'``
    or ``>``). Where value and source cannot be aligned (more-indented lines, escapes), the
    value is returned as parsed. Linear: one pass over both."""
    if style == ">":
        start = source.find("\n") + 1
        while start < len(source) and source[start] == " ":
            start += 1  # the first line's indentation
        source = source[start:] if start else ""
    elif style == "'":
        source = source[1:-1]
    body = value.rstrip("\n")  # a block scalar's final line breaks (its chomping)
    tail, value = value[len(body) :], body
    folds: list[int] = []
    i = j = 0
    n, m = len(value), len(source)
    while i < n and j < m:
        char = source[j]
        if char in _BLANK:
            k, newlines = j, 0
            while k < m and source[k] in _BLANK:
                newlines += source[k] == "\n"
                k += 1
            if newlines:
                if newlines == 1:
                    if value[i] != " ":
                        return value + tail
                    folds.append(i)
                    i += 1
                else:
                    kept = newlines - 1  # an empty line between two is kept as a line break
                    if value[i : i + kept] != "\n" * kept:
                        return value + tail
                    i += kept
                j = k
                continue
        if style == "'" and char == "'" and source[j + 1 : j + 2] == "'":
            j += 1  # '' is one quote
        if value[i] != source[j]:
            return value + tail
        i += 1
        j += 1
    if i < n:
        return value + tail  # the source ended first: not aligned
    out, last = [], 0
    for f in folds:
        if 0 < f < n - 1 and is_cjk(value[f - 1]) and is_cjk(value[f + 1]):
            out.append(value[last:f])
            last = f + 1
    out.append(value[last:])
    return "".join(out) + tail


Slot = tuple[etree.Element, str | None]
"""A text of the tree: an element's ``text`` or ``tail``; or (``None``) the whole text of a
code element, read for its first and last characters but never changed."""


def _slots(element: etree.Element, out: list[Slot]) -> None:
    if element.tag in _SKIPPED:
        out.append((element, None))
        return
    out.append((element, "text"))
    for child in element:
        _slots(child, out)
        out.append((child, "tail"))


def _value(slot: Slot) -> str:
    element, attr = slot
    if attr is None:
        return "".join(element.itertext())
    return getattr(element, attr) or ""


class CjkTreeprocessor(Treeprocessor):
    """Joins lines between CJK characters across the text of inline elements."""

    def run(self, root: etree.Element) -> None:
        slots: list[Slot] = []
        _slots(root, slots)
        texts = [_value(s) for s in slots]
        for i, (element, attr) in enumerate(slots):
            text = texts[i]
            if attr is None or "\n" not in text:
                continue
            joined = _breaks(text, _neighbour(texts, i, -1), _neighbour(texts, i, 1))
            if joined != text:
                setattr(element, attr, joined)
                texts[i] = joined


def _neighbour(texts: list[str], i: int, step: int) -> str:
    """The character just before (step -1) or after (+1) text ``i``; "" at the end.
    Empty texts are skipped: a run of them lies between two non-empty texts, so it is
    walked at most twice in all."""
    j = i + step
    while 0 <= j < len(texts):
        if texts[j]:
            return texts[j][-1] if step < 0 else texts[j][0]
        j += step
    return ""


class CjkLineBreaks(Extension):
    """Python-Markdown extension: no space for a line break between CJK characters."""

    def extendMarkdown(self, md: Markdown) -> None:
        # After inline parsing (20), before pretty-printing adds its own line breaks (10).
        md.treeprocessors.register(CjkTreeprocessor(md), "playbook_cjk_breaks", 15)


def makeExtension(**kwargs: Any) -> CjkLineBreaks:
    """Entry for ``markdown_extensions: [playbook.ingest.cjkbreaks]``."""
    return CjkLineBreaks(**kwargs)
