"""Keep the architecture and the docs honest."""

from __future__ import annotations

import ast
from pathlib import Path

import click
import pytest

from tracker.cli import cli

ROOT = Path(__file__).resolve().parents[1]
PIPELINE = sorted((ROOT / "tracker" / "pipeline").rglob("*.py"))
FORBIDDEN_IN_PIPELINE = {
    "sqlalchemy",
    "httpx",
    "apprise",
    "requests",
    "socket",
    "logging",
    "os",
    "subprocess",
    "time",
    "urllib.request",
    "apscheduler",
}


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


@pytest.mark.parametrize("path", PIPELINE, ids=lambda p: p.name)
def test_pipeline_module_does_no_io(path: Path) -> None:
    bad = {
        name
        for name in _imports(path)
        if any(name == f or name.startswith(f + ".") for f in FORBIDDEN_IN_PIPELINE)
    }
    assert not bad, f"{path.name} imports {sorted(bad)}: pipeline/ must stay pure"


@pytest.mark.parametrize("path", PIPELINE, ids=lambda p: p.name)
def test_pipeline_module_reads_no_clock(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    for call in ("datetime.now(", "datetime.utcnow(", "date.today(", "time.time("):
        assert call not in text, f"{path.name} calls {call}: take `now` as an argument"


def _commands(group: click.Group, prefix: str = "") -> list[str]:
    out: list[str] = []
    for name, command in sorted(group.commands.items()):
        full = f"{prefix}{name}"
        out.append(full)
        if isinstance(command, click.Group):
            out += _commands(command, full + " ")
    return out


@pytest.mark.parametrize("command", _commands(cli))
def test_every_command_is_documented_in_readme_and_has_help(command: str) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"tracker {command}" in readme or f"`{command}" in readme
    node: click.Command = cli
    for part in command.split():
        assert isinstance(node, click.Group)
        node = node.commands[part]
    assert node.help, f"`tracker {command}` has no help text"
