"""Find, parse and validate every content file of a project.

``load_project`` is the whole front half of the pipeline: it returns either
complete, validated records or the full sorted list of problems, never a part.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from playbook.core import model
from playbook.core.fsguard import is_inside
from playbook.core.messages import Msg, msg
from playbook.core.problems import Problem, errors, sort_problems
from playbook.core.schema import RECORD_SPECS, TAXONOMY, VOCABULARIES
from playbook.core.urls import route_problems
from playbook.ingest.contentrules import (
    METRIC_BETTER,
    METRIC_UNITS,
    add_units,
    case_problems,
    owner_problems,
    private_problems,
)
from playbook.ingest.pagecheck import check_pages
from playbook.ingest.parallel import RecordCache, load_records
from playbook.ingest.publish import PublishOptions, inventory, is_ignored
from playbook.ingest.synonyms import check_synonyms
from playbook.ingest.validate import (
    Checker,
    Vocabulary,
    check_id,
    check_reserved,
    check_result_values,
    check_slug,
)
from playbook.ingest.yamlsource import Document, Limits, SourceError, read_document

TAXONOMY_FILE = "content/taxonomy.yaml"
KIND_FOLDERS: dict[str, str] = {
    "case": "cases",
    "objection": "content/objections",
    "industry": "content/industries",
}
"""Record kind → folder (relative to the project root) holding one YAML file per record."""

_BUILDERS: dict[str, Callable[[str, str, dict[str, Any]], model.Record]] = {
    "case": model.build_case,
    "objection": model.build_objection,
    "industry": model.build_industry,
}


@dataclass(frozen=True)
class Settings:
    """Where the content is and how strictly to read it."""

    root: Path
    freshness_days: int = 180
    """A ``reviewed`` date older than this many days is a warning."""
    limits: Limits = field(default_factory=Limits)
    today: dt.date | None = None
    """Fixed "today" for reproducible freshness checks (tests); defaults to the real date."""
    publish: PublishOptions = field(default_factory=PublishOptions)
    """What may be published from the content folders (see :mod:`publish`)."""


@dataclass(frozen=True)
class SourceFile:
    kind: str
    ident: str
    file: Path
    path: str
    """Project-relative POSIX path used in messages."""


@dataclass
class LoadResult:
    """Outcome of loading a project: records only when there is no error."""

    problems: list[Problem]
    taxonomy: model.Taxonomy | None = None
    records: model.Records | None = None
    timings: dict[str, float] = field(default_factory=dict)
    files: list[SourceFile] = field(default_factory=list)
    vocabulary: Vocabulary = field(default_factory=dict)
    """Every known id by reference name, even when there are errors (for hints and scaffolds)."""
    published: frozenset[str] = frozenset()
    """Docs-relative paths of the hand-written pages and assets that may be published."""
    pages: list[str] = field(default_factory=list)
    """Docs-relative paths of the hand-written Markdown pages."""
    labels: dict[str, dict[str, str]] = field(default_factory=dict)
    """Record kind → id → the name readers see (industry ``name``, objection text), for each
    record that is valid on its own (the editor schemas show them next to the ids)."""

    @property
    def ok(self) -> bool:
        return self.records is not None and self.taxonomy is not None


def discover(root: Path, problems: list[Problem], allow_symlinks: bool = False) -> list[SourceFile]:
    """List the record files of every kind, reporting misnamed ones.

    Links (unless allowed), special files and unreadable entries are skipped here;
    :func:`publish.inventory` reports them.
    """
    found: list[SourceFile] = []
    resolved_root = root.resolve()
    for kind, folder in KIND_FOLDERS.items():
        base = root / folder
        if not base.is_dir():
            continue
        for entry in walk_files(base):
            file = Path(entry.path)
            # The walk does not descend into linked folders, so only links need resolving.
            if entry.is_symlink() and not (
                allow_symlinks and file.resolve().is_relative_to(resolved_root)
            ):
                continue  # reported by publish.inventory
            if not entry.is_file():
                continue  # a linked folder (its files are listed where it leads) or a FIFO
            stem, dot, suffix = entry.name.rpartition(".")
            if not dot:
                continue
            rel = file.relative_to(root).as_posix()
            if suffix == "yml":
                problems.append(
                    Problem(
                        rel,
                        1,
                        1,
                        msg("file.yml_suffix"),
                        msg("file.yml_suffix.hint", stem=stem),
                    )
                )
            elif suffix == "yaml":
                found.append(SourceFile(kind, stem, file, rel))
    return found


def walk_files(folder: Path) -> Iterator[os.DirEntry[str]]:
    """Entries under ``folder`` other than real folders, by path in name order; ignored names
    (see :func:`is_ignored`) are skipped, and linked folders are listed, not entered."""
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda e: e.name)
    except OSError:
        return  # an unreadable folder: reported by publish.inventory
    for entry in entries:
        if is_ignored(entry.name):
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from walk_files(Path(entry.path))
        else:
            yield entry


def load_project(settings: Settings, cache: RecordCache | None = None) -> LoadResult:
    """Load and validate the whole project at ``settings.root``.

    ``cache`` (kept by ``serve`` between rebuilds) skips files that did not change.
    """
    root = settings.root
    problems: list[Problem] = []
    timings: dict[str, float] = {}
    started = time.perf_counter()

    found = inventory(root, settings.publish)
    problems.extend(found.problems)
    taxonomy_doc = (
        _read(root / TAXONOMY_FILE, TAXONOMY_FILE, settings.limits, problems)
        if is_inside(root, root / TAXONOMY_FILE)
        else None
    )
    files = discover(root, problems, settings.publish.allow_symlinks)
    timings["load"] = time.perf_counter() - started

    started = time.perf_counter()
    taxonomy_data = _validate_taxonomy(taxonomy_doc, problems) if taxonomy_doc else None
    taxonomy = model.build_taxonomy(taxonomy_data) if taxonomy_data is not None else None
    vocabulary = _vocabulary(taxonomy, files)
    if len(files) > settings.limits.max_records:
        problems.append(
            Problem(
                KIND_FOLDERS["case"],
                1,
                1,
                msg("records.too_many", count=len(files), limit=settings.limits.max_records),
                msg("records.too_many.hint"),
            )
        )
    _check_duplicate_ids(files, problems)
    problems.extend(check_pages(root, found.pages, settings.limits))
    problems.extend(route_problems(found.pages, _route_ids(files, taxonomy_data)))
    timings["validate"] = time.perf_counter() - started

    # Each record file is read, parsed and validated on its own (the vocabulary is
    # known from file names and the taxonomy), so large projects use every core.
    records = model.Records()
    labels: dict[str, dict[str, str]] = {}
    loaded, read_s, check_s = load_records(files, vocabulary, settings, load_record, cache)
    for source, record, record_problems in loaded:
        if taxonomy is None:  # one root cause, not a cascade of unknown-id errors
            record_problems = [p for p in record_problems if not _taxonomy_ref(p)]
        problems.extend(record_problems)
        if record is not None:
            getattr(records, _PLURAL[source.kind])[source.ident] = record
            label = record_label(record)
            if label:
                labels.setdefault(source.kind, {})[source.ident] = label
    timings["load"] += read_s
    timings["validate"] += check_s

    result = LoadResult(
        sort_problems(problems),
        timings=timings,
        files=files,
        vocabulary=vocabulary,
        published=found.published,
        pages=found.pages,
        labels=labels,
    )
    if not errors(result.problems) and taxonomy is not None:
        result.taxonomy = taxonomy
        result.records = records
    return result


_PLURAL = {"case": "cases", "objection": "objections", "industry": "industries"}


def record_label(record: model.Record) -> str:
    """The name an editor shows next to a record's id: an industry's ``name``, an objection's
    words. Cases have none: their titles change with most edits, and the schemas would then
    go stale with every one."""
    if isinstance(record, model.Industry):
        return record.name
    if isinstance(record, model.Objection):
        return record.objection
    return ""


_TAXONOMY_REFS = frozenset(f"ref.{name}" for name in VOCABULARIES.values())


def _taxonomy_ref(problem: Problem) -> bool:
    """An unknown-id problem for a taxonomy vocabulary (moot while the taxonomy is broken)."""
    if problem.message.code != "ref.unknown":
        return False
    what = dict(problem.message.args).get("what")
    return isinstance(what, Msg) and what.code in _TAXONOMY_REFS


def load_record(
    source: SourceFile, vocabulary: Vocabulary, settings: Settings, today: dt.date
) -> tuple[model.Record | None, list[Problem], float]:
    """Read, parse and validate one record file: (record or None, its problems, read seconds)."""
    problems: list[Problem] = []
    started = time.perf_counter()
    doc = _read(source.file, source.path, settings.limits, problems)
    read_s = time.perf_counter() - started
    if doc is None:
        return None, problems, read_s
    record = _validate_record(source, doc, vocabulary, problems, today, settings.freshness_days)
    return record, problems, read_s


def _read(file: Path, path: str, limits: Limits, problems: list[Problem]) -> Document | None:
    if not file.is_file():
        problems.append(Problem(path, 1, 1, msg("file.not_found"), msg("file.not_found.hint")))
        return None
    try:
        doc = read_document(file, path, limits)
    except SourceError as exc:
        problems.append(exc.problem)
        return None
    except OSError as exc:
        problems.append(Problem(path, 1, 1, msg("file.unreadable", error=str(exc.strerror or exc))))
        return None
    if doc.data is None:
        problems.append(Problem(path, 1, 1, msg("file.empty"), msg("file.empty.hint")))
        return None
    if not isinstance(doc.data, dict):
        problems.append(doc.problem((), msg("file.not_mapping")))
        return None
    return doc


def _validate_taxonomy(doc: Document, problems: list[Problem]) -> dict[str, Any] | None:
    data = Checker(doc, {}, problems).check(TAXONOMY, doc.data, ())
    if not isinstance(data, dict):
        return None
    for list_name in VOCABULARIES:
        seen: set[str] = set()
        for i, term in enumerate(data.get(list_name, [])):
            ident = term.get("id")
            if ident is None:
                continue
            at = (list_name, i, "id")
            if check_slug(doc, at, ident, problems) and list_name == "pain_points":
                check_reserved(doc, "pain_point", ident, problems, at)
            if ident in seen:
                problems.append(
                    doc.problem(at, msg("taxonomy.duplicate_id", ident=ident, list=list_name))
                )
            seen.add(ident)
    check_synonyms(doc, data.get("synonyms"), problems)
    return data


def _vocabulary(taxonomy: model.Taxonomy | None, files: list[SourceFile]) -> Vocabulary:
    vocabulary: dict[str, dict[str, str]] = {}
    if taxonomy is not None:
        for list_name, ref_name in VOCABULARIES.items():
            terms: dict[str, model.Term] = getattr(taxonomy, list_name)
            vocabulary[ref_name] = {ident: term.label for ident, term in terms.items()}
        vocabulary[METRIC_UNITS] = {i: m.unit for i, m in taxonomy.metrics.items()}
        vocabulary[METRIC_BETTER] = {i: m.better for i, m in taxonomy.metrics.items()}
    for source in files:
        vocabulary.setdefault(source.kind, {})[source.ident] = source.path
    return vocabulary


def _route_ids(
    files: list[SourceFile], taxonomy: dict[str, Any] | None
) -> dict[str, dict[str, str]]:
    """Each kind's ids and their source files, for the route table's collision check."""
    ids: dict[str, dict[str, str]] = {}
    for source in files:
        ids.setdefault(source.kind, {}).setdefault(source.ident, source.path)
    for term in (taxonomy or {}).get("pain_points", []):
        if isinstance(term.get("id"), str):
            ids.setdefault("pain_point", {})[term["id"]] = TAXONOMY_FILE
    return ids


def _check_duplicate_ids(files: list[SourceFile], problems: list[Problem]) -> None:
    first: dict[tuple[str, str], SourceFile] = {}
    for source in files:
        key = (source.kind, source.ident)
        if key in first:
            problems.append(
                Problem(
                    source.path,
                    1,
                    1,
                    msg("id.duplicate", kind=msg(f"ref.{source.kind}"), ident=source.ident),
                    msg("id.duplicate.hint", path=first[key].path),
                )
            )
        else:
            first[key] = source


def _validate_record(
    source: SourceFile,
    doc: Document,
    vocabulary: Vocabulary,
    problems: list[Problem],
    today: dt.date,
    freshness_days: int,
) -> model.Record | None:
    before = len(problems)
    if not check_slug_name(source, problems):
        return None
    if not check_reserved(doc, source.kind, source.ident, problems):
        return None
    data = Checker(doc, vocabulary, problems).check(RECORD_SPECS[source.kind], doc.data, ())
    if not isinstance(data, dict):
        return None
    check_id(doc, source.ident, data, problems)
    spec = RECORD_SPECS[source.kind]
    problems.extend(private_problems(doc, spec, data, doc.data.get("private")))
    problems.extend(owner_problems(doc, data))
    if source.kind == "case":
        check_result_values(doc, doc.data.get("results") or [], problems)
        problems.extend(case_problems(doc, data, vocabulary))
        add_units(data, vocabulary)
    reviewed = data.get("reviewed")
    if isinstance(reviewed, dt.date):
        age = (today - reviewed).days
        if age > freshness_days:
            line, column = doc.position(("reviewed",))
            problems.append(
                Problem(
                    source.path,
                    line,
                    column,
                    msg("reviewed.stale", date=reviewed.isoformat(), age=age, days=freshness_days),
                    msg(
                        "reviewed.stale.hint",
                        owner=data.get("owner") or msg("reviewed.owner_unknown"),
                    ),
                    "warning",
                )
            )
        elif age < -1:
            problems.append(
                doc.problem(("reviewed",), msg("reviewed.future", date=reviewed.isoformat()))
            )
    if any(p.severity == "error" for p in problems[before:]):
        return None
    return _BUILDERS[source.kind](source.ident, source.path, data)


def check_slug_name(source: SourceFile, problems: list[Problem]) -> bool:
    """The file name (without .yaml) is the id, so it must be a valid slug."""
    probe = Document(source.path, None)
    return check_slug(probe, (), source.ident, problems)
