"""``check --changed-since <ref>``: the reviewer's view of a change.

Problems in the changed files come first, then problems elsewhere (a change can
break a file it does not touch, e.g. by deleting an id another file cites),
then the pages the change adds, alters or removes.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any, TextIO

from .catalog import build_catalog
from .gitinfo import Change
from .impact import EVERY_PAGE, affected_pages
from .load import LoadResult
from .problems import Problem, errors, format_line

_MARK = {"added": "+", "altered": "~", "removed": "-"}


def split_problems(
    problems: list[Problem], changes: list[Change]
) -> tuple[list[Problem], list[Problem]]:
    """(problems in changed files, problems in other files), each in their sorted order."""
    changed = {c.path for c in changes}
    mine = [p for p in problems if p.path in changed]
    others = [p for p in problems if p.path not in changed]
    return mine, others


def review(result: LoadResult, changes: list[Change], ref: str, lang: str = "zh") -> dict[str, Any]:
    """Everything ``check --changed-since`` reports, as plain data."""
    catalog = None
    if result.taxonomy is not None and result.records is not None:
        catalog = build_catalog(result.taxonomy, result.records)
    mine, others = split_problems(result.problems, changes)
    return {
        "ref": ref,
        "changed": [asdict(c) for c in changes],
        "problems_in_changed_files": [p.to_dict(lang) for p in mine],
        "problems_in_other_files": [p.to_dict(lang) for p in others],
        "pages": [asdict(p) for p in affected_pages(changes, catalog)],
        "complete": catalog is not None,
        "errors": len(errors(result.problems)),
    }


def print_review(report: dict[str, Any], out: TextIO, fmt: str = "text") -> None:
    """Write the review as text for people or JSON for tools."""
    if fmt == "json":
        print(json.dumps(report, ensure_ascii=False, indent=2), file=out)
        return
    changed = report["changed"]
    print(f"Changed since {report['ref']}: {len(changed)} file(s)", file=out)
    for change in changed:
        print(f"  {_MARK.get(_page_status(change['status']), '~')} {change['path']}", file=out)
    for title, key in (
        ("Problems in changed files", "problems_in_changed_files"),
        ("Problems in other files", "problems_in_other_files"),
    ):
        problems = report[key]
        if problems:
            print(f"{title} ({len(problems)}):", file=out)
            for problem in problems:
                print(f"  {format_line(problem)}", file=out)
    pages = report["pages"]
    print(f"Pages this change adds, alters or removes ({len(pages)}):", file=out)
    for page in pages:
        url = "every page" if page["url"] == EVERY_PAGE else page["url"]
        print(f"  {_MARK[page['status']]} {url}  ({page['reason']})", file=out)
    if not report["complete"]:
        print("  (fix the errors to see the pages that link to the changed records)", file=out)


def _page_status(status: str) -> str:
    return {"added": "added", "deleted": "removed"}.get(status, "altered")
