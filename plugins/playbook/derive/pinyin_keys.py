"""Pinyin search keys, computed at build time so the finder can match pinyin offline.

A key is the text as space-separated toneless syllables, e.g. 价格高 → ``jia ge gao``.
Latin letters and digits stay as lowercase tokens; punctuation is dropped. The
browser matches a query from any syllable boundary, each syllable taken in full
or by its first letter, so ``jg``, ``jiage`` and ``jiag`` all find 价格.

Only the reading pypinyin picks from phrase context is kept (银行 → yin hang):
listing every reading of polyphones made initials match far too much.
"""

from __future__ import annotations

import re

from pypinyin import Style, lazy_pinyin

_HAN_CLASS = "\u3400-\u9fff\uf900-\ufaff"
_RUNS = re.compile(f"[{_HAN_CLASS}]+|[^{_HAN_CLASS}]+")
_HAN = re.compile(f"[{_HAN_CLASS}]")
_TOKEN = re.compile(r"[0-9a-z]+")


def syllables(text: str) -> list[str]:
    """``text`` as lowercase syllables (Han characters) and tokens (Latin letters, digits)."""
    out: list[str] = []
    for run in _RUNS.findall(text):
        if _HAN.match(run):
            # Whole runs go to lazy_pinyin so it reads polyphones in context.
            for item in lazy_pinyin(run, style=Style.NORMAL, errors="ignore"):
                out.extend(_TOKEN.findall(item.lower()))
        else:
            out.extend(_TOKEN.findall(run.lower()))
    return out


def pinyin_key(text: str) -> str:
    """The search key of ``text``: its syllables separated by spaces."""
    return " ".join(syllables(text))
