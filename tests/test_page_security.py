"""Built pages hold under the CSP (no inline scripts), carry noindex, and link no loopback URL."""

from __future__ import annotations

import re

import pytest
from conftest import Project
from playbook.site.page_security import add_noindex, externalise_scripts, script_uri
from playbook.site.siteurl import hosted_site_url, is_loopback

INLINE = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>\s*\S", re.I)


def test_inline_scripts_move_to_files_and_data_blocks_stay() -> None:
    classic, module = "var a=1", 'import "./y.js"'
    html = (
        f"<head><script>{classic}</script></head>"
        '<script id="__config" type="application/json">{"x": 1}</script>'
        f'<script src="x.js"></script><script type="module">{module}</script>'
    )
    scripts: dict[str, str] = {}
    out = externalise_scripts(html, lambda uri: "../" + uri, scripts)
    assert scripts == {script_uri(classic): classic, script_uri(module): module}
    assert f'<script src="../{script_uri(classic)}"></script>' in out
    assert f'<script type="module" src="../{script_uri(module)}"></script>' in out
    assert '<script id="__config" type="application/json">{"x": 1}</script>' in out
    assert externalise_scripts(out, lambda uri: uri, {}) == out  # idempotent
    once = add_noindex("<head></head>")
    assert add_noindex(once) == once == '<head><meta name="robots" content="noindex">\n</head>'


def test_built_pages_have_no_inline_scripts_and_carry_noindex(project: Project) -> None:
    code, out = project.build()
    assert code == 0, out
    pages = sorted(project.site.rglob("*.html"))
    assert len(pages) > 10
    moved = set()
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert not INLINE.search(text), page
        assert text.count('<meta name="robots" content="noindex">') == 1, page
        for src in re.findall(r'<script src="([^"]*assets/playbook/inline/[^"]+)"', text):
            target = (
                (page.parent / src).resolve() if not src.startswith("/") else project.site / src[1:]
            )
            assert target.is_file(), (page, src)
            moved.add(target.name)
    assert moved  # the theme's scripts are there, as files
    assert _canonical_and_sitemap(project) == ([], [])  # no site_url: no canonical, no sitemap URL
    assert len(moved) == len(list((project.site / "assets/playbook/inline").glob("*.js")))


def test_noindex_can_be_turned_off_for_a_public_playbook(project: Project) -> None:
    project.edit("mkdocs.yml", "  - playbook\n", "  - playbook:\n      noindex: false\n")
    code, out = project.build()
    assert code == 0, out
    assert 'name="robots"' not in (project.site / "index.html").read_text(encoding="utf-8")


def _canonical_and_sitemap(project: Project) -> tuple[list[str], list[str]]:
    page = (project.site / "cases/sorting-case/index.html").read_text(encoding="utf-8")
    sitemap = (project.site / "sitemap.xml").read_text(encoding="utf-8")
    return re.findall(r'rel="canonical" href="([^"]+)"', page), re.findall(
        r"<loc>([^<]+)</loc>", sitemap
    )


def test_site_url_from_the_environment_and_no_loopback_links(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    project.write("mkdocs.yml", "site_url: http://127.0.0.1:8000/\n" + project.read("mkdocs.yml"))
    code, out = project.build("--strict")
    assert code == 0, out
    assert _canonical_and_sitemap(project) == ([], [])
    monkeypatch.setenv("PLAYBOOK_SITE_URL", "https://playbook.corp.example/sales")
    code, out = project.build()
    assert code == 0, out
    canonical, locs = _canonical_and_sitemap(project)
    assert canonical == ["https://playbook.corp.example/sales/cases/sorting-case/"]
    assert locs and all(loc.startswith("https://playbook.corp.example/sales/") for loc in locs)
    text = (project.site / "index.html").read_text(encoding="utf-8")
    assert 'data-base-url="/sales/"' in text  # the header search links under the same path


def test_loopback_detection() -> None:
    for url in (
        "http://127.0.0.1:8000/",
        "http://localhost/",
        "http://[::1]:8000/",
        "http://127.1.2.3/",
    ):
        assert is_loopback(url), url
    for url in (
        "https://playbook.corp.example/",
        "http://10.0.0.5/",
        "http://localhost.corp.example/",
    ):
        assert not is_loopback(url), url
    assert (
        hosted_site_url("http://127.0.0.1:8000/", {}, serving=True)[0] == "http://127.0.0.1:8000/"
    )
    url, note = hosted_site_url("http://127.0.0.1:8000/", {}, serving=False)
    assert url is None and "PLAYBOOK_SITE_URL" in note
