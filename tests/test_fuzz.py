"""Property-based and fuzz tests of the loader and validator (Hypothesis).

Whatever a content file holds — random text, random bytes, random YAML values,
or a valid example file with random edits — loading the project either succeeds
or returns clean ``path:line:column: message`` problems. Never an exception, and
never slow: each example must finish within a generous deadline.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import EXAMPLE as REPO
from conftest import TODAY
from fuzzkit import assert_clean, render_touched
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from playbook.core.schema import CASE, INDUSTRY, OBJECTION, TAXONOMY, Spec
from playbook.ingest.load import Settings, load_project

SCALE = float(os.environ.get("PLAYBOOK_FUZZ_SCALE", "1"))
"""Multiply example counts for a long local fuzzing run, e.g. PLAYBOOK_FUZZ_SCALE=20."""
FUZZ = settings(
    max_examples=int(200 * SCALE),
    deadline=dt.timedelta(seconds=5),  # generous: a normal example takes ~30 ms
    database=None,  # no .hypothesis/ folder in the repository; failures print their example
    suppress_health_check=[HealthCheck.too_slow],
)

TARGETS = {
    "case": "cases/fuzz-target.yaml",
    "objection": "content/objections/fuzz-target.yaml",
    "industry": "content/industries/fuzz-target.yaml",
    "taxonomy": "content/taxonomy.yaml",
}


class Sandbox:
    """A copy of the example playbook; one file at a time is replaced, then restored."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.settings = Settings(root=root, today=dt.date.fromisoformat(TODAY))
        self.files = sorted(
            p.relative_to(root).as_posix()
            for folder in ("cases", "content")
            for p in (root / folder).rglob("*.yaml")
        )

    def load_with(self, rel: str, data: bytes) -> Any:
        target = self.root / rel
        original = target.read_bytes() if target.exists() else None
        target.write_bytes(data)
        try:
            result = load_project(self.settings)
            assert_clean(result, self.root)
            if result.ok:
                render_touched(result, Path(rel).stem, "pain-points/")
            return result
        finally:
            if original is None:
                target.unlink()
            else:
                target.write_bytes(original)


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Sandbox]:
    root = tmp_path_factory.mktemp("fuzz") / "proj"
    for name in ("cases", "content"):
        shutil.copytree(REPO / name, root / name)
    box = Sandbox(root)
    assert load_project(box.settings).ok, "the example content must be valid to start from"
    yield box


# --- arbitrary documents --------------------------------------------------------------


@FUZZ
@given(kind=st.sampled_from(sorted(TARGETS)), text=st.text())
def test_random_text(sandbox: Sandbox, kind: str, text: str) -> None:
    sandbox.load_with(TARGETS[kind], text.encode("utf-8", "surrogatepass"))


@FUZZ
@given(kind=st.sampled_from(sorted(TARGETS)), data=st.binary(max_size=400))
def test_random_bytes(sandbox: Sandbox, kind: str, data: bytes) -> None:
    sandbox.load_with(TARGETS[kind], data)


def _field_names(spec: Spec) -> set[str]:
    names = set(spec.fields)
    for child in [*spec.fields.values(), spec.item]:
        if child is not None:
            names |= _field_names(child)
    return names


FIELD_NAMES = sorted(set().union(*(_field_names(s) for s in (CASE, OBJECTION, INDUSTRY, TAXONOMY))))
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.dates()
    | st.text(max_size=30)
    | st.sampled_from(["cash-flow", "price", "@owner", "2026-02-30", "【待填写】", "13812345678"])
)
KEYS = st.sampled_from(FIELD_NAMES) | st.text(max_size=12)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=6),
    max_leaves=30,
)


@FUZZ
@given(
    kind=st.sampled_from(sorted(TARGETS)),
    document=st.dictionaries(KEYS, VALUES, max_size=12) | VALUES,
    flow=st.booleans(),
)
def test_random_yaml_values(sandbox: Sandbox, kind: str, document: Any, flow: bool) -> None:
    text = yaml.safe_dump(document, allow_unicode=True, default_flow_style=flow)
    sandbox.load_with(TARGETS[kind], text.encode("utf-8", "surrogatepass"))


# --- mutations of every example file ---------------------------------------------------

NOISE = (
    st.sampled_from(
        [
            *list(":-[]{}&*!|>#%@`'\",?\t\r\n\\ "),
            "\ufeff",
            "\x85",
            "\u2028",
            "\x07",
            "中",
            "…",
            "--- ",
        ]
    )
    | st.characters()
)
OTHER_TYPES = st.sampled_from(
    [
        "[]",
        "{}",
        "~",
        "",
        "123",
        "-7.5",
        "1e400",
        "0x1F",
        ".nan",
        "true",
        "no",
        "2026-01-01",
        "2026-01-01T10:00:00",
        "[a, [b, {c: d}]]",
        "{a: 1, b: [2]}",
        "&anchor x",
        "*anchor",
        "*undefined",
        "!!binary aGVsbG8=",
        "!!python/object/apply:os.system ['true']",
        "!!set {a, b}",
        "!custom x",
        "|\n  block",
        ">-\n  folded",
        '"unterminated',
        "<script>alert(1)</script>",
        "9" * 5000,
    ]
)


def _mutate(lines: list[str], data: st.DataObject) -> list[str]:
    how = data.draw(
        st.sampled_from(["delete", "duplicate", "swap", "indent", "insert", "retype"]), label="how"
    )
    if not lines:
        return [data.draw(OTHER_TYPES)]
    i = data.draw(st.integers(0, len(lines) - 1), label="line")
    line = lines[i]
    if how == "delete":
        return lines[:i] + lines[i + 1 :]
    if how == "duplicate":
        return [*lines[: i + 1], line, *lines[i + 1 :]]
    if how == "swap":
        j = data.draw(st.integers(0, len(lines) - 1), label="other line")
        lines = list(lines)
        lines[i], lines[j] = lines[j], lines[i]
        return lines
    if how == "indent":
        shift = data.draw(st.integers(-4, 4), label="shift")
        stripped = line.lstrip(" ")
        indent = max(0, len(line) - len(stripped) + shift)
        return [*lines[:i], " " * indent + stripped, *lines[i + 1 :]]
    if how == "insert":
        at = data.draw(st.integers(0, len(line)), label="column")
        noise = "".join(data.draw(st.lists(NOISE, min_size=1, max_size=3), label="noise"))
        return [*lines[:i], line[:at] + noise + line[at:], *lines[i + 1 :]]
    # retype: replace the value after "key:" (or a list item) with another YAML type
    head, sep, _ = line.partition(": ")
    if not sep:
        head, sep = (line.split("- ", 1)[0], "- ") if "- " in line else (line.rstrip(":"), ": ")
    return [*lines[:i], head + sep + data.draw(OTHER_TYPES, label="value"), *lines[i + 1 :]]


def _example_files() -> list[str]:
    return sorted(
        p.relative_to(REPO).as_posix()
        for folder in ("cases", "content")
        for p in (REPO / folder).rglob("*.yaml")
    )


@settings(FUZZ, max_examples=int(300 * SCALE))
@given(rel=st.sampled_from(_example_files()), data=st.data())
def test_mutated_example_files(sandbox: Sandbox, rel: str, data: st.DataObject) -> None:
    text = (REPO / rel).read_text(encoding="utf-8")
    lines = text.split("\n")
    for _ in range(data.draw(st.integers(1, 4), label="mutations")):
        lines = _mutate(lines, data)
    newline = data.draw(st.sampled_from(["\n", "\r\n"]), label="newline")
    sandbox.load_with(rel, newline.join(lines).encode("utf-8", "surrogatepass"))


def _replace_somewhere(value: Any, data: st.DataObject, depth: int = 0) -> Any:
    """``value`` with one nested value (chosen at random) replaced by a random YAML value."""
    children = (
        list(value)
        if isinstance(value, dict)
        else range(len(value))
        if isinstance(value, list)
        else []
    )
    if not children or (depth and data.draw(st.booleans(), label=f"stop at depth {depth}")):
        return data.draw(VALUES, label="replacement")
    key = data.draw(st.sampled_from(list(children)), label=f"key at depth {depth}")
    copy = dict(value) if isinstance(value, dict) else list(value)
    copy[key] = _replace_somewhere(value[key], data, depth + 1)
    return copy


@FUZZ
@given(rel=st.sampled_from(_example_files()), data=st.data())
def test_example_files_with_a_value_of_another_type(
    sandbox: Sandbox, rel: str, data: st.DataObject
) -> None:
    """Type confusion at any depth of every example file (e.g. ``results: 1``)."""
    document = yaml.safe_load((REPO / rel).read_text(encoding="utf-8"))
    mutated = _replace_somewhere(document, data)
    text = yaml.safe_dump(mutated, allow_unicode=True, sort_keys=False)
    sandbox.load_with(rel, text.encode("utf-8", "surrogatepass"))


OTHER_VALUES: list[Any] = [1, None, "text", ["x"], {"a": 1}, dt.date(2026, 1, 1)]
"""One of each YAML type the validators tell apart (number, empty, text, list, mapping, date)."""


def _paths(value: Any, at: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    children = (
        value.items()
        if isinstance(value, dict)
        else enumerate(value)
        if isinstance(value, list)
        else []
    )
    return [at] + [p for key, child in children for p in _paths(child, (*at, key))]


def _replaced(value: Any, at: tuple[Any, ...], new: Any) -> Any:
    if not at:
        return new
    copy = dict(value) if isinstance(value, dict) else list(value)
    copy[at[0]] = _replaced(value[at[0]], at[1:], new)
    return copy


def test_every_value_of_every_kind_replaced_by_every_other_type(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """Exhaustive type confusion on the small fixture: each value of each file, each type."""
    from conftest import FILES

    root = tmp_path_factory.mktemp("types") / "proj"
    for rel, text in FILES.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    settings_ = Settings(root=root, today=dt.date.fromisoformat(TODAY))
    loads = 0
    for rel, text in FILES.items():
        if not rel.endswith(".yaml"):
            continue
        document = yaml.safe_load(text)
        for at in _paths(document)[1:]:
            for new in OTHER_VALUES:
                mutated = yaml.safe_dump(_replaced(document, at, new), allow_unicode=True)
                (root / rel).write_text(mutated, encoding="utf-8")
                assert_clean(load_project(settings_), root)
                loads += 1
        (root / rel).write_text(text, encoding="utf-8")
    assert loads > 600, loads


def test_every_example_file_is_fuzzed(sandbox: Sandbox) -> None:
    """The mutation test draws from all example files (and the sandbox holds the same set)."""
    assert _example_files() == sandbox.files
    assert len(sandbox.files) >= 30
