"""The case composer at ``/cases/new/``: a form that writes a case file in the browser.

The page is a form rendered from the taxonomy and records (``templates/indexes/
composer.html``); this module computes the data its scripts need, as one JSON file
(``cases/composer.json``, fetched by the page: no inline script): vocabularies with
labels, the metrics' units and better-directions, the ids already taken, the rules'
parameters and the problem messages of ``check`` in the site's language. ``assets/composer_rules.js`` applies the rules, ``assets/composer_yaml.js``
writes the YAML, ``assets/composer.js`` runs the form.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial
from pathlib import Path
from typing import Any, cast

from playbook.derive.catalog import Catalog
from playbook.site.codehost import CodeHost
from playbook.ingest.contentrules import browser_rules
from playbook.site.facets import compact_json, version
from playbook.site.generated import GeneratedPage
from playbook.site.i18n import translator
from playbook.integrations.jsonschema_export import modeline
from playbook.core.privacy import browser_patterns
from playbook.core.schema import CASE, PAIN_CATEGORIES, PLACEHOLDER, VOCABULARIES, Spec
from playbook.site.shows import collections
from playbook.core.urls import COMPOSER_DATA, COMPOSER_SRC, RESERVED_IDS, reserved_url
from playbook.ingest.load import KIND_FOLDERS
from playbook.ingest.validate import Checker, Vocabulary
from playbook.ingest.yamlsource import Document

MESSAGE_CODES = (
    "field.missing",
    "field.missing_in",
    "field.missing.hint",
    "field.missing_block.hint",
    "field.empty",
    "field.too_long",
    "field.too_long.hint",
    "field.placeholder",
    "field.placeholder.hint",
    "field.personal",
    "field.personal.hint",
    "field.too_few",
    "field.bad_date",
    "field.bad_date.hint",
    "personal.mobile",
    "personal.email",
    "personal.resident_id",
    "result.missing_after",
    "result.missing_before",
    "result.missing_change",
    "result.missing.hint",
    "id.invalid",
    "id.invalid.hint",
    "id.reserved_url",
    "id.reserved.hint",
    "id.duplicate",
    "id.duplicate.hint",
    "ref.case",
    "reviewed.future",
    "result.change_no_unit",
    "result.change_no_unit.hint",
    "result.figure_no_unit",
    "result.figure_no_unit.hint",
    "result.direction",
    "result.direction.hint",
    "alias.legal_suffix",
    "alias.legal_suffix.hint",
    "private.in_published",
    "private.in_published.hint",
    "owner.no_name",
    "owner.no_name.hint",
)
"""The problem messages the composer can show: the same codes (and texts) as ``check``."""


def _max_length(*path: str) -> int | None:
    spec = CASE
    for name in path:
        spec = spec.fields[name]
    return spec.max_length


def missing_hints(vocabulary: Vocabulary) -> dict[str, dict[str, Any]]:
    """``check``'s hint for each missing required field of a case, by dotted path
    (``title``, ``customer.alias``, ``results.metric``), as ``{code, args}``."""
    checker = Checker(cast(Document, None), vocabulary, [])  # only asked for hints
    hints: dict[str, dict[str, Any]] = {}

    def walk(spec: Spec, prefix: str) -> None:
        for key, sub in spec.fields.items():
            if sub.required:
                hint = checker.missing_hint(key, sub)
                hints[prefix + key] = {"code": hint.code, "args": dict(hint.args)}
            inner = sub.item if sub.item is not None and sub.item.fields else sub
            if inner.fields:
                walk(inner, f"{prefix}{key}.")

    walk(CASE, "")
    return hints


def _vocabulary(catalog: Catalog) -> Vocabulary:
    """The ids ``check`` knows, in the order it knows them (taxonomy, then records)."""
    tax = catalog.taxonomy
    vocabulary: dict[str, dict[str, str]] = {
        ref: {ident: term.label for ident, term in getattr(tax, name).items()}
        for name, ref in VOCABULARIES.items()
    }
    vocabulary["case"] = dict.fromkeys(sorted(catalog.cases), "")
    vocabulary["objection"] = dict.fromkeys(sorted(catalog.objections), "")
    vocabulary["industry"] = dict.fromkeys(sorted(catalog.industries), "")
    return vocabulary


def composer_data(
    catalog: Catalog,
    language: str,
    messages: Mapping[str, Mapping[str, str]],
    host: CodeHost | None,
) -> dict[str, Any]:
    """Everything the composer's scripts need, computed from the loaded project.

    ``messages`` is the problem catalog as ``{code: {"zh": …, "en": …}}``; only the
    composer's codes are shipped, in ``language``.
    """
    tax = catalog.taxonomy
    lang = "en" if language == "en" else "zh"
    return {
        "lang": lang,
        "labels": {
            "industry": {i.id: i.name for i in catalog.industries.values()},
            "pain": {p.id: p.label for p in tax.pain_points.values()},
            "tier": {t.id: t.label for t in tax.tiers.values()},
        },
        "metrics": {
            m.id: {"label": m.label, "unit": m.unit, "better": m.better}
            for m in tax.metrics.values()
        },
        "case_ids": {ident: case.source for ident, case in catalog.cases.items()},
        # The ids whose URL is a generated page, and that URL (as check names it).
        "reserved": {ident: reserved_url("case", ident) for ident in sorted(RESERVED_IDS["case"])},
        # Where the new files go: the case, and an industry (the "no fitting industry" lines).
        "folders": {kind: KIND_FOLDERS[kind] for kind in ("case", "industry")},
        "limits": {"title": _max_length("title"), "summary": _max_length("summary")},
        "placeholder": PLACEHOLDER,
        "personal": browser_patterns(),
        "rules": browser_rules(),
        "missing_hints": missing_hints(_vocabulary(catalog)),
        "pain_categories": list(PAIN_CATEGORIES),
        "better": {way: translator(lang)(f"better_{way}") for way in ("up", "down")},
        "modeline": modeline("case", Path(KIND_FOLDERS["case"], "x.yaml"), Path(".")),
        "host": host.new_file() if host is not None else None,
        "messages": {
            **{code: messages[code][lang] for code in MESSAGE_CODES},
            # Only the composer asks for the id: check reads it from the file name.
            "composer.id_missing": translator(lang)("composer_id_missing"),
        },
    }


def composer_choices(catalog: Catalog) -> dict[str, list[tuple[str, str]]]:
    """(id, label) pairs for each picker of the form, in the project's order."""
    tax = catalog.taxonomy
    return {
        "industry": [(i.id, i.name) for i in catalog.industries.values()],
        "size": [(s.id, s.label) for s in tax.company_sizes.values()],
        "pain": [(p.id, p.label) for p in tax.pain_points.values()],
        "stage": [(s.id, s.label) for s in tax.stages.values()],
        "tier": [(t.id, t.label) for t in tax.tiers.values()],
        "objection": [(o.id, o.objection) for o in catalog.objections.values()],
    }


def composer_page(title: str, catalog: Catalog, data: dict[str, Any]) -> tuple[GeneratedPage, str]:
    """The composer's page and the text of its data file; ``data`` is :func:`composer_data`."""
    text = compact_json(data)
    context = {
        "composer": data,
        "composer_url": f"{COMPOSER_DATA}?v={version(text)}",
        "choices": composer_choices(catalog),
    }
    page = GeneratedPage(
        COMPOSER_SRC,
        title,
        "indexes/composer.html",
        context,
        shows_of=partial(collections, "taxonomy"),
    )
    return page, text
