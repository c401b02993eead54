"""Feed rows: syncing with the configuration, picking due feeds, fetch outcomes.

Functions take a ``Session`` and never commit: the caller owns the
transaction (one per poll of one feed).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from tracker.errors import StoreError
from tracker.store.tables import FeedRow


class FeedSpec(NamedTuple):
    """A feed the configuration (or the news search) wants polled."""

    url: str
    name: str | None
    origin: str
    interval_s: int | None


@dataclass(frozen=True)
class SyncReport:
    """What ``sync_feeds`` changed."""

    added: int
    updated: int
    deactivated: int


def sync_feeds(
    session: Session,
    sources: Iterable[FeedSpec | tuple[str, str | None, str, int | None]],
    now: datetime,
) -> SyncReport:
    """Make the active feeds exactly ``sources``, keeping every feed's state.

    New URLs are inserted; known ones get the new name, origin and interval
    and are reactivated; feeds missing from ``sources`` are deactivated (kept,
    not polled). When a URL appears twice, the last one wins. A feed is known
    by its configured URL, or by the URL a permanent redirect moved it to.
    """
    wanted = {spec.url: spec for spec in map(FeedSpec._make, sources)}
    rows = list(session.scalars(select(FeedRow)))
    existing = {row.url: row for row in rows}
    existing.update({row.config_url: row for row in rows if row.config_url})
    added = updated = deactivated = 0
    kept: set[int] = set()
    for url, spec in wanted.items():
        row = existing.get(url)
        if row is None:
            session.add(_new_feed(spec, now))
            added += 1
            continue
        kept.add(row.id)
        if _apply_spec(row, spec):
            updated += 1
    for row in rows:
        if row.id not in kept and row.active:
            row.active = False
            deactivated += 1
    session.flush()
    return SyncReport(added=added, updated=updated, deactivated=deactivated)


def _new_feed(spec: FeedSpec, now: datetime) -> FeedRow:
    return FeedRow(
        url=spec.url,
        config_url=spec.url,
        name=spec.name,
        origin=spec.origin,
        interval_s=spec.interval_s,
        active=True,
        error_count=0,
        created_at=now,
    )


def _apply_spec(row: FeedRow, spec: FeedSpec) -> bool:
    """Copy the configured fields onto ``row``; True when something changed."""
    before = (row.name, row.origin, row.interval_s, row.active)
    row.name, row.origin, row.interval_s, row.active = spec.name, spec.origin, spec.interval_s, True
    return before != (row.name, row.origin, row.interval_s, row.active)


def all_active_feeds(session: Session) -> list[FeedRow]:
    """Every active feed, disabled ones included (for status output), by id."""
    query = select(FeedRow).where(FeedRow.active.is_(True)).order_by(FeedRow.id)
    return list(session.scalars(query))


def pollable_feeds(session: Session, now: datetime) -> list[FeedRow]:
    """Feeds ``tracker poll`` fetches now: active, not disabled, not under a Retry-After."""
    query = (
        select(FeedRow)
        .where(
            FeedRow.active.is_(True),
            FeedRow.disabled_reason.is_(None),
            or_(FeedRow.retry_until.is_(None), FeedRow.retry_until <= now),
        )
        .order_by(FeedRow.id)
    )
    return list(session.scalars(query))


def get_feed(session: Session, feed_id: int) -> FeedRow:
    """The feed with this id; ``StoreError`` when there is none."""
    row = session.get(FeedRow, feed_id)
    if row is None:
        raise StoreError(f"feed {feed_id} does not exist", permanent=True)
    return row
