"""The documented five-minute path, end to end, in a temporary git repository.

Follows content/guides/add-a-case.md step by step on a copy of the example
playbook: scaffold, fill in (with the guide's own complete example), check,
review the change, build. At each step a typical mistake must produce the error
the guide documents, word for word.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import jsonschema
import yaml
from conftest import REPO, Project
from gitrepo import init_repo

GUIDE = (REPO / "content/guides/add-a-case.md").read_text(encoding="utf-8")
CASE_ID = "ecommerce-peak-sorting"
CASE_FILE = f"cases/{CASE_ID}.yaml"


def _documented(message: str) -> str:
    """The message, asserting the guide shows it to the reader exactly like this."""
    assert message in GUIDE, f"the guide does not document: {message}"
    return message


def _guide_example() -> str:
    """The complete example case from the guide (the YAML block after 完整示例)."""
    section = GUIDE.split("## 完整示例", 1)[1]
    match = re.search(r"```yaml\n(.*?)```", section, re.S)
    assert match is not None
    return match.group(1)


def _fit_to_repo(example: str, root: Path) -> str:
    """The guide's example with references the repository lacks (a team may have replaced
    the example records and vocabularies) pointed at ids it has."""
    taxonomy = yaml.safe_load((root / "content/taxonomy.yaml").read_text(encoding="utf-8"))
    pains = [t["id"] for t in taxonomy["pain_points"]]
    metrics = [t["id"] for t in taxonomy["metrics"]]
    industries = sorted(f.stem for f in (root / "content/industries").glob("*.yaml"))
    objections = {f.stem for f in (root / "content/objections").glob("*.yaml")}
    data = yaml.safe_load(example)
    if data["customer"]["industry"] not in industries:
        example = example.replace(
            f"industry: {data['customer']['industry']}", f"industry: {industries[0]}", 1
        )
    free = [p for p in pains if p not in data["pain_points"]]
    for ident in data["pain_points"]:
        if ident not in pains:
            example = example.replace(f"  - {ident}\n", f"  - {free.pop(0)}\n", 1)
    for result in data["results"]:
        if result["metric"] not in metrics:
            example = example.replace(f"metric: {result['metric']}", f"metric: {metrics[0]}", 1)
    for ident in data.get("objections") or []:
        if ident not in objections:
            example = example.replace(f"  - {ident}\n", "", 1)
    if not objections:
        example = example.replace("objections:\n", "", 1)
    return example


STARTER_INDUSTRY = """\
name: 电商卖家
summary: 线上店铺卖家，旺季订单量是平时的数倍。
pain_points:
  - id: {pain}
decision_chain: 老板拍板，运营负责人评估。
discovery_questions:
  - dimension: decision_chain
    question: 这件事最后谁拍板？
  - dimension: pain_scenario
    question: 去年旺季最难的是哪一天？
  - dimension: willingness_to_pay
    question: 解决这个问题值多少钱？
owner: wang-sales
reviewed: 2026-11-20
"""
"""An industry for a playbook that has none yet ("没有合适的行业" in the guide)."""


def _example_repo(tmp_path: Path) -> Project:
    root = tmp_path / "playbook"
    for name in ("cases", "content", "overrides"):
        shutil.copytree(REPO / name, root / name)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "schemas", root / "schemas")
    (root / "plugins").mkdir()  # listed under watch: in mkdocs.yml
    if not any((root / "content/industries").glob("*.yaml")):
        taxonomy = yaml.safe_load((root / "content/taxonomy.yaml").read_text(encoding="utf-8"))
        (root / "content/industries").mkdir(parents=True, exist_ok=True)
        (root / "content/industries/ecommerce.yaml").write_text(
            STARTER_INDUSTRY.format(pain=taxonomy["pain_points"][0]["id"]), encoding="utf-8"
        )
        assert Project(root).run("schemas")[0] == 0
    init_repo(root)
    return Project(root)


def _schema_errors(p: Project, text: str) -> list[str]:
    schema = json.loads(p.read("schemas/case.schema.json"))
    data = yaml.safe_load(text)
    data = json.loads(json.dumps(data, default=str))  # dates as YYYY-MM-DD, like an editor
    return [e.message for e in jsonschema.Draft7Validator(schema).iter_errors(data)]


def test_five_minute_path(tmp_path: Path, real_today: None) -> None:
    p = _example_repo(tmp_path)
    cases_before = len(list((p.root / "cases").glob("*.yaml")))

    # Step 1: scaffold. Mistakes: an invalid id, an id that exists.
    code, out = p.run("new", "case", "Peak_Sorting")
    assert code == 2
    assert (
        _documented(
            "✗ 'Peak_Sorting' is not a valid id: use lowercase ASCII letters, digits and hyphens, "
            "e.g. 'acme-sorting'"
        )
        in out
    )
    code, out = p.run("new", "case", CASE_ID)
    assert code == 0, out
    code, out = p.run("new", "case", CASE_ID)
    assert code == 1
    assert _documented(f"✗ {CASE_FILE} already exists; not overwriting it") in out
    scaffold = p.read(CASE_FILE)
    modeline = "# yaml-language-server: $schema=../schemas/case.schema.json\n"
    assert scaffold.startswith(modeline)
    assert _documented("# yaml-language-server: $schema=") in GUIDE
    # The refreshed schema already knows the new id (for objections' proof lists).
    objection_schema = json.loads(p.read("schemas/objection.schema.json"))
    assert CASE_ID in objection_schema["properties"]["proof"]["items"]["enum"]

    # Step 2 without filling in: check rejects the placeholders, in the new file only.
    code, out = p.check()
    assert code == 1
    assert (
        f"{CASE_FILE}:4:8: "
        + _documented(
            "'title' still holds the placeholder 【待填写】 (replace it with real content)"
        )
        in out
    )
    assert all(line.startswith(CASE_FILE) for line in out.splitlines()[:-1]), out

    # Step 2 done: the guide's complete example, pasted under the modeline.
    example = _fit_to_repo(_guide_example(), p.root)
    assert "customer_name: 这里写真实客户名（不会发布）" in example
    example_data = yaml.safe_load(example)
    industry = example_data["customer"]["industry"]
    typo = industry[:-2] + ("s" if industry[-2] != "s" else "z") + industry[-1]  # ecommerse
    filled = modeline + example.replace("这里写真实客户名（不会发布）", "真名标记-7f3a")
    p.write(CASE_FILE, filled)
    assert _schema_errors(p, filled) == []  # the editor shows no error either

    # Mistakes while filling in: each gets the documented error from check, and the editor
    # (the JSON Schema) flags the same line.
    summary_line = next(line for line in filled.splitlines() if line.startswith("summary: "))
    mistakes = [
        (("title:", "titel:"), "unknown field 'titel' (did you mean 'title'?)"),
        (("owner: wang-sales\n", ""), "missing required field 'owner'"),
        (
            (f"industry: {industry}", f"industry: {typo}"),
            f"unknown industry '{typo}' (did you mean '{industry}'?)",
        ),
        (
            (summary_line, "summary: " + "长" * 230),
            "'summary' is 230 characters, over the limit of 200",
        ),
        (
            ("reviewed: 2026-11-20", "reviewed: 2026/11/20"),
            "'reviewed' must be a date written YYYY-MM-DD",
        ),
        (('    change: "+15%"\n', ""), "result needs 'change' (or 'before' and 'after')"),
    ]
    for (old, new), message in mistakes:
        assert old in filled, old
        broken = filled.replace(old, new, 1)
        p.write(CASE_FILE, broken)
        code, out = p.check()
        assert code == 1, out
        # The guide's wording is checked as written there (its industry may be gone here).
        assert message in out, out
        if industry == yaml.safe_load(_guide_example())["customer"]["industry"]:
            _documented(message)
        assert out.splitlines()[0].startswith(f"{CASE_FILE}:"), out
        assert _schema_errors(p, broken), f"the editor schema misses: {message}"
    # Personal data in a published field.
    p.write(
        CASE_FILE, filled.replace("分拣打包跟不上，", "分拣打包跟不上（老板电话 13812345678），")
    )
    code, out = p.check()
    assert code == 1
    assert (
        _documented(
            "'challenge' contains a mobile phone number (138****5678); "
            "personal data must not be published"
        )
        in out
    )
    assert "move it under 'private:'" in out

    # Step 4: check passes.
    p.write(CASE_FILE, filled)
    code, out = p.check()
    assert code == 0, out
    assert f"✓ {cases_before + 1} cases" in out

    # Step 6: what the change touches — the new case first, then the pages it alters.
    code, out = p.run("check", "--changed-since", "HEAD")
    assert code == 0, out
    assert _documented("python3 build.py check --changed-since HEAD") in GUIDE
    changed = out.split("Pages this change", 1)[0].splitlines()[1:]
    assert changed[0] == f"  + {CASE_FILE}"
    pages = [
        line.split()[1]
        for line in out.split("Pages this change", 1)[1].splitlines()[1:]
        if line.startswith("  ") and line[2] in "+~"
    ]
    assert pages[0] == f"/cases/{CASE_ID}/"
    touched = {
        f"/industries/{industry}/",
        *(f"/pain-points/{pain}/" for pain in example_data["pain_points"]),
        *(f"/objections/{ident}/" for ident in example_data.get("objections") or []),
    }
    assert set(pages) >= {"/cases/", *touched}
    assert f"  + /cases/{CASE_ID}/  (added {CASE_FILE})" in out

    # Step 5: build; the case is in the library, on its industry, pain-point and objection pages.
    code, out = p.build("--strict")
    assert code == 0, out
    library = p.content("/cases/")
    assert library.select_one(f'[data-case="{CASE_ID}"]') is not None
    page = p.content(f"/cases/{CASE_ID}/")
    assert "旺季前升级分拣流程" in page.text
    footer = page.select_one(".pb-record-footer")
    assert footer is not None and "wang-sales" in footer.text and "2026-11-20" in footer.text
    for url in sorted(touched):
        links = {a["href"] for a in p.content(url).select("a[href]")}
        assert f"../../cases/{CASE_ID}/" in links, url
    assert "真名标记-7f3a" not in p.site_text()  # private: never published
