"""The page ``serve`` shows while the content has errors.

During ``serve`` an invalid save must not kill the server: every page of the
site is replaced by this list of problems (escaped: problems quote content),
live reload shows it at once, and the next valid save brings the site back.
``build`` never uses it; it fails instead.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from markupsafe import Markup

from playbook.core.problems import Problem
from playbook.core.schema import ID_PATTERN
from playbook.core.urls import SECTIONS, index_src, record_src
from playbook.ingest.load import LoadResult
from playbook.site.i18n import translator


def error_html(problems: Iterable[Problem], language: str = "zh") -> str:
    """An HTML fragment listing ``problems`` in a Material "failure" admonition."""
    t = translator(language)
    items = Markup("").join(
        Markup("<li><code>{}</code></li>").format(problem.format(language)) for problem in problems
    )
    return str(
        Markup(
            '<div class="admonition failure pb-errors" role="alert">'
            '<p class="admonition-title">{title}</p><p>{intro}</p><ol>{items}</ol></div>'
        ).format(title=t("content_errors"), intro=t("content_errors_intro"), items=items)
    )


def error_page_uris(result: LoadResult) -> Iterator[str]:
    """Every generated page the site would have, so any open page can show the errors."""
    for kind in SECTIONS:
        yield index_src(kind)
    for source in result.files:
        if ID_PATTERN.match(source.ident):
            yield record_src(source.kind, source.ident)
    for ident in result.vocabulary.get("pain_point", {}):
        if ID_PATTERN.match(ident):
            yield record_src("pain_point", ident)
