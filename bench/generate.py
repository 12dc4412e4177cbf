#!/usr/bin/env python3
"""Generate a synthetic but realistic playbook project for benchmarks.

    python3 bench/generate.py --cases 1000 bench/out/p1000 [--baseline bench/out/b1000]

Writes a complete project: ``mkdocs.yml`` and ``content/**/*.md`` copied from this
repository (nav intact), ``content/taxonomy.yaml`` copied as is, and

- N cases (``cases/*.yaml``, about 1 KB of Chinese YAML each),
- N/50 objections (at least 11) and N/500 + 8 industries,

with every reference valid (industries, pain points, stages, tiers, metrics,
objections, proof), so the project passes ``check``. Output is deterministic
for a given N and seed. ``--baseline`` also writes the comparison project: plain
mkdocs-material with its built-in search (lang zh) over N Markdown pages of
about 930 Chinese characters each, made from the same cases, with the sidebar
limited to the index page.

Standard library only (YAML is written by hand: strings are JSON-quoted, which
is valid YAML), so it also runs outside the project's virtual environment.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SOURCE = REPO / "tests" / "fixtures" / "playbook"
"""The frozen example playbook the synthetic projects start from (not the team's own
content, which may change at any time; the figures stay comparable)."""

# ---------------------------------------------------------------- vocabularies
# The ids of content/taxonomy.yaml are read from the file (simple line scan) so the
# generator keeps working when the taxonomy grows; labels come along for the text.


@dataclass(frozen=True)
class Vocab:
    pain_points: list[tuple[str, str]]
    stages: list[str]
    tiers: list[str]
    metrics: list[tuple[str, str, str, str]]
    """(id, label, unit, better)"""
    sizes: list[str]
    categories: list[tuple[str, str]]


def read_taxonomy(text: str) -> Vocab:
    """Ids and labels of every vocabulary in a taxonomy file written as block lists."""
    lists: dict[str, list[dict[str, str]]] = {}
    current: list[dict[str, str]] | None = None
    for line in text.splitlines():
        if re.match(r"^[a-z_]+:\s*$", line):
            current = lists.setdefault(line.split(":")[0], [])
            continue
        item = re.match(r"^\s+-\s+(\w+):\s*(.*)$", line)
        field = re.match(r"^\s+(\w+):\s*(.*)$", line)
        if current is None:
            continue
        if item:
            current.append({item.group(1): _unquote(item.group(2))})
        elif field and current:
            current[-1][field.group(1)] = _unquote(field.group(2))
    return Vocab(
        pain_points=[(t["id"], t["label"]) for t in lists["pain_points"]],
        stages=[t["id"] for t in lists["stages"]],
        tiers=[t["id"] for t in lists["tiers"]],
        metrics=[(t["id"], t["label"], t["unit"], t["better"]) for t in lists["metrics"]],
        sizes=[t["id"] for t in lists["company_sizes"]],
        categories=[(t["id"], t["label"]) for t in lists["objection_categories"]],
    )


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


# ---------------------------------------------------------------- text pools

INDUSTRIES = [
    ("building-materials", "建材", "建材"),
    ("ecommerce", "电商卖家", "电商"),
    ("finance-tax", "财税服务", "财税服务"),
    ("machinery", "机械设备", "机械设备"),
    ("saas", "企业软件", "软件"),
    ("technology", "科技服务", "科技"),
    ("trading", "商贸批发", "商贸"),
    ("warehousing-logistics", "仓储物流", "物流"),
    ("catering-chain", "餐饮连锁", "餐饮"),
    ("apparel-wholesale", "服装批发", "服装"),
    ("medical-devices", "医疗器械", "医疗器械"),
    ("education-training", "教育培训", "培训"),
    ("auto-parts", "汽车配件", "汽配"),
    ("home-furnishing", "家居家装", "家居"),
    ("food-processing", "食品加工", "食品"),
    ("printing-packaging", "印刷包装", "包装"),
    ("chemicals", "化工原料", "化工"),
    ("agriculture", "农业种植", "农业"),
    ("beauty-salon", "美容美业", "美业"),
    ("hospitality", "酒店民宿", "酒店"),
    ("cross-border", "跨境电商", "跨境电商"),
    ("maternal-infant", "母婴零售", "母婴"),
    ("hardware-tools", "五金工具", "五金"),
    ("legal-services", "法律服务", "律所"),
    ("advertising", "广告传媒", "传媒"),
    ("real-estate-agency", "房产中介", "房产中介"),
    ("pharmacy-chain", "连锁药房", "药房"),
    ("electronics", "电子元器件", "电子"),
]
REGIONS = ["华东", "华南", "华北", "华中", "西南", "西北", "东北"]
CITIES = [
    "杭州",
    "苏州",
    "宁波",
    "佛山",
    "东莞",
    "成都",
    "武汉",
    "长沙",
    "郑州",
    "青岛",
    "合肥",
    "厦门",
]
ROLES = [
    "老板",
    "运营负责人",
    "仓库主管",
    "财务经理",
    "销售总监",
    "采购负责人",
    "门店店长",
    "总经理",
]
OWNERS = ["@li-sales-lead", "@zhao-kam", "@wang-bd", "@chen-presales", "@liu-cs", "@zhou-ops"]

CHALLENGES = [
    "旺季订单量成倍增长，原有流程跟不上，发货延迟带来差评和退款。",
    "老客户续费意愿下降，竞品一降价就有人流失，团队不知道从哪里入手。",
    "线索来源单一，陌生拜访转化率低，单条线索成本一年涨了三成。",
    "库存账实不符，找货靠记忆，错发漏发时有发生，仓储费用居高不下。",
    "新招的销售上手慢，从入职到首单平均要四个月，团队扩张受限。",
    "报表数据很多，但老板看不懂，每周例会都在争论数字口径。",
    "客户对价格非常敏感，报价后经常没有下文，销售只能反复降价。",
    "决策链长，拍板人很少直接见面，方案在中间层被反复搁置。",
    "回款周期长，账期压力挤占现金流，影响了进货和扩张节奏。",
    "产品讲不清楚，每个客户都要从头解释，沟通周期动辄一两个月。",
]
APPROACHES = [
    "先用三维画像梳理决策链、痛点场景和付费意愿，确认真正拍板的人。",
    "带着同行业的成功案例上门，用对方熟悉的数字讲清楚投入和回报。",
    "把单价换算成全年总成本，与低价方案逐项对比，守住价格底线。",
    "安排一次免费诊断，用客户自己的数据做测算，结果出来再谈方案。",
    "把方案拆成两期，先上最急需的部分，降低一次性投入和决策门槛。",
    "在旺季前一个月集中回访，把保障方案和续费放在一起谈。",
    "邀请老客户做转介绍，给双方都提供返点，形成口碑传播。",
    "整理常见异议的标准话术，组织每周一次的角色扮演演练。",
    "用短视频演示核心功能，把三十分钟的讲解压缩到三分钟。",
    "和财务一起设计分期付款方案，把付款节点和交付里程碑绑定。",
]
QUOTES = [
    "以前总觉得贵，算完全年的账才发现其实更省。",
    "旺季终于不用全员加班了，发货准时多了。",
    "数据一目了然，开会不再争论数字了。",
    "新人跟着话术练两周就能独立跑客户。",
    "方案分期上，压力小多了，效果也看得见。",
    "同行介绍过来的，信任感完全不一样。",
]
TITLE_VERBS = ["提升", "增长", "提高"]
OBJECTION_PHRASES = {
    "price": ["你们太贵了，比别家高了一截。", "预算不够，今年先不考虑。", "能不能再便宜一点？"],
    "timing": ["现在太忙了，过了旺季再说。", "明年再考虑吧。", "等我们内部调整完再说。"],
    "trust": ["没听说过你们，不太放心。", "你们公司规模太小了。", "效果真的有你说的那么好吗？"],
    "competitor": ["别家免费试用三个月。", "我们已经在用别家的了。", "竞品报价低了两成。"],
    "need": ["我们现在这样也挺好的。", "这个功能我们用不上。", "我们规模小，用不着这么复杂。"],
    "authority": ["这事得老板拍板。", "我做不了主，要报给总部。", "财务那边不会同意的。"],
    "payment": ["能不能账期九十天？", "必须先试用再付款。", "只能按季度付款。"],
    "usability": ["系统太复杂，员工学不会。", "报表看不懂。", "换系统太麻烦了。"],
}
FILLER = [
    "销售在第一次拜访时就记录下客户的决策链，明确谁拍板、谁影响、谁使用。",
    "回访中发现，客户真正担心的不是价格本身，而是投入之后看不到结果。",
    "团队把每一次沟通的要点写进案例库，新人可以直接按场景查找话术。",
    "方案呈现时只讲与客户痛点相关的三个价值点，其余内容放进附件。",
    "成交后一个月内安排一次复盘，把客户的真实反馈补充进案例。",
    "在同行社群里分享这个案例后，又带来了几家同类型的意向客户。",
]


def _project_yml(text: str) -> str:
    """The repository's mkdocs.yml, minus watch entries a generated project lacks (plugins/)."""
    return re.sub(r"(?m)^  - plugins\n(?=(  - .*\n)*\Z|(  - .*\n)*[^ ])", "", text, count=1)


def _join(parts: list[str]) -> str:
    return "".join(parts)


def q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def ownership(rng: random.Random, today: dt.date) -> list[str]:
    """The ``owner`` and ``reviewed`` lines every record ends with."""
    return [
        f"owner: {q(rng.choice(OWNERS))}",
        f"reviewed: {(today - dt.timedelta(days=rng.randint(1, 150))).isoformat()}",
    ]


# ---------------------------------------------------------------- records


@dataclass
class Industry:
    id: str
    name: str
    short: str
    pains: list[str]


@dataclass
class Case:
    id: str
    title: str
    summary: str
    alias: str
    industry: Industry
    region: str
    challenge: list[str]
    approach: list[str]
    results: list[tuple[str, str, str]]
    """(metric id, label, change)"""
    quote: tuple[str, str]
    pains: list[str]


MIN_CASES = 11
"""The example objections cite the frozen example's 11 cases."""
EXAMPLE_FOLDERS = {
    "case": "cases",
    "objection": "content/objections",
    "industry": "content/industries",
}


def proportions(cases: int) -> tuple[int, int]:
    """(objections, industries) for ``cases`` cases."""
    return max(11, cases // 50), cases // 500 + 8


def make_industries(count: int, vocab: Vocab, rng: random.Random) -> list[Industry]:
    industries = []
    pain_ids = [p for p, _ in vocab.pain_points]
    for i in range(count):
        ident, name, short = INDUSTRIES[i % len(INDUSTRIES)]
        rounds = i // len(INDUSTRIES)
        if rounds:
            region = REGIONS[rounds % len(REGIONS)]
            ident, name = f"{ident}-{rounds + 1}", f"{name}（{region}{rounds + 1}）"
        industries.append(Industry(ident, name, short, rng.sample(pain_ids, 4)))
    return industries


def objection_ids(count: int, vocab: Vocab) -> list[tuple[str, str, str]]:
    """(id, category id, text) for ``count`` objections."""
    out = []
    for i in range(count):
        category, _label = vocab.categories[i % len(vocab.categories)]
        phrases = OBJECTION_PHRASES.get(category, ["还要再考虑一下。"])
        text = phrases[(i // len(vocab.categories)) % len(phrases)]
        out.append((f"{category}-{i + 1:04d}", category, text))
    return out


def make_case(
    i: int, industries: list[Industry], vocab: Vocab, rng: random.Random, labels: dict[str, str]
) -> Case:
    industry = industries[rng.randrange(len(industries))]
    pains = rng.sample(industry.pains, rng.choice((1, 2, 2, 3)))
    metric = vocab.metrics[rng.randrange(len(vocab.metrics))]
    pct = rng.randint(12, 85)
    city = CITIES[rng.randrange(len(CITIES))]
    alias = f"{city}某{industry.short}公司"
    pain_label = labels[pains[0]]
    verb = TITLE_VERBS[i % len(TITLE_VERBS)]
    title = f"{industry.short}客户解决{pain_label}，{metric[1]}{verb} {pct}%"[:110]
    summary = (
        f"{alias}面临{pain_label}的问题，销售从痛点场景切入，"
        f"用同行案例和全年成本对比推动决策，{metric[1]}{verb} {pct}%。"
    )
    challenge = rng.sample(CHALLENGES, 2)
    approach = rng.sample(APPROACHES, 3)
    second = rng.choice([m for m in vocab.metrics if m[0] != metric[0]])
    results = [
        (metric[0], metric[1], f"+{pct}%" if metric[3] == "up" else f"-{pct}%"),
        (second[0], second[1], f"+{pct // 2 + 5}%" if second[3] == "up" else f"-{pct // 3 + 5}%"),
    ]
    quote = (QUOTES[rng.randrange(len(QUOTES))], ROLES[rng.randrange(len(ROLES))])
    return Case(
        f"case-{i + 1:05d}",
        title,
        summary,
        alias,
        industry,
        REGIONS[rng.randrange(len(REGIONS))],
        challenge,
        approach,
        results,
        quote,
        pains,
    )


def case_yaml(
    case: Case, vocab: Vocab, objections: list[str], rng: random.Random, today: dt.date
) -> str:
    lines = [
        f"title: {q(case.title)}",
        f"summary: {q(case.summary)}",
        "customer:",
        f"  alias: {q(case.alias)}",
        f"  industry: {case.industry.id}",
        f"  size: {rng.choice(vocab.sizes)}",
        f"  region: {case.region}",
        "pain_points:",
        *(f"  - {p}" for p in case.pains),
        "stages:",
        *(f"  - {s}" for s in sorted(rng.sample(vocab.stages, 2), key=vocab.stages.index)),
        f"tier: {rng.choice(vocab.tiers)}",
        "challenge: |",
        *(f"  {line}" for line in case.challenge),
        "approach: |",
        "  销售的做法：",
        "",
        *(f"  - {line}" for line in case.approach),
        "results:",
    ]
    for metric, label, change in case.results:
        lines += [f"  - metric: {metric}", f"    label: {q(label)}", f"    change: {q(change)}"]
    lines += [
        "quote:",
        f"  text: {q(case.quote[0])}",
        f"  by: {q(case.quote[1])}",
    ]
    if objections:
        lines += ["objections:", *(f"  - {o}" for o in objections)]
    lines += ownership(rng, today)
    if rng.random() < 0.3:  # some cases carry private CRM notes, as real ones do
        lines += ["private:", f"  crm_id: {q('CRM-' + str(rng.randint(10000, 99999)))}"]
    return "\n".join(lines) + "\n"


def objection_yaml(
    text: str, category: str, vocab: Vocab, proof: list[str], rng: random.Random, today: dt.date
) -> str:
    lines = [
        f"objection: {q(text)}",
        "aliases:",
        f"  - {q(text[:6])}",
        f"category: {category}",
        "stages:",
        "  - objection",
        "responses:",
    ]
    for n in range(3):
        lines += [
            f"  - title: {q(['先认同，再算全年账', '用同行结果说话', '调整方案而不是降价'][n])}",
            f"    script: {q('{客户名}，' + rng.choice(APPROACHES) + rng.choice(FILLER))}",
            f"    when: {q(rng.choice(CHALLENGES))}",
        ]
    lines.append("value_table:")
    for dimension in ("价格", "售后响应", "方案完整度"):
        lines += [
            f"  - dimension: {dimension}",
            f"    ours: {q('比同类产品多一项保障')}",
            f"    alternative: {q('低价方案只管首单')}",
            f"    customer_value: {q(rng.choice(FILLER))}",
        ]
    if proof:
        lines += ["proof:", *(f"  - {p}" for p in proof)]
    lines += ownership(rng, today)
    return "\n".join(lines) + "\n"


def industry_yaml(
    industry: Industry,
    labels: dict[str, str],
    common: list[str],
    rng: random.Random,
    today: dt.date,
) -> str:
    lines = [
        f"name: {q(industry.name)}",
        f"summary: {q(industry.short + '行业的中小企业，' + rng.choice(CHALLENGES))}",
        "pain_points:",
    ]
    for pain in industry.pains:
        lines += [
            f"  - id: {pain}",
            f"    scenario: {q(labels[pain] + '：' + rng.choice(CHALLENGES))}",
        ]
    lines += [
        "decision_chain: |",
        f"  - **拍板人**：{rng.choice(ROLES)}。",
        f"  - **影响者**：{rng.choice(ROLES)}、{rng.choice(ROLES)}。",
        "  - **采购方式**：看重同行口碑和试用效果。",
        f"budget: {q('对价格敏感，偏好按月付费。')}",
        "discovery_questions:",
    ]
    for dimension, question in (
        ("decision_chain", "这类采购一般是谁拍板？还需要谁点头？"),
        ("pain_scenario", "上一次旺季最卡在哪个环节？影响了多少订单？"),
        ("willingness_to_pay", "如果问题解决了，每个月投入多少是合理的？"),
    ):
        lines += [f"  - dimension: {dimension}", f"    question: {q(question)}"]
    if common:
        lines += ["common_objections:", *(f"  - {o}" for o in common)]
    lines += ownership(rng, today)
    return "\n".join(lines) + "\n"


def baseline_markdown(case: Case, labels: dict[str, str], rng: random.Random) -> str:
    """The same case as a plain Markdown page of about 930 Chinese characters."""
    body = [
        f"# {case.title}",
        "",
        case.summary,
        "",
        f"**客户**：{case.alias}　**行业**：{case.industry.name}　**地区**：{case.region}",
        "",
        "**痛点**：" + "、".join(labels[p] for p in case.pains),
        "",
        "## 挑战",
        "",
        _join(case.challenge),
        "",
        "## 做法",
        "",
        *(f"- {a}" for a in case.approach),
        "",
        "## 结果",
        "",
        "| 指标 | 变化 |",
        "|---|---|",
        *(f"| {label} | {change} |" for _m, label, change in case.results),
        "",
        f"> {case.quote[0]} —— {case.quote[1]}",
        "",
        "## 复盘",
        "",
    ]
    text = "\n".join(body)
    extra: list[str] = []
    while _cjk(text) + sum(_cjk(e) for e in extra) < 930:
        extra.append(rng.choice(FILLER + CHALLENGES + APPROACHES))
    return text + "".join(extra) + "\n"


def _cjk(text: str) -> int:
    return sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff" or "\u3000" <= ch <= "\u303f")


# ---------------------------------------------------------------- projects


def generate(
    target: Path,
    cases: int,
    *,
    seed: int = 42,
    today: dt.date | None = None,
    baseline: Path | None = None,
    source: Path = SOURCE,
) -> dict[str, int]:
    """Write a playbook project with ``cases`` cases into ``target`` (replaced if present)."""
    today = today or dt.date.today()
    rng = random.Random(seed)
    vocab = read_taxonomy((source / "content/taxonomy.yaml").read_text(encoding="utf-8"))
    labels = dict(vocab.pain_points)
    n_objections, n_industries = proportions(cases)

    if target.exists():
        shutil.rmtree(target)
    (target / "cases").mkdir(parents=True)
    (target / "content/objections").mkdir(parents=True)
    (target / "content/industries").mkdir(parents=True)
    (target / "mkdocs.yml").write_text(
        _project_yml((source / "mkdocs.yml").read_text(encoding="utf-8")), encoding="utf-8"
    )
    shutil.copy2(source / "content/taxonomy.yaml", target / "content/taxonomy.yaml")
    for md in (source / "content").rglob("*.md"):
        dest = target / md.relative_to(source)
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(md, dest)
    if (REPO / "overrides").is_dir():
        shutil.copytree(REPO / "overrides", target / "overrides")

    # The repository's example records come along (the Markdown pages link to them);
    # synthetic records make up the rest of each count.
    examples = {
        kind: sorted((source / folder).glob("*.yaml")) for kind, folder in EXAMPLE_FOLDERS.items()
    }
    for kind, folder in EXAMPLE_FOLDERS.items():
        for source in examples[kind][: cases if kind == "case" else None]:
            shutil.copy2(source, target / folder / source.name)
    example_cases = [f.stem for f in examples["case"]][:cases]
    example_objections = [f.stem for f in examples["objection"]]
    example_industries = {f.stem for f in examples["industry"]}

    industries = make_industries(max(n_industries, len(example_industries)), vocab, rng)
    objections = objection_ids(max(0, n_objections - len(example_objections)), vocab)
    objection_list = example_objections + [o[0] for o in objections]
    records = [
        make_case(i, industries, vocab, rng, labels) for i in range(len(example_cases), cases)
    ]
    for case in records:
        cited = rng.sample(objection_list, rng.choice((0, 1, 2, 2, 3)))
        text = case_yaml(case, vocab, cited, rng, today)
        (target / "cases" / f"{case.id}.yaml").write_text(text, encoding="utf-8")
    case_ids = example_cases + [c.id for c in records]
    for ident, category, text in objections:
        proof = sorted(rng.sample(case_ids, min(len(case_ids), 4)))
        (target / "content/objections" / f"{ident}.yaml").write_text(
            objection_yaml(text, category, vocab, proof, rng, today), encoding="utf-8"
        )
    for industry in industries:
        if industry.id in example_industries:
            continue
        common = rng.sample(objection_list, 3)
        (target / "content/industries" / f"{industry.id}.yaml").write_text(
            industry_yaml(industry, labels, common, rng, today), encoding="utf-8"
        )
    if baseline is not None:
        # One baseline page per case, examples included (as synthetic text of the same shape).
        extra = random.Random(seed + 1)
        stand_ins = [
            make_case(i, industries, vocab, extra, labels) for i in range(len(example_cases))
        ]
        write_baseline(baseline, stand_ins + records, labels, rng)
    return {
        "cases": len(case_ids),
        "objections": len(objection_list),
        "industries": len(industries),
    }


BASELINE_YML = """\
site_name: Baseline playbook
site_url: http://127.0.0.1:8000/
docs_dir: docs
use_directory_urls: true
theme:
  name: material
  language: zh
  font: false
  features:
    - navigation.tabs
    - navigation.sections
    - navigation.top
    - navigation.indexes
plugins:
  - search:
      lang: zh
markdown_extensions:
  - admonition
  - attr_list
  - md_in_html
  - tables
  - toc:
      permalink: true
nav:
  - 首页: index.md
not_in_nav: /cases/
"""


def write_baseline(
    target: Path, records: list[Case], labels: dict[str, str], rng: random.Random
) -> None:
    """Plain mkdocs-material over one Markdown page per case; the nav lists only the index."""
    if target.exists():
        shutil.rmtree(target)
    docs = target / "docs"
    (docs / "cases").mkdir(parents=True)
    (target / "mkdocs.yml").write_text(BASELINE_YML, encoding="utf-8")
    (docs / "index.md").write_text(
        "# 案例库\n\n基线：每个案例一页，侧栏只列首页。\n", encoding="utf-8"
    )
    for case in records:
        (docs / "cases" / f"{case.id}.md").write_text(
            baseline_markdown(case, labels, rng), encoding="utf-8"
        )


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("target", type=Path, help="folder to write the project into (replaced)")
    p.add_argument("--cases", type=int, required=True)
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--today", type=dt.date.fromisoformat, default=None)
    p.add_argument(
        "--baseline", type=Path, default=None, help="also write the baseline project here"
    )
    args = p.parse_args(argv)
    if args.cases < MIN_CASES:
        p.error(f"--cases must be at least {MIN_CASES} (the example cases come along)")
    counts = generate(
        args.target, args.cases, seed=args.seed, today=args.today, baseline=args.baseline
    )
    print(json.dumps(counts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
