"""Outbox rows for a written plan: routing, rumours, age, idempotent keys."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from tracker.alerts import outbox_items
from tracker.domain import Certainty, Company, EventType, Role
from tracker.pipeline.cluster import NewStory, NewTransition, Observation
from tracker.pipeline.route import channel_key
from tracker.settings import NotifyTarget, Settings
from tracker.store.enqueue import OutboxItem
from tracker.store.views import WrittenPlan, WrittenTransition

NOW = datetime(2023, 11, 22, 12, 0, tzinfo=UTC)
OPENAI = Company("openai", "OpenAI")
ALL = "json://127.0.0.1:9/all"
RUMOURS = "json://127.0.0.1:9/rumours"
DEPARTURES = "json://127.0.0.1:9/departures"


def _settings(**kw: object) -> Settings:
    targets = (
        NotifyTarget(url=ALL),
        NotifyTarget(url=RUMOURS, rumors=True),
        NotifyTarget(url=DEPARTURES, types=(EventType.DEPARTURE,), min_confidence=0.8),
    )
    return Settings(notify=targets, **kw)  # type: ignore[arg-type]


def _transition(type_: EventType, occurred: datetime, *, alertable: bool = True) -> NewTransition:
    return NewTransition(
        company="openai",
        type=type_,
        person="Sam Altman",
        person_key="altman",
        role=Role.CEO,
        interim=False,
        reason=None,
        occurred_at=occurred,
        detected_at=NOW,
        alertable=alertable,
        previous_holder="Emmett Shear",
    )


def _written(t: NewTransition, confidence: float = 0.9) -> WrittenPlan:
    return WrittenPlan((WrittenTransition(41, 7, t, "He is back.", confidence, "en"),), ())


def _urls(items: list[OutboxItem], settings: Settings) -> set[str]:
    by_key = {channel_key(target.url): target.url for target in settings.notify}
    return {by_key[i.channel_key] for i in items}


@pytest.mark.parametrize(
    ("type_", "confidence", "expected"),
    [
        (EventType.REINSTATEMENT, 0.9, {ALL, RUMOURS}),
        (EventType.DEPARTURE, 0.9, {ALL, RUMOURS, DEPARTURES}),
        (EventType.DEPARTURE, 0.5, {ALL, RUMOURS}),
    ],
    ids=["type-filter", "all-match", "below-min-confidence"],
)
def test_transition_goes_to_every_matching_channel(
    type_: EventType, confidence: float, expected: set[str]
) -> None:
    settings = _settings()
    items = outbox_items(
        settings,
        OPENAI,
        _written(_transition(type_, NOW), confidence),
        {41: ["https://a.example/1"]},
        NOW,
    )
    assert _urls(items, settings) == expected
    assert all(i.dedup_key == f"t:41:{i.channel_key}" for i in items)
    assert all(i.payload["sources"] == ["https://a.example/1"] for i in items)
    assert all(i.give_up_at == NOW + settings.delivery.give_up_after for i in items)


def test_transition_that_is_not_alertable_queues_nothing() -> None:
    old = _transition(EventType.REINSTATEMENT, NOW - timedelta(days=30), alertable=False)
    assert outbox_items(_settings(), OPENAI, _written(old), {}, NOW) == []


def _rumour(occurred: datetime) -> WrittenPlan:
    seen = Observation(
        company="openai",
        type=EventType.REINSTATEMENT,
        role=Role.CEO,
        person="Sam Altman",
        entry_id=3,
        seen_at=NOW,
        link="https://r.example/3",
        certainty=Certainty.RUMORED,
    )
    story = NewStory(
        company="openai",
        type=EventType.REINSTATEMENT,
        role=Role.CEO,
        person="Sam Altman",
        person_key="altman",
        certainty=Certainty.RUMORED,
        interim=False,
        reason=None,
        confidence=0.6,
        language="en",
        evidence="in talks",
        occurred_at=occurred,
        first_seen_at=NOW,
        last_seen_at=NOW,
        sources=(seen,),
    )
    return WrittenPlan((), ((9, story),))


def test_rumour_goes_only_to_channels_that_want_rumours() -> None:
    settings = _settings()
    items = outbox_items(settings, OPENAI, _rumour(NOW), {}, NOW)
    assert _urls(items, settings) == {RUMOURS}
    assert items[0].kind == "rumor"
    assert items[0].payload["certainty"] == "rumored"
    assert items[0].dedup_key.startswith("r:9:")


def test_alert_rumors_setting_sends_rumours_to_channels_without_an_opinion() -> None:
    settings = _settings(alert_rumors=True)
    items = outbox_items(settings, OPENAI, _rumour(NOW), {}, NOW)
    assert _urls(items, settings) == {ALL, RUMOURS}


def test_stale_rumour_is_not_alerted() -> None:
    items = outbox_items(_settings(), OPENAI, _rumour(NOW - timedelta(days=30)), {}, NOW)
    assert items == []
