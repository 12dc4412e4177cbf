"""Under ``serve`` unchanged record pages are reused, and an edit reaches every page showing it."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup
from conftest import Project
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
