"""Feed entries and the events extracted from them.

``add_entries`` is the deduplication point: an entry is new once per
``(feed_id, key)``, however often the feed repeats it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

from sqlalchemy import Table, bindparam, insert, select, update
from sqlalchemy.orm import Session, make_transient_to_detached
from sqlalchemy.orm.attributes import set_committed_value

from tracker.domain import Event, FeedEntry
from tracker.store.tables import EntryRow, EventRow

# SQLite before 3.32 allowed 999 bound parameters per statement; stay under it.
KEY_CHUNK = 900


def add_entries(
    session: Session, feed_id: int, entries: Sequence[FeedEntry], now: datetime
) -> list[EntryRow]:
    """Store ``entries`` of one feed and return the new ones only, in input order.

    A key seen before is not new; if its ``content_hash`` changed, its text,
    link, date and hash are updated (``updated_at`` = ``now``). A key repeated
    within ``entries`` counts once (the first occurrence). Known keys are read
    with one SELECT per 900 keys, not one per entry.
    """
    unique: dict[str, FeedEntry] = {}
    for entry in entries:
        unique.setdefault(entry.key, entry)
    known = _known_entries(session, feed_id, list(unique))
    new_rows: list[EntryRow] = []
    for key, entry in unique.items():
        row = known.get(key)
        if row is None:
            new_rows.append(_new_entry(feed_id, entry, now))
        elif row.content_hash != entry.content_hash:
            _update_entry(row, entry, now)
    _insert_new(session, new_rows)
    session.flush()
    return new_rows


def _insert_new(session: Session, rows: list[EntryRow]) -> None:
    """INSERT ``rows`` in multi-row statements, then attach them as persistent.

    The ORM's own flush sends one INSERT per row on SQLite (it cannot match
    a batch's generated ids back to its objects there); ``(feed_id, key)``
    is unique, so ``RETURNING key, id`` can. Ids come out as the ORM would
    assign them: in input order, the rows being inserted in that order.
    """
    if not rows:
        return
    table: Table = EntryRow.__table__  # type: ignore[assignment]
    columns = [column.key for column in table.columns if column.key != "id"]
    values = [{name: getattr(row, name) for name in columns} for row in rows]
    returning = insert(table).returning(table.c.key, table.c.id)
    ids: dict[str, int] = {key: int(id_) for key, id_ in session.execute(returning, values)}
    for row in rows:
        row.id = ids[row.key]
        make_transient_to_detached(row)
        session.add(row)


def _known_entries(session: Session, feed_id: int, keys: list[str]) -> dict[str, EntryRow]:
    known: dict[str, EntryRow] = {}
    for start in range(0, len(keys), KEY_CHUNK):
        chunk = keys[start : start + KEY_CHUNK]
        query = select(EntryRow).where(EntryRow.feed_id == feed_id, EntryRow.key.in_(chunk))
        known.update((row.key, row) for row in session.scalars(query))
    return known


def _new_entry(feed_id: int, entry: FeedEntry, now: datetime) -> EntryRow:
    return EntryRow(
        feed_id=feed_id,
        key=entry.key,
        link=entry.link,
        title=entry.title,
        summary=entry.summary,
        published_at=entry.published,
        first_seen_at=now,
        content_hash=entry.content_hash,
        updated_at=now,
    )


def _update_entry(row: EntryRow, entry: FeedEntry, now: datetime) -> None:
    row.title = entry.title
    row.summary = entry.summary
    row.link = entry.link
    row.published_at = entry.published
    row.content_hash = entry.content_hash
    row.updated_at = now


def add_events(session: Session, entry_id: int, events: Sequence[Event]) -> list[EventRow]:
    """Store the events extracted from one entry, in order, with their ids."""
    return add_events_of_entries(session, [(entry_id, events)])[0]


def add_events_of_entries(
    session: Session, found: Sequence[tuple[int, Sequence[Event]]]
) -> list[list[EventRow]]:
    """``add_events`` for many entries with one flush: rows per entry, in input order.

    Ids come out as if each entry's events had been added one entry after
    the other; one flush batches the INSERTs (a poll of a 50-entry feed
    otherwise pays 50 round trips through the unit of work).
    """
    rows = [[_event_row(entry_id, event) for event in events] for entry_id, events in found]
    session.add_all(row for per_entry in rows for row in per_entry)
    session.flush()
    return rows


def _event_row(entry_id: int, event: Event) -> EventRow:
    return EventRow(
        entry_id=entry_id,
        company=event.company,
        type=event.type.value,
        role=event.role.value,
        people=list(event.people),
        certainty=event.certainty.value,
        interim=event.interim,
        reason=event.reason.value if event.reason else None,
        confidence=event.confidence,
        language=event.language,
        evidence=event.evidence,
    )


def link_events_to_story(session: Session, event_ids: Sequence[int], story_id: int) -> None:
    """Record that these events belong to ``story_id``."""
    set_events_story(session, event_ids, story_id)
    session.flush()


def set_events_story(session: Session, event_ids: Sequence[int], story_id: int) -> None:
    """``link_events_to_story`` without the flush: the change goes out with the next one.

    Events already in the session (a poll links the events it has just
    stored) are taken from its identity map; only the others are read.
    """
    missing: list[int] = []
    for event_id in event_ids:
        row = session.identity_map.get(session.identity_key(EventRow, event_id))
        if isinstance(row, EventRow):
            row.story_id = story_id
        else:
            missing.append(event_id)
    if missing:
        for row in session.scalars(select(EventRow).where(EventRow.id.in_(missing))):
            row.story_id = story_id


def set_stories_of_events(session: Session, story_of_event: Mapping[int, int]) -> None:
    """Set ``story_id`` of many events (event id -> story id) in one executemany UPDATE.

    The events' copies in the session get the new value as their stored
    state, so the session agrees with the database without another flush.
    """
    if not story_of_event:
        return
    table: Table = EventRow.__table__  # type: ignore[assignment]
    statement = (
        update(table)
        .where(table.c.id == bindparam("event_id"))
        .values(story_id=bindparam("new_story_id"))
    )
    params = [{"event_id": e, "new_story_id": s} for e, s in story_of_event.items()]
    session.execute(statement, params)
    for event_id, story_id in story_of_event.items():
        row = session.identity_map.get(session.identity_key(EventRow, event_id))
        if isinstance(row, EventRow):
            set_committed_value(row, "story_id", story_id)
