"""Checks of hand-written pages (``content/**/*.md``) that ``check`` and ``build`` share.

A page is published as written (after sanitising), so it gets the checks of published
YAML text: readable UTF-8 within the file-size limit, no personal data in what a
reader sees, no NUL bytes or bidi overrides (see :mod:`textrules`); and every
``<!-- playbook:… -->`` marker names a list the build can generate (:mod:`playbook.ingest.pagemarkers`).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from playbook.core.messages import msg
from playbook.core.privacy import find_personal_data
from playbook.core.problems import Problem
from playbook.ingest.pagemarkers import marker_problems
from playbook.ingest.publish import DOCS_DIR
from playbook.ingest.textrules import invisible_problem
from playbook.ingest.yamlsource import Limits, SourceError, decode


def check_pages(root: Path, pages: Iterable[str], limits: Limits) -> list[Problem]:
    """Problems of the hand-written pages (docs-relative paths) of the project at ``root``."""
    problems: list[Problem] = []
    for page in pages:
        rel = f"{DOCS_DIR}/{page}"
        file = root / DOCS_DIR / page
        try:
            size = file.stat().st_size
            if size > limits.max_file_bytes:
                problems.append(
                    Problem(
                        rel,
                        1,
                        1,
                        msg("file.too_large", size=size, limit=limits.max_file_bytes),
                        msg("file.too_large.hint"),
                    )
                )
                continue
            text = decode(file.read_bytes(), rel)
        except SourceError as exc:
            problems.append(exc.problem)
            continue
        except OSError as exc:
            problems.append(
                Problem(rel, 1, 1, msg("file.unreadable", error=exc.strerror or str(exc)))
            )
            continue
        problems.extend(_text_problems(rel, text))
        problems.extend(marker_problems(rel, text))
    return problems


def _text_problems(rel: str, text: str) -> list[Problem]:
    problems: list[Problem] = []
    found = find_personal_data(text)
    if found is not None:
        line = _line_of(text)
        problems.append(
            Problem(
                rel,
                line,
                1,
                msg("page.personal", kind=msg(found.kind), masked=found.masked),
                msg("page.personal.hint"),
            )
        )
    invisible = invisible_problem(text)
    if invisible is not None:
        index, message, hint = invisible
        line = text.count("\n", 0, index) + 1
        column = index - (text.rfind("\n", 0, index) + 1) + 1
        problems.append(Problem(rel, line, column, message, hint))
    return problems


def _line_of(text: str) -> int:
    """The first line that shows the personal data on its own (1 when it spans lines)."""
    for number, line in enumerate(text.splitlines(), start=1):
        if find_personal_data(line) is not None:
            return number
    return 1
