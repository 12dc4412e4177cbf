"""Detect personal data that must live under ``private``, never in published text.

Linear time, whatever the input: the text is normalised once (NFKC, so full-width
``１３９`` and ``＠`` count; zero-width and other format characters, HTML comments,
tags and Markdown emphasis removed, entities decoded — what a reader sees), and
every pattern is anchored on a short, fixed-width shape. E-mail addresses are found
from each ``@`` outwards within the lengths RFC 5321 allows, instead of by a pattern
whose unbounded runs could be retried from every start position (quadratic).

Values are never echoed: a finding carries its kind and a masked form
(``138****5678``), and :func:`redact` masks personal data in any message.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass

_SEP = r"[-. \u00a0]"
"""What people put between digit groups: hyphen, dot, space."""
_GROUPS = rf"[3-9]\d{_SEP}?(?:\d{{4}}{_SEP}?\d{{4}}|\d{{3}}{_SEP}?\d{{5}})(?!\d|\.\d)"
_MOBILES = (
    re.compile(rf"1(?<!\d1)(?<!\d\.1)({_GROUPS})"),
    re.compile(rf"8(?<!\d8)6{_SEP}?1({_GROUPS})"),
)
"""Mainland mobile numbers: 11 digits from 13x–19x, grouped any way people write them
(138 1234 5678, 138.1234.5678, 138 123 45678), optionally after +86. Each pattern starts
with a literal, so the scan runs at C speed; lookbehinds come after it."""
_LANDLINES = (
    re.compile(r"0(?<!\d0)\d{2,3}[- ]([2-9]\d{6,7})(?!\d)"),
    re.compile(r"\(0\d{2,3}\)\s?([2-9]\d{6,7})(?!\d)"),
)
"""Landlines with an area code: 021-62345678, (010) 62345678, 0755 2345678."""
_RESIDENT_ID = re.compile(r"\d(?<![\dA-Za-z]\d)\d{16}[\dXx](?![\dA-Za-z])")
_LOCAL_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._%+-")
_DOMAIN = r"[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}(?![A-Za-z0-9-])"
_AT = re.compile(rf"@(?<=[A-Za-z0-9._%+-]@)(?={_DOMAIN})")
"""An ``@`` with a local-part character before it and a domain after it (bounded)."""
_DOMAIN_AT = re.compile(_DOMAIN)
_LOCAL_MAX = 64
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"

_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
_TAG = re.compile(r"</?[A-Za-z][^<>]{0,2000}>")
_EMPHASIS = re.compile(r"[*_`~\\]")
_INVISIBLE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u180e\u200b-\u200f\u202a-\u202e"
    "\u2060-\u206f\u3164\ufeff\uffa0]"
)
"""Zero-width, joiner, bidi-control and filler characters that render as nothing."""

MOBILE = "personal.mobile"
LANDLINE = "personal.landline"
EMAIL = "personal.email"
RESIDENT_ID = "personal.resident_id"
"""Kinds of personal data: their message codes in :mod:`messages`."""


@dataclass(frozen=True)
class PersonalData:
    """One finding: what kind of personal data (a message code), and the value masked."""

    kind: str
    masked: str


def normalise(text: str) -> str:
    """The text as a reader sees it: NFKC, invisible characters, HTML comments, tags and
    Markdown emphasis removed, entities decoded. Linear in the length of ``text``."""
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    text = _INVISIBLE.sub("", text)
    if "<" in text:
        text = _TAG.sub("", _COMMENT.sub("", text))
    if "&" in text:
        text = html.unescape(text)
    return _EMPHASIS.sub("", text)


def find_personal_data(text: str) -> PersonalData | None:
    """The first personal data in ``text`` as rendered (see :func:`normalise`), or None.

    Order numbers, prices, dates and version numbers are not flagged: a mobile number
    must be exactly eleven digits, a landline needs its area code and a separator, and a
    resident-ID number must pass its checksum.
    """
    return _find(normalise(text))


def _find(text: str) -> PersonalData | None:
    """Every pattern starts with a literal (or a digit), so each scan runs at C speed."""
    for pattern in _MOBILES:
        match = pattern.search(text)
        if match:
            digits = "1" + re.sub(r"\D", "", match.group(1))
            return PersonalData(MOBILE, f"{digits[:3]}****{digits[-4:]}")
    email = _email(text)
    if email:
        return email
    for pattern in _LANDLINES:
        match = pattern.search(text)
        if match:
            number = match.group(1)
            return PersonalData(LANDLINE, f"{match.group(0)[: -len(number)]}****{number[-4:]}")
    for found in _RESIDENT_ID.finditer(text):
        number = found.group(0)
        if _valid_resident_id(number):
            return PersonalData(RESIDENT_ID, f"{number[:6]}********{number[-4:]}")
    return None


def _email_span(text: str) -> tuple[int, int, int] | None:
    """(start, @, end) of the first e-mail address; the local part is read back from the
    ``@`` at most 64 characters, so the scan stays linear."""
    match = _AT.search(text)
    if match is None:
        return None
    at = match.start()
    start = at
    while start > 0 and at - start < _LOCAL_MAX and text[start - 1] in _LOCAL_CHARS:
        start -= 1
    domain = _DOMAIN_AT.match(text, at + 1)
    assert domain is not None
    return start, at, domain.end()


def _email(text: str) -> PersonalData | None:
    span = _email_span(text)
    if span is None:
        return None
    start, at, end = span
    return PersonalData(EMAIL, f"{text[start]}***@{text[at + 1 : end]}")


def _valid_resident_id(number: str) -> bool:
    """Mainland resident-ID numbers carry a checksum and a plausible birth date."""
    body, check = number[:17], number[17].upper()
    total = sum(int(d) * w for d, w in zip(body, _ID_WEIGHTS, strict=True))
    if _ID_CHECK[total % 11] != check:
        return False
    year, month, day = int(number[6:10]), int(number[10:12]), int(number[12:14])
    return 1900 <= year <= 2100 and 1 <= month <= 12 and 1 <= day <= 31


_MESSAGE_FORMS: dict[int, int | None] = {
    **{0xFF10 + d: 0x30 + d for d in range(10)},
    0xFF20: ord("@"),
    **{ord(c): None for c in "\u200b\u200c\u200d\u2060\ufeff"},
}


def redact(message: str) -> str:
    """``message`` with every phone number, e-mail address and resident-ID number masked
    (messages quote content; personal data must not reach terminals, JSON or CI logs)."""
    # Full-width digits and ＠ one for one, invisible characters dropped: the rest of the
    # message (Chinese punctuation included) stays as written.
    text = message.translate(_MESSAGE_FORMS)
    for _ in range(20):  # each pass masks one value; messages are short
        found = _find(text)
        if found is None:
            break
        text = _mask_first(text, found)
    return text


def _mask_first(text: str, found: PersonalData) -> str:
    if found.kind == EMAIL:
        span = _email_span(text)
        assert span is not None
        return text[: span[0]] + found.masked + text[span[2] :]
    patterns = {MOBILE: _MOBILES, LANDLINE: _LANDLINES, RESIDENT_ID: (_RESIDENT_ID,)}
    for pattern in patterns[found.kind]:
        for match in pattern.finditer(text):
            if found.kind != RESIDENT_ID or _valid_resident_id(match.group(0)):
                return text[: match.start()] + found.masked + text[match.end() :]
    return text


def browser_patterns() -> dict[str, object]:
    """The patterns above as JavaScript regular expressions (``u`` flag), for the case
    composer, which runs the same check in the browser (``composer_rules.js``)."""

    def js(pattern: re.Pattern[str] | str) -> str:
        source = pattern if isinstance(pattern, str) else pattern.pattern
        return source.replace(r"\d", r"\p{Nd}")

    return {
        "mobiles": [js(p) for p in _MOBILES],
        "email_at": js(_AT),
        "email_domain": js(_DOMAIN),
        "landlines": [js(p) for p in _LANDLINES],
        "resident_id": js(_RESIDENT_ID),
    }
