"""Stories (one change, many reports), their sources, and transitions.

A story gathers every entry that reports the same change; a transition is
the change recorded in a company's history. Several stories may join one
transition (``stories.transition_id``), whose sources are then all their links.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import NamedTuple

from sqlalchemy import Table, func, insert, select, text
from sqlalchemy.orm import Session

from tracker.errors import StoreError
from tracker.store.tables import EntryRow, StoryRow, StorySourceRow, TransitionRow


class CompanyContext(NamedTuple):
    """What clustering and the state table need to know about one company."""

    stories: list[StoryRow]
    transitions: list[TransitionRow]


def load_company_context(session: Session, company: str, since: datetime) -> CompanyContext:
    """Stories of ``company`` seen since ``since`` and its whole transition history.

    Stories come oldest first by ``first_seen_at``; transitions as in
    ``company_transitions``. The history is not cut at ``since``: current
    leaders and reinstatements depend on all of it.
    """
    return load_company_contexts(session, {company: since})[company]


def lock_companies(session: Session, companies: Sequence[str]) -> None:
    """Serialise planning per company across processes, until the transaction ends.

    Two replicas (or ``tracker poll`` beside a daemon) reading a company's
    stories at once would each see "no story yet" and both record the same
    change. On PostgreSQL a transaction-level advisory lock per company, taken
    in sorted order (no deadlock), makes the second wait and then see the
    first one's rows. SQLite needs nothing: its writers are already serialised
    (``BEGIN IMMEDIATE``).
    """
    advisory_locks(session, [f"company:{c}" for c in sorted(set(companies))])


def advisory_locks(session: Session, keys: Sequence[str]) -> None:
    """Take PostgreSQL transaction-level advisory locks on ``keys``, in the given order."""
    if session.get_bind().dialect.name != "postgresql":
        return
    for key in keys:
        session.execute(text("SELECT pg_advisory_xact_lock(hashtext(:key))"), {"key": key})


def load_company_contexts(
    session: Session, since: Mapping[str, datetime]
) -> dict[str, CompanyContext]:
    """``load_company_context`` of every company in ``since`` (company -> its own since).

    Two queries in all, however many companies: a poll plans every company a
    feed mentions, and one round trip per company per feed added up.
    """
    contexts = {company: CompanyContext([], []) for company in since}
    if not contexts:
        return contexts
    companies = list(contexts)
    lock_companies(session, companies)
    recent = session.scalars(
        select(StoryRow)
        .where(StoryRow.company.in_(companies), StoryRow.last_seen_at >= min(since.values()))
        .order_by(StoryRow.first_seen_at, StoryRow.id)
    )
    for story in recent:
        if story.last_seen_at >= since[story.company]:
            contexts[story.company].stories.append(story)
    history = session.scalars(
        select(TransitionRow)
        .where(TransitionRow.company.in_(companies))
        .order_by(TransitionRow.occurred_at, TransitionRow.id)
    )
    for transition in history:
        contexts[transition.company].transitions.append(transition)
    return contexts


def add_story(
    session: Session,
    *,
    company: str,
    type: str,
    role: str,
    person: str,
    person_key: str,
    certainty: str,
    interim: bool,
    reason: str | None,
    confidence: float,
    evidence: str,
    language: str,
    occurred_at: datetime,
    now: datetime,
) -> StoryRow:
    """A new story, first and last seen ``now``."""
    row = StoryRow(
        company=company,
        type=type,
        role=role,
        person=person,
        person_key=person_key,
        certainty=certainty,
        interim=interim,
        reason=reason,
        confidence=confidence,
        evidence=evidence,
        language=language,
        occurred_at=occurred_at,
        first_seen_at=now,
        last_seen_at=now,
    )
    session.add(row)
    session.flush()
    return row


def get_story(session: Session, story_id: int) -> StoryRow:
    """The story with this id; ``StoreError`` when there is none."""
    row = session.get(StoryRow, story_id)
    if row is None:
        raise StoreError(f"story {story_id} does not exist", permanent=True)
    return row


def stored_source_pairs(session: Session, pairs: Iterable[tuple[int, int]]) -> set[tuple[int, int]]:
    """Which of these ``(story_id, entry_id)`` pairs are already attached (one query)."""
    wanted = set(pairs)
    if not wanted:
        return set()
    query = select(StorySourceRow.story_id, StorySourceRow.entry_id).where(
        StorySourceRow.story_id.in_({story for story, _ in wanted}),
        StorySourceRow.entry_id.in_({entry for _, entry in wanted}),
    )
    return {(story, entry) for story, entry in session.execute(query)} & wanted


def add_story_source(
    session: Session,
    story_id: int,
    entry_id: int,
    *,
    link: str | None,
    certainty: str,
    seen_at: datetime,
) -> StorySourceRow | None:
    """Attach an entry to a story; None when it was already attached.

    The story's ``last_seen_at`` moves forward to ``seen_at``.
    """
    story = get_story(session, story_id)
    exists = session.scalar(
        select(StorySourceRow.id).where(
            StorySourceRow.story_id == story_id, StorySourceRow.entry_id == entry_id
        )
    )
    if exists is not None:
        return None
    row = StorySourceRow(
        story_id=story_id, entry_id=entry_id, link=link, certainty=certainty, seen_at=seen_at
    )
    session.add(row)
    story.last_seen_at = max(story.last_seen_at, seen_at)
    session.flush()
    return row


def set_story_certainty(
    session: Session, story_id: int, certainty: str, *, now: datetime
) -> StoryRow:
    """Change a story's certainty; turning ``denied`` stamps ``denied_at`` once."""
    story = get_story(session, story_id)
    story.certainty = certainty
    if certainty == "denied" and story.denied_at is None:
        story.denied_at = now
    session.flush()
    return story


def attach_story_to_transition(session: Session, story_id: int, transition_id: int) -> None:
    """Record that a story reports an already-recorded transition."""
    get_story(session, story_id).transition_id = transition_id
    session.flush()


def add_transition(
    session: Session,
    *,
    company: str,
    type: str,
    person: str,
    person_key: str,
    role: str,
    interim: bool,
    reason: str | None,
    certainty: str,
    occurred_at: datetime,
    detected_at: datetime,
    story_id: int,
    alertable: bool,
    previous_holder: str | None = None,
) -> TransitionRow:
    """Record a transition and point its story at it."""
    row = TransitionRow(
        company=company,
        type=type,
        person=person,
        person_key=person_key,
        role=role,
        interim=interim,
        reason=reason,
        certainty=certainty,
        occurred_at=occurred_at,
        detected_at=detected_at,
        story_id=story_id,
        alertable=alertable,
        previous_holder=previous_holder,
    )
    record_transition(session, row)
    session.flush()
    return row


def record_transition(session: Session, row: TransitionRow) -> TransitionRow:
    """Insert a built transition and point its story at it; the story's UPDATE is not flushed.

    ``add_transition`` without its last flush, for a writer that flushes at
    the end of a batch (``views.write_plan``).
    """
    session.add(row)
    session.flush()
    get_story(session, row.story_id).transition_id = row.id
    return row


class NewSource(NamedTuple):
    """A story source for ``insert_story_sources`` (the columns of ``story_sources``)."""

    story_id: int
    entry_id: int
    link: str | None
    certainty: str
    seen_at: datetime


def insert_story_sources(session: Session, sources: Sequence[NewSource]) -> None:
    """INSERT sources the caller knows are not attached yet, in one executemany, in order.

    For a batch writer (``views.write_plan``): no existence check, no ORM
    objects, and the stories' ``last_seen_at`` is the caller's to move. A
    repeated pair breaks the unique constraint.
    """
    if sources:
        table: Table = StorySourceRow.__table__  # type: ignore[assignment]
        session.execute(insert(table), [source._asdict() for source in sources])


def company_transitions(session: Session, company: str) -> list[TransitionRow]:
    """Every transition of ``company``, oldest first (``occurred_at``, then id)."""
    query = (
        select(TransitionRow)
        .where(TransitionRow.company == company)
        .order_by(TransitionRow.occurred_at, TransitionRow.id)
    )
    return list(session.scalars(query))


def transition_sources(session: Session, transition_ids: Sequence[int]) -> dict[int, list[str]]:
    """The source links of each transition, earliest seen first, without repeats.

    Links come from every story attached to the transition, reported sources
    only (a rumour that preceded the change is not evidence of it); a source without
    its own link falls back to its entry's link. Every id asked for is a key.
    """
    result: dict[int, list[str]] = {tid: [] for tid in transition_ids}
    if not result:
        return result
    query = (
        select(StoryRow.transition_id, func.coalesce(StorySourceRow.link, EntryRow.link))
        .join(StorySourceRow, StorySourceRow.story_id == StoryRow.id)
        .join(EntryRow, EntryRow.id == StorySourceRow.entry_id)
        .where(
            StoryRow.transition_id.in_(list(result)),
            # A rumour promoted to a transition keeps its rumour links as sources of
            # the story, not as evidence of the change.
            StorySourceRow.certainty == "reported",
        )
        .order_by(StorySourceRow.seen_at, StorySourceRow.id)
    )
    for transition_id, link in session.execute(query):
        if transition_id is None or not link:
            continue
        links = result[transition_id]
        if link not in links:
            links.append(link)
    return result
