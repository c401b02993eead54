"""Rendering alerts: titles that say it, bodies with the facts, hostile text made safe."""

from __future__ import annotations

import html
import json
from dataclasses import replace
from datetime import UTC, datetime

import pytest

from tracker.domain import Certainty, EventType, Reason, Role
from tracker.pipeline.render import (
    MAX_EVIDENCE,
    MAX_SOURCES,
    MAX_TITLE,
    SLACK_MAX_BODY,
    SLACK_MAX_TITLE,
    AlertPayload,
    BodyFormat,
    Medium,
    clean,
    fit_escaped,
    render,
    render_digest,
    slack_escape,
)

WHEN = datetime(2023, 11, 17, 20, 28, tzinfo=UTC)

ALTMAN_BACK = AlertPayload(
    kind="transition",
    company_id="openai",
    company_name="OpenAI",
    type=EventType.REINSTATEMENT,
    person="Sam Altman",
    role=Role.CEO,
    previous_holder="Emmett Shear",
    certainty=Certainty.REPORTED,
    confidence=0.93,
    evidence="Sam Altman returns to OpenAI as CEO.",
    sources=("https://example.com/altman-returns?a=1&b=2",),
    occurred_at=WHEN,
    detected_at=WHEN,
)
BARTZ = replace(
    ALTMAN_BACK,
    company_id="yahoo",
    company_name="Yahoo",
    type=EventType.DEPARTURE,
    person="Carol Bartz",
    reason=Reason.DISMISSED,
    previous_holder=None,
)
DENHOLM = replace(
    ALTMAN_BACK,
    company_id="tesla",
    company_name="Tesla",
    type=EventType.APPOINTMENT,
    person="Robyn Denholm",
    role=Role.CHAIR,
    previous_holder="Elon Musk",
)
SHEAR = replace(
    ALTMAN_BACK,
    type=EventType.APPOINTMENT,
    person="Emmett Shear",
    interim=True,
    previous_holder=None,
)
RUMOUR = replace(BARTZ, kind="rumor", certainty=Certainty.RUMORED)


@pytest.mark.parametrize(
    ("payload", "title"),
    [
        (ALTMAN_BACK, "OpenAI: Sam Altman reinstated as CEO"),
        (BARTZ, "Yahoo: Carol Bartz dismissed as CEO"),
        (DENHOLM, "Tesla: Robyn Denholm appointed chair (replaces Elon Musk)"),
        (SHEAR, "OpenAI: Emmett Shear appointed interim CEO"),
        (RUMOUR, "RUMOUR: Yahoo: Carol Bartz dismissed as CEO (unconfirmed)"),
        (replace(BARTZ, reason=Reason.RESIGNED), "Yahoo: Carol Bartz resigns as CEO"),
        (
            replace(BARTZ, reason=None, role=Role.OTHER_EXEC),
            "Yahoo: Carol Bartz leaves as executive",
        ),
        (
            replace(DENHOLM, type=EventType.BOARD_CHANGE, role=Role.DIRECTOR, previous_holder=None),
            "Tesla: Robyn Denholm board change (director)",
        ),
    ],
    ids=[
        "reinstated",
        "dismissed",
        "replaces",
        "interim",
        "rumour",
        "resigns",
        "other-exec",
        "board",
    ],
)
def test_it_writes_a_title_that_says_what_changed(payload: AlertPayload, title: str) -> None:
    for medium in Medium:
        assert render(payload, medium).title == title


@pytest.mark.parametrize(
    ("payload", "expected"),
    [
        (
            ALTMAN_BACK,
            [
                "Change: CEO: Emmett Shear → Sam Altman",
                "Certainty: reported",
                "Confidence: 0.93",
                "Evidence: “Sam Altman returns to OpenAI as CEO.”",
                "- https://example.com/altman-returns?a=1&b=2",
                "Interim: no",
            ],
        ),
        (BARTZ, ["Change: CEO: Carol Bartz → vacant", "Reason: dismissed"]),
        (SHEAR, ["Change: CEO: unknown → Emmett Shear (interim)", "Interim: yes"]),
        (RUMOUR, ["RUMOUR: unconfirmed report", "Certainty: rumored"]),
    ],
    ids=["reinstatement", "departure", "interim", "rumour"],
)
def test_it_puts_the_change_evidence_sources_and_confidence_in_the_body(
    payload: AlertPayload, expected: list[str]
) -> None:
    body = render(payload, Medium.TEXT).body
    for part in expected:
        assert part in body


HOSTILE = replace(
    ALTMAN_BACK,
    company_name="Evil <b>Corp</b> & Co",
    person="<!channel> <@U024BE7LH> @here <script>alert(1)</script>\x1b[31m\u202eevil",
    evidence="**bold** [click](javascript:alert(1)) <!here|here> & <a href='x'>",
    sources=("javascript:alert(1)", "https://ok.example/a?x=1&y=<2>", "https://ok.example/b|c"),
)


def test_slack_body_escapes_mentions_and_markup() -> None:
    message = render(HOSTILE, Medium.SLACK)
    assert message.body_format is BodyFormat.SLACK
    for forbidden in ("<!channel>", "<!here", "<@U024BE7LH>", "<script>", "@here", "<javascript:"):
        assert forbidden not in message.body
    assert "&lt;!channel&gt;" in message.body
    assert "&amp; &lt;a href='x'&gt;" in message.body
    assert "<https://ok.example/b%7Cc|ok.example>" in message.body
    assert (
        "\x1b" not in message.body
        and "\u202e" not in message.body
        and "\u202e" not in message.title
    )


def test_email_body_is_html_with_every_untrusted_part_escaped() -> None:
    message = render(HOSTILE, Medium.EMAIL)
    assert message.body_format is BodyFormat.HTML
    assert "<script>" not in message.body and "&lt;a href=&#x27;x&#x27;&gt;" in message.body
    assert 'href="javascript:' not in message.body
    assert '<a href="https://ok.example/b|c">' in message.body


@pytest.mark.parametrize("medium", list(Medium), ids=[m.value for m in Medium])
def test_a_100_kb_title_and_flood_of_sources_give_a_bounded_message(medium: Medium) -> None:
    huge = replace(
        HOSTILE,
        company_name="A" * 100_000,
        person="B " * 50_000,
        evidence="<!channel> " * 20_000,
        sources=tuple(f"https://example.com/{i}" for i in range(1_000)),
    )
    message = render(huge, medium)
    assert len(message.title) <= MAX_TITLE
    assert "\n" not in message.title
    assert len(message.body) < 6 * MAX_EVIDENCE + MAX_SOURCES * 1_200
    assert message.body.count("https://example.com/") <= MAX_SOURCES * 2


def test_slack_messages_fit_slacks_block_limits_even_when_escaping_grows_them() -> None:
    amps = replace(
        HOSTILE,
        company_name="&" * 400,
        evidence="<&>" * 5_000,
        sources=tuple(f"https://example.com/{'&' * 400}{i}" for i in range(10)),
    )
    message = render(amps, Medium.SLACK)
    assert len(html.escape(message.title, quote=False)) <= SLACK_MAX_TITLE
    assert len(message.body) <= SLACK_MAX_BODY
    assert message.body.endswith("…")
    digest = render_digest([amps] * 50, Medium.SLACK, "2023-11-18")
    assert len(digest.body) <= SLACK_MAX_BODY


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [("a&b", 10, "a&b"), ("a&b", 5, "a…"), ("&&&&", 11, "&&…"), ("abc", 0, "…")],
    ids=["fits", "cut-before-entity", "entities", "nothing-fits"],
)
def test_fit_escaped_cuts_on_the_escaped_length(text: str, limit: int, expected: str) -> None:
    assert fit_escaped(text, limit, slack_escape) == expected


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("a\nb\tc\x00d", 100, "a b c d"),
        ("x" * 10, 5, "xxxx…"),
        ("  spaced   out  ", 100, "spaced out"),
        ("\u202egnp.exe", 100, "gnp.exe"),
    ],
    ids=["controls", "bounded", "spaces", "bidi"],
)
def test_clean_makes_one_safe_bounded_line(text: str, limit: int, expected: str) -> None:
    assert clean(text, limit) == expected


@pytest.mark.parametrize(
    "payload",
    [ALTMAN_BACK, RUMOUR, replace(SHEAR, occurred_at=None, detected_at=None)],
    ids=["transition", "rumour", "no-times"],
)
def test_a_payload_survives_a_json_round_trip(payload: AlertPayload) -> None:
    assert AlertPayload.from_json(json.loads(json.dumps(payload.to_json()))) == payload


@pytest.mark.parametrize(
    "broken",
    [{}, {**ALTMAN_BACK.to_json(), "type": "promotion"}, {**ALTMAN_BACK.to_json(), "role": None}],
    ids=["empty", "bad-type", "no-role"],
)
def test_a_malformed_payload_is_refused(broken: dict[str, object]) -> None:
    with pytest.raises((KeyError, ValueError)):
        AlertPayload.from_json(broken)


@pytest.mark.parametrize("medium", list(Medium), ids=[m.value for m in Medium])
def test_a_digest_lists_every_alert_title_in_one_message(medium: Medium) -> None:
    message = render_digest([ALTMAN_BACK, BARTZ, HOSTILE], medium, "2023-11-18")
    assert message.title == "Leadership changes digest 2023-11-18: 3 alert(s)"
    assert "Carol Bartz dismissed as CEO" in message.body
    if medium is not Medium.TEXT:
        assert "<!channel>" not in message.body and "<script>" not in message.body


def test_a_digest_of_many_alerts_is_bounded() -> None:
    message = render_digest([BARTZ] * 500, Medium.TEXT, "2023-11-18")
    assert message.body.count("Carol Bartz") == 50
    assert message.body.endswith("… and 450 more")
