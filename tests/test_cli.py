"""``new`` scaffolds and the build.py entry point."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import REPO, Project


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


def test_build_py_check_runs_in_the_venv(real_today: None) -> None:
    """The repository's own content, checked with the real date."""
    proc = subprocess.run(
        [sys.executable, str(REPO / "build.py"), "check"],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "个案例" in proc.stdout and "全部有效" in proc.stdout  # the site's language: zh
