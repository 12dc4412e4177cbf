"""``check --changed-since <ref>``: changed files first, then the pages a change touches."""

from __future__ import annotations

import json

from conftest import Project
from gitrepo import git, init_repo


def _pages(out: str) -> list[str]:
    lines = out.split("Pages this change adds, alters or removes", 1)[1].splitlines()[1:]
    return [line.split()[1] for line in lines if line.startswith("  ") and line[2] in "+~-"]


def test_modified_case_on_a_branch_lists_its_pages(project: Project) -> None:
    init_repo(project.root)
    git(project.root, "checkout", "-q", "-b", "feature")
    project.edit("cases/sorting-case.yaml", "分拣效率提升 40%", "分拣效率提升 45%")
    git(project.root, "commit", "-qam", "edit case")
    code, out = project.run("check", "--changed-since", "main")
    assert code == 0, out
    assert "Changed since main: 1 file(s)\n  ~ cases/sorting-case.yaml" in out
    pages = _pages(out)
    assert pages[0] == "/cases/sorting-case/"
    assert set(pages) == {
        "/cases/sorting-case/",
        "/cases/",
        "/industries/warehousing/",
        "/industries/",
        "/pain-points/sorting-efficiency/",
        "/pain-points/",
        "/objections/price-too-high/",
        "/dashboard/",
    }


def test_problems_in_changed_files_come_first(project: Project) -> None:
    project.edit("content/industries/ecommerce.yaml", "name: 电商卖家", "nam: 电商卖家")
    init_repo(project.root)
    project.edit("cases/turnover-case.yaml", "title: 周转", "titel: 周转")
    code, out = project.run("check", "--changed-since", "HEAD")
    assert code == 1
    mine = out.index(
        "Problems in changed files (1):\n  cases/turnover-case.yaml:1:1: unknown field"
    )
    assert mine < out.index("Problems in other files (1):\n  content/industries/ecommerce.yaml")
    assert "(fix the errors to see the pages that link to the changed records)" in out


def test_deleted_and_untracked_records(project: Project) -> None:
    init_repo(project.root)
    (project.root / "content/objections/no-time.yaml").unlink()
    project.write(
        "content/objections/too-slow.yaml",
        "objection: 上线太慢\ncategory: timing\nresponses:\n  - {title: 分阶段, script: 先上核心模块。}\n"
        "value_table:\n  - {dimension: 周期, ours: 两周, alternative: 三个月, customer_value: 早见效}\n"
        "proof: [sorting-case]\nowner: '@carol'\nreviewed: 2026-11-01\n",
    )
    code, out = project.run("check", "--changed-since", "HEAD", "--format", "json")
    assert code == 0, out
    report = json.loads(out)
    assert report["changed"] == [
        {"path": "content/objections/no-time.yaml", "status": "deleted"},
        {"path": "content/objections/too-slow.yaml", "status": "added"},
    ]
    pages = {p["url"]: p["status"] for p in report["pages"]}
    assert pages["/objections/no-time/"] == "removed"
    assert pages["/objections/too-slow/"] == "added"
    assert pages["/cases/sorting-case/"] == "altered"  # the proof case now links to it
    assert pages["/pain-points/sorting-efficiency/"] == "altered"


def test_taxonomy_and_markdown_changes(project: Project) -> None:
    init_repo(project.root)
    project.edit("content/taxonomy.yaml", "label: 资金周转", "label: 现金流")
    project.edit("content/index.md", "欢迎", "你好")
    code, out = project.run("check", "--changed-since", "HEAD")
    assert code == 0, out
    assert "~ every page  (modified content/taxonomy.yaml)" in out
    assert "~ /  (modified content/index.md)" in out


def test_clear_errors_outside_git_and_for_bad_refs(project: Project) -> None:
    code, out = project.run("check", "--changed-since", "main")
    assert code == 2
    assert "is not inside a git repository, so --changed-since cannot be used" in out
    init_repo(project.root)
    code, out = project.run("check", "--changed-since", "no-such-branch")
    assert code == 2
    assert "unknown git ref 'no-such-branch'" in out
