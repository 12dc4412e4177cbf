"""The site is computed without a site engine: ``build_site`` on a fixture project, with no
MkDocs (or Material, or watchdog) module ever imported."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import TODAY, Project

ENGINE_FREE = """
import datetime as dt, json, sys
from pathlib import Path
from playbook.ingest.load import Settings, load_project
from playbook.site.sitebuild import SiteOptions, build_site

settings = Settings(Path(sys.argv[1]), today=dt.date.fromisoformat(sys.argv[2]))
result = load_project(settings)
assert result.ok, [p.format() for p in result.problems]
site = build_site(result, settings, SiteOptions(language="zh"))
case = site.pages["cases/sorting-case.md"]
print(json.dumps({
    "engine_modules": sorted(m for m in sys.modules if m.split(".")[0] in ("mkdocs", "material", "watchdog", "properdocs")),
    "pages": sorted(site.pages),
    "case_title": case.title,
    "case_url": case.url,
    "case_html": site.render(case),
    "data_files": sorted(site.data_files),
    "phases": sorted(site.timings),
}))
"""


def test_site_builds_and_renders_without_any_engine_import(project: Project) -> None:
    done = subprocess.run(
        [sys.executable, "-c", ENGINE_FREE, str(project.root), TODAY],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    site = json.loads(done.stdout)
    assert site["engine_modules"] == []
    # Every record has its page, once; the sections, the composer and health are planned too.
    for src in (
        "cases/sorting-case.md",
        "cases/turnover-case.md",
        "objections/price-too-high.md",
        "objections/no-time.md",
        "industries/warehousing.md",
        "industries/ecommerce.md",
        "cases/index.md",
        "health.md",
    ):
        assert site["pages"].count(src) == 1, src
    assert site["case_title"] == "分拣效率提升 40%"
    assert site["case_url"] == "cases/sorting-case/"
    html = site["case_html"]
    assert "某仓储公司" in html and "<strong>分拣</strong>" in html
    # Links come from the one URL scheme: the industry and the pain point of the case.
    assert 'href="../../industries/warehousing/"' in html
    assert 'href="../../pain-points/sorting-efficiency/"' in html
    assert "cases/facets.json" in site["data_files"]
    assert "cases/new/composer.json" in site["data_files"] or any(
        "composer" in path for path in site["data_files"]
    )
    assert site["phases"] == ["derive", "git", "plan"]
