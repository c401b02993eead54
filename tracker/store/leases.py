"""Who polls which feed: leases on feed rows, and the SQLite single-daemon lock.

Several ``tracker run`` replicas on one PostgreSQL database split the feeds
with leases: ``claim_due_feeds`` marks due, unleased feeds as owned by one
worker until ``lease_until`` in a single ``UPDATE ... WHERE id IN (SELECT ...
FOR UPDATE SKIP LOCKED LIMIT n) RETURNING``, so two replicas never claim the
same row, and a row another replica is claiming right now is skipped rather
than waited for. The poll of a feed moves its ``next_check_at`` forward in the
feed's own transaction; ``release_leases`` then clears the lease. While a
slow poll runs, ``renew_leases`` (the daemon's heartbeat, every third of a
lease) keeps its leases alive; a replica that dies stops renewing, and its
feeds are taken over by another replica once the leases expire. Replicas
compare ``lease_until`` with their own clocks, so their clocks must agree to
well under a lease (NTP is enough).

SQLite drops ``FOR UPDATE SKIP LOCKED``; the claim is still atomic there
(``BEGIN IMMEDIATE`` holds the write lock), but SQLite is for one process
only: ``DaemonLock`` keeps a second daemon off the same database file.
"""

from __future__ import annotations

import fcntl
import os
from datetime import datetime, timedelta
from pathlib import Path
from types import TracebackType
from typing import IO

from sqlalchemy import or_, select, update
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session

from tracker.errors import TrackerError
from tracker.store.tables import FeedRow


def claim_due_feeds(
    session: Session, owner: str, now: datetime, lease: timedelta, limit: int
) -> list[FeedRow]:
    """Lease up to ``limit`` due feeds to ``owner`` until ``now + lease``; oldest due first.

    Due: active, not disabled, ``next_check_at`` unset or reached, and no live
    lease. The caller commits; the returned rows are the claimed feeds.
    """
    due = (
        select(FeedRow.id)
        .where(
            FeedRow.active.is_(True),
            FeedRow.disabled_reason.is_(None),
            or_(FeedRow.next_check_at.is_(None), FeedRow.next_check_at <= now),
            or_(FeedRow.lease_until.is_(None), FeedRow.lease_until <= now),
        )
        .order_by(FeedRow.next_check_at.asc().nulls_first(), FeedRow.id)
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    claim = (
        update(FeedRow)
        .where(FeedRow.id.in_(due.scalar_subquery()))
        .values(lease_owner=owner, lease_until=now + lease)
        .returning(FeedRow)
        .execution_options(synchronize_session=False)
    )
    rows = list(session.scalars(claim))
    rows.sort(key=lambda r: (r.next_check_at is not None, r.next_check_at or now, r.id))
    return rows


def release_leases(session: Session, owner: str, feed_ids: list[int] | None = None) -> int:
    """Clear ``owner``'s leases on ``feed_ids``, or all of them when None.

    Other workers' leases are left alone. Returns the number of leases cleared.
    """
    if feed_ids is not None and not feed_ids:
        return 0
    mine = FeedRow.lease_owner == owner
    result = session.execute(
        update(FeedRow)
        .where(mine if feed_ids is None else FeedRow.id.in_(feed_ids) & mine)
        .values(lease_owner=None, lease_until=None)
        .execution_options(synchronize_session=False)
    )
    return int(getattr(result, "rowcount", 0) or 0)


def renew_leases(session: Session, owner: str, until: datetime) -> int:
    """Extend every lease ``owner`` holds to ``until`` (a live replica's heartbeat)."""
    result = session.execute(
        update(FeedRow)
        .where(FeedRow.lease_owner == owner)
        .values(lease_until=until)
        .execution_options(synchronize_session=False)
    )
    return int(getattr(result, "rowcount", 0) or 0)


def sqlite_path(url: URL) -> Path | None:
    """The database file of a SQLite URL; None for PostgreSQL and in-memory SQLite."""
    if url.get_backend_name() != "sqlite":
        return None
    database = url.database or ""
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return Path(database)


class DaemonLock:
    """An exclusive ``flock`` on ``<database>.lock``, holding the owner's pid.

    The kernel drops the lock when the process dies (even on SIGKILL), so a
    crashed daemon never blocks the next start.
    """

    def __init__(self, database: Path) -> None:
        self.database = database
        self.path = database.with_name(database.name + ".lock")
        self._file: IO[str] | None = None

    def acquire(self) -> None:
        """Take the lock; TrackerError naming the holder's pid when another daemon has it."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle = self.path.open("a+", encoding="utf-8")
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "unknown"
            handle.close()
            raise TrackerError(
                f"another tracker daemon is running on {self.database} (pid {holder}); "
                "SQLite supports one daemon: use PostgreSQL to run several replicas",
                permanent=True,
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()}\n")
        handle.flush()
        self._file = handle

    def release(self) -> None:
        """Drop the lock (the file stays; its content no longer matters)."""
        if self._file is not None:
            fcntl.flock(self._file.fileno(), fcntl.LOCK_UN)
            self._file.close()
            self._file = None

    def __enter__(self) -> DaemonLock:
        self.acquire()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.release()
