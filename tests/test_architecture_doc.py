"""README's Architecture section lists every module of the package, in its folder."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "plugins" / "playbook"


def _listed() -> set[str]:
    """``folder/module.py`` for every module the README's layout block names."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    block = text.split("## Architecture", 1)[1].split("```", 2)[1]
    listed, folder = set(), ""
    for line in block.splitlines():
        indent = len(line) - len(line.lstrip())
        first = line.strip().split("  ")[0]
        if indent == 2 and first.endswith("/"):
            folder = first
        elif indent == 2:
            folder = ""
        if indent in (2, 4):
            for name in re.findall(r"[a-z0-9_]+\.py", first):
                listed.add((folder if indent == 4 else "") + name)
    return listed


def test_readme_lists_every_module_in_its_folder() -> None:
    modules = {
        p.relative_to(PACKAGE).as_posix() for p in PACKAGE.rglob("*.py") if p.name != "__init__.py"
    }
    listed = _listed()
    assert sorted(modules - listed) == [], "modules the README does not list"
    assert sorted(listed - modules) == [], "README lists modules that do not exist"
