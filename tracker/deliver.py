"""Draining the outbox: claim -> render -> send -> mark, one row at a time.

Guarantees and their limits (issue #4):

- A row is marked sent only after the channel took it, so a crash never
  loses an alert: an unmarked row stays pending and, once its lease expires,
  another run sends it.
- Delivery is *at least once*. The one duplicate window: the process dies
  (or loses the database) after the channel accepted the message and before
  ``mark_sent`` commits, a few milliseconds. Then the row is sent again after
  its lease. No outbox can close that window without the channel's help.
- A row is never sent after its lease may have run out: sends stop when half
  the lease has elapsed since ``now`` (measured with a monotonic clock), and
  the rest are released for the next run. So a slow channel cannot make two
  deliverers hold the same row.
- Failures back off exponentially (``retry_initial`` doubling up to
  ``retry_max``); the schedule is in the row, so it survives restarts. After
  ``give_up_at`` (or on a permanent error, or when the channel is no longer
  configured) the row goes ``dead`` with an ERROR log line.
- Channels with ``digest: daily`` get one message a day: all their rows
  created before today (UTC) are claimed together and sent as one digest.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from tracker.errors import DeliveryError
from tracker.notify import Notifier
from tracker.pipeline.render import AlertPayload, Message, render, render_digest
from tracker.pipeline.route import Target, medium_for_url
from tracker.store import outbox
from tracker.store.outbox import ClaimedRow

logger = logging.getLogger(__name__)

MAX_BATCHES = 1_000
MARK_RETRIES = 5
_MAX_ERROR = 500


class DeliveryPolicy(Protocol):
    """The parts of ``settings.Delivery`` the deliverer uses."""

    @property
    def retry_initial(self) -> timedelta: ...

    @property
    def retry_max(self) -> timedelta: ...

    @property
    def give_up_after(self) -> timedelta: ...

    @property
    def batch_size(self) -> int: ...

    @property
    def lease(self) -> timedelta: ...


@dataclass
class DeliveryReport:
    """What one ``deliver_pending`` run did; ``lost`` = sent but the lease was taken over."""

    sent: int = 0
    failed: int = 0
    dead: int = 0
    lost: int = 0
    released: int = 0


def backoff(attempts: int, initial: timedelta, maximum: timedelta) -> timedelta:
    """The wait after the ``attempts``-th failure: ``initial`` doubling, capped at ``maximum``."""
    return min(maximum, initial * (1 << min(max(attempts, 1) - 1, 32)))


@dataclass
class _Run:
    session_factory: sessionmaker[Session]
    notifier: Notifier
    targets: Mapping[str, Target]
    now: datetime
    worker_id: str
    policy: DeliveryPolicy
    out_of_time: Callable[[], bool]
    report: DeliveryReport


def deliver_pending(  # noqa: PLR0917 - the agreed interface (docs/INTERFACES.md)
    session_factory: sessionmaker[Session],
    notifier: Notifier,
    targets_by_key: Mapping[str, Target],
    now: datetime,
    worker_id: str,
    delivery: DeliveryPolicy,
    *,
    monotonic: Callable[[], float] = time.monotonic,
    stop: threading.Event | None = None,
) -> DeliveryReport:
    """Send every due outbox row once; returns counts. Never raises for a bad row.

    Rows not sent when half the lease has passed, or when ``stop`` is set (the
    daemon is shutting down), are released for the next run.
    """
    deadline = monotonic() + delivery.lease.total_seconds() / 2

    def out_of_time() -> bool:
        return monotonic() >= deadline or (stop is not None and stop.is_set())

    run = _Run(
        session_factory,
        notifier,
        targets_by_key,
        now,
        worker_id,
        delivery,
        out_of_time=out_of_time,
        report=DeliveryReport(),
    )
    digest_keys = {k for k, t in targets_by_key.items() if t.digest == "daily"}
    for _ in range(MAX_BATCHES):
        rows = _claim(run, exclude_channels=digest_keys)
        if not rows:
            break
        _send_rows(run, rows)
    for key in sorted(digest_keys):
        _deliver_digests(run, key)
    return run.report


def _claim(
    run: _Run,
    *,
    channels: list[str] | None = None,
    exclude_channels: set[str] | None = None,
    created_before: datetime | None = None,
) -> list[ClaimedRow]:
    if run.out_of_time():
        return []
    with run.session_factory.begin() as session:
        return outbox.claim_batch(
            session,
            run.now,
            run.worker_id,
            run.policy.batch_size,
            run.policy.lease,
            channels=channels,
            exclude_channels=exclude_channels or (),
            created_before=created_before,
        )


def _send_rows(run: _Run, rows: list[ClaimedRow]) -> None:
    for index, row in enumerate(rows):
        if run.out_of_time():
            _release(run, rows[index:])
            return
        target = run.targets.get(row.channel_key)
        if target is None:
            # Not permanent: another replica may run a newer configuration, or the
            # channel may come back; the row dies only at its give_up_at.
            _fail(run, [row], "channel not in this configuration", permanent=False)
            continue
        try:
            payload = AlertPayload.from_json(row.payload)
        except (KeyError, TypeError, ValueError) as exc:
            _fail(run, [row], f"malformed payload: {exc!r}", permanent=True)
            continue
        _send(run, [row], target.url, render(payload, medium_for_url(target.url)))


def _send(run: _Run, rows: list[ClaimedRow], url: str, message: Message) -> None:
    try:
        run.notifier.send(url, message)
    except DeliveryError as exc:
        _fail(run, rows, exc.message, permanent=exc.permanent)
        return
    except Exception as exc:  # a notifier bug must not stop the other rows
        _fail(run, rows, f"{type(exc).__name__}: {exc}", permanent=False)
        return
    marked = _mark_sent(run, rows)
    run.report.sent += sum(marked)
    for row, ok in zip(rows, marked, strict=True):
        if not ok:
            run.report.lost += 1
            logger.warning("outbox lease lost after send outbox_id=%s (may repeat)", row.id)


def _mark_sent(run: _Run, rows: list[ClaimedRow]) -> list[bool]:
    """Mark rows sent, retrying a briefly busy or failing database.

    The channel already took the message: giving up here means it is sent again
    once the lease expires, so a few short retries are worth it.
    """
    for attempt in range(MARK_RETRIES):
        try:
            with run.session_factory.begin() as session:
                return [outbox.mark_sent(session, r.id, run.worker_id, run.now) for r in rows]
        except SQLAlchemyError:
            if attempt == MARK_RETRIES - 1:
                logger.exception("could not mark sent alerts; they may be sent again")
                return [False] * len(rows)
            time.sleep(0.2 * (attempt + 1))
    return [False] * len(rows)


def _fail(run: _Run, rows: list[ClaimedRow], error: str, *, permanent: bool) -> None:
    error = error[:_MAX_ERROR]
    with run.session_factory.begin() as session:
        for row in rows:
            attempts = row.attempts + 1
            give_up = row.give_up_at or row.created_at + run.policy.give_up_after
            retry_at = run.now + backoff(attempts, run.policy.retry_initial, run.policy.retry_max)
            dead = permanent or run.now >= give_up
            # The last try happens at the give-up time rather than never.
            retry_at = min(retry_at, max(give_up, run.now))
            if not outbox.mark_failed(
                session, row.id, run.worker_id, error=error, retry_at=retry_at, dead=dead
            ):
                run.report.lost += 1
            elif dead:
                run.report.dead += 1
                logger.error(
                    "alert dropped outbox_id=%s channel_key=%s attempts=%s error=%s",
                    row.id,
                    row.channel_key,
                    attempts,
                    error,
                )
            else:
                run.report.failed += 1
                logger.warning(
                    "alert not sent outbox_id=%s attempt=%s retry_at=%s error=%s",
                    row.id,
                    attempts,
                    retry_at.isoformat(),
                    error,
                )


def _release(run: _Run, rows: list[ClaimedRow]) -> None:
    with run.session_factory.begin() as session:
        run.report.released += outbox.release(session, [r.id for r in rows], run.worker_id)


def _deliver_digests(run: _Run, key: str) -> None:
    """Send a digest channel's rows from before today (UTC) as one message per batch."""
    target = run.targets[key]
    today = run.now.replace(hour=0, minute=0, second=0, microsecond=0)
    day = (today - timedelta(days=1)).date().isoformat()
    for _ in range(MAX_BATCHES):
        rows = _claim(run, channels=[key], created_before=today)
        if not rows:
            return
        good: list[tuple[ClaimedRow, AlertPayload]] = []
        for row in rows:
            try:
                good.append((row, AlertPayload.from_json(row.payload)))
            except (KeyError, TypeError, ValueError) as exc:
                _fail(run, [row], f"malformed payload: {exc!r}", permanent=True)
        if good:
            message = render_digest([p for _, p in good], medium_for_url(target.url), day)
            _send(run, [r for r, _ in good], target.url, message)
