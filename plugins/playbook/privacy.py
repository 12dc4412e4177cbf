"""Detect personal data that must live under ``private``, never in a published field."""

from __future__ import annotations

import re

_MOBILE = re.compile(r"(?<![\d.])(?:\+?86[- ]?)?1[3-9]\d(?:[- ]?\d{4}){2}(?![\d.])")
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
_RESIDENT_ID = re.compile(r"(?<![\dA-Za-z])(\d{17}[\dXx])(?![\dA-Za-z])")
_CANDIDATE = re.compile(r"@|1[3-9]\d|\d{17}")
"""What every match of the three patterns contains: one scan rules most texts out."""
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"


def _valid_resident_id(number: str) -> bool:
    """Mainland resident-ID numbers carry a checksum and a plausible birth date."""
    body, check = number[:17], number[17].upper()
    total = sum(int(d) * w for d, w in zip(body, _ID_WEIGHTS, strict=True))
    if _ID_CHECK[total % 11] != check:
        return False
    year, month, day = int(number[6:10]), int(number[10:12]), int(number[12:14])
    return 1900 <= year <= 2100 and 1 <= month <= 12 and 1 <= day <= 31


def find_personal_data(text: str) -> str | None:
    """The message code (``personal.*`` in :mod:`messages`) of the personal data in ``text``.

    Order numbers and prices are not flagged: a mobile number must be exactly
    eleven digits (optionally grouped), and a resident-ID number must pass its checksum.
    """
    if not _CANDIDATE.search(text):
        return None
    if _MOBILE.search(text):
        return "personal.mobile"
    if _EMAIL.search(text):
        return "personal.email"
    for match in _RESIDENT_ID.finditer(text):
        if _valid_resident_id(match.group(1)):
            return "personal.resident_id"
    return None


def browser_patterns() -> dict[str, str]:
    """The patterns above as JavaScript regular expressions (``u`` flag), by kind.

    The case composer runs the same check in the browser; ``\\d`` becomes ``\\p{Nd}``
    because Python's ``\\d`` matches every Unicode digit and JavaScript's only ASCII ones.
    """
    return {
        kind: pattern.pattern.replace(r"\d", r"\p{Nd}")
        for kind, pattern in (("mobile", _MOBILE), ("email", _EMAIL), ("resident_id", _RESIDENT_ID))
    }
