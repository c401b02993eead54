"""Batched reads and writes store exactly what one company at a time does."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import text
from sqlalchemy.orm import Session

from tracker.domain import Certainty, EventType, Reason, Role
from tracker.pipeline.cluster import CompanyContext, Observation, Policy
from tracker.pipeline.planner import plan_company
from tracker.store import stories
from tracker.store.views import load_context, load_contexts, write_plan, write_plans

from .conftest import NOW, make_feed, make_story, store_entry

POLICY = Policy(window=timedelta(days=3), max_entry_age=timedelta(days=7))


def _obs(company: str, entry_id: int, person: str, certainty: Certainty) -> Observation:
    return Observation(
        company=company,
        type=EventType.DEPARTURE,
        role=Role.CEO,
        person=person,
        entry_id=entry_id,
        seen_at=NOW,
        link=f"https://example.com/{entry_id}",
        published=NOW - timedelta(hours=2),
        certainty=certainty,
        reason=Reason.DISMISSED,
    )


# Ids left out: PostgreSQL sequences do not roll back, so the second run's ids differ.
DUMP = {
    "stories": "SELECT company, type, person_key, certainty, transition_id IS NULL "
    "FROM stories ORDER BY id",
    "sources": "SELECT s.company, s.person_key, e.key, ss.certainty FROM story_sources ss "
    "JOIN stories s ON s.id = ss.story_id JOIN entries e ON e.id = ss.entry_id ORDER BY ss.id",
    "transitions": "SELECT t.company, t.type, t.person_key, s.person_key FROM transitions t "
    "JOIN stories s ON s.id = t.story_id ORDER BY t.id",
}


def _dump(session: Session) -> dict[str, list[tuple[object, ...]]]:
    return {name: [tuple(r) for r in session.execute(text(sql))] for name, sql in DUMP.items()}


def _write(session: Session, batched: bool) -> dict[str, list[tuple[object, ...]]]:
    feed = make_feed(session)
    ids = [store_entry(session, feed.id, key).id for key in "abcdef"]
    rounds = [
        {"openai": [_obs("openai", ids[0], "Sam Altman", Certainty.REPORTED)],
         "apple": [_obs("apple", ids[1], "Tim Cook", Certainty.RUMORED)]},
        {"openai": [_obs("openai", ids[2], "Sam Altman", Certainty.REPORTED),
                    _obs("openai", ids[2], "Sam Altman", Certainty.REPORTED)],
         "apple": [_obs("apple", ids[3], "Tim Cook", Certainty.REPORTED)],
         "ibm": [_obs("ibm", ids[4], "Arvind Krishna", Certainty.REPORTED)]},
    ]  # fmt: skip
    since = NOW - timedelta(days=30)
    for observations in rounds:
        if batched:
            contexts = load_contexts(session, dict.fromkeys(observations, since))
            plans = [plan_company(contexts[c], o, NOW, POLICY) for c, o in observations.items()]
            write_plans(session, plans, NOW)
        else:
            for company, obs in observations.items():
                context = load_context(session, company, since)
                write_plan(session, plan_company(context, obs, NOW, POLICY), NOW)
    session.flush()
    return _dump(session)


def test_plans_of_several_companies_write_the_same_rows_batched_or_not(session: Session) -> None:
    reference = _write(session, batched=False)
    session.rollback()
    assert _write(session, batched=True) == reference
    assert len(reference["transitions"]) >= 3


def test_contexts_of_several_companies_each_use_their_own_since(session: Session) -> None:
    old = make_story(session, "openai", now=NOW - timedelta(days=10))
    recent = make_story(session, "openai")
    other = make_story(session, "apple", now=NOW - timedelta(days=10))
    loaded = stories.load_company_contexts(
        session, {"openai": NOW - timedelta(days=1), "apple": NOW - timedelta(days=20)}
    )
    assert [s.id for s in loaded["openai"].stories] == [recent.id]
    assert [s.id for s in loaded["apple"].stories] == [other.id]
    assert old.id not in {s.id for c in loaded.values() for s in c.stories}
    assert load_contexts(session, {}) == {}
    assert isinstance(load_context(session, "ibm", NOW), CompanyContext)
