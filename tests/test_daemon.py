"""`tracker run` as a real process: systemd notifications, SIGTERM mid-poll, SQLite lock.

The helpers at the top (config writer, daemon launcher, notify socket, timed
feed server) are shared with ``test_replicas.py`` and ``test_http_endpoint.py``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from daemon_helpers import (
    COMPANIES,
    REPLAY,
    ROOT,
    Daemon,
    consistency_problems,
    plain_feed,
    wait_until,
    write_config,
)
from feedserver import Route, serve
from http_sink import HttpSink
from sqlalchemy import func, select

from tracker.daemon import tick_seconds, watchdog_seconds
from tracker.settings import Settings
from tracker.store.db import make_engine, make_session_factory
from tracker.store.tables import (
    FeedRow,
    TransitionRow,
)

# --- tests ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("poll_interval", "feed_intervals", "expected"),
    [
        pytest.param("15m", [], 5.0, id="default-interval-ticks-every-5s"),
        pytest.param("15m", ["4s"], 2.0, id="shortest-feed-interval-halved"),
        pytest.param("2s", [], 1.0, id="short-poll-interval-halved"),
        pytest.param("1s", [], 0.5, id="never-below-half-a-second"),
    ],
)
def test_tick_is_half_the_shortest_interval_between_half_a_second_and_5s(
    tmp_path: Path, poll_interval: str, feed_intervals: list[str], expected: float
) -> None:
    feeds = [
        {"url": f"https://example.com/{i}", "interval": v} for i, v in enumerate(feed_intervals)
    ]
    settings = Settings.model_validate(
        {"poll_interval": poll_interval, "feeds": feeds, "config_path": tmp_path / "t.yaml"}
    )
    assert tick_seconds(settings) == expected


@pytest.mark.parametrize(
    ("watchdog_usec", "expected"),
    [
        pytest.param(None, 5.0, id="no-watchdog-every-5s"),
        pytest.param("1000000", 0.5, id="half-of-watchdog-sec"),
        pytest.param("120000000", 5.0, id="at-most-5s"),
        pytest.param("garbage", 5.0, id="unparsable-ignored"),
    ],
)
def test_watchdog_pings_at_half_the_watchdog_period(
    monkeypatch: pytest.MonkeyPatch, watchdog_usec: str | None, expected: float
) -> None:
    if watchdog_usec is None:
        monkeypatch.delenv("WATCHDOG_USEC", raising=False)
    else:
        monkeypatch.setenv("WATCHDOG_USEC", watchdog_usec)
    assert watchdog_seconds() == expected


def test_daemon_tells_systemd_ready_watchdog_and_stopping(
    tmp_path: Path, daemons: list[Daemon]
) -> None:
    config = write_config(tmp_path, f"sqlite:///{tmp_path / 'db.sqlite'}")
    daemon = Daemon(config, tmp_path / "run.log", env={"WATCHDOG_USEC": "400000"})
    daemons.append(daemon)
    daemon.ready()
    daemon.notify.wait_for("WATCHDOG=1", timeout=5)
    code, _seconds = daemon.terminate()
    assert code == 0, daemon.output()
    messages = daemon.notify.drain()
    assert messages[0] == "READY=1"
    assert messages[-1] == "STOPPING=1"


def test_second_daemon_on_one_sqlite_file_refuses_to_start(
    tmp_path: Path, daemons: list[Daemon]
) -> None:
    db = tmp_path / "db.sqlite"
    config = write_config(tmp_path, f"sqlite:///{db}")
    first = Daemon(config, tmp_path / "first.log").ready()
    daemons.append(first)
    second = Daemon(config, tmp_path / "second.log")
    daemons.append(second)
    assert second.proc.wait(timeout=30) == 1
    assert f"another tracker daemon is running on {db} (pid {first.proc.pid})" in second.output()
    assert "Traceback" not in second.output()
    assert first.proc.poll() is None, "the running daemon must be left alone"
    assert first.terminate()[0] == 0
    # The lock goes with the process: a new daemon starts once the first is gone.
    third = Daemon(config, tmp_path / "third.log").ready()
    daemons.append(third)
    assert third.terminate()[0] == 0


def test_sigterm_mid_poll_exits_0_within_10s_leaving_nothing_half_written(
    tmp_path: Path, daemons: list[Daemon]
) -> None:
    names = ("en", "fr", "republisher")
    routes = {f"/{n}.xml": Route.file(REPLAY / n / "1.xml") for n in names}
    routes["/stall.xml"] = Route(body=plain_feed("stall"))
    db_url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    with serve(routes) as server, HttpSink() as sink:
        feeds = [{"url": server.url(p)} for p in routes]
        config = write_config(
            tmp_path, db_url, poll_interval="2s", fetch_timeout="30s",
            feeds=feeds, notify=[{"url": sink.url()}],
        )  # fmt: skip
        daemon = Daemon(config, tmp_path / "run.log").ready()
        daemons.append(daemon)
        wait_until(lambda: len(sink.posts) > 0, 20, "the first alerts")
        # Next round: new stories on every feed while one feed stalls the fetch.
        server.set("/stall.xml", Route(body=plain_feed("stall"), stall_before=60))
        for n in names:
            server.set(f"/{n}.xml", Route.file(REPLAY / n / "3.xml"))
        wait_until(lambda: len(server.requests_for("/stall.xml")) >= 2, 20, "the stalled fetch")
        code, seconds = daemon.terminate()
    assert code == 0, daemon.output()
    assert seconds < 10
    settings = Settings.model_validate({"companies": COMPANIES, "config_path": config})
    engine = make_engine(db_url)
    try:
        with make_session_factory(engine)() as session:
            assert session.scalar(select(func.count()).select_from(TransitionRow)), "vacuous"
            assert consistency_problems(session, settings) == []
            leased = session.scalars(select(FeedRow.url).where(FeedRow.lease_owner.is_not(None)))
            assert list(leased) == [], "leases are handed back at shutdown"
    finally:
        engine.dispose()


DEPLOY = ROOT / "deploy"


def _manifests() -> list[dict[str, Any]]:
    docs: list[dict[str, Any]] = []
    for path in sorted(DEPLOY.rglob("*.yaml")):
        docs += [d for d in yaml.safe_load_all(path.read_text(encoding="utf-8")) if d]
    return docs


def test_every_deploy_yaml_file_parses() -> None:
    kinds = {d.get("kind") for d in _manifests()}
    assert {"Deployment", "Secret", "ConfigMap"} <= kinds


def test_kubernetes_deployment_has_probes_and_takes_secrets_from_a_secret() -> None:
    docs = _manifests()
    (deployment,) = [d for d in docs if d.get("kind") == "Deployment"]
    pod = deployment["spec"]["template"]["spec"]
    (container,) = pod["containers"]
    assert {"livenessProbe", "readinessProbe"} <= container.keys()
    assert container["readinessProbe"]["httpGet"]["path"] == "/healthz"
    secret_names = {d["metadata"]["name"] for d in docs if d.get("kind") == "Secret"}
    refs = {e["secretRef"]["name"] for e in container.get("envFrom", []) if "secretRef" in e}
    refs |= {
        e["valueFrom"]["secretKeyRef"]["name"]
        for e in container.get("env", [])
        if "secretKeyRef" in e.get("valueFrom", {})
    }
    assert refs and refs <= secret_names
    assert pod["securityContext"]["runAsNonRoot"] is True


def test_container_healthcheck_uses_tracker_status_health() -> None:
    text = (DEPLOY / "container" / "Containerfile").read_text(encoding="utf-8")
    assert 'CMD ["tracker", "status", "--health"]' in text
    assert "\nUSER " in text


def test_compose_and_unit_have_the_same_stop_budget_as_the_daemon() -> None:
    compose = yaml.safe_load((DEPLOY / "container" / "compose.yaml").read_text(encoding="utf-8"))
    assert compose["services"]["tracker"]["stop_grace_period"] == "20s"
    unit = (DEPLOY / "systemd" / "tracker.service").read_text(encoding="utf-8")
    assert "Type=notify" in unit and "TimeoutStopSec=20s" in unit
