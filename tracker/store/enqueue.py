"""Putting alerts into the outbox (claiming and marking live in ``outbox.py``).

Enqueueing is idempotent through ``outbox.dedup_key``: the same alert for
the same channel is inserted once, whatever re-runs, restarts or replicas do.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Insert, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from tracker.store.tables import OutboxRow


@dataclass(frozen=True)
class OutboxItem:
    """One alert for one channel, as ``enqueue`` takes it."""

    kind: str
    channel_key: str
    dedup_key: str
    payload: dict[str, Any]
    created_at: datetime
    next_attempt_at: datetime
    story_id: int | None = None
    transition_id: int | None = None
    give_up_at: datetime | None = None

    def values(self) -> dict[str, Any]:
        """Column values for the INSERT."""
        return {
            "kind": self.kind,
            "channel_key": self.channel_key,
            "dedup_key": self.dedup_key,
            "payload": self.payload,
            "created_at": self.created_at,
            "next_attempt_at": self.next_attempt_at,
            "story_id": self.story_id,
            "transition_id": self.transition_id,
            "give_up_at": self.give_up_at,
            "status": "pending",
            "attempts": 0,
        }


def enqueue(session: Session, rows: Sequence[OutboxItem]) -> int:
    """Insert the rows whose ``dedup_key`` is not in the outbox yet; return how many.

    Duplicates (already stored, or repeated within ``rows``) are skipped by
    the database itself (``ON CONFLICT DO NOTHING`` / ``INSERT OR IGNORE``),
    so two writers racing on the same key cannot both insert it.
    """
    if not rows:
        return 0
    statement = _insert_ignoring_duplicates(session).returning(OutboxRow.id)
    inserted = session.execute(statement, [row.values() for row in rows]).all()
    return len(inserted)


def _insert_ignoring_duplicates(session: Session) -> Insert:
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        return postgresql.insert(OutboxRow).on_conflict_do_nothing(index_elements=["dedup_key"])
    if dialect == "sqlite":
        return sqlite.insert(OutboxRow).prefix_with("OR IGNORE")
    raise NotImplementedError(f"outbox enqueue is not implemented for {dialect}")


def outbox_depth(session: Session) -> int:
    """How many alerts are waiting to be sent (status ``pending``)."""
    query = select(func.count()).select_from(OutboxRow).where(OutboxRow.status == "pending")
    return int(session.scalar(query) or 0)
