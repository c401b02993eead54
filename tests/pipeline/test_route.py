"""Routing alerts to channels: filters, rumours, stable keys, media."""

from __future__ import annotations

from dataclasses import dataclass, replace

import pytest

from tracker.domain import Certainty, EventType, Role
from tracker.pipeline.render import AlertPayload, Medium
from tracker.pipeline.route import channel_key, medium_for_url, select_targets, target_key


@dataclass(frozen=True)
class Target:
    url: str
    companies: tuple[str, ...] | None = None
    types: tuple[EventType, ...] | None = None
    min_confidence: float = 0.0
    rumors: bool | None = None
    digest: str | None = None
    name: str | None = None


EXIT = AlertPayload(
    kind="transition",
    company_id="openai",
    company_name="OpenAI",
    type=EventType.DEPARTURE,
    person="Sam Altman",
    role=Role.CEO,
    confidence=0.8,
)
RUMOUR = replace(EXIT, kind="rumor", certainty=Certainty.RUMORED)

ALL = Target("json://all")
OPENAI = Target("json://openai", companies=("openai",))
TESLA = Target("json://tesla", companies=("tesla",))
APPOINTMENTS = Target("json://appointments", types=(EventType.APPOINTMENT,))
DEPARTURES = Target("json://departures", types=(EventType.DEPARTURE,))
SURE = Target("json://sure", min_confidence=0.9)
RUMOURS_ON = Target("json://rumours-on", rumors=True)
RUMOURS_OFF = Target("json://rumours-off", rumors=False)
TARGETS = (ALL, OPENAI, TESLA, APPOINTMENTS, DEPARTURES, SURE, RUMOURS_ON, RUMOURS_OFF)


@pytest.mark.parametrize(
    ("payload", "alert_rumors", "expected"),
    [
        (EXIT, False, [ALL, OPENAI, DEPARTURES, RUMOURS_ON, RUMOURS_OFF]),
        (EXIT, True, [ALL, OPENAI, DEPARTURES, RUMOURS_ON, RUMOURS_OFF]),
        (
            replace(EXIT, confidence=0.95),
            False,
            [ALL, OPENAI, DEPARTURES, SURE, RUMOURS_ON, RUMOURS_OFF],
        ),
        (RUMOUR, False, [RUMOURS_ON]),
        (RUMOUR, True, [ALL, OPENAI, DEPARTURES, RUMOURS_ON]),
        (
            replace(EXIT, company_id="tesla"),
            False,
            [ALL, TESLA, DEPARTURES, RUMOURS_ON, RUMOURS_OFF],
        ),
    ],
    ids=[
        "transition",
        "transition-rumours-on",
        "confident",
        "rumour-default-off",
        "rumour-default-on",
        "other-company",
    ],
)
def test_it_sends_each_alert_to_the_channels_whose_filters_match(
    payload: AlertPayload, alert_rumors: bool, expected: list[Target]
) -> None:
    chosen = select_targets(payload, TARGETS, alert_rumors)
    assert [t for _, t in chosen] == expected
    assert [k for k, _ in chosen] == [channel_key(t.url) for t in expected]


def test_the_same_url_twice_gets_the_alert_once() -> None:
    assert len(select_targets(EXIT, [ALL, replace(ALL, min_confidence=0.1)], False)) == 1


def test_a_named_channel_is_keyed_by_its_name_not_its_url() -> None:
    first = Target("slack://TokenA/TokenB/TokenC/#x", name="governance")
    rotated = Target("slack://TokenA/TokenB/TokenZ/#x", name="governance")
    other = Target("slack://TokenA/TokenB/TokenC/#x", name="finance")
    assert target_key(first) == target_key(rotated) != target_key(other)
    assert target_key(Target(first.url)) == channel_key(first.url)


def test_a_channel_key_is_stable_short_and_hides_the_secret() -> None:
    url = "slack://TokenA/TokenB/TokenC/#governance"
    assert channel_key(url) == channel_key(f" {url} ")
    assert channel_key(url) != channel_key(url.replace("TokenC", "TokenD"))
    assert len(channel_key(url)) == 16
    assert "Token" not in channel_key(url)


@pytest.mark.parametrize(
    ("url", "medium"),
    [
        ("slack://TokenA/TokenB/TokenC/#general", Medium.SLACK),
        ("https://hooks.slack.com/services/T1/B2/C3", Medium.SLACK),
        ("mailto://127.0.0.1:1025?from=a@x.org&to=b@y.org", Medium.EMAIL),
        ("mailtos://user:pw@smtp.example.org", Medium.EMAIL),
        ("json://127.0.0.1:8080/hook", Medium.TEXT),
        ("msteams://a/b/c", Medium.TEXT),
        ("https://example.com/slack", Medium.TEXT),
    ],
    ids=["slack", "slack-hook", "mailto", "mailtos", "json", "teams", "https-other"],
)
def test_it_picks_the_medium_from_the_url(url: str, medium: Medium) -> None:
    assert medium_for_url(url) is medium
