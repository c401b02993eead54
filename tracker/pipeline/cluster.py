"""From extracted events to stories: one story per change, every source listed.

Pure: data in, data out. The orchestrator (``poll.py``) does, per company and
in one transaction::

    obs = [o for e in extracted for o in observations_from_event(e, entry_id=..., ...)]
    ctx = CompanyContext(company, stories=<recent StoryRows>, transitions=<all TransitionRows>)
    plan = planner.plan_company(ctx, obs, now, Policy(window, max_entry_age))
    for step in plan.steps: write it (each step class says how; reference.apply_plan is the
                                      reference semantics)

Every observation a step carries becomes a ``story_sources`` row (entry_id,
link, certainty, seen_at) and sets ``events.story_id`` of ``event_id``. Alerts:
one outbox row per channel for each ``NewTransition`` with ``alertable``; with
``alert_rumors``, for each ``NewStory`` whose certainty is rumored.

``ctx.stories`` must hold at least the company's stories whose ``occurred_at``
is within ``window`` of the oldest observation (loading
``occurred_at >= now - max_entry_age - window`` is enough); more is harmless.
``ctx.transitions`` holds all of the company's transitions. ``entry_ids`` on
both views are their ``story_sources.entry_id`` values.

A *change* is ``(company, kind, role, person_key)`` where kind is departure,
arrival (appointment or reinstatement: one outlet's "names X CEO" is another's
"X returns") or board_change. Observations of the same change whose occurred
times (published, else seen; never after ``now``) are within ``window`` of a
story's are one story, whichever feed or poll they come from. Certainty:

* reported, no story -> :class:`NewStory` with a :class:`NewTransition`;
  matching a rumoured (or denied) story -> :class:`Promote`; matching a
  reported story -> :class:`AttachSource`;
* rumored -> a story with certainty rumored and no transition;
* denied -> :class:`Deny` on the matching rumour (the denial is a source of
  the rumour, never a transition), else a story with certainty denied.

A reported change already recorded by an older transition (outside the
window) is attached to that transition's story instead of a second transition
(see ``transition.redundant_with``); an older report of a recorded change
moves its transition back in time (``AttachSource.moved_to``). Observations
of one batch that belong to
one new story are merged into one ``NewStory`` with several sources. Planning
the same observations again against the context that now holds the results
yields an empty plan.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, fields
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, TypeVar

from tracker.domain import Certainty, Event, EventType, Reason, Role
from tracker.pipeline.history import ARRIVALS, TransitionView

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_D = TypeVar("_D", bound="DataclassInstance")


def copy_as(cls: type[_D], source: DataclassInstance, **extra: Any) -> _D:
    """A ``cls`` from the same-named dataclass fields of ``source``, overridden by ``extra``."""
    names = {f.name for f in fields(cls)} & {f.name for f in fields(source)}
    return cls(**{n: getattr(source, n) for n in names - extra.keys()}, **extra)


def person_key(name: str) -> str:
    """Accent- and case-folded surname: the last token, ignoring Jr/Sr/II/III/IV.

    "Léo Apotheker", "Leo Apotheker" and "Apotheker" share a key.
    """
    text = unicodedata.normalize("NFKD", name.replace("\u2019", "'"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    tokens = [t.strip('.,;:()"') for t in text.split()]
    tokens = [t for t in tokens if t and t not in _SUFFIXES]
    return tokens[-1] if tokens else ""


def change_kind(type: EventType) -> str:
    """Appointment and reinstatement are one kind: outlets word a return either way."""
    return "arrival" if type in ARRIVALS else type.value


@dataclass(frozen=True)
class Observation:
    """One extracted event for one person, with where and when it was seen."""

    company: str
    type: EventType
    role: Role
    person: str
    entry_id: int
    seen_at: datetime
    link: str | None = None
    published: datetime | None = None
    certainty: Certainty = Certainty.REPORTED
    interim: bool = False
    reason: Reason | None = None
    confidence: float = 0.5
    language: str = "en"
    evidence: str = ""
    event_id: int | None = None  # the ``events`` row, so the writer can set its story_id
    # An undated entry in the first fetch of a feed: its age is unknown, so it may
    # be old news from the feed's backlog. It updates history, never alerts.
    backlog: bool = False

    @property
    def person_key(self) -> str:
        """See :func:`person_key`."""
        return person_key(self.person)

    def occurred_at(self, now: datetime) -> datetime:
        """Published time if known, else first seen; never after ``now``."""
        return min(self.published or self.seen_at, now)


def observations_from_event(
    event: Event,
    *,
    entry_id: int,
    seen_at: datetime,
    link: str | None = None,
    published: datetime | None = None,
    event_id: int | None = None,
    backlog: bool = False,
) -> tuple[Observation, ...]:
    """One observation per named person; a board change is role ``director`` for each.

    An event naming nobody ("the CFO resigned") yields nothing: a change is
    keyed by person.
    """
    role = Role.DIRECTOR if event.type == EventType.BOARD_CHANGE else event.role
    return tuple(
        copy_as(
            Observation,
            event,
            role=role,
            person=name,
            seen_at=seen_at,
            published=published,
            entry_id=entry_id,
            event_id=event_id,
            link=link,
            backlog=backlog,
        )
        for name in dict.fromkeys(event.people)
        if person_key(name)
    )


@dataclass(frozen=True)
class StoryView:
    """The fields of a stored ``stories`` row that grouping reads."""

    id: int
    company: str
    type: EventType
    role: Role
    person: str
    person_key: str
    certainty: Certainty
    occurred_at: datetime
    first_seen_at: datetime
    last_seen_at: datetime
    interim: bool = False
    reason: Reason | None = None
    denied_at: datetime | None = None
    transition_id: int | None = None
    entry_ids: frozenset[int] = frozenset()


@dataclass(frozen=True)
class CompanyContext:
    """What the store loads for one company before planning (see module doc)."""

    company: str
    stories: tuple[StoryView, ...] = ()
    transitions: tuple[TransitionView, ...] = ()


@dataclass(frozen=True)
class Policy:
    """Tunables of grouping and alerting.

    ``window``: observations of one change whose occurred times are at most this
    far from a story's are that story. ``max_entry_age``: a transition that
    occurred before ``now - max_entry_age`` is history only, never alerted.
    """

    window: timedelta = timedelta(days=3)
    max_entry_age: timedelta = timedelta(days=7)


@dataclass(frozen=True)
class NewTransition:
    """A transition to insert (``certainty`` is always reported)."""

    company: str
    type: EventType
    person: str
    person_key: str
    role: Role
    interim: bool
    reason: Reason | None
    occurred_at: datetime
    detected_at: datetime
    alertable: bool
    previous_holder: str | None
    certainty: Certainty = Certainty.REPORTED


@dataclass(frozen=True)
class NewStory:
    """Insert a ``stories`` row, one ``story_sources`` row per source, and the transition.

    Write: story fields as given; ``transition`` (if any) with ``story_id`` = the
    new story, then ``stories.transition_id``.
    """

    company: str
    type: EventType
    role: Role
    person: str
    person_key: str
    certainty: Certainty
    interim: bool
    reason: Reason | None
    confidence: float
    language: str
    evidence: str
    occurred_at: datetime
    first_seen_at: datetime
    last_seen_at: datetime
    sources: tuple[Observation, ...]
    denied_at: datetime | None = None
    transition: NewTransition | None = None


@dataclass(frozen=True)
class AttachSource:
    """Add ``observation`` as a source of story ``story_id``; bump its ``last_seen_at``.

    ``moved_to``: this report shows the change happened earlier than recorded;
    lower the story's ``occurred_at`` and its transition's to it (an alert
    already decided stays as it is).
    """

    story_id: int
    observation: Observation
    moved_to: datetime | None = None


@dataclass(frozen=True)
class Promote:
    """A rumoured (or denied) story is now reported: add the source, set certainty
    ``reported`` and the type to the transition's, insert ``transition`` and set
    ``stories.transition_id``."""

    story_id: int
    observation: Observation
    transition: NewTransition


@dataclass(frozen=True)
class Deny:
    """A denial of rumour ``story_id``: add the source, set certainty ``denied``
    and ``denied_at``. Never a transition."""

    story_id: int
    observation: Observation
    denied_at: datetime


Step = NewStory | AttachSource | Promote | Deny


@dataclass(frozen=True)
class CompanyPlan:
    """The writes for one company, to apply in one transaction, in order."""

    company: str
    steps: tuple[Step, ...] = ()

    @property
    def transitions(self) -> tuple[NewTransition, ...]:
        """Every transition the plan inserts."""
        found: list[NewTransition] = []
        for step in self.steps:
            if isinstance(step, NewStory | Promote) and step.transition is not None:
                found.append(step.transition)
        return tuple(found)
