"""The outbox deliverer: never lost, never doubled, across failures, crashes and replicas.

Runs on SQLite and PostgreSQL (``db_url`` from conftest). Channels are real:
a local HTTP endpoint behind apprise ``json://`` and a local SMTP server.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from http_sink import HttpSink
from smtp_server import SmtpServer, free_port
from sqlalchemy import select
from sqlalchemy.engine import URL
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from tracker.deliver import DeliveryReport, backoff, deliver_pending
from tracker.domain import EventType, Role
from tracker.errors import DeliveryError
from tracker.notify import AppriseNotifier, Notifier
from tracker.pipeline.render import AlertPayload, Message
from tracker.pipeline.route import channel_key, target_key
from tracker.settings import Delivery, NotifyTarget
from tracker.store import outbox
from tracker.store.db import make_engine, make_session_factory
from tracker.store.enqueue import OutboxItem, enqueue
from tracker.store.tables import OutboxRow

NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)
SECOND = timedelta(seconds=1)


POLICY = Delivery()


def payload(n: int = 1) -> AlertPayload:
    return AlertPayload(
        kind="transition",
        company_id="acme",
        company_name="Acme",
        type=EventType.DEPARTURE,
        person=f"Person {n}",
        role=Role.CEO,
        confidence=0.9,
        evidence=f"Person {n} leaves Acme.",
        sources=(f"https://example.com/{n}",),
    )


def add(
    factory: sessionmaker[Session],
    url: str,
    count: int = 1,
    *,
    created_at: datetime = NOW,
    give_up_at: datetime | None = None,
) -> None:
    key = channel_key(url)
    items = [
        OutboxItem(
            kind="transition",
            channel_key=key,
            dedup_key=f"t:{n}:{key}",
            payload=payload(n).to_json(),
            created_at=created_at,
            next_attempt_at=created_at,
            give_up_at=give_up_at,
        )
        for n in range(1, count + 1)
    ]
    with factory.begin() as session:
        enqueue(session, items)


def rows(factory: sessionmaker[Session]) -> list[OutboxRow]:
    with factory() as session:
        return list(session.scalars(select(OutboxRow).order_by(OutboxRow.id)))


def targets(*items: NotifyTarget) -> dict[str, NotifyTarget]:
    return {channel_key(t.url): t for t in items}


def run(
    factory: sessionmaker[Session],
    chosen: dict[str, NotifyTarget],
    now: datetime = NOW,
    worker: str = "w1",
    notifier: Notifier | None = None,
) -> DeliveryReport:
    sender = notifier or AppriseNotifier()
    return deliver_pending(factory, sender, chosen, now, worker, POLICY)


@pytest.fixture
def sink() -> Iterator[HttpSink]:
    with HttpSink() as running:
        yield running


@pytest.mark.parametrize(
    ("attempts", "wait"),
    [(1, 30), (2, 60), (3, 120), (7, 1920), (8, 3600), (500, 3600)],
    ids=["first", "second", "third", "seventh", "capped", "huge"],
)
def test_backoff_doubles_from_retry_initial_up_to_retry_max(attempts: int, wait: int) -> None:
    assert backoff(attempts, POLICY.retry_initial, POLICY.retry_max) == timedelta(seconds=wait)


def test_a_due_alert_is_sent_once_then_never_again(
    session_factory: sessionmaker[Session], sink: HttpSink
) -> None:
    chosen = targets(NotifyTarget(url=sink.url()))
    add(session_factory, sink.url(), 3)
    assert run(session_factory, chosen) == DeliveryReport(sent=3)
    assert run(session_factory, chosen, NOW + timedelta(days=1)) == DeliveryReport()
    assert sorted(p["title"] for p in sink.posts) == [
        f"Acme: Person {n} leaves as CEO" for n in (1, 2, 3)
    ]
    assert {(r.status, r.sent_at, r.claimed_by) for r in rows(session_factory)} == {
        ("sent", NOW, None)
    }


def test_smtp_outage_keeps_the_alert_pending_then_sends_it_exactly_once(
    session_factory: sessionmaker[Session],
) -> None:
    smtp = SmtpServer(port=free_port())
    chosen = targets(NotifyTarget(url=smtp.url()))
    add(session_factory, smtp.url())
    notifier = AppriseNotifier()
    assert run(session_factory, chosen, notifier=notifier) == DeliveryReport(failed=1)
    [row] = rows(session_factory)
    assert (row.status, row.attempts, row.next_attempt_at) == ("pending", 1, NOW + 30 * SECOND)
    assert row.last_error
    with smtp:
        # Not due yet: the backoff is kept in the row, whatever process runs next.
        assert run(session_factory, chosen, NOW + 10 * SECOND) == DeliveryReport()
        assert run(session_factory, chosen, NOW + 31 * SECOND) == DeliveryReport(sent=1)
        assert run(session_factory, chosen, NOW + timedelta(hours=2)) == DeliveryReport()
        assert len(smtp.messages) == 1
    [row] = rows(session_factory)
    assert (row.status, row.attempts, row.last_error) == ("sent", 1, None)


def test_a_crash_between_claim_and_mark_is_resent_once_after_the_lease(
    session_factory: sessionmaker[Session], sink: HttpSink
) -> None:
    chosen = targets(NotifyTarget(url=sink.url()))
    add(session_factory, sink.url())
    with session_factory.begin() as session:
        [claimed] = outbox.claim_batch(session, NOW, "crashed", 10, POLICY.lease)
    # "crashed" dies here, without sending or marking.
    assert run(session_factory, chosen, NOW + timedelta(minutes=1), "w2") == DeliveryReport()
    after = NOW + POLICY.lease + SECOND
    assert run(session_factory, chosen, after, "w2") == DeliveryReport(sent=1)
    assert run(session_factory, chosen, after + timedelta(hours=1), "w3") == DeliveryReport()
    assert len(sink.posts) == 1
    with session_factory.begin() as session:
        assert not outbox.mark_sent(session, claimed.id, "crashed", after)
        assert not outbox.mark_failed(session, claimed.id, "crashed", error="x", retry_at=after)


@dataclass
class Refusing:
    error: DeliveryError
    calls: int = 0

    def send(self, url: str, message: Message) -> None:
        self.calls += 1
        raise self.error


@pytest.mark.parametrize(
    ("error", "give_up_at", "status", "next_at"),
    [
        (DeliveryError("busy"), None, "pending", NOW + 30 * SECOND),
        (DeliveryError("bad token", permanent=True), None, "dead", NOW + 30 * SECOND),
        (DeliveryError("busy"), NOW, "dead", NOW),
        (DeliveryError("busy"), NOW + 10 * SECOND, "pending", NOW + 10 * SECOND),
    ],
    ids=["transient", "permanent", "past-give-up", "last-try-at-give-up"],
)
def test_a_refused_alert_is_retried_or_given_up_as_dead(
    session_factory: sessionmaker[Session],
    error: DeliveryError,
    give_up_at: datetime | None,
    status: str,
    next_at: datetime,
) -> None:
    url = "json://127.0.0.1:9/never"
    add(session_factory, url, give_up_at=give_up_at)
    run(session_factory, targets(NotifyTarget(url=url)), notifier=Refusing(error))
    [row] = rows(session_factory)
    assert (row.status, row.attempts, row.next_attempt_at) == (status, 1, next_at)
    assert row.last_error == error.message


def test_an_alert_for_an_unknown_channel_waits_and_dies_only_at_give_up(
    session_factory: sessionmaker[Session], caplog: pytest.LogCaptureFixture
) -> None:
    add(session_factory, "json://127.0.0.1:9/removed", give_up_at=NOW + timedelta(hours=1))
    notifier = Refusing(DeliveryError("unused"))
    assert run(session_factory, {}, notifier=notifier) == DeliveryReport(failed=1)
    [row] = rows(session_factory)
    assert (row.status, row.last_error) == ("pending", "channel not in this configuration")
    later = NOW + timedelta(hours=2)
    assert run(session_factory, {}, notifier=notifier, now=later) == DeliveryReport(dead=1)
    assert rows(session_factory)[0].status == "dead"
    assert notifier.calls == 0
    assert "alert dropped" in caplog.text


def test_a_named_channel_keeps_its_queued_alerts_when_its_url_changes(
    session_factory: sessionmaker[Session], sink: HttpSink
) -> None:
    old = NotifyTarget(url="json://127.0.0.1:9/old-token", name="board-watch")
    new = NotifyTarget(url=sink.url("new-token"), name="board-watch")
    key = target_key(old)
    item = OutboxItem("transition", key, f"t:1:{key}", payload(1).to_json(), NOW, NOW)
    with session_factory.begin() as session:
        enqueue(session, [item])
    # The URL was rotated (a new token) and the process restarted with the new config.
    assert run(session_factory, {target_key(new): new}) == DeliveryReport(sent=1)
    assert len(sink.posts) == 1
    assert channel_key(old.url) != channel_key(new.url)


def test_a_malformed_payload_goes_dead_without_stopping_the_others(
    session_factory: sessionmaker[Session], sink: HttpSink
) -> None:
    add(session_factory, sink.url(), 2)
    with session_factory.begin() as session:
        session.get_one(OutboxRow, 1).payload = {"kind": "transition"}
    assert run(session_factory, targets(NotifyTarget(url=sink.url()))) == DeliveryReport(
        sent=1, dead=1
    )


def test_a_daily_digest_channel_gets_yesterdays_alerts_in_one_message(
    session_factory: sessionmaker[Session], sink: HttpSink
) -> None:
    digest = NotifyTarget(url=sink.url("digest"), digest="daily")
    add(session_factory, digest.url, 3, created_at=NOW - timedelta(hours=20))
    with session_factory.begin() as session:
        late = replace(payload(9), person="Late Person").to_json()
        item = OutboxItem("transition", channel_key(digest.url), "late", late, NOW, NOW)
        enqueue(session, [item])
    assert run(session_factory, targets(digest)) == DeliveryReport(sent=3)
    [post] = sink.posts
    assert post["title"] == "Leadership changes digest 2026-11-25: 3 alert(s)"
    assert "Person 3 leaves as CEO" in post["message"] and "Late" not in post["message"]
    assert run(session_factory, targets(digest), NOW + timedelta(hours=13)) == DeliveryReport(
        sent=1
    )
    assert len(sink.posts) == 2


def test_rows_left_when_half_the_lease_is_gone_are_released_unsent(
    session_factory: sessionmaker[Session], sink: HttpSink
) -> None:
    add(session_factory, sink.url(), 3)
    ticks = iter([0.0, 0.0, 59.0, 61.0])
    report = deliver_pending(
        session_factory,
        AppriseNotifier(),
        targets(NotifyTarget(url=sink.url())),
        NOW,
        "w1",
        POLICY,
        monotonic=lambda: next(ticks, 1_000.0),
    )
    assert report == DeliveryReport(sent=1, released=2)
    assert [(r.status, r.claimed_by) for r in rows(session_factory)] == [
        ("sent", None),
        ("pending", None),
        ("pending", None),
    ]


@pytest.mark.slow
def test_two_deliverers_drain_1000_alerts_sending_each_exactly_once(
    db_url: URL, session_factory: sessionmaker[Session], sink: HttpSink
) -> None:
    add(session_factory, sink.url(), 1_000)
    chosen = targets(NotifyTarget(url=sink.url()))
    reports: list[DeliveryReport] = []
    errors: list[BaseException] = []

    def drain(worker: str) -> None:
        engine = make_engine(db_url)
        try:
            factory = make_session_factory(engine)
            total = DeliveryReport()
            while (report := run(factory, chosen, worker=worker)) != DeliveryReport():
                total.sent += report.sent
                total.lost += report.lost
            reports.append(total)
        except BaseException as exc:  # surfaced below: a thread cannot fail the test
            errors.append(exc)
        finally:
            engine.dispose()

    threads = [threading.Thread(target=drain, args=(f"w{i}",)) for i in (1, 2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=100)
    assert not errors
    titles = [p["title"] for p in sink.posts]
    assert len(titles) == 1_000 and len(set(titles)) == 1_000
    assert sum(r.sent for r in reports) == 1_000 and sum(r.lost for r in reports) == 0
    assert {r.status for r in rows(session_factory)} == {"sent"}


@dataclass
class StopsAfterFirstSend:
    stop: threading.Event
    calls: int = 0

    def send(self, url: str, message: Message) -> None:
        self.calls += 1
        self.stop.set()  # SIGTERM arrives while this alert is being sent


def test_a_stop_request_finishes_the_alert_in_hand_and_releases_the_rest(
    session_factory: sessionmaker[Session],
) -> None:
    url = "json://127.0.0.1:9/hook"
    add(session_factory, url, count=5)
    notifier = StopsAfterFirstSend(threading.Event())
    report = deliver_pending(
        session_factory,
        notifier,
        targets(NotifyTarget(url=url)),
        NOW,
        "w1",
        POLICY,
        stop=notifier.stop,
    )
    assert (report.sent, report.released, notifier.calls) == (1, 4, 1)
    assert sorted(r.status for r in rows(session_factory)) == ["pending"] * 4 + ["sent"]
    assert all(r.claimed_by is None for r in rows(session_factory) if r.status == "pending")


def test_a_database_hiccup_after_the_send_is_retried_not_resent(
    session_factory: sessionmaker[Session], sink: HttpSink, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = sink.url()
    add(session_factory, url)
    real, failures = outbox.mark_sent, [OperationalError("UPDATE", {}, Exception("locked"))]

    def flaky(*args: Any) -> bool:
        if failures:
            raise failures.pop()
        return real(*args)

    monkeypatch.setattr(outbox, "mark_sent", flaky)
    assert run(session_factory, targets(NotifyTarget(url=url))) == DeliveryReport(sent=1)
    assert [r.status for r in rows(session_factory)] == ["sent"]
    assert len(sink.posts) == 1
