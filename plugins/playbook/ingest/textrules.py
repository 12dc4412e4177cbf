"""Rules for published text that no schema type expresses.

- NUL bytes and bidi overrides (U+202A–U+202E, U+2066–U+2069) are refused: a NUL cuts
  text short in many tools, and an override makes text read differently from how it is
  stored ("Trojan source"), so reviewers would approve something else than readers see.
- A text made only of invisible characters (zero-width spaces, joiners, fillers) looks
  empty on the page and is refused like an empty one.
- Ids that are reserved device names on Windows (``con``, ``nul``, ``aux``, ``com1`` …)
  cannot be checked out there, so they are refused too.
"""

from __future__ import annotations

import re

from playbook.core.messages import Msg, msg

_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
_NUL = "\x00"
_INVISIBLE_ONLY = re.compile(
    "[\\s\u00ad\u034f\u061c\u115f\u1160\u180e\u200b-\u200f\u202a-\u202e"
    "\u2060-\u206f\u2800\u3164\ufeff\uffa0]*"
)
"""Whitespace and characters that render as nothing (or as blank, like U+2800)."""

WINDOWS_RESERVED = frozenset(
    {"con", "prn", "aux", "nul"} | {f"com{i}" for i in range(10)} | {f"lpt{i}" for i in range(10)}
)
"""Device names Windows reserves, with or without an extension (``con.yaml``)."""


def invisible_problem(text: str) -> tuple[int, Msg, Msg] | None:
    """(index, message, hint) of the first NUL byte or bidi override in ``text``."""
    nul = text.find(_NUL)
    bidi = _BIDI.search(text)
    if nul == -1 and bidi is None:
        return None
    if bidi is None or (nul != -1 and nul < bidi.start()):
        return nul, msg("text.nul"), msg("text.nul.hint")
    code = f"U+{ord(bidi.group(0)):04X}"
    return bidi.start(), msg("text.bidi", code=code), msg("text.bidi.hint")


def looks_empty(text: str) -> bool:
    """True when ``text`` holds only whitespace and invisible characters."""
    return _INVISIBLE_ONLY.fullmatch(text) is not None


def windows_reserved(ident: str) -> bool:
    """Whether ``ident`` is a device name reserved on Windows."""
    return ident.lower() in WINDOWS_RESERVED
