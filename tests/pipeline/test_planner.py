"""The planner dates a departure told as background to the same person's return."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tracker.domain import EventType, Reason, Role
from tracker.pipeline.cluster import CompanyContext, Observation, Policy
from tracker.pipeline.history import current_leaders
from tracker.pipeline.planner import plan_company
from tracker.pipeline.reference import apply_plan

POLICY = Policy(window=timedelta(days=3), max_entry_age=timedelta(days=7))
FIRED = datetime(2023, 11, 17, 20, 0, tzinfo=UTC)
RETURNED = datetime(2023, 11, 22, 9, 0, tzinfo=UTC)


def obs(
    entry_id: int, type_: EventType, when: datetime, reason: Reason | None = None
) -> Observation:
    return Observation(
        company="openai",
        type=type_,
        role=Role.CEO,
        person="Sam Altman",
        entry_id=entry_id,
        seen_at=when,
        link=f"https://news.example/{entry_id}",
        published=when,
        reason=reason,
    )


def _fold(ctx: CompanyContext, batch: list[Observation], now: datetime) -> CompanyContext:
    return apply_plan(ctx, plan_company(ctx, batch, now, POLICY))


def test_recap_of_a_firing_after_the_return_is_recorded_joins_the_firing() -> None:
    early_return = RETURNED - timedelta(hours=3)
    ctx = CompanyContext("openai")
    ctx = _fold(ctx, [obs(1, EventType.DEPARTURE, FIRED, Reason.DISMISSED)], FIRED)
    ctx = _fold(ctx, [obs(2, EventType.REINSTATEMENT, early_return)], early_return)
    # Later that day, another outlet's article tells the firing again and the return.
    recap = [
        obs(3, EventType.DEPARTURE, RETURNED, Reason.DISMISSED),
        obs(3, EventType.REINSTATEMENT, RETURNED),
    ]
    ctx = _fold(ctx, recap, RETURNED)
    departures = [t for t in ctx.transitions if t.type == EventType.DEPARTURE]
    assert len(departures) == 1
    assert departures[0].entry_ids == {1, 3}
    assert len(ctx.transitions) == 2
    assert current_leaders(ctx.transitions)[Role.CEO].person == "Sam Altman"


def test_firing_first_seen_in_a_return_story_is_dated_before_the_return() -> None:
    recap = [
        obs(7, EventType.DEPARTURE, RETURNED, Reason.DISMISSED),
        obs(7, EventType.REINSTATEMENT, RETURNED),
    ]
    ctx = _fold(CompanyContext("openai"), recap, RETURNED)
    kinds = [t.type for t in sorted(ctx.transitions, key=lambda t: t.occurred_at)]
    assert kinds == [EventType.DEPARTURE, EventType.REINSTATEMENT]
    assert current_leaders(ctx.transitions)[Role.CEO].person == "Sam Altman"


def test_departure_and_arrival_of_different_people_are_left_as_they_are() -> None:
    batch = [
        obs(3, EventType.DEPARTURE, RETURNED, Reason.RESIGNED),
        Observation(
            company="openai",
            type=EventType.APPOINTMENT,
            role=Role.CEO,
            person="Emmett Shear",
            entry_id=3,
            seen_at=RETURNED,
            published=RETURNED,
        ),
    ]
    ctx = _fold(CompanyContext("openai"), batch, RETURNED)
    assert {t.occurred_at for t in ctx.transitions} == {RETURNED}
    assert current_leaders(ctx.transitions)[Role.CEO].person == "Emmett Shear"
