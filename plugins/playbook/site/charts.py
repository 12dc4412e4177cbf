"""Pictures of results, drawn at build time as inline SVG (no JavaScript).

Pure functions from records to markup: every text is escaped, every chart carries its
own text equivalent (``role="img"`` with an ``aria-label`` and a ``<title>`` listing each
bar's label and value), and each bar's ``data-value`` is the figure it is drawn from.
Colours come from CSS classes (``pb-tone--good`` …), so both palettes style them.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from playbook.derive.catalog import Catalog
from playbook.ingest.contentrules import change_direction, figure, figures_direction
from playbook.core.model import Case, Result, Term

WIDTH = 340
"""Intrinsic width of a chart in CSS pixels: fits a phone's content column unscaled."""
ROW = 26
BAR = 14
LABEL = 112
VALUE = 72
PLOT = WIDTH - LABEL - VALUE - 8
"""Length of the longest bar."""


@dataclass(frozen=True)
class Bar:
    """One bar: its label, the figure it is drawn from and that figure as text."""

    label: str
    value: float
    text: str
    tone: str = "neutral"
    """``good``, ``bad``, ``neutral`` or ``count`` (a tally): the bar's colour."""


def direction(result: Result) -> int:
    """+1 if the figure went up, -1 if down, 0 when unknown (an unsigned change, no figures)."""
    if result.change:
        moved = change_direction(result.change)
    else:
        moved = figures_direction(result.before, result.after)
    return {"up": 1, "down": -1}.get(moved or "", 0)


def tone(result: Result, metric: Term) -> str:
    """Whether the change is good for this metric (its ``better`` direction)."""
    moved = direction(result)
    if not moved or metric.better not in ("up", "down"):
        return "neutral"
    return "good" if moved == (1 if metric.better == "up" else -1) else "bad"


def _fit(text: str, room: float) -> str:
    """``text`` shortened with an ellipsis to about ``room`` pixels at 12 px."""
    used, out = 0.0, list[str]()
    for char in text:
        used += 7 if char.isascii() else 12
        if used > room - 12:
            return "".join(out) + "…"
        out.append(char)
    return text


def bar_chart(
    bars: Sequence[Bar], label: str, t: Callable[[str], str], scale: float | None = None
) -> Markup:
    """Horizontal bars, longest = ``scale`` (default: the largest value), one row each.

    ``label`` names the chart; the text equivalent lists every row as ``label value``.
    """
    top = scale if scale is not None else max((abs(b.value) for b in bars), default=0.0)
    height = max(len(bars), 1) * ROW
    summary = label + t("colon") + t("list_sep").join(f"{b.label} {b.text}" for b in bars)
    parts = [
        f'<svg class="pb-chart" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" '
        f'height="{height}" role="img" aria-label="{escape(summary)}">'
        f"<title>{escape(summary)}</title>"
    ]
    for row, bar in enumerate(bars):
        y = row * ROW
        length = PLOT * min(abs(bar.value) / top, 1.0) if top > 0 else 0.0
        parts.append(
            f'<text class="pb-chart__label" x="0" y="{y + 17}">{escape(_fit(bar.label, LABEL))}</text>'
            f'<rect class="pb-bar pb-tone--{escape(bar.tone)}" x="{LABEL}" y="{y + 6}" '
            f'width="{length:.1f}" height="{BAR}" rx="2" data-value="{bar.value:g}"/>'
            f'<text class="pb-chart__value" x="{LABEL + length + 6:.1f}" y="{y + 17}">'
            f"{escape(_fit(bar.text, VALUE + PLOT - length))}</text>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def result_chart(result: Result, metric: Term, t: Callable[[str], str]) -> Markup:
    """A case result: before and after as two bars, or its change as one (percent of 100)."""
    mood = tone(result, metric)
    if result.change:
        value = figure(result.change)
        if value is None or not result.change.strip().endswith("%"):
            return Markup("")  # a count such as "12 条" has no scale to draw against
        bars = [Bar(t("change"), value, result.change, mood)]
        return bar_chart(bars, result.label, t, scale=max(100.0, abs(value)))
    before, after = figure(result.before), figure(result.after)
    if before is None or after is None:
        return Markup("")
    return bar_chart(
        [
            Bar(t("before"), before, result.before, "neutral"),
            Bar(t("after"), after, result.after, mood),
        ],
        result.label,
        t,
    )


def improvements_by_metric(
    cases: Iterable[Case], metrics: dict[str, Term], size: Callable[[Result], float]
) -> list[tuple[Term, int, float]]:
    """Per metric with results that did not get worse: how many, and their median
    improvement (a fraction), largest first."""
    sizes: dict[str, list[float]] = {}
    for case in cases:
        for result in case.results:
            if tone(result, metrics[result.metric]) != "bad":
                sizes.setdefault(result.metric, []).append(size(result))
    rows = [(metrics[m], len(sizes[m]), statistics.median(sizes[m])) for m in metrics if m in sizes]
    return sorted(rows, key=lambda row: -row[2])


def count_bars(counts: Iterable[tuple[str, int]], unit: str) -> list[Bar]:
    """Bars for counted things, largest first (ties keep their order)."""
    rows = sorted(counts, key=lambda row: -row[1])
    return [Bar(label, n, f"{n} {unit}".strip(), "count") for label, n in rows]


@dataclass(frozen=True)
class Dashboard:
    """The results dashboard's charts and its list of gaps."""

    improvements: Markup
    by_pain: Markup
    by_industry: Markup
    gaps: list[Term]
    """Pain points no case addresses yet."""
    metrics: list[tuple[Term, int, float]]
    """Per metric: results counted and their median improvement, for the table."""


def percent(fraction: float) -> str:
    """0.534 → ``53%``."""
    return f"{fraction * 100:.0f}%"


def dashboard(
    catalog: Catalog, size: Callable[[Result], float], t: Callable[[str], str]
) -> Dashboard:
    """What works: median improvement per metric, cases per pain point and per industry."""
    tax = catalog.taxonomy
    metrics = improvements_by_metric(catalog.cases.values(), tax.metrics, size)
    improvements = bar_chart(
        [Bar(m.label, median * 100, percent(median), "good") for m, _, median in metrics],
        t("chart_improvements"),
        t,
    )
    unit = t("case_count")
    by_pain = bar_chart(
        count_bars(
            ((p.label, len(catalog.pain_cases.get(p.id, []))) for p in tax.pain_points.values()),
            unit,
        ),
        t("chart_by_pain"),
        t,
    )
    by_industry = bar_chart(
        count_bars(
            (
                (i.name, len(catalog.industry_cases.get(i.id, [])))
                for i in catalog.industries.values()
            ),
            unit,
        ),
        t("chart_by_industry"),
        t,
    )
    gaps = [p for p in tax.pain_points.values() if not catalog.pain_cases.get(p.id)]
    return Dashboard(improvements, by_pain, by_industry, gaps, metrics)


def stale_chart(stale_by_owner: dict[str, int], t: Callable[[str], str]) -> Markup:
    """Stale records per owner, most first."""
    return bar_chart(count_bars(stale_by_owner.items(), ""), t("chart_stale_by_owner"), t)


def coverage_chart(catalog: Catalog, t: Callable[[str], str]) -> Markup:
    """Share of pain points and of industries that have at least one case."""
    bars = [
        _coverage(t("pain_points"), list(catalog.taxonomy.pain_points), catalog.pain_cases),
        _coverage(t("industries"), list(catalog.industries), catalog.industry_cases),
    ]
    return bar_chart(bars, t("chart_coverage"), t, scale=100.0)


def _coverage(label: str, keys: list[str], cases: Mapping[str, list[str]]) -> Bar:
    covered = sum(1 for key in keys if cases.get(key))
    share = covered / len(keys) * 100 if keys else 0.0
    return Bar(label, share, f"{covered}/{len(keys)}", "good")
