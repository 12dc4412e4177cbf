"""Query folding shared by the build and the browser: Traditional → Simplified, lower case.

The character table ``assets/t2s.json`` is generated from OpenCC's ``t2s`` conversion
(PyPI ``opencc``, pinned in the ``test`` extra) by ``python -m playbook.core.fold``; the
browser's query module (``assets/query.js``) fetches the same file, so a word folds the
same way in ``check``, in the synonym data and in the search box. A test regenerates the
table and compares it with the shipped one.
"""

from __future__ import annotations

import functools
import json
import sys
from pathlib import Path

TABLE = Path(__file__).parents[1] / "site" / "assets" / "t2s.json"
"""Shared with the browser (the search scripts load it), so it sits with the site's assets."""

_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF))
"""Code points looked up: CJK Unified Ideographs, Extension A, Compatibility Ideographs."""


@functools.cache
def _table() -> dict[int, int]:
    data = json.loads(TABLE.read_text(encoding="utf-8"))
    return str.maketrans(data["t"], data["s"])


def fold(text: str) -> str:
    """``text`` with Traditional characters as Simplified, lower-cased."""
    return text.translate(_table()).lower()


def generate() -> dict[str, str]:
    """The table from OpenCC: each character whose t2s conversion is one other character."""
    import opencc  # type: ignore[import-not-found,unused-ignore]

    convert = opencc.OpenCC("t2s").convert
    traditional, simplified = [], []
    for low, high in _RANGES:
        for point in range(low, high + 1):
            char = chr(point)
            out = convert(char)
            if out != char and len(out) == 1:
                traditional.append(char)
                simplified.append(out)
    return {
        "source": f"OpenCC {opencc.__version__} t2s, character by character",
        "t": "".join(traditional),
        "s": "".join(simplified),
    }


def write(path: Path = TABLE) -> None:
    path.write_text(json.dumps(generate(), ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    write()
    sys.exit(0)
