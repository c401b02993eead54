"""The outbox: idempotent enqueueing and its depth."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from tracker.store import queries
from tracker.store.queries import OutboxItem
from tracker.store.tables import OutboxRow

from .conftest import NOW, make_story


def _item(dedup_key: str, story_id: int | None = None, **payload: object) -> OutboxItem:
    return OutboxItem(
        kind="transition",
        channel_key="c0ffee",
        dedup_key=dedup_key,
        payload={"title": "OpenAI: Sam Altman out", **payload},
        created_at=NOW,
        next_attempt_at=NOW,
        story_id=story_id,
        give_up_at=NOW + timedelta(days=2),
    )


@pytest.mark.parametrize(
    ("batches", "inserted"),
    [
        ([["t:1:a", "t:1:b"]], [2]),
        ([["t:1:a"], ["t:1:a"]], [1, 0]),
        ([["t:1:a", "t:1:a"]], [1]),
        ([["t:1:a"], ["t:1:a", "t:2:a"]], [1, 1]),
        ([[]], [0]),
    ],
    ids=["distinct", "re-enqueued", "twice-in-one-batch", "partly-known", "empty"],
)
def test_enqueue_ignores_duplicate_dedup_keys(
    session: Session, batches: list[list[str]], inserted: list[int]
) -> None:
    counts = [queries.enqueue(session, [_item(key) for key in batch]) for batch in batches]
    assert counts == inserted
    assert queries.outbox_depth(session) == sum(inserted)


def test_a_duplicate_keeps_the_first_payload_and_survives_commit(
    session_factory: sessionmaker[Session],
) -> None:
    with session_factory.begin() as session:
        story = make_story(session)
        queries.enqueue(session, [_item("t:1:a", story.id, n=1)])
    with session_factory.begin() as session:
        assert queries.enqueue(session, [_item("t:1:a", story.id, n=2)]) == 0
    with session_factory() as session:
        row = session.scalars(select(OutboxRow)).one()
    assert (row.payload["n"], row.status, row.attempts, row.story_id) == (1, "pending", 0, story.id)
    assert (row.next_attempt_at, row.give_up_at) == (NOW, NOW + timedelta(days=2))


def test_depth_counts_pending_alerts_only(session: Session) -> None:
    queries.enqueue(session, [_item(f"t:{i}:a") for i in range(4)])
    session.execute(update(OutboxRow).where(OutboxRow.dedup_key == "t:0:a").values(status="sent"))
    session.execute(update(OutboxRow).where(OutboxRow.dedup_key == "t:1:a").values(status="dead"))
    assert queries.outbox_depth(session) == 2
