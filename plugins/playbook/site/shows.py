"""What each generated page shows: one definition behind ``serve``'s page reuse and
``check --changed-since``.

A page renders its context (what the page plan hands its template) plus catalog facts its
template reads through the ``catalog``, ``taxonomy`` and ``git_changed`` globals. The page
plan (:meth:`render.Renderer.pages`) declares those facts next to the context, as the
page's ``shows``: a set of :data:`Key` ``(view, id)`` pairs, built by the helpers below
(and computed only when asked). :meth:`Facts.fingerprint` digests the title, template, context and every shown fact, so two
fingerprints differ whenever what the page renders may differ: ``serve`` reuses a page
whose fingerprint did not change, and ``check --changed-since`` lists the pages whose
fingerprint differs between the base and the working tree.

Views (what a key reads):

- ``industry.name`` / ``objection.link``: the name / the customer's words of one record;
- ``case.card``: what a case card shows of a case (and ``case_card`` adds what it shows of
  the taxonomy and the industry); ``case.proof``: the headline result and alias;
- ``term``: one taxonomy entry, ``<section>/<id>``; ``links``: one back-link list of the
  catalog, ``<mapping>/<id>`` (e.g. ``industry_cases/ecommerce``); ``changed``: the git
  date of a source file;
- ``all``: a whole collection or summary (:data:`COLLECTIONS`; ``coverage``: which pain
  points and industries have cases, as the health page's chart shows).

A template override that reads more of the catalog than its page declares is not caught
by ``serve`` (a full build renders every page) nor by ``--changed-since``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from playbook.derive.catalog import Catalog
from playbook.core.model import Case, Industry, Objection, Taxonomy, Term

Key = tuple[str, str]
"""``(view, id)``: one fact a page shows."""

_RECORDS = (Case, Objection, Industry)


def _industry_name(c: Catalog, ident: str) -> Any:
    industry = c.industries.get(ident)
    return industry.name if industry else None


def _objection_link(c: Catalog, ident: str) -> Any:
    objection = c.objections.get(ident)
    return objection.objection if objection else None


def _case_card(c: Catalog, ident: str) -> Any:
    case = c.cases.get(ident)
    if case is None:
        return None
    # reviewed: cards are listed most recently reviewed first.
    fields = ("title", "alias", "summary", "industry", "tier", "pain_points", "reviewed")
    return (*(getattr(case, f) for f in fields), case.results[0])


def _case_proof(c: Catalog, ident: str) -> Any:
    case = c.cases.get(ident)
    return (case.results[0], case.alias) if case else None


def _term(c: Catalog, ident: str) -> Any:
    section, _, term = ident.partition("/")
    return getattr(c.taxonomy, section).get(term)


def _links(c: Catalog, ident: str) -> Any:
    mapping, _, key = ident.partition("/")
    links: dict[str, list[str]] = getattr(c, mapping)
    return links.get(key, [])


def _section(name: str) -> Callable[[Catalog], Any]:
    return lambda c: getattr(c.taxonomy, name)


COLLECTIONS: dict[str, Callable[[Catalog], Any]] = {
    "industry.name": lambda c: [(i.id, i.name) for i in c.industries.values()],
    "industry.index": lambda c: [
        (i.id, i.name, i.summary, len(c.industry_cases.get(i.id, [])))
        for i in c.industries.values()
    ],
    "pain.index": lambda c: [
        (term, len(c.pain_cases.get(term.id, []))) for term in c.taxonomy.pain_points.values()
    ],
    "objection": lambda c: list(c.objections.values()),
    "taxonomy": lambda c: c.taxonomy,
    "coverage": lambda c: (
        [bool(c.pain_cases.get(p)) for p in c.taxonomy.pain_points],
        [bool(c.industry_cases.get(i)) for i in c.industries],
    ),
    **{f"term/{f.name}": _section(f.name) for f in dataclasses.fields(Taxonomy)},
}
"""``all`` views: name → what it reads of the catalog."""

VIEWS: dict[str, Callable[[Catalog, str], Any]] = {
    "industry.name": _industry_name,
    "objection.link": _objection_link,
    "case.card": _case_card,
    "case.proof": _case_proof,
    "term": _term,
    "links": _links,
    "all": lambda c, name: COLLECTIONS[name](c),
}


# The keys a page plan declares -------------------------------------------------------


def term(section: str, ident: str | None) -> set[Key]:
    """A taxonomy entry (none for an empty optional field)."""
    return {("term", f"{section}/{ident}")} if ident else set()


def terms(section: str, idents: Iterable[str]) -> set[Key]:
    return {("term", f"{section}/{i}") for i in idents}


def links(c: Catalog, mapping: str, ident: str) -> tuple[Key, list[str]]:
    """A back-link list's key and its ids (read from the catalog, as the template does)."""
    ids: list[str] = getattr(c, mapping).get(ident, [])
    return ("links", f"{mapping}/{ident}"), ids


def case_card(c: Catalog, ident: str) -> set[Key]:
    """What a case card (``macros.case_card``) shows: the case's card fields, its
    industry's name, its tier and pain-point labels and the headline's metric (tone)."""
    case = c.cases[ident]
    return {
        ("case.card", ident),
        ("industry.name", case.industry),
        *term("tiers", case.tier),
        *terms("pain_points", case.pain_points),
        *term("metrics", case.results[0].metric),
    }


def case_list(c: Catalog, mapping: str, ident: str) -> set[Key]:
    """``macros.case_list`` over a back-link list: every case of it as a card."""
    key, ids = links(c, mapping, ident)
    return {key}.union(*(case_card(c, i) for i in ids))


def case_page(c: Catalog, case: Case) -> set[Key]:
    key, objections = links(c, "case_objections", case.id)
    return {
        key,
        ("industry.name", case.industry),
        ("changed", case.source),
        *term("company_sizes", case.size),
        *term("tiers", case.tier),
        *terms("pain_points", case.pain_points),
        *terms("stages", case.stages),
        *terms("metrics", (r.metric for r in case.results)),
        *(("objection.link", o) for o in objections),
    }


def objection_page(c: Catalog, objection: Objection) -> set[Key]:
    key, cases = links(c, "objection_cases", objection.id)
    return {
        key,
        ("changed", objection.source),
        *term("objection_categories", objection.category),
        *terms("stages", objection.stages),
        *(("case.proof", i) for i in cases),
    }


def industry_page(c: Catalog, industry: Industry) -> set[Key]:
    return {
        ("changed", industry.source),
        *terms("pain_points", (p.id for p in industry.pain_points)),
        *(("objection.link", o) for o in industry.common_objections),
        *case_list(c, "industry_cases", industry.id),
    }


def pain_page(c: Catalog, pain: str) -> set[Key]:
    objections_key, objections = links(c, "pain_objections", pain)
    industries_key, industries = links(c, "pain_industries", pain)
    return {
        objections_key,
        industries_key,
        *case_list(c, "pain_cases", pain),
        *(("objection.link", o) for o in objections),
        *(("industry.name", i) for i in industries),
    }


def collections(*names: str) -> set[Key]:
    return {("all", name) for name in names}


def library_page(c: Catalog, cases: Iterable[Case]) -> set[Key]:
    """A case-library page: its cases as cards and the browse chips (industries, pain points)."""
    return collections("industry.name", "term/pain_points").union(
        *(case_card(c, case.id) for case in cases)
    )


# Fingerprints -------------------------------------------------------------------------


_MASK = (1 << 128) - 1


def _digest(value: Any) -> bytes:
    return hashlib.blake2b(repr(value).encode("utf-8"), digest_size=16).digest()


def every_page(synonyms: Any, page_count: int) -> bytes:
    """What every page shows besides its own content: the header search's data (the
    synonym groups and the number of pages, see ``adapters.mkdocs.plugin.on_env``)."""
    return _digest((synonyms, page_count))


class Facts:
    """Digests of shown facts and page contexts for one catalog, each computed once."""

    def __init__(self, catalog: Catalog, last_changed: Mapping[str, dt.date] | None = None):
        self.catalog = catalog
        self.last_changed = dict(last_changed or {})
        self._facts: dict[Key, int] = {}
        self._records: dict[int, tuple[object, bytes]] = {}

    def fact(self, key: Key) -> int:
        """Digest of a fact and its key, as a number (a page's facts are summed: a set)."""
        found = self._facts.get(key)
        if found is None:
            view, ident = key
            if view == "changed":
                value: Any = self.last_changed.get(ident)
            else:
                value = VIEWS[view](self.catalog, ident)
            found = self._facts[key] = int.from_bytes(_digest((key, value)))
        return found

    def value(self, value: Any) -> bytes:
        """Digest of a context value; records (shared by many pages) are digested once."""
        if isinstance(value, _RECORDS):
            entry = self._records.get(id(value))
            if entry is None:
                entry = self._records[id(value)] = (value, _digest(value))  # keeps it alive
            return entry[1]
        if isinstance(value, Mapping):
            return _digest([(k, self.value(v)) for k, v in sorted(value.items())])
        if isinstance(value, list | tuple):
            return _digest([self.value(v) for v in value])
        return _digest(value)

    def fingerprint(self, page: Any) -> bytes:
        """What ``page`` (a :class:`render.GeneratedPage`) renders, as one digest."""
        fact = self.fact
        shown = sum(fact(key) for key in page.shows) & _MASK
        head = (page.src_uri, page.title, page.template, page.hide, shown)
        return hashlib.blake2b(
            repr(head).encode("utf-8") + self.value(page.context), digest_size=16
        ).digest()


_KEY_KINDS = {
    "case.card": "cases",
    "case.proof": "cases",
    "industry.name": "industries",
    "objection.link": "objections",
}


def sources(page: Any, catalog: Catalog, taxonomy_file: str) -> frozenset[str]:
    """Project files whose records or vocabulary ``page`` shows (for reviewers' reasons)."""
    found: set[str] = set()

    def walk(value: Any) -> None:
        if isinstance(value, _RECORDS):
            found.add(value.source)
        elif isinstance(value, Term):
            found.add(taxonomy_file)
        elif isinstance(value, Mapping):
            for item in value.values():
                walk(item)
        elif isinstance(value, list | tuple):
            for item in value:
                walk(item)
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            for f in dataclasses.fields(value):
                walk(getattr(value, f.name))

    walk(page.context)
    for view, ident in page.shows:
        if view in _KEY_KINDS:
            record = getattr(catalog, _KEY_KINDS[view]).get(ident)
            if record is not None:
                found.add(record.source)
        elif view == "term" or (view == "all" and ident.startswith(("term/", "taxonomy"))):
            found.add(taxonomy_file)
        elif view == "changed":
            found.add(ident)
    return frozenset(found)
