"""Feeds: syncing with the configuration, due feeds, fetch outcomes."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.errors import StoreError
from tracker.store import queries
from tracker.store.leases import claim_due_feeds
from tracker.store.queries import FeedSpec
from tracker.store.tables import FeedRow

from .conftest import NOW, make_feed

HOUR = timedelta(hours=1)
LEASE = timedelta(minutes=1)


def _feeds_by_url(session: Session) -> dict[str, FeedRow]:
    return {row.url: row for row in session.scalars(select(FeedRow))}


def test_sync_inserts_new_feeds_as_active(session: Session) -> None:
    report = queries.sync_feeds(
        session,
        [
            ("https://a.example/rss", "A", "config", 600),
            FeedSpec("https://b.example/rss", None, "news_search", None),
        ],
        NOW,
    )
    feeds = _feeds_by_url(session)
    assert report == queries.SyncReport(added=2, updated=0, deactivated=0)
    assert {(f.url, f.name, f.origin, f.interval_s, f.active) for f in feeds.values()} == {
        ("https://a.example/rss", "A", "config", 600, True),
        ("https://b.example/rss", None, "news_search", None, True),
    }
    assert feeds["https://a.example/rss"].created_at == NOW


def test_sync_updates_settings_but_keeps_fetch_state(session: Session) -> None:
    make_feed(session, url="https://a.example/rss", name="old", etag='"v1"', error_count=3)
    report = queries.sync_feeds(session, [("https://a.example/rss", "new", "config", 60)], NOW)
    feed = _feeds_by_url(session)["https://a.example/rss"]
    assert report == queries.SyncReport(added=0, updated=1, deactivated=0)
    assert (feed.name, feed.interval_s, feed.etag, feed.error_count) == ("new", 60, '"v1"', 3)


def test_sync_deactivates_removed_feeds_and_reactivates_returning_ones(session: Session) -> None:
    make_feed(session, url="https://gone.example/rss")
    make_feed(session, url="https://back.example/rss", active=False)
    report = queries.sync_feeds(session, [("https://back.example/rss", None, "config", None)], NOW)
    feeds = _feeds_by_url(session)
    assert report == queries.SyncReport(added=0, updated=1, deactivated=1)
    assert feeds["https://gone.example/rss"].active is False
    assert feeds["https://back.example/rss"].active is True


def test_sync_with_unchanged_config_reports_nothing(session: Session) -> None:
    sources = [("https://a.example/rss", "A", "config", 600)]
    queries.sync_feeds(session, sources, NOW)
    assert queries.sync_feeds(session, sources, NOW) == queries.SyncReport(0, 0, 0)


@pytest.mark.parametrize(
    ("fields", "due"),
    [
        ({}, True),
        ({"next_check_at": NOW - HOUR}, True),
        ({"next_check_at": NOW}, True),
        ({"next_check_at": NOW + HOUR}, False),
        ({"disabled_reason": "410 Gone"}, False),
        ({"active": False}, False),
        ({"lease_owner": "replica-2", "lease_until": NOW + HOUR}, False),
        ({"lease_owner": "replica-2", "lease_until": NOW - HOUR}, True),
    ],
    ids=[
        "never-checked",
        "overdue",
        "due-now",
        "not-yet",
        "disabled",
        "inactive",
        "leased",
        "lease-expired",
    ],
)
def test_due_feeds_are_claimed_by_schedule_disabling_activity_and_leases(
    session: Session, fields: dict[str, Any], due: bool
) -> None:
    feed = make_feed(session, **fields)
    assert [f.id for f in claim_due_feeds(session, "w1", NOW, LEASE, limit=10)] == (
        [feed.id] if due else []
    )


def test_due_feeds_are_claimed_never_checked_first_then_oldest_up_to_the_limit(
    session: Session,
) -> None:
    late = make_feed(session, url="https://late.example", next_check_at=NOW - HOUR)
    early = make_feed(session, url="https://early.example", next_check_at=NOW - 2 * HOUR)
    fresh = make_feed(session, url="https://fresh.example")
    first = claim_due_feeds(session, "w1", NOW, LEASE, limit=2)
    assert [f.id for f in first] == [fresh.id, early.id]
    # Leased feeds are not claimed again; the rest are.
    assert [f.id for f in claim_due_feeds(session, "w2", NOW, LEASE, limit=10)] == [late.id]


@pytest.mark.parametrize(
    ("fields", "pollable"),
    [
        ({"next_check_at": NOW + HOUR}, True),
        ({"retry_until": NOW + HOUR}, False),
        ({"retry_until": NOW - HOUR}, True),
        ({"disabled_reason": "410 Gone"}, False),
        ({"active": False}, False),
    ],
    ids=["schedule-ignored", "retry-after-pending", "retry-after-over", "disabled", "inactive"],
)
def test_manual_polls_ignore_schedules_but_not_retry_after_or_410(
    session: Session, fields: dict[str, Any], pollable: bool
) -> None:
    feed = make_feed(session, **fields)
    assert [f.id for f in queries.pollable_feeds(session, NOW)] == ([feed.id] if pollable else [])


def test_all_active_feeds_lists_disabled_ones_too(session: Session) -> None:
    a = make_feed(session, url="https://a.example", disabled_reason="410 Gone")
    make_feed(session, url="https://b.example", active=False)
    assert [f.id for f in queries.all_active_feeds(session)] == [a.id]


def test_success_stores_validators_and_clears_errors(session: Session) -> None:
    feed = make_feed(
        session, error_count=4, last_error="boom", last_error_kind="timeout", retry_until=NOW + HOUR
    )
    queries.record_fetch_success(
        session,
        feed.id,
        status=200,
        etag='"v2"',
        last_modified="Mon, 02 Mar 2026 09:00:00 GMT",
        final_url_if_permanent=None,
        next_check_at=NOW + HOUR,
        now=NOW,
    )
    assert (feed.last_status, feed.etag, feed.last_modified) == (
        200,
        '"v2"',
        "Mon, 02 Mar 2026 09:00:00 GMT",
    )
    assert (feed.error_count, feed.last_error, feed.last_error_kind, feed.retry_until) == (
        0,
        None,
        None,
        None,
    )
    assert (feed.last_checked_at, feed.last_success_at, feed.next_check_at) == (
        NOW,
        NOW,
        NOW + HOUR,
    )


@pytest.mark.parametrize(
    ("final_url", "expected"),
    [
        ("https://new.example/rss", "https://new.example/rss"),
        ("https://taken.example/rss", "https://old.example/rss"),
        (None, "https://old.example/rss"),
    ],
    ids=["moved", "target-already-a-feed", "no-redirect"],
)
def test_a_permanent_redirect_moves_the_feed_unless_the_target_exists(
    session: Session, final_url: str | None, expected: str
) -> None:
    feed = make_feed(session, url="https://old.example/rss")
    make_feed(session, url="https://taken.example/rss")
    queries.record_fetch_success(
        session,
        feed.id,
        status=200,
        etag=None,
        last_modified=None,
        final_url_if_permanent=final_url,
        next_check_at=NOW + HOUR,
        now=NOW,
    )
    assert feed.url == expected


def test_not_modified_keeps_validators_unless_new_ones_come(session: Session) -> None:
    feed = make_feed(session, etag='"v1"', last_modified="old", error_count=2)
    queries.record_not_modified(session, feed.id, next_check_at=NOW + HOUR, now=NOW, etag='"v2"')
    assert (feed.last_status, feed.etag, feed.last_modified, feed.error_count) == (
        304,
        '"v2"',
        "old",
        0,
    )
    assert (feed.last_success_at, feed.next_check_at) == (NOW, NOW + HOUR)


@pytest.mark.parametrize(
    ("kind", "status", "disable", "retry_until"),
    [
        ("timeout", None, None, None),
        ("http_429", 429, None, NOW + 2 * HOUR),
        ("http_410", 410, "410 Gone: feed removed", None),
    ],
    ids=["timeout", "rate-limited", "gone"],
)
def test_an_error_is_counted_and_may_disable_the_feed(
    session: Session,
    kind: str,
    status: int | None,
    disable: str | None,
    retry_until: datetime | None,
) -> None:
    feed = make_feed(session, error_count=1, etag='"v1"')
    queries.record_fetch_error(
        session,
        feed.id,
        kind=kind,
        message=f"{kind} happened",
        status=status,
        next_check_at=NOW + 2 * HOUR,
        disable_reason=disable,
        now=NOW,
        retry_until=retry_until,
    )
    assert (feed.error_count, feed.last_error, feed.last_error_kind, feed.last_status) == (
        2,
        f"{kind} happened",
        kind,
        status,
    )
    assert (feed.disabled_reason, feed.retry_until, feed.etag) == (disable, retry_until, '"v1"')
    assert (feed.last_checked_at, feed.last_success_at, feed.next_check_at) == (
        NOW,
        None,
        NOW + 2 * HOUR,
    )


def test_fetch_state_of_an_unknown_feed_is_an_error(session: Session) -> None:
    with pytest.raises(StoreError, match="feed 42 does not exist"):
        queries.record_not_modified(session, 42, next_check_at=NOW, now=NOW)


def test_fetch_state_survives_a_commit(session: Session) -> None:
    feed = make_feed(session)
    queries.record_fetch_error(
        session,
        feed.id,
        kind="connect",
        message="refused",
        status=None,
        next_check_at=NOW + HOUR,
        disable_reason=None,
        now=NOW,
    )
    session.commit()
    session.expire_all()
    stored = session.get(FeedRow, feed.id)
    assert stored is not None
    assert (stored.error_count, stored.last_error, stored.next_check_at) == (
        1,
        "refused",
        NOW + HOUR,
    )
