"""Check parsed documents against the content model; collect every problem.

The checker walks a :mod:`schema` spec and the document side by side, returning
the cleaned value (``private`` removed) and appending a located :class:`Problem`
for each rule broken. It never stops at the first problem.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Mapping
from typing import Any

from .privacy import find_personal_data
from .problems import Problem
from .schema import ID_PATTERN, PLACEHOLDER, Spec
from .textrules import invisible_problem, looks_empty, windows_reserved
from .urls import reserved_id_problem
from .yamlsource import Document, PathKey

MAX_ID_LENGTH = 100
"""Longest id: ids become file names (``<id>.yaml``, ``<id>/index.html``; most file systems
allow 255 bytes) and URLs."""

Vocabulary = Mapping[str, Mapping[str, str]]
"""Reference name (``industry``, ``pain_point`` …) → {id: label}."""

REF_NAMES = {
    "industry": "industry",
    "pain_point": "pain point",
    "stage": "stage",
    "tier": "tier",
    "metric": "metric",
    "company_size": "company size",
    "objection_category": "objection category",
    "case": "case",
    "objection": "objection",
}


def closest_hint(value: str, choices: list[str], *, what: str = "valid ids") -> str:
    """'did you mean …?' for a near miss, else the list of valid choices."""
    match = difflib.get_close_matches(value, choices, n=1, cutoff=0.6)
    if not match:
        lowered = [c for c in choices if c.lower() == value.lower()]
        match = lowered
    if match:
        return f"did you mean '{match[0]}'?"
    shown = ", ".join(sorted(choices)[:12])
    more = f" … ({len(choices)} in all)" if len(choices) > 12 else ""
    return f"{what}: {shown}{more}" if choices else f"no {what} are defined"


def _describe(value: Any) -> str:
    if value is None:
        return "nothing (empty value)"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dt.date):
        return "a date"
    if isinstance(value, int | float):
        return "a number"
    return "text"


class Checker:
    """Validates one document against a spec."""

    def __init__(self, doc: Document, vocabulary: Vocabulary, problems: list[Problem]) -> None:
        self.doc = doc
        self.vocabulary = vocabulary
        self.problems = problems

    def report(self, at: PathKey, message: str, hint: str = "", *, key: bool = False) -> None:
        self.problems.append(self.doc.problem(at, message, hint, key=key))

    def check(self, spec: Spec, value: Any, at: PathKey) -> Any:
        """Return the cleaned value, or None when it is invalid (a problem is recorded)."""
        return _HANDLERS[spec.kind](self, spec, value, at)

    def _check_any(self, spec: Spec, value: Any, at: PathKey) -> Any:
        return value

    def _check_text(self, spec: Spec, value: Any, at: PathKey) -> str | None:
        if isinstance(value, bool) or value is None or isinstance(value, dict | list):
            self.report(at, f"'{_name(at)}' must be text, got {_describe(value)}")
            return None
        text = value.isoformat() if isinstance(value, dt.date) else str(value)
        text = text.strip()
        if not text:
            self.report(at, f"'{_name(at)}' must not be empty")
            return None
        if looks_empty(text):
            self.report(
                at,
                f"'{_name(at)}' looks empty: it holds only invisible characters",
                "write visible text, or remove the zero-width characters",
            )
            return None
        invisible = invisible_problem(text)
        if invisible is not None:
            self.report(at, f"'{_name(at)}': {invisible[1]}", invisible[2])
            return None
        if spec.max_length is not None and len(text) > spec.max_length:
            self.report(
                at,
                f"'{_name(at)}' is {len(text)} characters, over the limit of {spec.max_length}",
                "shorten it; details belong in the longer fields",
            )
        if spec.enum is not None and text not in spec.enum:
            self.report(
                at,
                f"'{text}' is not allowed for '{_name(at)}'",
                closest_hint(text, list(spec.enum), what="allowed values"),
            )
            return None
        if PLACEHOLDER in text:
            self.report(
                at,
                f"'{_name(at)}' still holds the placeholder {PLACEHOLDER}",
                "replace it with real content",
            )
            return None
        self._check_personal(text, at)
        return text

    def _check_markdown(self, spec: Spec, value: Any, at: PathKey) -> str | None:
        return self._check_text(spec, value, at)

    def _check_markdown_or_list(self, spec: Spec, value: Any, at: PathKey) -> Any:
        if isinstance(value, list):
            item = Spec("text", True)
            cleaned = [self.check(item, v, (*at, i)) for i, v in enumerate(value)]
            if not value:
                self.report(at, f"'{_name(at)}' needs at least 1 item")
            return [c for c in cleaned if c is not None] if None not in cleaned else None
        return self._check_text(spec, value, at)

    def _check_personal(self, text: str, at: PathKey) -> None:
        found = find_personal_data(text)
        if found:
            self.report(
                at,
                f"'{_name(at)}' contains {found.kind} ({found.masked}); "
                "personal data must not be published",
                "move it under 'private:', which is never published",
            )

    def _check_date(self, spec: Spec, value: Any, at: PathKey) -> dt.date | None:
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value.strip())
            except ValueError:
                pass
        self.report(
            at, f"'{_name(at)}' must be a date written YYYY-MM-DD, got {value!r}", "e.g. 2026-03-31"
        )
        return None

    def _check_ref(self, spec: Spec, value: Any, at: PathKey) -> str | None:
        assert spec.ref is not None
        if not isinstance(value, str | int) or isinstance(value, bool):
            self.report(at, f"'{_name(at)}' must be an id, got {_describe(value)}")
            return None
        ident = str(value).strip()
        known = self.vocabulary.get(spec.ref, {})
        if ident not in known:
            what = REF_NAMES.get(spec.ref, spec.ref)
            self.report(
                at,
                f"unknown {what} '{ident}'",
                closest_hint(ident, list(known), what=f"valid {what} ids"),
            )
            return None
        return ident

    def _check_list(self, spec: Spec, value: Any, at: PathKey) -> list[Any] | None:
        assert spec.item is not None
        if not isinstance(value, list):
            self.report(
                at,
                f"'{_name(at)}' must be a list, got {_describe(value)}",
                "start each item with '- '",
            )
            return None
        if len(value) < spec.min_items:
            plural = "item" if spec.min_items == 1 else "items"
            self.report(
                at, f"'{_name(at)}' needs at least {spec.min_items} {plural}, has {len(value)}"
            )
        cleaned = [self.check(spec.item, item, (*at, i)) for i, item in enumerate(value)]
        if spec.item.kind == "ref":
            seen: set[str] = set()
            for i, ident in enumerate(cleaned):
                if ident is not None and ident in seen:
                    self.report((*at, i), f"'{ident}' is listed twice in '{_name(at)}'")
                seen.add(ident)
        return [c for c in cleaned if c is not None]

    def _check_object(self, spec: Spec, value: Any, at: PathKey) -> dict[str, Any] | None:
        if not isinstance(value, dict):
            self.report(at, f"'{_name(at)}' must be a mapping of fields, got {_describe(value)}")
            return None
        cleaned: dict[str, Any] = {}
        misspelt: set[str] = set()
        for key, item in value.items():
            field_spec = spec.fields.get(key)
            if field_spec is None:
                hint = closest_hint(key, list(spec.fields), what="allowed fields")
                if hint.startswith("did you mean"):
                    misspelt.add(hint.split("'")[1])
                self.report((*at, key), f"unknown field '{key}'", hint, key=True)
                continue
            if not field_spec.published:
                continue  # private data is accepted and dropped here, before anything renders
            if item is None and not field_spec.required:
                continue
            checked = self.check(field_spec, item, (*at, key))
            if checked is not None:
                cleaned[key] = checked
        for key, field_spec in spec.fields.items():
            if field_spec.required and key not in value and key not in misspelt:
                where = f" in '{_name(at)}'" if at else ""
                self.report(at, f"missing required field '{key}'{where}")
        return cleaned


_HANDLERS: dict[str, Any] = {
    name.removeprefix("_check_"): function
    for name, function in vars(Checker).items()
    if name.startswith("_check_") and name != "_check_personal"
}
"""Spec kind → Checker method."""


def _name(at: PathKey) -> str:
    """How messages name the value at ``at``: its field, or ``parent[i]`` for list items."""
    return str(at[-1]) if at and isinstance(at[-1], str) else _item_name(at)


def _item_name(at: PathKey) -> str:
    if not at:
        return "file"
    parent = next((p for p in reversed(at) if isinstance(p, str)), "list")
    return f"{parent}[{at[-1]}]"


def check_id(doc: Document, expected: str, data: dict[str, Any], problems: list[Problem]) -> None:
    """A record's id is its file name; an explicit ``id`` must agree."""
    explicit = data.get("id")
    if explicit is not None and explicit != expected:
        problems.append(
            doc.problem(
                ("id",),
                f"id '{explicit}' does not match the file name '{expected}'",
                f"rename the file to {explicit}.yaml or change id to '{expected}'",
            )
        )


def check_result_values(doc: Document, results: Any, problems: list[Problem]) -> None:
    """Each case result needs ``change``, or both ``before`` and ``after``."""
    if not isinstance(results, list):
        return  # not a list at all: the schema check has reported that already
    for i, result in enumerate(results):
        if not isinstance(result, dict):
            continue
        has_change = result.get("change") is not None
        before, after = result.get("before") is not None, result.get("after") is not None
        if not has_change and not (before and after):
            missing = (
                "'after'"
                if before
                else "'before'"
                if after
                else "'change' (or 'before' and 'after')"
            )
            problems.append(
                doc.problem(
                    ("results", i),
                    f"result needs {missing}",
                    "write change: '+40%', or before: 15天 and after: 7天",
                )
            )


def check_slug(doc: Document, at: PathKey, ident: str, problems: list[Problem]) -> bool:
    """Ids are lowercase ASCII slugs, at most ``MAX_ID_LENGTH`` long, and no Windows device name."""
    if len(ident) > MAX_ID_LENGTH:
        problems.append(
            doc.problem(
                at,
                f"id is {len(ident)} characters, over the limit of {MAX_ID_LENGTH}",
                "shorten it; ids become file names and URLs",
            )
        )
        return False
    if windows_reserved(ident):
        problems.append(
            doc.problem(
                at,
                f"id '{ident}' is a reserved device name on Windows",
                "add a word, e.g. 'con-case'; such files cannot be checked out on Windows",
            )
        )
        return False
    if ID_PATTERN.match(ident):
        return True
    problems.append(
        doc.problem(
            at,
            f"'{ident}' is not a valid id",
            "use lowercase ASCII letters, digits and single hyphens, e.g. 'inventory-cost'",
        )
    )
    return False


def check_reserved(
    doc: Document, kind: str, ident: str, problems: list[Problem], at: PathKey = ()
) -> bool:
    """A record (or pain point) may not take the URL of a generated page (see :mod:`urls`)."""
    taken = reserved_id_problem(kind, ident)
    if taken is None:
        return True
    problems.append(doc.problem(at, *taken))
    return False
