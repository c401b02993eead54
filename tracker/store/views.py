"""Stored rows as the pure pipeline's views, and a plan's steps written back.

The orchestrator loads a ``CompanyContext`` here, lets ``cluster.plan_company``
decide, and writes the plan with ``write_plan`` in the same transaction.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.domain import Certainty, EventType, Reason, Role
from tracker.pipeline.cluster import (
    AttachSource,
    CompanyContext,
    CompanyPlan,
    Deny,
    NewStory,
    NewTransition,
    Observation,
    Promote,
    StoryView,
)
from tracker.pipeline.history import TransitionView
from tracker.store import entries, stories
from tracker.store.tables import StoryRow, StorySourceRow, TransitionRow


def _entry_ids_by_story(session: Session, story_ids: Iterable[int]) -> dict[int, set[int]]:
    ids = list(story_ids)
    found: dict[int, set[int]] = defaultdict(set)
    if not ids:
        return found
    for start in range(0, len(ids), entries.KEY_CHUNK):
        query = select(StorySourceRow.story_id, StorySourceRow.entry_id).where(
            StorySourceRow.story_id.in_(ids[start : start + entries.KEY_CHUNK])
        )
        for story_id, entry_id in session.execute(query):
            found[story_id].add(entry_id)
    return found


def _story_view(row: StoryRow, entry_ids: set[int]) -> StoryView:
    return StoryView(
        id=row.id,
        company=row.company,
        type=EventType(row.type),
        role=Role(row.role),
        person=row.person,
        person_key=row.person_key,
        certainty=Certainty(row.certainty),
        occurred_at=row.occurred_at,
        first_seen_at=row.first_seen_at,
        last_seen_at=row.last_seen_at,
        interim=row.interim,
        reason=Reason(row.reason) if row.reason else None,
        denied_at=row.denied_at,
        transition_id=row.transition_id,
        entry_ids=frozenset(entry_ids),
    )


def transition_view(row: TransitionRow, entry_ids: Iterable[int] = ()) -> TransitionView:
    """A stored transition as the pure rules see it."""
    return TransitionView(
        id=row.id,
        company=row.company,
        type=EventType(row.type),
        person=row.person,
        person_key=row.person_key,
        role=Role(row.role),
        occurred_at=row.occurred_at,
        detected_at=row.detected_at,
        story_id=row.story_id,
        interim=row.interim,
        reason=Reason(row.reason) if row.reason else None,
        certainty=Certainty(row.certainty),
        alertable=row.alertable,
        previous_holder=row.previous_holder,
        entry_ids=frozenset(entry_ids),
    )


def load_context(session: Session, company: str, since: datetime) -> CompanyContext:
    """Recent stories and the whole transition history of ``company``."""
    return load_contexts(session, {company: since})[company]


def load_contexts(session: Session, since: Mapping[str, datetime]) -> dict[str, CompanyContext]:
    """``load_context`` of every company in ``since`` (company -> its own since), in 3 queries.

    Companies share no stories, transitions or sources, so loading them all
    before writing any plan reads exactly what loading each just before its
    own plan would.
    """
    loaded = stories.load_company_contexts(session, since)
    story_ids: set[int] = set()
    for rows in loaded.values():
        story_ids |= {s.id for s in rows.stories} | {t.story_id for t in rows.transitions}
    sources = _entry_ids_by_story(session, story_ids)
    return {company: _context(company, rows, sources) for company, rows in loaded.items()}


def _context(
    company: str, loaded: stories.CompanyContext, sources: dict[int, set[int]]
) -> CompanyContext:
    by_transition: dict[int, set[int]] = defaultdict(set)
    for row in loaded.stories:
        if row.transition_id is not None:
            by_transition[row.transition_id] |= sources.get(row.id, set())
    return CompanyContext(
        company=company,
        stories=tuple(_story_view(s, sources.get(s.id, set())) for s in loaded.stories),
        transitions=tuple(
            transition_view(t, sources.get(t.story_id, set()) | by_transition.get(t.id, set()))
            for t in loaded.transitions
        ),
    )


@dataclass(frozen=True)
class WrittenTransition:
    """A transition the plan inserted, with its story, for alerting."""

    id: int
    story_id: int
    transition: NewTransition
    evidence: str
    confidence: float
    language: str


@dataclass(frozen=True)
class WrittenPlan:
    """What ``write_plan`` inserted: transitions and new rumour stories."""

    transitions: tuple[WrittenTransition, ...]
    rumours: tuple[tuple[int, NewStory], ...]


def _insert_transition(session: Session, story_id: int, t: NewTransition) -> int:
    row = TransitionRow(
        company=t.company,
        type=t.type.value,
        person=t.person,
        person_key=t.person_key,
        role=t.role.value,
        interim=t.interim,
        reason=t.reason.value if t.reason else None,
        certainty=t.certainty.value,
        occurred_at=t.occurred_at,
        detected_at=t.detected_at,
        story_id=story_id,
        alertable=t.alertable,
        previous_holder=t.previous_holder,
    )
    return stories.record_transition(session, row).id


def _write_new_story(session: Session, step: NewStory, now: datetime) -> StoryRow:
    row = stories.add_story(
        session,
        company=step.company,
        type=step.type.value,
        role=step.role.value,
        person=step.person,
        person_key=step.person_key,
        certainty=step.certainty.value,
        interim=step.interim,
        reason=step.reason.value if step.reason else None,
        confidence=step.confidence,
        evidence=step.evidence,
        language=step.language,
        occurred_at=step.occurred_at,
        now=now,
    )
    row.denied_at = step.denied_at
    return row


def _move_earlier(session: Session, story_id: int, moved_to: datetime) -> None:
    story = stories.get_story(session, story_id)
    story.occurred_at = min(story.occurred_at, moved_to)
    if story.transition_id is not None:
        transition = session.get(TransitionRow, story.transition_id)
        if transition is not None:
            transition.occurred_at = min(transition.occurred_at, moved_to)


def _hold_rows(session: Session, steps: list[AttachSource | Promote | Deny]) -> list[object]:
    """The stored stories the steps touch, and the transitions they may move, in 2 queries.

    The session's identity map holds rows weakly: the rows ``load_context``
    read may be gone by now, and every ``get_story`` would then be a query.
    Holding them makes those lookups free.
    """
    ids = {s.story_id for s in steps}
    if not ids:
        return []
    rows = list(session.scalars(select(StoryRow).where(StoryRow.id.in_(ids))))
    moving = {s.story_id for s in steps if isinstance(s, AttachSource) and s.moved_to is not None}
    transition_ids = {
        r.transition_id for r in rows if r.id in moving and r.transition_id is not None
    }
    if transition_ids:
        query = select(TransitionRow).where(TransitionRow.id.in_(transition_ids))
        return [*rows, *session.scalars(query)]
    return list(rows)


class _PlanWriter:
    """Writes plans' steps with as few queries and flushes as the ids allow.

    Which sources are already attached is read once for all the plans (a
    new story has none), so attaching one costs no query; new sources and
    event links are collected and sent as two executemany statements at the
    end, story and transition rows in the flushes that fetch new ids and in
    one last flush. Plans must be of different companies (they share no rows).
    """

    def __init__(self, session: Session, plans: Sequence[CompanyPlan], now: datetime) -> None:
        self.session = session
        self.now = now
        self.written: list[WrittenTransition] = []
        self.rumours: list[tuple[int, NewStory]] = []
        stored = [s for plan in plans for s in plan.steps if not isinstance(s, NewStory)]
        self.attached = stories.stored_source_pairs(
            session, ((s.story_id, s.observation.entry_id) for s in stored)
        )
        self.held = _hold_rows(session, stored)
        self.sources: list[stories.NewSource] = []
        self.story_of_event: dict[int, int] = {}

    def write(self, plan: CompanyPlan) -> WrittenPlan:
        """Apply one plan's steps in order (its sources and links wait for ``finish``)."""
        self.written, self.rumours = [], []
        for step in plan.steps:
            if isinstance(step, NewStory):
                self.new_story(step)
            else:
                self.stored_story(step)
        return WrittenPlan(tuple(self.written), tuple(self.rumours))

    def add_source(self, story: StoryRow, obs: Observation, seen_at: datetime) -> None:
        """Attach ``obs``'s entry unless it already is (then, as before, nothing moves)."""
        if (story.id, obs.entry_id) not in self.attached:
            self.attached.add((story.id, obs.entry_id))
            self.sources.append(
                stories.NewSource(story.id, obs.entry_id, obs.link, obs.certainty.value, seen_at)
            )
            story.last_seen_at = max(story.last_seen_at, seen_at)
        if obs.event_id is not None:
            self.story_of_event[obs.event_id] = story.id

    def finish(self) -> None:
        """Send the collected sources and event links, then every pending change."""
        stories.insert_story_sources(self.session, self.sources)
        entries.set_stories_of_events(self.session, self.story_of_event)
        self.session.flush()

    def new_story(self, step: NewStory) -> None:
        row = _write_new_story(self.session, step, self.now)
        for obs in step.sources:
            self.add_source(row, obs, self.now)
        if step.transition is not None:
            tid = _insert_transition(self.session, row.id, step.transition)
            self.written.append(
                WrittenTransition(
                    tid, row.id, step.transition, step.evidence, step.confidence, step.language
                )
            )
        elif step.certainty == Certainty.RUMORED:
            self.rumours.append((row.id, step))

    def stored_story(self, step: AttachSource | Promote | Deny) -> None:
        session, story_id, obs = self.session, step.story_id, step.observation
        self.add_source(stories.get_story(session, story_id), obs, self.now)
        if isinstance(step, AttachSource) and step.moved_to is not None:
            _move_earlier(session, story_id, step.moved_to)
        elif isinstance(step, Promote):
            stories.set_story_certainty(session, story_id, "reported", now=self.now)
            tid = _insert_transition(session, story_id, step.transition)
            self.written.append(
                WrittenTransition(
                    tid, story_id, step.transition, obs.evidence, obs.confidence, obs.language
                )
            )
        elif isinstance(step, Deny):
            stories.set_story_certainty(session, story_id, "denied", now=step.denied_at)


def write_plan(session: Session, plan: CompanyPlan, now: datetime) -> WrittenPlan:
    """Apply every step of ``plan`` in order; returns what needs alerting."""
    return write_plans(session, [plan], now)[0]


def write_plans(session: Session, plans: Sequence[CompanyPlan], now: datetime) -> list[WrittenPlan]:
    """``write_plan`` for plans of different companies, in order, batched (see ``_PlanWriter``)."""
    writer = _PlanWriter(session, plans, now)
    written = [writer.write(plan) for plan in plans]
    writer.finish()
    return written
