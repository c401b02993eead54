"""`tracker extract`: JSONL in, one JSONL result per input line out (CONTRACT.md)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from feedserver import Route, serve
from http_sink import HttpSink

from tracker.cli import cli

CLI = Path(__file__).parent / "fixtures" / "cli"
EVENT_KEYS = {
    "company",
    "type",
    "people",
    "role",
    "certainty",
    "interim",
    "reason",
    "confidence",
    "language",
    "evidence",
}


@pytest.fixture
def config(tmp_path: Path) -> Path:
    """The test watchlist as a config of its own, its default database in tmp_path."""
    path = tmp_path / "tracker.yaml"
    shutil.copy(CLI / "companies.yaml", path)
    return path


def _extract(config: Path, stdin: bytes | str) -> tuple[int, list[dict[str, Any]]]:
    result = CliRunner().invoke(cli, ["--config", str(config), "extract"], input=stdin)
    return result.exit_code, [json.loads(line) for line in result.stdout.splitlines()]


def test_extract_answers_every_line_in_order(config: Path) -> None:
    code, results = _extract(config, (CLI / "items.jsonl").read_bytes())
    assert code == 0
    assert [r["id"] for r in results] == ["en-1", "fr-1", "neg-1", "7"]
    assert [len(r["events"]) for r in results] == [1, 1, 0, 1]


def test_extract_output_has_the_contract_shape(config: Path) -> None:
    _code, results = _extract(config, (CLI / "items.jsonl").read_bytes())
    assert all(set(r) == {"id", "events"} for r in results)
    events = [e for r in results for e in r["events"]]
    assert all(set(e) == EVENT_KEYS for e in events)
    assert results[0]["events"][0] == {
        "company": "openai",
        "type": "departure",
        "people": ["Sam Altman"],
        "role": "ceo",
        "certainty": "reported",
        "interim": False,
        "reason": "dismissed",
        "confidence": results[0]["events"][0]["confidence"],
        "language": "en",
        "evidence": "OpenAI board removes Sam Altman as chief executive",
    }
    assert 0.0 < results[0]["events"][0]["confidence"] <= 1.0


GOOD_LINE = b'{"id": "ok", "title": "OpenAI board removes Sam Altman as chief executive"}'


@pytest.mark.parametrize(
    ("bad_line", "expected_id"),
    [
        pytest.param(b"not json at all", None, id="invalid-json"),
        pytest.param(b'{"title": "no id here"}', None, id="missing-id"),
        pytest.param(b'{"id": "", "title": "x"}', None, id="empty-id"),
        pytest.param(b'["a", "list"]', None, id="not-an-object"),
        pytest.param(b'{"id": "t", "title": 3}', "t", id="title-not-text"),
        pytest.param(b"", None, id="blank-line"),
        pytest.param(b'{"id": "\xff\xfe"}', None, id="not-utf8"),
        pytest.param(b'{"id": "cut', None, id="truncated"),
    ],
)
def test_a_bad_line_gets_an_error_on_its_line_and_the_run_goes_on(
    config: Path, bad_line: bytes, expected_id: str | None
) -> None:
    code, results = _extract(config, b"\n".join([GOOD_LINE, bad_line, GOOD_LINE]) + b"\n")
    assert code == 0
    assert len(results) == 3
    assert set(results[1]) == {"id", "error"}
    assert results[1]["id"] == expected_id
    assert results[1]["error"]
    assert [results[0]["id"], results[2]["id"]] == ["ok", "ok"]
    assert results[0]["events"] == results[2]["events"] != []


def test_a_byte_order_mark_on_the_first_line_is_accepted(config: Path) -> None:
    _code, results = _extract(config, b"\xef\xbb\xbf" + GOOD_LINE + b"\n")
    assert [r["id"] for r in results] == ["ok"]


def test_extract_touches_no_database_and_no_network(tmp_path: Path) -> None:
    # An unreachable database (touching it would fail the run), a live feed and a
    # live channel (touching them would show in their logs): extract needs none.
    with serve({"/feed.xml": Route.file(CLI / "leadership.xml")}) as server, HttpSink() as sink:
        config = tmp_path / "tracker.yaml"
        config.write_text(
            (CLI / "companies.yaml").read_text(encoding="utf-8")
            + "database_url: postgresql://u:p@127.0.0.1:9/none\n"
            + f"feeds:\n  - url: {server.url('/feed.xml')}\n"
            + f"notify:\n  - url: {sink.url()}\n",
            encoding="utf-8",
        )
        code, results = _extract(config, GOOD_LINE + b"\n")
        assert (server.requests, sink.posts) == ([], [])
    assert (code, [r["id"] for r in results]) == (0, ["ok"])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tracker.yaml"]


def test_extract_keeps_non_ascii_text_as_utf8(config: Path) -> None:
    line = '{"id": "fr", "title": "Le PDG d\'Acme, Jean Dupont, démissionne"}\n'
    result = CliRunner().invoke(cli, ["--config", str(config), "extract"], input=line)
    assert "démissionne" in result.stdout_bytes.decode("utf-8")


def test_extract_with_a_bad_config_exits_2_without_reading_input(tmp_path: Path) -> None:
    config = tmp_path / "tracker.yaml"
    config.write_text("companies: [{id: Bad Id, name: X}]\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["--config", str(config), "extract"], input=GOOD_LINE)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert str(config) in result.stderr
