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

from playbook.core.messages import NO_MSG, Msg, msg
from playbook.core.privacy import find_personal_data
from playbook.core.problems import Problem
from playbook.core.schema import ID_PATTERN, PLACEHOLDER, Spec
from playbook.core.urls import reserved_id_problem
from playbook.ingest.cjkbreaks import join_cjk_lines
from playbook.ingest.textrules import invisible_problem, looks_empty, windows_reserved
from playbook.ingest.yamlsource import Document, PathKey

MAX_ID_LENGTH = 100
"""Longest id: ids become file names (``<id>.yaml``, ``<id>/index.html``; most file systems
allow 255 bytes) and URLs."""

Vocabulary = Mapping[str, Mapping[str, str]]
"""Reference name (``industry``, ``pain_point`` …) → {id: label}; also each metric's unit and
better-direction (:data:`contentrules.METRIC_UNITS`, :data:`contentrules.METRIC_BETTER`)."""

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


def closest_match(value: str, choices: list[str]) -> str | None:
    """The choice ``value`` most likely meant (a near miss or a different case), if any."""
    match = difflib.get_close_matches(value, choices, n=1, cutoff=0.6)
    if not match:
        match = [c for c in choices if c.lower() == value.lower()]
    return match[0] if match else None


def closest_hint(value: str, choices: list[str], *, what: Msg) -> Msg:
    """'did you mean …?' for a near miss, else the list of valid choices."""
    match = closest_match(value, choices)
    if match is not None:
        return msg("hint.did_you_mean", choice=match)
    if not choices:
        return msg("hint.none_defined", what=what)
    shown = ", ".join(sorted(choices)[:12])
    if len(choices) > 12:
        return msg("hint.choices_more", what=what, shown=shown, count=len(choices))
    return msg("hint.choices", what=what, shown=shown)


def _describe(value: Any) -> Msg:
    if value is None:
        return msg("type.empty")
    if isinstance(value, bool):
        return msg("type.bool")
    if isinstance(value, dict):
        return msg("type.mapping")
    if isinstance(value, list):
        return msg("type.list")
    if isinstance(value, dt.date):
        return msg("type.date")
    if isinstance(value, int | float):
        return msg("type.number")
    return msg("type.text")


def ref_name(ref: str) -> Msg:
    """How messages name a reference kind (``industry`` → 行业)."""
    return msg(f"ref.{ref}")


class Checker:
    """Validates one document against a spec."""

    def __init__(self, doc: Document, vocabulary: Vocabulary, problems: list[Problem]) -> None:
        self.doc = doc
        self.vocabulary = vocabulary
        self.problems = problems

    def report(self, at: PathKey, message: Msg, hint: Msg = NO_MSG, *, key: bool = False) -> None:
        self.problems.append(self.doc.problem(at, message, hint, key=key))

    def check(self, spec: Spec, value: Any, at: PathKey) -> Any:
        """Return the cleaned value, or None when it is invalid (a problem is recorded)."""
        return _HANDLERS[spec.kind](self, spec, value, at)

    def _check_any(self, spec: Spec, value: Any, at: PathKey) -> Any:
        return value

    def _check_text(self, spec: Spec, value: Any, at: PathKey) -> str | None:
        if isinstance(value, bool) or value is None or isinstance(value, dict | list):
            self.report(at, msg("field.not_text", field=field_name(at), got=_describe(value)))
            return None
        text = value.isoformat() if isinstance(value, dt.date) else str(value)
        text = text.strip()
        if not text:
            self.report(at, msg("field.empty", field=field_name(at)))
            return None
        if looks_empty(text):
            self.report(
                at, msg("field.looks_empty", field=field_name(at)), msg("field.looks_empty.hint")
            )
            return None
        invisible = invisible_problem(text)
        if invisible is not None:
            problem = msg("field.text_rule", field=field_name(at), problem=invisible[1])
            self.report(at, problem, invisible[2])
            return None
        if spec.max_length is not None and len(text) > spec.max_length:
            self.report(
                at,
                msg(
                    "field.too_long", field=field_name(at), length=len(text), limit=spec.max_length
                ),
                msg("field.too_long.hint"),
            )
        if spec.enum is not None and text not in spec.enum:
            self.report(
                at,
                msg("field.not_allowed", value=text, field=field_name(at)),
                closest_hint(text, list(spec.enum), what=msg("what.allowed_values")),
            )
            return None
        if PLACEHOLDER in text:
            self.report(
                at,
                msg("field.placeholder", field=field_name(at), placeholder=PLACEHOLDER),
                msg("field.placeholder.hint"),
            )
            return None
        self._check_personal(text, at)
        # Plain text is shown as written, so a line break between CJK characters would show
        # as a space; Markdown is joined when rendered (cjkbreaks), where code is known.
        return join_cjk_lines(text) if spec.kind == "text" else text

    def _check_markdown(self, spec: Spec, value: Any, at: PathKey) -> str | None:
        return self._check_text(spec, value, at)

    def _check_markdown_or_list(self, spec: Spec, value: Any, at: PathKey) -> Any:
        if isinstance(value, list):
            item = Spec("text", True)
            cleaned = [self.check(item, v, (*at, i)) for i, v in enumerate(value)]
            if not value:
                self.report(at, msg("field.too_few", field=field_name(at), minimum=1, count=0))
            return [c for c in cleaned if c is not None] if None not in cleaned else None
        return self._check_text(spec, value, at)

    def missing_hint(self, key: str, spec: Spec) -> Msg:
        """What to write for a missing field, with an example value."""
        example = spec.example
        if spec.kind == "ref" and spec.ref is not None:
            example = next(iter(self.vocabulary.get(spec.ref, {})), "")
        elif spec.kind == "list" and spec.item is not None and spec.item.kind == "ref":
            first = next(iter(self.vocabulary.get(spec.item.ref or "", {})), "")
            example = f"[{first}]" if first else ""
        elif spec.kind == "date":
            example = dt.date.today().isoformat()
        elif spec.enum:
            example = spec.enum[0]
        if example:
            return msg("field.missing.hint", example=f"{key}: {example}")
        return msg("field.missing_block.hint", field=key)

    def _check_personal(self, text: str, at: PathKey) -> None:
        found = find_personal_data(text)
        if found:
            self.report(
                at,
                msg(
                    "field.personal",
                    field=field_name(at),
                    kind=msg(found.kind),
                    masked=found.masked,
                ),
                msg("field.personal.hint"),
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
            at,
            msg("field.bad_date", field=field_name(at), value=repr(value)),
            msg("field.bad_date.hint"),
        )
        return None

    def _check_ref(self, spec: Spec, value: Any, at: PathKey) -> str | None:
        assert spec.ref is not None
        if not isinstance(value, str | int) or isinstance(value, bool):
            hint = NO_MSG
            if value is None:  # e.g. a scaffold's placeholder deleted: which ids are there
                ids = list(self.vocabulary.get(spec.ref, {}))
                hint = closest_hint("", ids, what=msg("what.ref_ids", ref=ref_name(spec.ref)))
            self.report(at, msg("field.not_id", field=field_name(at), got=_describe(value)), hint)
            return None
        ident = str(value).strip()
        if PLACEHOLDER in ident:  # a scaffold's id left to fill in
            self.report(
                at,
                msg("field.placeholder", field=field_name(at), placeholder=PLACEHOLDER),
                msg("field.placeholder_id.hint", what=ref_name(spec.ref)),
            )
            return None
        known = self.vocabulary.get(spec.ref, {})
        if ident not in known:
            what = ref_name(spec.ref)
            hint = closest_hint(ident, list(known), what=msg("what.ref_ids", ref=what))
            if "，" in ident:  # [a，b] is one item: a full-width comma does not separate
                hint = msg("yaml.fullwidth_comma.hint")
            self.report(at, msg("ref.unknown", what=what, ident=ident), hint)
            return None
        return ident

    def _check_list(self, spec: Spec, value: Any, at: PathKey) -> list[Any] | None:
        assert spec.item is not None
        if not isinstance(value, list):
            self.report(
                at,
                msg("field.not_list", field=field_name(at), got=_describe(value)),
                msg(
                    "yaml.dash_space.hint"
                    if isinstance(value, str) and value.startswith("-")
                    else "field.not_list.hint"
                ),
            )
            return None
        if len(value) < spec.min_items:
            self.report(
                at,
                msg(
                    "field.too_few", field=field_name(at), minimum=spec.min_items, count=len(value)
                ),
            )
        cleaned = [self.check(spec.item, item, (*at, i)) for i, item in enumerate(value)]
        if spec.item.kind == "ref":
            seen: set[str] = set()
            for i, ident in enumerate(cleaned):
                if ident is not None and ident in seen:
                    self.report(
                        (*at, i), msg("field.listed_twice", ident=ident, field=field_name(at))
                    )
                seen.add(ident)
        return [c for c in cleaned if c is not None]

    def _check_object(self, spec: Spec, value: Any, at: PathKey) -> dict[str, Any] | None:
        if not isinstance(value, dict):
            self.report(at, msg("field.not_mapping", field=field_name(at), got=_describe(value)))
            return None
        cleaned: dict[str, Any] = {}
        misspelt: set[str] = set()
        for key, item in value.items():
            field_spec = spec.fields.get(key)
            if field_spec is None:
                meant = closest_match(key, list(spec.fields))
                if meant is not None:
                    misspelt.add(meant)
                hint = closest_hint(key, list(spec.fields), what=msg("what.allowed_fields"))
                self.report((*at, key), msg("field.unknown", key=key), hint, key=True)
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
                missing = (
                    msg("field.missing_in", field=key, parent=field_name(at))
                    if at
                    else msg("field.missing", field=key)
                )
                self.report(at, missing, self.missing_hint(key, field_spec))
        return cleaned


_HANDLERS: dict[str, Any] = {
    name.removeprefix("_check_"): function
    for name, function in vars(Checker).items()
    if name.startswith("_check_") and name != "_check_personal"
}
"""Spec kind → Checker method."""


def field_name(at: PathKey) -> str:
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
                msg("id.mismatch", explicit=str(explicit), expected=expected),
                msg("id.mismatch.hint", explicit=str(explicit), expected=expected),
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
                "result.missing_after"
                if before
                else "result.missing_before"
                if after
                else "result.missing_change"
            )
            problems.append(doc.problem(("results", i), msg(missing), msg("result.missing.hint")))


def check_slug(doc: Document, at: PathKey, ident: str, problems: list[Problem]) -> bool:
    """Ids are lowercase ASCII slugs, at most ``MAX_ID_LENGTH`` long, and no Windows device name."""
    if len(ident) > MAX_ID_LENGTH:
        problems.append(
            doc.problem(
                at,
                msg("id.too_long", length=len(ident), limit=MAX_ID_LENGTH),
                msg("id.too_long.hint"),
            )
        )
        return False
    if windows_reserved(ident):
        problems.append(
            doc.problem(
                at,
                msg("id.windows_reserved", ident=ident),
                msg("id.windows_reserved.hint", ident=ident),
            )
        )
        return False
    if ID_PATTERN.match(ident):
        return True
    problems.append(
        doc.problem(
            at,
            msg("id.invalid", ident=ident),
            msg("id.invalid.hint"),
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
