"""Transitions: typed by history, never rolled back by late news, alerted only when fresh."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from tracker.domain import Certainty, EventType, Reason, Role
from tracker.pipeline.cluster import (
    AttachSource,
    CompanyContext,
    Observation,
    Policy,
    person_key,
)
from tracker.pipeline.history import TransitionView, board_members, current_leaders
from tracker.pipeline.planner import plan_company
from tracker.pipeline.reference import apply_plan

A, D, R, B = (
    EventType.APPOINTMENT,
    EventType.DEPARTURE,
    EventType.REINSTATEMENT,
    EventType.BOARD_CHANGE,
)
SAM, MIRA, GREG, EMMETT, BRET = (
    "Sam Altman",
    "Mira Murati",
    "Greg Brockman",
    "Emmett Shear",
    "Bret Taylor",
)
POLICY = Policy(window=timedelta(days=3), max_entry_age=timedelta(days=7))


def at(day: int, hour: int = 12, minute: int = 0) -> datetime:
    """A moment in November 2023, UTC."""
    return datetime(2023, 11, day, hour, minute, tzinfo=UTC)


def tv(
    id: int,
    type: EventType,
    person: str,
    day: int,
    *,
    role: Role = Role.CEO,
    interim: bool = False,
    reason: Reason | None = None,
) -> TransitionView:
    return TransitionView(
        id=id,
        company="openai",
        type=type,
        person=person,
        person_key=person_key(person),
        role=role,
        occurred_at=at(day),
        detected_at=at(day),
        story_id=100 + id,
        interim=interim,
        reason=reason,
    )


def ob(
    entry_id: int,
    type: EventType,
    person: str,
    published: datetime,
    *,
    role: Role = Role.CEO,
    certainty: Certainty = Certainty.REPORTED,
    interim: bool = False,
    reason: Reason | None = None,
) -> Observation:
    return Observation(
        company="openai",
        type=type,
        role=role,
        person=person,
        entry_id=entry_id,
        seen_at=published + timedelta(minutes=5),
        link=f"https://news.example/{entry_id}",
        published=published,
        certainty=certainty,
        interim=interim,
        reason=reason,
    )


def plan_on(
    history: list[TransitionView], batch: list[Observation], now: datetime
) -> CompanyContext:
    ctx = CompanyContext("openai", (), tuple(history))
    return apply_plan(ctx, plan_company(ctx, batch, now, POLICY))


def added(ctx: CompanyContext, history: list[TransitionView]) -> list[TransitionView]:
    known = {t.id for t in history}
    return [t for t in ctx.transitions if t.id not in known]


@pytest.mark.parametrize(
    ("history", "expected"),
    [
        ([tv(1, A, "Sam Altman", 1)], {Role.CEO: "Sam Altman"}),
        ([tv(1, A, "Sam Altman", 1), tv(2, D, "Sam Altman", 17)], {}),
        ([tv(1, A, "Sam Altman", 10), tv(2, D, "Sam Altman", 5)], {Role.CEO: "Sam Altman"}),
        ([tv(1, A, "Emmett Shear", 20), tv(2, D, "Sam Altman", 21)], {Role.CEO: "Emmett Shear"}),
        (
            [tv(2, A, "Mira Murati", 17, interim=True), tv(1, A, "Emmett Shear", 20)],
            {Role.CEO: "Emmett Shear"},
        ),
        (
            [
                tv(2, A, "Bret Taylor", 22, role=Role.CHAIR),
                tv(1, B, "Larry Summers", 22, role=Role.DIRECTOR),
            ],
            {Role.CHAIR: "Bret Taylor"},
        ),
        ([tv(1, D, "Greg Brockman", 17, role=Role.PRESIDENT)], {}),
    ],
    ids=[
        "appointed",
        "departed-vacates",
        "departure-dated-before-appointment-keeps-holder",
        "someone-elses-departure-keeps-holder",
        "interim-replaced",
        "directors-are-not-leaders",
        "departure-without-known-holder",
    ],
)
def test_current_leaders_fold_transitions_in_occurred_order(
    history: list[TransitionView], expected: dict[Role, str]
) -> None:
    assert {r: leader.person for r, leader in current_leaders(history).items()} == expected


@pytest.mark.parametrize(
    ("history", "expected"),
    [
        ([tv(1, B, "Larry Summers", 22, role=Role.DIRECTOR)], ["Larry Summers"]),
        (
            [
                tv(1, B, "Helen Toner", 1, role=Role.DIRECTOR),
                tv(2, B, "Helen Toner", 22, role=Role.DIRECTOR, reason=Reason.RESIGNED),
            ],
            [],
        ),
        (
            [
                tv(1, A, "Adam D'Angelo", 1, role=Role.DIRECTOR),
                tv(2, D, "Adam D'Angelo", 5, role=Role.DIRECTOR),
            ],
            [],
        ),
        (
            [
                tv(1, A, "Bret Taylor", 22, role=Role.CHAIR),
                tv(2, B, "Bret Taylor", 22, role=Role.DIRECTOR),
            ],
            ["Bret Taylor"],
        ),
    ],
    ids=["joins", "leaves-with-reason", "director-departure", "chair-counted-once"],
)
def test_board_members_follow_director_transitions(
    history: list[TransitionView], expected: list[str]
) -> None:
    assert board_members(history) == expected


@pytest.mark.parametrize(
    ("history", "said", "expected"),
    [
        ([tv(1, A, "Sam Altman", 1), tv(2, D, "Sam Altman", 17)], A, R),
        ([tv(1, D, "Sam Altman", 17)], A, R),
        ([tv(1, A, "Mira Murati", 17, interim=True), tv(2, A, "Emmett Shear", 20)], A, R),
        ([], R, R),
        ([], A, A),
        ([tv(1, A, "Sam Altman", 1, role=Role.PRESIDENT)], A, A),
    ],
    ids=[
        "left-then-named-again",
        "departure-only-in-history",
        "replaced-then-named-again",
        "text-says-return-without-history",
        "first-appointment",
        "held-another-role",
    ],
)
def test_person_returning_to_a_role_they_left_is_a_reinstatement(
    history: list[TransitionView], said: EventType, expected: EventType
) -> None:
    person = MIRA if any(t.person == MIRA for t in history) else SAM
    ctx = plan_on(history, [ob(1, said, person, at(22))], at(22, 13))
    (new,) = added(ctx, history)
    assert new.type == expected


@pytest.mark.parametrize("said", [R, A], ids=["worded-as-return", "worded-as-appointment"])
def test_rumour_of_return_is_not_a_reinstatement(said: EventType) -> None:
    history = [tv(1, D, "Sam Altman", 17, reason=Reason.DISMISSED)]
    rumour = ob(5, said, "Sam Altman", at(18, 21), certainty=Certainty.RUMORED)
    ctx = plan_on(history, [rumour], at(19))
    assert ctx.transitions == tuple(history)
    (story,) = ctx.stories
    assert (story.type, story.certainty, story.transition_id) == (R, Certainty.RUMORED, None)


@pytest.mark.parametrize(
    ("successor", "previous", "interim_after"),
    [("Emmett Shear", "Mira Murati", False), ("Mira Murati", None, False)],
    ids=["someone-else", "interim-made-permanent"],
)
def test_interim_is_replaced_by_permanent_appointment(
    successor: str, previous: str | None, interim_after: bool
) -> None:
    history = [tv(1, A, "Mira Murati", 17, interim=True)]
    ctx = plan_on(history, [ob(1, A, successor, at(25))], at(25, 13))
    (new,) = added(ctx, history)
    assert (new.type, new.previous_holder) == (A, previous)
    leader = current_leaders(ctx.transitions)[Role.CEO]
    assert (leader.person, leader.interim) == (successor, interim_after)


@pytest.mark.parametrize(
    "late",
    [
        ob(9, D, "Sam Altman", at(17, 20, 28), reason=Reason.DISMISSED),
        ob(9, A, "Mira Murati", at(17, 20, 28), interim=True),
        ob(9, A, "Emmett Shear", at(20, 5), interim=True),
    ],
    ids=["old-dismissal", "old-interim-appointment", "old-second-interim"],
)
def test_old_story_fetched_late_does_not_roll_back_the_ceo(late: Observation) -> None:
    history = [tv(1, R, "Sam Altman", 22)]
    ctx = plan_on(history, [late], at(23))
    (new,) = added(ctx, history)
    assert new.occurred_at == late.published
    assert current_leaders(ctx.transitions)[Role.CEO].person == "Sam Altman"


@pytest.mark.parametrize(
    ("age", "alertable"),
    [
        (timedelta(days=6), True),
        (timedelta(days=7), True),
        (timedelta(days=8), False),
        (timedelta(days=400), False),
    ],
    ids=["six-days", "exactly-max-age", "eight-days", "a-year"],
)
def test_entry_older_than_max_age_updates_history_without_alert(
    age: timedelta, alertable: bool
) -> None:
    now = at(30)
    ctx = plan_on([], [ob(1, D, "Sam Altman", now - age)], now)
    (new,) = ctx.transitions
    assert (new.occurred_at, new.alertable) == (now - age, alertable)
    assert current_leaders(ctx.transitions) == {}


@pytest.mark.parametrize(
    "history",
    [
        [tv(1, A, "Sam Altman", 1)],
        [tv(1, A, "Mira Murati", 1, interim=True), tv(2, A, "Sam Altman", 2)],
    ],
    ids=["sole-history", "after-replacing-interim"],
)
def test_current_holder_named_again_later_is_no_new_transition(
    history: list[TransitionView],
) -> None:
    ctx = plan_on(history, [ob(7, A, "Sam Altman", at(20))], at(20, 13))
    assert added(ctx, history) == []
    assert 7 in ctx.transitions[-1].entry_ids


# --- OpenAI, November 2023 ---------------------------------------------------

BOARD = ("Bret Taylor", "Larry Summers", "Adam D'Angelo")
RUMOURED, DENIED = Certainty.RUMORED, Certainty.DENIED

# (poll time, observations fetched in that poll)
OPENAI_POLLS: list[tuple[datetime, list[Observation]]] = [
    (
        at(17, 21),
        [
            ob(101, D, SAM, at(17, 20, 28), reason=Reason.DISMISSED),
            ob(101, A, MIRA, at(17, 20, 28), interim=True),
            ob(101, D, GREG, at(17, 20, 28), role=Role.CHAIR),
            ob(102, D, "Altman", at(17, 20, 40), reason=Reason.DISMISSED),
        ],
    ),
    (
        at(18, 22),
        [
            ob(103, D, GREG, at(18, 0, 30), role=Role.PRESIDENT, reason=Reason.RESIGNED),
            ob(104, R, SAM, at(18, 21), certainty=RUMOURED),
        ],
    ),
    (
        at(20, 6),
        [
            ob(105, A, SAM, at(19, 10), certainty=RUMOURED),
            ob(106, A, EMMETT, at(20, 5), interim=True),
            ob(106, R, SAM, at(20, 5), certainty=DENIED),
        ],
    ),
    (
        at(22, 8),
        [
            ob(107, R, SAM, at(22, 6)),
            ob(107, A, BRET, at(22, 6), role=Role.CHAIR),
            *(ob(107, B, name, at(22, 6), role=Role.DIRECTOR) for name in BOARD),
            ob(108, A, "Sam Altman", at(22, 7, 30)),
        ],
    ),
    (at(23, 9), [ob(109, D, SAM, at(17, 21, 15), reason=Reason.DISMISSED)]),
]


def run_openai(batches: list[tuple[datetime, list[Observation]]]) -> CompanyContext:
    ctx = CompanyContext("openai")
    for now, batch in batches:
        ctx = apply_plan(ctx, plan_company(ctx, batch, now, POLICY))
    return ctx


@pytest.mark.parametrize(
    "batches",
    [
        OPENAI_POLLS,
        [(at(23, 9), [o for _, batch in OPENAI_POLLS for o in batch])],
        [*OPENAI_POLLS, *OPENAI_POLLS],
    ],
    ids=["five-polls", "one-poll", "every-poll-twice"],
)
def test_openai_november_2023_ends_with_altman_ceo_and_taylor_chair(
    batches: list[tuple[datetime, list[Observation]]],
) -> None:
    ctx = run_openai(batches)
    leaders = current_leaders(ctx.transitions)
    assert {r: (x.person, x.interim) for r, x in leaders.items()} == {
        Role.CEO: (SAM, False),
        Role.CHAIR: (BRET, False),
    }
    assert board_members(ctx.transitions) == sorted(BOARD)
    changes = sorted((t.type, t.role, t.person, t.previous_holder) for t in ctx.transitions)
    assert changes == sorted(
        [
            (D, Role.CEO, SAM, None),
            (A, Role.CEO, MIRA, None),
            (D, Role.CHAIR, GREG, None),
            (D, Role.PRESIDENT, GREG, None),
            (A, Role.CEO, EMMETT, MIRA),
            (R, Role.CEO, SAM, EMMETT),
            (A, Role.CHAIR, BRET, None),
            *((B, Role.DIRECTOR, name, None) for name in BOARD),
        ]
    )
    sources = {(t.type, t.role, t.person_key): t.entry_ids for t in ctx.transitions}
    assert sources[(D, Role.CEO, "altman")] == {101, 102, 109}
    assert sources[(R, Role.CEO, "altman")] == {107, 108}
    (rumour,) = [s for s in ctx.stories if s.transition_id is None]
    assert (rumour.certainty, rumour.entry_ids) == (DENIED, frozenset({104, 105, 106}))
    assert min(t.occurred_at for t in ctx.transitions) == at(17, 20, 28)


def test_report_of_an_old_change_joins_its_story_even_when_that_story_is_not_loaded() -> None:
    history = [tv(1, D, SAM, 1, reason=Reason.DISMISSED)]
    later = ob(7, D, SAM, at(20))
    ctx = CompanyContext("openai", (), tuple(history))
    plan = plan_company(ctx, [later], at(20, 13), POLICY)
    assert plan.steps == (AttachSource(history[0].story_id, later),)
    assert plan_company(apply_plan(ctx, plan), [later], at(21), POLICY).steps == ()


@pytest.mark.parametrize(
    ("history", "type", "reason", "new", "members"),
    [
        ([], A, None, 1, ["Larry Summers"]),
        ([tv(1, B, "Larry Summers", 22, role=Role.DIRECTOR)], A, None, 0, ["Larry Summers"]),
        ([tv(1, B, "Larry Summers", 22, role=Role.DIRECTOR)], B, None, 0, ["Larry Summers"]),
        ([tv(1, B, "Larry Summers", 22, role=Role.DIRECTOR)], B, Reason.RESIGNED, 1, []),
    ],
    ids=["joins", "joins-again-worded-as-appointment", "joins-again", "leaves"],
)
def test_director_joining_twice_is_one_transition(
    history: list[TransitionView],
    type: EventType,
    reason: Reason | None,
    new: int,
    members: list[str],
) -> None:
    later = ob(8, type, "Larry Summers", at(28), role=Role.DIRECTOR, reason=reason)
    ctx = plan_on(history, [later], at(28, 13))
    assert [t.previous_holder for t in added(ctx, history)] == [None] * new
    assert board_members(ctx.transitions) == members
