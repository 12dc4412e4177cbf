"""Content health: the report, ``build.py health`` and the /health/ page; git dates on pages."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import CASE, INDUSTRY_2, Project
from gitrepo import git, init_repo
from playbook.integrations import gitinfo

Make = Callable[[dict[str, str | None]], Project]

UNHEALTHY: dict[str, str | None] = {
    # Same alias and industry as sorting-case: a likely duplicate.
    "cases/sorting-again.yaml": CASE.replace("分拣效率提升 40%", "旺季分拣提速")
    .replace('"@alice"', '"@erin"')
    .replace("2026-10-01", "2025-01-10"),
    # Headline figure (50%) that no result backs; stale; owned by @bob.
    "cases/headline.yaml": CASE.replace("分拣效率提升 40%", "分拣效率提升 50%")
    .replace("某仓储公司", "某物流公司")
    .replace("objections: [price-too-high]", "objections: []")
    .replace('"@alice"', '"@bob"')
    .replace("2026-10-01", "2025-03-01"),
    # An industry no case belongs to.
    "content/industries/finance.yaml": INDUSTRY_2.replace("电商卖家", "财税服务"),
}


def test_report_finds_every_kind_of_problem(make_project: Make) -> None:
    p = make_project(UNHEALTHY)
    code, out = p.run("health", "--format", "json")
    assert code == 0, out
    report = json.loads(out)
    found = {
        name: [(f["path"], f["url"]) for f in items] for name, items in report["findings"].items()
    }
    stale = report["findings"]["stale"]
    assert {(f["owner"], f["path"]) for f in stale} == {
        ("@erin", "cases/sorting-again.yaml"),
        ("@bob", "cases/headline.yaml"),
    }
    assert stale[0]["age"] > 180 and stale[0]["reviewed"]
    assert ("content/taxonomy.yaml", "pain-points/tax-compliance/") in found[
        "pain-points-without-cases"
    ]
    assert found["industries-without-cases"] == [
        ("content/industries/finance.yaml", "industries/finance/"),
    ]
    assert found["objections-without-proof"] == [
        ("content/objections/no-time.yaml", "objections/no-time/")
    ]
    # no-time: no case, no proof, no industry lists it; tax-compliance: nothing uses it.
    assert set(found["orphans"]) == {
        ("content/objections/no-time.yaml", "objections/no-time/"),
        ("content/taxonomy.yaml", "pain-points/tax-compliance/"),
    }
    duplicates = report["findings"]["duplicates"]
    assert [(d["path"], d["other"], d["detail"].split(" ")[0]) for d in duplicates] == [
        ("cases/headline.yaml", "cases/sorting-case.yaml", "title"),  # 90% similar titles
        ("cases/sorting-again.yaml", "cases/sorting-case.yaml", "same"),  # alias + industry
    ]
    figures = report["findings"]["figures-without-metric"]
    assert [(f["path"], f["figure"]) for f in figures] == [("cases/headline.yaml", "50%")]


def test_healthy_project_and_markdown_links(project: Project) -> None:
    code, out = project.run("health", "--fail-on", "all")
    assert code == 1  # the fixture's no-time objection has no proof
    assert "objections-without-proof (1):" in out
    assert "content/objections/no-time.yaml: 现在没时间: no case cites it" in out
    assert "✗ failing on: pain-points-without-cases, objections-without-proof, orphans" in out
    orphans = json.loads(project.run("health", "--format", "json")[1])["findings"]["orphans"]
    assert [o["url"] for o in orphans] == ["objections/no-time/", "pain-points/tax-compliance/"]
    # A hand-written page linking to the objection makes it reachable.
    project.write("content/guide.md", "# 指南\n\n见[没时间](objections/no-time.md)。\n")
    orphans = json.loads(project.run("health", "--format", "json")[1])["findings"]["orphans"]
    assert [o["url"] for o in orphans] == ["pain-points/tax-compliance/"]


def test_fail_on_exit_codes(project: Project) -> None:
    assert project.run("health", "--fail-on", "stale,duplicates")[0] == 0
    assert project.run("health", "--fail-on", "objections-without-proof")[0] == 1
    code, out = project.run("health", "--fail-on", "stale,typo")
    assert code == 2 and "unknown check(s) typo" in out
    code, out = project.run("health", "--days", "30", "--fail-on", "stale")
    assert code == 1 and "@alice (1):" in out


def test_health_refuses_invalid_content(project: Project) -> None:
    project.edit("cases/sorting-case.yaml", "title:", "titel:")
    code, out = project.run("health")
    assert code == 1 and "unknown field 'titel'" in out and "health needs valid content" in out


def test_health_page_in_the_site(make_project: Make) -> None:
    p = make_project(UNHEALTHY)
    code, out = p.build()  # not --strict: the two stale records are warnings
    assert code == 0, out
    page = p.content("/health/")
    counts = {el["data-count"]: int(el.text) for el in page.select("[data-count]")}
    assert counts["stale"] == 2 and counts["figures-without-metric"] == 1
    owners = [h.text for h in page.select("h3.pb-health__owner")]
    assert sorted(owners) == ["@bob（1）", "@erin（1）"]
    for link in page.select(".pb-health__item a"):
        target = (p.site / "health" / link["href"]).resolve() / "index.html"
        assert target.is_file(), link["href"]
    sources = {code.text for code in page.select(".pb-health__source code")}
    assert {"cases/headline.yaml", "content/industries/finance.yaml"} <= sources
    assert "标题中的数字没有对应成果： 50%" in page.text.replace("\n", "")
    nav = p.page("/health/").select(".md-nav__link")
    assert not any("内容健康" in a.text for a in nav)


def test_pages_show_the_last_git_change(project: Project) -> None:
    init_repo(project.root, date="2026-01-15")
    project.edit("cases/sorting-case.yaml", "旺季订单翻倍", "旺季订单翻三倍")
    git(project.root, "commit", "-qam", "edit", date="2026-03-02")
    code, out = project.build()
    assert code == 0, out
    footer = project.content("/cases/sorting-case/").select_one(".pb-last-changed time")
    assert footer is not None and footer["datetime"] == "2026-03-02"
    other = project.content("/cases/turnover-case/").select_one(".pb-last-changed time")
    assert other is not None and other.text == "2026-01-15"
    owner = project.content("/cases/turnover-case/").select_one(".pb-record-footer").text
    assert "@bob" in owner and "2026-09-01" in owner


def test_pages_without_git_have_no_date(project: Project) -> None:
    code, out = project.build()
    assert code == 0, out
    footer = project.content("/cases/sorting-case/").select_one(".pb-record-footer")
    assert footer is not None and "@alice" in footer.text
    assert footer.select_one(".pb-last-changed") is None


def test_last_changed_is_one_git_log_pass(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    init_repo(project.root)
    calls: list[tuple[str, ...]] = []
    real = gitinfo._git

    def counting(root: Path, *args: str) -> Any:
        calls.append(args)
        return real(root, *args)

    monkeypatch.setattr(gitinfo, "_git", counting)
    dates = gitinfo.last_changed(project.root)
    assert len(dates) == 8 and dates["cases/sorting-case.yaml"].isoformat() == "2026-01-15"
    assert [c[0] for c in calls] == ["rev-parse", "log"]


def test_last_changed_without_git_binary(project: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    init_repo(project.root)
    monkeypatch.setattr(gitinfo.shutil, "which", lambda name: None)
    assert gitinfo.last_changed(project.root) == {}


def test_the_report_is_in_the_site_s_language(project: Project) -> None:
    """Chinese by default (the fixture site's language), English with --lang en."""
    project.lang = None
    code, out = project.run("health", "--fail-on", "objections-without-proof")
    assert code == 1
    assert out.startswith("内容健康（截至 2026-11-27，复核期限 180 天）：stale 0，")
    assert (
        "content/objections/no-time.yaml: 现在没时间: 没有案例引用它，它的 'proof' 也是空的" in out
    )
    assert "✗ 这些检查发现了问题：objections-without-proof" in out
    findings = json.loads(project.run("health", "--format", "json")[1])["findings"]
    assert (
        findings["objections-without-proof"][0]["detail"] == "没有案例引用它，它的 'proof' 也是空的"
    )
    code, out = project.run("health", "--fail-on", "stale,typo")
    assert code == 2 and "没有名为 typo 的检查" in out
    code, out = project.run("health", "--lang", "en")
    assert out.startswith("Content health as of 2026-11-27 (freshness window 180 days): stale 0, ")
