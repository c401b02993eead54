"""`tracker run` as a real process: systemd notifications, SIGTERM mid-poll, SQLite lock.

The helpers at the top (config writer, daemon launcher, notify socket, timed
feed server) are shared with ``test_replicas.py`` and ``test_http_endpoint.py``.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from feedserver import FeedServer, Route, serve
from http_sink import HttpSink
from sqlalchemy import func, select
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session

from tracker.daemon import tick_seconds, watchdog_seconds
from tracker.domain import NewsItem
from tracker.pipeline.extract import build_extractor
from tracker.settings import Settings
from tracker.store.db import make_engine, make_session_factory
from tracker.store.tables import (
    EntryRow,
    EventRow,
    FeedRow,
    OutboxRow,
    StoryRow,
    StorySourceRow,
    TransitionRow,
)

ROOT = Path(__file__).resolve().parent.parent
REPLAY = Path(__file__).parent / "fixtures" / "replay"
COMPANIES = [
    {
        "id": "openai",
        "name": "OpenAI",
        "aliases": ["Open AI"],
        "people": [{"name": "Sam Altman", "role": "ceo"}],
    },
    {
        "id": "microsoft",
        "name": "Microsoft",
        "people": [{"name": "Satya Nadella", "role": "ceo"}],
    },
]


# --- helpers shared with the other process-level tests ---------------------------------


def wait_until(condition: Callable[[], object], timeout: float, what: str) -> None:
    """Poll ``condition`` every 50 ms until it is truthy; fail after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out after {timeout} s waiting for {what}")
        time.sleep(0.05)


def write_config(folder: Path, db_url: URL | str, **keys: Any) -> Path:
    """A config file (JSON is YAML) with the test companies and ``keys``."""
    url = db_url.render_as_string(hide_password=False) if isinstance(db_url, URL) else db_url
    config = {"database_url": url, "max_entry_age": "5000d", "companies": COMPANIES, **keys}
    path = folder / "tracker.yaml"
    path.write_text(json.dumps(config), encoding="utf-8")
    return path


def plain_feed(name: str, items: int = 2) -> bytes:
    """A small RSS document without leadership news."""
    body = "".join(
        f"<item><title>{name} weather report {i}</title><guid>{name}-{i}</guid>"
        f"<description>Sunny spells in the afternoon.</description></item>"
        for i in range(items)
    )
    channel = f"<channel><title>{name}</title>{body}</channel>"
    return f'<?xml version="1.0"?><rss version="2.0">{channel}</rss>'.encode()


class NotifySocket:
    """A real AF_UNIX datagram socket standing in for systemd's $NOTIFY_SOCKET."""

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="sd", dir="/tmp"))  # short: sun_path limit
        self.path = self.folder / "notify"
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.sock.bind(str(self.path))
        self.sock.settimeout(0.05)
        self.messages: list[str] = []

    def drain(self) -> list[str]:
        """Read whatever arrived; returns every message so far."""
        while True:
            try:
                self.messages.append(self.sock.recv(4096).decode())
            except TimeoutError:
                return self.messages

    def wait_for(self, message: str, timeout: float) -> None:
        """Wait until ``message`` was received."""
        wait_until(lambda: message in self.drain(), timeout, f"{message} on NOTIFY_SOCKET")

    def close(self) -> None:
        """Close and remove the socket."""
        self.sock.close()
        self.path.unlink(missing_ok=True)
        self.folder.rmdir()


class Daemon:
    """One `tracker run` subprocess with its own notify socket and log file."""

    def __init__(
        self,
        config: Path,
        log: Path,
        env: dict[str, str] | None = None,
        options: tuple[str, ...] = (),
    ) -> None:
        self.notify = NotifySocket()
        self.log = log
        environ = {**os.environ, "NOTIFY_SOCKET": str(self.notify.path), **(env or {})}
        with log.open("ab") as out:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "tracker", "--config", str(config), *options, "run"],
                stdout=out,
                stderr=subprocess.STDOUT,
                env=environ,
                cwd=ROOT,
            )

    @property
    def worker(self) -> str:
        """The worker id the process uses in leases."""
        return f"{socket.gethostname()}:{self.proc.pid}"

    def ready(self, timeout: float = 30) -> Daemon:
        """Wait for READY=1."""
        self.notify.wait_for("READY=1", timeout)
        return self

    def terminate(self, timeout: float = 10) -> tuple[int, float]:
        """SIGTERM; returns the exit code and the seconds it took to exit."""
        started = time.monotonic()
        self.proc.send_signal(signal.SIGTERM)
        code = self.proc.wait(timeout=timeout + 5)
        return code, time.monotonic() - started

    def output(self) -> str:
        """Everything the process logged."""
        return self.log.read_text(encoding="utf-8", errors="replace")

    def close(self) -> None:
        """Kill the process if still running; close the socket."""
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=10)
        self.notify.close()


class TimedFeedServer(FeedServer):
    """A feed server that also records when each request arrived (monotonic seconds)."""

    def __init__(self, routes: dict[str, Route] | None = None) -> None:
        super().__init__(routes)
        self.times: list[tuple[float, str]] = []

    def log(self, handler: Any, path: str) -> None:
        """Record the request and its arrival time."""
        super().log(handler, path)
        with self._lock:
            self.times.append((time.monotonic(), path))


@pytest.fixture
def daemons() -> Iterator[list[Daemon]]:
    """Collects started daemons and kills any left running at the end."""
    started: list[Daemon] = []
    yield started
    for daemon in started:
        daemon.close()


def consistency_problems(session: Session, settings: Settings) -> list[str]:
    """What a half-written poll would leave behind; empty when consistent."""
    problems: list[str] = []
    extractor = build_extractor(settings.build_watchlist())
    for entry in session.scalars(select(EntryRow)):
        found = extractor.extract(NewsItem(entry.key, entry.title, entry.summary))
        stored = session.scalar(select(func.count()).where(EventRow.entry_id == entry.id))
        if len(found) != stored:
            problems.append(f"entry {entry.key}: {len(found)} events found, {stored} stored")
    for story in session.scalars(select(StoryRow)):
        sources = session.scalar(select(func.count()).where(StorySourceRow.story_id == story.id))
        if not sources:
            problems.append(f"story {story.id} has no source")
    alerted = set(session.scalars(select(OutboxRow.transition_id)))
    for transition in session.scalars(select(TransitionRow)):
        if transition.alertable and transition.id not in alerted:
            problems.append(f"transition {transition.id} has no outbox row")
    return problems


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
