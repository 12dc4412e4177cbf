"""Accepted although meaningless, now refused: tags, invisible titles, bidi, NUL, device names."""

from __future__ import annotations

import pytest
from conftest import CASE, Project


def errors_of(out: str) -> list[str]:
    return [line for line in out.splitlines() if line[:1] not in " ✗✓"]


@pytest.mark.parametrize(
    ("title", "message"),
    [
        ("!!binary aGVsbG8gd29ybGQ=", "2:8: YAML tag !!binary is not allowed in content"),
        ("!secret hello", "2:8: YAML tag !secret is not allowed in content"),
        ("!!python/object:os.system x", "2:8: YAML tag !!python/object:os.system is not allowed"),
        ('"\\u200b\\u200c\\u2060"', "2:8: 'title' looks empty: it holds only invisible characters"),
        ('"abc\\u202Edcba"', "2:8: 'title': text contains a bidi control character (U+202E)"),
        ('"abc\\0def"', "2:8: 'title': text contains a NUL byte"),
    ],
)
def test_meaningless_titles_are_refused(project: Project, title: str, message: str) -> None:
    project.write(
        "cases/new-case.yaml", CASE.replace("title: 分拣效率提升 40%", f"\ntitle: {title}")
    )
    code, out = project.check()
    assert code == 1
    assert errors_of(out)[0].startswith(f"cases/new-case.yaml:{message}"), out
    code, out = project.build()
    assert code == 1 and "b'hello world'" not in out


def test_custom_tag_on_a_mapping_is_refused(project: Project) -> None:
    project.write("cases/new-case.yaml", CASE.replace("customer:", "customer: !obj"))
    code, out = project.check()
    assert code == 1
    assert "cases/new-case.yaml:3:11: YAML tag !obj is not allowed in content" in out


@pytest.mark.parametrize("ident", ["con", "nul", "aux", "com1", "lpt9", "prn"])
def test_windows_device_names_are_refused_as_ids(project: Project, ident: str) -> None:
    project.write(f"cases/{ident}.yaml", CASE)
    code, out = project.check()
    assert code == 1
    assert f"cases/{ident}.yaml:1:1: id '{ident}' is a reserved device name on Windows" in out


def test_long_ids_are_refused_before_the_build_needs_the_file_name(project: Project) -> None:
    long = "a" * 300
    project.edit("content/taxonomy.yaml", "  - id: tax-compliance", f"  - id: {long}")
    code, out = project.check()
    assert code == 1
    assert "content/taxonomy.yaml:8:9: id is 300 characters, over the limit of 100" in out
    code, out = project.build()
    assert code == 1 and "File name too long" not in out


def test_bidi_override_in_a_hand_written_page(project: Project) -> None:
    project.write("content/guides/x.md", "# 标题\n\n价格\u202e便宜\n")
    code, out = project.check()
    assert code == 1
    assert "content/guides/x.md:3:3: text contains a bidi control character (U+202E)" in out
