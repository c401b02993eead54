"""A plan written to the database reads back as the pure reference says it should."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy.orm import Session

from tracker.domain import Certainty, EventType, Reason, Role
from tracker.pipeline.cluster import CompanyContext, Observation, Policy
from tracker.pipeline.planner import plan_company
from tracker.pipeline.reference import apply_plan
from tracker.store.views import load_context, write_plan

from .conftest import NOW, make_feed, store_entry

POLICY = Policy(window=timedelta(days=3), max_entry_age=timedelta(days=7))


def _obs(
    entry_id: int, type_: EventType, person: str, certainty: Certainty, hours: int
) -> Observation:
    return Observation(
        company="openai",
        type=type_,
        role=Role.CEO,
        person=person,
        entry_id=entry_id,
        seen_at=NOW,
        link=f"https://example.com/{entry_id}",
        published=NOW - timedelta(hours=hours),
        certainty=certainty,
        reason=Reason.DISMISSED if type_ == EventType.DEPARTURE else None,
    )


def _shape(ctx: CompanyContext) -> tuple[list[Any], list[Any]]:
    stories = sorted(
        (
            s.type,
            s.person_key,
            s.certainty,
            s.occurred_at,
            frozenset(s.entry_ids),
            s.transition_id is not None,
        )
        for s in ctx.stories
    )
    transitions = sorted(
        (t.type, t.person_key, t.occurred_at, t.previous_holder, t.alertable)
        for t in ctx.transitions
    )
    return stories, transitions


def test_written_plan_loads_back_like_the_reference(session: Session) -> None:
    feed = make_feed(session)
    ids = [store_entry(session, feed.id, key).id for key in "abcd"]
    batches = [
        [
            _obs(ids[0], EventType.DEPARTURE, "Sam Altman", Certainty.REPORTED, 40),
            _obs(ids[0], EventType.APPOINTMENT, "Mira Murati", Certainty.REPORTED, 40),
        ],
        [_obs(ids[1], EventType.APPOINTMENT, "Sam Altman", Certainty.RUMORED, 20)],
        [
            _obs(ids[2], EventType.APPOINTMENT, "Sam Altman", Certainty.REPORTED, 2),
            _obs(ids[3], EventType.DEPARTURE, "Sam Altman", Certainty.REPORTED, 39),
        ],
    ]
    reference = CompanyContext("openai")
    since = NOW - timedelta(days=30)
    for batch in batches:
        stored = load_context(session, "openai", since)
        assert _shape(stored) == _shape(reference)
        plan = plan_company(stored, batch, NOW, POLICY)
        write_plan(session, plan, NOW)
        reference = apply_plan(reference, plan_company(reference, batch, NOW, POLICY))
    final = load_context(session, "openai", since)
    assert _shape(final) == _shape(reference)
    assert [t.type for t in sorted(final.transitions, key=lambda t: t.occurred_at)] == [
        EventType.DEPARTURE,
        EventType.APPOINTMENT,
        EventType.REINSTATEMENT,
    ]
    assert plan_company(final, batches[-1], NOW, POLICY).steps == ()
