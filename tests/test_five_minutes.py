"""The guide's five-minute path, followed literally, on a fixture playbook in a git repository.

The commands, the YAML to paste, the taxonomy lines to add and the messages shown are
all read from ``content/guides/add-a-case.md`` (the repository's current guide) and
run or compared as the guide presents them, so the test breaks as soon as the guide
and the tool drift apart. The playbook around it is the frozen example fixture
(``tests/fixtures/playbook``), never the repository's live records.
"""

from __future__ import annotations

import json
import re
import shlex
import string
import textwrap
from pathlib import Path

import jsonschema
import yaml
from conftest import EXAMPLE, REPO, Project, copy_playbook
from gitrepo import init_repo
from playbook.core.messages import CATALOG
from playbook.site.i18n import STRINGS

GUIDE_FILE = "content/guides/add-a-case.md"
GUIDE = (REPO / GUIDE_FILE).read_text(encoding="utf-8")


# --- reading the guide -----------------------------------------------------------------


def _section(title: str) -> str:
    """The text of the ``## title…`` section."""
    parts = re.split(r"^## ", GUIDE, flags=re.M)
    found = [part for part in parts if part.startswith(title)]
    assert len(found) == 1, f"the guide has no single section '## {title}'"
    return found[0]


def _blocks(text: str, lang: str) -> list[str]:
    """The fenced ``lang`` code blocks of ``text``, de-indented (list items, details)."""
    pattern = re.compile(rf"^([ ]*)```{lang}\n(.*?)^\1```", re.M | re.S)
    return [textwrap.dedent(match[2]) for match in pattern.finditer(text)]


def _commands(text: str) -> list[list[str]]:
    """Every ``python3 build.py …`` line of the bash blocks, as build.py arguments."""
    commands = []
    for block in _blocks(text, "bash"):
        for line in block.splitlines():
            words = shlex.split(line)
            assert words[:2] == ["python3", "build.py"], line
            commands.append(words[2:])
    return commands


def _documented(message: str) -> str:
    assert message in GUIDE, f"the guide does not show: {message}"
    return message


def _common_errors() -> list[str]:
    """The first column of the 常见错误 table: what the reader sees, as check prints it."""
    rows = re.findall(r"^\| `([^`]+)` \|", _section("常见错误"), re.M)
    assert rows
    return rows


def _row(key: str) -> str:
    """The common-errors row containing ``key``."""
    (row,) = [row for row in _common_errors() if key in row]
    return row


Template = list[str | None]
"""A catalog text as literal pieces and placeholders (None)."""


def _template(text: str) -> Template:
    parts: Template = []
    for literal, name, _, _ in string.Formatter().parse(text):
        if literal:
            parts.append(literal)
        if name is not None:
            parts.append(None)
    return parts


def _literals_matched(text: str, parts: Template, partial: bool) -> int | None:
    """How many literal characters of ``parts`` ``text`` matches, a placeholder standing
    for any non-empty text; ``partial``: ``text`` may stop early (a short form). None if
    ``text`` is no rendering of ``parts``."""
    if not parts:
        return 0 if not text else None
    if not text:
        return 0 if partial else None
    first, rest = parts[0], parts[1:]
    if first is not None:
        if text.startswith(first):
            more = _literals_matched(text[len(first) :], rest, partial)
            return None if more is None else len(first) + more
        return len(text) if partial and first.startswith(text) else None
    best: int | None = None
    # A short form stops inside a literal, never inside a placeholder (it would match anything).
    for cut in range(1, len(text) + (0 if rest else 1)):
        nxt = rest[0] if rest else None
        if nxt is not None and not text[cut:].startswith(nxt[: len(text) - cut]):
            continue  # the next literal cannot start here
        more = _literals_matched(text[cut:], rest, partial)
        if more is not None and (best is None or more > best):
            best = more
    return best


_TEMPLATES = [_template(zh) for zh, _ in CATALOG.values()]
_WORDY = [t for t in _TEMPLATES if sum(len(part or "") for part in t) >= 4]
"""Texts with some words of their own (not ``{source}`` or ``{what}：{shown}``)."""


def _catalog_words(text: str, partial: bool) -> int | None:
    """The most literal characters of one catalog text that ``text`` is a rendering of."""
    found = [n for n in (_literals_matched(text, t, partial) for t in _WORDY) if n is not None]
    return max(found, default=None)


def _catalog_match(row: str) -> float:
    """The share of ``row`` that is the catalog's own Chinese words, when ``row`` renders a
    message (its full text, or its start as a short form) or a message and `` (hint)``;
    0 when it renders none."""
    whole = _catalog_words(row, partial=True)
    score = whole / len(row) if whole is not None else 0.0
    for split in (m.start() for m in re.finditer(r" \(", row)):
        message, hint = row[:split], row[split + 2 :]
        if hint.endswith(")"):
            first, second = _catalog_words(message, False), _catalog_words(hint[:-1], True)
            if first is not None and second is not None:
                score = max(score, (first + second) / (len(message) + len(hint) - 1))
    return score


def _taxonomy_additions(section: str) -> dict[str, str]:
    """List name → the lines the guide says to add at the end of it in content/taxonomy.yaml."""
    additions = {}
    for block in _blocks(section, "yaml"):
        first, _, lines = block.partition("\n")
        match = re.fullmatch(r"# 加在 (\w+): 列表末尾", first)
        if match:
            additions[match[1]] = lines
    return additions


def _add_at_end_of_list(taxonomy: str, name: str, lines: str) -> str:
    """``lines`` appended to the top-level list ``name:`` (before the next key)."""
    head, key, rest = taxonomy.partition(f"\n{name}:\n")
    assert key, name
    following = re.search(r"\n(?=\S)", rest)
    end = following.start() if following else len(rest)
    body = rest[:end].rstrip("\n") + "\n"
    return head + key + body + lines + rest[len(rest[:end].rstrip("\n")) + 1 :]


def _file_block(block: str) -> tuple[str, str]:
    """(path, text) of a YAML block whose first line is ``# <path> …``."""
    first, _, text = block.partition("\n")
    match = re.match(r"# (\S+\.yaml)", first)
    assert match, first
    return match[1], text


def _keep_line(text: str, scaffold: str, key: str) -> str:
    """``text`` with its ``key:`` line as the scaffold wrote it (the guide: keep it)."""
    line = next(line for line in scaffold.splitlines() if line.startswith(f"{key}:"))
    value = line.split("#", 1)[0].rstrip()
    return re.sub(rf"^{key}:.*$", value, text, count=1, flags=re.M)


# --- the playbook ----------------------------------------------------------------------


def _playbook(tmp_path: Path) -> Project:
    """The frozen example playbook with the repository's current guide, under git."""
    p = copy_playbook(EXAMPLE, tmp_path / "playbook")
    p.write(GUIDE_FILE, GUIDE)
    p.lang = None  # the site's language, Chinese, as the guide shows it
    assert p.run("schemas")[0] == 0  # committed and current, as in the repository
    init_repo(p.root)
    return p


def _schema_errors(p: Project, text: str) -> list[str]:
    schema = json.loads(p.read("schemas/case.schema.json"))
    data = json.loads(json.dumps(yaml.safe_load(text), default=str))  # dates as the editor has them
    return [e.message for e in jsonschema.Draft7Validator(schema).iter_errors(data)]


def test_the_composer_path_names_the_composers_own_buttons() -> None:
    section = _section("方法一")
    assert "](../cases/new.md)" in section
    composer = {entry["zh"] for key, entry in STRINGS.items() if key.startswith("composer")}
    for label in re.findall(r"\*\*([^*]+)\*\*", section):
        if label != "同一套规则":
            assert label in composer, label
    for quoted in re.findall(r"“([^”]+)”", section):
        if quoted != "新增一个案例":
            assert quoted in composer, quoted
    home = (EXAMPLE / "content/index.md").read_text(encoding="utf-8")
    assert "新增一个案例" in home


def test_the_editor_path_step_by_step(tmp_path: Path) -> None:
    p = _playbook(tmp_path)
    steps = _section("方法二")
    commands = _commands(steps)
    new_case, check, serve, changed_since = commands
    assert new_case[:2] == ["new", "case"] and check == ["check"] and serve == ["serve"]
    case_file = f"cases/{new_case[2]}.yaml"

    # Step 1: the template, and the two refusals the guide shows.
    refused_id, exists = _blocks(steps, "text")[0].splitlines()
    bad_id = re.search(r"'([^']+)' 不是有效的 id", refused_id)
    assert bad_id is not None
    code, out = p.run("new", "case", bad_id[1])
    assert (code, out.strip()) == (2, refused_id)
    code, out = p.run(*new_case)
    assert code == 0, out
    code, out = p.run(*new_case)
    assert (code, out.strip()) == (1, exists)
    scaffold = p.read(case_file)
    modeline = scaffold.splitlines()[0]
    assert modeline.startswith(_documented("# yaml-language-server: $schema="))
    assert "【待填写】" in scaffold and "【待填写】" in steps
    code, out = p.check()
    assert code == 1
    assert f"{case_file}:4:8: " + _row("'title' 里还留着占位符") in out.splitlines()
    placeholder_id = _row("'industry' 里还留着占位符")
    assert any(line.endswith(f": {placeholder_id}") for line in out.splitlines()), out

    # Step 2: the complete example (all of it) under the template's first line, its date kept.
    (example,) = _blocks(_section("完整示例"), "yaml")
    assert _file_block(example)[0] == case_file
    # The formats the guide teaches are the scaffold's: a quoted @handle and an ISO date.
    owner = re.search(r"^owner: .*$", example, re.M)
    assert owner is not None and re.fullmatch(r'owner: "@[a-z0-9-]+"', owner[0])
    assert f"`{owner[0]}`" in steps and re.search(r'^owner: "@', scaffold, re.M)
    assert re.search(r"^reviewed: \d{4}-\d{2}-\d{2}$", example, re.M)
    # "这里写真实客户名": the real name goes there, and never reaches the site.
    secret = "杭州真名标记贸易有限公司"
    placeholder = yaml.safe_load(example)["private"]["customer_name"]
    assert placeholder.startswith("这里写真实客户名")
    filled = f"{modeline}\n{_keep_line(example, scaffold, 'reviewed')}".replace(placeholder, secret)
    p.write(case_file, filled)
    assert _schema_errors(p, filled) == []  # the editor shows no error either

    # Step 4: check passes, with the line the guide says to wait for.
    code, out = p.run(*check)
    assert code == 0, out
    last = out.splitlines()[-1]
    assert last.startswith("✓") and _documented("✓ … 全部有效").split(" … ")[1] in last

    # The mistakes the guide shows: check prints its words, on the file's line.
    shown = _blocks(steps, "text")[1].strip()
    p.write(case_file, filled.replace("title:", "titel:", 1))
    assert shown in p.check()[1].splitlines()
    industry = yaml.safe_load(example)["customer"]["industry"]
    summary = next(line for line in filled.splitlines() if line.startswith("summary: "))
    mistakes = [
        (("title:", "titel:"), "'titel'"),
        ((f"{owner[0]}\n", ""), "缺少必填字段 'owner'"),
        ((f"industry: {industry}", "industry: ecommerse"), "'ecommerse'"),
        ((summary, "summary: " + "长" * 230), "'summary'"),
        (("title: ", "title："), "中文冒号"),
        ((owner[0], owner[0].replace('"', "")), "'@'"),
        (("分拣打包跟不上，", "分拣打包跟不上（老板电话 13812345678），"), "手机号"),
        ((re.search(r"^reviewed: .*$", filled, re.M)[0], "reviewed: 2026/11/20"), "'reviewed'"),  # type: ignore[index]
        (('    change: "+15%"\n', ""), "成果缺少 'change'"),
        # The rules against silent wrongness: beyond what a schema can say.
        (('    change: "+15%"\n', "    change: 50\n"), "'change' 的 50"),
        (("    before: 20 天\n    after: 12 天\n", '    change: "+40%"\n'), "变化方向"),
        ((owner[0], 'owner: "@"'), "没有写出负责人"),
        (("客户是一家", f"客户{secret}是一家"), "含有 private.customer_name"),
        (("alias: 某电商卖家", "alias: 鲜达电商有限公司"), "'alias'"),
    ]
    silent = (
        "'change' 的 50",
        "变化方向",
        "没有写出负责人",
        "含有 private.customer_name",
        "'alias'",
    )
    for (old, new), key in mistakes:
        assert old in filled, old
        broken = filled.replace(old, new, 1)
        p.write(case_file, broken)
        code, out = p.check()
        assert code == 1, out
        assert _row(key) in out, out
        assert out.splitlines()[0].startswith(f"{case_file}:"), out
        # Not YAML at all, or beyond what a schema can say: check alone catches those.
        if key not in ("中文冒号", "'@'", "手机号", *silent):
            assert _schema_errors(p, broken), f"the editor schema misses: {key}"
    p.write(case_file, filled)

    # Step 6: what the change touches, as the reviewer will see it in CI.
    code, out = p.run(*changed_since)
    assert code == 0, out
    sample = _blocks(_section("审核人会看到什么"), "text")[0].splitlines()
    assert out.splitlines()[0] == sample[0].replace("origin/main", changed_since[-1])
    for line in sample[1:]:
        if line.strip() != "…":
            assert line in out.splitlines(), line

    # CI's strict build (the preview of step 5 is the same site): the page and its links.
    code, out = p.build("--strict")
    assert code == 0, out
    data = yaml.safe_load(example)
    page = p.content(f"/cases/{new_case[2]}/")
    assert data["title"] in page.text
    footer = page.select_one(".pb-record-footer")
    assert footer is not None and data["owner"] in footer.text
    for url in (
        f"/industries/{industry}/",
        *(f"/pain-points/{pain}/" for pain in data["pain_points"]),
        *(f"/objections/{ident}/" for ident in data["objections"]),
    ):
        links = {a["href"] for a in p.content(url).select("a[href]")}
        assert f"../../cases/{new_case[2]}/" in links, url
    assert secret not in p.site_text()  # private: never published


def test_no_fitting_industry_pain_point_or_metric(tmp_path: Path) -> None:
    p = _playbook(tmp_path)
    section = _section("没有合适的行业")

    # The taxonomy lines, at the end of their lists.
    additions = _taxonomy_additions(section)
    assert set(additions) == {"pain_points", "metrics"}
    taxonomy = p.read("content/taxonomy.yaml")
    for name, lines in additions.items():
        taxonomy = _add_at_end_of_list(taxonomy, name, lines)
    p.write("content/taxonomy.yaml", taxonomy)
    new_terms = {name: yaml.safe_load(lines)[0] for name, lines in additions.items()}
    assert yaml.safe_load(taxonomy)["pain_points"][-1] == new_terms["pain_points"]

    # The new industry: the command, then the filled-in file the guide shows.
    new_industry, schemas = _commands(section)
    assert new_industry[:2] == ["new", "industry"] and schemas == ["schemas"]
    assert p.run(*new_industry)[0] == 0
    industry_file = f"content/industries/{new_industry[2]}.yaml"
    scaffold = p.read(industry_file)
    (block,) = [b for b in _blocks(section, "yaml") if b.startswith(f"# {industry_file}")]
    path, industry = _file_block(block)
    p.write(path, scaffold.splitlines()[0] + "\n" + _keep_line(industry, scaffold, "reviewed"))

    # The new objection: the command, then written like any objection in the library.
    (inline,) = re.findall(r"`python3 build\.py (new objection [a-z0-9-]+)`", section)
    new_objection = inline.split()
    assert p.run(*new_objection)[0] == 0
    objection_file = f"content/objections/{new_objection[2]}.yaml"
    model = sorted((p.root / "content/objections").glob("*.yaml"))[0].read_text(encoding="utf-8")
    p.write(objection_file, p.read(objection_file).splitlines()[0] + "\n" + model)

    # check names the stale editor schemas exactly as the guide shows; `schemas` fixes it.
    stale = _blocks(section, "text")[0].strip()
    code, out = p.check()
    assert code == 1 and stale in out.splitlines(), out
    assert _row("编辑器 Schema 已过期") in stale
    code, out = p.run(*schemas)
    assert code == 0, out
    assert p.check()[0] == 0
    case_schema = json.loads(p.read("schemas/case.schema.json"))["properties"]
    industries = case_schema["customer"]["properties"]["industry"]
    described = dict(zip(industries["enum"], industries["enumDescriptions"], strict=True))
    name = yaml.safe_load(industry)["name"]
    assert described[new_industry[2]] == f"{name}（{industry_file}）"  # completion shows it

    # A case with the new ids, as the section's last sentence says.
    uses = dict(re.findall(r"`(industry|metric): ([a-z0-9-]+)`", section))
    pain = new_terms["pain_points"]["id"]
    assert uses == {"industry": new_industry[2], "metric": new_terms["metrics"]["id"]}
    assert f"`{pain}`" in section.rsplit("之后就可以", 1)[1]
    (example,) = _blocks(_section("完整示例"), "yaml")
    data = yaml.safe_load(example)
    case = example.replace(
        f"industry: {data['customer']['industry']}", f"industry: {uses['industry']}"
    )
    case = re.sub(r"^pain_points:\n(  - .*\n)+", f"pain_points:\n  - {pain}\n", case, flags=re.M)
    # The metric goes on the result whose figures fall, as the new metric's `better: down` wants.
    falling = next(r for r in data["results"] if "before" in r)
    case = case.replace(f"metric: {falling['metric']}", f"metric: {uses['metric']}", 1)
    assert p.run("new", "case", "cold-chain-break-alerts")[0] == 0
    scaffold = p.read("cases/cold-chain-break-alerts.yaml")
    p.write(
        "cases/cold-chain-break-alerts.yaml",
        scaffold.splitlines()[0] + "\n" + _keep_line(case, scaffold, "reviewed"),
    )
    code, out = p.check()
    assert code == 0, out
    code, out = p.build("--strict")
    assert code == 0, out
    links = {a["href"] for a in p.content(f"/industries/{uses['industry']}/").select("a[href]")}
    assert "../../cases/cold-chain-break-alerts/" in links
    links = {a["href"] for a in p.content(f"/pain-points/{pain}/").select("a[href]")}
    assert "../../cases/cold-chain-break-alerts/" in links
    # The guide's own lists of ids now show the new industry, pain point and metric.
    guide = p.content("/guides/add-a-case/").get_text(" ", strip=True)
    assert f"{uses['industry']} — {name}" in guide
    assert f"{pain} — {new_terms['pain_points']['label']}" in guide
    assert f"{uses['metric']} — {new_terms['metrics']['label']}（" in guide


def test_every_common_error_is_a_catalog_message() -> None:
    """Each row of the 常见错误 table is check's Chinese text (a message, perhaps with its
    hint, or the start of one), mostly the catalog's own words: the table cannot drift."""
    for row in _common_errors():
        assert _catalog_match(row) >= 0.3, f"not a message of messages.CATALOG: {row}"
    # ... and it has a row for each rule against silent wrongness (contentrules.py).
    messages = [row.split(" (", 1)[0] for row in _common_errors()]
    for code in (
        "result.change_no_unit",
        "result.figure_no_unit",
        "result.direction",
        "field.placeholder",
        "owner.no_name",
        "private.in_published",
        "alias.legal_suffix",
    ):
        template = _template(CATALOG[code][0])
        assert any(_literals_matched(m, template, True) for m in messages), f"no row for {code}"
