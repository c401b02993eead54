"""Recording the outcome of one fetch on its feed row.

Every function sets ``last_checked_at`` and ``next_check_at``; success and
not-modified reset the error state; an error increments ``error_count``.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.store.feeds import get_feed
from tracker.store.tables import FeedRow


def record_fetch_success(
    session: Session,
    feed_id: int,
    *,
    status: int,
    etag: str | None,
    last_modified: str | None,
    final_url_if_permanent: str | None,
    next_check_at: datetime,
    now: datetime,
) -> FeedRow:
    """A 2xx with a body: store the cache validators and clear the errors.

    ``final_url_if_permanent`` (after a 301/308) becomes the feed's URL,
    unless another feed already has that URL: then the URL is kept, so two
    config entries never collapse into one row behind the user's back.
    """
    row = get_feed(session, feed_id)
    row.last_status = status
    row.etag = etag
    row.last_modified = last_modified
    if final_url_if_permanent and final_url_if_permanent != row.url:
        taken = session.scalar(select(FeedRow.id).where(FeedRow.url == final_url_if_permanent))
        if taken is None:
            row.url = final_url_if_permanent
    _clear_errors(row, next_check_at=next_check_at, now=now)
    session.flush()
    return row


def record_not_modified(
    session: Session,
    feed_id: int,
    *,
    next_check_at: datetime,
    now: datetime,
    etag: str | None = None,
    last_modified: str | None = None,
) -> FeedRow:
    """A 304: the feed is healthy and unchanged; validators are updated when sent."""
    row = get_feed(session, feed_id)
    row.last_status = 304
    if etag is not None:
        row.etag = etag
    if last_modified is not None:
        row.last_modified = last_modified
    _clear_errors(row, next_check_at=next_check_at, now=now)
    session.flush()
    return row


def record_fetch_error(
    session: Session,
    feed_id: int,
    *,
    kind: str,
    message: str,
    status: int | None,
    next_check_at: datetime,
    disable_reason: str | None,
    now: datetime,
    retry_until: datetime | None = None,
) -> FeedRow:
    """A failed fetch: count it, keep the message, and disable the feed when told.

    ``disable_reason`` (e.g. on 410 Gone) stops all polling until cleared;
    ``retry_until`` records a server's Retry-After, which manual polls honour.
    """
    row = get_feed(session, feed_id)
    # In SQL, not Python: two writers must not lose an increment.
    row.error_count = FeedRow.error_count + 1
    row.last_error = message
    row.last_error_kind = kind
    row.last_status = status
    row.last_checked_at = now
    row.next_check_at = next_check_at
    row.retry_until = retry_until
    if disable_reason is not None:
        row.disabled_reason = disable_reason
    session.flush()
    return row


def _clear_errors(row: FeedRow, *, next_check_at: datetime, now: datetime) -> None:
    row.error_count = 0
    row.last_error = None
    row.last_error_kind = None
    row.retry_until = None
    row.last_checked_at = now
    row.last_success_at = now
    row.next_check_at = next_check_at
