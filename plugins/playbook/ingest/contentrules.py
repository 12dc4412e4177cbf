"""Rules against silent wrongness: values the schema accepts that would publish something wrong.

- A result's ``change`` needs a unit: ``50``, ``-50`` or ``减少50`` say nothing about what
  moved (``+40%``, ``25%``, ``12 条``, ``3 倍``, ``减少50%`` do).
- ``before``/``after`` written as bare numbers need a metric that declares its ``unit`` in
  the taxonomy; the unit is then added to the figures (the headline shows ``3.2 小时``).
- A change whose direction contradicts its metric's ``better`` (``+50%`` on a cost).
- A legal-entity suffix (有限公司, 集团, Co., Ltd., Inc. …) in ``customer.alias``.
- Published text that contains a value of the same record's ``private`` block (texts of
  at least :data:`MIN_PRIVATE` characters, numbers of at least :data:`MIN_PRIVATE_NUMBER`);
  the value is masked in the message.

Every rule runs in linear time: anchored patterns without nested repetition; a text is
searched for a few private values one by one, for many in one Aho-Corasick scan. The case composer applies
the same rules in the browser (``assets/composer_rules.js``) with the word lists and
patterns of :func:`browser_rules`.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterator, Mapping
from typing import Any

from playbook.core.messages import msg
from playbook.core.privacy import normalise
from playbook.core.problems import Problem
from playbook.core.schema import Spec
from playbook.ingest.validate import field_name
from playbook.ingest.yamlsource import Document, PathKey

METRIC_UNITS = "metric_unit"
METRIC_BETTER = "metric_better"
"""Vocabulary entries (besides the reference names) holding each metric's unit and better."""

UP_WORDS = ("增长", "增加", "提升", "提高", "上升", "上涨", "多了")
DOWN_WORDS = ("减少", "降低", "下降", "缩短", "减", "降", "少了")
"""Words that give a change its direction when it starts with one (``减少50%``)."""
UP_SIGNS = "+"
DOWN_SIGNS = "-\u2212"
"""Signs (after NFKC, so full-width ＋ and － count): plus; hyphen-minus and minus sign."""

_LEADING = re.compile(
    "(?:["
    + re.escape(UP_SIGNS + DOWN_SIGNS)
    + "]|"
    + "|".join(sorted(UP_WORDS + DOWN_WORDS, key=len, reverse=True))
    + ")"
)
_BARE = re.compile(r"\d[\d,]*(?:\.\d+)?")
"""A number with nothing after it (full match); no nested repetition, so linear."""
_FIGURE = re.compile(r"[+\-\u2212]?\d+(?:\.\d+)?")

LEGAL_SUFFIX = re.compile(
    r"股份有限公司|有限责任公司|有限公司|集团"
    r"|(?<![a-z])(?:co\.,? ?ltd|ltd|inc|llc|corp)(?![a-z])\.?",
    re.IGNORECASE,
)
"""Legal-entity suffixes: a real company name, not an anonymised one."""

MIN_PRIVATE = 2
"""Private texts shorter than this (one character after folding, such as a grade ``A``) are
not looked for in published text: they occur in any text. Two characters are looked for:
a Chinese personal name (李娜) or a company's short name has two."""
MIN_PRIVATE_NUMBER = 5
"""A private value made only of digits and number signs (``40``, ``2024``, ``3.5``) is looked
for only from this length (phone numbers, contract numbers): a short number identifies
nobody and occurs in ordinary figures (a private ``40`` against a title's ``40%``)."""
NUMBER_LIKE = re.compile(r"[0-9\s.,:/+\-%]+")
"""What counts as a number for :data:`MIN_PRIVATE_NUMBER` (matched against the whole folded value)."""


def looked_for(folded: str) -> bool:
    """Whether a private value (folded, see :func:`_fold`) is looked for in published text.
    The case composer applies the same thresholds (:func:`browser_rules`)."""
    shortest = MIN_PRIVATE_NUMBER if NUMBER_LIKE.fullmatch(folded) else MIN_PRIVATE
    return len(folded) >= shortest


def _nfkc(text: str) -> str:
    return text if unicodedata.is_normalized("NFKC", text) else unicodedata.normalize("NFKC", text)


def figure(text: str) -> float | None:
    """The first number in a figure as written (``+40%`` → 40, ``15 天`` → 15, ``−20%`` → −20)."""
    found = _FIGURE.search(text.replace(",", ""))
    if found is None:
        return None
    value = float(found.group().replace("\u2212", "-"))
    return value if math.isfinite(value) else None


def _after_direction(text: str) -> tuple[str | None, str]:
    """(``up``/``down``/None, the rest) of a change: its leading sign or word taken off."""
    text = _nfkc(text).strip()
    found = _LEADING.match(text)
    if found is None:
        return None, text
    lead = found.group()
    way = "up" if lead in UP_SIGNS or lead in UP_WORDS else "down"
    return way, text[found.end() :].strip()


def is_bare_number(text: str) -> bool:
    """A change or figure that is only a number, perhaps signed (``50``, ``-50``, ``减少50``)."""
    return _BARE.fullmatch(_after_direction(text)[1]) is not None


def change_direction(change: str) -> str | None:
    """``up`` or ``down`` from a change's sign or leading word; None when unsigned (``25%``)."""
    return _after_direction(change)[0]


def figures_direction(before: str, after: str) -> str | None:
    """``up`` or ``down`` from the figures before and after; None when unknown or equal."""
    old, new = figure(before), figure(after)
    if old is None or new is None or old == new:
        return None
    return "up" if new > old else "down"


def with_unit(value: str, unit: str) -> str:
    """A bare figure with its metric's unit: ``3.2`` + ``小时`` → ``3.2 小时``, ``12`` + ``%`` →
    ``12%``."""
    if not unit or not is_bare_number(value):
        return value
    glued = unit[:1] in "%‰" or not unit[:1].isalnum()
    return f"{value}{unit}" if glued else f"{value} {unit}"


def legal_suffix(alias: str) -> str | None:
    """The legal-entity suffix in ``alias`` as written there, or None."""
    found = LEGAL_SUFFIX.search(alias)
    return found.group() if found else None


def mask(value: str) -> str:
    """A private value shown without giving it away: ``上海鲜达冷链物流有限公司`` → ``上海****公司``."""
    if len(value) <= 3:
        return value[:1] + "*" * (len(value) - 1)
    keep = 1 if len(value) <= 6 else 2
    return value[:keep] + "****" + value[-keep:]


def _fold(text: str) -> str:
    """How private values and published text are compared: as a reader sees them, lower case."""
    return normalise(text).lower()


# --- private values --------------------------------------------------------------------


_DIRECT = 8
"""Up to this many private values, each is searched for directly (C speed, a constant
number of linear scans); more go through the automaton."""


class PrivateValues:
    """Every text of a ``private`` block, found in other texts in one linear scan each
    (Aho-Corasick: a trie of the values with failure links)."""

    def __init__(self, private: Any) -> None:
        self.values: list[tuple[str, str]] = list(_private_values(private, ""))
        """(key path such as ``customer_name`` or ``contacts.0``, value as written)."""
        self._folded = [_fold(value) for _, value in self.values]
        self._goto: list[dict[str, int]] = [{}]
        self._best: list[int] = [-1]
        if len(self.values) > _DIRECT:
            for index, word in enumerate(self._folded):
                self._add(word, index)
        self._link()

    def __bool__(self) -> bool:
        return bool(self.values)

    def _add(self, word: str, index: int) -> None:
        state = 0
        for char in word:
            nxt = self._goto[state].get(char)
            if nxt is None:
                nxt = len(self._goto)
                self._goto[state][char] = nxt
                self._goto.append({})
                self._best.append(-1)
            state = nxt
        if self._best[state] == -1:
            self._best[state] = index

    def _link(self) -> None:
        self._fail = [0] * len(self._goto)
        queue = list(self._goto[0].values())
        for state in queue:  # breadth first: a state's failure link is shallower
            for char, nxt in self._goto[state].items():
                queue.append(nxt)
                fail = self._fail[state]
                while fail and char not in self._goto[fail]:
                    fail = self._fail[fail]
                link = self._goto[fail].get(char, 0)
                self._fail[nxt] = link if link != nxt else 0
                inherited = self._best[self._fail[nxt]]
                if inherited != -1 and (self._best[nxt] == -1 or inherited < self._best[nxt]):
                    self._best[nxt] = inherited

    def find(self, text: str) -> tuple[str, str] | None:
        """(key, value) of the first listed private value that ``text`` contains, or None."""
        if len(self.values) <= _DIRECT:
            folded = _fold(text)
            return next(
                (v for v, w in zip(self.values, self._folded, strict=True) if w in folded), None
            )
        best = -1
        state = 0
        goto, fail, found = self._goto, self._fail, self._best
        for char in _fold(text):
            while state and char not in goto[state]:
                state = fail[state]
            state = goto[state].get(char, 0)
            if found[state] != -1 and (best == -1 or found[state] < best):
                best = found[state]
        return self.values[best] if best != -1 else None


def _private_values(value: Any, path: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _private_values(item, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _private_values(item, f"{path}.{i}" if path else str(i))
    elif isinstance(value, str | int | float) and not isinstance(value, bool):
        text = str(value).strip()
        if looked_for(_fold(text)):
            yield path, text


_TEXT_KINDS = frozenset({"text", "markdown", "markdown_or_list"})


def published_texts(spec: Spec, value: Any, at: PathKey = ()) -> Iterator[tuple[PathKey, str]]:
    """Every published text of a cleaned record (text and Markdown fields; ids, dates and
    fixed choices are not text), with where it is."""
    if spec.kind == "object" and isinstance(value, dict):
        for key, item in value.items():
            sub = spec.fields.get(key)
            if sub is not None and sub.published:
                yield from published_texts(sub, item, (*at, key))
    elif spec.kind == "list" and spec.item is not None and isinstance(value, list):
        for i, item in enumerate(value):
            yield from published_texts(spec.item, item, (*at, i))
    elif spec.kind == "markdown_or_list" and isinstance(value, list):
        for i, item in enumerate(value):
            yield (*at, i), item
    elif spec.kind in _TEXT_KINDS and spec.enum is None and isinstance(value, str):
        yield at, value


def private_problems(doc: Document, spec: Spec, cleaned: Any, private: Any) -> list[Problem]:
    """Published text of a record holding one of its own ``private`` values."""
    secrets = PrivateValues(private)
    if not secrets:
        return []
    problems = []
    for at, text in published_texts(spec, cleaned):
        hit = secrets.find(text)
        if hit is not None:
            key, value = hit
            problems.append(
                doc.problem(
                    at,
                    msg(
                        "private.in_published",
                        field=field_name(at),
                        key=f"private.{key}",
                        masked=mask(value),
                    ),
                    msg("private.in_published.hint"),
                )
            )
    return problems


def owner_problems(doc: Document, record: Mapping[str, Any]) -> list[Problem]:
    """An ``owner`` must name someone: ``@`` alone (a scaffold's marker deleted) does not."""
    owner = record.get("owner")
    if isinstance(owner, str) and not any(char.isalnum() for char in owner):
        return [
            doc.problem(("owner",), msg("owner.no_name", value=owner), msg("owner.no_name.hint"))
        ]
    return []


# --- case rules --------------------------------------------------------------------------


def case_problems(
    doc: Document, case: Mapping[str, Any], vocabulary: Mapping[str, Mapping[str, str]]
) -> list[Problem]:
    """A validated case's results and alias checked against the rules above."""
    problems: list[Problem] = []
    labels = vocabulary.get("metric", {})
    units = vocabulary.get(METRIC_UNITS, {})
    better = vocabulary.get(METRIC_BETTER, {})
    for i, result in enumerate(case.get("results") or ()):
        at: PathKey = ("results", i)
        metric = result.get("metric")
        change = result.get("change")
        if change is not None:
            if is_bare_number(change):
                problems.append(
                    doc.problem(
                        (*at, "change"),
                        msg("result.change_no_unit", value=change),
                        msg("result.change_no_unit.hint"),
                    )
                )
                continue
            moved, field = change_direction(change), "change"
        elif "before" in result and "after" in result:
            bare = [k for k in ("before", "after") if is_bare_number(result[k])]
            if bare and metric in labels and not units.get(metric):
                for key in bare:
                    problems.append(
                        doc.problem(
                            (*at, key),
                            msg("result.figure_no_unit", field=key, value=result[key]),
                            msg("result.figure_no_unit.hint", metric=metric),
                        )
                    )
                continue
            moved, field = figures_direction(result["before"], result["after"]), "after"
        else:
            continue
        way = better.get(metric or "")
        if moved and way in ("up", "down") and moved != way:
            problems.append(
                doc.problem(
                    (*at, field),
                    msg(
                        "result.direction",
                        field=field,
                        metric=labels.get(metric or "", metric or ""),
                        better=msg(f"metric.better_{way}"),
                    ),
                    msg("result.direction.hint"),
                )
            )
    alias = (case.get("customer") or {}).get("alias")
    if isinstance(alias, str):
        suffix = legal_suffix(alias)
        if suffix is not None:
            problems.append(
                doc.problem(
                    ("customer", "alias"),
                    msg("alias.legal_suffix", suffix=suffix),
                    msg("alias.legal_suffix.hint"),
                )
            )
    return problems


def add_units(case: dict[str, Any], vocabulary: Mapping[str, Mapping[str, str]]) -> None:
    """Bare ``before``/``after`` figures get their metric's unit (in place)."""
    units = vocabulary.get(METRIC_UNITS, {})
    for result in case.get("results") or ():
        unit = units.get(result.get("metric") or "")
        if unit:
            for key in ("before", "after"):
                if key in result:
                    result[key] = with_unit(result[key], unit)


def browser_rules() -> dict[str, Any]:
    """The rules' words and patterns for the case composer (JavaScript ``u`` flag)."""
    return {
        "up_signs": UP_SIGNS,
        "down_signs": DOWN_SIGNS,
        "up_words": list(UP_WORDS),
        "down_words": list(DOWN_WORDS),
        "legal_suffix": LEGAL_SUFFIX.pattern,
        "min_private": MIN_PRIVATE,
        "min_private_number": MIN_PRIVATE_NUMBER,
        "number_like": NUMBER_LIKE.pattern,
    }
