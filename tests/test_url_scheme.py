"""The URL scheme is defined once (urls.py): templates take their links from it, and the
page scripts get theirs from the build (data attributes, the pages' data files)."""

from __future__ import annotations

import re
from pathlib import Path

from playbook.core import urls
from playbook.ingest.load import KIND_FOLDERS

PACKAGE = Path(__file__).resolve().parent.parent / "plugins" / "playbook"
TEMPLATES = PACKAGE / "site" / "templates"
ASSETS = PACKAGE / "site" / "assets"
THEME = PACKAGE / "adapters" / "mkdocs" / "theme"

FOLDERS = sorted(
    {
        *urls.SECTIONS.values(),
        *(path.split("/")[0] for path in (*urls.GENERATED_FOLDERS, urls.ASSET_PREFIX)),
        *(folder.split("/")[0] for folder in KIND_FOLDERS.values()),
    }
)
"""The first folders of the site's URLs (cases, objections, …, assets, pagefind) and of the
records' source files (cases, content)."""
SPELLED = re.compile(r"(?<![\w.-])(?:" + "|".join(map(re.escape, FOLDERS)) + r")/")


def _blank(match: re.Match[str]) -> str:
    """A comment replaced by its line breaks, so that line numbers stay."""
    return "\n" * match.group().count("\n")


def spelled_paths(paths: list[Path], comments: str) -> list[str]:
    """Lines outside comments (``comments``: a pattern) that name one of :data:`FOLDERS`."""
    found = []
    for path in paths:
        code = re.sub(comments, _blank, path.read_text(encoding="utf-8"))
        for n, line in enumerate(code.splitlines(), 1):
            if SPELLED.search(line):
                found.append(f"{path.relative_to(PACKAGE)}:{n}: {line.strip()[:80]}")
    return found


def test_no_template_spells_a_site_path_after_base() -> None:
    """``{{ base }}`` is followed by a URL helper (``link``, ``section_link`` …) or a value
    the build passes in, never by a literal section path such as ``cases/``."""
    spelled = [
        f"{path.relative_to(TEMPLATES)}:{n}: {line.strip()[:80]}"
        for path in sorted(TEMPLATES.rglob("*.html"))
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"\{\{ *base *\}\}[A-Za-z]", line)
    ]
    assert not spelled, spelled


def test_template_links_are_the_pages_urls() -> None:
    links = urls.template_links()
    for kind in urls.SECTIONS:
        assert "/" + links["link"](kind, "x-1") == urls.record_url(kind, "x-1")
        assert "/" + links["section_link"](kind) == urls.index_url(kind)
    assert links["battlecard_link"]("retail") == urls.page_url(urls.battlecard_src("retail"))
    assert links["library_link"](1) == urls.page_url(urls.index_src("case"))
    assert links["library_link"](3) == urls.page_url(urls.library_page_src(3)) == "cases/page/3/"
    assert links["practice_link"]() == urls.page_url(urls.PRACTICE_SRC)


def test_no_script_spells_a_site_path() -> None:
    """The page scripts take every URL of the site, and every source path they write, from
    the build: ``#pb-search``'s data attributes, ``#pb-query-data``, the library's and the
    composer's data. Comments may name them."""
    assert FOLDERS == [
        "assets",
        "cases",
        "content",
        "industries",
        "objections",
        "pagefind",
        "pain-points",
        "search",
    ]
    # /* … */ and // … (not the // of a scheme such as https://)
    comments = r"/\*[\s\S]*?\*/|(?<![:\\])//[^\n]*"
    assert not spelled_paths(sorted(ASSETS.glob("*.js")), comments)


def test_no_template_spells_a_site_path_anywhere() -> None:
    """Neither the page templates nor the theme's (which link through pb_section_link …,
    urls.template_links) spell a section path; their comments may."""
    templates = sorted(TEMPLATES.rglob("*.html")) + sorted(THEME.rglob("*.html"))
    assert not spelled_paths(templates, r"\{#[\s\S]*?#\}")


def test_the_spelled_path_check_finds_them() -> None:
    assert SPELLED.search('location.href = SITE_ROOT + "objections/";')
    assert SPELLED.search('base + "pain-points/"')
    assert SPELLED.search('"\\n# content/industries/" + id')
    assert SPELLED.search("action=\"{{ 'cases/' | url }}\"")
    assert not SPELLED.search("data.folders.case + '/' + name")
    assert not SPELLED.search("root.dataset.casesUrl")


def test_no_python_module_builds_a_site_url_by_hand() -> None:
    """Python code builds record and section URLs with core/urls.py (``page_url``,
    ``record_src``, ``index_src`` …), never with an f-string such as ``f"cases/{id}/"``."""
    sections = "|".join(map(re.escape, urls.SECTIONS.values()))
    by_hand = re.compile(rf"""f["'](?:{sections})/\{{""")
    found = [
        f"{path.relative_to(PACKAGE)}:{n}: {line.strip()[:80]}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if path != PACKAGE / "core" / "urls.py"
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if by_hand.search(line)
    ]
    assert found == []
