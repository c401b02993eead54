"""``load_settings``: config file + watchlist file + ``TRACKER_*`` environment -> ``Settings``.

Precedence: environment > file > defaults. The environment is decoded by
pydantic-settings' own ``EnvSettingsSource`` (prefix ``TRACKER_``, nested keys
joined by ``__``, JSON for list and mapping keys), fed from the mapping we are
given instead of ``os.environ`` so tests never touch the process environment.
Every problem found is reported, each with the file, key path and line it came
from, or with the environment variable that set it.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from pydantic import ValidationError
from pydantic_settings import EnvSettingsSource, SettingsError
from pydantic_settings.sources.utils import parse_env_vars

from tracker.config.checks import duplicate_ids, read_watchlist, unknown_filter_ids
from tracker.config.masking import mask_url
from tracker.config.models import Settings
from tracker.config.problems import (
    RANK_STRUCTURE,
    KeyPath,
    Problem,
    format_problems,
    problems_from_validation,
    unknown_key_message,
)
from tracker.config.yamlfile import YamlDoc, YamlFileError, read_yaml
from tracker.errors import ConfigError

ENV_PREFIX = "TRACKER_"
DEFAULT_CONFIG = Path("config/tracker.yaml")
_INTERNAL_KEYS = frozenset({"config_path"})  # set by the loader, never by users
_NOT_FROM_ENV = frozenset({"config", "config_path"})  # TRACKER_CONFIG names the file itself


def resolve_config_path(cli_value: str | None, environ: Mapping[str, str] | None = None) -> Path:
    """``--config``, then ``$TRACKER_CONFIG``, then ``./config/tracker.yaml``."""
    env = os.environ if environ is None else environ
    if cli_value:
        return Path(cli_value)
    return Path(env["TRACKER_CONFIG"]) if env.get("TRACKER_CONFIG") else DEFAULT_CONFIG


class _MappingEnvSource(EnvSettingsSource):
    """pydantic-settings' environment source, reading a given mapping."""

    def __init__(self, environ: Mapping[str, str]) -> None:
        self._environ = environ
        super().__init__(
            cast(Any, Settings),
            case_sensitive=False,
            env_prefix=ENV_PREFIX,
            env_nested_delimiter="__",
            env_ignore_empty=True,
        )

    def _load_env_vars(self) -> Mapping[str, str | None]:
        return parse_env_vars(self._environ, False, True, None)


@dataclass
class _Sources:
    """Where each value came from, to point every problem at its file line or variable."""

    config: YamlDoc
    env_paths: dict[KeyPath, str] = field(default_factory=dict)
    watchlist: YamlDoc | None = None
    watchlist_count: int = 0

    def locate(self, loc: KeyPath) -> Problem:
        """An empty ``Problem`` placed where ``loc`` (a path in the merged data) came from."""
        if self.watchlist and loc[:1] == ("companies",) and len(loc) > 1:
            index = loc[1]
            if isinstance(index, int) and index < self.watchlist_count:
                return self._in_file(self.watchlist, loc, order=2)
            if isinstance(index, int):
                loc = ("companies", index - self.watchlist_count, *loc[2:])
        for env_path, var in self.env_paths.items():
            if loc[: len(env_path)] == env_path:
                return Problem(None, loc, "", env_var=var, order=0)
        return self._in_file(self.config, loc, order=1)

    @staticmethod
    def _in_file(doc: YamlDoc, loc: KeyPath, order: int) -> Problem:
        line = next(
            (doc.lines[loc[:k]] for k in range(len(loc), 0, -1) if loc[:k] in doc.lines), None
        )
        return Problem(doc.path, loc, "", line=line, order=order)


def _env_var_paths(environ: Mapping[str, str]) -> dict[KeyPath, str]:
    paths: dict[KeyPath, str] = {}
    for name, value in environ.items():
        if not name.upper().startswith(ENV_PREFIX) or not value:
            continue
        parts = tuple(name[len(ENV_PREFIX) :].lower().split("__"))
        if parts[0] in Settings.model_fields and parts[0] not in _NOT_FROM_ENV:
            paths[parts] = name
    return paths


def _decode_env(
    environ: Mapping[str, str], sources: _Sources
) -> tuple[dict[str, Any], list[Problem]]:
    try:
        data = _MappingEnvSource(environ)()
    except SettingsError as exc:
        match = re.search(r'field "(\w+)"', str(exc))
        key = match.group(1) if match else ""
        var = sources.env_paths.get((key,), f"{ENV_PREFIX}{key.upper()}")
        message = "not valid JSON (list and mapping keys take JSON from the environment)"
        return {}, [Problem(None, (key,), message, env_var=var, order=0)]
    return {k: v for k, v in data.items() if k not in _NOT_FROM_ENV}, []


def _deep_merge(base: dict[str, Any], over: Mapping[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in over.items():
        if isinstance(value, Mapping) and isinstance(merged.get(key), dict):
            merged[key] = _deep_merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def _read_config(path: Path) -> YamlDoc:
    try:
        doc = read_yaml(path)
    except YamlFileError as exc:
        raise ConfigError(str(exc.problem)) from None
    if doc.data is None:
        doc.data = {}
    if not isinstance(doc.data, dict):
        kind = type(doc.data).__name__
        problem = Problem(path, (), f"the top level must be a mapping of keys (got {kind})", line=1)
        raise ConfigError(str(problem))
    return doc


def _internal_key_problems(doc: YamlDoc) -> list[Problem]:
    keys = [str(k) for k in Settings.model_fields if k not in _INTERNAL_KEYS]
    return [
        Problem(
            doc.path,
            (key,),
            unknown_key_message(key, keys),
            line=doc.lines.get((key,)),
            rank=RANK_STRUCTURE,
        )
        for key in _INTERNAL_KEYS & set(doc.data)
    ]


def _with_watchlist(data: dict[str, Any], sources: _Sources, config_dir: Path) -> list[Problem]:
    """Put the watchlist file's companies before the inline ones; resolve its path."""
    value = data.get("watchlist")
    if value is None:
        return []
    where = sources.locate(("watchlist",))
    doc, problems = read_watchlist(value, config_dir, where)
    data["watchlist"] = (config_dir / value) if doc else None
    inline = data.get("companies") or []
    if doc is not None and isinstance(inline, list):
        sources.watchlist, sources.watchlist_count = doc, len(doc.data["companies"])
        data["companies"] = [*doc.data["companies"], *inline]
    return problems


def load_settings(path: Path, environ: Mapping[str, str] | None = None) -> Settings:
    """Read, merge and validate the configuration; raise ``ConfigError`` listing every problem."""
    env = os.environ if environ is None else environ
    config = _read_config(path)
    sources = _Sources(config=config, env_paths=_env_var_paths(env))
    env_data, problems = _decode_env(env, sources)
    problems += config.duplicates + _internal_key_problems(config)
    data = _deep_merge({k: v for k, v in config.data.items() if k not in _INTERNAL_KEYS}, env_data)
    config_dir = path.absolute().parent
    problems += _with_watchlist(data, sources, config_dir)
    raw_companies = data.get("companies")
    companies: list[Any] = raw_companies if isinstance(raw_companies, list) else []
    problems += duplicate_ids(companies, sources.locate)
    problems += unknown_filter_ids(data.get("notify"), companies, sources.locate)
    settings = None
    try:
        settings = Settings.model_validate({**data, "config_path": path.absolute()})
    except ValidationError as exc:
        problems += problems_from_validation(exc, Settings, sources.locate, _INTERNAL_KEYS)
    if problems or settings is None:
        raise ConfigError(format_problems(problems))
    return settings


def _count(n: int, noun: str, plural: str | None = None) -> str:
    return f"{n} {noun if n == 1 else (plural or noun + 's')}"


def summary(settings: Settings) -> str:
    """The one line ``tracker check`` prints; credentials in URLs are masked."""
    return (
        f"config OK: {settings.config_path} — "
        f"{_count(len(settings.companies), 'company', 'companies')}, "
        f"{_count(len(settings.feeds), 'feed')}, "
        f"{_count(len(settings.notify), 'notify channel')}, "
        f"database {mask_url(settings.database_url)}"
    )
