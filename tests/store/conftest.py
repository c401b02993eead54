"""Builders for store tests: a pinned clock and rows with sensible defaults."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy.orm import Session

from tracker.domain import FeedEntry
from tracker.store import queries
from tracker.store.tables import EntryRow, FeedRow, StoryRow

NOW = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)


@pytest.fixture
def now() -> datetime:
    """The pinned current time of every store test."""
    return NOW


def make_feed(session: Session, url: str = "https://example.com/rss", **fields: Any) -> FeedRow:
    """A stored feed; ``fields`` override any column."""
    row = FeedRow(url=url, origin="config", active=True, error_count=0, created_at=NOW)
    for name, value in fields.items():
        setattr(row, name, value)
    session.add(row)
    session.flush()
    return row


def make_entry(key: str, content_hash: str = "h1", **fields: Any) -> FeedEntry:
    """A parsed feed entry."""
    values: dict[str, Any] = {
        "key": key,
        "title": f"title {key}",
        "summary": f"summary {key}",
        "link": f"https://example.com/{key}",
        "published": NOW,
        "content_hash": content_hash,
    }
    values.update(fields)
    return FeedEntry(**values)


def store_entry(session: Session, feed_id: int, key: str, **fields: Any) -> EntryRow:
    """A stored entry."""
    (row,) = queries.add_entries(session, feed_id, [make_entry(key, **fields)], NOW)
    return row


def make_story(session: Session, company: str = "openai", **fields: Any) -> StoryRow:
    """A stored departure story; ``fields`` override any argument of ``add_story``."""
    values: dict[str, Any] = {
        "company": company,
        "type": "departure",
        "role": "ceo",
        "person": "Sam Altman",
        "person_key": "altman",
        "certainty": "reported",
        "interim": False,
        "reason": "dismissed",
        "confidence": 0.9,
        "evidence": "OpenAI board removes Sam Altman",
        "language": "en",
        "occurred_at": NOW,
        "now": NOW,
    }
    values.update(fields)
    return queries.add_story(session, **values)
