"""Outbox rows for what a poll wrote: one row per alert per matching channel.

The rows are built here and inserted by the orchestrator in the same
transaction as the transitions they announce, so an alert exists exactly when
its transition does. ``dedup_key`` makes a second enqueue of the same alert a
no-op, whatever happens between polls, restarts and replicas.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

from tracker.domain import Certainty, Company
from tracker.pipeline.cluster import NewStory
from tracker.pipeline.render import AlertPayload
from tracker.pipeline.route import select_targets
from tracker.settings import Settings
from tracker.store.enqueue import OutboxItem
from tracker.store.views import WrittenPlan, WrittenTransition


def transition_payload(
    company: Company, written: WrittenTransition, sources: Sequence[str]
) -> AlertPayload:
    """The alert for a new transition."""
    t = written.transition
    return AlertPayload(
        kind="transition",
        company_id=company.id,
        company_name=company.name,
        type=t.type,
        person=t.person,
        role=t.role,
        previous_holder=t.previous_holder,
        interim=t.interim,
        reason=t.reason,
        certainty=Certainty.REPORTED,
        confidence=written.confidence,
        evidence=written.evidence,
        sources=tuple(sources),
        occurred_at=t.occurred_at,
        detected_at=t.detected_at,
        language=written.language,
    )


def rumour_payload(company: Company, story: NewStory, now: datetime) -> AlertPayload:
    """The alert for a new rumour (sent only to channels that want rumours)."""
    return AlertPayload(
        kind="rumor",
        company_id=company.id,
        company_name=company.name,
        type=story.type,
        person=story.person,
        role=story.role,
        interim=story.interim,
        reason=story.reason,
        certainty=Certainty.RUMORED,
        confidence=story.confidence,
        evidence=story.evidence,
        sources=tuple(dict.fromkeys(o.link for o in story.sources if o.link)),
        occurred_at=story.occurred_at,
        detected_at=now,
        language=story.language,
    )


def _items_for(
    settings: Settings,
    payload: AlertPayload,
    key_prefix: str,
    ids: tuple[int, int | None],
    now: datetime,
) -> list[OutboxItem]:
    story_id, transition_id = ids
    return [
        OutboxItem(
            kind=payload.kind,
            channel_key=channel,
            dedup_key=f"{key_prefix}:{channel}",
            payload=payload.to_json(),
            created_at=now,
            next_attempt_at=now,
            story_id=story_id,
            transition_id=transition_id,
            give_up_at=now + settings.delivery.give_up_after,
        )
        for channel, _target in select_targets(payload, settings.notify, settings.alert_rumors)
    ]


def outbox_items(
    settings: Settings,
    company: Company,
    written: WrittenPlan,
    sources: Mapping[int, Sequence[str]],
    now: datetime,
) -> list[OutboxItem]:
    """Rows for every alertable new transition and every new rumour of one plan."""
    items: list[OutboxItem] = []
    for w in written.transitions:
        if not w.transition.alertable:
            continue
        payload = transition_payload(company, w, sources.get(w.id, ()))
        items += _items_for(settings, payload, f"t:{w.id}", (w.story_id, w.id), now)
    for story_id, story in written.rumours:
        if story.occurred_at < now - settings.max_entry_age or all(
            o.backlog for o in story.sources
        ):
            continue
        payload = rumour_payload(company, story, now)
        items += _items_for(settings, payload, f"r:{story_id}", (story_id, None), now)
    return items
