"""Entries: deduplication by (feed, key), edits, and their events."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import event, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from tracker.domain import Certainty, Event, EventType, FeedEntry, Reason, Role
from tracker.store import queries
from tracker.store.tables import EntryRow, EventRow

from .conftest import NOW, make_entry, make_feed, make_story

LATER = NOW + timedelta(minutes=15)


@pytest.mark.parametrize(
    ("first", "second", "new_keys"),
    [
        ([], [make_entry("a")], ["a"]),
        ([make_entry("a")], [make_entry("a")], []),
        ([make_entry("a")], [make_entry("a", content_hash="h2")], []),
        ([make_entry("a")], [make_entry("b"), make_entry("a"), make_entry("c")], ["b", "c"]),
        ([], [make_entry("a"), make_entry("a", content_hash="h2")], ["a"]),
    ],
    ids=["brand-new", "seen-before", "edited", "mixed-order-kept", "twice-in-one-batch"],
)
def test_only_unseen_keys_are_new(
    session: Session, first: list[FeedEntry], second: list[FeedEntry], new_keys: list[str]
) -> None:
    feed = make_feed(session)
    queries.add_entries(session, feed.id, first, NOW)
    new = queries.add_entries(session, feed.id, second, LATER)
    assert [row.key for row in new] == new_keys
    assert all(row.id is not None and row.first_seen_at == LATER for row in new)


def test_the_same_key_in_another_feed_is_new(session: Session) -> None:
    one = make_feed(session, url="https://one.example")
    two = make_feed(session, url="https://two.example")
    queries.add_entries(session, one.id, [make_entry("shared")], NOW)
    assert [r.key for r in queries.add_entries(session, two.id, [make_entry("shared")], NOW)] == [
        "shared"
    ]


def test_an_edited_entry_is_updated_in_place(session: Session) -> None:
    feed = make_feed(session)
    (row,) = queries.add_entries(session, feed.id, [make_entry("a")], NOW)
    edited = make_entry("a", content_hash="h2", title="CEO steps down", summary="new text")
    queries.add_entries(session, feed.id, [edited], LATER)
    session.expire_all()
    stored = session.scalars(select(EntryRow).where(EntryRow.feed_id == feed.id)).one()
    assert (stored.id, stored.title, stored.summary, stored.content_hash) == (
        row.id,
        "CEO steps down",
        "new text",
        "h2",
    )
    assert (stored.first_seen_at, stored.updated_at) == (NOW, LATER)


def test_an_unchanged_entry_is_left_alone(session: Session) -> None:
    feed = make_feed(session)
    queries.add_entries(session, feed.id, [make_entry("a")], NOW)
    queries.add_entries(session, feed.id, [make_entry("a", title="ignored")], LATER)
    stored = session.scalars(select(EntryRow)).one()
    assert (stored.title, stored.updated_at) == ("title a", NOW)


def test_known_keys_are_read_in_one_select_not_one_per_entry(
    session: Session, engine: Engine
) -> None:
    feed = make_feed(session)
    queries.add_entries(session, feed.id, [make_entry(f"k{i}") for i in range(50)], NOW)
    selects: list[str] = []

    def count(*args: object) -> None:
        statement = str(args[2])
        if statement.lstrip().upper().startswith("SELECT"):
            selects.append(statement)

    event.listen(engine, "before_cursor_execute", count)
    try:
        batch = [make_entry(f"k{i}", content_hash="h2") for i in range(60)]
        new = queries.add_entries(session, feed.id, batch, LATER)
    finally:
        event.remove(engine, "before_cursor_execute", count)
    assert len(new) == 10
    assert len(selects) == 1


def test_entries_without_link_or_date_are_stored(session: Session) -> None:
    feed = make_feed(session)
    (row,) = queries.add_entries(
        session, feed.id, [make_entry("sha256:abc", link=None, published=None)], NOW
    )
    assert (row.link, row.published_at) == (None, None)


def test_events_are_stored_with_their_entry_and_linked_to_a_story(session: Session) -> None:
    feed = make_feed(session)
    (entry,) = queries.add_entries(session, feed.id, [make_entry("a")], NOW)
    events = [
        Event(
            company="openai",
            type=EventType.DEPARTURE,
            people=("Sam Altman",),
            role=Role.CEO,
            reason=Reason.DISMISSED,
            confidence=0.93,
            evidence="OpenAI board removes Sam Altman",
        ),
        Event(
            company="openai",
            type=EventType.APPOINTMENT,
            people=("Mira Murati",),
            role=Role.CEO,
            certainty=Certainty.RUMORED,
            interim=True,
            language="fr",
        ),
    ]
    rows = queries.add_events(session, entry.id, events)
    story = make_story(session)
    queries.link_events_to_story(session, [rows[0].id], story.id)
    session.commit()
    session.expire_all()
    stored = session.scalars(select(EventRow).order_by(EventRow.id)).all()
    assert [
        (e.entry_id, e.type, e.people, e.certainty, e.interim, e.reason, e.language, e.story_id)
        for e in stored
    ] == [
        (entry.id, "departure", ["Sam Altman"], "reported", False, "dismissed", "en", story.id),
        (entry.id, "appointment", ["Mira Murati"], "rumored", True, None, "fr", None),
    ]
