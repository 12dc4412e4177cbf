"""Atomic publishing: a build killed midway leaves the previous site/ intact."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from conftest import CASE, TODAY, Project


def _snapshot(site: Path) -> dict[str, str]:
    return {
        f.relative_to(site).as_posix(): hashlib.sha256(f.read_bytes()).hexdigest()
        for f in sorted(site.rglob("*"))
        if f.is_file()
    }


def _temp_dirs(root: Path) -> list[Path]:
    return sorted(root.glob(".site-*.tmp"))


def test_killed_build_leaves_previous_site_and_next_build_cleans_up(project: Project) -> None:
    code, out = project.build()
    assert code == 0, out
    (project.site / "previous-build.txt").write_text("the site before the killed build")
    before = _snapshot(project.site)

    # Enough records that MkDocs needs a while to write them all.
    for i in range(300):
        project.write(f"cases/bulk-{i}.yaml", CASE.replace("分拣效率提升 40%", f"批量案例 {i}"))
    process = subprocess.Popen(
        [sys.executable, "-m", "playbook.cli", "--project", str(project.root), "build"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "PLAYBOOK_TODAY": TODAY, "NO_MKDOCS_2_WARNING": "1"},
    )
    deadline = time.monotonic() + 180
    try:
        # Kill as soon as the engine has started writing into the temporary folder.
        while not any(any(d.iterdir()) for d in _temp_dirs(project.root) if d.is_dir()):
            assert process.poll() is None, "the build ended before it could be killed"
            assert time.monotonic() < deadline, "the build never started writing"
            time.sleep(0.02)
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait()
    assert process.returncode == -signal.SIGKILL

    assert _snapshot(project.site) == before  # not a single file of site/ changed
    stale = _temp_dirs(project.root)
    assert stale, "the half-written temporary folder is what the kill left behind"

    for i in range(300):
        (project.root / f"cases/bulk-{i}.yaml").unlink()
    project.edit("cases/sorting-case.yaml", "分拣效率提升 40%", "分拣效率提升 45%")
    code, out = project.build()
    assert code == 0, out
    assert _temp_dirs(project.root) == []  # the stale folder was cleaned up
    assert not (project.site / "previous-build.txt").exists()
    assert "分拣效率提升 45%" in project.content("cases/sorting-case/").get_text()


def test_failed_build_leaves_previous_site(project: Project) -> None:
    code, out = project.build()
    assert code == 0, out
    before = _snapshot(project.site)
    project.edit("cases/sorting-case.yaml", "tier: a", "tier: [a")
    code, out = project.build()
    assert code == 1
    assert "nothing was written" in out
    assert _snapshot(project.site) == before
    assert _temp_dirs(project.root) == []
