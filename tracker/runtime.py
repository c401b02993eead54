"""Build the long-lived objects once from Settings: database, HTTP client, extractor.

``Runtime`` is what ``tracker poll``, ``tracker run`` and ``tracker status``
share; it owns the engine and the HTTP client and closes them.
"""

from __future__ import annotations

import os
import socket
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import httpx
from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from tracker.deliver import DeliveryReport, deliver_pending
from tracker.errors import StoreError
from tracker.fetch import make_client
from tracker.metrics import Metrics
from tracker.notify import AppriseNotifier, Notifier
from tracker.pipeline.extract import build_extractor
from tracker.pipeline.newsfeeds import news_search_feeds
from tracker.pipeline.route import target_key
from tracker.poll import Poller, PollReport
from tracker.settings import NotifyTarget, Settings
from tracker.store import feeds as feed_store
from tracker.store import leases
from tracker.store.db import make_engine, make_session_factory, upgrade
from tracker.store.feeds import FeedSpec
from tracker.store.tables import FeedRow

# Feeds one replica claims per round; a full batch is followed by another round.
CLAIM_BATCH = 100


def utcnow() -> datetime:
    """The clock of the shell (the pipeline never reads it)."""
    return datetime.now(UTC)


def worker_id() -> str:
    """Identifies this process in leases and outbox claims."""
    return f"{socket.gethostname()}:{os.getpid()}"


def feed_specs(settings: Settings) -> list[FeedSpec]:
    """Configured feeds, then the generated news-search feeds when enabled."""
    specs = [
        FeedSpec(
            str(f.url), f.name, "config", int(f.interval.total_seconds()) if f.interval else None
        )
        for f in settings.feeds
    ]
    search = settings.news_search
    if search.enabled:
        interval = int(search.interval.total_seconds())
        for url, name in news_search_feeds(
            settings.build_watchlist(), search.languages, search.url_template
        ):
            specs.append(FeedSpec(url, name, "news_search", interval))
    return specs


def open_database(url: str) -> tuple[Engine, sessionmaker[Session]]:
    """Engine and session factory, schema migrated to the latest revision."""
    try:
        engine = make_engine(url)
    except OSError as exc:  # e.g. the SQLite file's folder cannot be created
        raise StoreError(f"cannot open the database: {exc}") from exc
    try:
        upgrade(engine)
    except SQLAlchemyError as exc:
        engine.dispose()
        raise StoreError(
            f"database unreachable or not migratable: {exc.__class__.__name__}: "
            f"{str(exc).splitlines()[0]}"
        ) from exc
    return engine, make_session_factory(engine)


@dataclass
class Runtime:
    """Everything a poll or a delivery needs, built once."""

    settings: Settings
    engine: Engine
    session_factory: sessionmaker[Session]
    client: httpx.Client
    notifier: Notifier
    poller: Poller
    metrics: Metrics = field(default_factory=Metrics)
    worker: str = field(default_factory=worker_id)

    @classmethod
    def open(
        cls,
        settings: Settings,
        *,
        transport: httpx.BaseTransport | None = None,
        notifier: Notifier | None = None,
    ) -> Runtime:
        """Migrate the database and build the edges; StoreError when it is unreachable."""
        engine, session_factory = open_database(settings.database_url)
        client = make_client(
            timeout_s=settings.fetch_timeout.total_seconds(),
            user_agent=settings.user_agent,
            transport=transport,
        )
        poller = Poller(
            settings, session_factory, client, build_extractor(settings.build_watchlist())
        )
        return cls(settings, engine, session_factory, client, notifier or AppriseNotifier(), poller)

    def close(self) -> None:
        """Release the HTTP client, the parser's workers and the database connections."""
        self.poller.parser.close()
        self.client.close()
        self.engine.dispose()

    def sync_feeds(self, now: datetime) -> None:
        """Make the stored feed list match the configuration."""
        with self.session_factory.begin() as session:
            feed_store.sync_feeds(session, feed_specs(self.settings), now)

    def poll_all(self, now: datetime) -> PollReport:
        """`tracker poll`: every active feed not disabled nor under a Retry-After."""
        self.sync_feeds(now)
        with self.session_factory() as session:
            feeds = feed_store.pollable_feeds(session, now)
            session.expunge_all()
        return self.poller.poll(feeds, now)

    def due_feeds(self, now: datetime, limit: int = CLAIM_BATCH) -> list[FeedRow]:
        """Claim (lease to this worker) the feeds whose next check has come.

        Several replicas may call this at once: each feed goes to one of them
        (``tracker.store.leases``). Give the feeds back with ``release_feeds``.
        """
        with self.session_factory.begin() as session:
            feeds = leases.claim_due_feeds(session, self.worker, now, self.feed_lease, limit)
            session.expunge_all()
        return feeds

    @property
    def feed_lease(self) -> timedelta:
        """How long a claim lasts: the fetch deadline twice over plus processing time."""
        return 2 * self.settings.fetch_timeout + timedelta(seconds=5)

    def release_feeds(self, feed_ids: list[int]) -> None:
        """Clear this worker's leases on ``feed_ids`` once their poll is over."""
        with self.session_factory.begin() as session:
            leases.release_leases(session, self.worker, feed_ids)

    def targets_by_key(self) -> dict[str, NotifyTarget]:
        """Configured channels by their stable key."""
        return {target_key(t): t for t in self.settings.notify}

    def deliver(self, now: datetime, stop: threading.Event | None = None) -> DeliveryReport:
        """Send every due outbox row once; when ``stop`` is set, release the rest."""
        return deliver_pending(
            self.session_factory,
            self.notifier,
            self.targets_by_key(),
            now,
            self.worker,
            self.settings.delivery,
            stop=stop,
        )
