"""Checks that span several keys or files: the watchlist file and cross-references.

They work on the raw (merged) data so that they run even when other keys are
invalid, and every problem is reported in one go.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from tracker.config.problems import (
    RANK_REFERENCE,
    RANK_STRUCTURE,
    RANK_VALUE,
    KeyPath,
    Problem,
    format_key_path,
    unknown_key_message,
)
from tracker.config.yamlfile import YamlDoc, YamlFileError, read_yaml

Locate = Callable[[KeyPath], Problem]


def read_watchlist(
    value: Any, config_dir: Path, where: Problem
) -> tuple[YamlDoc | None, list[Problem]]:
    """Read the ``watchlist:`` file; ``where`` places problems on the ``watchlist`` key."""
    if not isinstance(value, str) or not value.strip():
        return None, [_at(where, f"must be a file name (got {value!r})")]
    path = config_dir / value
    try:
        doc = read_yaml(path, what="watchlist file")
    except YamlFileError as exc:
        if exc.problem.line is not None:  # a syntax error inside the watchlist file
            return None, [exc.problem]
        return None, [_at(where, f"{exc.problem.message}: {path}", RANK_STRUCTURE)]
    problems = list(doc.duplicates)
    if doc.data is None:
        doc.data = {"companies": []}
    if not isinstance(doc.data, dict):
        problems.append(
            Problem(path, (), "a watchlist file must hold a top-level 'companies:' list")
        )
        return None, problems
    for key in doc.data:
        if key != "companies":
            line = doc.lines.get((key,))
            message = unknown_key_message(str(key), ["companies"])
            problems.append(Problem(path, (key,), message, line=line, rank=RANK_STRUCTURE))
    companies = doc.data.get("companies") or []
    if not isinstance(companies, list):
        line = doc.lines.get(("companies",))
        message = f"must be a list of companies (got {type(companies).__name__})"
        problems.append(Problem(path, ("companies",), message, line=line, rank=RANK_STRUCTURE))
        return None, problems
    doc.data["companies"] = companies
    return doc, problems


def _at(where: Problem, message: str, rank: int = RANK_VALUE) -> Problem:
    return replace(where, message=message, rank=rank)


def _place(locate: Locate, loc: KeyPath) -> str:
    where = locate(loc)
    if where.env_var:
        return f"{format_key_path(where.path)} in {where.env_var}"
    name = where.file.name if where.file else "configuration"
    line = f" line {where.line}" if where.line else ""
    return f"{format_key_path(where.path)}, {name}{line}"


def duplicate_ids(companies: list[Any], locate: Locate) -> list[Problem]:
    """A company id used twice (in the config, the watchlist file or both)."""
    first: dict[str, int] = {}
    problems = []
    for index, company in enumerate(companies):
        cid = company.get("id") if isinstance(company, dict) else None
        if not isinstance(cid, str):
            continue
        if cid in first:
            loc = ("companies", index, "id")
            earlier = _place(locate, ("companies", first[cid], "id"))
            message = f"duplicate company id {cid!r} (first used at {earlier})"
            problems.append(_at(locate(loc), message, RANK_REFERENCE))
        first.setdefault(cid, index)
    return problems


def unknown_filter_ids(notify: Any, companies: list[Any], locate: Locate) -> list[Problem]:
    """Notify filters naming companies that are not watched."""
    ids = [c["id"] for c in companies if isinstance(c, dict) and isinstance(c.get("id"), str)]
    problems = []
    for n, target in enumerate(notify if isinstance(notify, list) else []):
        wanted = target.get("companies") if isinstance(target, dict) else None
        for k, cid in enumerate(wanted if isinstance(wanted, list) else []):
            if isinstance(cid, str) and cid not in ids:
                message = unknown_key_message(cid, ids).replace("unknown key", "unknown company id")
                message += " (notify filters take ids of watched companies)"
                problems.append(_at(locate(("notify", n, "companies", k)), message, RANK_REFERENCE))
    return problems
