"""Every UI string in the site's language: no English in the Chinese build's chrome and
labels, no Chinese punctuation in the English build's. Content text (the fixture's YAML
and Markdown) is taken out of each text before it is scanned, so only UI remains."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup, Comment, Doctype
from conftest import FILES, MKDOCS_YML, TODAY, Project

UI_ATTRIBUTES = ("title", "aria-label", "placeholder", "alt")
SKIPPED = ("script", "style", "code", "kbd", "pre")
"""Not UI text: code, key names (``Enter``, ``Esc``) and scripts."""
ENGLISH_WORD = re.compile(r"[A-Za-z]{3,}")
CHINESE_PUNCTUATION = re.compile(r"[：，。；！？（）【】、]")
MARKUP = re.compile(r"[*_`\[\]<>|]+|\{[^{}]*\}")
PLACEHOLDER = re.compile(r"\{\w+\}")
"""``{n}`` in the strings handed to scripts."""
PROPER_NOUNS = ("JavaScript", "YAML", "Markdown", "CRM", "jiage", "Enter", "Esc")
"""Allowed in the Chinese UI: names of formats and tools a sales team uses as they are, and
pinyin as the finder's example input."""
EXAMPLE_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)+$")
"""An input's placeholder that shows an example id (ids are ASCII by the content model)."""


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(key)
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def content_strings(root: Path) -> list[str]:
    """Every text the project's authors wrote (YAML values, Markdown lines, site name),
    longest first so that longer texts are taken out before their parts."""
    found: set[str] = set()
    for path in [*root.glob("cases/*.yaml"), *root.glob("content/**/*.yaml")]:
        for text in _strings(yaml.safe_load(path.read_text(encoding="utf-8"))):
            found.add(text.strip())
            for line in text.splitlines():
                # Markdown fields and scripts reach pages split at markup and placeholders.
                found.update(part.strip() for part in MARKUP.split(line.lstrip("#>-*0123456789. ")))
    for path in root.glob("content/**/*.md"):
        for line in path.read_text(encoding="utf-8").splitlines():
            found.add(line.lstrip("#>-* ").strip())
    found.add(yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))["site_name"])
    # Ids and other short ASCII values ("a", "cost") would cut UI words apart.
    kept = (s for s in found if len(s) >= 2 and (not s.isascii() or len(s) >= 4))
    return sorted(kept, key=len, reverse=True)


def ui_texts(site: Path, content: list[str]) -> Iterator[tuple[str, str]]:
    """(page, text) for every visible text and UI attribute of every page, content removed."""

    def strip(text: str) -> str:
        text = PLACEHOLDER.sub(" ", text)
        for name in PROPER_NOUNS:  # before content: "down" (a metric's direction) is in "Markdown"
            text = text.replace(name, " ")
        for piece in content:
            if piece in text:
                text = text.replace(piece, " ")
        return text.strip()

    for path in sorted(site.rglob("*.html")):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for tag in soup(SKIPPED):
            tag.decompose()
        name = path.relative_to(site).as_posix()
        for node in soup.find_all(string=True):
            if isinstance(node, Comment | Doctype):
                continue
            if text := strip(str(node)):
                yield name, text
        for tag in soup.find_all(True):
            values = [str(tag[a]) for a in UI_ATTRIBUTES if tag.has_attr(a)]
            if EXAMPLE_ID.match(str(tag.get("placeholder", ""))):
                values.remove(str(tag["placeholder"]))
            if tag.has_attr("data-label"):
                values.append(str(tag["data-label"]))
            if tag.has_attr("data-strings"):
                values.extend(json.loads(str(tag["data-strings"])).values())
            for value in values:
                if text := strip(value):
                    yield name, text


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Project]:
    """The fixture project built in Chinese and in English."""
    os.environ["PLAYBOOK_TODAY"] = TODAY
    built = {}
    for language in ("zh", "en"):
        project = Project(tmp_path_factory.mktemp(language) / "proj")
        for rel, text in FILES.items():
            project.write(rel, text)
        config = MKDOCS_YML.replace("language: zh", f"language: {language}").replace(
            "  - playbook\n", f"  - playbook:\n      language: {language}\n"
        )
        project.write("mkdocs.yml", config + "  - toc:\n      permalink: true\n")
        project.write("content/guide.md", "# Guide page\n\n## A section\n\nText.\n")
        code, out = project.build()
        assert code == 0, out
        built[language] = project
    return built


def test_chinese_site_has_no_english_ui_strings(sites: dict[str, Project]) -> None:
    project = sites["zh"]
    found = [
        (page, text)
        for page, text in ui_texts(project.site, content_strings(project.root))
        if ENGLISH_WORD.search(text)
    ]
    assert found == []
    # The pages the scan must have covered, with their chrome translated.
    not_found = project.page("404.html")
    assert not_found.select_one("h1").get_text() == "页面不存在"
    assert not_found.select_one("form[role=search] input[name=q]")
    assert len(not_found.select(".pb-entries a")) == 3
    guide = project.page("guide/")
    assert guide.select_one("a.headerlink")["title"] == "本节链接"
    assert "Made with" not in guide.select_one(".md-copyright").get_text()


def test_english_site_has_no_chinese_ui_punctuation(sites: dict[str, Project]) -> None:
    project = sites["en"]
    found = [
        (page, text)
        for page, text in ui_texts(project.site, content_strings(project.root))
        if CHINESE_PUNCTUATION.search(text)
    ]
    assert found == []
    case = project.content("cases/sorting-case/")
    assert "Customer" in case.get_text()


def test_scan_finds_planted_ui_strings(tmp_path: Path) -> None:
    """The scans are not blind: UI text in the wrong language is reported, content is not."""
    (tmp_path / "page.html").write_text(
        '<p>分类：某仓储公司</p><button aria-label="Close">x</button><kbd>Esc</kbd>',
        encoding="utf-8",
    )
    texts = [text for _, text in ui_texts(tmp_path, ["某仓储公司"])]
    assert texts == ["分类：", "x", "Close"]
    assert [bool(CHINESE_PUNCTUATION.search(t)) for t in texts] == [True, False, False]
    assert [bool(ENGLISH_WORD.search(t)) for t in texts] == [False, False, True]
