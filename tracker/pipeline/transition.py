"""From stories to leadership transitions: the rules, and the per-company planner.

Pure: data in, data out; ``now`` is an argument. :func:`plan_company` turns a
batch of :class:`~tracker.pipeline.cluster.Observation` for one company into a
:class:`~tracker.pipeline.cluster.CompanyPlan` (the grouping contract and the
write instructions are documented in ``cluster.py``).

Which reported change becomes which transition, for person P, role R, time t
(t = published, else first seen, never after ``now``):

* an arrival (appointment or reinstatement) is a ``reinstatement`` when P held
  R before t and does not hold it just before t, whatever the wording; also when
  the text says so (the extractor saw "returns", "reinstated") even without
  history (:func:`arrival_type`). A *rumour* of a return is a rumoured story,
  never a transition.
* an arrival records ``previous_holder``: who held R just before t, if someone
  else (:func:`previous_holder`); it ends an interim's tenure.
* a change that would not alter the state at t is *redundant*
  (:func:`redundant_with`): the current holder appointed again with the same
  interim flag, the departure of someone whose last move in R was already a
  departure, a director joining twice. It becomes a source of the earlier
  change's story, never a second transition.
* ``alertable`` iff t >= ``now - max_entry_age`` (:func:`is_alertable`):
  older entries update history without alerting.

Known limits: a departure fetched after the return it precedes keeps the
return typed ``appointment`` (a stored transition is never retyped); an
interim-to-permanent change reported within the window of the interim
appointment joins that story.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from tracker.domain import EventType, Reason, Role
from tracker.pipeline.cluster import (
    Policy,
)
from tracker.pipeline.history import (
    ARRIVALS,
    SINGLE_HOLDER_ROLES,
    TransitionView,
    holder_at,
    joins,
    last_move,
)


def arrival_type(
    transitions: Iterable[TransitionView],
    *,
    said: EventType,
    role: Role,
    person_key: str,
    at: datetime,
) -> EventType:
    """The type to record for an arrival the text calls ``said`` (see module doc)."""
    if said == EventType.REINSTATEMENT:
        return said
    history = list(transitions)
    last = last_move(history, role, person_key, at)
    if last is None:
        return EventType.APPOINTMENT
    holder = holder_at(history, role, at)
    if last.type == EventType.DEPARTURE or (holder and holder.person_key != person_key):
        return EventType.REINSTATEMENT
    return EventType.APPOINTMENT


def redundant_with(
    transitions: Iterable[TransitionView],
    *,
    type: EventType,
    role: Role,
    person_key: str,
    interim: bool,
    reason: Reason | None,
    at: datetime,
) -> TransitionView | None:
    """The earlier transition that already records this change, if any."""
    history = list(transitions)
    last = last_move(history, role, person_key, at)
    if last is None:
        return None
    if role not in SINGLE_HOLDER_ROLES:
        return last if joins(type, reason) == joins(last.type, last.reason) else None
    if type == EventType.DEPARTURE:
        return last if last.type == EventType.DEPARTURE else None
    holder = holder_at(history, role, at)
    if holder and holder.person_key == person_key and holder.interim == interim:
        return last
    return None


def previous_holder(
    transitions: Iterable[TransitionView],
    *,
    type: EventType,
    role: Role,
    person_key: str,
    at: datetime,
) -> str | None:
    """For an arrival: the holder it replaces at ``at`` (None if vacant or the same person)."""
    if type not in ARRIVALS:
        return None
    holder = holder_at(transitions, role, at)
    if holder is None or holder.person_key == person_key:
        return None
    return holder.person


def is_alertable(occurred_at: datetime, now: datetime, policy: Policy) -> bool:
    """Only changes that occurred within ``max_entry_age`` of ``now`` alert."""
    return occurred_at >= now - policy.max_entry_age
