"""The case composer (/cases/new/) in real Chromium, on a fixture project built for real.

What the form writes is saved into a copy of the project and run through ``check`` and
``build``: a valid form gives a file both accept; each rule the form reports fails
``check`` with the same message text.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from conftest import FILES, MKDOCS_YML, TODAY, Project
from playbook.site.i18n import STRINGS

pytestmark = pytest.mark.browser

REPO_URL = "https://github.com/acme/playbook"
LANG = "zh"
"""The composer's language here, and so check's (the site's): the same texts on both sides."""

VALID: dict[str, str | list[str]] = {
    "id": "cold-chain-loss",
    # Texts YAML would read as something else when written plainly: the file must keep them.
    "title": "冷链损耗降低 40%: 夏季 #1",
    "summary": "某冷链物流公司夏季损耗高，我们用温控方案把损耗降了下来。",
    "customer.alias": "某冷链物流公司",
    "customer.industry": "warehousing",
    "customer.region": "yes",
    "pain_points": ["sorting-efficiency", "cash-flow"],
    "stages": ["discovery"],
    "tier": "a",
    "challenge": "夏季订单翻倍，\n损耗跟着上升。",
    "approach": "- 先做诊断\n- 再出方案：温控 + 巡检",
    "results.0.metric": "conversion-rate",
    "results.0.label": "2026",
    "results.0.change": "+40%",
    "owner": "@wang-sales",
    "reviewed": TODAY,  # check's "today" in fixture projects
    "private.customer_name": "上海鲜达冷链物流有限公司",
    "private.contact": "王经理 13812345678",
}


NO_UNIT_METRIC = "{id: deal-days, label: 成交周期, better: down}"


@pytest.fixture(scope="module")
def composer_site(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """The fixture project with a GitHub repo_url, built once for this module."""
    p = Project(tmp_path_factory.mktemp("composer") / "proj")
    for rel, text in FILES.items():
        p.write(rel, text)
    config = MKDOCS_YML.replace(
        "plugins:\n  - playbook\n",
        f"plugins:\n  - playbook:\n      search: false\n      language: {LANG}\n",
    )
    p.write("mkdocs.yml", f"repo_url: {REPO_URL}\n" + config)
    # A metric without a unit: its before/after figures must carry their own.
    p.edit("content/taxonomy.yaml", "company_sizes:", f"  - {NO_UNIT_METRIC}\ncompany_sizes:")
    code, out = p.build()
    assert code == 0, out
    return p


@pytest.fixture(scope="module")
def composer_url(composer_site: Project) -> Iterator[str]:
    from browser import serve_dir

    with serve_dir(composer_site.site) as url:
        yield url + "cases/new/"


@pytest.fixture(scope="module")
def context() -> Iterator[Any]:
    """One Chromium for the module; each test opens its own page."""
    from browser import chromium

    with chromium(locale="zh-CN", accept_downloads=True) as context:
        # With a GitHub repo_url the theme asks api.github.com for the repository's stars.
        context.route(
            "**/*",
            lambda route: (
                route.continue_()
                if route.request.url.startswith("http://127.0.0.1")
                else route.abort()
            ),
        )
        yield context


@pytest.fixture
def page(context: Any, composer_url: str) -> Iterator[Any]:
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(composer_url)
    page.wait_for_selector("#pb-composer[data-ready]")
    yield page
    page.close()
    assert errors == []


FILL_JS = """([field, value]) => {
  const parts = field.split(".");
  let node;
  if (parts[0] === "results") {
    while (document.querySelectorAll("[data-result-row]").length <= +parts[1])
      document.getElementById("pb-composer-add-result").click();
    node = document.querySelectorAll("[data-result-row]")[+parts[1]]
      .querySelector(`[data-row-field='${parts[2]}']`);
  } else node = document.querySelector(`[data-field='${field}']`);
  if (Array.isArray(value)) {
    node.querySelectorAll("input[type=checkbox]").forEach(b => { b.checked = value.includes(b.value); });
  } else node.value = value;
  node.dispatchEvent(new Event("input", {bubbles: true}));
}"""


def fill(page: Any, values: dict[str, str | list[str]]) -> None:
    """Set form fields by their path (``customer.alias``, ``results.0.change`` …), as typing does."""
    for field, value in values.items():
        page.evaluate(FILL_JS, [field, value])


def type_into(page: Any, values: dict[str, str | list[str]]) -> None:
    """Like :func:`fill`, through Playwright's input (clicks, key presses, selections)."""
    for field, value in values.items():
        parts = field.split(".")
        if parts[0] == "results":
            row = int(parts[1])
            while page.locator("[data-result-row]").count() <= row:
                page.click("#pb-composer-add-result")
            node = (
                page.locator("[data-result-row]").nth(row).locator(f"[data-row-field='{parts[2]}']")
            )
        else:
            node = page.locator(f"[data-field='{field}']")
        if isinstance(value, list):
            for box in node.locator("input[type=checkbox]").all():
                box.set_checked(box.get_attribute("value") in value)
        elif node.evaluate("n => n.tagName") == "SELECT":
            node.select_option(value)
        else:
            node.fill(value)


def field_messages(page: Any, field: str) -> list[str]:
    """Messages shown under one field of the form."""
    parts = field.split(".")
    if parts[0] == "results" and len(parts) > 1:
        row = page.locator("[data-result-row]").nth(int(parts[1]))
        box = row.locator(f"[data-row-error='{parts[2] if len(parts) > 2 else ''}']")
    else:
        box = page.locator(f"[data-error-for='{field}']")
    return [str(t) for t in box.locator(".pb-composer__message").all_text_contents()]


def listed_messages(page: Any) -> list[str]:
    return [str(t) for t in page.locator("#pb-composer-problems li > a").all_text_contents()]


def listed_problems(page: Any) -> list[tuple[str, str]]:
    """(message, hint) of every problem in the form's list."""
    rows = page.locator("#pb-composer-problems li").evaluate_all(
        """items => items.map(li => [li.querySelector("a").textContent,
            (li.querySelector(".pb-composer__hint") || {textContent: ""}).textContent])"""
    )
    return [(str(m), str(h)) for m, h in rows]


def generated(page: Any) -> str:
    return str(page.input_value("#pb-composer-yaml"))


def copy_with(site: Project, tmp_path: Path, name: str, text: str) -> Project:
    """A copy of the fixture project's sources with one more case file."""
    root = tmp_path / "copy"
    shutil.copytree(site.root, root, ignore=shutil.ignore_patterns("site", ".site-*"))
    p = Project(root, lang=None)  # check speaks the site's language, as the composer does
    p.write(f"cases/{name}.yaml", text)
    return p


def check_errors(p: Project) -> list[tuple[str, str]]:
    """(message, hint) of every error ``check`` reports, in the site's language."""
    code, out = p.run("check", "--format", "json")
    assert code == 1, out
    return [(p["message"], p["hint"]) for p in json.loads(out) if p["severity"] == "error"]


def test_a_valid_form_gives_a_file_that_checks_and_builds(
    page: Any, composer_site: Project, tmp_path: Path
) -> None:
    type_into(page, VALID)
    assert listed_messages(page) == []
    assert page.text_content("#pb-composer-summary") == STRINGS["composer_ok"][LANG]
    assert page.text_content("#pb-composer-filename") == "cases/cold-chain-loss.yaml"
    text = generated(page)
    assert text.startswith("# yaml-language-server: $schema=../schemas/case.schema.json\n")
    p = copy_with(composer_site, tmp_path, "cold-chain-loss", text)
    code, out = p.check()
    assert code == 0, out + text
    code, out = p.build()
    assert code == 0, out
    body = p.content("cases/cold-chain-loss/")
    assert p.page("cases/cold-chain-loss/").select_one("h1").get_text(strip=True) == VALID["title"]
    facts = body.select_one(".pb-facts").get_text(" ", strip=True)
    assert "某冷链物流公司" in facts and "yes" in facts
    assert body.select_one(".pb-results tbody th").contents[0] == "2026"
    assert [li.get_text(strip=True) for li in body.select("#approach + .pb-markdown li")] == [
        "先做诊断",
        "再出方案：温控 + 巡检",
    ]
    site = p.site_text()
    assert "上海鲜达" not in site and "13812345678" not in site


def test_a_short_private_value_is_not_flagged_in_the_form(
    page: Any, composer_site: Project, tmp_path: Path
) -> None:
    """Like check (contentrules.looked_for): a one-character value, or a number shorter than
    MIN_PRIVATE_NUMBER (the result's label is 2026), identifies nobody."""
    type_into(page, {**VALID, "private.contact": "2026", "private.customer_name": "A"})
    assert listed_messages(page) == []
    p = copy_with(composer_site, tmp_path, "cold-chain-loss", generated(page))
    code, out = p.check()
    assert code == 0, out


def test_the_preview_shows_the_headline_and_the_library_card(page: Any) -> None:
    fill(page, VALID)
    assert page.text_content("#pb-composer-headline .pb-metric__value") == "+40%"
    card = page.locator("#pb-composer-card .pb-card")
    assert card.get_attribute("data-case") == "cold-chain-loss"
    assert card.locator(".pb-card__title").text_content() == VALID["title"]
    assert card.locator(".pb-card__meta").text_content() == "某冷链物流公司 · 仓储物流 · A 类客户"
    assert card.locator(".pb-chip").all_text_contents() == ["资金周转", "旺季分拣效率低"]


def test_the_preview_shows_bare_figures_with_the_metric_s_unit(page: Any) -> None:
    fill(page, VALID)
    type_into(
        page,
        {"results.0.metric": "turnover-days", "results.0.change": "", "results.0.before": "15",
         "results.0.after": "7"},
    )  # fmt: skip
    assert listed_messages(page) == []
    assert page.text_content("#pb-composer-headline .pb-metric__value") == "15 天 → 7 天"


# (name, the change to the valid form, the field that shows the problem)
VIOLATIONS: list[tuple[str, dict[str, str | list[str]], str]] = [
    ("missing title", {"title": ""}, "title"),
    ("summary too long", {"summary": "长" * 201}, "summary"),
    ("placeholder left", {"title": "【待填写】一句话写清成果"}, "title"),
    ("mobile number", {"challenge": "联系 138 1234 5678 了解详情"}, "challenge"),
    ("e-mail address", {"approach": "发邮件到 wang@example.com"}, "approach"),
    ("resident-ID number", {"customer.region": "11010519491231002X"}, "customer.region"),
    ("missing alias", {"customer.alias": ""}, "customer.alias"),
    ("no pain point", {"pain_points": []}, "pain_points"),
    ("result without metric", {"results.0.metric": ""}, "results.0.metric"),
    ("before without after", {"results.0.change": "", "results.0.before": "15 天"}, "results.0"),
    ("quote without role", {"quote.text": "旺季终于不加班了。"}, "quote.by"),
    ("reviewed in the future", {"reviewed": "2099-01-01"}, "reviewed"),
    ("invalid id", {"id": "Cold_Chain"}, "id"),
    ("reserved id", {"id": "new"}, "id"),
    ("reserved id of the library", {"id": "index"}, "id"),  # its URL is /cases/, as check says
]


# Rules against silent wrongness (contentrules.py): the form shows the catalog's text, with
# the arguments check gives. (name, change to the valid form, field, code, arguments)
CONTENT_RULES: list[tuple[str, dict[str, str | list[str]], str, str, dict[str, str]]] = [
    ("bare change", {"results.0.change": "50"}, "results.0.change", "result.change_no_unit",
     {"value": "50"}),
    ("signed bare change", {"results.0.change": "-50"}, "results.0.change",
     "result.change_no_unit", {"value": "-50"}),
    ("change in words without unit", {"results.0.change": "提升50"}, "results.0.change",
     "result.change_no_unit", {"value": "提升50"}),
    ("change against better", {"results.0.change": "-40%"}, "results.0.change",
     "result.direction", {"field": "change", "metric": "转化率", "better": "越高越好"}),
    ("change in words against better", {"results.0.change": "减少40%"}, "results.0.change",
     "result.direction", {"field": "change", "metric": "转化率", "better": "越高越好"}),
    ("before/after against better",
     {"results.0.metric": "turnover-days", "results.0.change": "", "results.0.before": "7 天",
      "results.0.after": "15 天"},
     "results.0.after", "result.direction", {"field": "after", "metric": "库存周转天数",
                                             "better": "越低越好"}),
    ("bare figure, metric without unit",
     {"results.0.metric": "deal-days", "results.0.change": "", "results.0.before": "30 天",
      "results.0.after": "12"},
     "results.0.after", "result.figure_no_unit", {"field": "after", "value": "12"}),
    ("legal suffix", {"customer.alias": "鲜达冷链集团"}, "customer.alias",
     "alias.legal_suffix", {"suffix": "集团"}),
    ("legal suffix in English", {"customer.alias": "Xianda Cold Chain Co., Ltd."},
     "customer.alias", "alias.legal_suffix", {"suffix": "Co., Ltd."}),
    ("owner names nobody", {"owner": "@"}, "owner", "owner.no_name", {"value": "@"}),
    ("private value", {"summary": "上海鲜达冷链物流有限公司夏季损耗高。"}, "summary",
     "private.in_published",
     {"field": "summary", "key": "private.customer_name", "masked": "上海****公司"}),
    ("two-character private name", {"private.contact": "李娜", "challenge": "李娜说夏季损耗高。"},
     "challenge", "private.in_published",
     {"field": "challenge", "key": "private.contact", "masked": "李*"}),
]  # fmt: skip
VIOLATIONS += [(name, change, field) for name, change, field, _code, _args in CONTENT_RULES]


@pytest.mark.parametrize(
    ("change", "field"), [v[1:] for v in VIOLATIONS], ids=[v[0] for v in VIOLATIONS]
)
def test_each_rule_shows_check_s_message_in_the_form(
    page: Any,
    composer_site: Project,
    tmp_path: Path,
    change: dict[str, str | list[str]],
    field: str,
) -> None:
    fill(page, VALID)
    type_into(page, change)
    shown = field_messages(page, field)
    assert len(shown) == 1, (shown, listed_messages(page))
    assert listed_messages(page) == shown
    name = str({**VALID, **change}["id"])
    # check finds exactly this problem in the file the form wrote: same message, same hint.
    assert check_errors(copy_with(composer_site, tmp_path, name, generated(page))) == (
        listed_problems(page)
    )


def test_an_existing_id_is_refused(page: Any) -> None:
    fill(page, {**VALID, "id": "sorting-case"})
    (shown,) = field_messages(page, "id")
    assert "sorting-case" in shown
    assert page.locator("[data-error-for='id'] .pb-composer__hint").text_content() is not None
    assert "cases/sorting-case.yaml" in page.text_content("[data-error-for='id']")


def test_the_pull_request_link_carries_the_exact_file(page: Any) -> None:
    fill(page, VALID)
    href = page.get_attribute("#pb-composer-pr", "href")
    url = urlsplit(href)
    assert f"{url.scheme}://{url.netloc}{url.path}" == f"{REPO_URL}/new/main"
    query = parse_qs(url.query, keep_blank_values=True)
    assert query["filename"] == ["cases/cold-chain-loss.yaml"]
    assert page.text_content("#pb-composer-filename") == "cases/cold-chain-loss.yaml"
    assert query["value"] == [generated(page)]


def test_download_offers_the_same_file(page: Any) -> None:
    fill(page, VALID)
    with page.expect_download() as info:
        page.click("#pb-composer-download")
    download = info.value
    assert download.suggested_filename == "cold-chain-loss.yaml"
    assert Path(download.path()).read_text(encoding="utf-8") == generated(page)


def test_result_rows_can_be_added_and_removed(page: Any) -> None:
    fill(page, {**VALID, "results.1.metric": "turnover-days", "results.1.label": "库存周转"})
    fill(page, {"results.1.before": "15 天", "results.1.after": "7 天"})
    assert listed_messages(page) == []
    assert 'before: "15 天"\n    after: "7 天"\n' in generated(page)
    page.locator("[data-result-row]").nth(0).locator("[data-remove-result]").click()
    assert page.locator("[data-result-row]").count() == 1
    assert "+40%" not in generated(page) and "库存周转" in generated(page)


def test_new_terms_are_explained_with_the_lines_to_add(page: Any) -> None:
    box = page.locator("[data-new-term='pain']")
    page.click("#pb-composer-missing > summary")
    box.locator("[data-term-field='id']").fill("cold-chain-loss")
    box.locator("[data-term-field='label']").fill("冷链损耗高")
    box.locator("[data-term-field='category']").select_option("cost")
    assert box.locator("[data-term-output]").text_content() == (
        "  - id: cold-chain-loss\n    label: 冷链损耗高\n    category: cost\n"
    )
    industry = page.locator("[data-new-term='industry']")
    industry.locator("[data-term-field='id']").fill("Cold Chain")
    assert industry.locator("[data-term-error]").is_visible()
    industry.locator("[data-term-field='id']").fill("cold-chain")
    assert industry.locator("[data-term-output]").text_content() == (
        "python3 build.py new industry cold-chain\n# content/industries/cold-chain.yaml\nname: <name>\n"
    )


@pytest.mark.parametrize(
    ("change", "field", "code", "args"),
    [r[1:] for r in CONTENT_RULES],
    ids=[r[0] for r in CONTENT_RULES],
)
def test_content_rules_show_the_catalog_s_message(
    page: Any, change: dict[str, str | list[str]], field: str, code: str, args: dict[str, str]
) -> None:
    from playbook.core.messages import msg

    fill(page, VALID)
    type_into(page, change)
    assert field_messages(page, field) == [msg(code, **args).render(LANG)]
    hint_args = {"metric": "deal-days"} if code == "result.figure_no_unit" else {}
    assert listed_problems(page) == [
        (msg(code, **args).render(LANG), msg(f"{code}.hint", **hint_args).render(LANG))
    ]
