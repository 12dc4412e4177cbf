"""Under ``serve`` unchanged record pages are reused, and an edit reaches every page showing it."""

from __future__ import annotations

import json
from pathlib import Path

from bs4 import BeautifulSoup
from conftest import EXAMPLE, Project, copy_playbook
from mkdocs.commands.build import build
from mkdocs.config import load_config


def _rebuilder(project: Project, site: Path):  # type: ignore[no-untyped-def]
    """Rebuild the way ``mkdocs serve`` does: fresh config each time, the plugin kept."""
    first = load_config(config_file=str(project.root / "mkdocs.yml"), site_dir=str(site))
    first.plugins.on_startup(command="serve", dirty=False)
    plugins = first.plugins

    def rebuild() -> None:
        config = load_config(config_file=str(project.root / "mkdocs.yml"), site_dir=str(site))
        config.plugins = plugins
        build(config, serve_url="http://127.0.0.1:8000/")

    return rebuild, plugins["playbook"]


def _text(site: Path, url: str) -> str:
    html = (site / url / "index.html").read_text(encoding="utf-8")
    article = BeautifulSoup(html, "html.parser").select_one("article")
    assert article is not None
    return article.get_text(" ")


def test_edit_reaches_the_case_and_its_backlinks_and_the_rest_is_reused(
    project: Project, tmp_path: Path
) -> None:
    site = tmp_path / "served"
    rebuild, plugin = _rebuilder(project, site)
    rebuild()
    assert plugin.serve_cache.reused == 0
    before = (site / "objections/no-time/index.html").read_text(encoding="utf-8")

    project.edit("cases/turnover-case.yaml", "alias: 某电商卖家", "alias: 某跨境卖家")
    rebuild()
    # Pages showing the edited case are rendered again…
    assert "某跨境卖家" in _text(site, "cases/turnover-case")
    assert "某跨境卖家" in _text(site, "industries/ecommerce")
    assert "某跨境卖家" in _text(site, "objections/price-too-high")  # cites it as proof
    assert "某跨境卖家" in _text(site, "pain-points/cash-flow")
    assert "某跨境卖家" in _text(site, "cases")
    # …and the others are reused as they were.
    assert plugin.serve_cache.reused > 0
    assert (site / "objections/no-time/index.html").read_text(encoding="utf-8") == before

    # A template change invalidates every reused page.
    override = project.root / "overrides/playbook/records/objection.html"
    override.parent.mkdir(parents=True)
    override.write_text("<p>custom objection page</p>", encoding="utf-8")
    rebuild()
    assert "custom objection page" in _text(site, "objections/no-time")


def test_battlecard_is_rebuilt_when_a_related_case_of_another_industry_changes(
    tmp_path: Path,
) -> None:
    """A battlecard tops up its own cases with other industries' cases sharing its pains."""
    project = copy_playbook(EXAMPLE, tmp_path / "playbook")
    site = tmp_path / "served"
    rebuild, plugin = _rebuilder(project, site)
    rebuild()
    related = [
        (uri, case)
        for uri, page in plugin.pages.items()
        if page.template == "records/battlecard.html"
        for case in page.context["card"].cases
        if case.industry != page.context["industry"].id
    ]
    assert related, "the fixture has no battlecard with another industry's case"
    uri, case = related[0]
    url = uri.removesuffix(".md")
    project.edit(case.source, f"alias: {case.alias}", "alias: 某改名客户")
    rebuild()
    assert "某改名客户" in _text(site, url)


def _page_count(site: Path, url: str) -> int:
    html = (site / url / "index.html").read_text(encoding="utf-8")
    data = BeautifulSoup(html, "html.parser").select_one("#pb-query-data")
    assert data is not None
    count: int = json.loads(data.get_text())["pages"]
    return count


def test_a_new_page_reaches_the_search_data_of_reused_pages(
    project: Project, tmp_path: Path
) -> None:
    """Every page's header carries the page count (search ranking): a new case changes it."""
    site = tmp_path / "served"
    rebuild, _ = _rebuilder(project, site)
    rebuild()
    before = _page_count(site, "objections/no-time")
    project.write("cases/copy-case.yaml", project.read("cases/sorting-case.yaml"))
    rebuild()
    assert (site / "cases/copy-case/index.html").is_file()
    assert _page_count(site, "objections/no-time") == before + 1
