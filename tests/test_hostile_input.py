"""Hostile and accidental input: limits from mkdocs.yml, encodings, file-system tricks."""

from __future__ import annotations

import os
import tracemalloc
from pathlib import Path

import pytest
from conftest import CASE, MKDOCS_YML, OBJECTION, Project
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, PluginError
from playbook.ingest.yamlsource import Limits, SourceError, parse_document

ALIAS_BOMB = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{n}: &{n} [" + ", ".join([f"*{p}"] * 10) + "]\n"
    for p, n in zip("abcdefgh", "bcdefghi", strict=True)
)


def with_options(project: Project, options: str) -> None:
    """Configure the playbook plugin in the project's mkdocs.yml (and keep MkDocs' own tags)."""
    project.write(
        "mkdocs.yml",
        MKDOCS_YML.replace("  - playbook\n", "  - playbook:\n" + options)
        + "  - pymdownx.emoji:\n"
        + "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
        + "      emoji_generator: !!python/name:material.extensions.emoji.to_svg\n",
    )


def mkdocs_error(project: Project) -> str:
    """Run the MkDocs plugin itself (as `mkdocs build` does); return its error."""
    config = load_config(str(project.root / "mkdocs.yml"), site_dir=str(project.root / "out"))
    with pytest.raises(Abort) as caught:
        mkdocs_build(config)
    assert isinstance(caught.value.__context__, PluginError)
    return str(caught.value.__context__)


LIMIT_CASES = [
    pytest.param(
        "max_file_bytes",
        2000,
        20000,
        {"cases/big.yaml": CASE.replace("旺季订单翻倍", "旺季订单翻倍" + "很" * 700)},
        "cases/big.yaml:1:1: file is {size:,} bytes, over the limit of 2,000",
        id="max_file_bytes",
    ),
    pytest.param(
        "max_depth",
        2,
        3,
        {},
        "cases/sorting-case.yaml:18:5: nesting deeper than 2 levels",
        id="max_depth",
    ),
    pytest.param(
        "max_values",
        500,
        5000,
        {"content/objections/bomb.yaml": "\n".join(ALIAS_BOMB.splitlines()[:3])},
        "content/objections/bomb.yaml:3:20: file holds more than 500 values",
        id="max_values",
    ),
    pytest.param(
        "max_records", 5, 6, {}, "cases:1:1: 6 records, over the limit of 5", id="max_records"
    ),
]


@pytest.mark.parametrize(("name", "low", "high", "files", "expected"), LIMIT_CASES)
def test_each_limit_is_set_in_mkdocs_yml_and_honoured_by_check_and_build(
    project: Project, name: str, low: int, high: int, files: dict[str, str], expected: str
) -> None:
    for rel, text in files.items():
        project.write(rel, text)
    with_options(project, f"      limits:\n        {name}: {low}\n")
    code, out = project.check()
    assert code == 1
    big = project.root / "cases/big.yaml"
    wanted = expected.format(size=big.stat().st_size if big.exists() else 0)
    assert wanted in out, out
    assert f"limits.{name}" in out or name == "max_values"
    code, build_out = project.build()
    assert code == 1 and wanted in build_out, build_out
    assert not project.site.exists()
    # mkdocs build speaks the site's language (zh): the same problem, in Chinese.
    _, zh_out = project.run("check", "--lang", "zh")
    where = wanted.split(": ", 1)[0] + ": "
    zh_line = next(line for line in zh_out.splitlines() if line.startswith(where))
    assert zh_line in mkdocs_error(project)
    # Raising the limit in mkdocs.yml is the documented way out.
    with_options(project, f"      limits:\n        {name}: {high}\n")
    code, out = project.check()
    if name == "max_values":  # the bomb is still an invalid case file, but not over the limit
        assert "values (YAML aliases included)" not in out
        assert "content/objections/bomb.yaml:1:1: unknown field 'a'" in out
    else:
        assert code == 0, out


def test_freshness_days_from_mkdocs_yml_is_honoured_by_check(project: Project) -> None:
    with_options(project, "      freshness_days: 30\n")
    code, out = project.check()
    assert code == 0, out
    assert (
        "cases/sorting-case.yaml:27:11: warning: last reviewed 2026-10-01, 57 days ago "
        "(older than the 30-day freshness window)"
    ) in out


@pytest.mark.parametrize(("value", "warned"), [("30", True), (None, False)])
def test_env_tag_in_mkdocs_yml_is_read_as_mkdocs_reads_it(
    project: Project, monkeypatch: pytest.MonkeyPatch, value: str | None, warned: bool
) -> None:
    """``!ENV [VAR, default]``: the variable's value (typed as YAML), else the default."""
    if value is None:
        monkeypatch.delenv("PLAYBOOK_FRESHNESS", raising=False)
    else:
        monkeypatch.setenv("PLAYBOOK_FRESHNESS", value)
    with_options(project, "      freshness_days: !ENV [PLAYBOOK_FRESHNESS, 180]\n")
    code, out = project.check()
    assert code == 0, out
    assert ("older than the 30-day freshness window" in out) is warned, out


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (
            "      limits:\n        max_depth: 0\n",
            "mkdocs.yml:1:1: playbook option 'limits.max_depth' must be a whole number ≥ 1, got 0",
        ),
        (
            "      limits:\n        max_dept: 5\n",
            "mkdocs.yml:1:1: unknown playbook option 'limits.max_dept'",
        ),
    ],
)
def test_bad_limit_options_are_reported_by_check_and_build(
    project: Project, options: str, message: str
) -> None:
    with_options(project, options)
    code, out = project.check()
    assert code == 1 and message in out, out
    code, out = project.build()
    assert code == 1 and message in out, out


def test_alias_bomb_is_rejected_early_and_in_little_memory() -> None:
    """10^9 values if expanded; rejected after the limit with a few MB at most."""
    tracemalloc.start()
    try:
        with pytest.raises(SourceError) as caught:
            parse_document(ALIAS_BOMB, "bomb.yaml", Limits())
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert "more than 20,000 values" in caught.value.problem.format("en")
    assert "文件里的值超过 20,000 个" in str(caught.value)
    assert peak < 5_000_000


def test_record_count_limit_counts_every_kind(project: Project) -> None:
    for i in range(3):
        project.write(f"content/objections/extra-{i}.yaml", OBJECTION.replace("价格高", f"价格{i}"))
    with_options(project, "      limits:\n        max_records: 8\n")
    code, out = project.check()
    assert code == 1
    assert "cases:1:1: 9 records, over the limit of 8" in out


# --- encodings --------------------------------------------------------------------


def only_problem(project: Project) -> str:
    code, out = project.check()
    lines = out.splitlines()[:-1]
    assert code == 1 and len(lines) == 1, out
    return lines[0]


def test_gb18030_file_names_the_encoding(project: Project) -> None:
    # 𠀀 (U+20000) exists in GB18030 but not in GBK: a four-byte sequence.
    project.write("cases/sorting-case.yaml", CASE.replace("华东", "华东𠀀").encode("gb18030"))
    line = only_problem(project)
    assert line.startswith("cases/sorting-case.yaml:1:8: file is not valid UTF-8 (byte 0x")
    assert "it looks like GBK/GB18030" in line
    assert "re-save it as 'UTF-8'" in line


def test_encoding_error_points_at_the_first_bad_line(project: Project) -> None:
    # every line before region is UTF-8; only region's value is GBK
    raw = CASE.encode("utf-8").replace("华东".encode(), "华东".encode("gbk"))
    project.write("cases/sorting-case.yaml", raw)
    assert only_problem(project).startswith("cases/sorting-case.yaml:7:11: file is not valid UTF-8")


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_and_without_bom_names_the_encoding(project: Project, codec: str) -> None:
    project.write("cases/sorting-case.yaml", CASE.encode(codec))
    assert only_problem(project) == (
        "cases/sorting-case.yaml:1:1: file is saved as UTF-16, not UTF-8 "
        "(re-save it as 'UTF-8' in your editor (Notepad: Save As → Encoding → UTF-8))"
    )


def test_mixed_line_endings_and_bom_are_accepted(project: Project) -> None:
    lines = CASE.split("\n")
    mixed = "".join(line + ("\r\n" if i % 2 else "\n") for i, line in enumerate(lines[:-1]))
    project.write("cases/sorting-case.yaml", b"\xef\xbb\xbf" + mixed.encode("utf-8"))
    code, out = project.check()
    assert code == 0, out
    # Positions still match what an editor shows.
    project.write("cases/sorting-case.yaml", mixed.replace("tier: a", "tier: zz").encode("utf-8"))
    assert only_problem(project).startswith("cases/sorting-case.yaml:11:7: unknown tier 'zz'")


def test_tab_in_list_indentation_is_named(project: Project) -> None:
    project.edit("cases/sorting-case.yaml", "  - sorting-efficiency", "\t- sorting-efficiency")
    line = only_problem(project)
    assert line.startswith("cases/sorting-case.yaml:9:1: a tab character is used for indentation")


def test_control_character_is_located(project: Project) -> None:
    project.edit("cases/sorting-case.yaml", "  region: 华东", "  region: 华\x07东")
    assert only_problem(project) == (
        "cases/sorting-case.yaml:7:12: the file contains the control character U+0007, which "
        "YAML does not allow (delete it; it is invisible in most editors and usually comes "
        "from copy and paste)"
    )


def test_problem_quoting_content_stays_on_one_line(project: Project) -> None:
    project.edit("cases/sorting-case.yaml", "title:", '"ti\\ntle":')
    assert only_problem(project).startswith("cases/sorting-case.yaml:1:1: unknown field 'ti\\ntle'")


# --- file system --------------------------------------------------------------------


def allow_symlinks(project: Project) -> None:
    """Opt in to symbolic links (refused by default; see test_publish.py)."""
    project.edit("mkdocs.yml", "  - playbook\n", "  - playbook:\n      allow_symlinks: true\n")


@pytest.mark.parametrize(
    "folder", ["cases", "content/objections", "content/industries", "content/guides"]
)
def test_symlinked_file_outside_the_project_is_refused(
    project: Project, tmp_path: Path, folder: str
) -> None:
    allow_symlinks(project)
    outside = tmp_path / "outside.yaml"
    outside.write_text(CASE, encoding="utf-8")
    (project.root / folder).mkdir(parents=True, exist_ok=True)
    (project.root / folder / "linked.yaml").symlink_to(outside)
    assert only_problem(project) == (
        f"{folder}/linked.yaml:1:1: symbolic link points outside the project "
        "(copy the file in instead)"
    )


def test_symlinked_folder_outside_the_project_is_refused(project: Project, tmp_path: Path) -> None:
    allow_symlinks(project)
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "stolen-case.yaml").write_text(CASE, encoding="utf-8")
    (project.root / "cases" / "more").symlink_to(outside, target_is_directory=True)
    assert only_problem(project) == (
        "cases/more:1:1: symbolic link to a folder outside the project (copy the folder in instead)"
    )


def test_symlinked_markdown_page_outside_the_project_is_refused(
    project: Project, tmp_path: Path
) -> None:
    allow_symlinks(project)
    secret = tmp_path / "secret.md"
    secret.write_text("# 机密\n\nSECRET-PAGE-MARKER\n", encoding="utf-8")
    code, out = project.build()
    assert code == 0, out
    (project.root / "content" / "leak.md").symlink_to(secret)
    assert only_problem(project) == (
        "content/leak.md:1:1: symbolic link points outside the project (copy the file in instead)"
    )
    code, out = project.build()
    assert code == 1
    assert "SECRET-PAGE-MARKER" not in project.site_text()
    assert "content/leak.md" in mkdocs_error(project)


def test_symlink_inside_the_project_is_fine(project: Project) -> None:
    allow_symlinks(project)
    project.write("shared/extra.md", "# 附加\n\n内部链接。\n")
    (project.root / "content" / "extra.md").symlink_to(project.root / "shared" / "extra.md")
    code, out = project.check()
    assert code == 0, out


@pytest.mark.parametrize(
    "name", ["Bad_Name", "UPPER", "中文案例", "has space", "-leading", "double--hyphen", "dot.name"]
)
def test_file_names_that_are_not_ids_are_reported(project: Project, name: str) -> None:
    project.write(f"cases/{name}.yaml", CASE)
    assert only_problem(project).startswith(f"cases/{name}.yaml:1:1: '{name}' is not a valid id")


@pytest.mark.parametrize(
    "name",
    [
        ".#sorting-case.yaml",
        "sorting-case.yaml~",
        ".DS_Store",
        "sorting-case.yaml.swp",
        ".sorting-case.yaml.swp",
        "#sorting-case.yaml#",
        "Thumbs.db",
    ],
)
def test_hidden_and_editor_backup_files_are_ignored_and_never_published(
    project: Project, name: str
) -> None:
    junk = f"garbage: [\nprivate: JUNK-MARKER-{name}\n"
    project.write(f"cases/{name}", junk)
    project.write(f"content/objections/{name}", junk)
    project.write(f"content/{name}", junk)
    code, out = project.check()
    assert code == 0, out
    code, out = project.build()
    assert code == 0, out
    assert "JUNK-MARKER" not in project.site_text()
    assert not [p for p in project.site.rglob("*") if p.name == name]


def test_emacs_lock_file_as_dangling_symlink_is_ignored(project: Project) -> None:
    # Emacs writes .#name as a symlink to "user@host.pid", which does not exist.
    os.symlink("someone@host.1234:1700000000", project.root / "cases" / ".#sorting-case.yaml")
    code, out = project.check()
    assert code == 0, out


# --- regressions found by the fuzz tests ----------------------------------------------


def test_control_character_after_a_lone_cr_is_located_on_the_next_line() -> None:
    # YAML counts a lone CR as a line break; the position once ignored it.
    with pytest.raises(SourceError) as caught:
        parse_document("\r\x1f", "f.yaml", Limits())
    problem = caught.value.problem
    assert (problem.line, problem.column) == (2, 1)
    assert "control character U+001F" in problem.text("en")
    assert "控制字符 U+001F" in problem.text()


def test_lone_surrogate_in_text_is_a_problem_not_a_crash() -> None:
    # parse_document takes str; a lone surrogate made the C parser raise UnicodeEncodeError.
    with pytest.raises(SourceError) as caught:
        parse_document("a: \ud800", "f.yaml", Limits())
    assert caught.value.problem.format("en") == "f.yaml:1:1: text is not valid Unicode"
    assert caught.value.problem.format() == "f.yaml:1:1: 文字不是有效的 Unicode"


@pytest.mark.parametrize("value", ["1", "true", "2026-01-01", "2.5"])
def test_results_that_are_not_a_list_is_a_problem_not_a_crash(project: Project, value: str) -> None:
    # check_result_values iterated `results` before checking it was a list (TypeError).
    text = CASE.split("results:")[0] + f"results: {value}\n" + "owner: x\nreviewed: 2026-10-01\n"
    project.write("cases/sorting-case.yaml", text)
    line = only_problem(project)
    assert line.startswith("cases/sorting-case.yaml:17:10: 'results' must be a list, got ")
