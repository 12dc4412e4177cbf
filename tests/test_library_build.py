"""The case library's static output: facet file, pagination, search index contents."""

from __future__ import annotations

import datetime as dt
import gzip
import json

from conftest import CASE, Project

MARKER = "privmarkerzq"
"""One word (no punctuation), so a search index would keep it as one token."""
PUBLIC = "publicmarkerzq"


def decoded_index(project: Project) -> str:
    """Every Pagefind file, decompressed (gzip after a 'pagefind_dcd' header), as text.

    Pagefind puts zero-width spaces between the words it segments; they are removed so a
    marker split into pieces would still be found.
    """
    parts = []
    for file in sorted((project.site / "pagefind").rglob("*")):
        if not file.is_file():
            continue
        raw = file.read_bytes()
        if raw[:2] == b"\x1f\x8b":
            raw = gzip.decompress(raw)
        parts.append(raw.decode("utf-8", errors="ignore").replace("\u200b", ""))
    return "\n".join(parts).lower()


def add_private(project: Project) -> None:
    for rel in [
        "cases/sorting-case.yaml",
        "cases/turnover-case.yaml",
        "content/objections/price-too-high.yaml",
        "content/industries/warehousing.yaml",
    ]:
        text = project.read(rel)
        project.write(rel, text + f"private:\n  name: {MARKER}\n  note: 机密备注{MARKER}\n")


def test_search_index_holds_published_text_but_no_private_marker(project: Project) -> None:
    add_private(project)
    project.edit(
        "cases/sorting-case.yaml", "title: 分拣效率提升 40%", f"title: 分拣效率提升 40% {PUBLIC}"
    )
    code, out = project.build()
    assert code == 0, out
    index = decoded_index(project)
    assert PUBLIC in index  # the decoding works: published words are there …
    assert "分拣" in index
    assert MARKER not in index  # … and private ones are not
    assert "机密备注" not in index


def test_only_records_and_hand_written_pages_are_indexed(project: Project) -> None:
    project.build_ok()
    index = decoded_index(project)
    urls = set(json.loads(part)["url"] for part in _fragments(project))
    assert "/cases/sorting-case/" in urls
    assert "/objections/price-too-high/" in urls
    assert "/industries/warehousing/" in urls
    assert "/pain-points/cash-flow/" in urls
    assert "/" in urls  # content/index.md, a hand-written page
    assert "/cases/" not in urls and "/objections/" not in urls  # listings repeat titles
    assert "超预算" in index  # objection aliases are indexed


def _fragments(project: Project) -> list[str]:
    texts = []
    for file in (project.site / "pagefind" / "fragment").glob("*.pf_fragment"):
        raw = gzip.decompress(file.read_bytes())
        assert raw.startswith(b"pagefind_dcd")
        texts.append(raw[len(b"pagefind_dcd") :].decode("utf-8"))
    return texts


def test_pages_carry_the_kind_filter(project: Project) -> None:
    project.build_ok()
    kinds = {
        "cases/sorting-case/": "kind:案例",
        "objections/no-time/": "kind:异议",
        "industries/ecommerce/": "kind:行业",
        "pain-points/cash-flow/": "kind:痛点",
        "": "kind:手册",
    }
    for url, kind in kinds.items():
        body = project.page(url).select("[data-pagefind-body]")
        assert len(body) == 1, url
        assert body[0]["data-pagefind-filter"] == kind
    assert project.page("cases/").select("[data-pagefind-body]") == []


def test_facet_file_is_compact_and_has_no_private_data(project: Project) -> None:
    add_private(project)
    code, out = project.build()
    assert code == 0, out
    text = (project.site / "cases" / "facets.json").read_text(encoding="utf-8")
    cards_text = (project.site / "cases" / "cards" / "0.json").read_text(encoding="utf-8")
    data = json.loads(text)
    for published in (text, cards_text):
        assert MARKER not in published and "机密备注" not in published
        # Markdown bodies (challenge, approach) and quotes stay on the case pages only.
        assert "旺季订单翻倍" not in published and "先做诊断" not in published
        assert "旺季终于不加班了" not in published
        assert "owner" not in published and "@alice" not in published
    values = {f["name"]: [v["id"] for v in f["values"]] for f in data["facets"]}

    def ids(name: str, i: int) -> list[str]:
        cell = data[name][i]
        return [
            values[name][n]
            for n in (cell if isinstance(cell, list) else [cell] if cell >= 0 else [])
        ]

    assert ids("pain", 0) == ["sorting-efficiency"]
    assert ids("category", 0) == ["efficiency"]
    assert ids("tier", 0) == ["a"] and ids("size", 0) == ["small"]
    assert ids("tier", 1) == [] and ids("size", 1) == []
    assert ids("metric", 0) == ["conversion-rate"]
    assert data["improvement"][0] == 4000
    assert data["reviewed"][0] == (dt.date(2026, 10, 1) - dt.date(1970, 1, 1)).days
    assert ids("category", 1) == ["cost", "efficiency"]
    assert data["cards"][0].startswith("cases/cards/0.json?v=")
    cards = json.loads(cards_text)
    assert [row[0] for row in cards] == ["sorting-case", "turnover-case"]  # newest review first
    assert cards[0] == [
        "sorting-case",
        "分拣效率提升 40%",
        "某仓储公司旺季分拣跟不上，改造流程后效率提升。",
        "某仓储公司",
        "+40%",
        "分拣效率",
        "good",  # +40% conversion: up is better
    ]
    names = [f["name"] for f in data["facets"]]
    assert names == ["industry", "pain", "category", "stage", "tier", "size", "metric"]
    assert (
        project.page("cases/")
        .select_one("#pb-library")["data-facets"]
        .startswith("../cases/facets.json?v=")
    )


def test_many_cases_are_paginated_and_all_reachable_without_js(project: Project) -> None:
    for i in range(120):
        project.write(
            f"cases/bulk-{i:03d}.yaml", CASE.replace("2026-10-01", f"2026-0{1 + i % 9}-1{i % 10}")
        )
    code, out = project.build()
    assert code == 0, out
    linked: set[str] = set()
    pages = ["cases/", "cases/page/2/", "cases/page/3/"]
    for url in pages:
        content = project.content(url)
        cards = content.select("#pb-case-list .pb-card")
        assert 0 < len(cards) <= 50, url
        linked.update(a["href"].rsplit("cases/", 1)[1] for a in content.select(".pb-card__title a"))
        nav = {a["href"] for a in content.select("#pb-pagination a")}
        assert any(h.endswith(("cases/", "page/2/", "page/3/")) for h in nav)
    assert not (project.site / "cases" / "page" / "4").exists()
    expected = {f"bulk-{i:03d}/" for i in range(120)} | {"sorting-case/", "turnover-case/"}
    assert linked == expected


def test_results_that_parse_as_infinity_sort_as_no_improvement() -> None:
    """Regression (found by fuzzing): '1e999%' made the facet index crash on round(inf)."""
    from playbook.core.model import Result
    from playbook.derive.figures import improvement

    assert improvement(Result("m", "l", change="1e999%")) == 0.0
    assert improvement(Result("m", "l", change="nan")) == 0.0
    assert improvement(Result("m", "l", before="9" * 400, after="1")) == 0.0
    assert improvement(Result("m", "l", change="+40%")) == 0.4


def test_pagination_links_a_window_and_chains_every_page(project: Project) -> None:
    for i in range(400):
        project.write(f"cases/bulk-{i:03d}.yaml", CASE)
    code, out = project.build()
    assert code == 0, out
    first = {a.get_text() for a in project.content("cases/").select("#pb-pagination a")}
    assert first == {"2", "3", "9", "下一页"}
    middle = {a.get_text() for a in project.content("cases/page/5/").select("#pb-pagination a")}
    assert middle == {"1", "3", "4", "6", "7", "9", "上一页", "下一页"}
    # Following "next" from the first page reaches every page.
    url, seen = "cases/", 1
    while (nxt := project.content(url).select_one("a.pb-pagination__next")) is not None:
        url = "cases/" + nxt["href"].split("cases/", 1)[1]
        seen += 1
    assert seen == 9


def test_industry_and_pain_pages_show_recent_cards_and_list_every_case(project: Project) -> None:
    for i in range(20):
        project.write(
            f"cases/bulk-{i:02d}.yaml",
            CASE.replace("2026-10-01", f"2026-{1 + i // 2:02d}-{10 + i % 2:02d}").replace(
                "title: 分拣效率提升 40%", f"title: 批量案例 {i:02d}"
            ),
        )
    code, out = project.build()
    assert code == 0, out
    for url, query, total in (
        ("industries/warehousing/", "industry=warehousing", 21),  # sorting-case + 20
        ("pain-points/sorting-efficiency/", "pain=sorting-efficiency", 22),  # + turnover-case
    ):
        content = project.content(url)
        cards = [a["href"] for a in content.select(".pb-cards .pb-card__title a")]
        more = [a["href"] for a in content.select(".pb-case-more a")]
        assert len(cards) == 12, url
        everything = cards + more
        assert len(everything) == len(set(everything)) == total, url  # every case, once
        # The cards are the most recently reviewed: bulk-19 (2026-10-11) first.
        assert cards[0].endswith("cases/bulk-19/"), cards
        library = content.select_one(".pb-library-link a")
        assert (
            library["href"].endswith(f"cases/?{query}")
            and f"共 {total} 个案例" in library.get_text()
        )
        # Listings of other records stay out of the search index.
        assert all(
            c.has_attr("data-pagefind-ignore") for c in content.select(".pb-cards, .pb-case-more")
        )
