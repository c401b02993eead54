"""The command line as CONTRACT.md describes it: exit codes, messages, output shapes.

Commands run through ``click.testing.CliRunner`` (and a few through the
installed ``tracker`` script) against local feeds (tests/feedserver.py), a
local JSON endpoint (tests/http_sink.py) and the test databases.
`tracker extract` has its own file, tests/test_extract_cli.py.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from feedserver import FeedServer, Route, serve
from http_sink import HttpSink
from sqlalchemy.engine import URL

from tracker.cli import cli

ROOT = Path(__file__).parent.parent
CONFIGS = Path(__file__).parent / "fixtures" / "config"
CLI = Path(__file__).parent / "fixtures" / "cli"
TRACKER = Path(sys.executable).parent / "tracker"
SECRETS = ("s3cr3tT0ken99", "hunter2pass")


def _run(config: Path | None, *args: str, env: Mapping[str, str | None] | None = None) -> Result:
    prefix = ["--config", str(config)] if config is not None else []
    return CliRunner().invoke(cli, [*prefix, *args], env=env, prog_name="tracker")


def _closed_port() -> int:
    """A local port nothing listens on (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


def _write_config(tmp_path: Path, extra: Mapping[str, Any]) -> Path:
    """The test watchlist plus ``extra`` keys, as a config file in tmp_path."""
    companies = (CLI / "companies.yaml").read_text(encoding="utf-8")
    path = tmp_path / "tracker.yaml"
    path.write_text(companies + "".join(f"{k}: {json.dumps(v)}\n" for k, v in extra.items()))
    return path


def _no_traceback(result: Result) -> None:
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


# --- help ------------------------------------------------------------------

COMMANDS = [
    *([name] for name in sorted(cli.commands) if name != "db"),
    ["db"],
    ["db", "upgrade"],
]


@pytest.mark.parametrize("command", [[], *COMMANDS], ids=lambda c: " ".join(c) or "tracker")
def test_every_command_has_help(command: list[str]) -> None:
    result = _run(None, *command, "--help")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"Usage: tracker {' '.join(command)}".rstrip())


def test_the_installed_script_shows_help() -> None:
    done = subprocess.run([str(TRACKER), "--help"], capture_output=True, text=True, check=False)
    assert done.returncode == 0
    assert all(name in done.stdout for name in cli.commands)


def test_an_unknown_command_is_bad_usage() -> None:
    result = _run(None, "pol")
    assert result.exit_code == 2
    assert "No such command 'pol'" in result.stderr


# --- check -----------------------------------------------------------------


def test_check_accepts_the_example_config_with_a_one_line_summary() -> None:
    result = _run(ROOT / "config" / "tracker.yaml", "check")
    assert result.exit_code == 0, result.output
    assert len(result.stdout.splitlines()) == 1
    assert "companies" in result.stdout and "feeds" in result.stdout


@pytest.mark.parametrize(
    ("fixture", "named_file", "expected"),
    [
        ("bad_duration.yaml", "bad_duration.yaml", "feeds[1].interval (line 4): bad duration"),
        ("unknown_role.yaml", "unknown_role.yaml", "companies[1].people[0].role (line 8)"),
        ("syntax_error.yaml", "syntax_error.yaml", "(line 6, column 1): YAML syntax error"),
        ("unknown_top_key.yaml", "unknown_top_key.yaml", "did you mean 'poll_interval'?"),
        ("with_watchlist.yaml", "watchlist_bad_role.yaml", "companies[1].people[1].role"),
        ("no_such_file.yaml", "no_such_file.yaml", "not found"),
    ],
    ids=["bad-duration", "bad-role", "yaml-syntax", "typo-key", "watchlist-file", "missing"],
)
def test_check_rejects_a_bad_config_naming_file_key_and_line(
    fixture: str, named_file: str, expected: str
) -> None:
    result = _run(CONFIGS / fixture, "check")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert named_file in result.stderr
    assert expected in result.stderr
    _no_traceback(result)


def test_check_through_the_installed_script_exits_2_without_traceback() -> None:
    args = [str(TRACKER), "--config", str(CONFIGS / "several_problems.yaml"), "check"]
    done = subprocess.run(args, capture_output=True, text=True, check=False)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert "feeds[0].nmae (line 6)" in done.stderr


@pytest.mark.parametrize(
    ("option", "env", "expected"),
    [
        pytest.param("opt.yaml", "env.yaml", "opt.yaml", id="option-wins"),
        pytest.param(None, "env.yaml", "env.yaml", id="env-next"),
        pytest.param(None, None, "config/tracker.yaml", id="default-last"),
    ],
)
def test_the_config_path_is_option_then_env_then_default(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    option: str | None,
    env: str | None,
    expected: str,
) -> None:
    (tmp_path / "config").mkdir()
    for name in ("opt.yaml", "env.yaml", "config/tracker.yaml"):
        shutil.copy(CLI / "companies.yaml", tmp_path / name)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("TRACKER_CONFIG", raising=False)
    result = _run(Path(option) if option else None, "check", env={"TRACKER_CONFIG": env})
    assert result.exit_code == 0, result.output
    assert str(tmp_path / expected) in result.stdout


# --- evaluate --------------------------------------------------------------


def test_evaluate_prints_scores_per_language_and_overall_and_the_errors(tmp_path: Path) -> None:
    config = _write_config(tmp_path, {})
    result = _run(config, "evaluate", str(CLI / "corpus.jsonl"))
    assert result.exit_code == 0, result.output
    rows = {line.split()[0]: line.split()[-3:] for line in result.stdout.splitlines()[1:3]}
    assert rows == {"en": ["1.000", "1.000", "1.000"], "fr": ["1.000", "0.500", "0.667"]}
    assert "c-fr-2: missed=[('acme', 'board_change')]" in result.stdout
    assert result.stdout.splitlines()[-1] == "f1=0.857 precision=1.000 recall=0.750"


def test_evaluate_a_missing_corpus_is_bad_usage(tmp_path: Path) -> None:
    result = _run(_write_config(tmp_path, {}), "evaluate", str(tmp_path / "none.jsonl"))
    assert result.exit_code == 2
    assert "none.jsonl" in result.stderr


# --- poll, history, db upgrade ---------------------------------------------


@pytest.fixture
def feeds() -> Iterator[FeedServer]:
    """One good feed with leadership news; every other path is a 404."""
    with serve({"/good.xml": Route.file(CLI / "leadership.xml")}) as server:
        server.set("/broken.xml", Route.reply(500))
        yield server


def _feed_config(tmp_path: Path, db_url: URL, server: FeedServer, sink: HttpSink) -> Path:
    feeds = [
        server.url("/good.xml"),
        server.url(f"/private.xml?token={SECRETS[0]}"),
        server.base_url.replace("http://", f"http://reader:{SECRETS[1]}@") + "/broken.xml",
    ]
    return _write_config(
        tmp_path,
        {
            "database_url": db_url.render_as_string(hide_password=False),
            "fetch_timeout": "5s",
            "max_entry_age": "5000d",  # the fixture's stories alert whenever the test runs
            "feeds": [{"url": url} for url in feeds],
            "notify": [{"url": sink.url("alerts")}],
        },
    )


def test_poll_exits_0_with_one_masked_line_per_failed_feed(
    tmp_path: Path, db_url: URL, feeds: FeedServer
) -> None:
    with HttpSink() as sink:
        result = _run(_feed_config(tmp_path, db_url, feeds, sink), "poll")
    assert result.exit_code == 0, result.output
    failed = result.stderr.splitlines()
    assert [line.split(": ")[0] for line in failed] == ["feed failed", "feed failed"]
    assert [("private.xml" in failed[0]), ("broken.xml" in failed[1])] == [True, True]
    assert not any(secret in result.output for secret in SECRETS)
    assert "2 alerts queued; 2 sent" in result.stdout
    titles = sorted(post["title"] for post in sink.posts)
    assert [("Amy Hood" in titles[0]), ("Sam Altman" in titles[1])] == [True, True]


@pytest.mark.parametrize(
    "database_url",
    [
        pytest.param(f"postgresql://tracker:{SECRETS[1]}@127.0.0.1:{{port}}/x", id="closed-port"),
        pytest.param("sqlite:////proc/tracker-test/tracker.db", id="unwritable-sqlite"),
    ],
)
def test_poll_exits_1_with_one_line_when_the_database_is_unreachable(
    tmp_path: Path, database_url: str
) -> None:
    url = database_url.format(port=_closed_port())
    result = _run(_write_config(tmp_path, {"database_url": url}), "poll")
    assert result.exit_code == 1
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stderr.startswith("tracker: ")
    assert SECRETS[1] not in result.stderr
    _no_traceback(result)


HISTORY_KEYS = {"company", "name", "leaders", "transitions"}
TRANSITION_KEYS = set(
    "type person role certainty interim reason occurred_at detected_at sources alerted".split()
)
EXTRA_TRANSITION_KEYS = {"previous_holder", "alert_error"}


def test_history_json_has_the_contract_shape(
    tmp_path: Path, db_url: URL, feeds: FeedServer
) -> None:
    with HttpSink() as sink:
        config = _feed_config(tmp_path, db_url, feeds, sink)
        assert _run(config, "poll").exit_code == 0
    result = _run(config, "history", "openai", "--json")
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert set(document) == HISTORY_KEYS
    assert (document["company"], document["name"]) == ("openai", "OpenAI")
    [transition] = document["transitions"]
    # The contract's keys, plus only the documented extension.
    assert TRANSITION_KEYS <= set(transition) <= TRANSITION_KEYS | EXTRA_TRANSITION_KEYS
    assert {k: transition[k] for k in TRANSITION_KEYS} | {"detected_at": None} == {
        "type": "departure",
        "person": "Sam Altman",
        "role": "ceo",
        "certainty": "reported",
        "interim": False,
        "reason": "dismissed",
        "occurred_at": "2026-03-02T09:00:00Z",
        "detected_at": None,
        "sources": ["https://wire.example/2026/03/openai-altman"],
        "alerted": True,
    }
    assert "ceo" not in document["leaders"]


def test_history_table_lists_the_transitions(
    tmp_path: Path, db_url: URL, feeds: FeedServer
) -> None:
    with HttpSink() as sink:
        config = _feed_config(tmp_path, db_url, feeds, sink)
        assert _run(config, "poll").exit_code == 0
    result = _run(config, "history", "microsoft")
    assert result.exit_code == 0, result.output
    assert "Amy Hood" in result.stdout and "appointment" in result.stdout


def test_history_of_an_unknown_company_is_bad_usage(tmp_path: Path) -> None:
    result = _run(_write_config(tmp_path, {}), "history", "no_such_company", "--json")
    assert result.exit_code == 2
    assert "no_such_company" in result.stderr
    assert result.stdout == ""


def test_db_upgrade_prints_the_revision(tmp_path: Path, db_url: URL) -> None:
    config = _write_config(tmp_path, {"database_url": db_url.render_as_string(False)})
    first, again = _run(config, "db", "upgrade"), _run(config, "db", "upgrade")
    assert (first.exit_code, again.exit_code) == (0, 0)
    assert first.stdout.startswith("database at revision ")
    assert first.stdout.split()[-1] not in ("None", "")
    assert again.stdout == first.stdout


# --- notify-test -----------------------------------------------------------


def test_notify_test_reports_each_channel_and_fails_when_one_fails(tmp_path: Path) -> None:
    dead = f"json://reader:{SECRETS[1]}@127.0.0.1:{_closed_port()}/hook"
    with HttpSink() as sink:
        notify = [{"url": sink.url("ok"), "name": "sink"}, {"url": dead}]
        result = _run(_write_config(tmp_path, {"notify": notify}), "notify-test")
    lines = result.stdout.splitlines()
    assert result.exit_code == 1
    assert [line.split(":")[0] for line in lines] == ["sink", lines[1].split(":")[0]]
    assert lines[0] == "sink: ok"
    assert "FAILED" in lines[1]
    assert SECRETS[1] not in result.output
    assert len(sink.posts) == 1


def test_notify_test_exits_0_when_every_channel_takes_the_alert(tmp_path: Path) -> None:
    with HttpSink() as sink:
        notify = [{"url": sink.url("a")}, {"url": sink.url("b")}]
        result = _run(_write_config(tmp_path, {"notify": notify}), "notify-test")
    assert result.exit_code == 0, result.output
    assert [line.endswith(": ok") for line in result.stdout.splitlines()] == [True, True]
    assert sorted(sink.paths) == ["/a", "/b"]


def test_environment_overrides_reach_the_commands(tmp_path: Path) -> None:
    env = {"TRACKER_POLL_INTERVAL": "soon"}
    result = _run(_write_config(tmp_path, {}), "check", env={**os.environ, **env})
    assert result.exit_code == 2
    assert "TRACKER_POLL_INTERVAL" in result.stderr
