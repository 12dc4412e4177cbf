"""``init --empty``: turn the example playbook into a team's own, empty one.

Removes every example record (cases, objections, industries) and the hand-written
playbook pages (with their nav entries), trims the taxonomy to a minimal start (the
SOP stages, tiers, company sizes and objection categories as they are; the first few
pain points and metrics), and writes a home page that links only to what is left.
The guide (``content/guides/``) stays.
"""

from __future__ import annotations

import posixpath
import re
import shutil
from pathlib import Path

from playbook.ingest.load import KIND_FOLDERS, TAXONOMY_FILE

PLAYBOOK_PAGES = "content/playbook"
"""The example's hand-written playbook chapters (they cite example records)."""
KEEP_TERMS = {"pain_points": 3, "metrics": 3}
"""Taxonomy lists trimmed to their first entries; the other lists are kept whole."""

HOME_PAGE = """\
# 销售作战手册

这是我们团队自己的销售作战手册：成交案例、异议话术和行业画像，全部来自一线经验。

<div class="grid cards" markdown>

-   **按痛点找案例**

    ---

    先按痛点找到同类客户，再看他们是怎么被说服的。

    [按痛点浏览](pain-points/index.md) · [案例库](cases/index.md)

-   **马上处理异议**

    ---

    每条异议都配有现成话术和价值对比表。

    [打开异议库](objections/index.md)

-   **新增一个案例**

    ---

    刚签下一单？5 分钟把它写成案例，让整个团队都能复用你的打法。

    [如何新增案例](guides/add-a-case.md)

</div>
"""


def init_empty(root: Path) -> list[str]:
    """Empty the playbook at ``root``; returns what was removed or rewritten (for the CLI)."""
    done: list[str] = []
    for folder in KIND_FOLDERS.values():
        files = sorted((root / folder).rglob("*.yaml")) if (root / folder).is_dir() else []
        for file in files:
            file.unlink()
        if files:
            done.append(f"{folder}/ ({len(files)})")
    pages = root / PLAYBOOK_PAGES
    if pages.is_dir():
        shutil.rmtree(pages)
        done.append(f"{PLAYBOOK_PAGES}/")
    config = root / "mkdocs.yml"
    if config.is_file():
        config.write_text(drop_nav_entries(config.read_text(encoding="utf-8")), encoding="utf-8")
        done.append("mkdocs.yml (nav)")
    taxonomy = root / TAXONOMY_FILE
    if taxonomy.is_file():
        taxonomy.write_text(minimal_taxonomy(taxonomy.read_text(encoding="utf-8")), "utf-8")
        done.append(TAXONOMY_FILE)
    (root / "content").mkdir(exist_ok=True)
    (root / "content/index.md").write_text(HOME_PAGE, encoding="utf-8")
    done.append("content/index.md")
    for page in sorted((root / "content").rglob("*.md")):
        text = page.read_text(encoding="utf-8")
        unlinked = unlink_removed_pages(text, page.parent.relative_to(root).as_posix())
        if unlinked != text:
            page.write_text(unlinked, encoding="utf-8")
            done.append(page.relative_to(root).as_posix())
    return done


_LINK = re.compile(r"\[([^\]\n]+)\]\(([^)\s]+\.md)(#[^)\s]*)?\)")


def unlink_removed_pages(text: str, folder: str) -> str:
    """Markdown links from a page in ``folder`` to a removed playbook page become plain text."""

    def replace(match: re.Match[str]) -> str:
        target = posixpath.normpath(posixpath.join(folder, match.group(2)))
        removed = target == PLAYBOOK_PAGES or target.startswith(PLAYBOOK_PAGES + "/")
        return match.group(1) if removed else match.group(0)

    return _LINK.sub(replace, text)


_NAV_PAGE = re.compile(r"^(\s*)-\s+(?:[^:\n]+:\s+)?playbook/\S+\.md\s*$")
_NAV_SECTION = re.compile(r"^(\s*)-\s+[^:\n]+:\s*$")


def drop_nav_entries(text: str) -> str:
    """mkdocs.yml without nav entries for playbook pages (and sections left empty)."""
    lines = [line for line in text.splitlines() if not _NAV_PAGE.match(line)]
    kept: list[str] = []
    for i, line in enumerate(lines):
        section = _NAV_SECTION.match(line)
        if section:
            following = lines[i + 1] if i + 1 < len(lines) else ""
            indent = len(following) - len(following.lstrip())
            if not following.strip() or indent <= len(section.group(1)):
                continue  # a nav section with no entries left
        kept.append(line)
    return "\n".join(kept) + "\n"


_TOP_KEY = re.compile(r"^([a-z_]+):\s*$")
_ITEM = re.compile(r"^\s*- id:")


def minimal_taxonomy(text: str) -> str:
    """The taxonomy text with the lists in :data:`KEEP_TERMS` cut to their first entries
    (comments and every other list kept as written)."""
    out: list[str] = []
    current: str | None = None
    items = 0
    for line in text.splitlines():
        top = _TOP_KEY.match(line)
        if top:
            current, items = top.group(1), 0
        elif current in KEEP_TERMS and _ITEM.match(line):
            items += 1
        limit = KEEP_TERMS.get(current or "")
        if limit is not None and items > limit and not top:
            continue
        out.append(line)
    return "\n".join(out) + "\n"
