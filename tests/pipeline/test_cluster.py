"""Stories: one per change, every source listed, rumours and denials kept apart."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from tracker.domain import Certainty, Event, EventType, Reason, Role
from tracker.pipeline.cluster import (
    AttachSource,
    CompanyContext,
    CompanyPlan,
    Deny,
    NewStory,
    Observation,
    Policy,
    Promote,
    observations_from_event,
    person_key,
)
from tracker.pipeline.planner import plan_company
from tracker.pipeline.reference import apply_plan

NOW = datetime(2023, 11, 18, 12, 0, tzinfo=UTC)
POLICY = Policy(window=timedelta(days=3), max_entry_age=timedelta(days=7))

DEPARTED = Event("openai", EventType.DEPARTURE, ("Sam Altman",), Role.CEO, reason=Reason.DISMISSED)


def obs(
    entry_id: int,
    *,
    hours_ago: float = 1.0,
    type: EventType = EventType.DEPARTURE,
    person: str = "Sam Altman",
    role: Role = Role.CEO,
    certainty: Certainty = Certainty.REPORTED,
    company: str = "openai",
) -> Observation:
    """An observation published ``hours_ago`` before NOW, seen at NOW."""
    return Observation(
        company=company,
        type=type,
        role=role,
        person=person,
        entry_id=entry_id,
        seen_at=NOW,
        link=f"https://news.example/{entry_id}",
        published=NOW - timedelta(hours=hours_ago),
        certainty=certainty,
    )


def run(batches: list[list[Observation]]) -> tuple[CompanyContext, list[CompanyPlan]]:
    """Plan and apply each batch in turn, as successive polls would."""
    ctx = CompanyContext("openai")
    plans = []
    for batch in batches:
        plan = plan_company(ctx, batch, NOW, POLICY)
        ctx = apply_plan(ctx, plan)
        plans.append(plan)
    return ctx, plans


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Léo Apotheker", "apotheker"),
        ("Leo Apotheker", "apotheker"),
        ("APOTHEKER", "apotheker"),
        ("Martin Luther King Jr.", "king"),
        ("Henry Ford II", "ford"),
        ("Adam D’Angelo", "d'angelo"),
        ("Herbert Weiß", "weiss"),
        ("  ", ""),
    ],
    ids=[
        "accented",
        "plain",
        "surname-only",
        "jr",
        "roman-suffix",
        "curly-apostrophe",
        "eszett",
        "blank",
    ],
)
def test_person_key_folds_accents_case_and_suffixes(name: str, key: str) -> None:
    assert person_key(name) == key


@pytest.mark.parametrize(
    ("event", "expected"),
    [
        (DEPARTED, [("Sam Altman", Role.CEO)]),
        (
            Event("openai", EventType.BOARD_CHANGE, ("Bret Taylor", "Larry Summers"), Role.CHAIR),
            [("Bret Taylor", Role.DIRECTOR), ("Larry Summers", Role.DIRECTOR)],
        ),
        (
            Event("acme", EventType.DEPARTURE, ("Ann Lee", "Bo Chan", "Ann Lee"), Role.OTHER_EXEC),
            [("Ann Lee", Role.OTHER_EXEC), ("Bo Chan", Role.OTHER_EXEC)],
        ),
        (Event("acme", EventType.DEPARTURE, (), Role.CFO), []),
    ],
    ids=["one-person", "board-change-per-director", "several-people-deduplicated", "nobody-named"],
)
def test_event_becomes_one_observation_per_person(
    event: Event, expected: list[tuple[str, Role]]
) -> None:
    found = observations_from_event(
        event, entry_id=7, seen_at=NOW, link="https://x.example/a", event_id=70
    )
    assert [(o.person, o.role) for o in found] == expected
    assert all((o.entry_id, o.event_id, o.type) == (7, 70, event.type) for o in found)


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        (NOW - timedelta(hours=5), NOW - timedelta(hours=5)),
        (None, NOW),
        (NOW + timedelta(hours=3), NOW),
    ],
    ids=["published", "unknown-uses-seen", "future-clamped-to-now"],
)
def test_occurred_time_is_published_else_seen_never_future(
    published: datetime | None, expected: datetime
) -> None:
    (o,) = observations_from_event(DEPARTED, entry_id=1, seen_at=NOW, published=published)
    assert o.occurred_at(NOW) == expected


@pytest.mark.parametrize(
    "batches",
    [
        [[obs(1), obs(2, hours_ago=2), obs(3, hours_ago=30)]],
        [[obs(1)], [obs(2, hours_ago=2)], [obs(3, hours_ago=30)]],
        [[obs(3, hours_ago=30)], [obs(1), obs(2, person="Altman")]],
    ],
    ids=["one-poll", "three-polls", "late-first-then-surname-only"],
)
def test_same_change_from_three_feeds_is_one_transition_with_three_sources(
    batches: list[list[Observation]],
) -> None:
    ctx, _ = run(batches)
    (story,) = ctx.stories
    (transition,) = ctx.transitions
    assert story.entry_ids == {1, 2, 3}
    assert transition.entry_ids == {1, 2, 3}
    assert transition.person == "Sam Altman"
    assert transition.occurred_at == NOW - timedelta(hours=30)


def test_same_person_in_another_role_is_another_story() -> None:
    ctx, _ = run([[obs(1), obs(2, role=Role.DIRECTOR)]])
    assert sorted(s.role for s in ctx.stories) == [Role.CEO, Role.DIRECTOR]


def test_rumour_alone_makes_a_rumoured_story_without_transition() -> None:
    ctx, (plan,) = run([[obs(1, certainty=Certainty.RUMORED), obs(2, certainty=Certainty.RUMORED)]])
    (story,) = ctx.stories
    assert (story.certainty, story.transition_id, story.entry_ids) == (
        Certainty.RUMORED,
        None,
        frozenset({1, 2}),
    )
    assert plan.transitions == ()


@pytest.mark.parametrize(
    "batches",
    [
        [[obs(1, certainty=Certainty.RUMORED, hours_ago=20)], [obs(2)]],
        [[obs(1, certainty=Certainty.RUMORED, hours_ago=20), obs(2)]],
    ],
    ids=["later-poll", "same-poll"],
)
def test_report_after_rumour_promotes_the_story_once(batches: list[list[Observation]]) -> None:
    ctx, plans = run([*batches, [obs(3, hours_ago=0.5)]])
    (story,) = ctx.stories
    (transition,) = ctx.transitions
    assert story.certainty == Certainty.REPORTED
    assert story.transition_id == transition.id
    assert transition.occurred_at == NOW - timedelta(hours=1)  # when reported, not rumoured
    assert isinstance(plans[-1].steps[0], AttachSource)
    assert sum(len(p.transitions) for p in plans) == 1
    if len(batches) == 2:
        assert isinstance(plans[1].steps[0], Promote)


@pytest.mark.parametrize(
    "batches",
    [
        [[obs(1, certainty=Certainty.RUMORED, hours_ago=20)], [obs(2, certainty=Certainty.DENIED)]],
        [[obs(1, certainty=Certainty.RUMORED, hours_ago=20), obs(2, certainty=Certainty.DENIED)]],
    ],
    ids=["later-poll", "same-poll"],
)
def test_denial_attaches_to_the_rumour(batches: list[list[Observation]]) -> None:
    ctx, plans = run(batches)
    (story,) = ctx.stories
    assert story.certainty == Certainty.DENIED
    assert story.denied_at == NOW - timedelta(hours=1)
    assert story.entry_ids == {1, 2}
    assert ctx.transitions == ()
    if len(batches) == 2:
        assert plans[1].steps == (Deny(story.id, batches[1][0], NOW - timedelta(hours=1)),)


def test_denial_without_rumour_is_a_denied_story() -> None:
    _, (plan,) = run([[obs(1, certainty=Certainty.DENIED)]])
    (step,) = plan.steps
    assert isinstance(step, NewStory)
    assert (step.certainty, step.denied_at, step.transition) == (
        Certainty.DENIED,
        NOW - timedelta(hours=1),
        None,
    )


def test_denial_does_not_undo_a_reported_change() -> None:
    ctx, _ = run([[obs(1, hours_ago=5)], [obs(2, certainty=Certainty.DENIED)]])
    (story,) = ctx.stories
    assert story.certainty == Certainty.REPORTED
    assert story.entry_ids == {1, 2}
    assert len(ctx.transitions) == 1


@pytest.mark.parametrize(
    ("hours_apart", "stories"),
    [(71, 1), (73, 1), (24 * 20, 1)],
    ids=["inside-window", "outside-window-still-redundant", "weeks-later"],
)
def test_departure_reported_again_later_is_not_a_second_transition(
    hours_apart: float, stories: int
) -> None:
    ctx, _ = run([[obs(1, hours_ago=hours_apart + 1)], [obs(2)]])
    assert len(ctx.stories) == stories
    (transition,) = ctx.transitions
    assert transition.entry_ids == {1, 2}


def test_observations_of_another_company_are_ignored() -> None:
    _, (plan,) = run([[obs(1, company="acme")]])
    assert plan.steps == ()


@pytest.mark.parametrize(
    "batch",
    [
        [obs(1), obs(2, hours_ago=40), obs(3, type=EventType.APPOINTMENT, person="Mira Murati")],
        [obs(1, certainty=Certainty.RUMORED), obs(2, certainty=Certainty.DENIED)],
        [obs(1, certainty=Certainty.RUMORED, hours_ago=9), obs(2)],
        [obs(1, hours_ago=24 * 10), obs(2)],
        [obs(1, type=EventType.BOARD_CHANGE, role=Role.DIRECTOR, person="Larry Summers")],
    ],
    ids=["reported", "rumour-denied", "rumour-promoted", "redundant-later-report", "board"],
)
def test_planning_the_same_observations_again_changes_nothing(batch: list[Observation]) -> None:
    ctx, _ = run([batch])
    again = plan_company(ctx, batch, NOW + timedelta(hours=1), POLICY)
    assert again.steps == ()
    assert apply_plan(ctx, again) == ctx


def test_report_after_a_denied_rumour_still_becomes_the_transition() -> None:
    ctx, plans = run(
        [
            [obs(1, certainty=Certainty.RUMORED, hours_ago=40)],
            [obs(2, certainty=Certainty.DENIED, hours_ago=20)],
            [obs(3)],
        ]
    )
    (story,) = ctx.stories
    (transition,) = ctx.transitions
    assert isinstance(plans[2].steps[0], Promote)
    assert (story.certainty, story.denied_at) == (Certainty.REPORTED, NOW - timedelta(hours=20))
    assert (story.transition_id, transition.entry_ids) == (transition.id, frozenset({1, 2, 3}))
