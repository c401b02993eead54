"""Stories, their sources, and transitions with their links."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy.orm import Session

from tracker.errors import StoreError
from tracker.store import queries
from tracker.store.tables import StoryRow, TransitionRow

from .conftest import NOW, make_feed, make_story, store_entry

DAY = timedelta(days=1)


def _transition(session: Session, story: StoryRow, **fields: object) -> TransitionRow:
    values: dict[str, object] = {
        "company": story.company,
        "type": story.type,
        "person": story.person,
        "person_key": story.person_key,
        "role": story.role,
        "interim": False,
        "reason": story.reason,
        "certainty": "reported",
        "occurred_at": story.occurred_at,
        "detected_at": NOW,
        "story_id": story.id,
        "alertable": True,
    }
    values.update(fields)
    return queries.add_transition(session, **values)  # type: ignore[arg-type]


def test_a_new_story_is_first_and_last_seen_now(session: Session) -> None:
    story = make_story(session)
    assert (story.id is not None, story.first_seen_at, story.last_seen_at, story.denied_at) == (
        True,
        NOW,
        NOW,
        None,
    )


def test_a_source_is_attached_once_and_moves_last_seen(session: Session) -> None:
    feed = make_feed(session)
    entry = store_entry(session, feed.id, "a")
    story = make_story(session)
    first = queries.add_story_source(
        session, story.id, entry.id, link=entry.link, certainty="rumored", seen_at=NOW + DAY
    )
    again = queries.add_story_source(
        session, story.id, entry.id, link=entry.link, certainty="reported", seen_at=NOW + 2 * DAY
    )
    assert first is not None and again is None
    assert story.last_seen_at == NOW + DAY


@pytest.mark.parametrize(
    ("steps", "certainty", "denied_after"),
    [
        (["reported"], "reported", None),
        (["denied"], "denied", timedelta(0)),
        (["denied", "denied"], "denied", timedelta(0)),
        (["denied", "reported"], "reported", timedelta(0)),
    ],
    ids=["confirmed", "denied", "denied-twice-keeps-first", "denial-overturned-keeps-stamp"],
)
def test_certainty_changes_stamp_the_first_denial(
    session: Session, steps: list[str], certainty: str, denied_after: timedelta | None
) -> None:
    story = make_story(session, certainty="rumored")
    for hours, step in enumerate(steps):
        queries.set_story_certainty(session, story.id, step, now=NOW + timedelta(hours=hours))
    expected = None if denied_after is None else NOW + denied_after
    assert (story.certainty, story.denied_at) == (certainty, expected)


def test_an_unknown_story_is_an_error(session: Session) -> None:
    with pytest.raises(StoreError, match="story 7 does not exist"):
        queries.set_story_certainty(session, 7, "denied", now=NOW)


def test_transitions_come_oldest_first_then_by_id(session: Session) -> None:
    story = make_story(session)
    later = _transition(session, story, occurred_at=NOW + DAY)
    first = _transition(session, story, occurred_at=NOW)
    tie = _transition(session, story, occurred_at=NOW)
    _transition(session, make_story(session, company="other"))
    assert [t.id for t in queries.company_transitions(session, "openai")] == [
        first.id,
        tie.id,
        later.id,
    ]
    assert story.transition_id == tie.id


def test_company_context_holds_recent_stories_and_the_whole_history(session: Session) -> None:
    old = make_story(session, now=NOW - 30 * DAY)
    recent = make_story(session, person_key="murati", now=NOW - DAY)
    make_story(session, company="other", now=NOW)
    old_transition = _transition(session, old)
    stories, transitions = queries.load_company_context(session, "openai", NOW - 7 * DAY)
    assert [s.id for s in stories] == [recent.id]
    assert [t.id for t in transitions] == [old_transition.id]


def test_transition_sources_gather_every_story_without_repeats(session: Session) -> None:
    feed = make_feed(session)
    a = store_entry(session, feed.id, "a")
    b = store_entry(session, feed.id, "b")
    c = store_entry(session, feed.id, "c", link=None)
    first, second = make_story(session), make_story(session)
    queries.add_story_source(session, first.id, a.id, link=None, certainty="reported", seen_at=NOW)
    queries.add_story_source(
        session, second.id, b.id, link="https://b.example", certainty="reported", seen_at=NOW + DAY
    )
    queries.add_story_source(
        session, second.id, a.id, link=a.link, certainty="reported", seen_at=NOW
    )
    queries.add_story_source(session, second.id, c.id, link=None, certainty="reported", seen_at=NOW)
    lonely = _transition(session, make_story(session, person_key="x"))
    transition = _transition(session, first)
    queries.attach_story_to_transition(session, second.id, transition.id)
    sources = queries.transition_sources(session, [transition.id, lonely.id, 999])
    assert sources == {
        transition.id: ["https://example.com/a", "https://b.example"],
        lonely.id: [],
        999: [],
    }
    assert queries.transition_sources(session, []) == {}


def test_rumour_links_of_a_promoted_story_are_not_sources_of_the_transition(
    session: Session,
) -> None:
    feed = make_feed(session)
    rumour, report = store_entry(session, feed.id, "rumour"), store_entry(session, feed.id, "fact")
    story = make_story(session, certainty="rumored")
    queries.add_story_source(
        session, story.id, rumour.id, link=rumour.link, certainty="rumored", seen_at=NOW
    )
    queries.add_story_source(
        session, story.id, report.id, link=report.link, certainty="reported", seen_at=NOW + DAY
    )
    transition = _transition(session, story)
    assert queries.transition_sources(session, [transition.id]) == {
        transition.id: ["https://example.com/fact"]
    }
