"""The Pagefind index is fed page by page during the build: nothing lost, nothing extra."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import Project
from playbook.integrations.pagefind_feed import (
    PagefindFeed,
    SearchIndexError,
    build_index,
    page_document,
)
from sitescan import html_files


def _entry(bundle: Path) -> dict[str, dict[str, int]]:
    data: dict[str, dict[str, int]] = json.loads((bundle / "pagefind-entry.json").read_text())
    return {lang: {"pages": v["page_count"]} for lang, v in data["languages"].items()}


def test_every_searchable_page_is_indexed_once(example_site: Project) -> None:
    marked = [f for f in html_files(example_site.site) if "data-pagefind-body" in f.read_text()]
    assert len(marked) > 40
    assert _entry(example_site.site / "pagefind") == {"zh": {"pages": len(marked)}}
    # Listings repeat record titles and stay out of the index.
    assert "data-pagefind-body" not in (example_site.site / "cases" / "index.html").read_text()


def test_feed_writes_a_bundle_of_every_page_in_its_language(tmp_path: Path) -> None:
    docs = [
        (
            f"/p/{i}/",
            page_document(f"<div data-pagefind-body><h1>第{i}页</h1>仓储</div>", language="zh"),
        )
        for i in range(30)
    ]
    report = build_index(docs, tmp_path / "pagefind")
    assert report.pages == 30
    assert _entry(report.output) == {"zh": {"pages": 30}}
    assert (report.output / "pagefind-modular-ui.js").is_file()
    assert 0 < report.index_bytes < report.bytes


def test_feed_reports_a_dead_pagefind_process(tmp_path: Path) -> None:
    with PagefindFeed(timeout=10) as feed:
        feed.add("/a/", page_document("<p data-pagefind-body>a</p>", language="en"))
        feed._process.kill()
        with pytest.raises(SearchIndexError, match=r"ended|indexed"):
            feed.write(tmp_path / "out")


def test_index_language_follows_the_theme(project: Project) -> None:
    # Pagefind picks the index by the page's <html lang>: both must agree, whatever it is.
    project.edit("mkdocs.yml", "language: zh", "language: en")
    project.edit("mkdocs.yml", "  - playbook\n", "  - playbook:\n      language: en\n")
    code, out = project.build()
    assert code == 0, out
    assert '<html lang="en"' in (project.site / "cases" / "sorting-case" / "index.html").read_text()
    assert list(_entry(project.site / "pagefind")) == ["en"]
