"""AppriseNotifier against a real SMTP server, a real HTTP endpoint and a faked Slack."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

import apprise
import pytest
import requests
from http_sink import HttpSink
from smtp_server import SmtpServer, free_port

from tracker.domain import EventType, Reason, Role
from tracker.errors import DeliveryError
from tracker.notify import AppriseNotifier, notify_test
from tracker.pipeline.render import AlertPayload, BodyFormat, Medium, Message, render
from tracker.settings import mask_url

SLACK_URL = "slack://T1JJ3T3L2/A1BRTD4JD/TIiajkdnlazkcOXrIdevi7/#governance"

BARTZ = AlertPayload(
    kind="transition",
    company_id="yahoo",
    company_name="Yahoo",
    type=EventType.DEPARTURE,
    person="Carol Bartz",
    role=Role.CEO,
    reason=Reason.DISMISSED,
    confidence=0.9,
    evidence="Yahoo fired Carol Bartz as chief executive.",
    sources=("https://example.com/bartz?a=1&b=2",),
)
HOSTILE = replace(
    BARTZ,
    company_name="Yahoo <b>&</b>",
    evidence="<!channel> <@U024BE7LH> @here <script>alert(1)</script> Wow!channel>",
)


@pytest.fixture
def sink() -> Iterator[HttpSink]:
    with HttpSink() as running:
        yield running


@pytest.fixture
def smtp() -> Iterator[SmtpServer]:
    with SmtpServer() as running:
        yield running


@dataclass
class FakeSlack:
    """Stands in for Slack's servers at apprise's HTTP boundary (``requests.request``)."""

    calls: list[tuple[str, dict[str, Any]]]
    real: Any
    status: int = 200

    def __call__(self, method: str, url: str, **kwargs: Any) -> Any:
        if not url.startswith("https://hooks.slack.com/"):
            return self.real(method, url, **kwargs)
        self.calls.append((url, json.loads(kwargs["data"])))
        response = requests.Response()
        response.status_code = self.status
        response._content = b"ok" if self.status == 200 else b"invalid_token"
        return response


@pytest.fixture
def slack(monkeypatch: pytest.MonkeyPatch) -> FakeSlack:
    fake = FakeSlack(calls=[], real=requests.request)
    monkeypatch.setattr(requests, "request", fake)
    return fake


def test_email_arrives_with_an_html_and_a_plain_text_part(smtp: SmtpServer) -> None:
    AppriseNotifier().send(smtp.url(), render(HOSTILE, Medium.EMAIL))
    [mail] = smtp.messages
    assert mail["Subject"] == "Yahoo <b>&</b>: Carol Bartz dismissed as CEO"
    html_part = mail.get_body(preferencelist=("html",))
    text_part = mail.get_body(preferencelist=("plain",))
    assert html_part is not None and text_part is not None
    html_text = html_part.get_content()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html_text and "<script>" not in html_text
    assert '<a href="https://example.com/bartz?a=1&amp;b=2">' in html_text
    plain = text_part.get_content()
    assert "Reason: dismissed" in plain and "<li>" not in plain


def test_json_endpoint_receives_title_and_body_unchanged(sink: HttpSink) -> None:
    message = render(BARTZ, Medium.TEXT)
    AppriseNotifier().send(sink.url(), message)
    [post] = sink.posts
    assert post["title"] == "Yahoo: Carol Bartz dismissed as CEO"
    assert post["message"] == message.body
    assert post["type"] == "info"


def test_slack_gets_our_mrkdwn_verbatim_with_mentions_neutralised(slack: FakeSlack) -> None:
    message = render(HOSTILE, Medium.SLACK)
    AppriseNotifier().send(SLACK_URL, message)
    [(url, payload)] = slack.calls
    assert url == "https://hooks.slack.com/services/T1JJ3T3L2/A1BRTD4JD/TIiajkdnlazkcOXrIdevi7"
    header, section = payload["attachments"][0]["blocks"][:2]
    assert header["text"] == {
        "type": "plain_text",
        "text": "Yahoo &lt;b&gt;&amp;&lt;/b&gt;: Carol Bartz dismissed as CEO",
        "emoji": True,
    }
    assert section["text"] == {"type": "mrkdwn", "text": message.body}
    text = section["text"]["text"]
    assert "&lt;!channel&gt; &lt;@U024BE7LH&gt; @\u2060here" in text
    assert "Wow!channel&gt;" in text
    assert "<https://example.com/bartz?a=1&amp;b=2|example.com>" in text
    assert payload["channel"] == "#governance"


@pytest.mark.parametrize(
    ("setup", "permanent"),
    [("http-503", False), ("smtp-down", False), ("slack-403", False), ("bad-url", True)],
    ids=["http-503", "smtp-down", "slack-403", "bad-url"],
)
def test_a_refused_send_raises_delivery_error_saying_if_retry_helps(
    setup: str, permanent: bool, sink: HttpSink, slack: FakeSlack
) -> None:
    url = {
        "http-503": sink.url(),
        "smtp-down": f"mailto://127.0.0.1:{free_port()}?from=a@x.org&to=b@y.org&mode=insecure",
        "slack-403": SLACK_URL,
        "bad-url": "nosuchscheme://secret-token@host",
    }[setup]
    sink.fail_with = 503
    slack.status = 403
    with pytest.raises(DeliveryError) as caught:
        AppriseNotifier().send(url, render(BARTZ, Medium.TEXT))
    assert caught.value.permanent is permanent
    assert "TIiajkdnlazkcOXrIdevi7" not in caught.value.message
    assert "secret-token" not in caught.value.message


@pytest.mark.parametrize(
    ("returned", "permanent"),
    [(False, False), (None, False), (apprise.AppriseResult(), True)],
    ids=["false", "none", "nomatch"],
)
def test_falsy_apprise_results_are_failures(
    returned: object, permanent: bool, sink: HttpSink, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(apprise.Apprise, "notify", lambda *args, **kwargs: returned)
    with pytest.raises(DeliveryError) as caught:
        AppriseNotifier().send(sink.url(), render(BARTZ, Medium.TEXT))
    assert caught.value.permanent is permanent


def test_logs_never_show_a_secret(slack: FakeSlack, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    caplog.set_level(logging.DEBUG, logger="apprise")
    slack.status = 500
    with pytest.raises(DeliveryError):
        AppriseNotifier().send(SLACK_URL, render(BARTZ, Medium.SLACK))
    assert f"notification failed channel={mask_url(SLACK_URL)}" in caplog.text
    assert "TIiajkdnlazkcOXrIdevi7" not in caplog.text


@pytest.mark.parametrize(
    ("url", "interval"),
    [
        ("mailto://127.0.0.1:2525?from=a@x.org&to=b@y.org", 0),
        ("mailtos://user:pw@smtp.example.org?to=b@y.org", 1.0),
        (SLACK_URL, 1.2),
        ("json://127.0.0.1:9/hook", 0),
    ],
    ids=["local-mail", "remote-mail", "slack", "local-json"],
)
def test_throttle_is_chosen_per_target(url: str, interval: float) -> None:
    notifier = AppriseNotifier()
    service, _ = notifier._service(url)
    assert service[0].request_rate_per_sec == interval


@dataclass(frozen=True)
class Target:
    url: str
    name: str | None = None
    companies: tuple[str, ...] | None = None
    types: tuple[str, ...] | None = None
    min_confidence: float = 0.0
    rumors: bool | None = None
    digest: str | None = None


def test_notify_test_reports_each_channel_by_a_safe_name(
    sink: HttpSink, smtp: SmtpServer, slack: FakeSlack
) -> None:
    slack.status = 500
    targets = [Target(sink.url(), name="ops webhook"), Target(smtp.url()), Target(SLACK_URL)]
    results = notify_test(targets, AppriseNotifier())
    assert [(r.name, r.ok) for r in results] == [
        ("ops webhook", True),
        (mask_url(smtp.url()), True),
        (mask_url(SLACK_URL), False),
    ]
    assert "TIiajkdnlazkcOXrIdevi7" not in (results[2].error or "")
    assert len(sink.posts) == 1 and len(smtp.messages) == 1


def test_a_message_in_an_unexpected_format_still_goes_out(sink: HttpSink) -> None:
    AppriseNotifier().send(sink.url(), Message("t", "<p>x</p>", BodyFormat.HTML))
    assert sink.posts[0]["title"] == "t"


def test_a_100_kb_hostile_alert_reaches_slack_within_its_block_limits(slack: FakeSlack) -> None:
    huge = replace(
        HOSTILE,
        company_name="<!channel>&" * 10_000,
        evidence="<@U024BE7LH> **x** " * 5_000,
        sources=tuple(f"https://example.com/{i}?a=<b>" for i in range(500)),
    )
    AppriseNotifier().send(SLACK_URL, render(huge, Medium.SLACK))
    [(_, payload)] = slack.calls
    header, section = payload["attachments"][0]["blocks"][:2]
    assert len(header["text"]["text"]) <= 150
    assert len(section["text"]["text"]) <= 3_000
    assert "<!channel>" not in json.dumps(payload) and "<@U024BE7LH>" not in json.dumps(payload)
