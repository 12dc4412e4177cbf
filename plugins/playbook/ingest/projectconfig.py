"""The playbook plugin's options, read the same way by ``check`` and by the MkDocs plugin.

``check`` must not import MkDocs, yet it has to honour the ``limits`` and
``freshness_days`` written in ``mkdocs.yml`` so that ``check`` and ``build``
agree. So ``read_plugin_options`` does a small, safe YAML read of mkdocs.yml
(tolerating MkDocs' own tags such as ``!!python/name`` and ``!ENV``), and
``settings_from_options`` turns the options (from that read or from the
plugin's validated config) into :class:`Settings`, checking the values once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import fields
from pathlib import Path
from typing import Any

import yaml
from yaml_env_tag import construct_env_tag

from playbook.core.messages import Language, language, msg
from playbook.core.problems import Problem
from playbook.ingest.load import Settings
from playbook.ingest.publish import ACTIVE_TYPES, DATA_TYPES, PublishOptions
from playbook.ingest.yamlsource import Limits

CONFIG_FILE = "mkdocs.yml"
PLUGIN_NAME = "playbook"
LIMIT_NAMES: tuple[str, ...] = tuple(f.name for f in fields(Limits))


class _ConfigLoader(yaml.SafeLoader):
    """SafeLoader that reads MkDocs' custom tags without executing anything."""


def _ignore(loader: yaml.SafeLoader, node: yaml.Node) -> None:
    """Any other tag (``!!python/name:…``, ``!relative``): not an option of ours; skip it."""
    return None


_ConfigLoader.add_constructor("!ENV", construct_env_tag)  # the tag as MkDocs reads it
_ConfigLoader.add_constructor(None, _ignore)


def read_plugin_options(root: Path) -> tuple[dict[str, Any], list[Problem]]:
    """The ``playbook`` plugin's options from ``root/mkdocs.yml`` ({} when absent)."""
    file = root / CONFIG_FILE
    if not file.is_file():
        return {}, []
    try:
        data = yaml.load(
            file.read_text(encoding="utf-8-sig"), Loader=_ConfigLoader
        )  # a SafeLoader subclass
    except (yaml.YAMLError, UnicodeDecodeError, OSError) as exc:
        mark = getattr(exc, "problem_mark", None)
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        return {}, [
            Problem(
                CONFIG_FILE,
                line,
                column,
                msg("config.unreadable", file=CONFIG_FILE, error=str(exc)),
            )
        ]
    plugins = data.get("plugins") if isinstance(data, dict) else None
    entries: list[Any] = (
        [{k: v} for k, v in plugins.items()] if isinstance(plugins, dict) else plugins or []
    )
    if not isinstance(entries, list):
        return {}, []
    for entry in entries:
        if entry == PLUGIN_NAME:
            return {}, []
        if isinstance(entry, dict) and PLUGIN_NAME in entry:
            options = entry[PLUGIN_NAME]
            return (dict(options) if isinstance(options, dict) else {}), []
    return {}, []


def _whole_number(value: Any, name: str, problems: list[Problem], minimum: int) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        problems.append(
            Problem(
                CONFIG_FILE,
                1,
                1,
                msg("config.whole_number", name=name, minimum=minimum, value=repr(value)),
            )
        )
        return None
    return value


def settings_from_options(
    root: Path, options: Mapping[str, Any], today: dt.date | None = None
) -> tuple[Settings, list[Problem]]:
    """Settings for ``root`` from the plugin's options; bad values become problems."""
    problems: list[Problem] = []
    defaults = Settings(root=root)
    freshness = options.get("freshness_days")
    if freshness is None:
        freshness = defaults.freshness_days
    freshness = _whole_number(freshness, "freshness_days", problems, 0)
    raw_limits = options.get("limits") or {}
    if not isinstance(raw_limits, Mapping):
        problems.append(Problem(CONFIG_FILE, 1, 1, msg("config.limits_mapping")))
        raw_limits = {}
    limits: dict[str, int] = {}
    for name in LIMIT_NAMES:
        value = raw_limits.get(name)
        if value is None:
            continue
        checked = _whole_number(value, f"limits.{name}", problems, 1)
        if checked is not None:
            limits[name] = checked
    for name in raw_limits:
        if name not in LIMIT_NAMES:
            problems.append(
                Problem(
                    CONFIG_FILE,
                    1,
                    1,
                    msg("config.unknown_limit", name=str(name)),
                    msg("config.unknown_limit.hint", known=", ".join(LIMIT_NAMES)),
                )
            )
    settings = Settings(
        root=root,
        freshness_days=defaults.freshness_days if freshness is None else freshness,
        limits=Limits(**limits),
        today=today,
        publish=_publish_options(options, problems),
    )
    return settings, problems


def _publish_options(options: Mapping[str, Any], problems: list[Problem]) -> PublishOptions:
    """``publish_types`` and ``allow_symlinks``; types that can run script are refused."""
    defaults = PublishOptions()
    allow = options.get("allow_symlinks", defaults.allow_symlinks)
    if not isinstance(allow, bool):
        problems.append(
            Problem(
                CONFIG_FILE,
                1,
                1,
                msg("config.allow_symlinks", value=repr(allow)),
            )
        )
        allow = defaults.allow_symlinks
    raw = options.get("publish_types")
    if raw is None:
        return PublishOptions(defaults.publish_types, allow)
    if not isinstance(raw, list) or not all(isinstance(t, str) and t for t in raw):
        problems.append(
            Problem(
                CONFIG_FILE,
                1,
                1,
                msg("config.publish_types"),
                msg("config.publish_types.hint"),
            )
        )
        return PublishOptions(defaults.publish_types, allow)
    types = {t.lower().lstrip(".") for t in raw}
    for refused in sorted(types & (ACTIVE_TYPES | DATA_TYPES)):
        why = msg("config.type_active" if refused in ACTIVE_TYPES else "config.type_content")
        problems.append(
            Problem(
                CONFIG_FILE,
                1,
                1,
                msg("config.type_refused", type=refused, why=why),
                msg("config.type_refused.hint", type=refused),
            )
        )
    return PublishOptions(frozenset(types - ACTIVE_TYPES - DATA_TYPES), allow)


def project_settings(root: Path, today: dt.date | None = None) -> tuple[Settings, list[Problem]]:
    """Settings for the project at ``root`` as configured in its mkdocs.yml."""
    options, problems = read_plugin_options(root)
    settings, more = settings_from_options(root, options, today)
    return settings, problems + more


def project_language(root: Path) -> Language:
    """The language of messages for the project at ``root``: the plugin's ``language``
    option in mkdocs.yml, else the theme's, else Chinese."""
    options, _ = read_plugin_options(root)
    if options.get("language"):
        return language(options["language"])
    file = root / CONFIG_FILE
    try:
        data = yaml.load(file.read_text(encoding="utf-8-sig"), Loader=_ConfigLoader)
    except (yaml.YAMLError, UnicodeDecodeError, OSError):
        return language(None)
    theme = data.get("theme") if isinstance(data, dict) else None
    return language(theme.get("language") if isinstance(theme, dict) else None)
