"""The URL scheme is defined once (urls.py): templates take their links from it."""

from __future__ import annotations

import re
from pathlib import Path

from playbook.core import urls

TEMPLATES = Path(__file__).resolve().parent.parent / "plugins" / "playbook" / "site" / "templates"


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
