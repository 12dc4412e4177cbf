"""Pictures of results: build-time SVG charts on case pages, cards, the results dashboard
and the health page, each with a text equivalent and bars drawn to the YAML's figures."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import Project
from playbook.core.model import Result, Term
from playbook.site.charts import PLOT, Bar, bar_chart, direction, figure, tone
from playbook.site.i18n import translator

NUMBER = re.compile(r"[-+]?\d+(?:\.\d+)?")


def number(text: str) -> float:
    """The figure as the YAML writes it, parsed here independently of charts.py."""
    found = NUMBER.search(str(text))
    assert found is not None, text
    return float(found.group())


def case_yaml(project: Project) -> dict[str, Any]:
    return {
        path.stem: yaml.safe_load(path.read_text(encoding="utf-8"))
        for path in sorted((project.root / "cases").glob("*.yaml"))
    }


def widths(svg: Any) -> list[float]:
    return [float(rect["width"]) for rect in svg.select("rect.pb-bar")]


def assert_text_equivalent(svg: Any) -> str:
    assert svg["role"] == "img"
    label = svg["aria-label"]
    assert label and svg.select_one("title").get_text() == label
    return str(label)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Project:
    import os

    from conftest import FILES, TODAY

    os.environ["PLAYBOOK_TODAY"] = TODAY
    project = Project(tmp_path_factory.mktemp("charts") / "proj")
    for rel, text in FILES.items():
        project.write(rel, text)
    code, out = project.build()
    assert code == 0, out
    return project


def test_figures_directions_and_tones() -> None:
    assert figure("+40%") == 40 and figure("15 天") == 15 and figure("−20%") == -20
    assert figure("约 1,200 元") == 1200 and figure("很多") is None
    up = Term("conversion-rate", "转化率", unit="%", better="up")
    down = Term("cost", "成本", unit="元", better="down")
    assert direction(Result("cost", "x", change="-20%")) == -1
    assert tone(Result("cost", "x", change="-20%"), down) == "good"  # less cost is good
    assert tone(Result("cost", "x", change="+20%"), down) == "bad"
    assert tone(Result("cost", "x", before="15 天", after="7 天"), down) == "good"
    assert tone(Result("conversion-rate", "x", before="15", after="7"), up) == "bad"
    assert tone(Result("conversion-rate", "x", change="12 条"), up) == "neutral"
    assert tone(Result("cost", "x", change="减少 20%"), down) == "good"  # a word says the way
    assert tone(Result("conversion-rate", "x", change="下降20%"), up) == "bad"


def test_chart_text_is_escaped_and_bars_scale_to_the_largest() -> None:
    t = translator("en")
    svg = bar_chart([Bar("<b>", 10, "10"), Bar("x", 5, "5 & more")], 'a "chart"', t)
    assert "<b>" not in svg and "&lt;b&gt;" in svg and "5 &amp; more" in svg
    assert 'aria-label="a &#34;chart&#34;: &lt;b&gt; 10, x 5 &amp; more"' in svg
    assert re.findall(r'width="([\d.]+)" height="14"', svg) == [f"{PLOT:.1f}", f"{PLOT / 2:.1f}"]


def test_case_pages_draw_each_result_to_its_figures(built: Project) -> None:
    for case_id, data in case_yaml(built).items():
        page = built.content(f"cases/{case_id}/")
        metrics = page.select(".pb-headline .pb-metric")
        assert len(metrics) == len(data["results"]), case_id
        for block, result in zip(metrics, data["results"], strict=True):
            svg = block.select_one("svg.pb-chart")
            assert svg is not None, case_id
            label = assert_text_equivalent(svg)
            assert result["label"] in label
            bars = widths(svg)
            if "change" in result:
                # One bar: the change as a share of 100 %.
                assert bars == [pytest.approx(PLOT * abs(number(result["change"])) / 100, abs=0.1)]
                assert result["change"] in label
            else:
                before, after = number(result["before"]), number(result["after"])
                assert bars[1] / bars[0] == pytest.approx(after / before, abs=0.01)
                assert result["before"] in label and result["after"] in label
            values = [float(r["data-value"]) for r in svg.select("rect.pb-bar")]
            expected = (
                [number(result["change"])]
                if "change" in result
                else [number(result["before"]), number(result["after"])]
            )
            assert values == expected


def test_cards_colour_the_headline_by_the_metrics_better_direction(
    make_project: Any,
) -> None:
    """A result against its metric's better-direction is an error (check refuses it), so a
    page shows good results and, for an unsigned change, neutral ones."""
    from conftest import CASE_2

    unsigned = CASE_2.replace("before: 15 天\n    after: 7 天", 'change: "50%"')
    project = make_project({"cases/turnover-case.yaml": unsigned})
    code, out = project.build()
    assert code == 0, out
    cards = {
        card["data-case"]: card.select_one(".pb-result-value")["class"]
        for card in project.content("cases/").select(".pb-card")
    }
    assert "pb-tone--neutral" in cards["turnover-case"]  # "50%" says not which way
    assert "pb-tone--good" in cards["sorting-case"]
    chunk = (project.site / "cases/cards/0.json").read_text(encoding="utf-8")
    assert '"neutral"' in chunk and '"good"' in chunk
    page = project.content("cases/sorting-case/")
    assert page.select_one(".pb-metric.pb-tone--good .pb-tone-word").get_text() == "改善"
    assert project.content("cases/turnover-case/").select_one(".pb-tone-word") is None


def test_dashboard_counts_match_the_yaml(built: Project) -> None:
    cases = case_yaml(built)
    taxonomy = yaml.safe_load((built.root / "content/taxonomy.yaml").read_text(encoding="utf-8"))
    industries = {
        p.stem: yaml.safe_load(p.read_text(encoding="utf-8"))["name"]
        for p in (built.root / "content/industries").glob("*.yaml")
    }
    page = built.content("dashboard/")
    per_pain = Counter(p for c in cases.values() for p in c["pain_points"])
    per_industry = Counter(c["customer"]["industry"] for c in cases.values())
    for section, labels, counts in (
        ("#by-pain", {p["id"]: p["label"] for p in taxonomy["pain_points"]}, per_pain),
        ("#by-industry", industries, per_industry),
    ):
        svg = page.select_one(f"{section} svg.pb-chart")
        label = assert_text_equivalent(svg)
        values = [float(r["data-value"]) for r in svg.select("rect.pb-bar")]
        assert sorted(values, reverse=True) == sorted(
            (float(counts[key]) for key in labels), reverse=True
        )
        top = max(values)
        for width, value in zip(widths(svg), values, strict=True):
            assert width == pytest.approx(PLOT * value / top, abs=0.1)
        for key, name in labels.items():
            assert f"{name} {counts[key]}" in label
    gaps = [a.get_text() for a in page.select("#gaps a")]
    assert gaps == [p["label"] for p in taxonomy["pain_points"] if not per_pain[p["id"]]]
    improvements = page.select_one("#improvements svg.pb-chart")
    assert_text_equivalent(improvements)
    assert len(improvements.select("rect.pb-bar")) == len(
        {r["metric"] for c in cases.values() for r in c["results"]}
    )


def test_health_page_charts(built: Project) -> None:
    page = built.content("health/")
    coverage = page.select_one("#chart-coverage svg.pb-chart")
    assert_text_equivalent(coverage)
    cases = case_yaml(built)
    taxonomy = yaml.safe_load((built.root / "content/taxonomy.yaml").read_text(encoding="utf-8"))
    covered = {p for c in cases.values() for p in c["pain_points"]}
    share = len(covered) / len(taxonomy["pain_points"]) * 100
    assert float(coverage.select("rect.pb-bar")[0]["data-value"]) == pytest.approx(share)
    assert float(coverage.select("rect.pb-bar")[0]["width"]) == pytest.approx(
        PLOT * share / 100, abs=0.1
    )
    stale = page.select_one("#chart-stale")
    assert stale.select_one("svg.pb-chart") or stale.select_one("p")


def test_home_page_links_the_dashboard(example_site: Project) -> None:
    home = example_site.content("")
    assert home.select_one("a[href='dashboard/']")
    assert (Path(example_site.site) / "dashboard/index.html").is_file()


def test_a_page_at_the_dashboards_url_is_an_error(make_project: Any) -> None:
    project = make_project({"content/dashboard.md": "# 看板\n"})
    code, out = project.check()
    assert code == 1
    assert "content/dashboard.md:1:1:" in out and "/dashboard/" in out
    assert "成果看板" in out or "results dashboard" in out
