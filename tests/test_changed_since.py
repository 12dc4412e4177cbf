"""``check --changed-since <ref>``: changed files first, then the pages a change touches."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import EXAMPLE, Project, copy_playbook
from gitrepo import git, init_repo


def _pages(out: str) -> list[str]:
    lines = out.split("Pages this change adds, alters or removes", 1)[1].splitlines()[1:]
    return [line.split()[1] for line in lines if line.startswith("  ") and line[2] in "+~-"]


def test_modified_case_on_a_branch_lists_its_pages(project: Project, tmp_path: Path) -> None:
    project.write(".gitignore", "site/\n.site.lock\n")
    init_repo(project.root)
    project.build_ok()
    base_site = project.site.rename(tmp_path / "base-site")
    git(project.root, "checkout", "-q", "-b", "feature")
    project.edit("cases/sorting-case.yaml", "分拣效率提升 40%", "分拣效率提升 45%")
    git(project.root, "commit", "-qam", "edit case")
    code, out = project.run("check", "--changed-since", "main")
    assert code == 0, out
    assert "Changed since main: 1 file(s)\n  ~ cases/sorting-case.yaml" in out
    pages = _pages(out)
    assert pages[0] == "/cases/sorting-case/"
    assert "~ /industries/warehousing/  (shows cases/sorting-case.yaml)" in out
    project.build_ok()
    assert {(url, "altered") for url in pages} == _differences(base_site, project.site)


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
    assert "every page" not in out  # only the pages showing the changed term
    assert "~ /pain-points/cash-flow/  (shows content/taxonomy.yaml)" in out
    assert "~ /  (modified content/index.md)" in out


def test_clear_errors_outside_git_and_for_bad_refs(project: Project) -> None:
    code, out = project.run("check", "--changed-since", "main")
    assert code == 2
    assert "is not inside a git repository, so --changed-since cannot be used" in out
    init_repo(project.root)
    code, out = project.run("check", "--changed-since", "no-such-branch")
    assert code == 2
    assert "unknown git ref 'no-such-branch'" in out


# What check --changed-since reports is what a build changes ---------------------------

_BASE: dict[str, Path] = {}


def _base(factory: pytest.TempPathFactory) -> Path:
    """The example playbook in git, built once per test process (its site: the base)."""
    if "root" not in _BASE:
        root = factory.mktemp("impact") / "playbook"
        project = copy_playbook(EXAMPLE, root)
        project.write(".gitignore", "site/\n.site.lock\n")
        init_repo(root)
        project.build_ok()
        _BASE["root"] = root
    return _BASE["root"]


def _pages_of(site: Path) -> dict[str, bytes]:
    return {
        "/" + "".join(f"{part}/" for part in page.relative_to(site).parent.parts): page.read_bytes()
        for page in site.rglob("index.html")
    }


def _differences(before: Path, after: Path) -> set[tuple[str, str]]:
    """(URL, added/altered/removed) of every page whose HTML differs between two builds."""
    old, new = _pages_of(before), _pages_of(after)
    return {
        (url, "removed" if url not in new else "added" if url not in old else "altered")
        for url in old.keys() | new.keys()
        if old.get(url) != new.get(url)
    }


def _edit_case(p: Project) -> None:
    p.edit("cases/peer-inventory-cost.yaml", "alias: ", "alias: 改名")


def _rename_industry(p: Project) -> None:
    old = p.root / "content/industries/ecommerce.yaml"
    old.rename(p.root / "content/industries/online-retail.yaml")
    for case in ("ecommerce-roleplay-drills", "peer-inventory-cost"):
        p.edit(f"cases/{case}.yaml", "industry: ecommerce", "industry: online-retail")


def _delete_objection(p: Project) -> None:
    (p.root / "content/objections/no-time.yaml").unlink()
    for rel in (
        "cases/tech-demo-videos.yaml",
        "cases/warehouse-inventory-turnover.yaml",
        "content/industries/technology.yaml",
    ):
        p.edit(rel, "  - no-time\n", "")


def _edit_taxonomy(p: Project) -> None:
    p.edit("content/taxonomy.yaml", "label: 旺季分拣效率低", "label: 旺季分拣慢")


@pytest.mark.parametrize(
    "change",
    [_edit_case, _rename_industry, _delete_objection, _edit_taxonomy],
    ids=["edit-case", "rename-industry", "delete-objection", "edit-taxonomy"],
)
def test_reported_pages_are_the_pages_a_build_changes(
    tmp_path: Path, tmp_path_factory: pytest.TempPathFactory, change: Callable[[Project], None]
) -> None:
    base = _base(tmp_path_factory)
    project = Project(tmp_path / "playbook")
    shutil.copytree(base, project.root, symlinks=True)
    change(project)
    code, out = project.run("check", "--changed-since", "HEAD", "--format", "json")
    assert code == 0, out
    report = json.loads(out)
    assert report["complete"], out
    reported = {(page["url"], page["status"]) for page in report["pages"]}
    project.build_ok()
    changed = _differences(base / "site", project.site)
    if ("*", "altered") in reported:  # the header's search data changed: every page differs
        pages = _pages_of(base / "site").keys() | _pages_of(project.site).keys()
        assert {url for url, _ in changed} == pages
        changed = {(url, status) for url, status in changed if status != "altered"}
        reported -= {(url, status) for url, status in reported if status == "altered"}
        reported.discard(("*", "altered"))
    assert reported == changed


# The report in the reader's language ----------------------------------------------------

_ENGLISH = re.compile(
    r"Changed since|Problems in|Pages this|every page|fix the errors|"
    r"\((?:added|modified|deleted|shows|showed|index lists|search data) "
)


def test_report_is_chinese_by_default_and_english_with_lang_en(project: Project) -> None:
    project.edit("content/industries/ecommerce.yaml", "name: 电商卖家", "nam: 电商卖家")
    init_repo(project.root)
    project.edit("cases/turnover-case.yaml", "title: 周转", "titel: 周转")
    project.lang = None  # the site's language: zh in the fixture's mkdocs.yml
    code, out = project.run("check", "--changed-since", "HEAD")
    assert code == 1
    lines = out.splitlines()
    assert lines[:2] == ["自 HEAD 以来改动了 1 个文件：", "  ~ cases/turnover-case.yaml"]
    assert "改动的文件里的问题（1 个）：" in lines
    assert "其他文件里的问题（1 个）：" in lines
    assert "这次改动新增、修改或删除的页面（2 个）：" in lines
    assert "  ~ /cases/turnover-case/  (修改了 cases/turnover-case.yaml)" in lines
    assert "  ~ /cases/  (列表页列出 cases/turnover-case.yaml)" in lines
    assert "  （修好错误后，才能看到链接到改动记录的那些页面）" in lines
    assert not _ENGLISH.search(out), out

    code, english = project.run("check", "--changed-since", "HEAD", "--lang", "en")
    assert code == 1
    assert english.splitlines()[0] == "Changed since HEAD: 1 file(s)"
    assert "  ~ /cases/  (index lists cases/turnover-case.yaml)" in english.splitlines()
    assert "(fix the errors to see the pages that link to the changed records)" in english

    project.edit("mkdocs.yml", "language: zh", "language: en")  # the site decides the default
    code, site_english = project.run("check", "--changed-since", "HEAD")
    assert code == 1
    assert site_english.splitlines()[0] == "Changed since HEAD: 2 file(s)"  # and mkdocs.yml
    assert "Problems in changed files (1):" in site_english.splitlines()


def test_page_reasons_are_chinese_by_default(project: Project) -> None:
    init_repo(project.root)
    project.edit("cases/sorting-case.yaml", "分拣效率提升 40%", "分拣效率提升 45%")
    (project.root / "content/objections/no-time.yaml").unlink()
    project.lang = None
    code, out = project.run("check", "--changed-since", "HEAD")
    assert code == 0, out
    lines = out.splitlines()
    assert "  - /objections/no-time/  (删除了 content/objections/no-time.yaml)" in lines
    assert "  ~ /cases/sorting-case/  (修改了 cases/sorting-case.yaml)" in lines
    assert any(line.startswith("  ~ 所有页面  (每个页面上的搜索数据：") for line in lines), out
    assert any(line.startswith("  ~ /industries/") and "的内容)" in line for line in lines), out
    assert not _ENGLISH.search(out), out
    # JSON keeps its keys; its reasons follow --lang like its messages.
    code, data = project.run("check", "--changed-since", "HEAD", "--format", "json")
    report = json.loads(data)
    assert set(report) == {
        "ref",
        "changed",
        "problems_in_changed_files",
        "problems_in_other_files",
        "pages",
        "complete",
        "errors",
    }
    assert {"url", "status", "reason"} == set(report["pages"][0])
    assert "删除了 content/objections/no-time.yaml" in {p["reason"] for p in report["pages"]}


def test_git_errors_are_chinese_by_default(project: Project) -> None:
    project.lang = None
    code, out = project.run("check", "--changed-since", "main")
    assert code == 2
    assert "不在 git 仓库里，不能使用 --changed-since" in out
    init_repo(project.root)
    code, out = project.run("check", "--changed-since", "no-such-branch")
    assert code == 2
    assert (
        "✗ 未知的 git 引用 'no-such-branch'；请写分支、标签或提交，例如 origin/main 或 HEAD~1"
        in out
    )
