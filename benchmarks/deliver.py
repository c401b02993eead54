"""Outbox drain rate against a local json:// endpoint, and the deliverer's overhead.

Usage: ``.venv/bin/python benchmarks/deliver.py [ALERTS]`` (default 1000).
Also runs on PostgreSQL when ``TRACKER_TEST_POSTGRES_URL`` is set.

The baseline is a bare ``apprise.Apprise.notify()`` loop to the same local
endpoint, measured in the same run; the deliverer's figures are given as
ratios to it, so they stay comparable across machines.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

import apprise  # noqa: E402
from http_sink import HttpSink  # noqa: E402
from sqlalchemy import text  # noqa: E402

from tracker.deliver import deliver_pending  # noqa: E402
from tracker.domain import EventType, Role  # noqa: E402
from tracker.notify import AppriseNotifier  # noqa: E402
from tracker.pipeline.render import AlertPayload  # noqa: E402
from tracker.pipeline.route import channel_key  # noqa: E402
from tracker.store.db import make_engine, make_session_factory, upgrade  # noqa: E402
from tracker.store.enqueue import OutboxItem, enqueue  # noqa: E402


class Policy:
    retry_initial = timedelta(seconds=30)
    retry_max = timedelta(hours=1)
    give_up_after = timedelta(days=2)
    batch_size = 100
    lease = timedelta(minutes=10)


class Target:
    def __init__(self, url: str) -> None:
        self.url = url
        self.companies = None
        self.types = None
        self.min_confidence = 0.0
        self.rumors = None
        self.digest = None
        self.name = None


def bare_apprise(url: str, count: int) -> float:
    """Seconds per notify() with one reused Apprise object (the baseline)."""
    service = apprise.Apprise()
    service.add(url)
    start = time.perf_counter()
    for n in range(count):
        assert service.notify(body=f"body {n}", title=f"title {n}")
    return (time.perf_counter() - start) / count


def drain(db_url: str, url: str, count: int) -> float:
    """Seconds per alert to drain ``count`` outbox rows with one deliverer."""
    engine = make_engine(db_url)
    upgrade(engine)
    factory = make_session_factory(engine)
    now = datetime.now(UTC)
    key = channel_key(url)
    with factory.begin() as session:
        session.execute(text("DELETE FROM outbox"))
        enqueue(session, [_item(n, key, now) for n in range(count)])
    start = time.perf_counter()
    report = deliver_pending(factory, AppriseNotifier(), {key: Target(url)}, now, "bench", Policy())
    elapsed = time.perf_counter() - start
    engine.dispose()
    assert report.sent == count, report
    return elapsed / count


def _item(n: int, key: str, now: datetime) -> OutboxItem:
    payload = AlertPayload(
        kind="transition",
        company_id="acme",
        company_name="Acme",
        type=EventType.DEPARTURE,
        person=f"Person {n}",
        role=Role.CEO,
        evidence=f"Person {n} leaves Acme.",
        sources=(f"https://example.com/{n}",),
    )
    return OutboxItem("transition", key, f"bench:{n}", payload.to_json(), now, now)


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    with HttpSink() as sink, tempfile.TemporaryDirectory() as tmp:
        url = sink.url()
        bare_apprise(url, 20)  # warm up connections and imports
        base = bare_apprise(url, count)
        print(f"baseline bare apprise notify(): {base * 1e3:.2f} ms/alert ({1 / base:.0f}/s)")
        databases = {"sqlite": f"sqlite:///{tmp}/bench.db"}
        if os.environ.get("TRACKER_TEST_POSTGRES_URL"):
            databases["postgresql"] = os.environ["TRACKER_TEST_POSTGRES_URL"]
        for name, db_url in databases.items():
            per = drain(db_url, url, count)
            print(
                f"{name}: drained {count} alerts at {1 / per:.0f}/s, {per * 1e3:.2f} ms/alert; "
                f"x{per / base:.2f} the baseline, overhead {(per - base) * 1e3:.2f} ms/alert"
            )


if __name__ == "__main__":
    main()
