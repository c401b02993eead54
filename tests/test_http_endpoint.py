"""/healthz and /metrics over real HTTP, from a daemon polling a local feed."""

from __future__ import annotations

import json
import threading
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from daemon_helpers import REPLAY, wait_until, write_config
from feedserver import Route, serve
from http_sink import HttpSink
from prometheus_client.parser import text_string_to_metric_families

from tracker.daemon import Daemon
from tracker.httpserver import StatusServer
from tracker.runtime import Runtime
from tracker.settings import load_settings
from tracker.store.db import make_engine, make_session_factory


def _get(url: str) -> tuple[int, str, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.headers["Content-Type"], response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers["Content-Type"], exc.read()


def _samples(body: bytes) -> dict[tuple[str, frozenset[tuple[str, str]]], float]:
    return {
        (s.name, frozenset(s.labels.items())): s.value
        for family in text_string_to_metric_families(body.decode())
        for s in family.samples
    }


def _value(samples: dict[Any, float], name: str, **labels: str) -> float | None:
    return samples.get((name, frozenset(labels.items())))


@pytest.fixture
def running(tmp_path: Path, free_tcp_port: int) -> Iterator[tuple[str, HttpSink, Daemon]]:
    """A daemon (in a thread) polling one feed with leadership news, HTTP endpoint on."""
    routes = {"/en.xml": Route.file(REPLAY / "en" / "1.xml")}
    with serve(routes) as server, HttpSink() as sink:
        config = write_config(
            tmp_path, f"sqlite:///{tmp_path / 'db.sqlite'}", poll_interval="2s",
            feeds=[{"url": server.url("/en.xml")}], notify=[{"url": sink.url()}],
            http={"enabled": True, "port": free_tcp_port},
        )  # fmt: skip
        runtime = Runtime.open(load_settings(config, {}))
        stop = threading.Event()
        daemon = Daemon(runtime, stop)
        thread = threading.Thread(target=daemon.run)
        thread.start()
        try:
            yield f"http://127.0.0.1:{free_tcp_port}", sink, daemon
        finally:
            stop.set()
            thread.join(timeout=15)
            runtime.close()


def test_metrics_count_polls_events_transitions_and_alerts(
    running: tuple[str, HttpSink, Daemon],
) -> None:
    base, sink, _daemon = running
    wait_until(lambda: sink.posts, 20, "an alert")

    def sent() -> float | None:
        samples = _samples(_get(base + "/metrics")[2])
        return _value(samples, "tracker_alerts_total", result="sent")

    wait_until(lambda: sent() == len(sink.posts), 20, "the delivery counted")
    status, content_type, body = _get(base + "/metrics")
    assert status == 200
    assert content_type.startswith("text/plain")
    samples = _samples(body)
    assert _value(samples, "tracker_feeds_polled_total", outcome="ok") == 1
    assert _value(samples, "tracker_entries_new_total") == 2
    assert _value(samples, "tracker_events_total", type="departure", language="en")
    assert _value(samples, "tracker_transitions_total", type="departure")
    assert _value(samples, "tracker_alerts_total", result="failed") == 0
    assert _value(samples, "tracker_outbox_pending") == 0
    assert _value(samples, "tracker_poll_duration_seconds_count")
    assert _value(samples, "tracker_delivery_duration_seconds_count")
    assert _value(samples, "tracker_last_successful_poll_timestamp_seconds")


def test_healthz_is_200_with_its_checks_while_the_daemon_polls(
    running: tuple[str, HttpSink, Daemon],
) -> None:
    base, _sink, daemon = running
    wait_until(lambda: daemon.state.last_poll_at, 20, "a poll")
    status, content_type, body = _get(base + "/healthz")
    checks = json.loads(body)
    assert (status, content_type) == (200, "application/json")
    assert checks["ok"] is True
    assert checks["database"] == "ok"
    assert checks["scheduler_running"] is True
    assert checks["last_poll_age_s"] >= 0
    assert _get(base + "/nothing-here")[0] == 404


def _never_started(daemon: Daemon) -> None:
    """Leave the scheduler stopped: a daemon that is not scheduling is not healthy."""
    daemon.state.last_poll_at = daemon.clock()


def _stale(daemon: Daemon) -> None:
    daemon.scheduler.start(paused=True)
    daemon.state.last_poll_at = daemon.clock() - timedelta(hours=1)


def _database_gone(daemon: Daemon) -> None:
    daemon.scheduler.start(paused=True)
    daemon.state.last_poll_at = daemon.clock()
    engine = make_engine("postgresql://nobody:x@127.0.0.1:1/none?connect_timeout=2")
    daemon.runtime.session_factory = make_session_factory(engine)


@pytest.mark.parametrize(
    ("breakage", "failed_check", "value"),
    [
        pytest.param(_never_started, "scheduler_running", False, id="scheduler-not-running"),
        pytest.param(_stale, "last_poll_age_s", 3600.0, id="last-poll-too-old"),
        pytest.param(_database_gone, "database", "unreachable: OperationalError", id="db-down"),
    ],
)
def test_healthz_is_503_naming_what_is_wrong(
    tmp_path: Path, breakage: Callable[[Daemon], None], failed_check: str, value: object
) -> None:
    config = write_config(tmp_path, f"sqlite:///{tmp_path / 'db.sqlite'}")
    runtime = Runtime.open(load_settings(config, {}))
    daemon = Daemon(runtime, threading.Event())
    breakage(daemon)
    server = StatusServer("127.0.0.1", 0, runtime.metrics, daemon.health)
    server.start()
    try:
        host, port = server.address
        status, _type, body = _get(f"http://{host}:{port}/healthz")
    finally:
        server.stop()
        if daemon.scheduler.running:
            daemon.scheduler.shutdown(wait=False)
        runtime.close()
    checks = json.loads(body)
    assert status == 503
    assert checks["ok"] is False
    expected = pytest.approx(value, abs=5) if isinstance(value, float) else value
    assert checks[failed_check] == expected
