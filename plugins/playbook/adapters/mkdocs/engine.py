"""Running MkDocs for the commands: one build into a folder, and ``serve``.

The command line (:mod:`playbook.cli`) decides what to build and where; this module is
the only place that calls MkDocs' own commands.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.commands.build import build
from mkdocs.commands.serve import serve as mkdocs_serve
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, PluginError

from playbook.core.problems import Problem


@dataclass
class EngineBuild:
    """What one build reports back: its own time and what the playbook plugin measured."""

    seconds: float
    """The site engine's wall time, the plugin's phases included."""
    warnings: int
    """Warnings MkDocs and the plugins logged."""
    timings: dict[str, float] = field(default_factory=dict)
    """The plugin's phases (seconds each)."""
    generated_pages: int = 0
    loaded_here: bool = False
    """Whether the plugin loaded the content itself (its settings differed from the preload)."""


class EngineFailure(Exception):
    """The build stopped: ``problem`` is the located cause when the plugin knew it."""

    def __init__(self, message: str, problem: Problem | None) -> None:
        super().__init__(message)
        self.problem = problem

    def format(self, lang: str) -> str:
        return self.problem.format(lang) if self.problem is not None else str(self)


def build_into(root: Path, site_dir: Path, *, strict: bool, preloaded: Any = None) -> EngineBuild:
    """Build ``root``'s site into ``site_dir`` as ``mkdocs build`` does.

    ``preloaded`` (settings, load result) is handed to the playbook plugin, which loads
    again only if its own settings differ.
    """
    counter = _WarningCounter()
    logging.getLogger("mkdocs").addHandler(counter)
    config = None
    try:
        config = load_config(
            config_file=str(root / "mkdocs.yml"), site_dir=str(site_dir), strict=strict
        )
        plugin = config.plugins.get("playbook")
        if plugin is not None:
            plugin.preloaded = preloaded
        started = time.perf_counter()
        # As `mkdocs build` does: plugins learn the command (and that this is no `serve`).
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
        seconds = time.perf_counter() - started
    except (PluginError, Abort) as exc:
        # MkDocs turns a plugin's error inside a page event into a bare "Aborted with a
        # BuildError!": the plugin's located problem says more.
        plugin = config.plugins.get("playbook") if config is not None else None
        raise EngineFailure(str(exc), getattr(plugin, "build_failure", None)) from None
    finally:
        logging.getLogger("mkdocs").removeHandler(counter)
    if plugin is None:
        return EngineBuild(seconds, counter.count)
    return EngineBuild(
        seconds,
        counter.count,
        dict(getattr(plugin, "timings", {})),
        len(plugin.pages),
        bool(plugin.loaded_here),
    )


def serve(root: Path, port: int) -> None:
    """``mkdocs serve`` on 127.0.0.1 with live reload, until interrupted."""
    mkdocs_serve(
        config_file=str(root / "mkdocs.yml"), dev_addr=f"127.0.0.1:{port}", livereload=True
    )


class _WarningCounter(logging.Handler):
    """Counts warnings logged by MkDocs and plugins during a build."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1
