"""Command line: ``check``, ``build``, ``serve`` and ``new`` (called by ``build.py``).

``check`` and ``new`` use only the core; ``build`` and ``serve`` drive MkDocs.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import datetime as dt
import json
import logging
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from playbook.commands.scaffold import scaffold
from playbook.core.messages import msg, tr
from playbook.core.problems import Problem, errors, sort_problems, to_json
from playbook.core.schema import ID_PATTERN
from playbook.ingest.load import KIND_FOLDERS, LoadResult, Settings, load_project
from playbook.ingest.projectconfig import project_language, project_settings
from playbook.integrations.gitinfo import GitError, changed_files, export_base
from playbook.integrations.jsonschema_export import (
    SCHEMA_DIR,
    editor_vocabulary,
    modeline,
    stale_schemas,
    write_schemas,
)
from playbook.runtime.runlock import build_lock, run_tempdir
from playbook.runtime.stopping import stop_on_sigterm


def _today() -> dt.date | None:
    value = os.environ.get("PLAYBOOK_TODAY")
    return dt.date.fromisoformat(value) if value else None


def _load_with_settings(root: Path) -> tuple[Settings, LoadResult]:
    """Load the project with the limits and options of its mkdocs.yml, like ``build`` does."""
    settings, config_problems = project_settings(root.resolve(), _today())
    result = load_project(settings)
    if config_problems:
        result.problems = sort_problems([*config_problems, *result.problems])
    return settings, result


def _load(root: Path) -> LoadResult:
    """:func:`_load_with_settings` without the settings."""
    return _load_with_settings(root)[1]


def _lang(args: argparse.Namespace) -> str:
    """``--lang`` if given, else the site's language (mkdocs.yml), else Chinese."""
    chosen: str | None = getattr(args, "lang", None)
    return chosen or project_language(args.project.resolve())


def _schema_vocabulary(result: LoadResult) -> dict[str, dict[str, str]]:
    return editor_vocabulary(result.vocabulary, result.labels)


def _check_schemas(root: Path, result: LoadResult, fix: bool, out: TextIO, lang: str) -> None:
    """Stale editor schemas are an error of ``check`` (CI runs it); ``--fix`` rewrites them.

    Only for valid content (a record with errors has no name to show yet) and only when
    the project has a ``schemas/`` folder (one without has no editor schemas to keep;
    ``--fix`` writes it).
    """
    if errors(result.problems):
        return
    vocabulary = _schema_vocabulary(result)
    if fix:
        changed = write_schemas(root, vocabulary)
        if changed:
            print(tr("cli.schemas_wrote", lang, files=", ".join(changed)), file=out)
        return
    if not (root / SCHEMA_DIR).is_dir():
        return
    stale = [
        Problem(rel, 1, 1, msg("schemas.stale"), msg("schemas.stale.hint"))
        for rel in stale_schemas(root, vocabulary)
    ]
    result.problems = sort_problems([*result.problems, *stale])


def _print_problems(result: LoadResult, out: TextIO, lang: str) -> None:
    for problem in result.problems:
        print(problem.format(lang), file=out)


def cmd_check(args: argparse.Namespace, out: TextIO) -> int:
    """Validate only; exit 1 if any error."""
    lang = _lang(args)
    changes = None
    if args.changed_since is not None:
        try:
            changes = changed_files(args.project.resolve(), args.changed_since)
        except GitError as exc:
            print(f"✗ {exc.message.render(lang)}", file=out)
            return 2
    settings, result = _load_with_settings(args.project)
    _check_schemas(args.project, result, args.fix, out, lang)
    failures = errors(result.problems)
    if changes is not None:
        from playbook.commands.review import (  # the renderer: only when asked
            planned_pages,
            print_review,
            review,
        )

        root = args.project.resolve()
        with tempfile.TemporaryDirectory() as temp:
            base = Path(temp)
            exported = export_base(root, args.changed_since, base)
            before = planned_pages(base, _load(base), settings.today) if exported else None
        after = planned_pages(root, result, settings.today)
        report = review(result, changes, args.changed_since, lang, before=before, after=after)
        print_review(report, out, args.format, lang)
        if args.format == "json":
            return 1 if failures else 0
    elif args.format == "json":
        print(to_json(result.problems, lang), file=out)
        return 1 if failures else 0
    else:
        _print_problems(result, out, lang)
    warnings = len(result.problems) - len(failures)
    seconds = sum(result.timings.values())
    if failures:
        summary = tr(
            "cli.check_failed",
            lang,
            errors=len(failures),
            warnings=warnings,
            files=len(result.files),
            seconds=seconds,
        )
        print(summary, file=out)
        return 1
    assert result.records is not None
    extra = tr("cli.check_ok_warnings", lang, warnings=warnings) if warnings else ""
    summary = tr("cli.check_ok", lang, **result.records.counts(), extra=extra, seconds=seconds)
    print(summary, file=out)
    return 0


def cmd_new(args: argparse.Namespace, out: TextIO) -> int:
    """Write a scaffold for a new record; never overwrite."""
    root: Path = args.project
    lang = _lang(args)
    if not ID_PATTERN.match(args.id):
        print(tr("cli.new_invalid_id", lang, ident=args.id), file=out)
        return 2
    target = root / KIND_FOLDERS[args.kind] / f"{args.id}.yaml"
    if target.exists():
        print(tr("cli.new_exists", lang, path=target.relative_to(root).as_posix()), file=out)
        return 1
    result = _load(root)
    text = scaffold(args.kind, result.vocabulary, _today() or dt.date.today())
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(modeline(args.kind, target, root) + text, encoding="utf-8")
    rel = target.relative_to(root).as_posix()
    print(tr("cli.new_wrote", lang, path=rel), file=out)
    # The new id belongs in the editor schemas' enums (e.g. an objection's proof cases).
    changed = write_schemas(root, _schema_vocabulary(_load(root)))
    if changed:
        print(tr("cli.schemas_updated", lang, files=", ".join(changed)), file=out)
    return 0


def cmd_init(args: argparse.Namespace, out: TextIO) -> int:
    """``init --empty``: remove the example content, keep a minimal taxonomy and the guide."""
    from playbook.commands.starter import init_empty

    lang = _lang(args)
    if not args.empty:
        print(tr("cli.init_needs_empty", lang), file=out)
        return 2
    root: Path = args.project
    done = init_empty(root)
    changed = write_schemas(root, _schema_vocabulary(_load(root)))
    print(tr("cli.init_done", lang, files=", ".join(done + changed)), file=out)
    return 0


def cmd_health(args: argparse.Namespace, out: TextIO) -> int:
    """Content-health report; exit 1 when a check named in --fail-on finds something."""
    import json

    from playbook.derive.catalog import build_catalog
    from playbook.derive.health import UnknownChecks, build_report, format_text, parse_fail_on

    lang = _lang(args)
    try:
        fail_on = parse_fail_on(args.fail_on or "")
    except UnknownChecks as exc:
        print(exc.message.render(lang), file=out)
        return 2
    root: Path = args.project.resolve()
    settings, _ = project_settings(root, _today())
    if args.days is not None:
        settings = dataclasses.replace(settings, freshness_days=args.days)
    days = settings.freshness_days
    result = load_project(settings)
    if result.taxonomy is None or result.records is None:
        _print_problems(result, out, lang)
        print(tr("cli.health_invalid", lang), file=out)
        return 1
    catalog = build_catalog(result.taxonomy, result.records)
    report = build_report(catalog, root, days, settings.today)
    if args.format == "json":
        print(json.dumps(report.to_data(lang), ensure_ascii=False, indent=2), file=out)
    else:
        print(format_text(report, lang), file=out)
    failing = [name for name in fail_on if report.counts()[name]]
    if failing and args.format == "text":
        print(tr("health.failing_on", lang, checks=", ".join(failing)), file=out)
    return 1 if failing else 0


def cmd_schemas(args: argparse.Namespace, out: TextIO) -> int:
    """Regenerate the editor JSON Schemas under schemas/ (or, with --check, report stale ones)."""
    root: Path = args.project
    lang = _lang(args)
    vocabulary = _schema_vocabulary(_load(root))
    if args.check:
        stale = stale_schemas(root, vocabulary)
        for rel in stale:
            print(tr("cli.schema_stale", lang, path=rel), file=out)
        if not stale:
            print(tr("cli.schemas_current", lang), file=out)
        return 1 if stale else 0
    changed = write_schemas(root, vocabulary)
    if changed:
        print(tr("cli.schemas_wrote", lang, files=", ".join(changed)), file=out)
    else:
        print(tr("cli.schemas_unchanged", lang), file=out)
    return 0


def _clean_stale_temp(root: Path) -> None:
    for stale in root.glob(".site-*.tmp"):
        shutil.rmtree(stale, ignore_errors=True)


def cmd_build(args: argparse.Namespace, out: TextIO) -> int:
    """Validate and build into a temporary folder, then swap it in as ``site/`` atomically."""
    root: Path = args.project.resolve()
    lang = _lang(args)
    started = time.perf_counter()
    settings, result = _load_with_settings(root)
    if errors(result.problems):
        _print_problems(result, out, lang)
        print(tr("cli.build_failed", lang, errors=len(errors(result.problems))), file=out)
        return 1

    def waiting() -> None:
        print(tr("cli.build_waiting", lang), file=out)
        out.flush()

    with build_lock(root, waiting), run_tempdir():
        return _build_locked(args, out, root, settings, result, started)


def _build_locked(
    args: argparse.Namespace,
    out: TextIO,
    root: Path,
    settings: Settings,
    result: LoadResult,
    started: float,
) -> int:
    """The build proper, under the project's build lock (see :mod:`runlock`)."""
    from playbook.adapters.mkdocs import engine  # imports MkDocs: only when building

    lang = _lang(args)
    _clean_stale_temp(root)
    temp = Path(tempfile.mkdtemp(prefix=".site-", suffix=".tmp", dir=root))
    try:
        built = engine.build_into(root, temp, strict=args.strict, preloaded=(settings, result))
    except engine.EngineFailure as exc:
        shutil.rmtree(temp, ignore_errors=True)
        print(tr("cli.build_aborted", lang, error=exc.format(lang)), file=out)
        return 1
    except OSError as exc:  # a full disk, a read-only or vanished folder …
        shutil.rmtree(temp, ignore_errors=True)
        error = _os_error(exc, temp, root, lang)
        print(tr("cli.write_failed_kept", lang, error=error), file=out)
        return 1
    except BaseException:
        shutil.rmtree(temp, ignore_errors=True)
        raise
    site = root / "site"
    try:
        _swap_in(temp, site)
    except OSError as exc:
        shutil.rmtree(temp, ignore_errors=True)
        print(f"✗ {_os_error(exc, temp, root, lang)}", file=out)
        return 1
    timings = built.timings
    pages = sum(1 for _ in site.rglob("*.html"))
    size = sum(f.stat().st_size for f in site.rglob("*") if f.is_file())
    assert result.records is not None
    summary = tr(
        "cli.build_done",
        lang,
        **result.records.counts(),
        generated=built.generated_pages,
        pages=pages,
        size=f"{size / 1e6:.1f}",
        site=site.name,
    )
    print(summary, file=out)
    phases = {**timings, "site engine (MkDocs, incl. render)": built.seconds}
    if args.report:
        inside = {k: v for k, v in timings.items() if built.loaded_here or k not in result.timings}
        report_phases = {**result.timings, **timings}
        _write_report(
            args.report,
            report_phases,
            built.seconds - sum(inside.values()),
            time.perf_counter() - started,
            pages,
            size,
        )
    print(
        "  "
        + ", ".join(f"{k} {v:.2f}s" for k, v in phases.items())
        + f"; total {time.perf_counter() - started:.2f}s",
        file=out,
    )
    if built.warnings:
        print(tr("cli.build_warnings", lang, count=built.warnings), file=out)
    return 0


def _os_error(exc: OSError, temp: Path, root: Path, lang: str) -> str:
    """``site/x/index.html:1:1: cannot write: No space left on device`` (one line)."""
    name = str(exc.filename or "")
    where = name
    if name.startswith(str(temp)):
        where = "site" + name.removeprefix(str(temp))
    elif name.startswith(str(root)):
        where = name.removeprefix(str(root)).lstrip("/")
    return tr("cli.write_failed", lang, where=where or "site", reason=exc.strerror or str(exc))


def _write_report(
    target: Path, timings: dict[str, float], engine: float, total: float, pages: int, size: int
) -> None:
    """Machine-readable build figures (for bench/run.py): seconds per phase, pages, bytes.

    ``engine`` is the site engine's own time, the plugin's phases taken out.
    """
    phases = {**timings, "site engine": max(0.0, engine)}
    report = {"phases": phases, "total_s": total, "html_pages": pages, "site_bytes": size}
    target.write_text(json.dumps(report, indent=2), encoding="utf-8")


def _swap_in(new: Path, site: Path) -> None:
    """Replace ``site`` by ``new`` with two renames, so readers never see a half-written site."""
    old = site.with_name(f".site-old-{os.getpid()}.tmp")
    if site.exists():
        site.rename(old)
    new.rename(site)
    shutil.rmtree(old, ignore_errors=True)


def cmd_serve(args: argparse.Namespace, out: TextIO) -> int:
    """Serve with live reload on 127.0.0.1; invalid content shows an error page until fixed."""
    from playbook.adapters.mkdocs import engine
    from playbook.adapters.mkdocs.livereload import notified_changes

    root: Path = args.project.resolve()
    lang = _lang(args)
    url = f"http://127.0.0.1:{args.port}/"
    # The plugin loads the content once and lists its problems (terminal and browser),
    # recovering on the next valid save: nothing is loaded here.
    print(tr("cli.serve_starting", lang, url=url), file=out)
    out.flush()
    os.chdir(root)
    watching = contextlib.nullcontext() if args.poll else notified_changes()
    # SIGTERM (a process manager, or build.py passing it on) stops serve like Ctrl+C,
    # so MkDocs closes the port and the temporary folders are removed.
    stop_on_sigterm()
    with (
        watching,
        run_tempdir(),
    ):  # --poll: MkDocs' own watcher, which lists the files twice a second
        engine.serve(root, args.port)
    return 0


def cmd_host(args: argparse.Namespace, out: TextIO) -> int:
    """Serve the built site behind sign-in with Caddy (see ``host``)."""
    from playbook.commands.host import cmd_host as host

    return host(args, out, build=cmd_build)


def cmd_server_config(args: argparse.Namespace, out: TextIO) -> int:
    """Rewrite (or, with --check, compare) the Caddy and nginx files in deploy/."""
    from playbook.integrations.webserver import stale_repository_files, write_repository_files

    root: Path = args.project
    if args.check:
        stale = stale_repository_files(root)
        for rel in stale:
            print(f"✗ {rel} is out of date; run 'python3 build.py server-config'", file=out)
        return 1 if stale else 0
    changed = write_repository_files(root)
    print(f"✓ wrote {', '.join(changed)}" if changed else "✓ deploy/ is up to date", file=out)
    return 0


def parser() -> argparse.ArgumentParser:
    """The command-line interface."""
    p = argparse.ArgumentParser(prog="build.py", description="Sales playbook site generator")
    p.add_argument(
        "--project", type=Path, default=Path.cwd(), help="project folder (default: current)"
    )
    sub = p.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="validate content; exit 1 on any error")
    check.add_argument("--format", choices=("text", "json"), default="text")
    _add_lang(check)
    check.add_argument(
        "--changed-since",
        metavar="REF",
        help="list problems in files changed since this git ref first, and the pages they alter",
    )
    check.add_argument(
        "--fix",
        action="store_true",
        help="regenerate stale editor schemas in schemas/ (as `schemas` does) before checking",
    )
    build = sub.add_parser("build", help="validate and write the site to site/")
    build.add_argument("--strict", action="store_true", help="treat warnings as errors")
    _add_lang(build)
    build.add_argument(
        "--report", type=Path, default=None, help="write phase timings as JSON to this file"
    )
    serve = sub.add_parser("serve", help="build and serve with live reload")
    serve.add_argument("--port", type=int, default=8000)
    _add_lang(serve)
    serve.add_argument(
        "--poll",
        action="store_true",
        help="look for changes by polling (for folders whose changes are not notified, "
        "e.g. some network or container mounts)",
    )
    new = sub.add_parser("new", help="write a scaffold for a new record")
    new.add_argument("kind", choices=sorted(KIND_FOLDERS))
    new.add_argument("id")
    _add_lang(new)
    init = sub.add_parser("init", help="start your own playbook: --empty removes the examples")
    init.add_argument(
        "--empty",
        action="store_true",
        help="remove the example records and playbook pages; keep a minimal taxonomy and the guide",
    )
    _add_lang(init)
    health = sub.add_parser("health", help="content-health report (stale, orphans, duplicates …)")
    health.add_argument("--format", choices=("text", "json"), default="text")
    health.add_argument(
        "--fail-on",
        metavar="CHECKS",
        help="comma-separated checks that make the exit code 1, e.g. stale,orphans (or all)",
    )
    health.add_argument(
        "--days", type=int, help="freshness window (default: freshness_days in mkdocs.yml)"
    )
    _add_lang(health)
    schemas = sub.add_parser("schemas", help="regenerate the editor JSON Schemas in schemas/")
    schemas.add_argument(
        "--check", action="store_true", help="only report schema files that are out of date"
    )
    _add_lang(schemas)
    from playbook.commands.host import add_arguments

    host = sub.add_parser("host", help="serve the built site to the team behind sign-in")
    add_arguments(host)
    _add_lang(host)
    server_config = sub.add_parser(
        "server-config", help="rewrite the Caddy and nginx files in deploy/ (same headers as host)"
    )
    server_config.add_argument("--check", action="store_true", help="only report stale files")
    return p


def _add_lang(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--lang",
        choices=("zh", "en"),
        default=None,
        help="language of messages (default: the site's language in mkdocs.yml, else zh)",
    )


COMMANDS = {
    "check": cmd_check,
    "build": cmd_build,
    "serve": cmd_serve,
    "new": cmd_new,
    "init": cmd_init,
    "schemas": cmd_schemas,
    "health": cmd_health,
    "host": cmd_host,
    "server-config": cmd_server_config,
}


def _setup_logging() -> None:
    """Show MkDocs warnings and the playbook plugin's progress lines on stderr."""
    logger = logging.getLogger("mkdocs")
    if any(getattr(h, "_playbook", False) for h in logger.handlers):
        return
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    handler.addFilter(
        lambda r: r.levelno >= logging.WARNING or r.name.startswith("mkdocs.plugins.playbook")
    )
    handler._playbook = True  # type: ignore[attr-defined]
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run a command; returns the exit code."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    _setup_logging()
    args = parser().parse_args(argv)
    stream = out or sys.stdout
    code: int = COMMANDS[args.command](args, stream)
    return code


if __name__ == "__main__":
    sys.exit(main())
