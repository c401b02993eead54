"""Read a YAML file and remember, for every key path, the line it sits on.

PyYAML's ``compose`` keeps each node's start mark; walking the node tree next
to the constructed data gives ``{("companies", 3, "people", 0, "role"): 41}``
so validation errors can point at a line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from tracker.config.problems import KeyPath, Problem

# libyaml's parser keeps the same marks and is ~10x faster on a big watchlist.
_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class YamlDoc:
    """A parsed YAML document: its data, the 1-based line of each key path, duplicate keys."""

    path: Path
    data: Any
    lines: dict[KeyPath, int] = field(default_factory=dict)
    duplicates: list[Problem] = field(default_factory=list)


class YamlFileError(Exception):
    """The file is missing, unreadable or not YAML; carries the one problem."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


def _walk(node: yaml.Node, path: KeyPath, doc_path: Path, out: YamlDoc) -> None:
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = str(key_node.value)
            child = (*path, key)
            if key in seen:
                line = key_node.start_mark.line + 1
                message = "duplicate key (only the last one would count)"
                out.duplicates.append(Problem(doc_path, child, message, line=line))
            seen.add(key)
            out.lines.setdefault(child, key_node.start_mark.line + 1)
            _walk(value_node, child, doc_path, out)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            child = (*path, index)
            out.lines[child] = item.start_mark.line + 1
            _walk(item, child, doc_path, out)


def read_yaml(path: Path, *, what: str = "config file") -> YamlDoc:
    """Parse ``path``; raise ``YamlFileError`` naming line and column on a syntax error."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise YamlFileError(Problem(path, (), f"{what} not found")) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise YamlFileError(Problem(path, (), f"cannot read {what}: {exc}")) from None
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        raise YamlFileError(_syntax_problem(path, exc)) from None
    except yaml.YAMLError as exc:
        raise YamlFileError(Problem(path, (), f"YAML error: {exc}")) from None
    finally:
        loader.dispose()
    doc = YamlDoc(path=path, data=data)
    if node is not None:
        _walk(node, (), path, doc)
    return doc


def _syntax_problem(path: Path, exc: yaml.MarkedYAMLError) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    what = exc.problem or exc.context or "invalid YAML"
    if exc.context and exc.problem:
        started = exc.context_mark
        where = f" (line {started.line + 1}, column {started.column + 1})" if started else ""
        what = f"{exc.context}{where}, {exc.problem}"
    if mark is None:
        return Problem(path, (), f"YAML syntax error: {what}")
    return Problem(
        path, (), f"YAML syntax error: {what}", line=mark.line + 1, column=mark.column + 1
    )
