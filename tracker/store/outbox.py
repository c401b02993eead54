"""Claiming and marking outbox rows (enqueueing lives in ``enqueue.py``).

A row is *claimed* by one deliverer for a lease (``claimed_by``,
``claimed_until``). Only the claimer may mark it sent or failed, and only
while the row still names it: a deliverer whose lease expired and was taken
over finds its mark refused (``False``), so the row is never marked twice.

Claiming is atomic on both databases:

- PostgreSQL: ``SELECT ... FOR UPDATE SKIP LOCKED`` then ``UPDATE`` in one
  transaction, so concurrent deliverers take disjoint rows without waiting.
- SQLite (one process; SQLAlchemy drops ``SKIP LOCKED`` there): one
  conditional ``UPDATE`` per candidate that must change exactly one row.

Every function runs inside the caller's transaction and never commits.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import ColumnElement, CursorResult, and_, or_, select, update
from sqlalchemy.orm import Session

from tracker.store.tables import OutboxRow

PENDING, SENT, DEAD = "pending", "sent", "dead"


@dataclass(frozen=True)
class ClaimedRow:
    """What the deliverer needs from a claimed outbox row."""

    id: int
    kind: str
    channel_key: str
    payload: dict[str, Any]
    attempts: int
    created_at: datetime
    give_up_at: datetime | None


def _due(
    now: datetime,
    channels: Collection[str] | None,
    exclude: Collection[str],
    created_before: datetime | None,
) -> ColumnElement[bool]:
    conditions = [
        OutboxRow.status == PENDING,
        OutboxRow.next_attempt_at <= now,
        or_(OutboxRow.claimed_until.is_(None), OutboxRow.claimed_until <= now),
    ]
    if channels is not None:
        conditions.append(OutboxRow.channel_key.in_(list(channels)))
    if exclude:
        conditions.append(OutboxRow.channel_key.not_in(list(exclude)))
    if created_before is not None:
        conditions.append(OutboxRow.created_at < created_before)
    return and_(*conditions)


def claim_batch(
    session: Session,
    now: datetime,
    worker_id: str,
    limit: int,
    lease: timedelta,
    *,
    channels: Collection[str] | None = None,
    exclude_channels: Collection[str] = (),
    created_before: datetime | None = None,
) -> list[ClaimedRow]:
    """Claim up to ``limit`` due rows for ``worker_id`` until ``now + lease``, oldest first.

    Due: pending, ``next_attempt_at <= now``, unclaimed or with an expired
    lease. ``channels``/``exclude_channels``/``created_before`` narrow the set
    (daily digests claim one channel's rows from before today).
    """
    due = _due(now, channels, exclude_channels, created_before)
    candidates = (
        select(OutboxRow.id).where(due).order_by(OutboxRow.next_attempt_at, OutboxRow.id)
    ).limit(limit)
    claim = {"claimed_by": worker_id, "claimed_until": now + lease}
    if session.get_bind().dialect.name == "postgresql":
        ids = list(session.scalars(candidates.with_for_update(skip_locked=True)))
        if ids:
            session.execute(
                update(OutboxRow).where(OutboxRow.id.in_(ids)).values(**claim),
                execution_options={"synchronize_session": False},
            )
    else:
        ids = [
            row_id
            for row_id in list(session.scalars(candidates))
            if _changed(session, and_(OutboxRow.id == row_id, due), claim) == 1
        ]
    return _load(session, ids)


def _changed(session: Session, where: ColumnElement[bool], values: dict[str, Any]) -> int:
    result = session.execute(
        update(OutboxRow).where(where).values(**values),
        execution_options={"synchronize_session": False},
    )
    return int(cast(CursorResult[Any], result).rowcount)


def _load(session: Session, ids: list[int]) -> list[ClaimedRow]:
    if not ids:
        return []
    query = (
        select(
            OutboxRow.id,
            OutboxRow.kind,
            OutboxRow.channel_key,
            OutboxRow.payload,
            OutboxRow.attempts,
            OutboxRow.created_at,
            OutboxRow.give_up_at,
        )
        .where(OutboxRow.id.in_(ids))
        .order_by(OutboxRow.next_attempt_at, OutboxRow.id)
    )
    return [ClaimedRow(*row) for row in session.execute(query)]


def _ours(row_id: int, worker_id: str) -> ColumnElement[bool]:
    return and_(
        OutboxRow.id == row_id, OutboxRow.claimed_by == worker_id, OutboxRow.status == PENDING
    )


def mark_sent(session: Session, row_id: int, worker_id: str, now: datetime) -> bool:
    """Mark a row sent, only if ``worker_id`` still holds it; True when marked."""
    values = {
        "status": SENT,
        "sent_at": now,
        "claimed_by": None,
        "claimed_until": None,
        "last_error": None,
    }
    return _changed(session, _ours(row_id, worker_id), values) == 1


def mark_failed(
    session: Session,
    row_id: int,
    worker_id: str,
    *,
    error: str,
    retry_at: datetime,
    dead: bool = False,
) -> bool:
    """Record a failed attempt: retry at ``retry_at``, or ``dead`` for good; True when marked."""
    values: dict[str, Any] = {
        "status": DEAD if dead else PENDING,
        "attempts": OutboxRow.attempts + 1,
        "last_error": error,
        "next_attempt_at": retry_at,
        "claimed_by": None,
        "claimed_until": None,
    }
    return _changed(session, _ours(row_id, worker_id), values) == 1


def release(session: Session, row_ids: Collection[int], worker_id: str) -> int:
    """Give back claimed rows without an attempt (e.g. out of time); returns how many."""
    if not row_ids:
        return 0
    where = and_(
        OutboxRow.id.in_(list(row_ids)),
        OutboxRow.claimed_by == worker_id,
        OutboxRow.status == PENDING,
    )
    return _changed(session, where, {"claimed_by": None, "claimed_until": None})
