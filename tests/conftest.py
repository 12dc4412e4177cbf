"""Shared fixtures: a small but complete project written into ``tmp_path``."""

from __future__ import annotations

import io
import os
import textwrap
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from playbook import cli

REPO = Path(__file__).resolve().parent.parent
"""The repository: its own content is checked with the real date, expectations from its files."""
EXAMPLE = REPO / "tests" / "fixtures" / "playbook"
"""A frozen copy of the example playbook: what the tool's browser and search tests build."""
TODAY = "2026-11-27"
"""The fixed "today" of fixture projects (never of the repository's own content)."""

MKDOCS_YML = """\
site_name: Test playbook
docs_dir: content
theme:
  name: material
  language: zh
  font: false
plugins:
  - playbook
markdown_extensions:
  - attr_list
  - md_in_html
"""

TAXONOMY = """\
pain_points:
  - id: cash-flow
    label: 资金周转
    category: cost
  - id: sorting-efficiency
    label: 旺季分拣效率低
    category: efficiency
  - id: tax-compliance
    label: 财税合规
    category: compliance
stages:
  - {id: touch, label: 客户触达}
  - {id: discovery, label: 需求挖掘}
  - {id: objection, label: 异议处理}
tiers:
  - {id: a, label: A 类客户, cadence: 每周跟进}
  - {id: b, label: B 类客户, cadence: 每月推送案例}
metrics:
  - {id: conversion-rate, label: 转化率, unit: "%", better: up}
  - {id: turnover-days, label: 库存周转天数, unit: 天, better: down}
company_sizes:
  - {id: small, label: 小型}
objection_categories:
  - {id: price, label: 价格}
  - {id: timing, label: 时机}
"""

CASE = """\
title: 分拣效率提升 40%
summary: 某仓储公司旺季分拣跟不上，改造流程后效率提升。
customer:
  alias: 某仓储公司
  industry: warehousing
  size: small
  region: 华东
pain_points:
  - sorting-efficiency
stages: [discovery]
tier: a
challenge: |
  旺季订单翻倍，**分拣**跟不上。
approach: |
  - 先做诊断
  - 再出方案
results:
  - metric: conversion-rate
    label: 分拣效率
    change: "+40%"
    period: 一个月
quote:
  text: 旺季终于不加班了。
  by: 仓库主管
objections: [price-too-high]
owner: "@alice"
reviewed: 2026-10-01
"""

CASE_2 = """\
title: 周转天数从 15 天降到 7 天
summary: 某电商卖家用系统管库存，周转更快。
customer:
  alias: 某电商卖家
  industry: ecommerce
pain_points: [cash-flow, sorting-efficiency]
challenge: 库存混乱。
approach: 上线仓储系统。
results:
  - metric: turnover-days
    label: 库存周转
    before: 15 天
    after: 7 天
owner: "@bob"
reviewed: 2026-09-01
"""

OBJECTION = """\
objection: 你们太贵了
aliases: [价格高, 超预算]
category: price
stages: [objection]
responses:
  - title: 先认同再算账
    script: "{客户名}，价格确实高 10%，但售后响应快 3 倍。"
    when: 客户只比较报价时
  - title: 拆分成本
    script: 按天算，每天只多一杯咖啡钱。
value_table:
  - dimension: 售后响应
    ours: 2 小时
    alternative: 6 小时
    customer_value: 少停机
proof: [turnover-case]
owner: "@carol"
reviewed: 2026-10-15
"""

OBJECTION_2 = """\
objection: 现在没时间
category: timing
responses:
  - title: 约短时间
    script: 只占用您 10 分钟。
value_table:
  - dimension: 时间
    ours: 10 分钟
    alternative: 一小时会议
    customer_value: 省时间
owner: "@carol"
reviewed: 2026-10-15
"""

INDUSTRY = """\
name: 仓储物流
summary: 第三方仓储与物流企业。
pain_points:
  - id: sorting-efficiency
    scenario: 大促期间分拣口堵塞。
decision_chain: 老板拍板，仓库主管影响。
budget: 年预算 10 万以内
discovery_questions:
  - {dimension: decision_chain, question: 谁最终拍板？}
  - {dimension: pain_scenario, question: 旺季哪个环节最堵？}
  - {dimension: willingness_to_pay, question: 解决后愿意投入多少？}
common_objections: [price-too-high]
owner: "@dave"
reviewed: 2026-11-01
"""

INDUSTRY_2 = """\
name: 电商卖家
summary: 中小电商卖家。
pain_points:
  - id: cash-flow
decision_chain:
  - 老板决定
  - 运营主管提需求
discovery_questions:
  - {dimension: decision_chain, question: 谁决定？}
  - {dimension: pain_scenario, question: 哪里最痛？}
  - {dimension: willingness_to_pay, question: 预算多少？}
owner: "@dave"
reviewed: 2026-11-01
"""

FILES = {
    "mkdocs.yml": MKDOCS_YML,
    "content/index.md": "# 首页\n\n欢迎。\n",
    "content/taxonomy.yaml": TAXONOMY,
    "cases/sorting-case.yaml": CASE,
    "cases/turnover-case.yaml": CASE_2,
    "content/objections/price-too-high.yaml": OBJECTION,
    "content/objections/no-time.yaml": OBJECTION_2,
    "content/industries/warehousing.yaml": INDUSTRY,
    "content/industries/ecommerce.yaml": INDUSTRY_2,
}


LANG_COMMANDS = frozenset({"check", "build", "serve", "new", "schemas", "health"})


@dataclass
class Project:
    """A fixture project on disk, with helpers to edit, check and build it."""

    root: Path
    lang: str | None = "en"
    """``--lang`` for every command (tool tests assert English texts; None: the site's language,
    Chinese by default, asserted in test_messages.py and test_yaml_messages.py)."""

    def write(self, rel: str, text: str | bytes) -> Path:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(
                textwrap.dedent(text) if text.startswith("\n") else text, encoding="utf-8"
            )
        return path

    def read(self, rel: str) -> str:
        return (self.root / rel).read_text(encoding="utf-8")

    def edit(self, rel: str, old: str, new: str) -> None:
        text = self.read(rel)
        assert old in text, f"{old!r} not in {rel}"
        self.write(rel, text.replace(old, new, 1))

    def run(self, *args: str) -> tuple[int, str]:
        out = io.StringIO()
        command = list(args)
        if self.lang and command and command[0] in LANG_COMMANDS and "--lang" not in command:
            command[1:1] = ["--lang", self.lang]
        code = cli.main(["--project", str(self.root), *command], out=out)
        return code, out.getvalue()

    def check(self) -> tuple[int, str]:
        return self.run("check")

    def build(self, *args: str) -> tuple[int, str]:
        return self.run("build", *args)

    def build_ok(self, *args: str) -> str:
        """Build and require success (a failed build keeps no site to assert on)."""
        code, out = self.build(*args)
        assert code == 0, out
        return out

    @property
    def site(self) -> Path:
        return self.root / "site"

    def page(self, url: str) -> BeautifulSoup:
        path = (
            self.site / url.strip("/") / "index.html"
            if not url.endswith(".html")
            else self.site / url
        )
        return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")

    def content(self, url: str) -> BeautifulSoup:
        """The article body of a built page."""
        article = self.page(url).select_one("article.md-content__inner")
        assert article is not None
        return article

    def site_text(self) -> str:
        """Every file of the built site as one text, for leak scans."""
        parts = []
        for file in sorted(self.site.rglob("*")):
            if file.is_file():
                parts.append(file.read_bytes().decode("utf-8", errors="replace"))
        return "\n".join(parts)


@pytest.fixture(autouse=True)
def _fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    """Freshness checks of fixture projects compare against a fixed date, so results do not
    drift with time. Tests of the repository's own content use :func:`real_today`."""
    monkeypatch.setenv("PLAYBOOK_TODAY", TODAY)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")


@pytest.fixture
def real_today(monkeypatch: pytest.MonkeyPatch) -> None:
    """The real date, for checks of the repository's own content (a case reviewed today
    must never be "in the future")."""
    monkeypatch.delenv("PLAYBOOK_TODAY", raising=False)


@pytest.fixture
def project(tmp_path: Path) -> Project:
    """A valid fixture project: 2 cases, 2 objections, 2 industries."""
    p = Project(tmp_path / "proj")
    for rel, text in FILES.items():
        p.write(rel, text)
    return p


@pytest.fixture
def make_project(tmp_path: Path) -> Callable[[dict[str, str]], Project]:
    """Build a project from the fixture files with some replaced (value None removes a file)."""

    def make(changes: dict[str, str | None]) -> Project:
        p = Project(tmp_path / "custom")
        files: dict[str, str | None] = {**FILES, **changes}
        for rel, text in files.items():
            if text is not None:
                p.write(rel, text)
        return p

    return make


def copy_playbook(source: Path, root: Path) -> Project:
    """Copy a playbook's content and mkdocs.yml (with the repository's overrides) to ``root``."""
    import shutil

    for name in ("cases", "content"):
        shutil.copytree(source / name, root / name)
    shutil.copytree(REPO / "overrides", root / "overrides")
    shutil.copy(source / "mkdocs.yml", root / "mkdocs.yml")
    (root / "plugins").mkdir()  # listed under watch: in mkdocs.yml
    return Project(root)


def _build_once(root: Path, today: str | None) -> Project:
    p = Project(root)
    previous = os.environ.pop("PLAYBOOK_TODAY", None)
    if today is not None:
        os.environ["PLAYBOOK_TODAY"] = today
    try:
        code, out = p.build("--strict")
    finally:
        os.environ.pop("PLAYBOOK_TODAY", None)
        if previous is not None:
            os.environ["PLAYBOOK_TODAY"] = previous
    assert code == 0, out
    return p


@pytest.fixture(scope="session")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """The frozen example playbook (``tests/fixtures/playbook``), built once per session."""
    p = copy_playbook(EXAMPLE, tmp_path_factory.mktemp("example") / "proj")
    return _build_once(p.root, TODAY)


@pytest.fixture(scope="session")
def repo_site(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """The repository's own playbook as it is now, built once per session with the real date."""
    p = copy_playbook(REPO, tmp_path_factory.mktemp("repo") / "proj")
    return _build_once(p.root, None)


@pytest.fixture(scope="session")
def example_url(example_site: Project) -> Iterator[str]:
    """The built example playbook served on 127.0.0.1."""
    from browser import serve_dir

    with serve_dir(example_site.site) as url:
        yield url


@pytest.fixture
def browser_context() -> Iterator[Any]:
    """A Playwright browser context in headless Debian Chromium."""
    from browser import chromium

    with chromium(locale="zh-CN") as context:
        yield context
