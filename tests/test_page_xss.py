"""Hand-written Markdown pages are sanitised like YAML fields; search links stay same-origin."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import urljoin

import pytest
from conftest import FILES, MKDOCS_YML, TODAY, Project
from sitescan import scan_html

MARK = "PAGE-XSS-MARKER"
EXTENSIONS = """\
  - toc:
      permalink: true
  - admonition
  - tables
  - pymdownx.details
  - pymdownx.superfences
  - pymdownx.tabbed:
      alternate_style: true
  - pymdownx.tasklist:
      custom_checkbox: true
"""
HOSTILE_PAGE = f"""\
# 价格异议 哈密瓜话术

<script>console.log('{MARK} script')</script>

<img src="x" onerror="console.log('{MARK} onerror')">

悬停这里 哈密瓜
{{ onmouseover="console.log('{MARK} hover')" style="position:fixed;inset:0" }}

[点我](javascript:console.log%28'{MARK}-link'%29)

<form id="phish" style="position:fixed;inset:0;z-index:9999;background:#fff">
<p>请重新登录</p><input name="password" type="password"><button>登录</button></form>

<div class="md-dialog md-dialog--active" id="__search">弹窗</div>

<div style="position: fixed; top: 0; left: 0; width: 100vw; height: 100vh">OVERLAY</div>

## 标题 {{ data-pagefind-meta="url:javascript:console.log('{MARK}-meta')" }}

!!! tip "先认同"
    认同客户的顾虑。

=== "电话"
    电话话术

=== "面谈"
    面谈话术

| 维度 | 我们 |
|:-----|-----:|
| 售后 | 2 小时 |

- [x] 已确认预算
- [ ] 待确认决策人

普通段落
{{ .highlight-me #keep-id }}
"""


def _site(root: Any, *, raw_html: bool) -> Project:
    project = Project(root)
    for rel, text in FILES.items():
        project.write(rel, text)
    config = MKDOCS_YML + EXTENSIONS
    if raw_html:
        config = config.replace("  - playbook\n", "  - playbook:\n      raw_html: true\n")
    project.write("mkdocs.yml", config)
    project.write("content/objections/talk.md", HOSTILE_PAGE)
    os.environ["PLAYBOOK_TODAY"] = TODAY
    code, out = project.build()
    assert code == 0, out
    return project


@pytest.fixture(scope="module")
def page_site(tmp_path_factory: pytest.TempPathFactory) -> Project:
    return _site(tmp_path_factory.mktemp("pagexss") / "proj", raw_html=False)


@pytest.fixture(scope="module")
def raw_site(tmp_path_factory: pytest.TempPathFactory) -> Project:
    return _site(tmp_path_factory.mktemp("rawhtml") / "proj", raw_html=True)


def test_hostile_markup_is_removed_from_the_page(page_site: Project) -> None:
    html = (page_site.site / "objections/talk/index.html").read_text(encoding="utf-8")
    content = [e for e in scan_html(html).elements if e.in_content]
    for element in content:
        for name, value in element.attrs:
            assert not name.startswith("on"), element
            assert not re.match(r"\s*javascript:", value, re.I), element
            if name == "style":
                assert "position" not in value, element
            if name == "class":
                assert "md-dialog" not in value, element
            assert not (name == "id" and value in {"__search", "phish"}), element
        assert element.tag not in {"script", "form", "button"}, element
        assert not (element.tag == "input" and dict(element.attrs).get("type") == "password")
    assert MARK not in "".join(scan_html(html).scripts)
    assert 'data-pagefind-meta="url:' not in html


def test_markup_of_our_extensions_survives(page_site: Project) -> None:
    article = page_site.content("objections/talk/")
    assert article.select_one(".admonition.tip .admonition-title").get_text() == "先认同"
    assert len(article.select(".tabbed-set input[type=radio]")) == 2
    assert [label.get_text() for label in article.select(".tabbed-labels label")] == [
        "电话",
        "面谈",
    ]
    assert article.select_one("table th").get("style") == "text-align:left"
    assert len(article.select("li.task-list-item input[type=checkbox][disabled]")) == 2
    kept = article.select_one("p.highlight-me#keep-id")
    assert kept is not None and "普通段落" in kept.get_text()
    assert article.select_one("h2 a.headerlink")  # permalinks of the toc extension


def test_raw_html_option_publishes_the_page_unsanitised(raw_site: Project) -> None:
    article = raw_site.content("objections/talk/")
    assert article.select_one("script") is not None
    assert article.select_one("form#phish") is not None
    assert article.select_one("p[onmouseover]") is not None  # attr_list applied (control)
    assert article.select_one("h2[data-pagefind-meta^='url:javascript:']") is not None


@pytest.fixture(scope="module")
def page_urls(page_site: Project, raw_site: Project) -> Iterator[tuple[str, str]]:
    from browser import serve_dir

    with serve_dir(page_site.site) as safe, serve_dir(raw_site.site) as raw:
        yield safe, raw


def _listen(page: Any) -> list[str]:
    fired: list[str] = []
    page.on("dialog", lambda d: (fired.append(f"dialog {d.message}"), d.dismiss()))
    page.on("console", lambda m: fired.append(m.text) if MARK in m.text else None)
    return fired


@pytest.mark.browser
def test_no_script_runs_and_nothing_overlays_the_page(
    page_urls: tuple[str, str], browser_context: Any
) -> None:
    safe, _ = page_urls
    page = browser_context.new_page()
    page.set_viewport_size({"width": 1280, "height": 900})
    fired = _listen(page)
    page.goto(safe + "objections/talk/", wait_until="load")
    page.hover("text=悬停这里")
    page.click("text=点我")
    page.wait_for_timeout(200)
    assert fired == []
    assert page.url.startswith(safe)
    # Nothing from the content covers the page: the element in the middle of the screen
    # belongs to the article's ordinary flow, and no content element is fixed.
    fixed = page.evaluate(
        """() => [...document.querySelectorAll('article *')]
             .filter(e => ['fixed', 'absolute'].includes(getComputedStyle(e).position)
                          && e.getBoundingClientRect().width > 300)
             .map(e => e.outerHTML.slice(0, 80))"""
    )
    assert fixed == []
    assert page.locator("text=OVERLAY").count() == 1  # the text is there, as text in flow
    assert page.evaluate("document.getElementById('__search').tagName") == "INPUT"


@pytest.mark.browser
def test_a_search_result_links_only_to_a_same_origin_page(
    page_urls: tuple[str, str], browser_context: Any
) -> None:
    """Even with raw HTML allowed, a result's metadata URL cannot run script."""
    for base in page_urls:
        page = browser_context.new_page()
        fired = _listen(page)
        page.goto(base, wait_until="load")
        page.wait_for_selector("#pb-search-input", state="visible")
        page.fill("#pb-search-input", "哈密瓜")
        link = page.locator(".pb-search__link").first
        link.wait_for(timeout=30000)
        href = link.get_attribute("href") or ""
        assert urljoin(base, href).startswith(base), href  # same origin, under the site
        assert not href.lower().startswith(("javascript:", "data:")), href
        link.click()
        page.wait_for_load_state("load")
        page.wait_for_timeout(200)
        assert page.url.startswith(base + "objections/talk/"), page.url
        assert [f for f in fired if "meta" in f or "link" in f] == []
        page.close()
