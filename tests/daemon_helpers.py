"""Helpers for tests that run real `tracker run` daemons: configs, processes, checks."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from feedserver import FeedServer, Route
from sqlalchemy import func, select
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session

from tracker.domain import NewsItem
from tracker.pipeline.extract import build_extractor
from tracker.settings import Settings
from tracker.store.tables import (
    EntryRow,
    EventRow,
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
