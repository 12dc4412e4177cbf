"""Lists generated from the taxonomy on hand-written pages (``<!-- playbook:list … -->``)."""

from __future__ import annotations

import yaml
from conftest import Project
from playbook.ingest.pagemarkers import LISTS

PAGE = """\
# 指南

可选的行业：

<!-- playbook:list industries -->
指标：
<!-- playbook:list metrics -->

!!! tip "痛点"
    <!-- playbook:list pain_points -->

写法示例（不会被替换）：

```markdown
<!-- playbook:list stages -->
```

<!--playbook:list tiers-->
<!-- playbook:list objections -->
<!-- playbook:list company_sizes -->
<!-- playbook:list objection_categories -->
<!-- playbook:list stages -->
"""


def _items(p: Project, heading_text: str) -> list[str]:
    """The list items following the paragraph ``heading_text`` on the built guide page."""
    page = p.content("/guides/lists/")
    paragraph = next(node for node in page.select("p") if node.get_text() == heading_text)
    listing = paragraph.find_next_sibling("ul")
    assert listing is not None
    return [li.get_text(" ", strip=True) for li in listing.select("li")]


def test_markers_become_lists_with_links_to_the_records(project: Project) -> None:
    project.write("content/guides/lists.md", PAGE)
    project.edit("mkdocs.yml", "  - md_in_html\n", "  - md_in_html\n  - admonition\n")
    code, out = project.build("--strict")
    assert code == 0, out
    page = project.content("/guides/lists/")
    taxonomy = yaml.safe_load(project.read("content/taxonomy.yaml"))

    industries = {
        a.get_text(): a["href"] for a in page.select("ul")[0].select("a[href]")
    }  # the first list on the page
    assert industries == {
        "电商卖家": "../../industries/ecommerce/",
        "仓储物流": "../../industries/warehousing/",
    }
    assert _items(project, "可选的行业：") == ["ecommerce — 电商卖家", "warehousing — 仓储物流"]
    # A marker right under a paragraph line still becomes a list of its own.
    metrics = [
        f"{m['id']} — {m['label']}（{m['unit']}，{'越高越好' if m['better'] == 'up' else '越低越好'}）"
        for m in taxonomy["metrics"]
    ]
    assert _items(project, "指标：") == metrics
    tip = page.select_one(".admonition")
    assert tip is not None
    pains = {a.get_text(): a["href"] for a in tip.select("li a[href]")}
    assert pains == {t["label"]: f"../../pain-points/{t['id']}/" for t in taxonomy["pain_points"]}
    code_block = page.select_one("pre")
    assert code_block is not None and "<!-- playbook:list stages -->" in code_block.get_text()
    text = page.get_text(" ", strip=True)
    for term in taxonomy["stages"] + taxonomy["company_sizes"]:
        assert f"{term['id']} — {term['label']}" in text
    for tier in taxonomy["tiers"]:
        assert f"{tier['id']} — {tier['label']}（{tier['cadence']}）" in text
    for ident in ("price-too-high", "no-time"):
        assert page.select_one(f'a[href="../../objections/{ident}/"]') is not None
    html = page.decode()
    assert html.count("playbook:list") == 1  # only the one shown in the code block


def test_a_new_taxonomy_term_appears_in_the_list_without_editing_the_page(
    project: Project,
) -> None:
    project.write("content/guides/lists.md", PAGE)
    project.edit(
        "content/taxonomy.yaml",
        "metrics:\n",
        'metrics:\n  - {id: spoilage-rate, label: 货损率, unit: "%", better: down}\n',
    )
    assert project.build("--strict")[0] == 0
    assert _items(project, "指标：")[0] == "spoilage-rate — 货损率（%，越低越好）"


def test_content_in_a_list_is_text_not_markup(project: Project) -> None:
    project.write("content/guides/lists.md", PAGE)
    project.edit(
        "content/industries/ecommerce.yaml",
        "name: 电商卖家",
        'name: "电商 *卖家* [x](javascript:alert(1)) <b>粗</b> {{ 7*7 }}"',
    )
    assert project.build("--strict")[0] == 0
    items = _items(project, "可选的行业：")
    assert items[0] == "ecommerce — 电商 *卖家* [x](javascript:alert(1)) <b>粗</b> {{ 7*7 }}"
    first = project.content("/guides/lists/").select("ul")[0]
    assert first.select("em, b, script") == []


def test_an_unknown_marker_is_a_located_error(project: Project) -> None:
    project.write(
        "content/guides/lists.md",
        "# 指南\n\n```\n<!-- playbook:list nothing -->\n```\n\n"
        "  <!-- playbook:list industry -->\n<!-- playbook:lists stages -->\n",
    )
    code, out = project.check()
    assert code == 1
    names = ", ".join(LISTS)
    assert out.splitlines()[:2] == [
        "content/guides/lists.md:7:3: unknown list marker <!-- playbook:list industry -->: "
        "it generates no list (write <!-- playbook:list NAME --> on a line of its own; "
        f"NAME is one of: {names})",
        "content/guides/lists.md:8:1: unknown list marker <!-- playbook:lists stages -->: "
        "it generates no list (write <!-- playbook:list NAME --> on a line of its own; "
        f"NAME is one of: {names})",
    ]
    project.lang = None
    code, out = project.check()
    assert out.startswith(
        "content/guides/lists.md:7:3: 未知的列表标记 <!-- playbook:list industry -->：它不会生成任何列表"
        " (写成 <!-- playbook:list 列表名 -->，单独占一行；列表名是其中之一："
    ), out
    code, out = project.build()
    assert code == 1 and "content/guides/lists.md:7:3:" in out
