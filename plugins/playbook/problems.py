"""Problems found in content: errors stop the build, warnings are reported."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Literal

from .privacy import redact

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Problem:
    """One finding, pointing at ``path:line:column`` (1-based) in a content file.

    Messages quote content, so personal data in them is masked on creation
    (``138****5678``): it reaches no terminal, JSON output, error page or CI log.
    """

    path: str
    line: int
    column: int
    message: str
    hint: str = ""
    severity: Severity = "error"

    def __post_init__(self) -> None:
        object.__setattr__(self, "message", redact(self.message))
        object.__setattr__(self, "hint", redact(self.hint))

    def format(self) -> str:
        """Render as ``path:line:column: message (hint)``, the form editors understand.

        Always one line: messages quote content, which may hold line breaks or
        control characters; those are shown escaped.
        """
        path, message = _one_line(self.path), _one_line(self.message)
        text = f"{path}:{self.line}:{self.column}: {message}"
        if self.severity == "warning":
            text = f"{path}:{self.line}:{self.column}: warning: {message}"
        if self.hint:
            text += f" ({_one_line(self.hint)})"
        return text


def _one_line(text: str) -> str:
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def sort_problems(problems: Iterable[Problem]) -> list[Problem]:
    """Sort by file, then position, then message; drop exact duplicates."""
    return sorted(set(problems))


def errors(problems: Iterable[Problem]) -> list[Problem]:
    """Only the problems that stop a build."""
    return [p for p in problems if p.severity == "error"]


def to_json(problems: Iterable[Problem]) -> str:
    """Serialise problems for tools (``check --format json``)."""
    return json.dumps([asdict(p) for p in problems], ensure_ascii=False, indent=2)
