"""The outbox schema supports the deliverer's claim on both databases.

The claim functions belong to ``tracker/store/outbox.py``; these tests only
prove the table allows them: a conditional UPDATE that changes exactly one
row (SQLite and PostgreSQL) and ``FOR UPDATE SKIP LOCKED`` (PostgreSQL).
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import or_, select, update
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session, sessionmaker

from tracker.store import queries
from tracker.store.db import make_engine, make_session_factory, upgrade
from tracker.store.queries import OutboxItem
from tracker.store.tables import OutboxRow

from .conftest import NOW

LEASE = timedelta(minutes=2)


def _enqueue(session_factory: sessionmaker[Session], count: int) -> list[int]:
    with session_factory.begin() as session:
        queries.enqueue(
            session,
            [
                OutboxItem(
                    kind="transition",
                    channel_key="k",
                    dedup_key=f"t:{i}:k",
                    payload={},
                    created_at=NOW,
                    next_attempt_at=NOW,
                )
                for i in range(count)
            ],
        )
        return list(session.scalars(select(OutboxRow.id).order_by(OutboxRow.id)))


def _claim(session: Session, row_id: int, owner: str) -> int:
    statement = (
        update(OutboxRow)
        .where(
            OutboxRow.id == row_id,
            OutboxRow.status == "pending",
            OutboxRow.next_attempt_at <= NOW,
            or_(OutboxRow.claimed_until.is_(None), OutboxRow.claimed_until <= NOW),
        )
        .values(claimed_by=owner, claimed_until=NOW + LEASE, attempts=OutboxRow.attempts + 1)
        .execution_options(synchronize_session=False)
    )
    return session.execute(statement).rowcount  # type: ignore[attr-defined, no-any-return]


def test_a_conditional_update_claims_a_row_once(session_factory: sessionmaker[Session]) -> None:
    (row_id,) = _enqueue(session_factory, 1)
    with session_factory.begin() as session:
        first = _claim(session, row_id, "worker-1")
    with session_factory.begin() as session:
        second = _claim(session, row_id, "worker-2")
    assert (first, second) == (1, 0)


def test_skip_locked_hands_each_row_to_one_worker(postgres_url: URL) -> None:
    engine = make_engine(postgres_url)
    try:
        upgrade(engine)
        first, second, ids = _pick_twice(make_session_factory(engine))
    finally:
        engine.dispose()
    assert (first, second) == (ids[:2], ids[2:])


def _pick_twice(
    session_factory: sessionmaker[Session],
) -> tuple[list[int], list[int], list[int]]:
    """Two concurrent transactions each pick up to two claimable rows."""
    ids = _enqueue(session_factory, 3)
    pick = (
        select(OutboxRow.id)
        .where(OutboxRow.status == "pending", OutboxRow.next_attempt_at <= NOW)
        .order_by(OutboxRow.next_attempt_at, OutboxRow.id)
        .limit(2)
        .with_for_update(skip_locked=True)
    )
    with session_factory.begin() as one, session_factory.begin() as two:
        first = list(one.scalars(pick))
        second = list(two.scalars(pick))
    return first, second, ids
