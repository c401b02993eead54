"""The planner: fold one batch of observations into a company's stories and history.

Pure. ``plan_company`` places observations in occurred order (departures
before arrivals at the same instant) and decides, for each, whether it joins,
promotes or denies a story, or starts one; the typing rules it applies live in
``transition.py``.

A departure reported in the same entry as the same person's return to the same
role is background to that return ("fired last week, reinstated today"): it
happened before the return. It is dated at that person's last recorded
departure from the role when there is one (so it joins that story as a source),
else just before the return; it never ends the tenure the return starts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

from tracker.domain import Certainty, EventType, Role
from tracker.pipeline.cluster import (
    AttachSource,
    CompanyContext,
    CompanyPlan,
    Deny,
    NewStory,
    NewTransition,
    Observation,
    Policy,
    Promote,
    Step,
    StoryView,
    change_kind,
    copy_as,
)
from tracker.pipeline.history import ARRIVALS, TransitionView
from tracker.pipeline.transition import arrival_type, is_alertable, previous_holder, redundant_with


@dataclass
class _Story:
    """A story as this plan leaves it: an existing row (``ref`` > 0) or a draft (< 0)."""

    ref: int
    kind: str
    type: EventType
    role: Role
    person_key: str
    occurred_at: datetime
    certainty: Certainty
    has_transition: bool
    entry_ids: set[int]
    sources: list[Observation] = field(default_factory=list)
    transition: NewTransition | None = None
    denied_at: datetime | None = None

    @classmethod
    def of(cls, view: StoryView) -> _Story:
        return copy_as(
            cls,
            view,
            ref=view.id,
            kind=change_kind(view.type),
            has_transition=view.transition_id is not None,
            entry_ids=set(view.entry_ids),
        )


def _rank(obs: Observation, story: _Story, at: datetime) -> tuple[bool, timedelta, int]:
    """Which matching story an observation joins first (lowest): a reported one
    joins the story that already has its transition, a denial the rumour; then
    the nearest in time."""
    if obs.certainty == Certainty.REPORTED:
        later = not story.has_transition
    else:
        later = obs.certainty == Certainty.DENIED and story.certainty != Certainty.RUMORED
    return later, abs(story.occurred_at - at), story.ref


class _Planner:
    """Accumulates the steps for one company; one instance per :func:`plan_company` call."""

    def __init__(self, ctx: CompanyContext, now: datetime, policy: Policy) -> None:
        self.company = ctx.company
        self.now = now
        self.policy = policy
        self.stories = {s.id: _Story.of(s) for s in ctx.stories if s.company == ctx.company}
        self.timeline = [t for t in ctx.transitions if t.company == ctx.company]
        self.next_id = max((t.id for t in self.timeline), default=0) + 1
        self.next_ref = -1
        self.steps: list[Step] = []

    def add(self, obs: Observation) -> None:
        """Place one observation: join, promote or deny a story, or start one."""
        at = obs.occurred_at(self.now)
        story = self._match(obs, at)
        if story is not None and obs.entry_id in story.entry_ids:
            return  # planned before: idempotence
        if obs.certainty == Certainty.REPORTED:
            self._reported(obs, at, story)
        elif story is None:
            self._draft(obs, at, obs.certainty)
        elif obs.certainty == Certainty.DENIED and story.certainty == Certainty.RUMORED:
            self._deny(story, obs, at)
        else:
            self._attach(story, obs)

    def _match(self, obs: Observation, at: datetime) -> _Story | None:
        change, window = (change_kind(obs.type), obs.role, obs.person_key), self.policy.window
        found = [
            s
            for s in self.stories.values()
            if (s.kind, s.role, s.person_key) == change and abs(s.occurred_at - at) <= window
        ]
        return min(found, key=lambda s: _rank(obs, s, at), default=None)

    def _reported(self, obs: Observation, at: datetime, story: _Story | None) -> None:
        if story is not None and (story.has_transition or story.certainty == Certainty.REPORTED):
            self._attach(story, obs, self._move_earlier(story, at))
            return
        earlier = redundant_with(
            self.timeline,
            type=obs.type,
            role=obs.role,
            person_key=obs.person_key,
            interim=obs.interim,
            reason=obs.reason,
            at=at,
        )
        if earlier is not None:
            self._attach_to_transition(earlier, obs)
            return
        transition = self._transition(obs, at)
        if story is None:
            story = self._draft(obs, at, Certainty.REPORTED, transition)
        elif story.ref < 0:
            story.sources.append(obs)
            story.transition, story.type = transition, transition.type
        else:
            self.steps.append(Promote(story.ref, obs, transition))
        story.certainty, story.has_transition = Certainty.REPORTED, True
        story.entry_ids.add(obs.entry_id)
        self._record(transition, story.ref)

    def _transition(self, obs: Observation, at: datetime) -> NewTransition:
        kind = obs.type
        if kind in ARRIVALS:
            kind = arrival_type(
                self.timeline, said=kind, role=obs.role, person_key=obs.person_key, at=at
            )
        before = previous_holder(
            self.timeline, type=kind, role=obs.role, person_key=obs.person_key, at=at
        )
        return copy_as(
            NewTransition,
            obs,
            type=kind,
            person_key=obs.person_key,
            occurred_at=at,
            detected_at=self.now,
            alertable=is_alertable(at, self.now, self.policy) and not obs.backlog,
            previous_holder=before,
        )

    def _record(self, t: NewTransition, story_ref: int) -> None:
        """Add a planned transition to the timeline later observations are typed against."""
        self.timeline.append(copy_as(TransitionView, t, id=self.next_id, story_id=story_ref))
        self.next_id += 1

    def _draft(
        self,
        obs: Observation,
        at: datetime,
        certainty: Certainty,
        transition: NewTransition | None = None,
    ) -> _Story:
        kind = obs.type
        if transition is not None:
            kind = transition.type
        elif kind in ARRIVALS:
            kind = arrival_type(
                self.timeline, said=kind, role=obs.role, person_key=obs.person_key, at=at
            )
        story = copy_as(
            _Story,
            obs,
            ref=self.next_ref,
            kind=change_kind(kind),
            type=kind,
            person_key=obs.person_key,
            occurred_at=at,
            certainty=certainty,
            has_transition=transition is not None,
            entry_ids={obs.entry_id},
            sources=[obs],
            transition=transition,
            denied_at=at if certainty == Certainty.DENIED else None,
        )
        self.stories[story.ref] = story
        self.next_ref -= 1
        return story

    def _deny(self, story: _Story, obs: Observation, at: datetime) -> None:
        story.certainty, story.denied_at = Certainty.DENIED, at
        story.entry_ids.add(obs.entry_id)
        if story.ref < 0:
            story.sources.append(obs)
        else:
            self.steps.append(Deny(story.ref, obs, at))

    def _attach(self, story: _Story, obs: Observation, moved_to: datetime | None = None) -> None:
        if obs.entry_id in story.entry_ids:
            return
        story.entry_ids.add(obs.entry_id)
        if story.ref < 0:
            story.sources.append(obs)
        else:
            self.steps.append(AttachSource(story.ref, obs, moved_to))

    def _move_earlier(self, story: _Story, at: datetime) -> datetime | None:
        """A report older than a stored story's transition moves the transition back to ``at``.

        (Drafts need no move: a batch is planned in occurred order.)
        """
        for i, t in enumerate(self.timeline):
            if t.story_id == story.ref and at < t.occurred_at:
                self.timeline[i] = replace(t, occurred_at=at)
                story.occurred_at = min(story.occurred_at, at)
                return at
        return None

    def _attach_to_transition(self, earlier: TransitionView, obs: Observation) -> None:
        story = self.stories.get(earlier.story_id)
        if story is not None:
            self._attach(story, obs)
        elif obs.entry_id not in earlier.entry_ids:
            # The story is older than the loaded window; the transition names it.
            self.steps.append(AttachSource(earlier.story_id, obs))

    def plan(self) -> CompanyPlan:
        drafts = sorted((s for s in self.stories.values() if s.ref < 0), key=lambda s: -s.ref)
        return CompanyPlan(
            self.company, tuple(_new_story(self.company, d) for d in drafts) + tuple(self.steps)
        )


def _new_story(company: str, draft: _Story) -> NewStory:
    sources = tuple(draft.sources)
    main = max(sources, key=lambda o: o.confidence)
    lead = next((o for o in sources if o.certainty == Certainty.REPORTED), sources[0])
    return copy_as(
        NewStory,
        draft,
        company=company,
        person=max((o.person for o in sources), key=len),
        interim=lead.interim,
        reason=lead.reason,
        confidence=main.confidence,
        language=main.language,
        evidence=main.evidence,
        first_seen_at=min(o.seen_at for o in sources),
        last_seen_at=max(o.seen_at for o in sources),
        sources=sources,
    )


_KIND_ORDER = {"departure": 0, "board_change": 1, "arrival": 2}


def plan_company(
    ctx: CompanyContext, observations: Sequence[Observation], now: datetime, policy: Policy
) -> CompanyPlan:
    """The writes that fold ``observations`` (one company) into ``ctx`` (see ``cluster.py``).

    Observations are placed in occurred order, departures before arrivals at
    the same instant, so a batch is planned as if it had arrived in order.
    """
    planner = _Planner(ctx, now, policy)
    ours = [o for o in observations if o.company == ctx.company and o.person_key]
    ours = _date_background_departures(ours, ctx.transitions, now)
    ours.sort(
        key=lambda o: (
            o.occurred_at(now),
            _KIND_ORDER[change_kind(o.type)],
            o.entry_id,
            o.person_key,
        )
    )
    for obs in ours:
        planner.add(obs)
    return planner.plan()


def _date_background_departures(
    observations: list[Observation], transitions: Sequence[TransitionView], now: datetime
) -> list[Observation]:
    """Date each departure that shares its entry with the same person's return (module doc)."""
    returns = {
        (o.entry_id, o.role, o.person_key): o.occurred_at(now)
        for o in observations
        if o.type in ARRIVALS and o.certainty == Certainty.REPORTED
    }
    dated: list[Observation] = []
    for obs in observations:
        back = returns.get((obs.entry_id, obs.role, obs.person_key))
        if obs.type != EventType.DEPARTURE or back is None:
            dated.append(obs)
            continue
        earlier = [
            t.occurred_at
            for t in transitions
            if t.type == EventType.DEPARTURE
            and (t.role, t.person_key) == (obs.role, obs.person_key)
            and t.occurred_at <= back
        ]
        when = max(earlier, default=back - _JUST_BEFORE)
        dated.append(replace(obs, published=min(when, back - _JUST_BEFORE)))
    return dated


_JUST_BEFORE = timedelta(seconds=1)
