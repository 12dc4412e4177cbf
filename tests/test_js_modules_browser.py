"""The page scripts' pure modules called directly in Chromium, one blank page each, no site:
hit_rank.js (header search ranking), case_filter.js (the case library's cases from its index,
filtering, counts and order),
finder_match.js (objection finder matching). query.js comes along where a module takes the
query module, with its real folding table and a synonym group in the page's data."""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from typing import Any

import pytest

pytestmark = pytest.mark.browser

ASSETS = "plugins/playbook/site/assets/"
ORIGIN = "http://pb.test/"
QUERY_DATA = {"synonyms": [["价格", "报价"]], "pages": 10, "table": "assets/playbook/t2s.json"}
BLANK = (
    '<!doctype html><html lang="zh"><meta charset=utf-8><title>modules</title>'
    '<script type="application/json" id="pb-query-data">'
    + json.dumps(QUERY_DATA, ensure_ascii=False)
    + "</script></html>"
)


@pytest.fixture(scope="module")
def page() -> Iterator[Any]:
    from browser import chromium
    from conftest import REPO

    table = (REPO / ASSETS / "t2s.json").read_bytes()

    def answer(route: Any) -> None:
        if route.request.url.endswith("/assets/playbook/t2s.json"):
            route.fulfill(body=table, content_type="application/json")
        else:
            route.fulfill(body=BLANK, content_type="text/html; charset=utf-8")

    with chromium() as context:
        page = context.new_page()
        page.route(ORIGIN + "**", answer)
        page.goto(ORIGIN)
        for name in ("query.js", "hit_rank.js", "case_filter.js", "finder_match.js"):
            page.add_script_tag(path=str(REPO / ASSETS / name))
        page.evaluate("() => PlaybookQuery.ready('/')")
        assert page.evaluate("() => PlaybookQuery.fold('價格')") == "价格"  # the table loaded
        yield page


def test_modules_link_before_the_page_scripts_that_use_them() -> None:
    from playbook.adapters.mkdocs.plugin import asset_uris

    order = [uri.rsplit("/", 1)[-1] for uri in asset_uris()]
    for module, user in (
        ("hit_rank.js", "search.js"),
        ("case_filter.js", "library.js"),
        ("finder_match.js", "objections.js"),
    ):
        assert order.index(module) < order.index(user), (module, user)


# --- hit_rank.js -----------------------------------------------------------------------


def test_normalised_scores_relative_to_the_best_and_keeps_each_pages_best(page: Any) -> None:
    into = page.evaluate(
        """() => {
          var into = PlaybookHitRank.normalised({results: [{id: "a", score: 4}, {id: "b", score: 2}]}, 1, {});
          PlaybookHitRank.normalised({results: [{id: "b", score: 3}, {id: "c", score: 1}]}, 0.9, into);
          PlaybookHitRank.normalised(null, 1, into);
          var out = {};
          Object.keys(into).forEach(function (id) { out[id] = into[id].s; });
          return out;
        }"""
    )
    assert into == {"a": 1, "b": pytest.approx(0.9), "c": pytest.approx(0.3)}


def test_jobs_search_the_phrases_then_each_word_not_already_a_phrase(page: Any) -> None:
    jobs = page.evaluate(
        """() => [
          PlaybookHitRank.jobs({phrases: ["分拣旺季", "拣货旺季"], terms: [["分拣", "拣货"], ["旺季"]]}),
          PlaybookHitRank.jobs({phrases: ["价格", "报价"], terms: [["价格", "报价"]]}),
          PlaybookHitRank.jobs({phrases: ["旺季 x"], terms: [["旺季 x"], ["旺季"]]})
        ]"""
    )
    assert jobs[0] == [
        [-1, 0, "分拣旺季"],
        [-1, 1, "拣货旺季"],
        [0, 0, "分拣"],
        [0, 1, "拣货"],
        [1, 0, "旺季"],
    ]
    assert jobs[1] == [[-1, 0, "价格"], [-1, 1, "报价"]]  # one word: the phrase only
    assert jobs[2] == [[-1, 0, "旺季 x"], [1, 0, "旺季"]]


def test_merge_weights_rare_words_more_and_a_phrase_hit_as_all_words(page: Any) -> None:
    merged = page.evaluate(
        """() => {
          var analysis = {phrases: ["分拣旺季"], terms: [["分拣"], ["旺季"]]};
          var jobs = PlaybookHitRank.jobs(analysis);
          var found = [
            {results: [{id: "p", score: 2}]},
            {results: [{id: "a", score: 4}, {id: "b", score: 2}]},
            {results: [{id: "a", score: 1}, {id: "c", score: 1}, {id: "d", score: 1}]}
          ];
          return PlaybookHitRank.merge(analysis, jobs, found, 10)
            .map(function (h) { return [h.result.id, h.score, h.terms]; });
        }"""
    )
    rare, common = math.log(1 + 10 / 2), math.log(1 + 10 / 3)
    scores = {hit_id: (score, terms) for hit_id, score, terms in merged}
    assert scores["a"] == (pytest.approx(rare + common), 2)
    assert scores["p"] == (pytest.approx(rare + common), 0)  # best for the phrase
    assert scores["b"] == (pytest.approx(rare / 2), 1)
    assert scores["c"] == scores["d"] == (pytest.approx(common), 1)
    assert [h[0] for h in merged][2:] == ["c", "d", "b"]
    assert {h[0] for h in merged[:2]} == {"a", "p"}


def test_merge_scores_a_synonym_variant_below_the_words_typed(page: Any) -> None:
    merged = page.evaluate(
        """() => {
          var analysis = {phrases: ["价格", "报价"], terms: [["价格", "报价"]]};
          var found = [{results: [{id: "y", score: 5}]}, {results: [{id: "x", score: 7}]}];
          return PlaybookHitRank.merge(analysis, PlaybookHitRank.jobs(analysis), found, 10)
            .map(function (h) { return [h.result.id, h.score]; });
        }"""
    )
    assert merged == [["y", 1], ["x", pytest.approx(0.9)]]


def rerank(page: Any, analysis: dict[str, Any], hits: list[dict[str, Any]]) -> Any:
    return page.evaluate(
        """([analysis, hits]) => {
          var loaded = hits.map(function (h) {
            return {result: {id: h.id}, score: h.score, data: {content: h.content,
              meta: {title: h.title, kind_id: h.kind}}};
          });
          var ranked = PlaybookHitRank.rerank(loaded, analysis, PlaybookQuery);
          return {ranked: ranked.map(function (h) { return [h.result.id, h.rank]; }),
            holds: loaded.map(function (h) { return [h.result.id, h.holds]; })};
        }""",
        [analysis, hits],
    )


def hit(hit_id: str, title: str, content: str, kind: str = "case", score: float = 1) -> Any:
    return {"id": hit_id, "title": title, "content": content, "kind": kind, "score": score}


def test_rerank_title_beats_text_beats_words_and_records_beat_pages(page: Any) -> None:
    analysis = {"key": "价格太高", "phrases": ["价格太高"], "terms": [["价格"], ["太高"]]}
    out = rerank(
        page,
        analysis,
        [
            hit("words", "案例", "价格有点高，太高了吗"),
            hit("text", "案例", "客户说价格太高"),
            hit("page", "销售手册", "价格太高的时候", kind="page"),
            hit("title", "價格太高怎么办", "应对"),  # Traditional title, folded
            hit("named", "价格策略", "价格太高", kind="page"),
            hit("none", "量子", "量产 量级"),
        ],
    )
    assert out["ranked"] == [
        ["title", 2],
        ["text", 1.5],
        ["named", 1.5],  # a page whose title holds one of the words keeps its weight
        ["words", 1],
        ["page", 0.75],
    ]
    assert dict(out["holds"]) == {
        "words": True,
        "text": True,
        "page": True,
        "title": True,
        "named": True,
        "none": False,
    }


def test_rerank_multiplies_pagefinds_score_and_counts_a_synonym_phrase(page: Any) -> None:
    analysis = {"key": "价格", "phrases": ["价格", "报价"], "terms": [["价格", "报价"]]}
    out = rerank(
        page,
        analysis,
        [hit("low", "价格", "x", score=1), hit("synonym", "报价单", "x", score=0.9)],
    )
    assert out["ranked"] == [["low", 2], ["synonym", pytest.approx(1.8)]]


def test_marks_cut_every_occurrence_as_folded(page: Any) -> None:
    pieces = page.evaluate(
        """() => [
          PlaybookHitRank.marks("价格太高，價格战", ["价格"], PlaybookQuery),
          PlaybookHitRank.marks("CRM系统和crm", ["crm系统", "crm"], PlaybookQuery),
          PlaybookHitRank.marks("没有", ["价格"], PlaybookQuery)
        ]"""
    )
    assert pieces[0] == [
        {"text": "价格", "mark": True},
        {"text": "太高，", "mark": False},
        {"text": "價格", "mark": True},
        {"text": "战", "mark": False},
    ]
    assert pieces[1] == [
        {"text": "CRM系统", "mark": True},
        {"text": "和", "mark": False},
        {"text": "crm", "mark": True},
    ]
    assert pieces[2] == [{"text": "没有", "mark": False}]


def test_excerpt_starts_at_the_sentence_of_the_first_match(page: Any) -> None:
    long = (
        "开头一句很长很长很长很长很长很长很长很长很长很长很长很长很长。客户  嫌\n价格太高"
        + "后" * 200
    )
    out = page.evaluate(
        """(long) => [
          PlaybookHitRank.excerpt("短句。价格太高了", ["价格"], PlaybookQuery),
          PlaybookHitRank.excerpt("客户嫌价格太高", ["价格"], PlaybookQuery),
          PlaybookHitRank.excerpt("前文。價格太高", ["价格"], PlaybookQuery),
          PlaybookHitRank.excerpt(long, ["价格", "太高"], PlaybookQuery),
          PlaybookHitRank.excerpt("没有匹配", ["价格"], PlaybookQuery),
          PlaybookHitRank.excerpt(null, ["价格"], PlaybookQuery),
          PlaybookHitRank.excerpt("很长".repeat(13) + "的前文价格", ["价格"], PlaybookQuery)
        ]""",
        long,
    )
    assert out[0] == "…价格太高了"  # from its sentence's start
    assert out[1] == "客户嫌价格太高"  # no sentence end within reach: from the start
    assert out[2] == "…價格太高"  # found as folded
    assert out[3] == "…客户 嫌 价格太高" + "后" * 101 + "…"  # spaces closed up, 110 characters
    assert out[4] == "没有匹配"
    assert out[5] == ""
    assert out[6] == "…价格"  # a match far from any sentence end starts the excerpt


# --- case_filter.js ----------------------------------------------------------------------

FACETS = [
    {"name": "industry", "values": [{"id": "retail"}, {"id": "bank"}]},
    {"name": "pain", "values": [{"id": "cost"}, {"id": "speed"}, {"id": "risk"}]},
]
CASES = [
    {"n": 0, "industry": ["retail"], "pain": ["cost", "speed"], "text": "仓库分拣 价格"},
    {"n": 1, "industry": ["retail"], "pain": ["risk"], "text": "旺季 分拣"},
    {"n": 2, "industry": ["bank"], "pain": ["cost"], "text": "报价 太高"},
    {"n": 3, "industry": ["bank"], "pain": [], "text": "风控"},
]


def case_filter(page: Any, script: str, sel: dict[str, list[str]]) -> Any:
    return page.evaluate(
        "([facets, cases, sel]) => {" + script + "}",
        [FACETS, CASES, {"industry": [], "pain": [], **sel}],
    )


def test_facets_and_across_or_within(page: Any) -> None:
    def picked(sel: dict[str, list[str]]) -> list[int]:
        return case_filter(
            page,
            "return PlaybookCaseFilter.selected(cases, facets, sel).map(function (c) { return c.n; });",
            sel,
        )

    assert picked({}) == [0, 1, 2, 3]
    assert picked({"pain": ["cost"]}) == [0, 2]
    assert picked({"pain": ["cost", "risk"]}) == [0, 1, 2]  # OR within a facet
    assert picked({"pain": ["cost"], "industry": ["bank"]}) == [2]  # AND across facets
    assert picked({"pain": ["speed"], "industry": ["bank"]}) == []
    skip = case_filter(
        page,
        """return cases.map(function (c) {
          return PlaybookCaseFilter.matchesFacets(c, facets, sel, "pain"); });""",
        {"pain": ["risk"], "industry": ["bank"]},
    )
    assert skip == [False, False, True, True]  # the skipped facet does not apply


def test_counts_leave_out_each_facets_own_selection(page: Any) -> None:
    counts = case_filter(
        page,
        "return PlaybookCaseFilter.counts(cases, facets, sel);",
        {"pain": ["cost"], "industry": ["retail"]},
    )
    # industry counts: the pain selection (cost) applies, the industry one does not;
    # pain counts: the industry selection (retail) applies, the pain one does not.
    assert counts == {
        "industry": {"retail": 1, "bank": 1},
        "pain": {"cost": 1, "speed": 1, "risk": 1},
    }
    assert case_filter(page, "return PlaybookCaseFilter.counts(cases, facets, sel);", {}) == {
        "industry": {"retail": 2, "bank": 2},
        "pain": {"cost": 2, "speed": 1, "risk": 1},
    }


def text_hits(
    page: Any, query: str, with_query_module: bool = True, cases: list[dict[str, Any]] = CASES
) -> list[int]:
    return page.evaluate(
        """([cases, query, q]) => {
          var words = query.toLowerCase().split(/\\s+/).filter(Boolean);
          var Q = q ? PlaybookQuery : null;
          return PlaybookCaseFilter.textMatches(cases, words, query, Q).map(function (c) { return c.n; });
        }""",
        [cases, query, with_query_module],
    )


def test_free_text_word_by_word_without_the_query_module(page: Any) -> None:
    assert text_hits(page, "分拣", False) == [0, 1]
    assert text_hits(page, "分拣 旺季", False) == [1]  # every word
    assert text_hits(page, "價格", False) == []  # no folding without the query module
    assert text_hits(page, "", False) == [0, 1, 2, 3]


def test_free_text_folds_traditional_and_follows_synonyms(page: Any) -> None:
    assert text_hits(page, "價格") == [0, 2]  # Traditional → 价格, and its synonym 报价
    assert text_hits(page, "报价") == [0, 2]
    assert text_hits(page, "风控") == [3]
    assert text_hits(page, "量子") == []
    traditional = [{"n": 0, "text": "交貨太慢"}, {"n": 1, "text": "交付"}]
    assert text_hits(page, "交货", cases=traditional) == [0]  # the case's text is folded too
    same = page.evaluate(
        "(cases) => PlaybookCaseFilter.textMatches(cases, [], '', PlaybookQuery) === cases", CASES
    )
    assert same


# The facet index's shape (site/facets.py): columns in library order; single-valued facets
# hold one value index (-1 for none), the others lists.
INDEX = {
    "facets": [
        {"name": "industry", "label": "行业", "values": [{"id": "retail", "label": "零售"},
                                                       {"id": "bank", "label": "银行"}]},
        {"name": "pain", "label": "痛点", "values": [{"id": "cost", "label": "成本高"},
                                                   {"id": "speed", "label": "交付慢"}]},
        {"name": "tier", "label": "级别", "values": [{"id": "a", "label": "A 级"}]},
    ],
    "reviewed": [20400, 20500, 20500],
    "improvement": [4000, 0, 4000],
    "industry": [1, 0, 0],
    "pain": [[0, 1], [], [1]],
    "tier": [-1, 0, -1],
    "chunk": 2,
}  # fmt: skip


def test_prepare_turns_the_index_columns_into_cases_with_value_ids(page: Any) -> None:
    cases = page.evaluate("(data) => PlaybookCaseFilter.prepare(data)", INDEX)
    assert cases == [
        {"i": 0, "reviewed": 20400, "improvement": 4000, "text": None,
         "industry": ["bank"], "pain": ["cost", "speed"], "tier": []},
        {"i": 1, "reviewed": 20500, "improvement": 0, "text": None,
         "industry": ["retail"], "pain": [], "tier": ["a"]},
        {"i": 2, "reviewed": 20500, "improvement": 4000, "text": None,
         "industry": ["retail"], "pain": ["speed"], "tier": []},
    ]  # fmt: skip
    labels = page.evaluate("(data) => PlaybookCaseFilter.labelsOf(data.facets)", INDEX)
    assert labels == {
        "industry": {"retail": "零售", "bank": "银行"},
        "pain": {"cost": "成本高", "speed": "交付慢"},
        "tier": {"a": "A 级"},
    }


def test_card_rows_fill_their_cases_and_the_lower_cased_search_text(page: Any) -> None:
    rows = [
        ["case-b", "旺季 CRM 上线", "Summary", "某零售", "+40%", "转化率", "good"],
        ["case-c", "标题", "摘要", "某公司", "", "", ""],
    ]
    cases = page.evaluate(
        """([data, rows]) => {
          var F = PlaybookCaseFilter, cases = F.prepare(data);
          F.addCards(cases, data.chunk, rows.slice(0, 1), F.labelsOf(data.facets));
          F.addCard(cases[0], rows[1], F.labelsOf(data.facets));
          return cases;
        }""",
        [INDEX, rows],
    )
    assert cases[1]["text"] is None  # not in the chunk
    assert {k: cases[2][k] for k in ("id", "title", "summary", "alias", "result",
                                     "result_label", "tone")} == {
        "id": "case-b", "title": "旺季 CRM 上线", "summary": "Summary", "alias": "某零售",
        "result": "+40%", "result_label": "转化率", "tone": "good",
    }  # fmt: skip
    assert cases[2]["text"] == "旺季 crm 上线 summary 某零售 +40% 转化率 零售 交付慢"
    assert cases[0]["tone"] == "neutral"  # no tone: neutral
    assert cases[0]["text"] == "标题 摘要 某公司   银行 成本高 交付慢"


def test_sorts_by_review_date_or_improvement_with_the_index_order_breaking_ties(
    page: Any,
) -> None:
    order = page.evaluate(
        """(data) => {
          var F = PlaybookCaseFilter, cases = F.prepare(data);
          function ids(sort) {
            return cases.slice().reverse().sort(F.comparator(sort)).map(function (c) { return c.i; });
          }
          return {reviewed: ids("reviewed"), improvement: ids("improvement"), other: ids("x"),
            same: F.comparator("reviewed") === F.cmpReviewed
              && F.comparator("improvement") === F.cmpImprovement};
        }""",
        INDEX,
    )
    assert order["reviewed"] == [1, 2, 0]  # newest first; 1 and 2 tie: index order
    assert order["improvement"] == [2, 0, 1]  # largest first; 2 and 0 tie: newer first
    assert order["other"] == order["reviewed"]
    assert order["same"] is True


# --- finder_match.js ---------------------------------------------------------------------


def pinyin(page: Any, key: str, query: str) -> int:
    return page.evaluate(
        "([key, q]) => PlaybookFinderMatch.pinyinMatch(key.split(' '), q)", [key, query]
    )


@pytest.mark.parametrize(
    ("query", "start"),
    [
        ("jgg", 0),  # initials
        ("jiagegao", 0),  # full pinyin
        ("jiage", 0),
        ("jiag", 0),  # the last syllable by a prefix
        ("jgegao", 0),  # mixed
        ("jggao", 0),
        ("jgga", 0),  # the last syllable by a prefix of two letters
        ("jgao", -1),  # "ao" is no syllable's start
        ("jiagg", 0),
        ("gg", 1),  # starting inside
        ("gegao", 1),
        ("gao", 2),
        ("jgx", -1),
        ("jx", -1),
        ("xyz", -1),
    ],
)
def test_pinyin_initials_full_and_mixed(page: Any, query: str, start: int) -> None:
    assert pinyin(page, "jia ge gao", query) == start


def test_pinyin_zh_ch_sh_by_one_or_two_letters(page: Any) -> None:
    assert pinyin(page, "zhi fu shi jian", "zfsj") == 0
    assert pinyin(page, "zhi fu shi jian", "zhfshj") == 0
    assert pinyin(page, "zhi fu shi jian", "shij") == 2
    assert pinyin(page, "zhi fu shi jian", "chf") == -1
    assert pinyin(page, "chang", "ch") == 0


ENTRY = {
    "t": "价格 太高",
    "a": ["预算不够", "ＣＲＭ太贵"],
    "c": "价格异议",
    "p": ["jia ge tai gao", "yu suan bu gou"],
    "r": ["先谈价值", "分期付款方案"],
}


def rank_terms(page: Any, terms: list[str], entry: dict[str, Any] = ENTRY) -> list[float | None]:
    ranks = page.evaluate(
        """([data, terms]) => {
          var e = PlaybookFinderMatch.entry(data);
          return terms.map(function (t) {
            var r = PlaybookFinderMatch.rankTerm(e, t);
            return r === Infinity ? null : r;
          });
        }""",
        [entry, terms],
    )
    return ranks


def test_rank_term_orders_text_aliases_category_pinyin_responses(page: Any) -> None:
    ranks = rank_terms(
        page,
        ["价格", "太高", "预算", "不够", "crm", "异议", "jgtg", "tg", "ysbg", "分期", "无关"],
    )
    assert ranks == [
        0,  # text, from the start
        10002,  # text, inside (position 2)
        20000,  # first alias, from the start
        30002,  # first alias, inside
        20100,  # second alias (full-width, folded), from the start
        40002,  # category
        50000,  # pinyin from the start
        60002,  # pinyin inside (from the third syllable)
        50100,  # the second key's pinyin
        70100,  # second response
        None,
    ]


def test_entry_and_terms_normalise_width_case_and_spaces(page: Any) -> None:
    out = page.evaluate(
        """(data) => [PlaybookFinderMatch.entry(data), PlaybookFinderMatch.terms("  Jia\\u3000GE\\tｔｇ "),
          PlaybookFinderMatch.entry(null)]""",
        {"t": "价格 太高", "a": ["ＣＲＭ 太贵"], "c": "Price", "p": ["jia ge", ""], "r": ["A b"]},
    )
    assert out[0] == {
        "_t": "价格太高",
        "_a": ["crm太贵"],
        "_c": "price",
        "_p": [["jia", "ge"], []],
        "_r": ["ab"],
    }
    assert out[1] == ["jia", "ge", "tg"]
    assert out[2] == {"_t": "", "_a": [], "_c": "", "_p": [], "_r": []}


def test_rank_and_order_need_every_term_and_keep_the_pages_order_on_ties(page: Any) -> None:
    out = page.evaluate(
        """() => {
          var M = PlaybookFinderMatch;
          var entries = [
            M.entry({t: "交付太慢", p: ["jiao fu tai man"]}),
            M.entry({t: "价格太高", a: ["太贵"], p: ["jia ge tai gao"]}),
            M.entry({t: "太高的价格", p: ["tai gao de jia ge"]}),
            M.entry({t: "价格太高", p: ["jia ge tai gao"]})
          ];
          function show(list) {
            return list.map(function (r) { return [r.index, r.rank === Infinity ? null : r.rank]; });
          }
          return {
            both: M.rank(entries[1], ["价格", "tg"]),
            missing: M.rank(entries[1], ["价格", "慢"]) === Infinity,
            order: show(M.order(entries, ["价格"])),
            pinyin: show(M.order(entries, ["jg", "tg"])),
            none: show(M.order(entries, []))
          };
        }"""
    )
    assert out["both"] == 0 + 60002  # 价格: the text's start; tg: pinyin from the third syllable
    assert out["missing"] is True
    assert out["order"] == [[1, 0], [3, 0], [2, 10003], [0, None]]
    assert out["none"] == [[0, 0], [1, 0], [2, 0], [3, 0]]
    assert out["pinyin"] == [[1, 110002], [3, 110002], [2, 110003], [0, None]]
