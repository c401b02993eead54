"""Several replicas on one database: feed leases, and two real daemons sharing 50 feeds."""

from __future__ import annotations

import itertools
import time
from collections import defaultdict
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from daemon_helpers import (
    COMPANIES,
    REPLAY,
    Daemon,
    TimedFeedServer,
    consistency_problems,
    plain_feed,
    wait_until,
    write_config,
)
from feedserver import Route
from http_sink import HttpSink
from sqlalchemy import func, select
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session, sessionmaker

from tracker.settings import Settings
from tracker.store.db import make_engine, make_session_factory
from tracker.store.leases import claim_due_feeds, release_leases, renew_leases
from tracker.store.tables import FeedRow, OutboxRow

NOW = datetime(2024, 3, 1, 12, 0, tzinfo=UTC)
LEASE = timedelta(seconds=30)


def _feed(session: Session, name: str, **state: object) -> FeedRow:
    row = FeedRow(url=f"https://example.com/{name}", name=name, created_at=NOW, **state)
    session.add(row)
    session.flush()
    return row


def _claim(session: Session, owner: str, now: datetime = NOW, limit: int = 10) -> list[str]:
    return [f.name or "" for f in claim_due_feeds(session, owner, now, LEASE, limit)]


@pytest.mark.parametrize(
    ("state", "claimed"),
    [
        pytest.param({}, True, id="never-checked"),
        pytest.param({"next_check_at": NOW}, True, id="due-now"),
        pytest.param({"next_check_at": NOW + timedelta(seconds=1)}, False, id="not-yet-due"),
        pytest.param({"active": False}, False, id="inactive"),
        pytest.param({"disabled_reason": "410 gone"}, False, id="disabled"),
        pytest.param(
            {"lease_owner": "b", "lease_until": NOW + timedelta(seconds=1)}, False, id="leased"
        ),
        pytest.param({"lease_owner": "b", "lease_until": NOW}, True, id="lease-expired"),
    ],
)
def test_claim_takes_due_unleased_feeds_only(
    session: Session, state: dict[str, object], claimed: bool
) -> None:
    _feed(session, "x", **state)
    assert _claim(session, "a") == (["x"] if claimed else [])


def test_claimed_feed_is_leased_to_its_owner_until_the_lease_ends(session: Session) -> None:
    _feed(session, "x")
    assert _claim(session, "a") == ["x"]
    assert _claim(session, "b", NOW + LEASE - timedelta(seconds=1)) == []
    assert _claim(session, "b", NOW + LEASE) == ["x"], "a dead owner's feed is taken over"
    row = session.scalars(select(FeedRow)).one()
    assert (row.lease_owner, row.lease_until) == ("b", NOW + 2 * LEASE)


def test_renewed_lease_keeps_a_slow_poll_from_being_taken_over(session: Session) -> None:
    _feed(session, "x")
    _feed(session, "y", lease_owner="b", lease_until=NOW + LEASE)
    assert _claim(session, "a") == ["x"]
    assert renew_leases(session, "a", NOW + 2 * LEASE) == 1, "only a's own lease is renewed"
    assert _claim(session, "c", NOW + LEASE) == ["y"], "b's lease ran out, a's was renewed"
    assert _claim(session, "d", NOW + 2 * LEASE) == ["x", "y"]


def test_claim_obeys_the_limit_oldest_due_first(session: Session) -> None:
    for name, minutes in (("late", 1), ("early", 5), ("never", None)):
        due = None if minutes is None else NOW - timedelta(minutes=minutes)
        _feed(session, name, next_check_at=due)
    assert _claim(session, "a", limit=2) == ["never", "early"]
    assert _claim(session, "b", limit=2) == ["late"]


def test_release_clears_only_the_owners_leases(session: Session) -> None:
    for name in ("a1", "a2", "b1"):
        _feed(session, name)
    claim_due_feeds(session, "a", NOW, LEASE, 2)
    claim_due_feeds(session, "b", NOW, LEASE, 2)
    ids = {f.name: f.id for f in session.scalars(select(FeedRow))}
    assert release_leases(session, "a", [ids["a1"], ids["b1"]]) == 1
    assert release_leases(session, "a") == 1
    owners = {
        name: owner for name, owner in session.execute(select(FeedRow.name, FeedRow.lease_owner))
    }
    assert owners == {"a1": None, "a2": None, "b1": "b"}


@pytest.fixture
def pg_factory(postgres_url: URL) -> Iterator[sessionmaker[Session]]:
    """Sessions on a migrated PostgreSQL schema."""
    from tracker.store.db import upgrade

    engine = make_engine(postgres_url)
    upgrade(engine)
    yield make_session_factory(engine)
    engine.dispose()


def test_concurrent_claims_on_postgresql_skip_rows_locked_by_the_other(
    pg_factory: sessionmaker[Session],
) -> None:
    with pg_factory.begin() as session:
        for i in range(4):
            _feed(session, f"f{i}")
    with pg_factory() as first, pg_factory() as second:
        mine = _claim(first, "a", limit=2)  # not committed yet: its rows stay locked
        theirs = _claim(second, "b", limit=10)  # must not wait for, nor take, a's rows
        first.commit()
        second.commit()
    assert len(mine) == 2
    assert sorted(mine + theirs) == ["f0", "f1", "f2", "f3"]


# --- two real daemons -------------------------------------------------------------------

FEEDS = 50
INTERVAL_S = 2.0  # poll_interval; the daemons tick every 1 s
FETCH_TIMEOUT_S = 1  # lease = 2 * fetch_timeout + 5 s = 7 s
MIN_GAP_S = 1.5  # two polls of one feed closer than this = polled twice in one interval
MAX_GAP_S = INTERVAL_S + 0.2 + 1.0 + 1.3  # interval + jitter + one tick + slack
TAKEOVER_GAP_S = 7.0 + 1.0 + 1.5  # a dead replica's lease + one tick + slack


@pytest.fixture
def daemons() -> Iterator[list[Daemon]]:
    """Collects started daemons and kills any left running at the end."""
    started: list[Daemon] = []
    yield started
    for daemon in started:
        daemon.close()


def _gaps(times: list[float]) -> list[float]:
    return [b - a for a, b in itertools.pairwise(times)]


def _held_by(factory: sessionmaker[Session], worker: str) -> set[str]:
    with factory() as session:
        query = select(FeedRow.url).where(FeedRow.lease_owner == worker)
        return {url.rsplit("/", 1)[1] for url in session.scalars(query)}


@pytest.mark.slow
def test_two_replicas_poll_each_feed_once_per_interval_and_survive_a_kill(
    tmp_path: Path, postgres_url: URL, daemons: list[Daemon]
) -> None:
    routes = {f"/f{i}.xml": Route(body=plain_feed(f"f{i}"), etag=f'"f{i}"') for i in range(FEEDS)}
    routes["/f0.xml"] = Route.file(REPLAY / "en" / "1.xml")
    server = TimedFeedServer(routes)
    server.start()
    engine = make_engine(postgres_url)
    factory = make_session_factory(engine)
    try:
        with HttpSink() as sink:
            config = write_config(
                tmp_path, postgres_url, poll_interval="2s", fetch_timeout=f"{FETCH_TIMEOUT_S}s",
                feeds=[{"url": server.url(p)} for p in routes], notify=[{"url": sink.url()}],
            )  # fmt: skip
            first = Daemon(config, tmp_path / "first.log").ready()
            daemons.append(first)
            second = Daemon(config, tmp_path / "second.log").ready()
            daemons.append(second)
            started = time.monotonic()
            wait_until(lambda: _polled_everything(server, 3), 30, "three rounds on both replicas")
            second.proc.kill()
            second.proc.wait(timeout=10)
            killed_at, killed_wall = time.monotonic(), datetime.now(UTC)
            held = _held_by(factory, second.worker)
            server.set("/f1.xml", Route.file(REPLAY / "en" / "5.xml"))  # news after the kill
            wait_until(lambda: time.monotonic() > killed_at + TAKEOVER_GAP_S + 2 * INTERVAL_S,
                       60, "the takeover")  # fmt: skip
            wait_until(lambda: _outbox_settled(factory), 30, "every alert sent")
            code, _ = first.terminate()
            ended = time.monotonic()
            posts = list(sink.posts)
        assert code == 0, first.output()
        _check_polls(server, started, ended, killed_at, held)
        _check_alerts(factory, posts, config, killed_wall)
        assert not _held_by(factory, second.worker), "the dead replica's leases were taken over"
    finally:
        server.stop()
        engine.dispose()


def _polled_everything(server: TimedFeedServer, rounds: int) -> bool:
    counts: dict[str, int] = defaultdict(int)
    for _at, path in list(server.times):
        counts[path] += 1
    return len(counts) == FEEDS and min(counts.values()) >= rounds


def _outbox_settled(factory: sessionmaker[Session]) -> bool:
    with factory() as session:
        rows = list(session.scalars(select(OutboxRow.status)))
    return bool(rows) and all(s == "sent" for s in rows) and len(rows) > 1


def _check_polls(
    server: TimedFeedServer, started: float, ended: float, killed_at: float, held: set[str]
) -> None:
    by_feed: dict[str, list[float]] = defaultdict(list)
    for at, path in server.times:
        by_feed[path.strip("/")].append(at)
    assert len(by_feed) == FEEDS
    problems = []
    for feed, times in sorted(by_feed.items()):
        window = [started, *[t for t in times if t >= started], ended]
        limit = TAKEOVER_GAP_S if feed in held else MAX_GAP_S
        if max(_gaps(window)) > limit:
            problems.append(f"{feed}: a gap of {max(_gaps(window)):.1f} s (held={feed in held})")
        if min(_gaps(times)) < MIN_GAP_S:
            problems.append(f"{feed}: polled twice within {min(_gaps(times)):.2f} s")
        if not any(t > killed_at + TAKEOVER_GAP_S for t in times):
            problems.append(f"{feed}: not polled after the takeover")
    gaps = [g for times in by_feed.values() for g in _gaps(times)]
    print(  # the figures, with pytest -s
        f"{len(server.times)} polls of {FEEDS} feeds; gaps {min(gaps):.2f}-{max(gaps):.2f} s; "
        f"{len(held)} feeds leased by the killed replica"
    )
    assert problems == []


def _check_alerts(
    factory: sessionmaker[Session], posts: list[dict[str, str]], config: Path, killed: datetime
) -> None:
    settings = Settings.model_validate({"companies": COMPANIES, "config_path": config})
    with factory() as session:
        assert consistency_problems(session, settings) == [], "an alert was lost"
        sent = session.scalar(select(func.count()).where(OutboxRow.status == "sent"))
        after_kill = session.scalar(select(func.count()).where(OutboxRow.created_at > killed))
    assert after_kill, "the news published after the kill was alerted too"
    assert len(posts) == sent, "each outbox row is posted exactly once"
    bodies = [(p.get("title"), p.get("message")) for p in posts]
    assert len(set(bodies)) == len(bodies), "an alert was doubled"
