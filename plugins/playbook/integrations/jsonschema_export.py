"""JSON Schemas for editors, generated from the same specs the validator walks.

``schemas/<kind>.schema.json`` lets editors with a YAML language server
(VS Code's YAML extension, JetBrains, Neovim …) autocomplete field names and ids
and underline mistakes while typing. The schemas are derived from
:mod:`schema` plus the ids known at generation time (taxonomy terms and the
record files that exist), so they go stale when ids or names change: ``build.py new``
regenerates them, ``build.py schemas`` (or ``build.py check --fix``) does it by hand,
and ``build.py check`` and ``build.py schemas --check`` (both run in CI) fail when the
committed files are old.

Each id's Chinese name goes in ``enumDescriptions``: the YAML language server (VS Code's
Red Hat YAML extension) shows it as the documentation of the completion item for that id
and when hovering over a value. (It prefers ``markdownEnumDescriptions`` when the client
renders Markdown, so only the plain form is written: one text, one place.)

The validator stays the authority: it also checks things a schema cannot
(personal data, id = file name, freshness, duplicate record ids).
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from playbook.core.schema import ID_PATTERN, PLACEHOLDER, RECORD_SPECS, TAXONOMY, VOCABULARIES, Spec
from playbook.ingest.validate import REF_NAMES, Vocabulary

SCHEMA_DIR = "schemas"
DIALECT = "http://json-schema.org/draft-07/schema#"
"""Draft 7: the dialect every YAML language server supports fully."""

KINDS = ("case", "objection", "industry", "taxonomy")

TITLES = {
    "case": "Customer case (cases/<id>.yaml)",
    "objection": "Objection (content/objections/<id>.yaml)",
    "industry": "Industry profile (content/industries/<id>.yaml)",
    "taxonomy": "Controlled vocabularies (content/taxonomy.yaml)",
}

REF_SOURCES = {
    "industry": "content/industries/<id>.yaml",
    "case": "cases/<id>.yaml",
    "objection": "content/objections/<id>.yaml",
}

# Text must hold a non-space character and no scaffold placeholder (the validator's rules).
_TEXT_PATTERN = f"^(?![\\s\\S]*{PLACEHOLDER})[\\s\\S]*\\S[\\s\\S]*$"
_DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"


def editor_vocabulary(
    vocabulary: Vocabulary, labels: Mapping[str, Mapping[str, str]]
) -> dict[str, dict[str, str]]:
    """``vocabulary`` with each record id described by its name and file, for the schemas.

    ``vocabulary`` maps taxonomy ids to their labels and record ids to their files
    (:class:`load.LoadResult`); ``labels`` holds the records' names (``LoadResult.labels``).
    A record without a name (a case, or one with errors) is described by its file alone.
    """
    out = {name: dict(ids) for name, ids in vocabulary.items()}
    for kind in REF_SOURCES:
        for ident, path in out.get(kind, {}).items():
            label = labels.get(kind, {}).get(ident)
            out[kind][ident] = f"{label}（{path}）" if label else path
    return out


def schema_file(kind: str) -> str:
    """Project-relative path of the schema for ``kind``."""
    return f"{SCHEMA_DIR}/{kind}.schema.json"


def _ref_description(spec: Spec) -> str:
    assert spec.ref is not None
    what = REF_NAMES.get(spec.ref, spec.ref)
    source = REF_SOURCES.get(spec.ref, "content/taxonomy.yaml")
    article = "An" if what[0] in "aeiou" else "A"
    text = f"{article} {what} id, defined in {source}."
    return f"{spec.description} {text}".strip()


def _convert(spec: Spec, vocabulary: Vocabulary, *, nullable: bool) -> dict[str, Any]:
    """The JSON Schema of one spec; ``nullable`` for optional fields (an empty value is allowed)."""
    out: dict[str, Any] = {}
    if spec.description:
        out["description"] = spec.description
    if spec.kind in ("text", "markdown"):
        if spec.enum is not None:
            out["enum"] = list(spec.enum)
            out["type"] = "string"
        else:
            # The validator accepts numbers as text (e.g. ``before: 20``) and converts them.
            out["type"] = ["string", "number"]
            out["pattern"] = _TEXT_PATTERN
            if spec.max_length is not None:
                out["maxLength"] = spec.max_length
        if spec.kind == "markdown":
            out["description"] = (spec.description + " Markdown.").strip()
    elif spec.kind == "date":
        out.update(type="string", format="date", pattern=_DATE_PATTERN)
    elif spec.kind == "ref":
        assert spec.ref is not None
        known = vocabulary.get(spec.ref, {})
        if spec.ref in REF_SOURCES:  # record ids: sorted, so adding a file gives a stable diff
            known = dict(sorted(known.items()))
        out["description"] = _ref_description(spec)
        out["type"] = "string"
        out["enum"] = list(known)
        out["enumDescriptions"] = [str(label) for label in known.values()]
    elif spec.kind == "list":
        assert spec.item is not None
        out["type"] = "array"
        out["items"] = _convert(spec.item, vocabulary, nullable=False)
        if spec.min_items:
            out["minItems"] = spec.min_items
        if spec.item.kind == "ref":
            out["uniqueItems"] = True
    elif spec.kind == "object":
        out["type"] = "object"
        out["properties"] = {
            name: _convert(field, vocabulary, nullable=not field.required)
            for name, field in spec.fields.items()
        }
        required = [name for name, field in spec.fields.items() if field.required]
        if required:
            out["required"] = required
        out["additionalProperties"] = False
        if spec.any_of_required:
            out["anyOf"] = [{"required": list(group)} for group in spec.any_of_required]
    elif spec.kind == "markdown_or_list":
        text = _convert(Spec("text"), vocabulary, nullable=False)
        out["anyOf"] = [text, {"type": "array", "items": text, "minItems": 1}]
    # kind "any" (``private``): anything goes, nothing is published.
    if nullable and spec.kind != "any":
        _allow_null(out)
    return out


def _allow_null(out: dict[str, Any]) -> None:
    if "enum" in out:
        out["enum"] = [*out["enum"], None]
        if "enumDescriptions" in out:
            out["enumDescriptions"] = [*out["enumDescriptions"], "(empty)"]
    kind = out.get("type")
    if isinstance(kind, list):
        out["type"] = [*kind, "null"]
    elif isinstance(kind, str):
        out["type"] = [kind, "null"]
    elif "anyOf" in out:
        out["anyOf"] = [*out["anyOf"], {"type": "null"}]


def build_schema(kind: str, vocabulary: Vocabulary) -> dict[str, Any]:
    """The JSON Schema (draft 7) for files of ``kind`` (case, objection, industry, taxonomy)."""
    spec = TAXONOMY if kind == "taxonomy" else RECORD_SPECS[kind]
    body = _convert(spec, vocabulary, nullable=False)
    if kind == "taxonomy":
        for name in VOCABULARIES:
            body["properties"][name]["items"]["properties"]["id"]["pattern"] = ID_PATTERN.pattern
    else:
        body["properties"]["id"].update(type=["string", "null"], pattern=ID_PATTERN.pattern)
    return {
        "$schema": DIALECT,
        "title": TITLES[kind],
        "$comment": "Generated by `python3 build.py schemas` from plugins/playbook/core/schema.py; do not edit.",
        **body,
    }


def render_schemas(vocabulary: Vocabulary) -> dict[str, str]:
    """Project-relative path → file text, for every schema."""
    return {
        schema_file(kind): json.dumps(build_schema(kind, vocabulary), ensure_ascii=False, indent=2)
        + "\n"
        for kind in KINDS
    }


def stale_schemas(root: Path, vocabulary: Vocabulary) -> list[str]:
    """Schema files under ``root`` that are missing or differ from what would be generated."""
    stale = []
    for rel, text in render_schemas(vocabulary).items():
        file = root / rel
        if not file.is_file() or file.read_text(encoding="utf-8") != text:
            stale.append(rel)
    return stale


def write_schemas(root: Path, vocabulary: Vocabulary) -> list[str]:
    """Write every schema under ``root``; returns the paths that changed."""
    changed = stale_schemas(root, vocabulary)
    for rel, text in render_schemas(vocabulary).items():
        if rel in changed:
            file = root / rel
            file.parent.mkdir(parents=True, exist_ok=True)
            file.write_text(text, encoding="utf-8")
    return changed


def modeline(kind: str, target: Path, root: Path) -> str:
    """The ``yaml-language-server`` comment that points a file at its schema."""
    rel = os.path.relpath(root / schema_file(kind), target.parent)
    return f"# yaml-language-server: $schema={Path(rel).as_posix()}\n"
