#!/usr/bin/env python3
"""Size distribution of the package's modules and functions, for the architecture review.

    python3 bench/code_sizes.py [PACKAGE_DIR]      (default: plugins/playbook)

Lines per module (docstrings and comments included; an ``__init__.py`` of under 15 lines
is a folder's label and is skipped) and lines per function or method. Standard library
only, so it runs on an old checkout too (``git worktree add /tmp/old <rev>``).
"""

from __future__ import annotations

import ast
import statistics
import sys
from pathlib import Path

LONG_FUNCTION = 50


def sizes(package: Path) -> tuple[dict[str, int], dict[str, int]]:
    """(module path → lines, ``path:function`` → lines)."""
    modules: dict[str, int] = {}
    functions: dict[str, int] = {}
    for path in sorted(package.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        lines = len(text.splitlines())
        if path.name == "__init__.py" and lines < 15:
            continue
        rel = path.relative_to(package).as_posix()
        modules[rel] = lines
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                end = node.end_lineno or node.lineno
                functions[f"{rel}:{node.name}"] = end - node.lineno + 1
    return modules, functions


def _p90(values: list[int]) -> int:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(0.9 * len(ordered)))]


def describe(label: str, values: dict[str, int]) -> str:
    n = list(values.values())
    return (
        f"{label}: n={len(n)} median {statistics.median(n):.0f} p90 {_p90(n)} max {max(n)}"
        f" ({max(values, key=values.__getitem__)})"
    )


def main() -> None:
    package = Path(sys.argv[1] if len(sys.argv) > 1 else "plugins/playbook")
    modules, functions = sizes(package)
    print(describe("modules", modules))
    print(describe("functions", functions))
    long = sorted(((v, k) for k, v in functions.items() if v > LONG_FUNCTION), reverse=True)
    print(f"functions over {LONG_FUNCTION} lines: {len(long)}")
    for lines, name in long:
        print(f"  {lines:4d}  {name}")


if __name__ == "__main__":
    main()
