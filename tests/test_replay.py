"""Replay of the OpenAI days of November 2023 through `tracker poll`.

Three local feeds publish successive snapshots (tests/fixtures/replay/):
an English wire, a French site (with the clumsy machine-translated seed
article) and an aggregator that republishes the wire's stories under its own
links. `tracker poll` runs after each snapshot, on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from feedserver import FeedServer, Route, serve
from http_sink import HttpSink
from sqlalchemy.engine import URL

from tracker.cli import cli

REPLAY = Path(__file__).parent / "fixtures" / "replay"
FEEDS = ("en", "fr", "republisher")
SNAPSHOTS = range(1, 6)


def _config(tmp_path: Path, db_url: URL, server: FeedServer, sink: HttpSink) -> Path:
    config = {
        "database_url": db_url.render_as_string(hide_password=False),
        # The stories are from 2023: let them alert as if they were fresh.
        "max_entry_age": "5000d",
        "fetch_timeout": "5s",
        "feeds": [{"url": server.url(f"/{name}.xml"), "name": name} for name in FEEDS],
        "companies": [
            {
                "id": "openai",
                "name": "OpenAI",
                "aliases": ["Open AI"],
                "people": [{"name": "Sam Altman", "role": "ceo"}],
            },
            {
                "id": "microsoft",
                "name": "Microsoft",
                "aliases": ["Microsoft Corp."],
                "people": [{"name": "Satya Nadella", "role": "ceo"}],
            },
        ],
        "notify": [{"url": sink.url("alerts")}],
    }
    path = tmp_path / "tracker.yaml"
    path.write_text(json.dumps(config), encoding="utf-8")  # JSON is YAML
    return path


def _publish(server: FeedServer, snapshot: int) -> None:
    for name in FEEDS:
        path = REPLAY / name / f"{snapshot}.xml"
        server.set(f"/{name}.xml", Route.file(path, etag=f'"{name}-{snapshot}"'))


def _tracker(config: Path, *args: str) -> Any:
    result = CliRunner().invoke(cli, ["--config", str(config), *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result


@pytest.fixture
def replayed(tmp_path: Path, db_url: URL) -> Iterator[tuple[Path, FeedServer, HttpSink]]:
    with serve() as server, HttpSink() as sink:
        config = _config(tmp_path, db_url, server, sink)
        for snapshot in SNAPSHOTS:
            _publish(server, snapshot)
            _tracker(config, "poll")
        yield config, server, sink


def _history(config: Path, company: str) -> dict[str, Any]:
    out = _tracker(config, "history", company, "--json").stdout
    document: dict[str, Any] = json.loads(out)
    return document


def test_replay_ends_with_altman_as_ceo_and_one_reinstatement(
    replayed: tuple[Path, FeedServer, HttpSink],
) -> None:
    config, _server, _sink = replayed
    history = _history(config, "openai")
    assert history["leaders"]["ceo"] == "Sam Altman"
    reinstatements = [t for t in history["transitions"] if t["type"] == "reinstatement"]
    assert len(reinstatements) == 1
    assert reinstatements[0]["person"] == "Sam Altman"
    assert reinstatements[0]["role"] == "ceo"
    assert len(reinstatements[0]["sources"]) >= 3  # wire, aggregator, French seed article


def test_replay_records_the_firing_and_the_interim_chiefs(
    replayed: tuple[Path, FeedServer, HttpSink],
) -> None:
    config, _server, _sink = replayed
    transitions = _history(config, "openai")["transitions"]
    ceo_moves = [(t["type"], t["person"], t["interim"]) for t in transitions if t["role"] == "ceo"]
    assert ("departure", "Sam Altman", False) in ceo_moves
    assert ("appointment", "Mira Murati", True) in ceo_moves
    assert ("appointment", "Emmett Shear", True) in ceo_moves
    firing = next(t for t in transitions if t["type"] == "departure" and t["role"] == "ceo")
    assert firing["reason"] == "dismissed"
    assert firing["occurred_at"].startswith("2023-11-17")


def test_replay_has_no_rumour_as_fact_and_no_duplicates(
    replayed: tuple[Path, FeedServer, HttpSink],
) -> None:
    config, _server, _sink = replayed
    transitions = _history(config, "openai")["transitions"]
    assert all(t["certainty"] == "reported" for t in transitions)
    keys = [(t["type"], t["person"], t["role"]) for t in transitions]
    assert len(keys) == len(set(keys)), keys
    # The rumour of Altman's return (19 Nov) is not a transition of its own.
    altman_arrivals = [
        t
        for t in transitions
        if t["person"] == "Sam Altman" and t["type"] in ("appointment", "reinstatement")
    ]
    assert [t["occurred_at"][:10] for t in altman_arrivals] == ["2023-11-22"]


def test_interview_with_a_ceo_changes_nothing(
    replayed: tuple[Path, FeedServer, HttpSink],
) -> None:
    config, _server, _sink = replayed
    assert _history(config, "microsoft")["transitions"] == []


def test_each_transition_is_alerted_exactly_once(
    replayed: tuple[Path, FeedServer, HttpSink],
) -> None:
    config, _server, sink = replayed
    transitions = _history(config, "openai")["transitions"]
    titles = [post["title"] for post in sink.posts]
    assert len(titles) == len(transitions), titles
    assert len(set(titles)) == len(titles)
    assert "OpenAI: Sam Altman reinstated as CEO" in titles
    assert all(t["alerted"] for t in transitions)


def test_repeat_poll_sends_conditional_gets_and_changes_nothing(
    replayed: tuple[Path, FeedServer, HttpSink],
) -> None:
    config, server, sink = replayed
    before = _history(config, "openai")
    posts = len(sink.posts)
    seen = len(server.requests)
    _tracker(config, "poll")
    repeat = server.requests[seen:]
    assert len(repeat) == len(FEEDS)
    assert all(r.if_none_match for r in repeat)
    assert _history(config, "openai") == before
    assert len(sink.posts) == posts
