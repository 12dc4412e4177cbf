"""The benchmark generator writes a valid project (timings live in bench/, not here)."""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from pathlib import Path

from conftest import EXAMPLE, REPO, TODAY, Project


def _generator():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("bench_generate", REPO / "bench/generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_generate"] = module
    spec.loader.exec_module(module)
    return module


def test_generated_project_passes_check_with_references_in_proportion(tmp_path: Path) -> None:
    generate = _generator()
    counts = generate.generate(
        tmp_path / "proj",
        50,
        today=dt.date.fromisoformat(TODAY),
        baseline=tmp_path / "baseline",
        source=EXAMPLE,
    )
    assert counts == {"cases": 50, "objections": 11, "industries": 8}
    project = Project(tmp_path / "proj")
    code, out = project.check()
    assert code == 0, out
    assert out.strip().splitlines()[-1].startswith("✓ 50 cases, 11 objections, 8 industries valid")
    sizes = [f.stat().st_size for f in (project.root / "cases").glob("case-*.yaml")]
    assert len(sizes) == 50 - len(list((EXAMPLE / "cases").glob("*.yaml")))
    assert 900 < sum(sizes) / len(sizes) < 1600
    pages = sorted((tmp_path / "baseline/docs/cases").glob("*.md"))
    assert len(pages) == 50
    text = pages[0].read_text(encoding="utf-8")
    assert sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff" or "\u3000" <= ch <= "\u303f") >= 900
    assert "- 首页: index.md" in (tmp_path / "baseline/mkdocs.yml").read_text(encoding="utf-8")


def test_generated_projects_are_deterministic(tmp_path: Path) -> None:
    generate = _generator()
    today = dt.date.fromisoformat(TODAY)
    generate.generate(tmp_path / "a", 20, today=today, source=EXAMPLE)
    generate.generate(tmp_path / "b", 20, today=today, source=EXAMPLE)
    for file in sorted((tmp_path / "a/cases").glob("*.yaml")):
        assert file.read_bytes() == (tmp_path / "b/cases" / file.name).read_bytes()
