"""The locked supply chain: hashed lock files that cover pyproject.toml, used by build.py."""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
from conftest import REPO
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name


def _build_py() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_py", REPO / "build.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


build_py = _build_py()
SETS = sorted(build_py.LOCK_SETS)


def entries(lock: Path) -> dict[str, tuple[str, list[str]]]:
    """Package → (version, hashes), read independently of build.py's own parser."""
    found: dict[str, tuple[str, list[str]]] = {}
    text = lock.read_text(encoding="utf-8")
    for block in re.split(r"\n(?=\S)", text):
        if block.startswith("#") or not block.strip():
            continue
        head = block.split("\\", 1)[0].split(";", 1)[0].strip()
        name, _, version = head.partition("==")
        assert version, f"{lock.name}: {head!r} is not pinned with =="
        hashes = re.findall(r"--hash=sha256:([0-9a-f]{64})", block)
        found[canonicalize_name(name)] = (version.strip(), hashes)
    return found


@pytest.mark.parametrize("name", SETS)
def test_every_lock_pins_every_requirement_with_hashes(name: str) -> None:
    import tomllib

    lock = entries(build_py.lock_path(name))
    data = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    wanted = [*data["build-system"]["requires"], *data["project"]["dependencies"]]
    for extra in build_py.LOCK_SETS[name]:
        wanted += data["project"]["optional-dependencies"][extra]
    for line in wanted:
        requirement = Requirement(line)
        key = canonicalize_name(requirement.name)
        assert key in lock, f"{name}.txt misses {key}: run 'python3 build.py lock'"
        assert requirement.specifier.contains(lock[key][0], prereleases=True), (name, line)
    for package, (_, hashes) in lock.items():
        assert hashes, f"{name}.txt: {package} has no hash"
    assert build_py.lock_gaps(name) == []


def test_lock_sets_agree_on_versions() -> None:
    versions: dict[str, dict[str, str]] = {}
    for name in SETS:
        for package, (version, _) in entries(build_py.lock_path(name)).items():
            versions.setdefault(package, {})[name] = version
    split = {p: v for p, v in versions.items() if len(set(v.values())) > 1}
    assert split == {}, "lock sets resolved differently: run 'python3 build.py lock'"


def test_installed_packages_are_the_locked_versions() -> None:
    from importlib.metadata import version

    for package, (pinned, _) in entries(build_py.lock_path("test")).items():
        try:
            installed = version(package)
        except Exception:
            continue  # another platform's package (e.g. colorama on Windows)
        assert installed == pinned, package


def test_a_dependency_missing_from_the_lock_stops_build_py(tmp_path: Path) -> None:
    for name in ("build.py", "pyproject.toml"):
        shutil.copy(REPO / name, tmp_path / name)
    shutil.copytree(REPO / "requirements", tmp_path / "requirements")
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(
        pyproject.read_text(encoding="utf-8").replace(
            '"nh3==', '"opencc-python-reimplemented==0.1.7",\n    "nh3=='
        ),
        encoding="utf-8",
    )
    proc = subprocess.run(
        [sys.executable, str(tmp_path / "build.py"), "check"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
    )
    assert proc.returncode == 1
    assert "opencc-python-reimplemented is not locked" in proc.stderr
    assert "python3 build.py lock" in proc.stderr
    assert not (tmp_path / ".venv").exists()  # stopped before installing anything
    # The same check, as a function: a changed pin is reported too.
    pyproject.write_text(
        pyproject.read_text(encoding="utf-8").replace('"nh3==0.3.7"', '"nh3==0.3.6"'),
        encoding="utf-8",
    )
    gaps = build_py.lock_gaps("base", tmp_path)
    assert any(g.startswith("nh3==0.3.6 but the lock has") for g in gaps), gaps
