"""``check --changed-since <ref>``: the reviewer's view of a change.

Problems in the changed files come first, then problems elsewhere (a change can
break a file it does not touch, e.g. by deleting an id another file cites),
then the pages the change adds, alters or removes.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict
from pathlib import Path
from typing import Any, TextIO

from playbook.commands.impact import EVERY_PAGE, Planned, PlannedPage, affected_pages
from playbook.core.messages import tr
from playbook.core.problems import Problem, errors, format_line
from playbook.core.urls import site_path
from playbook.ingest.load import TAXONOMY_FILE, LoadResult
from playbook.ingest.projectconfig import (
    project_language,
    read_plugin_options,
    settings_from_options,
)
from playbook.integrations.gitinfo import Change
from playbook.site.shows import Facts, every_page, sources

_MARK = {"added": "+", "altered": "~", "removed": "-"}


def split_problems(
    problems: list[Problem], changes: list[Change]
) -> tuple[list[Problem], list[Problem]]:
    """(problems in changed files, problems in other files), each in their sorted order."""
    changed = {c.path for c in changes}
    mine = [p for p in problems if p.path in changed]
    others = [p for p in problems if p.path not in changed]
    return mine, others


def planned_pages(root: Path, result: LoadResult, today: dt.date | None) -> Planned | None:
    """The generated pages of the project at ``root`` as loaded (None if it has errors)."""
    if result.taxonomy is None or result.records is None:
        return None
    from playbook.site.sitebuild import SiteOptions, build_site  # the renderer: only when asked

    options, _ = read_plugin_options(root)
    settings, _ = settings_from_options(root, options, today)
    health = options.get("health_page", True) is not False
    plan = build_site(result, settings, SiteOptions(project_language(root), health=health))
    catalog = plan.catalog
    facts = Facts(catalog)
    pages = {
        site_path(uri): PlannedPage(facts.fingerprint(page), sources(page, catalog, TAXONOMY_FILE))
        for uri, page in plan.pages.items()
    }
    shared = every_page(catalog.taxonomy.synonyms, len(plan.pages) + len(result.pages))
    return Planned(pages, shared)


def review(
    result: LoadResult,
    changes: list[Change],
    ref: str,
    lang: str = "zh",
    *,
    before: Planned | None = None,
    after: Planned | None = None,
) -> dict[str, Any]:
    """Everything ``check --changed-since`` reports, as plain data.

    ``before`` and ``after``: the planned pages at the base and now (:func:`planned_pages`).
    """
    mine, others = split_problems(result.problems, changes)
    return {
        "ref": ref,
        "changed": [asdict(c) for c in changes],
        "problems_in_changed_files": [p.to_dict(lang) for p in mine],
        "problems_in_other_files": [p.to_dict(lang) for p in others],
        "pages": [
            {"url": p.url, "status": p.status, "reason": p.reason.render(lang)}
            for p in affected_pages(changes, before, after)
        ],
        "complete": before is not None and after is not None,
        "errors": len(errors(result.problems)),
    }


def print_review(report: dict[str, Any], out: TextIO, fmt: str = "text", lang: str = "zh") -> None:
    """Write the review as text for people or JSON for tools.

    ``lang``: the headings' language; give the one :func:`review` rendered the report in.
    """
    if fmt == "json":
        print(json.dumps(report, ensure_ascii=False, indent=2), file=out)
        return
    changed = report["changed"]
    print(tr("review.changed", lang, ref=report["ref"], count=len(changed)), file=out)
    for change in changed:
        print(f"  {_MARK.get(_page_status(change['status']), '~')} {change['path']}", file=out)
    for code, key in (
        ("review.problems_mine", "problems_in_changed_files"),
        ("review.problems_others", "problems_in_other_files"),
    ):
        problems = report[key]
        if problems:
            print(tr(code, lang, count=len(problems)), file=out)
            for problem in problems:
                print(f"  {format_line(problem)}", file=out)
    pages = report["pages"]
    print(tr("review.pages", lang, count=len(pages)), file=out)
    every = tr("review.every_page", lang)
    for page in pages:
        url = every if page["url"] == EVERY_PAGE else page["url"]
        print(f"  {_MARK[page['status']]} {url}  ({page['reason']})", file=out)
    if not report["complete"]:
        print(f"  {tr('review.incomplete', lang)}", file=out)


def _page_status(status: str) -> str:
    return {"added": "added", "deleted": "removed"}.get(status, "altered")
