"""A team's own content never turns the tests red: proofs on copies of the repository.

Two scenarios, each on a copy of the whole repository (tracked and new files): (a) a
new case reviewed today that needs a new industry, pain point, metric and objection;
(b) every example record deleted and three new ones added; and (c) ``init --empty``. In
each copy ``check``,
``schemas --check`` and ``build --strict`` pass, and so do the copy's own tests that
read the repository's content (run as a separate pytest in the copy; the other tests
build fixture projects and never look at ``cases/`` or ``content/``).
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, Project

CONTENT_TESTS = (
    "tests/test_example_content.py",
    "tests/test_five_minutes.py",
    "tests/test_schemas.py",
    "tests/test_cli.py::test_build_py_check_runs_in_the_venv",
)
"""Every test that reads the repository's own content (the rest use fixture projects)."""


def copy_repository(target: Path) -> Project:
    """The repository's files as git sees them (tracked and untracked, not ignored)."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=REPO,
        capture_output=True,
        check=True,
    ).stdout.split(b"\0")
    for name in filter(None, (n.decode() for n in listed)):
        source = REPO / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    (target / ".venv").symlink_to(REPO / ".venv")  # the same pinned environment, not reinstalled
    return Project(target)


def run_content_tests(p: Project) -> None:
    env = {k: v for k, v in os.environ.items() if k != "PLAYBOOK_TODAY"}
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *CONTENT_TESTS],
        cwd=p.root,
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stdout[-6000:] + proc.stderr[-3000:]


def passes_check_schemas_and_build(p: Project) -> None:
    for command in (("check",), ("schemas", "--check"), ("build", "--strict")):
        code, out = p.run(*command)
        assert code == 0, (command, out)


TODAY = dt.date.today().isoformat()

COLD_CHAIN_INDUSTRY = """\
name: 冷链物流
summary: 生鲜、医药冷链配送企业，温控合规和断链损耗是最大的痛。
pain_points:
  - id: {pain}
    scenario: 夏季高峰车辆周转紧张，途中断链导致整批货损。
decision_chain: 老板拍板，运营总监和品控经理共同评估。
discovery_questions:
  - dimension: decision_chain
    question: 温控方案最后由谁签字？
  - dimension: pain_scenario
    question: 去年因为断链赔了多少货？
  - dimension: willingness_to_pay
    question: 每减少一次断链，您愿意为此付出多少？
owner: li-manager
reviewed: {today}
"""

COLD_CHAIN_OBJECTION = """\
objection: 我们的温控记录够用了
category: {category}
responses:
  - title: 先看一次断链的成本
    script: 一次断链赔掉的货，往往超过一年的系统费用。
value_table:
  - dimension: 断链发现时间
    ours: 实时告警
    alternative: 到货后才发现
    customer_value: 货损降低
owner: li-manager
reviewed: {today}
"""

COLD_CHAIN_CASE = """\
title: 冷链配送断链率下降 60%
summary: 某冷链物流公司用实时温控告警，把途中断链率降了六成。
customer:
  alias: 某冷链物流公司
  industry: {industry}
pain_points:
  - {pain}
challenge: 夏季高峰途中断链频发，整批货损。
approach: 先用一周的数据算清断链成本，再上线实时告警。
results:
  - metric: {metric}
    label: 途中断链率
    change: "-60%"
objections:
  - {objection}
owner: li-manager
reviewed: {today}
private:
  customer_name: 上海某冷链（不会发布）
"""


NEW_IDS = {
    "industry": "cold-chain",
    "pain": "temperature-breaks",
    "metric": "break-rate",
    "objection": "temperature-records-enough",
    "case": "cold-chain-break-alerts",
}
"""The ids the scenarios add: industry file, taxonomy pain point and metric, records."""


def new_ids(p: Project) -> dict[str, str]:
    """:data:`NEW_IDS`, with a suffix (``-2`` …) if the team's own content already uses
    one of them: the scenario adds new records, whatever the repository holds."""
    taxonomy = p.read("content/taxonomy.yaml")
    files = {"industry": "content/industries", "objection": "content/objections", "case": "cases"}
    for n in itertools.count(1):
        ids = {key: ident + ("" if n == 1 else f"-{n}") for key, ident in NEW_IDS.items()}
        in_taxonomy = any(
            re.search(rf"^\s*- id: {ids[key]}\s*$", taxonomy, re.M) for key in ("pain", "metric")
        )
        on_disk = any(
            (p.root / folder / f"{ids[key]}.yaml").exists() for key, folder in files.items()
        )
        if not in_taxonomy and not on_disk:
            return ids
    raise AssertionError("unreachable")


def add_cold_chain(p: Project, ids: dict[str, str], *, scaffold: bool) -> None:
    """The new taxonomy entries and the three records (after their scaffolds, if asked)."""
    p.write(
        "content/taxonomy.yaml", _taxonomy_with_cold_chain(p.read("content/taxonomy.yaml"), ids)
    )
    category = _first_id(p.read("content/taxonomy.yaml"), "objection_categories")
    if scaffold:  # the scaffolds refresh schemas/
        for kind in ("industry", "objection", "case"):
            assert p.run("new", kind, ids[kind])[0] == 0
    p.write(
        f"content/industries/{ids['industry']}.yaml", COLD_CHAIN_INDUSTRY.format(today=TODAY, **ids)
    )
    p.write(
        f"content/objections/{ids['objection']}.yaml",
        COLD_CHAIN_OBJECTION.format(category=category, today=TODAY),
    )
    p.write(f"cases/{ids['case']}.yaml", COLD_CHAIN_CASE.format(today=TODAY, **ids))


def _taxonomy_with_cold_chain(text: str, ids: dict[str, str]) -> str:
    """The taxonomy with one new pain point and one new metric, written as the guide says."""
    pain = (
        f"  - id: {ids['pain']}\n"
        "    label: 途中断链\n"
        "    category: risk\n"
        "    description: 运输途中温度失控，整批货损。\n"
    )
    metric = f"  - id: {ids['metric']}\n    label: 断链率\n    unit: '%'\n    better: down\n"
    text = text.replace("pain_points:\n", "pain_points:\n" + pain, 1)
    return text.replace("metrics:\n", "metrics:\n" + metric, 1)


def _first_id(text: str, list_name: str) -> str:
    match = re.search(rf"^{list_name}:\n(?:.*\n)*?\s*- id: ([a-z0-9-]+)", text, re.M)
    assert match is not None, list_name
    return match.group(1)


def test_a_new_case_with_new_vocabulary_keeps_everything_green(
    tmp_path: Path, real_today: None
) -> None:
    p = copy_repository(tmp_path / "repo")
    ids = new_ids(p)
    add_cold_chain(p, ids, scaffold=True)  # the scaffolds, then the filled-in files
    # The new names and ids into the editor schemas, as the guide says (check asks for it).
    code, out = p.check()
    assert code == 1 and "schemas/case.schema.json:1:1: the editor schema is out of date" in out
    assert p.run("schemas")[0] == 0
    passes_check_schemas_and_build(p)
    assert (p.site / "cases" / ids["case"] / "index.html").is_file()
    run_content_tests(p)


def _unlink_records(text: str, deleted: set[str]) -> str:
    """Markdown links to deleted record pages become plain text (what the build asks for)."""
    pattern = re.compile(
        r"\[([^\]]+)\]\((?:\.\./)*(?:cases|objections|industries)/([a-z0-9-]+)\.md\)"
    )
    return pattern.sub(lambda m: m.group(1) if m.group(2) in deleted else m.group(0), text)


def test_own_records_instead_of_the_examples_keep_everything_green(
    tmp_path: Path, real_today: None
) -> None:
    p = copy_repository(tmp_path / "repo")
    deleted = set()
    for folder in ("cases", "content/objections", "content/industries"):
        for file in (p.root / folder).glob("*.yaml"):
            deleted.add(file.stem)
            file.unlink()
    for page in (p.root / "content").rglob("*.md"):
        page.write_text(_unlink_records(page.read_text(encoding="utf-8"), deleted), "utf-8")
    add_cold_chain(p, new_ids(p), scaffold=False)
    assert p.run("schemas")[0] == 0
    passes_check_schemas_and_build(p)
    run_content_tests(p)


@pytest.mark.parametrize("name", CONTENT_TESTS)
def test_content_test_list_names_real_tests(name: str) -> None:
    assert (REPO / name.split("::")[0]).is_file()


def test_init_empty_leaves_a_project_where_everything_passes(
    tmp_path: Path, real_today: None
) -> None:
    p = copy_repository(tmp_path / "repo")
    code, out = p.run("init", "--empty")
    assert code == 0, out
    for folder in ("cases", "content/objections", "content/industries"):
        assert not list((p.root / folder).glob("*.yaml")), folder
    assert not (p.root / "content/playbook").exists()
    assert (p.root / "content/guides/add-a-case.md").is_file()
    taxonomy = p.read("content/taxonomy.yaml")
    assert taxonomy.count("  - id:") < REPO.joinpath("content/taxonomy.yaml").read_text(
        encoding="utf-8"
    ).count("  - id:")
    assert "playbook/" not in p.read("mkdocs.yml").split("nav:", 1)[1]
    passes_check_schemas_and_build(p)
    run_content_tests(p)


def test_init_without_empty_changes_nothing(project: Project) -> None:
    before = sorted(p.name for p in (project.root / "cases").iterdir())
    code, out = project.run("init")
    assert code == 2 and "init --empty" in out
    assert sorted(p.name for p in (project.root / "cases").iterdir()) == before
