"""One deliberately bad file per rule of the content model: exact position and message."""

from __future__ import annotations

import json

import pytest
from conftest import CASE, Project


def problems(project: Project) -> list[str]:
    code, out = project.check()
    lines = [line for line in out.splitlines() if not line.startswith(("✓", "✗"))]
    assert code == (1 if any(": warning:" not in line for line in lines) else 0), out
    return lines


def test_valid_fixture_passes(project: Project) -> None:
    code, out = project.check()
    assert code == 0, out
    assert "✓ 2 cases, 2 objections, 2 industries valid" in out


def test_unknown_field_with_did_you_mean(project: Project) -> None:
    project.edit("cases/sorting-case.yaml", "title:", "titel:")
    assert problems(project) == [
        "cases/sorting-case.yaml:1:1: unknown field 'titel' (did you mean 'title'?)"
    ]


def test_missing_required_nested_field(project: Project) -> None:
    project.edit("cases/sorting-case.yaml", "  alias: 某仓储公司\n", "")
    assert problems(project) == [
        "cases/sorting-case.yaml:4:3: missing required field 'alias' in 'customer' "
        "(add it, e.g. alias: 某建材公司)"
    ]


def test_unknown_reference_lists_close_match(project: Project) -> None:
    project.edit("cases/sorting-case.yaml", "  - sorting-efficiency", "  - sorting-eficiency")
    assert problems(project) == [
        "cases/sorting-case.yaml:9:5: unknown pain point 'sorting-eficiency' "
        "(did you mean 'sorting-efficiency'?)"
    ]


def test_unknown_reference_lists_valid_ids(project: Project) -> None:
    project.edit("cases/sorting-case.yaml", "industry: warehousing", "industry: zzz")
    assert problems(project) == [
        "cases/sorting-case.yaml:5:13: unknown industry 'zzz' "
        "(valid industry ids: ecommerce, warehousing)"
    ]


def test_reference_to_missing_case_in_proof(project: Project) -> None:
    project.edit(
        "content/objections/price-too-high.yaml", "proof: [turnover-case]", "proof: [nope]"
    )
    assert problems(project) == [
        "content/objections/price-too-high.yaml:16:9: unknown case 'nope' "
        "(valid case ids: sorting-case, turnover-case)"
    ]


def test_wrong_type(project: Project) -> None:
    project.edit("cases/sorting-case.yaml", "stages: [discovery]", "stages: discovery")
    assert problems(project) == [
        "cases/sorting-case.yaml:10:9: 'stages' must be a list, got text (start each item with '- ')"
    ]


def test_bad_date(project: Project) -> None:
    project.edit("cases/sorting-case.yaml", "reviewed: 2026-10-01", "reviewed: 2026-13-01")
    assert problems(project) == [
        "cases/sorting-case.yaml:27:11: 'reviewed' must be a date written YYYY-MM-DD, "
        "got '2026-13-01' (e.g. 2026-03-31)"
    ]


def test_summary_too_long(project: Project) -> None:
    project.edit("cases/sorting-case.yaml", "summary: 某", "summary: " + "长" * 200 + "某")
    out = problems(project)
    assert out == [
        "cases/sorting-case.yaml:2:10: 'summary' is 223 characters, over the limit of 200 "
        "(shorten it; details belong in the longer fields)"
    ]


def test_empty_list_below_minimum(project: Project) -> None:
    project.edit(
        "cases/sorting-case.yaml", "pain_points:\n  - sorting-efficiency", "pain_points: []"
    )
    assert problems(project) == [
        "cases/sorting-case.yaml:8:14: 'pain_points' needs at least 1 item(s), has 0"
    ]


def test_result_needs_change_or_before_and_after(project: Project) -> None:
    project.edit("cases/turnover-case.yaml", "    after: 7 天\n", "")
    assert problems(project) == [
        "cases/turnover-case.yaml:10:5: result needs 'after' "
        "(write change: '+40%', or before: 15天 and after: 7天)"
    ]


def test_bad_file_name_is_not_an_id(project: Project) -> None:
    project.write("cases/Bad_Name.yaml", CASE)
    assert problems(project) == [
        "cases/Bad_Name.yaml:1:1: 'Bad_Name' is not a valid id "
        "(use lowercase ASCII letters, digits and single hyphens, e.g. 'inventory-cost')"
    ]


def test_explicit_id_must_match_file_name(project: Project) -> None:
    project.write("cases/sorting-case.yaml", "id: other-case\n" + CASE)
    assert problems(project) == [
        "cases/sorting-case.yaml:1:5: id 'other-case' does not match the file name 'sorting-case' "
        "(rename the file to other-case.yaml or change id to 'sorting-case')"
    ]


def test_duplicate_ids_in_subfolders(project: Project) -> None:
    project.write("cases/2025/sorting-case.yaml", CASE)
    assert problems(project) == [
        "cases/sorting-case.yaml:1:1: duplicate case id 'sorting-case' "
        "(also defined in cases/2025/sorting-case.yaml)"
    ]


def test_duplicate_taxonomy_id(project: Project) -> None:
    project.edit("content/taxonomy.yaml", "  - id: tax-compliance", "  - id: cash-flow")
    assert "content/taxonomy.yaml:8:9: duplicate id 'cash-flow' in 'pain_points'" in problems(
        project
    )


def test_bad_taxonomy_id_and_enum(project: Project) -> None:
    project.edit("content/taxonomy.yaml", "category: cost", "category: money")
    assert problems(project) == [
        "content/taxonomy.yaml:4:15: 'money' is not allowed for 'category' "
        "(allowed values: compliance, cost, efficiency, growth, risk)"
    ]


def test_duplicate_key(project: Project) -> None:
    project.write("cases/sorting-case.yaml", CASE + "owner: '@eve'\n")
    assert problems(project) == [
        "cases/sorting-case.yaml:28:1: duplicate key 'owner' (first written on line 26) "
        "(each field may appear only once: delete one or merge the two)"
    ]


def test_yaml_syntax_error(project: Project) -> None:
    project.edit("cases/sorting-case.yaml", "tier: a", "tier: [a")
    out = problems(project)
    assert len(out) == 1 and out[0].startswith("cases/sorting-case.yaml:12:")
    assert "invalid YAML" in out[0]


def test_tab_indentation(project: Project) -> None:
    project.edit("cases/sorting-case.yaml", "  alias:", "\talias:")
    assert problems(project) == [
        "cases/sorting-case.yaml:4:1: a tab character is used for indentation; YAML allows only spaces "
        "(replace tabs with spaces (most editors: 'Convert indentation to spaces'))"
    ]


def test_gbk_file_gets_encoding_error(project: Project) -> None:
    project.write("cases/sorting-case.yaml", CASE.encode("gbk"))
    out = problems(project)
    assert len(out) == 1
    assert out[0].startswith("cases/sorting-case.yaml:1:8: file is not valid UTF-8")
    assert "GBK/GB18030" in out[0] and "UTF-8" in out[0]


def test_utf16_file_gets_encoding_error(project: Project) -> None:
    project.write("cases/sorting-case.yaml", CASE.encode("utf-16"))
    assert problems(project)[0].startswith("cases/sorting-case.yaml:1:1: file is saved as UTF-16")


def test_utf8_bom_and_crlf_are_accepted(project: Project) -> None:
    data = ("\ufeff" + CASE).replace("\n", "\r\n").encode("utf-8")
    project.write("cases/sorting-case.yaml", data)
    code, out = project.check()
    assert code == 0, out


def test_alias_bomb_is_bounded(project: Project) -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    for i, name in enumerate("bcdefghi"):
        prev = "abcdefghi"[i]
        bomb += f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 10) + "]\n"
    project.write("cases/bomb.yaml", bomb)
    out = problems(project)
    assert len(out) == 1
    assert out[0].startswith("cases/bomb.yaml:5:")
    assert "more than 20,000 values (YAML aliases included)" in out[0]


def test_deep_nesting_is_bounded(project: Project) -> None:
    project.write("cases/deep.yaml", "a: " + "[" * 5000 + "]" * 5000 + "\n")
    assert problems(project) == [
        "cases/deep.yaml:1:35: nesting deeper than 32 levels "
        "(flatten the structure, or raise limits.max_depth in mkdocs.yml)"
    ]


def test_huge_file_is_refused(project: Project) -> None:
    project.write("cases/huge.yaml", "title: " + "x" * 1_100_000 + "\n")
    assert problems(project) == [
        "cases/huge.yaml:1:1: file is 1,100,008 bytes, over the limit of 1,000,000 "
        "(split it, or raise limits.max_file_bytes for the playbook plugin in mkdocs.yml)"
    ]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("联系人电话 13812345678", "a mobile phone number (138****5678)"),
        ("邮箱 wang@example.com", "an e-mail address (w***@example.com)"),
        ("身份证 110101199003074514", "a resident-ID number (110101********4514)"),
    ],
)
def test_personal_data_in_published_field(project: Project, text: str, kind: str) -> None:
    project.edit("cases/sorting-case.yaml", "  region: 华东", f"  region: {text}")
    assert problems(project) == [
        f"cases/sorting-case.yaml:7:11: 'region' contains {kind}; personal data must not be published "
        "(move it under 'private:', which is never published)"
    ]


def test_personal_data_under_private_is_fine(project: Project) -> None:
    project.write(
        "cases/sorting-case.yaml", CASE + "private:\n  phone: 13812345678\n  mail: a@b.cn\n"
    )
    code, out = project.check()
    assert code == 0, out


def test_stale_record_is_a_warning_not_an_error(project: Project) -> None:
    project.edit("cases/sorting-case.yaml", "reviewed: 2026-10-01", "reviewed: 2025-01-01")
    code, out = project.check()
    assert code == 0, out
    assert (
        "cases/sorting-case.yaml:27:11: warning: last reviewed 2025-01-01, 695 days ago "
        "(older than the 180-day freshness window)"
    ) in out


def test_placeholder_left_from_scaffold(project: Project) -> None:
    project.edit("cases/sorting-case.yaml", "  region: 华东", "  region: 【待填写】")
    assert problems(project) == [
        "cases/sorting-case.yaml:7:11: 'region' still holds the placeholder 【待填写】 "
        "(replace it with real content)"
    ]


def test_missing_taxonomy(make_project) -> None:  # type: ignore[no-untyped-def]
    project = make_project({"content/taxonomy.yaml": None})
    out = problems(project)
    assert out[-1] == "content/taxonomy.yaml:1:1: file not found (every project needs this file)"


def test_every_problem_in_every_file_in_one_run_sorted(project: Project) -> None:
    project.edit("cases/sorting-case.yaml", "owner:", "ownr:")
    project.edit("content/objections/no-time.yaml", "category: timing", "category: time")
    project.edit("content/industries/ecommerce.yaml", "name:", "nam:")
    out = problems(project)
    files = [line.split(":")[0] for line in out]
    assert files == sorted(files)
    assert len(out) == 3, out


def test_hidden_and_backup_files_are_ignored(project: Project) -> None:
    project.write("cases/.#sorting-case.yaml", "garbage: [")
    project.write("cases/sorting-case.yaml~", "garbage: [")
    project.write("cases/.DS_Store", b"\x00\x01")
    code, out = project.check()
    assert code == 0, out


def test_symlink_outside_project_is_refused(project: Project, tmp_path) -> None:  # type: ignore[no-untyped-def]
    outside = tmp_path / "outside.yaml"
    outside.write_text(CASE, encoding="utf-8")
    (project.root / "cases" / "linked.yaml").symlink_to(outside)
    assert problems(project) == [
        "cases/linked.yaml:1:1: symbolic link refused (copy the file or folder in, "
        "or set allow_symlinks: true for the playbook plugin in mkdocs.yml)"
    ]
    project.edit("mkdocs.yml", "  - playbook\n", "  - playbook:\n      allow_symlinks: true\n")
    assert problems(project) == [
        "cases/linked.yaml:1:1: symbolic link points outside the project (copy the file in instead)"
    ]


def test_check_json_format(project: Project) -> None:
    project.edit("cases/sorting-case.yaml", "title:", "titel:")
    code, out = project.run("check", "--format", "json")
    assert code == 1
    data = json.loads(out)
    assert data[0] == {
        "path": "cases/sorting-case.yaml",
        "line": 1,
        "column": 1,
        "message": "unknown field 'titel'",
        "hint": "did you mean 'title'?",
        "severity": "error",
        "code": "field.unknown",
    }
    # Without --lang: the site's language (zh in the fixture).
    project.lang = None
    data = json.loads(project.run("check", "--format", "json")[1])
    assert (data[0]["message"], data[0]["hint"]) == ("未知字段 'titel'", "是不是要写 'title'？")
