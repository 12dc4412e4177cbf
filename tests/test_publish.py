"""Publishing by allow-list: only pages, records and allowed asset types reach site/."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import CASE, Project
from sitescan import outside_allowlist

SECRET = "PRIVATE-LEFTOVER-MARKER-51c"
PRIVATE_RECORD = CASE + f"private:\n  real_name: {SECRET}\n"


def options(project: Project, text: str) -> None:
    """Set playbook plugin options in the project's mkdocs.yml."""
    project.edit("mkdocs.yml", "  - playbook\n", "  - playbook:\n" + text)


def problems(out: str) -> list[str]:
    return [line for line in out.splitlines() if ":1:1: " in line]


LEFTOVERS = [
    "content/objections/p.yaml.old",
    "content/objections/p.yaml.rej",
    "content/objections/p.yaml.save",
    "content/objections/p.yaml___jb_old___",
    "cases/sorting-case.yaml.orig",
    "content/guides/page.md.bak",
]


def test_editor_leftovers_are_warned_about_and_never_published(project: Project) -> None:
    for rel in LEFTOVERS:
        project.write(rel, PRIVATE_RECORD)
    code, out = project.check()
    assert code == 0, out
    for rel in LEFTOVERS:
        assert f"{rel}:1:1: warning: editor leftover ignored (never published)" in out, rel
    code, out = project.build("--strict")
    assert code == 0, out
    assert SECRET not in project.site_text()
    names = {p.name for p in project.site.rglob("*")}
    assert not names & {Path(rel).name for rel in LEFTOVERS}


@pytest.mark.parametrize(
    ("rel", "message"),
    [
        ("content/guides/notes.txt", "'.txt' files are not published from content/"),
        ("content/data.csv", "'.csv' files are not published from content/"),
        ("content/objections/export.json", "'.json' files are not published from content/"),
        ("content/guides/LICENSE", "files without an extension are not published from content/"),
        (
            "content/objections/p.YAML",
            "record files end in lowercase .yaml, not .YAML (rename it to p.yaml)",
        ),
        ("cases/x.Yaml", "record files end in lowercase .yaml, not .Yaml"),
        ("cases/notes.md", "cases/ holds only <id>.yaml case files"),
        ("content/guides/extra.yaml", "YAML file outside the record folders is never read"),
        ("content/guides/page.MD", "page file ends in .MD (rename it to page.md)"),
    ],
)
def test_files_outside_the_allow_list_are_errors_naming_the_file(
    project: Project, rel: str, message: str
) -> None:
    project.write(rel, PRIVATE_RECORD)
    code, out = project.check()
    assert code == 1
    assert problems(out)[0].startswith(f"{rel}:1:1: {message}"), out
    code, out = project.build("--strict")
    assert code == 1 and f"{rel}:1:1:" in out
    assert not project.site.exists()


def test_allowed_assets_are_published_and_the_list_is_configurable(project: Project) -> None:
    project.write("content/guides/chart.png", b"\x89PNG\r\n\x1a\n")
    project.write("content/guides/deck.PDF", b"%PDF-1.4\n")
    project.write("content/guides/notes.txt", "备注\n")
    code, out = project.check()
    assert code == 1 and "content/guides/notes.txt:1:1:" in out
    assert "allowed: avif, gif, jpeg, jpg, m4a, mp3, mp4, ogg, pdf, png, wav, webm, webp" in out
    options(project, "      publish_types: [png, txt]\n")
    code, out = project.check()
    assert code == 1 and "content/guides/deck.PDF:1:1: '.PDF' files are not published" in out
    (project.root / "content/guides/deck.PDF").unlink()
    code, out = project.build("--strict")
    assert code == 0, out
    assert (project.site / "guides/chart.png").is_file()
    assert (project.site / "guides/notes.txt").read_text(encoding="utf-8") == "备注\n"


@pytest.mark.parametrize("kind", ["svg", "html", "js", "yaml"])
def test_types_that_run_script_or_hold_data_cannot_be_allowed(project: Project, kind: str) -> None:
    options(project, f"      publish_types: [png, {kind}]\n")
    code, out = project.check()
    assert code == 1
    assert f"mkdocs.yml:1:1: playbook option 'publish_types' may not include '{kind}'" in out


def test_every_symbolic_link_is_refused_by_default(project: Project) -> None:
    project.write(".git/config", f"[http]\n  extraheader = AUTHORIZATION: {SECRET}\n")
    (project.root / "content/guides").mkdir(parents=True)
    os.symlink("../../cases/sorting-case.yaml", project.root / "content/guides/notes.txt")
    os.symlink("../../.git/config", project.root / "content/guides/config.png")
    os.symlink("../index.md", project.root / "content/guides/home.md")
    os.symlink("../content/objections", project.root / "cases/more")
    code, out = project.check()
    assert code == 1
    refused = "symbolic link refused (copy the file or folder in, or set allow_symlinks: true"
    for rel in ("cases/more", "content/guides/config.png", "content/guides/home.md"):
        assert f"{rel}:1:1: {refused}" in out, out
    code, out = project.build("--strict")
    assert code == 1
    assert not project.site.exists()


def test_opted_in_links_stay_inside_the_project_and_out_of_hidden_folders(
    project: Project,
) -> None:
    options(project, "      allow_symlinks: true\n")
    project.write(".git/config", f"token = {SECRET}\n")
    project.write("shared/extra.md", "# 附加页\n\n内部链接。\n")
    (project.root / "content/guides").mkdir(parents=True)
    os.symlink("../../.git/config", project.root / "content/guides/config.png")
    os.symlink("../../cases/sorting-case.yaml", project.root / "content/guides/notes.txt")
    os.symlink("../../shared/extra.md", project.root / "content/guides/extra.md")
    code, out = project.check()
    assert code == 1
    assert "content/guides/config.png:1:1: symbolic link into a hidden folder (such as .git)" in out
    assert "content/guides/notes.txt:1:1: '.txt' files are not published" in out
    (project.root / "content/guides/config.png").unlink()
    (project.root / "content/guides/notes.txt").unlink()
    code, out = project.build("--strict")
    assert code == 0, out
    assert "内部链接" in project.page("guides/extra/").get_text()
    assert SECRET not in project.site_text()


def test_leak_scan_every_site_file_is_on_the_allow_list(project: Project) -> None:
    """Hostile leftovers and links in every folder: the built site holds only allowed files."""
    project.write("content/guides/chart.webp", b"RIFF0000WEBP")
    project.write("content/guides/page.md", "# 指南\n\n![图](chart.webp)\n")
    for rel in LEFTOVERS:
        project.write(rel, PRIVATE_RECORD)
    project.write("content/.hidden.txt", PRIVATE_RECORD)
    project.write("content/.secret/notes.md", PRIVATE_RECORD)
    code, out = project.build("--strict")
    assert code == 0, out
    assert outside_allowlist(project.site) == []
    assert SECRET not in project.site_text()
    assert (project.site / "guides/chart.webp").is_file()


def test_leak_scan_catches_a_file_outside_the_allow_list(tmp_path: Path) -> None:
    """Control: the scan does report what it must."""
    site = tmp_path / "site"
    for rel in ("index.html", "assets/playbook/x.js", "cases/facets.json", "notes.txt", "a.yaml"):
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_text("x")
    assert outside_allowlist(site) == ["a.yaml", "notes.txt"]
