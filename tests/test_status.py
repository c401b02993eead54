"""`tracker status [--json] [--health]`: feeds, errors, next checks, outbox, last poll."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from daemon_helpers import REPLAY, write_config
from feedserver import Route, serve
from http_sink import HttpSink
from sqlalchemy.orm import Session

from tracker.cli import cli
from tracker.settings import Settings
from tracker.status import status_report
from tracker.store.tables import FeedRow

NOW = datetime(2024, 3, 1, 12, 0, tzinfo=UTC)


def _tracker(config: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--config", str(config), *args])


@pytest.fixture
def polled(tmp_path: Path) -> Path:
    """A config whose database saw one poll: one good feed, one 404, alerts sent."""
    routes = {"/en.xml": Route.file(REPLAY / "en" / "1.xml"), "/gone.xml": Route.reply(404)}
    with serve(routes) as server, HttpSink() as sink:
        feeds = [
            {"url": server.url("/en.xml"), "name": "wire"},
            {"url": server.url("/gone.xml").replace("http://", "http://me:pw4feed@")},
        ]
        config = write_config(
            tmp_path, f"sqlite:///{tmp_path / 'db.sqlite'}", feeds=feeds,
            notify=[{"url": sink.url()}],
        )  # fmt: skip
        assert _tracker(config, "poll").exit_code == 0
        assert sink.posts
    return config


def test_status_json_lists_feeds_errors_next_checks_and_the_outbox(polled: Path) -> None:
    result = _tracker(polled, "status", "--json")
    assert result.exit_code == 0, result.output
    report: dict[str, Any] = json.loads(result.stdout)
    good, bad = report["feeds"]
    assert (good["name"], good["last_status"], good["error_count"]) == ("wire", 200, 0)
    assert good["next_check_at"].endswith("Z") and good["last_error"] is None
    assert bad["error_count"] == 1 and "404" in bad["last_error"]
    assert bad["url"].startswith("http://me:****@")
    assert report["outbox"]["pending"] == 0 and report["outbox"]["sent"] >= 1
    assert report["last_poll_at"].endswith("Z")
    assert report["healthy"] is True


def test_status_text_shows_the_table_and_masks_passwords(polled: Path) -> None:
    result = _tracker(polled, "status")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("last poll: 20")
    assert "0 pending" in result.stdout
    assert "last error:" in result.stdout and "wire" in result.stdout
    assert "pw4feed" not in result.stdout


@pytest.mark.parametrize(
    ("polled_fixture", "code"),
    [pytest.param(True, 0, id="recent-poll-healthy"), pytest.param(False, 1, id="never-polled")],
)
def test_status_health_exit_code_says_whether_polls_are_recent(
    request: pytest.FixtureRequest, tmp_path: Path, polled_fixture: bool, code: int
) -> None:
    if polled_fixture:
        config: Path = request.getfixturevalue("polled")
    else:
        config = write_config(tmp_path, f"sqlite:///{tmp_path / 'db.sqlite'}")
    assert _tracker(config, "status", "--health").exit_code == code


def test_status_of_an_unreachable_database_fails_with_one_line(tmp_path: Path) -> None:
    config = write_config(tmp_path, "postgresql://nobody:secretpw@127.0.0.1:1/none")
    result = _tracker(config, "status", "--health")
    assert result.exit_code == 1
    assert "Traceback" not in result.output and "secretpw" not in result.output


@pytest.mark.parametrize(
    ("checked_ago", "poll_interval", "healthy"),
    [
        pytest.param(None, "15m", False, id="never-polled"),
        pytest.param(timedelta(minutes=1), "15m", True, id="polled-a-minute-ago"),
        pytest.param(timedelta(minutes=29), "15m", True, id="within-two-intervals"),
        pytest.param(timedelta(minutes=31), "15m", False, id="older-than-two-intervals"),
        pytest.param(timedelta(seconds=110), "10s", True, id="short-interval-gets-2-minutes"),
        pytest.param(timedelta(seconds=130), "10s", False, id="older-than-2-minutes"),
    ],
)
def test_healthy_means_a_poll_within_two_intervals_and_at_least_two_minutes(
    session: Session,
    tmp_path: Path,
    checked_ago: timedelta | None,
    poll_interval: str,
    healthy: bool,
) -> None:
    checked = None if checked_ago is None else NOW - checked_ago
    session.add(FeedRow(url="https://example.com/a", created_at=NOW, last_checked_at=checked))
    session.flush()
    settings = Settings.model_validate(
        {"poll_interval": poll_interval, "config_path": tmp_path / "t.yaml"}
    )
    assert status_report(session, settings, NOW)["healthy"] is healthy


@pytest.mark.parametrize(
    ("lease_left", "leased_by"),
    [
        pytest.param(None, None, id="not-leased"),
        pytest.param(timedelta(seconds=10), "host:42", id="being-polled"),
        pytest.param(timedelta(seconds=-1), None, id="lease-expired"),
    ],
)
def test_status_names_the_replica_polling_a_feed_while_its_lease_lasts(
    session: Session, tmp_path: Path, lease_left: timedelta | None, leased_by: str | None
) -> None:
    until = None if lease_left is None else NOW + lease_left
    owner = None if lease_left is None else "host:42"
    session.add(
        FeedRow(url="https://example.com/a", created_at=NOW, lease_owner=owner, lease_until=until)
    )
    session.flush()
    settings = Settings.model_validate({"config_path": tmp_path / "t.yaml"})
    (feed,) = status_report(session, settings, NOW)["feeds"]
    assert feed["leased_by"] == leased_by
