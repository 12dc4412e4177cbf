"""Fingerprints of what each generated page shows, to reuse unchanged pages under ``serve``.

A record page shows its record and the records it links to directly (back-links
included), plus vocabulary labels. Its signature combines digests of exactly those,
so editing one case changes the signatures of that case's page and of the pages
listing it (its industry, pain points and objections) and no others. Index pages
list everything and get no signature (always rendered). A template override that
shows data further away than direct links would not be caught: ``serve`` only
uses signatures; a full build renders every page.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import Any

from .catalog import Catalog
from .render import GeneratedPage


def _digest(value: Any) -> bytes:
    return hashlib.blake2b(repr(value).encode("utf-8"), digest_size=16).digest()


def page_signatures(catalog: Catalog, pages: Iterable[GeneratedPage]) -> dict[str, bytes]:
    """``src_uri`` → signature for every record and pain-point page (not for indexes)."""
    memo: dict[tuple[str, str], bytes] = {}
    c = catalog

    def record(kind: str, ident: str) -> bytes:
        key = (kind, ident)
        if key not in memo:
            source: dict[str, dict[str, Any]] = {
                "case": c.cases,
                "objection": c.objections,
                "industry": c.industries,
            }
            memo[key] = _digest(source[kind].get(ident))
        return memo[key]

    def combine(*parts: bytes) -> bytes:
        return hashlib.blake2b(b"".join(parts), digest_size=16).digest()

    shared = _digest(c.taxonomy)
    out: dict[str, bytes] = {}
    for page in pages:
        uri = page.src_uri
        if "case" in page.context:
            case = page.context["case"]
            out[uri] = combine(
                shared,
                record("case", case.id),
                record("industry", case.industry),
                *(record("objection", o) for o in c.case_objections.get(case.id, ())),
            )
        elif "objection" in page.context:
            obj = page.context["objection"]
            out[uri] = combine(
                shared,
                record("objection", obj.id),
                *(record("case", i) for i in c.objection_cases.get(obj.id, ())),
            )
        elif "industry" in page.context:
            ind = page.context["industry"]
            out[uri] = combine(
                shared,
                record("industry", ind.id),
                *(record("case", i) for i in c.industry_cases.get(ind.id, ())),
                *(record("objection", o) for o in ind.common_objections),
            )
        elif "pain" in page.context:
            pain = page.context["pain"].id
            cases = c.pain_cases.get(pain, ())
            # Case cards name each case's industry.
            industries = sorted(
                {*c.pain_industries.get(pain, ()), *(c.cases[i].industry for i in cases)}
            )
            out[uri] = combine(
                shared,
                _digest(pain),
                *(record("case", i) for i in cases),
                *(record("industry", i) for i in industries),
                *(record("objection", o) for o in c.pain_objections.get(pain, ())),
            )
    return out
