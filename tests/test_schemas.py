"""Editor JSON Schemas: generated from the validator's specs, current, and in agreement with it."""

from __future__ import annotations

import copy
import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from conftest import REPO, Project
from playbook.ingest.load import Settings, load_project
from playbook.integrations.jsonschema_export import (
    KINDS,
    build_schema,
    editor_vocabulary,
    render_schemas,
)

KIND_OF = {"cases": "case", "objections": "objection", "industries": "industry"}


def _kind(rel: str) -> str:
    if rel.endswith("taxonomy.yaml"):
        return "taxonomy"
    return KIND_OF[Path(rel).parent.name]


def _json_ready(value: Any) -> Any:
    """YAML dates load as date objects; editors see them as strings, so does the schema."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _json_ready(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_json_ready(v) for v in value]
    return value


def _schema_errors(schema: dict[str, Any], data: Any) -> list[str]:
    validator = jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())
    return [e.message for e in validator.iter_errors(_json_ready(data))]


def _content_files(root: Path) -> list[str]:
    files = ["content/taxonomy.yaml"]
    for folder in ("cases", "content/objections", "content/industries"):
        files += sorted(p.relative_to(root).as_posix() for p in (root / folder).glob("*.yaml"))
    return files


def test_committed_schemas_are_current(tmp_path: Path) -> None:
    result = load_project(Settings(root=REPO))
    vocabulary = editor_vocabulary(result.vocabulary, result.labels)
    for rel, text in render_schemas(vocabulary).items():
        committed = (REPO / rel).read_text(encoding="utf-8")
        assert committed == text, f"{rel} is stale: run 'python3 build.py schemas'"


def test_schemas_are_valid_draft7_with_ids_and_closed_objects() -> None:
    for kind in KINDS:
        schema = json.loads((REPO / f"schemas/{kind}.schema.json").read_text(encoding="utf-8"))
        jsonschema.Draft7Validator.check_schema(schema)
        assert schema["additionalProperties"] is False
    case = json.loads((REPO / "schemas/case.schema.json").read_text(encoding="utf-8"))
    props = case["properties"]
    ids = load_project(Settings(root=REPO)).vocabulary  # whatever records the repository has
    assert props["customer"]["properties"]["industry"]["enum"] == sorted(ids.get("industry", {}))
    assert props["objections"]["items"]["enum"] == sorted(ids.get("objection", {}))
    assert props["summary"]["maxLength"] == 200
    assert props["pain_points"]["minItems"] == 1
    assert set(case["required"]) >= {"title", "summary", "customer", "results", "owner"}
    assert props["reviewed"]["description"]
    labels = dict(
        zip(
            props["pain_points"]["items"]["enum"],
            props["pain_points"]["items"]["enumDescriptions"],
            strict=True,
        )
    )
    pain_points = ids["pain_point"]
    assert labels == dict(pain_points)  # the Chinese label shows in the editor's completion list


def test_schemas_command_writes_and_checks(project: Project) -> None:
    code, out = project.run("schemas", "--check")
    assert code == 1 and "schemas/case.schema.json is out of date" in out
    code, out = project.run("schemas")
    assert code == 0 and "wrote schemas/case.schema.json" in out
    assert project.run("schemas", "--check")[0] == 0
    project.write(
        "content/objections/new-one.yaml", project.read("content/objections/no-time.yaml")
    )
    code, out = project.run("schemas", "--check")
    assert code == 1 and "schemas/objection.schema.json" not in out  # only files citing ids
    assert "schemas/case.schema.json is out of date" in out


def _descriptions(schema: dict[str, Any]) -> dict[str, str]:
    return dict(zip(schema["enum"], schema["enumDescriptions"], strict=True))


def test_editor_completion_describes_each_id_by_its_chinese_name(project: Project) -> None:
    assert project.run("schemas")[0] == 0
    case = json.loads(project.read("schemas/case.schema.json"))["properties"]
    industry = yaml.safe_load(project.read(INDUSTRY))["name"]
    assert _descriptions(case["customer"]["properties"]["industry"])["warehousing"] == (
        f"{industry}（{INDUSTRY}）"
    )
    objection = yaml.safe_load(project.read(OBJECTION))["objection"]
    assert _descriptions(case["objections"]["items"])["price-too-high"] == (
        f"{objection}（{OBJECTION}）"
    )
    taxonomy = yaml.safe_load(project.read(TAXONOMY))
    for field, name in (("pain_points", "pain_points"), ("stages", "stages")):
        expected = {t["id"]: t["label"] for t in taxonomy[name]}
        assert _descriptions(case[field]["items"]) == expected
    metric = case["results"]["items"]["properties"]["metric"]
    assert _descriptions(metric) == {t["id"]: t["label"] for t in taxonomy["metrics"]}
    # Cases are named by their file: a title edit does not make the schemas stale.
    proof = json.loads(project.read("schemas/objection.schema.json"))["properties"]["proof"]
    assert _descriptions(proof["items"])["sorting-case"] == CASE


STALE_ZH = (
    "schemas/case.schema.json:1:1: 编辑器 Schema 已过期：其中的 id 和名称与 content/taxonomy.yaml "
    "及现有记录文件不一致，编辑器的自动补全和标红会出错 (运行 python3 build.py schemas"
    "（或 python3 build.py check --fix）重新生成，再把 schemas/ 和你的改动一起提交)"
)


def test_check_fails_on_stale_schemas_and_fix_rewrites_them(project: Project) -> None:
    project.lang = None  # the site's language: Chinese
    assert project.run("schemas")[0] == 0
    assert project.check()[0] == 0
    project.edit(
        TAXONOMY,
        "metrics:\n",
        'metrics:\n  - {id: spoilage-rate, label: 货损率, unit: "%", better: down}\n',
    )
    code, out = project.check()
    assert code == 1, out
    assert out.splitlines()[0] == STALE_ZH
    assert "schemas/industry.schema.json" not in out  # industries cite no metric
    assert project.run("check", "--format", "json")[0] == 1
    code, out = project.run("check", "--fix")
    assert code == 0, out
    assert out.splitlines()[0] == "✓ 已写入 schemas/case.schema.json"
    assert project.run("schemas", "--check")[0] == 0
    assert project.check()[0] == 0
    # A renamed industry is a change the editor shows: stale again.
    project.edit(INDUSTRY, "name: ", "name: 冷链")
    code, out = project.check()
    assert code == 1 and out.startswith("schemas/case.schema.json:1:1: 编辑器 Schema 已过期"), out


def test_stale_schemas_wait_for_valid_content_and_a_schemas_folder(project: Project) -> None:
    # Without schemas/ the project has no editor schemas to keep current.
    assert project.check()[0] == 0
    assert project.run("schemas")[0] == 0
    project.edit(TAXONOMY, "  - {id: small, label: 小型}", "  - {id: small, label: 小微}")
    project.edit(CASE, "title: ", "titel: ")
    code, out = project.check()
    assert code == 1 and "schema" not in out, out  # the content error first, nothing else
    project.edit(CASE, "titel: ", "title: ")
    code, out = project.check()
    assert code == 1 and "schemas/case.schema.json:1:1: the editor schema is out of date" in out


def test_new_scaffold_starts_with_modeline_and_updates_schemas(project: Project) -> None:
    code, out = project.run("new", "objection", "too-slow")
    assert code == 0, out
    first = project.read("content/objections/too-slow.yaml").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../../schemas/objection.schema.json"
    assert (project.root / "content/objections/../../schemas/objection.schema.json").is_file()
    case_schema = json.loads(project.read("schemas/case.schema.json"))
    assert "too-slow" in case_schema["properties"]["objections"]["items"]["enum"]
    code, out = project.run("new", "case", "fresh-case")
    assert project.read("cases/fresh-case.yaml").startswith(
        "# yaml-language-server: $schema=../schemas/case.schema.json\n"
    )
    assert project.run("schemas", "--check")[0] == 0


@pytest.mark.parametrize("rel", _content_files(REPO))
def test_every_example_file_validates_under_its_schema(rel: str) -> None:
    schema = json.loads((REPO / f"schemas/{_kind(rel)}.schema.json").read_text(encoding="utf-8"))
    data = yaml.safe_load((REPO / rel).read_text(encoding="utf-8"))
    assert _schema_errors(schema, data) == []


Mutation = Callable[[dict[str, Any]], None]


def _set(path: tuple[Any, ...], value: Any) -> Mutation:
    def mutate(data: dict[str, Any]) -> None:
        target: Any = data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return mutate


def _delete(path: tuple[Any, ...]) -> Mutation:
    def mutate(data: dict[str, Any]) -> None:
        target: Any = data
        for key in path[:-1]:
            target = target[key]
        del target[path[-1]]

    return mutate


CASE = "cases/sorting-case.yaml"
OBJECTION = "content/objections/price-too-high.yaml"
INDUSTRY = "content/industries/warehousing.yaml"
TAXONOMY = "content/taxonomy.yaml"

BAD: dict[str, tuple[str, Mutation, str]] = {
    "unknown field": (CASE, _set(("titel",), "x"), "unknown field 'titel'"),
    "nested unknown field": (CASE, _set(("customer", "name"), "x"), "unknown field 'name'"),
    "missing required": (CASE, _delete(("summary",)), "missing required field 'summary'"),
    "missing nested required": (
        CASE,
        _delete(("customer", "industry")),
        "missing required field 'industry'",
    ),
    "bad ref id": (CASE, _set(("customer", "industry"), "warehous"), "unknown industry"),
    "bad ref in list": (CASE, _set(("pain_points",), ["cash-flo"]), "unknown pain point"),
    "bad case ref": (OBJECTION, _set(("proof",), ["no-such-case"]), "unknown case"),
    "bad enum": (
        INDUSTRY,
        _set(("discovery_questions", 0, "dimension"), "budget"),
        "'budget' is not allowed",
    ),
    "wrong type list": (CASE, _set(("pain_points",), "cash-flow"), "must be a list"),
    "wrong type mapping": (CASE, _set(("customer",), "某公司"), "must be a mapping"),
    "wrong type text": (CASE, _set(("title",), ["a", "b"]), "must be text"),
    "too long summary": (CASE, _set(("summary",), "长" * 201), "over the limit of 200"),
    "too few items": (CASE, _set(("pain_points",), []), "needs at least 1 item"),
    "too few questions": (
        INDUSTRY,
        lambda d: d["discovery_questions"].pop(),
        "needs at least 3 item(s)",
    ),
    "no responses": (OBJECTION, _set(("responses",), []), "needs at least 1 item"),
    "empty text": (CASE, _set(("title",), "  "), "must not be empty"),
    "placeholder left": (CASE, _set(("title",), "【待填写】标题"), "placeholder"),
    "bad date": (CASE, _set(("reviewed",), "2026/10/01"), "must be a date"),
    "duplicate ref": (
        CASE,
        _set(("pain_points",), ["cash-flow", "cash-flow"]),
        "listed twice",
    ),
    "result without figure": (
        CASE,
        lambda d: d["results"][0].pop("change"),
        "result needs 'change'",
    ),
    "result with before only": (
        CASE,
        lambda d: (d["results"][0].pop("change"), d["results"][0].update(before="15 天")),
        "result needs 'after'",
    ),
    "taxonomy bad enum": (
        TAXONOMY,
        _set(("metrics", 0, "better"), "higher"),
        "'higher' is not allowed",
    ),
    "taxonomy bad id": (TAXONOMY, _set(("stages", 0, "id"), "Touch Point"), "not a valid id"),
    "taxonomy missing label": (
        TAXONOMY,
        _delete(("tiers", 0, "label")),
        "missing required field 'label'",
    ),
    "bad record id": (CASE, _set(("id",), "Sorting_Case"), "does not match the file name"),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_file_is_rejected_by_validator_and_schema(project: Project, name: str) -> None:
    rel, mutate, message = BAD[name]
    data = yaml.safe_load(project.read(rel))
    before = copy.deepcopy(data)
    mutate(data)
    assert data != before
    project.write(rel, yaml.safe_dump(data, allow_unicode=True, sort_keys=False))

    result = load_project(Settings(root=project.root, today=dt.date(2026, 11, 27)))
    found = [p for p in result.problems if p.path == rel and p.severity == "error"]
    assert any(message in p.text("en") for p in found), [p.format() for p in result.problems]

    schema = build_schema(_kind(rel), result.vocabulary)
    assert _schema_errors(schema, data), f"schema accepted a file the validator rejects: {name}"


def test_fixture_files_validate_under_generated_schemas(project: Project) -> None:
    vocabulary = load_project(Settings(root=project.root)).vocabulary
    for rel in _content_files(project.root):
        data = yaml.safe_load(project.read(rel))
        assert _schema_errors(build_schema(_kind(rel), vocabulary), data) == [], rel
