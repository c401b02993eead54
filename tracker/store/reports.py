"""Read-only queries for `tracker status`, /healthz and `tracker history`."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from tracker.store.tables import FeedRow, OutboxRow


def ping(session: Session) -> None:
    """Raise if the database does not answer."""
    session.execute(text("SELECT 1"))


def outbox_counts(session: Session) -> dict[str, int]:
    """Outbox rows by status (pending, sent, dead)."""
    query = select(OutboxRow.status, func.count()).group_by(OutboxRow.status)
    return {status: int(count) for status, count in session.execute(query)}


def last_poll_at(session: Session) -> datetime | None:
    """When any feed was last checked."""
    return session.scalar(select(func.max(FeedRow.last_checked_at)))


def alerted_transitions(session: Session, transition_ids: Sequence[int]) -> set[int]:
    """The transitions of which at least one alert was sent."""
    if not transition_ids:
        return set()
    query = select(OutboxRow.transition_id).where(
        OutboxRow.transition_id.in_(list(transition_ids)), OutboxRow.status == "sent"
    )
    return {int(tid) for tid in session.scalars(query.distinct()) if tid is not None}


def failed_alerts(session: Session, transition_ids: Sequence[int]) -> dict[int, str]:
    """Per transition, the last error of an alert that was given up (status dead)."""
    if not transition_ids:
        return {}
    query = select(OutboxRow.transition_id, OutboxRow.last_error).where(
        OutboxRow.transition_id.in_(list(transition_ids)), OutboxRow.status == "dead"
    )
    return {int(tid): err or "given up" for tid, err in session.execute(query) if tid is not None}
