"""Configuration problems and how they read: ``file: key.path (line N): what is wrong``."""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from tracker.config.masking import mask_url

KeyPath = tuple[str | int, ...]

# Problems that usually explain the others come first.
RANK_STRUCTURE = 0
RANK_VALUE = 1
RANK_REFERENCE = 2
_STRUCTURE_TYPES = frozenset(
    {"extra_forbidden", "missing", "dict_type", "list_type", "tuple_type", "model_type"}
)

# pydantic's wording names Python types; users write YAML.
_PLAIN_MESSAGES = {
    "tuple_type": "must be a list",
    "list_type": "must be a list",
    "dict_type": "must be a mapping of keys (key: value)",
    "model_type": "must be a mapping of keys (key: value)",
}


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the configuration, and where it is."""

    file: Path | None
    path: KeyPath
    message: str
    line: int | None = None
    column: int | None = None
    env_var: str | None = None
    rank: int = RANK_VALUE
    order: int = 1  # 0 environment, 1 config file, 2 watchlist file

    def __str__(self) -> str:
        key = format_key_path(self.path)
        if self.env_var:
            where = f"environment variable {self.env_var}" + (f" ({key})" if key else "")
            return f"{where}: {self.message}"
        parts = [str(self.file)] if self.file else ["configuration"]
        if key:
            parts.append(f": {key}")
        if self.line is not None:
            col = f", column {self.column}" if self.column is not None else ""
            parts.append(f" (line {self.line}{col})")
        return "".join(parts) + f": {self.message}"


def format_key_path(path: KeyPath) -> str:
    """``("companies", 3, "people", 0, "role")`` -> ``companies[3].people[0].role``."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def format_problems(problems: Sequence[Problem]) -> str:
    """All problems, one per line, the most important first."""
    ordered = sorted(problems, key=lambda p: (p.rank, p.order, p.line or 0))
    return "\n".join(str(p) for p in ordered)


def _describe_input(value: Any) -> str:
    if isinstance(value, str):
        return repr(mask_url(value) if "://" in value else value)
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list | tuple):
        return "a list"
    return repr(value)


def _unwrap(annotation: Any) -> Any:
    """The model class inside ``X | None`` or ``tuple[X, ...]``, else the annotation."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType, tuple, typing.Annotated):
        for arg in typing.get_args(annotation):
            inner = _unwrap(arg)
            if isinstance(inner, type) and issubclass(inner, BaseModel):
                return inner
    return annotation


def known_keys(root: type[BaseModel], path: KeyPath) -> list[str]:
    """The keys the model at ``path`` accepts (empty when ``path`` is not a model)."""
    model: Any = root
    for part in path:
        if isinstance(part, int):
            continue
        if not (isinstance(model, type) and issubclass(model, BaseModel)):
            return []
        field = model.model_fields.get(part)
        if field is None:
            return []
        model = _unwrap(field.annotation)
    if isinstance(model, type) and issubclass(model, BaseModel):
        return list(model.model_fields)
    return []


def unknown_key_message(key: str, candidates: Sequence[str]) -> str:
    """``unknown key 'x'`` plus a "did you mean" hint when one is close."""
    close = difflib.get_close_matches(key, candidates, n=1, cutoff=0.6)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    return f"unknown key {key!r}{hint}"


def _message(error: ErrorDetails, root: type[BaseModel], hidden: frozenset[str]) -> str:
    kind, loc = error["type"], tuple(error["loc"])
    if kind == "extra_forbidden":
        candidates = [k for k in known_keys(root, loc[:-1]) if k not in hidden]
        return unknown_key_message(str(loc[-1]), candidates)
    if kind == "missing":
        return f"missing required key {loc[-1]!r}"
    message = error["msg"].removeprefix("Value error, ")
    if kind in ("value_error", "assertion_error"):
        return message
    message = _PLAIN_MESSAGES.get(kind, message)
    return f"{message} (got {_describe_input(error['input'])})"


def problems_from_validation(
    exc: ValidationError,
    root: type[BaseModel],
    locate: Callable[[KeyPath], Problem],
    hidden: frozenset[str] = frozenset(),
) -> list[Problem]:
    """One ``Problem`` per pydantic error, placed by ``locate`` (file, line or env var)."""
    problems = []
    for error in exc.errors(include_url=False):
        loc: KeyPath = tuple(p for p in error["loc"] if isinstance(p, int) or "[" not in p)
        where = locate(loc)
        rank = RANK_STRUCTURE if error["type"] in _STRUCTURE_TYPES else RANK_VALUE
        message = _message({**error, "loc": loc}, root, hidden)
        problems.append(replace(where, message=message, rank=rank))
    return problems
