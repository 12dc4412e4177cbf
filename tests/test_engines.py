"""Engine continuity: the example builds with ProperDocs (the maintained continuation of
MkDocs 1.x) exactly as with MkDocs.

Both engines run as their own command-line programs on one copy of the frozen example;
the sites must hold the same files with the same bytes. The one documented difference is
the theme's ``<meta name="generator">``, which names the engine.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLE, copy_playbook

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def engine_build(engine: str, project: Path, out: Path) -> None:
    command = [
        str(Path(sys.executable).with_name(engine)),
        "build",
        "-f",
        "mkdocs.yml",
        "-d",
        str(out),
    ]
    done = subprocess.run(
        command, cwd=project, capture_output=True, text=True, env=os.environ, timeout=300
    )
    assert done.returncode == 0, done.stdout + done.stderr


def site_files(site: Path) -> dict[str, bytes]:
    return {
        p.relative_to(site).as_posix(): GENERATOR.sub(b"<meta generator>", p.read_bytes())
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


@pytest.mark.slow
def test_properdocs_builds_the_example_byte_identical_to_mkdocs(tmp_path: Path) -> None:
    project = copy_playbook(EXAMPLE, tmp_path / "proj").root
    engine_build("mkdocs", project, tmp_path / "with-mkdocs")
    engine_build("properdocs", project, tmp_path / "with-properdocs")
    mkdocs, properdocs = (
        site_files(tmp_path / "with-mkdocs"),
        site_files(tmp_path / "with-properdocs"),
    )
    assert sorted(mkdocs) == sorted(properdocs)
    assert [name for name in mkdocs if mkdocs[name] != properdocs[name]] == []
    generator = (tmp_path / "with-properdocs" / "index.html").read_text(encoding="utf-8")
    assert "ProperDocs" in generator  # the build really ran on the other engine
