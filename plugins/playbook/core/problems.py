"""Problems found in content: errors stop the build, warnings are reported.

A problem carries message codes (see :mod:`messages`), not text: it is rendered in
the reader's language only when it is shown.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

from playbook.core.messages import DEFAULT_LANGUAGE, NO_MSG, Msg
from playbook.core.privacy import redact

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Problem:
    """One finding, pointing at ``path:line:column`` (1-based) in a content file."""

    path: str
    line: int
    column: int
    message: Msg
    hint: Msg = NO_MSG
    severity: Severity = "error"

    def text(self, lang: str = DEFAULT_LANGUAGE) -> str:
        """The message in ``lang``; personal data it quotes is masked (``138****5678``),
        so it reaches no terminal, JSON output, error page or CI log."""
        return redact(self.message.render(lang))

    def hint_text(self, lang: str = DEFAULT_LANGUAGE) -> str:
        """The hint in ``lang`` ("" when there is none), masked like the message."""
        return redact(self.hint.render(lang))

    def format(self, lang: str = DEFAULT_LANGUAGE) -> str:
        """Render as ``path:line:column: message (hint)``, the form editors understand.

        Always one line: messages quote content, which may hold line breaks or
        control characters; those are shown escaped. ``warning:`` stays English in
        every language: tools (CI annotations, editors' problem matchers) look for it.
        """
        return format_line(self.to_dict(lang))

    def to_dict(self, lang: str = DEFAULT_LANGUAGE) -> dict[str, Any]:
        """Plain data in ``lang`` (``check --format json``): the code stays for tools."""
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "severity": self.severity,
            "code": self.message.code,
            "message": self.text(lang),
            "hint": self.hint_text(lang),
        }


def format_line(problem: dict[str, Any]) -> str:
    """``path:line:column: [warning: ]message (hint)`` from :meth:`Problem.to_dict` data."""
    path, message = _one_line(problem["path"]), _one_line(problem["message"])
    marker = "warning: " if problem["severity"] == "warning" else ""
    text = f"{path}:{problem['line']}:{problem['column']}: {marker}{message}"
    if problem["hint"]:
        text += f" ({_one_line(problem['hint'])})"
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


def to_json(problems: Iterable[Problem], lang: str = DEFAULT_LANGUAGE) -> str:
    """Serialise problems for tools (``check --format json``)."""
    return json.dumps([p.to_dict(lang) for p in problems], ensure_ascii=False, indent=2)
