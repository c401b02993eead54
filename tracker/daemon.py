"""`tracker run`: the daemon. APScheduler ticks; the database decides what is due.

Each feed row carries its own next check (interval, RSS ttl, error backoff,
Retry-After) plus a random jitter, so feeds spread out instead of firing
together. A poll tick (every ``tick_seconds``: at most 5 s, at most half the
shortest feed interval) claims the due feeds with a lease, polls them and
releases the leases; several replicas on one PostgreSQL database thus split
the feeds (``tracker.store.leases``). The tick job runs at most once at a
time (``max_instances=1``) and missed ticks are coalesced. A delivery job
drains the outbox on the same tick. On SQLite one daemon per database file is
enforced by a lock file. SIGTERM/SIGINT set a stop flag: the step in hand (one
feed's transaction, one alert) finishes and the process exits 0 within 10 s;
fetches still in flight are abandoned (nothing was written for them, their
leases are released, and their feeds stay due).
"""

from __future__ import annotations

import logging
import os
import random
import signal
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from types import FrameType

from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.schedulers.background import BackgroundScheduler
from sqlalchemy import text

from tracker.httpserver import Health, StatusServer
from tracker.runtime import CLAIM_BATCH, Runtime, feed_specs, utcnow
from tracker.settings import Settings
from tracker.status import health_checks
from tracker.store import feeds as feed_store
from tracker.store import leases, reports

logger = logging.getLogger(__name__)

MAX_TICK_S = 5.0
MIN_TICK_S = 0.5
STOP_GRACE_S = 6.0
WATCHDOG_S = 5.0
SYNC_LOCK_KEY = 0x7472_6163  # "trac": PostgreSQL advisory lock serialising feed syncs


def watchdog_seconds() -> float:
    """How often to send WATCHDOG=1: half of systemd's WatchdogSec, at most 5 s."""
    usec = os.environ.get("WATCHDOG_USEC", "")
    if usec.isdigit() and int(usec) > 0:
        return min(WATCHDOG_S, int(usec) / 2_000_000)
    return WATCHDOG_S


def tick_seconds(settings: Settings) -> float:
    """The scheduler tick: min(5 s, half the shortest feed interval), at least 0.5 s."""
    intervals = [settings.poll_interval] + [f.interval for f in settings.feeds if f.interval]
    if settings.news_search.enabled:
        intervals.append(settings.news_search.interval)
    shortest = min(i.total_seconds() for i in intervals)
    return max(MIN_TICK_S, min(MAX_TICK_S, shortest / 2))


def sd_notify(message: str) -> None:
    """Tell systemd (Type=notify) about readiness and liveness; no-op elsewhere."""
    address = os.environ.get("NOTIFY_SOCKET")
    if not address:
        return
    if address.startswith("@"):
        address = "\0" + address[1:]
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
        try:
            sock.sendto(message.encode(), address)
        except OSError:
            logger.debug("sd_notify failed", exc_info=True)


def random_jitter(interval: timedelta) -> timedelta:
    """Up to 10 % of the interval (at most 60 s), so feeds do not fire in lockstep."""
    span = min(interval.total_seconds() * 0.1, 60.0)
    return timedelta(seconds=random.uniform(0.0, span))


@dataclass
class DaemonState:
    """What /healthz and `tracker status` report about this process."""

    started_at: datetime
    last_poll_at: datetime | None = None
    last_poll_error: str | None = None
    busy: threading.Lock = field(default_factory=threading.Lock)
    delivering: threading.Lock = field(default_factory=threading.Lock)


class Daemon:
    """Schedules polls and deliveries until ``stop`` is set."""

    def __init__(
        self, runtime: Runtime, stop: threading.Event, clock: Callable[[], datetime] = utcnow
    ) -> None:
        self.runtime = runtime
        self.stop = stop
        self.clock = clock
        self.state = DaemonState(started_at=clock())
        self.clean_exit = True
        runtime.poller.jitter = random_jitter
        self.scheduler = BackgroundScheduler(
            timezone="UTC",
            executors={"default": ThreadPoolExecutor(3)},
            job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": 60},
        )

    def poll_tick(self) -> None:
        """Poll the feeds that are due now; never raises."""
        if self.stop.is_set():
            return
        started = time.monotonic()
        try:
            with self.state.busy:
                self._poll_due()
        except Exception as exc:  # the scheduler must keep ticking
            self.state.last_poll_error = f"{type(exc).__name__}: {exc}"
            logger.exception("poll tick failed")
        finally:
            self.runtime.metrics.poll_seconds.observe(time.monotonic() - started)

    def _poll_due(self) -> None:
        """Claim, poll and release due feeds, batch after batch, until none is left."""
        started = self.clock()
        while not self.stop.is_set():
            now = self.clock()
            feeds = self.runtime.due_feeds(now)
            if not feeds:
                break
            try:
                report = self.runtime.poller.poll(feeds, now, stop=self.stop)
                self.runtime.metrics.record_poll(report)
            finally:
                self.runtime.release_feeds([f.id for f in feeds])
            if len(feeds) < CLAIM_BATCH:
                break
        self.state.last_poll_at = started
        self.state.last_poll_error = None
        self.runtime.metrics.last_poll.set(started.timestamp())

    def renew_leases(self) -> None:
        """Heartbeat: keep the leases of a poll still running from expiring; never raises."""
        if self.stop.is_set():
            return
        try:
            with self.runtime.session_factory.begin() as session:
                leases.renew_leases(
                    session, self.runtime.worker, self.clock() + self.runtime.feed_lease
                )
        except Exception:  # a missed heartbeat only risks a feed polled twice
            logger.warning("could not renew feed leases", exc_info=True)

    def deliver_tick(self) -> None:
        """Send due alerts and refresh the outbox gauge; never raises."""
        if self.stop.is_set():
            return
        started = time.monotonic()
        try:
            with self.state.delivering:
                report = self.runtime.deliver(self.clock(), stop=self.stop)
            with self.runtime.session_factory() as session:
                pending = reports.outbox_counts(session).get("pending", 0)
            self.runtime.metrics.record_delivery(report, pending)
        except Exception:
            logger.exception("delivery tick failed")
        finally:
            self.runtime.metrics.deliver_seconds.observe(time.monotonic() - started)

    def health(self) -> Health:
        """Database reachable, scheduler running, last poll recent enough."""
        return health_checks(self.runtime, self.state, self.scheduler.running, self.clock())

    def run(self) -> int:
        """Run until ``stop`` is set; returns the exit code.

        TrackerError when another daemon already runs on the same SQLite file.
        """
        path = leases.sqlite_path(self.runtime.engine.url)
        lock = leases.DaemonLock(path) if path is not None else None
        if lock is not None:
            lock.acquire()
        try:
            return self._run()
        finally:
            if lock is not None and self.clean_exit:
                lock.release()

    def _run(self) -> int:
        self._sync_feeds()
        tick = tick_seconds(self.runtime.settings)
        for job, name in ((self.poll_tick, "poll"), (self.deliver_tick, "deliver")):
            self.scheduler.add_job(
                job, "interval", seconds=tick, id=name, next_run_time=self.clock()
            )
        heartbeat = self.runtime.feed_lease.total_seconds() / 3
        self.scheduler.add_job(self.renew_leases, "interval", seconds=heartbeat, id="leases")
        server = self._start_http()
        self.scheduler.start()
        sd_notify("READY=1")
        logger.info(
            "daemon started", extra={"fields": {"worker": self.runtime.worker, "tick_s": tick}}
        )
        while not self.stop.wait(watchdog_seconds()):
            if self.scheduler.running:  # a dead scheduler lets systemd restart us
                sd_notify("WATCHDOG=1")
        sd_notify("STOPPING=1")
        self.clean_exit = self._shutdown(server)
        return 0

    def _sync_feeds(self) -> None:
        """Store the configured feeds; replicas starting together take turns (PostgreSQL)."""
        with self.runtime.session_factory.begin() as session:
            if self.runtime.engine.dialect.name == "postgresql":
                session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": SYNC_LOCK_KEY})
            feed_store.sync_feeds(session, feed_specs(self.runtime.settings), self.clock())

    def _start_http(self) -> StatusServer | None:
        http = self.runtime.settings.http
        if not http.enabled:
            return None
        server = StatusServer(http.host, http.port, self.runtime.metrics, self.health)
        server.start()
        return server

    def _shutdown(self, server: StatusServer | None) -> bool:
        """Stop scheduling; True when no poll was left running after the grace period."""
        logger.info("stopping: finishing the step in hand")
        self.scheduler.shutdown(wait=False)
        deadline = time.monotonic() + STOP_GRACE_S
        finished = self.state.busy.acquire(timeout=STOP_GRACE_S)
        if not finished:
            logger.warning("a poll was still fetching at shutdown; its feeds stay due")
        # A delivery run sees the stop flag after the alert in hand and releases the rest.
        left = max(deadline - time.monotonic(), 0.1)
        if not self.state.delivering.acquire(timeout=left):
            logger.warning("an alert was still being sent at shutdown; it is retried later")
            finished = False
        self._release_all_leases()
        if server is not None:
            server.stop()
        logger.info("daemon stopped")
        return finished

    def _release_all_leases(self) -> None:
        """Hand this worker's unfinished feeds to the other replicas at once."""
        try:
            with self.runtime.session_factory.begin() as session:
                leases.release_leases(session, self.runtime.worker)
        except Exception:  # the leases expire anyway
            logger.warning("could not release feed leases at shutdown", exc_info=True)


def install_signal_handlers(stop: threading.Event) -> None:
    """SIGTERM and SIGINT set ``stop``."""

    def handler(signum: int, _frame: FrameType | None) -> None:
        logger.info("signal received", extra={"fields": {"signal": signal.Signals(signum).name}})
        stop.set()

    signal.signal(signal.SIGTERM, handler)
    signal.signal(signal.SIGINT, handler)
