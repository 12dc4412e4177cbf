"""The case library's pages: ``/cases/`` and, when there are many cases, ``/cases/page/N/``.

The static HTML lists every case (``PER_PAGE`` to a page) so each one is reachable
without JavaScript; on ``/cases/`` the library script adds facet filters, free text and
sorting over the compact facet file (see :mod:`facets`), rendering cards client-side.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial

from playbook.site import shows as show
from playbook.core import urls
from playbook.derive.catalog import Catalog
from playbook.site.facets import compact_json, facet_data, library_order, version
from playbook.site.generated import GeneratedPage

PER_PAGE = 50
FACETS_FILE = urls.FACETS_FILE
CARDS_DIR = urls.CARDS_DIR


def library_files(catalog: Catalog, t: Callable[[str], str]) -> dict[str, str]:
    """Site path → text of the library's data files: the facet index, then the card chunks.

    The index lists the card chunks' URLs with a content hash, so browsers never mix a
    fresh index with stale cards.
    """
    index, chunks = facet_data(catalog, t)
    files: dict[str, str] = {}
    card_urls = []
    for number, chunk in enumerate(chunks):
        text = compact_json(chunk)
        path = urls.library_card_file(number)
        files[path] = text
        card_urls.append(f"{path}?v={version(text)}")
    index["cards"] = card_urls
    return {FACETS_FILE: compact_json(index), **files}


def page_src(number: int) -> str:
    """Source path of library page ``number`` (1-based)."""
    return urls.library_page_src(number)


def library_pages(
    catalog: Catalog, t: Callable[[str], str], facets_text: str, per_page: int = PER_PAGE
) -> Iterator[GeneratedPage]:
    """The library's pages, first page first, in the library's default order.

    ``facets_text`` is the facet index of :func:`library_files`; its hash versions the URL.
    """
    ordered = library_order(catalog)
    chunks = [ordered[i : i + per_page] for i in range(0, len(ordered), per_page)] or [[]]
    facets_url = f"{FACETS_FILE}?v={version(facets_text)}"
    for number, chunk in enumerate(chunks, start=1):
        title = t("cases") if number == 1 else f"{t('cases')} · {t('page_n').format(n=number)}"
        yield GeneratedPage(
            page_src(number),
            title,
            "indexes/cases.html",
            {
                "page_cases": chunk,
                "page_number": number,
                "page_count": len(chunks),
                "case_total": len(ordered),
                "facets_url": facets_url,
            },
            # The results take the whole width: no sidebar, no (empty) table of contents.
            hide=("navigation", "toc"),
            shows_of=partial(show.library_page, catalog, chunk),
        )
