"""The reference meaning of a plan: what the store loads back after writing it.

``apply_plan`` folds a ``CompanyPlan`` into a ``CompanyContext`` in memory, new
ids following the largest ids already there. The orchestrator never calls it;
tests and simulations do, and the store's tests compare what the database
loads after ``write_plans`` with this result.
"""

from __future__ import annotations

from dataclasses import replace

from tracker.domain import Certainty
from tracker.pipeline.cluster import (
    AttachSource,
    CompanyContext,
    CompanyPlan,
    Deny,
    NewStory,
    NewTransition,
    Promote,
    StoryView,
    copy_as,
)
from tracker.pipeline.history import TransitionView


def apply_plan(ctx: CompanyContext, plan: CompanyPlan) -> CompanyContext:
    """The context the store would load after writing ``plan``: the reference
    semantics of each step, new ids following the largest ids in ``ctx``.

    The orchestrator does not call this; tests and simulations do, and a store
    test can compare what it loads after a write with this result.
    """
    stories = {s.id: s for s in ctx.stories}
    transitions = {t.id: t for t in ctx.transitions}
    added: dict[int, set[int]] = {}  # story id -> entry ids this plan adds as sources
    for step in plan.steps:
        if isinstance(step, NewStory):
            sid = max(stories, default=0) + 1
            tid = _insert(transitions, step.transition, sid)
            stories[sid] = copy_as(StoryView, step, id=sid, transition_id=tid)
            added[sid] = {o.entry_id for o in step.sources}
        else:
            _apply_step(stories, transitions, step)
            added.setdefault(step.story_id, set()).add(step.observation.entry_id)
    for sid, entry_ids in added.items():
        if sid in stories:
            stories[sid] = replace(stories[sid], entry_ids=stories[sid].entry_ids | entry_ids)
    sourced = {sid: s.entry_ids for sid, s in stories.items()}
    for sid, entry_ids in added.items():
        sourced[sid] = sourced.get(sid, frozenset()) | entry_ids
    return CompanyContext(
        ctx.company,
        tuple(stories.values()),
        tuple(
            replace(t, entry_ids=t.entry_ids | sourced.get(t.story_id, frozenset()))
            for t in transitions.values()
        ),
    )


def _insert(
    transitions: dict[int, TransitionView], new: NewTransition | None, story_id: int
) -> int | None:
    if new is None:
        return None
    tid = max(transitions, default=0) + 1
    transitions[tid] = copy_as(TransitionView, new, id=tid, story_id=story_id)
    return tid


def _apply_step(
    stories: dict[int, StoryView],
    transitions: dict[int, TransitionView],
    step: AttachSource | Promote | Deny,
) -> None:
    sid, seen = step.story_id, step.observation.seen_at
    moved = step.moved_to if isinstance(step, AttachSource) else None
    if moved is not None:
        for tid, t in transitions.items():
            if t.story_id == sid:
                transitions[tid] = replace(t, occurred_at=min(t.occurred_at, moved))
    old = stories.get(sid)
    if old is None:  # an older story, not loaded: only its transition's sources change
        return
    new = replace(old, last_seen_at=max(old.last_seen_at, seen))
    if moved is not None:
        new = replace(new, occurred_at=min(new.occurred_at, moved))
    if isinstance(step, Promote):
        promoted = _insert(transitions, step.transition, sid)
        new = replace(new, certainty=Certainty.REPORTED, transition_id=promoted)
        new = replace(new, type=step.transition.type)
    elif isinstance(step, Deny):
        new = replace(new, certainty=Certainty.DENIED, denied_at=step.denied_at)
    stories[sid] = new
