"""Private data never reaches any built file; personal data in published fields is refused."""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
import yaml
from conftest import TAXONOMY as TAXONOMY_YAML
from conftest import TODAY, Project
from hostile_site import SPECS, _templates
from playbook.core.privacy import find_personal_data
from playbook.core.schema import TAXONOMY, Spec
from playbook.ingest.load import Settings, load_project
from sitescan import file_texts

MARKERS = ["PRIVATE-MARKER-7f3a9", "客户真名私密标记", "13987654321", "secret.boss@example.com"]


def _private_block(rel: str) -> str:
    return (
        "private:\n"
        f"  name: {MARKERS[0]}-{rel}\n"
        f"  real_name: {MARKERS[1]}\n"
        "  contacts:\n"
        f"    - {{role: 财务总监, phone: '{MARKERS[2]}', mail: {MARKERS[3]}}}\n"
        f"    - [{MARKERS[0]}-list, {{deep: {{deeper: {MARKERS[0]}-deep}}}}]\n"
        "  crm:\n"
        "    notes: |\n"
        f"      多行备注 {MARKERS[0]}-block\n"
        f"    id_number: '110101199003074514'\n"
    )


RECORDS = [
    "cases/sorting-case.yaml",
    "cases/turnover-case.yaml",
    "content/objections/price-too-high.yaml",
    "content/objections/no-time.yaml",
    "content/industries/warehousing.yaml",
    "content/industries/ecommerce.yaml",
]


def test_private_data_of_every_kind_never_reaches_any_built_file(project: Project) -> None:
    project.write(
        "mkdocs.yml",
        "site_url: https://playbook.corp.example/\n"  # the sitemap lists pages only with a site_url
        + project.read("mkdocs.yml").replace("plugins:\n", "plugins:\n  - search\n"),
    )
    for rel in RECORDS:
        project.write(rel, project.read(rel) + _private_block(rel))
    code, out = project.build()
    assert code == 0, out
    texts: dict[str, list[str]] = {}
    for rel, text in file_texts(project.site):
        texts.setdefault(rel, []).append(text)
        for marker in MARKERS:
            assert marker not in text, (rel, marker)
        assert "110101199003074514" not in text, rel
    # The scan covered the places a leak would hide, and it does find text there.
    assert {"404.html", "sitemap.xml", "sitemap.xml.gz", "search/search_index.json"} <= set(texts)
    assert any("cases/sorting-case/" in t for t in texts["sitemap.xml.gz"][1:])  # decompressed
    # Material segments Chinese with zero-width spaces when jieba is installed.
    assert any("分拣效率提升" in t.replace("\u200b", "") for t in texts["search/search_index.json"])


def test_scan_reads_gzip_and_pagefind_chunks(tmp_path: Any) -> None:
    """The leak scan decompresses gzip (sitemap.xml.gz, Pagefind's *.pf_* chunks)."""
    import gzip

    site = tmp_path / "site"
    (site / "pagefind" / "fragment").mkdir(parents=True)
    (site / "pagefind" / "fragment" / "en_1a2b.pf_fragment").write_bytes(
        gzip.compress(b"pagefind_dcd" + MARKERS[1].encode())
    )
    (site / "data.json").write_text(
        '{"x": "\\u5ba2\\u6237\\u771f\\u540d\\u79c1\\u5bc6\\u6807\\u8bb0"}'
    )
    found = {rel for rel, text in file_texts(site) if MARKERS[1] in text}
    assert found == {"pagefind/fragment/en_1a2b.pf_fragment", "data.json"}


# --- the personal-data check ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("联系 13812345678", "personal.mobile"),
        ("电话：13812345678。", "personal.mobile"),
        ("+86 138 1234 5678", "personal.mobile"),
        ("+86-13812345678", "personal.mobile"),
        ("8613812345678", "personal.mobile"),
        ("138-1234-5678", "personal.mobile"),
        ("138 1234 5678", "personal.mobile"),
        ("邮箱 wang.li@example.com.cn", "personal.email"),
        ("x+tag@sub.example.org", "personal.email"),
        ("身份证 110101199003074514", "personal.resident_id"),
        ("11010519491231002X", "personal.resident_id"),
        ("11010519491231002x", "personal.resident_id"),
    ],
)
def test_personal_data_patterns(text: str, kind: str) -> None:
    found = find_personal_data(text)
    assert found is not None and found.kind == kind


@pytest.mark.parametrize(
    "text",
    [
        "订单号 202611270001234",  # an order number: 15 digits
        "单号 13812345678901",  # 14 digits that start like a mobile number
        "报价 13800元，折后 13,800 元",  # prices
        "¥1380000",
        "2026-11-27 签约，20261127 回款",  # dates
        "转化率提升 13.8%，毛利 38.5%",  # percentages
        "12345678901234567890",  # a long digit string
        "110101199003074515",  # a resident-ID number with a wrong checksum
        "110101199013074514",  # month 13
        "版本 1.3812345678",  # a decimal, not a phone number
        "负责人 @alice，座机 010-12345678",  # a code-host handle and a landline
        "user@localhost",
    ],
)
def test_personal_data_false_positives(text: str) -> None:
    assert find_personal_data(text) is None


def _text_paths(spec: Spec, value: Any, at: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every free-text leaf (path into ``value``) that the spec publishes."""
    if not spec.published:
        return
    if spec.kind in {"text", "markdown", "markdown_or_list"} and spec.enum is None:
        if at and at[-1] != "id":
            yield at
        return
    if spec.kind == "list" and spec.item is not None and isinstance(value, list):
        yield from _text_paths(spec.item, value[0], (*at, 0))
    if spec.kind == "object" and isinstance(value, dict):
        for key, item in value.items():
            yield from _text_paths(spec.fields[key], item, (*at, key))


def _set(data: Any, at: tuple[Any, ...], value: Any) -> Any:
    data = copy.deepcopy(data)
    target = data
    for part in at[:-1]:
        target = target[part]
    target[at[-1]] = value
    return data


FILES = {
    "case": "cases/sorting-case.yaml",
    "objection": "content/objections/price-too-high.yaml",
    "industry": "content/industries/warehousing.yaml",
}


def _field_cases() -> Iterator[Any]:
    templates = _templates()
    for kind, spec in SPECS.items():
        for at in _text_paths(spec, templates[kind]):
            yield pytest.param(
                FILES[kind], templates[kind], at, id=f"{kind}:{'.'.join(map(str, at))}"
            )
    taxonomy = yaml.safe_load(TAXONOMY_YAML)
    for at in _text_paths(TAXONOMY, taxonomy):
        yield pytest.param(
            "content/taxonomy.yaml", taxonomy, at, id=f"taxonomy:{'.'.join(map(str, at))}"
        )


FIELD_CASES = list(_field_cases())


def test_every_published_text_field_is_checked() -> None:
    names = {p.id for p in FIELD_CASES}
    # a sample of the fields the walk must reach, from each kind and nesting level
    assert {
        "case:customer.region",
        "case:results.0.period",
        "case:quote.by",
        "case:owner",
        "objection:aliases.0",
        "objection:responses.0.script",
        "objection:value_table.0.customer_value",
        "industry:pain_points.0.scenario",
        "industry:decision_chain",
        "industry:discovery_questions.0.question",
        "taxonomy:pain_points.0.label",
        "taxonomy:tiers.0.cadence",
        "taxonomy:metrics.0.unit",
    } <= names
    assert len(FIELD_CASES) >= 35


@pytest.mark.parametrize(("rel", "template", "at"), FIELD_CASES)
def test_personal_data_in_any_published_field_is_refused(
    project: Project, rel: str, template: Any, at: tuple[Any, ...]
) -> None:
    data = _set(template, at, "请联系 +86 139 8765 4321 跟进")
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    project.write(rel, text)
    result = load_project(Settings(project.root, today=dt.date.fromisoformat(TODAY)))
    line = next(i for i, row in enumerate(text.splitlines(), 1) if "139 8765 4321" in row)
    name = next((p for p in reversed(at) if isinstance(p, str)), "")
    found = [p for p in result.problems if p.message.code == "field.personal"]
    assert [(p.path, p.line) for p in found] == [(rel, line)], result.problems
    assert "a mobile phone number" in found[0].text("en") and name in found[0].text("en")
    assert "含有手机号（139****4321）；个人信息不能公开发布" in found[0].text()


def test_example_site_holds_only_files_on_the_allow_list(example_site: Project) -> None:
    from sitescan import outside_allowlist

    assert outside_allowlist(example_site.site) == []
