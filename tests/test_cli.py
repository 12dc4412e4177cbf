"""``new`` scaffolds and the build.py entry point."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, Project
from venvs import stamped_venv


def fill_scaffold(text: str) -> str:
    """A scaffold with every placeholder replaced: an id by the first valid one its comment
    (on the line or above it) lists, a text by a sample word."""
    out, choices = [], ""
    for line in text.splitlines(keepends=True):
        if " of: " in line:
            choices = line.split(" of: ", 1)[1].split(",")[0].strip()
        bare = line.rstrip().split("#")[0].rstrip().endswith(("- 【待填写】", ": 【待填写】"))
        out.append(line.replace("【待填写】", choices if bare else "示例"))
    return "".join(out)


@pytest.mark.parametrize(
    ("kind", "path"),
    [
        ("case", "cases/new-one.yaml"),
        ("objection", "content/objections/new-one.yaml"),
        ("industry", "content/industries/new-one.yaml"),
    ],
)
def test_new_scaffold_passes_check_once_placeholders_are_edited(
    project: Project, kind: str, path: str
) -> None:
    code, out = project.run("new", kind, "new-one")
    assert code == 0, out
    text = project.read(path)
    assert "【待填写】" in text
    code, out = project.check()
    assert code == 1
    assert all(line.startswith(path) for line in out.splitlines()[:-1]), out
    assert "still holds the placeholder 【待填写】" in out
    project.write(path, fill_scaffold(text))
    code, out = project.check()
    if kind != "case":
        # Its name is new to the editor schemas (cases are listed by file, not by title).
        assert code == 1 and "schemas/case.schema.json:1:1: the editor schema is out" in out
        code, out = project.run("check", "--fix")
    assert code == 0, out
    code, out = project.build()
    assert code == 0, out
    section = {"case": "cases", "objection": "objections", "industry": "industries"}[kind]
    assert (project.site / section / "new-one" / "index.html").is_file()


def test_new_refuses_to_overwrite(project: Project) -> None:
    before = project.read("cases/sorting-case.yaml")
    code, out = project.run("new", "case", "sorting-case")
    assert code == 1
    assert "already exists" in out
    assert project.read("cases/sorting-case.yaml") == before


def test_new_rejects_bad_id(project: Project) -> None:
    code, out = project.run("new", "case", "Bad Id")
    assert code == 2
    assert "not a valid id" in out


COPIED = ("build.py", "pyproject.toml", "requirements", "mkdocs.yml", "cases", "content")
"""What ``build.py check`` reads of the repository."""


def test_build_py_check_runs_in_the_venv(real_today: None, tmp_path: Path) -> None:
    """The repository's own content, checked with the real date, through build.py."""
    for name in COPIED:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, tmp_path / name)
        else:
            shutil.copy2(source, tmp_path / name)
    stamped_venv(tmp_path)
    repo_venv = sorted(p.name for p in (REPO / ".venv").glob(".installed-*"))
    proc = subprocess.run(
        [sys.executable, str(tmp_path / "build.py"), "check"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "installing" not in proc.stdout  # the stamp held: nothing installed anywhere
    assert "个案例" in proc.stdout and "全部有效" in proc.stdout  # the site's language: zh
    assert sorted(p.name for p in (REPO / ".venv").glob(".installed-*")) == repo_venv
