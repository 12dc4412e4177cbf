"""Content health for managers: what needs attention, each item pointing at the file to fix.

Checks (the keys are what ``build.py health --fail-on`` accepts):

- ``stale``: ``reviewed`` older than the freshness window, grouped by owner;
- ``pain-points-without-cases`` and ``industries-without-cases``;
- ``objections-without-proof``: no case cites the objection or backs it as proof;
- ``orphans``: records and pain points no other page links to (index pages
  list everything, so they do not count; hand-written Markdown links do);
- ``duplicates``: cases with the same customer alias and industry, or with very
  similar titles in the same industry (difflib ratio ≥ 0.85);
- ``figures-without-metric``: a figure in a case's title (40%, 3倍) that none of
  its results backs with a metric (summaries often quote context figures, such as
  a competitor's price cut, so only the headline is checked).
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import re
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from playbook.core.messages import DEFAULT_LANGUAGE, MessageError, Msg, msg, tr
from playbook.core.urls import SECTIONS, page_url, record_src
from playbook.derive.catalog import Catalog
from playbook.ingest.load import TAXONOMY_FILE

CHECKS = (
    "stale",
    "pain-points-without-cases",
    "industries-without-cases",
    "objections-without-proof",
    "orphans",
    "duplicates",
    "figures-without-metric",
)

TITLE_SIMILARITY = 0.85
"""difflib ratio from which two case titles in one industry count as likely duplicates."""

_FIGURE = re.compile(r"[+\-]?\d+(?:\.\d+)?\s*(?:%|％|倍|个百分点)")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_KIND_OF_SECTION = {section: kind for kind, section in SECTIONS.items()}
_RECORD_LINK = re.compile(
    "(" + "|".join(map(re.escape, SECTIONS.values())) + r")/([a-z0-9]+(?:-[a-z0-9]+)*)"
)
"""A link to a record page in hand-written Markdown: its section and id."""


@dataclass(frozen=True)
class Finding:
    """One thing to fix: which check found it, in which file, about which page."""

    check: str
    path: str
    """Project-relative source file to edit."""
    url: str
    """Site-relative URL of the record's page, e.g. ``cases/x/``."""
    title: str
    detail: Msg
    """The finding for the command line, in the reader's language; pages build their text
    from the fields below."""
    owner: str = ""
    reviewed: str = ""
    """``stale``: the ``reviewed`` date."""
    age: int = 0
    """``stale``: days since ``reviewed``."""
    other: str = ""
    """``duplicates``: source file of the look-alike case."""
    figure: str = ""
    """``figures-without-metric``: the unbacked figure."""


@dataclass
class HealthReport:
    findings: list[Finding] = field(default_factory=list)
    freshness_days: int = 180
    today: dt.date = field(default_factory=dt.date.today)

    def by_check(self) -> dict[str, list[Finding]]:
        """Every check (in :data:`CHECKS` order) with its findings, empty ones included."""
        grouped: dict[str, list[Finding]] = {name: [] for name in CHECKS}
        for finding in self.findings:
            grouped[finding.check].append(finding)
        return grouped

    def stale_by_owner(self) -> dict[str, list[Finding]]:
        """Stale records per owner, owners with the most first."""
        owners: dict[str, list[Finding]] = defaultdict(list)
        for finding in self.by_check()["stale"]:
            owners[finding.owner].append(finding)
        return dict(sorted(owners.items(), key=lambda kv: (-len(kv[1]), kv[0])))

    def counts(self) -> dict[str, int]:
        return {name: len(items) for name, items in self.by_check().items()}

    def to_data(self, lang: str = DEFAULT_LANGUAGE) -> dict[str, Any]:
        """Plain data for ``--format json`` (each ``detail`` in ``lang``)."""
        return {
            "today": self.today.isoformat(),
            "freshness_days": self.freshness_days,
            "counts": self.counts(),
            "findings": {
                name: [{**asdict(f), "detail": f.detail.render(lang)} for f in items]
                for name, items in self.by_check().items()
            },
        }


def build_report(
    catalog: Catalog,
    root: Path | None = None,
    freshness_days: int = 180,
    today: dt.date | None = None,
) -> HealthReport:
    """Run every check over ``catalog``; ``root`` lets hand-written pages count as links."""
    report = HealthReport(freshness_days=freshness_days, today=today or dt.date.today())
    found = report.findings
    found += _stale(catalog, report.today, freshness_days)
    found += _without_cases(catalog)
    found += _objections_without_proof(catalog)
    found += _orphans(catalog, _markdown_links(root) if root else set())
    found += _duplicates(catalog)
    found += _figures_without_metric(catalog)
    return report


def _page(kind: str, ident: str) -> str:
    """The site-relative URL of a record's page, ``cases/x/`` (the one URL scheme)."""
    return page_url(record_src(kind, ident))


def _stale(catalog: Catalog, today: dt.date, days: int) -> list[Finding]:
    out = []
    records: list[tuple[str, Any, str]] = [
        *(("case", c, c.title) for c in catalog.cases.values()),
        *(("objection", o, o.objection) for o in catalog.objections.values()),
        *(("industry", i, i.name) for i in catalog.industries.values()),
    ]
    for kind, record, title in records:
        age = (today - record.reviewed).days
        if age > days:
            out.append(
                Finding(
                    "stale",
                    record.source,
                    _page(kind, record.id),
                    title,
                    msg("health.stale", reviewed=record.reviewed.isoformat(), age=age),
                    record.owner,
                    reviewed=record.reviewed.isoformat(),
                    age=age,
                )
            )
    return sorted(out, key=lambda f: (f.owner, f.detail, f.path))


def _without_cases(catalog: Catalog) -> list[Finding]:
    out = [
        Finding(
            "pain-points-without-cases",
            TAXONOMY_FILE,
            _page("pain_point", pain.id),
            pain.label,
            msg("health.pain_without_cases", ident=pain.id),
        )
        for pain in catalog.taxonomy.pain_points.values()
        if not catalog.pain_cases.get(pain.id)
    ]
    out += [
        Finding(
            "industries-without-cases",
            industry.source,
            _page("industry", industry.id),
            industry.name,
            msg("health.industry_without_cases", ident=industry.id),
            industry.owner,
        )
        for industry in catalog.industries.values()
        if not catalog.industry_cases.get(industry.id)
    ]
    return out


def _objections_without_proof(catalog: Catalog) -> list[Finding]:
    return [
        Finding(
            "objections-without-proof",
            objection.source,
            _page("objection", objection.id),
            objection.objection,
            msg("health.objection_without_proof"),
            objection.owner,
        )
        for objection in catalog.objections.values()
        if not catalog.objection_cases.get(objection.id)
    ]


def _markdown_links(root: Path) -> set[str]:
    """The page (``cases/x/``) of every record a hand-written page under ``content/`` links to."""
    links: set[str] = set()
    for file in sorted((root / "content").rglob("*.md")):
        try:
            text = file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue  # the build reports unreadable pages; health only looks for links
        links.update(_page(_KIND_OF_SECTION[m[1]], m[2]) for m in _RECORD_LINK.finditer(text))
    return links


def _orphans(catalog: Catalog, markdown_links: set[str]) -> list[Finding]:
    """Records that only their index page links to."""
    linked: set[str] = set(markdown_links)
    for case in catalog.cases.values():
        linked.add(_page("industry", case.industry))
        linked.update(_page("pain_point", p) for p in case.pain_points)
    for case_id, objection_ids in catalog.case_objections.items():
        linked.update(_page("objection", o) for o in objection_ids)
        linked.add(_page("case", case_id))
    for industry in catalog.industries.values():
        linked.update(_page("pain_point", p.id) for p in industry.pain_points)
        linked.update(_page("objection", o) for o in industry.common_objections)
    for industry_ids in catalog.pain_industries.values():
        linked.update(_page("industry", i) for i in industry_ids)
    for case_ids in catalog.industry_cases.values():
        linked.update(_page("case", c) for c in case_ids)
    out = []
    candidates: list[tuple[str, str, str, str, str]] = [
        *(("case", c.id, c.source, c.title, c.owner) for c in catalog.cases.values()),
        *(("objection", o.id, o.source, o.objection, o.owner) for o in catalog.objections.values()),
        *(("industry", i.id, i.source, i.name, i.owner) for i in catalog.industries.values()),
        *(
            ("pain_point", p.id, TAXONOMY_FILE, p.label, "")
            for p in catalog.taxonomy.pain_points.values()
        ),
    ]
    for kind, ident, source, title, owner in candidates:
        if _page(kind, ident) not in linked:
            out.append(
                Finding(
                    "orphans",
                    source,
                    _page(kind, ident),
                    title,
                    msg("health.orphan"),
                    owner,
                )
            )
    return out


TITLE_NEIGHBOURS = 4
"""Titles compared with each case's title: its nearest neighbours in sorted order."""


@functools.lru_cache(maxsize=1 << 17)
def _similar_titles(a: str, b: str) -> float | None:
    """How similar two titles are, when at least ``TITLE_SIMILARITY`` (else None).

    Memoised: under ``serve`` the health page is rebuilt on every save, and nearly all
    pairs of titles are the same as last time.
    """
    matcher = difflib.SequenceMatcher(None, a, b)
    if (
        matcher.real_quick_ratio() >= TITLE_SIMILARITY
        and matcher.quick_ratio() >= TITLE_SIMILARITY
        and (ratio := matcher.ratio()) >= TITLE_SIMILARITY
    ):
        return ratio
    return None


def _duplicates(catalog: Catalog) -> list[Finding]:
    """Same alias in one industry, or very similar titles in one industry.

    Titles are compared with their nearest neighbours when sorted (forwards and by their
    reversed text), not with every other title: near-duplicates share a beginning or an
    ending, and this keeps the check O(n log n) — comparing every pair took 28 s at
    10,000 cases.
    """
    by_industry: dict[str, list[Any]] = defaultdict(list)
    for case in catalog.cases.values():
        by_industry[case.industry].append(case)
    found: dict[tuple[str, str], tuple[Any, Any, Msg]] = {}
    for cases in by_industry.values():
        first_by_alias: dict[str, Any] = {}
        for case in sorted(cases, key=lambda c: c.id):
            first = first_by_alias.setdefault(case.alias, case)
            if first is not case:
                reason = msg("health.duplicate_alias", alias=case.alias, other=case.source)
                found[(first.id, case.id)] = (first, case, reason)
        for order in (lambda c: c.title, lambda c: c.title[::-1]):
            ranked = sorted(cases, key=order)
            for i, one in enumerate(ranked):
                for two in ranked[i + 1 : i + 1 + TITLE_NEIGHBOURS]:
                    a, b = sorted((one, two), key=lambda c: c.id)
                    if (a.id, b.id) in found:
                        continue
                    ratio = _similar_titles(a.title, b.title)
                    if ratio is not None:
                        reason = msg(
                            "health.duplicate_title",
                            ratio=f"{ratio:.0%}",
                            other=b.source,
                            title=b.title,
                        )
                        found[(a.id, b.id)] = (a, b, reason)
    return [
        Finding(
            "duplicates", a.source, _page("case", a.id), a.title, reason, a.owner, other=b.source
        )
        for (_, _), (a, b, reason) in sorted(found.items())
    ]


def _figures_without_metric(catalog: Catalog) -> list[Finding]:
    out = []
    for case in catalog.cases.values():
        backed = " ".join(f"{r.change} {r.before} {r.after}" for r in case.results)
        backed_numbers = set(_NUMBER.findall(backed))
        for match in _FIGURE.finditer(case.title):
            number = _NUMBER.search(match.group(0))
            if number and number.group(0) not in backed_numbers:
                out.append(
                    Finding(
                        "figures-without-metric",
                        case.source,
                        _page("case", case.id),
                        case.title,
                        msg("health.unbacked_figure", figure=match.group(0).strip()),
                        case.owner,
                        figure=match.group(0).strip(),
                    )
                )
    return out


def format_text(report: HealthReport, lang: str = DEFAULT_LANGUAGE) -> str:
    """The report for the command line: counts first, then every finding with its file."""
    counts = tr("health.list_sep", lang).join(f"{name} {n}" for name, n in report.counts().items())
    lines = [
        tr("health.summary", lang, today=report.today.isoformat(), days=report.freshness_days)
        + counts
    ]
    for name, items in report.by_check().items():
        if not items:
            continue
        lines.append(f"{name} ({len(items)}):")
        if name == "stale":
            for owner, owned in report.stale_by_owner().items():
                lines.append(f"  {owner or tr('health.no_owner', lang)} ({len(owned)}):")
                lines += [f"    {f.path}: {f.detail.render(lang)}  → /{f.url}" for f in owned]
        else:
            lines += [f"  {f.path}: {f.title}: {f.detail.render(lang)}  → /{f.url}" for f in items]
    return "\n".join(lines)


class UnknownChecks(MessageError, ValueError):
    """``--fail-on`` names a check that does not exist; ``message`` says which."""


def parse_fail_on(value: str) -> list[str]:
    """``stale,orphans`` → checks; ``all`` → every check. Raises UnknownChecks on an unknown name."""
    names = [n.strip() for n in value.split(",") if n.strip()]
    if "all" in names:
        return list(CHECKS)
    unknown = [n for n in names if n not in CHECKS]
    if unknown:
        raise UnknownChecks(
            msg("health.unknown_checks", names=", ".join(unknown), known=", ".join(CHECKS))
        )
    return names
