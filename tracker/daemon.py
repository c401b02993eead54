"""`tracker run`: the daemon. APScheduler ticks; the database decides what is due.

Each feed row carries its own next check (interval, RSS ttl, error backoff,
Retry-After) plus a random jitter, so feeds spread out instead of firing
together. A poll tick every few seconds polls the feeds that are due; the tick
job runs at most once at a time (``max_instances=1``) and missed ticks are
coalesced, so one feed is never polled by two overlapping runs. A delivery job
drains the outbox continuously. SIGTERM/SIGINT set a stop flag: the step in
hand (one feed's transaction, one alert) finishes and the process exits 0
within 10 s; fetches still in flight are abandoned (nothing was written for
them, and their feeds stay due for the next start).
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

from tracker.deliver import DeliveryReport
from tracker.httpserver import Health, StatusServer
from tracker.poll import PollReport
from tracker.runtime import Runtime, utcnow
from tracker.status import health_checks

logger = logging.getLogger(__name__)

POLL_TICK_S = 5.0
DELIVER_TICK_S = 5.0
STOP_GRACE_S = 8.0


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
            executors={"default": ThreadPoolExecutor(2)},
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
        now = self.clock()
        feeds = self.runtime.due_feeds(now)
        if feeds:
            report = self.runtime.poller.poll(feeds, now, stop=self.stop)
            record_poll_metrics(self.runtime, report)
        self.state.last_poll_at = now
        self.state.last_poll_error = None
        self.runtime.metrics.last_poll.set(now.timestamp())

    def deliver_tick(self) -> None:
        """Send due alerts; never raises."""
        if self.stop.is_set():
            return
        started = time.monotonic()
        try:
            report = self.runtime.deliver(self.clock())
            record_delivery_metrics(self.runtime, report)
        except Exception:
            logger.exception("delivery tick failed")
        finally:
            self.runtime.metrics.deliver_seconds.observe(time.monotonic() - started)

    def health(self) -> Health:
        """Database reachable, scheduler running, last poll recent enough."""
        return health_checks(self.runtime, self.state, self.scheduler.running, self.clock())

    def run(self) -> int:
        """Run until ``stop`` is set; returns the exit code."""
        self.runtime.sync_feeds(self.clock())
        self.scheduler.add_job(
            self.poll_tick, "interval", seconds=POLL_TICK_S, id="poll", next_run_time=self.clock()
        )
        self.scheduler.add_job(
            self.deliver_tick,
            "interval",
            seconds=DELIVER_TICK_S,
            id="deliver",
            next_run_time=self.clock(),
        )
        server = self._start_http()
        self.scheduler.start()
        sd_notify("READY=1")
        logger.info("daemon started", extra={"fields": {"worker": self.runtime.worker}})
        while not self.stop.wait(5.0):
            sd_notify("WATCHDOG=1")
        sd_notify("STOPPING=1")
        self.clean_exit = self._shutdown(server)
        return 0

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
        finished = self.state.busy.acquire(timeout=STOP_GRACE_S)
        if not finished:
            logger.warning("a poll was still fetching at shutdown; its feeds stay due")
        if server is not None:
            server.stop()
        logger.info("daemon stopped")
        return finished


def record_poll_metrics(runtime: Runtime, report: PollReport) -> None:
    """Count a poll's outcomes in the metrics."""
    m = runtime.metrics
    for outcome in report.outcomes:
        m.feeds_polled.labels(outcome="error" if outcome.error else outcome.status).inc()
        if outcome.error:
            m.fetch_errors.labels(kind=outcome.status).inc()
        m.entries.inc(outcome.new_entries)
        m.transitions.labels(type="any").inc(outcome.transitions)


def record_delivery_metrics(runtime: Runtime, report: DeliveryReport) -> None:
    """Count a delivery run's outcomes in the metrics."""
    m = runtime.metrics
    m.alerts.labels(result="sent").inc(report.sent)
    m.alerts.labels(result="failed").inc(report.failed)
    m.alerts.labels(result="dead").inc(report.dead)


def install_signal_handlers(stop: threading.Event) -> None:
    """SIGTERM and SIGINT set ``stop``."""

    def handler(signum: int, _frame: FrameType | None) -> None:
        logger.info("signal received", extra={"fields": {"signal": signal.Signals(signum).name}})
        stop.set()

    signal.signal(signal.SIGTERM, handler)
    signal.signal(signal.SIGINT, handler)
