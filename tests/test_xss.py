"""An XSS corpus in every text and Markdown field of every kind and in the taxonomy.

The built site is scanned (every HTML file, every element and attribute), then
every generated page is loaded in real Chromium: no dialog opens, no console
line carries the marker, no page navigates away.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from typing import Any

import pytest
from conftest import FILES, TODAY, Project
from hostile_site import (
    MARK,
    PAYLOADS,
    SPECS,
    _templates,
    spec_fields,
    text_fields,
    write_hostile_project,
)
from sitescan import html_files, scan_html

FORBIDDEN_IN_CONTENT = {
    "script", "iframe", "object", "embed", "base", "meta", "form", "input", "button", "style",
    "svg", "math", "img", "link", "body", "details", "textarea", "select", "video", "audio",
    "frame", "frameset", "template", "mglyph", "mtext",
}  # fmt: skip
OUR_CONTROLS = {"form", "input", "button", "select", "textarea", "template", "details", "svg"}
"""Controls and charts our own templates add (copy buttons, finder, drills, the case
composer, result charts); never from content."""


def _ours(element: Any) -> bool:
    """An element of our templates: carries our data-pb-/data-ph- hooks or pb- classes/ids.

    The sanitiser drops every data- and class attribute from content, and escaped text
    cannot create elements, so a payload cannot pass as one of these.
    """
    attrs = dict(element.attrs)
    return element.tag in OUR_CONTROLS and (
        any(name.startswith(("data-pb", "data-ph")) for name in attrs)
        or "pb-" in attrs.get("class", "")
        or attrs.get("id", "").startswith("pb-")
    )


URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "xlink:href", "content", "poster"}
ACTIVE_URL = re.compile(r"^\s*(javascript|data|vbscript):", re.I)


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Project:
    project = Project(tmp_path_factory.mktemp("xss") / "proj")
    for rel, text in FILES.items():
        project.write(rel, text)
    write_hostile_project(project)
    os.environ["PLAYBOOK_TODAY"] = TODAY
    code, out = project.build()
    assert code == 0, out
    assert (project.site / "pagefind" / "pagefind-modular-ui.js").exists(), out
    return project


def test_every_free_text_field_of_every_kind_carries_a_payload() -> None:
    templates = _templates()
    for kind, spec in SPECS.items():
        assert text_fields(spec, templates[kind]) == spec_fields(spec), kind
    assert all(len(p) <= 110 for p in PAYLOADS)


def test_no_payload_survives_in_any_html_file(hostile_site: Project) -> None:
    files = html_files(hostile_site.site)
    generated = [
        f for f in files if re.search(r"/(cases|objections|industries|pain-points)/", str(f))
    ]
    assert len(generated) >= 4 * len(PAYLOADS)
    for file in files:
        where = file.relative_to(hostile_site.site).as_posix()
        page = scan_html(file.read_text(encoding="utf-8"))
        assert page.elements, where
        for element in page.elements:
            for attr, value in element.attrs:
                assert not attr.lower().startswith("on"), (where, element)
                if attr.lower() in URL_ATTRIBUTES:
                    assert not ACTIVE_URL.match(re.sub(r"[\x00-\x20]", "", value)), (where, element)
            assert not (
                element.in_content and element.tag in FORBIDDEN_IN_CONTENT and not _ours(element)
            ), (
                where,
                element,
            )
        assert all(MARK not in script for script in page.scripts), where
        # Template syntax in content is never evaluated: 7*191 and the loop do not appear.
        assert "1337" not in page.text and "TPLTPLTPL" not in page.text, where


def _words(text: str) -> str:
    return " ".join(text.split())


def test_payloads_are_shown_as_text_in_titles_nav_and_breadcrumbs(hostile_site: Project) -> None:
    for i, payload in enumerate(PAYLOADS):
        for url in (f"cases/c-{i}/", f"pain-points/p-{i}/", f"objections/o-{i}/"):
            html = (hostile_site.site / url / "index.html").read_text(encoding="utf-8")
            # Escaped exactly once: the browser shows the payload itself, as text.
            assert _words(scan_html(html).title).startswith(_words(payload)), url
    # Every page's nav lists the pain points, whose titles are taxonomy labels.
    page = hostile_site.page("pain-points/p-3/")
    nav_labels = {_words(a.get_text()) for a in page.select("nav.md-nav a")}
    assert {_words(p) for p in PAYLOADS} <= nav_labels
    for link in page.select("nav.md-nav a"):
        if _words(link.get_text()) in {_words(p) for p in PAYLOADS}:
            assert {t.name for t in link.find_all(True)} <= {"span"}, link
    crumbs = page.select(".md-path")
    assert crumbs, "navigation.path breadcrumbs are rendered"
    assert not crumbs[0].select(",".join(FORBIDDEN_IN_CONTENT))


@pytest.fixture(scope="module")
def hostile_url(hostile_site: Project) -> Iterator[str]:
    from browser import serve_dir

    with serve_dir(hostile_site.site) as url:
        yield url


@pytest.mark.browser
def test_no_payload_executes_in_chromium(hostile_site: Project, hostile_url: str) -> None:
    from browser import chromium

    urls = [
        f.relative_to(hostile_site.site).as_posix().removesuffix("index.html")
        for f in html_files(hostile_site.site)
    ]
    fired: list[str] = []
    with chromium(locale="zh-CN") as context:
        page: Any = context.new_page()
        page.on("dialog", lambda d: (fired.append(f"dialog {d.message}"), d.dismiss()))
        page.on("console", lambda m: fired.append(f"console {m.text}") if MARK in m.text else None)
        # Control: the listeners do catch a payload that runs.
        page.set_content(
            f"<img src=x onerror=\"alert('{MARK}')\"><script>console.log('{MARK}')</script>"
        )
        page.wait_for_timeout(100)
        assert sorted(e.split()[0] for e in fired) == ["console", "dialog"], fired
        fired.clear()
        for url in urls:
            page.goto(hostile_url + url, wait_until="load")
            page.wait_for_timeout(20)  # let load-time handlers (onerror, ontoggle) run
            assert page.url == hostile_url + url, "a payload navigated away"
            assert not fired, (url, fired)
        # Search results render titles and text of matching pages: search words of payloads
        # (<details open ontoggle=…>, {{ config }}) and let the results render.
        page.goto(hostile_url + "cases/c-0/", wait_until="load")
        page.wait_for_selector("#pb-search-input", state="visible")
        for query in ("open", "config"):
            page.fill("#pb-search-input", query)
            page.locator(".pb-search__hit").first.wait_for(timeout=30000)
            page.wait_for_timeout(200)
        assert not fired, fired
    assert len(urls) >= 4 * len(PAYLOADS)
