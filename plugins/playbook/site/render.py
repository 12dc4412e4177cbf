"""Render generated pages (one per record and pain point, plus index pages) with Jinja.

Templates live in ``templates/`` of this package; a team overrides any of them by
putting a file with the same relative name in its override folder (default
``overrides/playbook/``). Autoescaping is on: record text is data, never a template.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator, Mapping
from functools import partial
from pathlib import Path

import jinja2

from playbook.site import shows as show
from playbook.core import urls
from playbook.derive.catalog import Catalog
from playbook.site.charts import coverage_chart, dashboard, result_chart, stale_chart, tone
from playbook.site.codehost import CodeHost
from playbook.derive.figures import improvement, result_text
from playbook.site.generated import GeneratedPage
from playbook.site.i18n import translator
from playbook.site.library import FACETS_FILE, library_files, library_pages
from playbook.ingest.load import TAXONOMY_FILE
from playbook.site.markup import MarkdownRenderer, code_spans
from playbook.core.model import Case
from playbook.core.schema import PAIN_CATEGORIES
from playbook.derive.objection_tools import (
    battlecard,
    finder_items,
    finder_order,
    placeholders,
    response_scripts,
    script_parts,
)
from playbook.site.places import trail


CARDS_SHOWN = 12
"""Industry and pain-point pages show this many case cards (most recently reviewed first);
the other cases follow as a compact list of links, so a page stays light at thousands."""


class Renderer:
    """Turns a catalog into page HTML fragments (the content area of each page)."""

    def __init__(
        self,
        catalog: Catalog,
        language: str = "zh",
        override_dir: Path | None = None,
        last_changed: Mapping[str, dt.date] | None = None,
        code_host: CodeHost | None = None,
    ):
        self.catalog = catalog
        self.last_changed = dict(last_changed or {})
        """Source path → date of its last commit; empty without git history."""
        self.t = t = translator(language)
        metrics = catalog.taxonomy.metrics
        loaders: list[jinja2.BaseLoader] = []
        if override_dir is not None and override_dir.is_dir():
            loaders.append(jinja2.FileSystemLoader(str(override_dir)))
        builtin = jinja2.PackageLoader("playbook.site", "templates")
        # An override may replace one block of a built-in template:
        # {% extends "playbook/records/case.html" %}{% block footer %}…{% endblock %}
        loaders += [builtin, jinja2.PrefixLoader({"playbook": builtin})]
        self.env = jinja2.Environment(
            loader=jinja2.ChoiceLoader(loaders),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.env.filters["code_spans"] = code_spans
        self.env.globals.update(
            t=t,
            catalog=catalog,
            taxonomy=catalog.taxonomy,
            markdown=MarkdownRenderer(),
            result_text=result_text,
            language=language,
            git_changed=self.last_changed,
            script_parts=script_parts,
            placeholders=placeholders,
            finder_items=finder_items,
            finder_order=finder_order,
            response_scripts=response_scripts,
            cases_sorted=self.cases_sorted,
            cards_shown=CARDS_SHOWN,
            pain_categories=PAIN_CATEGORIES,
            # Charts (charts.py): a result's picture and tone; the health page's charts.
            result_chart=lambda result: result_chart(result, metrics[result.metric], t),
            tone=lambda result: tone(result, metrics[result.metric]),
            coverage_chart=lambda: coverage_chart(catalog, t),
            stale_chart=lambda owned: stale_chart({o: len(f) for o, f in owned.items()}, t),
            # Project file → its "edit this page" URL, or None (no repo_url in mkdocs.yml).
            edit_url=code_host.edit_url if code_host is not None else lambda path: None,
            taxonomy_file=TAXONOMY_FILE,
            **urls.template_links(),
        )

    @functools.cached_property
    def library_data(self) -> dict[str, str]:
        """Site path → text of the case library's data files, computed once per build."""
        return library_files(self.catalog, self.t)

    def pages(self) -> Iterator[GeneratedPage]:
        """Every page the catalog produces, indexes first."""
        c = self.catalog
        t = self.t
        yield from library_pages(c, t, self.library_data[FACETS_FILE])
        yield GeneratedPage(
            urls.DASHBOARD_SRC,
            t("dashboard"),
            "dashboard.html",
            {"dashboard": dashboard(c, improvement, t)},
            hide=("navigation", "toc"),
        )
        index = urls.index_src
        objections = ("objection", "term/objection_categories")
        yield GeneratedPage(
            index("objection"),
            t("objections"),
            "indexes/objections.html",
            shows_of=partial(show.collections, *objections),
        )
        yield GeneratedPage(
            urls.PRACTICE_SRC,
            t("practice"),
            "indexes/practice.html",
            shows_of=partial(show.collections, *objections, "term/stages"),
        )
        yield GeneratedPage(
            index("industry"),
            t("industries"),
            "indexes/industries.html",
            shows_of=partial(show.collections, "industry.index"),
        )
        yield GeneratedPage(
            index("pain_point"),
            t("pain_points"),
            "indexes/pain_points.html",
            shows_of=partial(show.collections, "pain.index"),
        )
        src = urls.record_src
        for case in c.cases.values():
            yield GeneratedPage(
                src("case", case.id),
                case.title,
                "records/case.html",
                {"case": case},
                shows_of=partial(show.case_page, c, case),
            )
        for obj in c.objections.values():
            yield GeneratedPage(
                src("objection", obj.id),
                obj.objection,
                "records/objection.html",
                {"objection": obj},
                shows_of=partial(show.objection_page, c, obj),
            )
        for ind in c.industries.values():
            yield GeneratedPage(
                src("industry", ind.id),
                ind.name,
                "records/industry.html",
                {"industry": ind},
                shows_of=partial(show.industry_page, c, ind),
            )
            card = battlecard(c, ind, improvement)
            yield GeneratedPage(
                urls.battlecard_src(ind.id),
                f"{ind.name} · {t('battlecard')}",
                "records/battlecard.html",
                {"industry": ind, "card": card},
                shows_of=partial(show.terms, "pain_points", [p.id for p in card.pains]),
            )
        for pain in c.taxonomy.pain_points.values():
            yield GeneratedPage(
                src("pain_point", pain.id),
                pain.label,
                "records/pain_point.html",
                {"pain": pain},
                shows_of=partial(show.pain_page, c, pain.id),
            )

    @functools.cached_property
    def parent_titles(self) -> dict[str, str]:
        """URL → title of the record pages that have pages below them (for breadcrumbs)."""
        return {
            urls.page_url(urls.record_src("industry", i.id)): i.name
            for i in self.catalog.industries.values()
        }

    def render(self, page: GeneratedPage) -> str:
        """The HTML of ``page``'s content area: breadcrumb and title, then the page itself."""
        base = "../" * page.url.count("/")
        crumbs = trail(page.url, self.t, self.parent_titles)
        head = self.env.get_template("partials/page_head.html").render(
            page=page, base=base, crumbs=crumbs
        )
        template = self.env.get_template(page.template)
        return head + template.render(page=page, base=base, **page.context)

    def cases_sorted(self, ids: list[str]) -> list[Case]:
        """Cases by id list, most recently reviewed first."""
        cases = [self.catalog.cases[i] for i in ids]
        return sorted(cases, key=lambda c: (c.reviewed, c.id), reverse=True)
