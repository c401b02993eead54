"""The hostile-feed poll (issue #3): one poll over every kind of broken feed.

A local server (tests/feedserver.py) serves malformed XML, an HTML page, an
empty body, a 30 MB body, an entity bomb, a 30 s stall, 404, 410, 429 with
Retry-After, 500 and an ISO-8859-1 feed next to a good feed with leadership
news. The poll must still process the good feed fully, record each bad
feed's state, and finish within the fetch timeout plus a margin. Time is
pinned: every poll gets an explicit ``now``.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from feedserver import FeedServer, Route, serve
from sqlalchemy import func, select
from sqlalchemy.engine import URL

from tracker.cli import cli
from tracker.poll import PollReport
from tracker.runtime import Runtime
from tracker.settings import load_settings
from tracker.store.tables import EntryRow, EventRow, FeedRow, OutboxRow, TransitionRow

FEEDS = Path(__file__).parent / "fixtures" / "feeds"
CLI = Path(__file__).parent / "fixtures" / "cli"
NOW = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
FETCH_TIMEOUT_S = 2
# Generous: the deadline is what is checked (a 30 s stall would blow it), not speed.
POLL_MARGIN_S = 8
GOOD = "/good.xml"

# path -> (route, expected error kind or "ok")
HOSTILE: dict[str, tuple[Route, str]] = {
    "/malformed.xml": (Route.file(FEEDS / "malformed_unrecoverable.xml"), "invalid"),
    "/page.html": (Route.file(FEEDS / "page.html", content_type="text/html"), "invalid"),
    "/empty.xml": (Route.file(FEEDS / "empty.xml"), "invalid"),
    "/huge.xml": (Route(size=30 * 1024 * 1024), "too_large"),
    "/bomb.xml": (Route.file(FEEDS / "entity_bomb.xml"), "invalid"),
    "/stall.xml": (Route(body=b"<rss/>", stall_before=30), "timeout"),
    "/missing.xml": (Route.reply(404), "http_404"),
    "/gone.xml": (Route.reply(410), "gone"),
    "/busy.xml": (Route.reply(429, headers={"Retry-After": "120"}), "rate_limited"),
    "/broken.xml": (Route.reply(500), "http_500"),
    "/latin1.xml": (
        Route.file(FEEDS / "latin1_declared.xml", content_type="application/rss+xml"),
        "ok",
    ),
}


@dataclass
class World:
    """A feed server, a runtime on the test database, and the feed URLs."""

    server: FeedServer
    runtime: Runtime

    def poll(self, now: datetime) -> PollReport:
        """``tracker poll``'s work at a pinned time."""
        return self.runtime.poll_all(now)

    def feeds(self) -> dict[str, FeedRow]:
        """Feed rows by the path of their URL on the server."""
        with self.runtime.session_factory() as session:
            rows = list(session.scalars(select(FeedRow)))
            session.expunge_all()
        return {r.url.removeprefix(self.server.base_url): r for r in rows}

    def count(self, model: Any, *where: Any) -> int:
        """Rows of one table matching ``where``."""
        with self.runtime.session_factory() as session:
            return int(session.scalar(select(func.count()).select_from(model).where(*where)) or 0)


def _config(tmp_path: Path, db_url: URL, server: FeedServer, paths: list[str]) -> Path:
    config = {
        "database_url": db_url.render_as_string(hide_password=False),
        "fetch_timeout": f"{FETCH_TIMEOUT_S}s",
        "max_entry_age": "7d",
        "poll_interval": "10m",
        "feeds": [{"url": server.url(p)} for p in paths],
        "companies": [
            {"id": "openai", "name": "OpenAI", "people": [{"name": "Sam Altman", "role": "ceo"}]},
            {"id": "microsoft", "name": "Microsoft"},
        ],
        # never delivered here: the channel only makes alerts queue
        "notify": [{"url": "json://127.0.0.1:9/alerts"}],
    }
    path = tmp_path / "tracker.yaml"
    path.write_text(json.dumps(config), encoding="utf-8")  # JSON is YAML
    return path


@contextmanager
def world(tmp_path: Path, db_url: URL, routes: Mapping[str, Route]) -> Iterator[World]:
    """Serve ``routes`` and open a runtime whose config lists every one of them."""
    with serve(routes) as server:
        settings = load_settings(_config(tmp_path, db_url, server, list(routes)), {})
        runtime = Runtime.open(settings)
        try:
            yield World(server, runtime)
        finally:
            runtime.close()


def _hostile_routes() -> dict[str, Route]:
    routes = {GOOD: Route.file(CLI / "leadership.xml")}
    routes.update({path: route for path, (route, _kind) in HOSTILE.items()})
    return routes


@pytest.fixture
def hostile(tmp_path: Path, db_url: URL) -> Iterator[tuple[World, PollReport, float]]:
    """One poll over the good feed and every hostile one, with its wall time."""
    with world(tmp_path, db_url, _hostile_routes()) as w:
        started = time.monotonic()
        report = w.poll(NOW)
        yield w, report, time.monotonic() - started


def test_hostile_poll_finishes_within_the_fetch_timeout(
    hostile: tuple[World, PollReport, float],
) -> None:
    _world, report, elapsed = hostile
    assert len(report.outcomes) == len(HOSTILE) + 1
    assert elapsed < FETCH_TIMEOUT_S + POLL_MARGIN_S, f"poll took {elapsed:.1f} s"


def test_hostile_poll_still_processes_the_good_feed_fully(
    hostile: tuple[World, PollReport, float],
) -> None:
    w, report, _elapsed = hostile
    good = next(o for o in report.outcomes if o.url == w.server.url(GOOD))
    assert (good.status, good.new_entries, good.events, good.transitions) == ("ok", 3, 2, 2)
    good_id = w.feeds()[GOOD].id
    assert w.count(EntryRow, EntryRow.feed_id == good_id) == 3
    good_entries = select(EntryRow.id).where(EntryRow.feed_id == good_id)
    assert w.count(EventRow, EventRow.entry_id.in_(good_entries)) == 2
    people = {(t.company, t.type, t.person) for t in _transitions(w)}
    assert people == {
        ("openai", "departure", "Sam Altman"),
        ("microsoft", "appointment", "Amy Hood"),
    }


def test_hostile_poll_records_each_bad_feeds_state(
    hostile: tuple[World, PollReport, float],
) -> None:
    w, _report, _elapsed = hostile
    feeds = w.feeds()
    seen = {path: _state(feeds[path]) for path in HOSTILE}
    expected = {path: _expected_state(path, kind) for path, (_route, kind) in HOSTILE.items()}
    assert seen == expected


def _state(row: FeedRow) -> dict[str, object]:
    return {
        "kind": row.last_error_kind or "ok",
        "error_count": row.error_count,
        "next_check_after_now": row.next_check_at is not None and row.next_check_at > NOW,
        "disabled": row.disabled_reason is not None,
        "retry_until": row.retry_until,
    }


def _expected_state(path: str, kind: str) -> dict[str, object]:
    return {
        "kind": kind,
        "error_count": 0 if kind == "ok" else 1,
        "next_check_after_now": True,
        "disabled": kind == "gone",
        "retry_until": NOW + timedelta(seconds=120) if kind == "rate_limited" else None,
    }


def test_latin1_feed_is_decoded_and_stored(hostile: tuple[World, PollReport, float]) -> None:
    w, _report, _elapsed = hostile
    feed_id = w.feeds()["/latin1.xml"].id
    with w.runtime.session_factory() as session:
        titles = list(session.scalars(select(EntryRow.title).where(EntryRow.feed_id == feed_id)))
    assert titles == ["Société Générale : le PDG démissionne"]


@pytest.mark.parametrize(
    ("later", "expected_paths"),
    [
        pytest.param(timedelta(seconds=60), {GOOD}, id="under-retry-after"),
        pytest.param(timedelta(seconds=200), {GOOD, "/busy.xml"}, id="after-retry-after"),
    ],
)
def test_later_poll_skips_gone_feed_and_honours_retry_after(
    tmp_path: Path, db_url: URL, later: timedelta, expected_paths: set[str]
) -> None:
    routes = {
        GOOD: Route.file(CLI / "leadership.xml"),
        "/gone.xml": HOSTILE["/gone.xml"][0],
        "/busy.xml": HOSTILE["/busy.xml"][0],
    }
    with world(tmp_path, db_url, routes) as w:
        w.poll(NOW)
        before = {path: len(w.server.requests_for(path)) for path in routes}
        w.poll(NOW + later)
        requested = {p for p in routes if len(w.server.requests_for(p)) > before[p]}
    assert requested == expected_paths


def test_error_backoff_grows_with_consecutive_failures(tmp_path: Path, db_url: URL) -> None:
    with world(tmp_path, db_url, {"/broken.xml": Route.reply(500)}) as w:
        delays = []
        for step in range(3):
            now = NOW + timedelta(hours=step)
            w.poll(now)
            row = w.feeds()["/broken.xml"]
            assert row.next_check_at is not None
            delays.append((row.error_count, row.next_check_at - now))
    assert delays == [
        (1, timedelta(minutes=10)),
        (2, timedelta(minutes=20)),
        (3, timedelta(minutes=40)),
    ]


def test_permanent_redirect_updates_the_stored_feed_url(tmp_path: Path, db_url: URL) -> None:
    routes = {
        "/old.xml": Route.redirect("/new.xml", status=301),
        "/new-home-only": Route.file(CLI / "moved.xml"),
    }
    with world(tmp_path, db_url, {"/old.xml": routes["/old.xml"]}) as w:
        w.server.set("/new.xml", routes["/new-home-only"])
        report = w.poll(NOW)
        assert [o.status for o in report.outcomes] == ["ok"]
        assert list(w.feeds()) == ["/new.xml"]


def test_a_moved_feed_stays_one_feed_on_later_polls(tmp_path: Path, db_url: URL) -> None:
    with world(tmp_path, db_url, {"/old.xml": Route.redirect("/new.xml", status=301)}) as w:
        w.server.set("/new.xml", Route.file(CLI / "moved.xml"))
        w.poll(NOW)
        report = w.poll(NOW + timedelta(hours=1))
        active = sorted(path for path, row in w.feeds().items() if row.active)
    assert (active, report.total("new_entries")) == (["/new.xml"], 0)


def test_edited_entry_is_not_a_new_story(tmp_path: Path, db_url: URL) -> None:
    with world(tmp_path, db_url, {GOOD: Route.file(CLI / "leadership.xml")}) as w:
        w.poll(NOW)
        counts = (w.count(EntryRow), w.count(TransitionRow), w.count(OutboxRow))
        w.server.set(GOOD, Route.file(CLI / "leadership_edited.xml"))
        report = w.poll(NOW + timedelta(hours=1))
        assert (report.total("new_entries"), report.total("transitions")) == (0, 0)
        assert (w.count(EntryRow), w.count(TransitionRow), w.count(OutboxRow)) == counts
        edited = w.count(EntryRow, EntryRow.title.like("%after review"))
    assert edited == 1


def test_old_entries_update_history_but_queue_no_alert(tmp_path: Path, db_url: URL) -> None:
    with world(tmp_path, db_url, {GOOD: Route.file(CLI / "leadership.xml")}) as w:
        w.poll(NOW)
        alerted = {t.person: _alerts_for(w, t.id) for t in _transitions(w)}
    # Amy Hood's appointment was published 14 months before NOW: history, no alert.
    assert alerted == {"Sam Altman": 1, "Amy Hood": 0}


def _transitions(w: World) -> list[TransitionRow]:
    with w.runtime.session_factory() as session:
        rows = list(session.scalars(select(TransitionRow).order_by(TransitionRow.id)))
        session.expunge_all()
    return rows


def _alerts_for(w: World, transition_id: int) -> int:
    return w.count(OutboxRow, OutboxRow.transition_id == transition_id)


def test_hostile_tracker_poll_exits_0_with_one_line_per_failed_feed(
    tmp_path: Path, db_url: URL
) -> None:
    with serve(_hostile_routes()) as server:
        config = _config(tmp_path, db_url, server, list(_hostile_routes()))
        result = CliRunner().invoke(cli, ["--config", str(config), "poll"])
    assert result.exit_code == 0, result.output
    failed = sorted(line.split(": ")[1] for line in result.stderr.splitlines())
    expected = sorted(server.url(p) for p, (_r, kind) in HOSTILE.items() if kind != "ok")
    assert failed == expected
    assert result.stdout.startswith(f"polled {len(HOSTILE) + 1} feeds ({len(expected)} failed)")


UNDATED = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
<link>https://news.example/</link><description>d</description>
<item><title>OpenAI names {who} chief financial officer</title>
<link>https://news.example/{n}</link><guid>{n}</guid>
<description>OpenAI said it appointed {who} as chief financial officer.</description></item>
</channel></rss>"""


def _undated(n: str, who: str) -> Route:
    return Route(body=UNDATED.replace(b"{n}", n.encode()).replace(b"{who}", who.encode()))


def test_undated_entries_of_a_new_feed_are_history_but_later_ones_alert(
    tmp_path: Path, db_url: URL
) -> None:
    with world(tmp_path, db_url, {GOOD: _undated("old-1", "Jane Roe")}) as w:
        first = w.poll(NOW)
        # The first fetch's undated entry may be old news: history, no alert.
        assert (first.total("transitions"), first.total("alerts")) == (1, 0)
        w.server.set(GOOD, _undated("new-2", "John Poe"))
        later = w.poll(NOW + timedelta(days=30))
        assert (later.total("transitions"), later.total("alerts")) == (1, 1)


def test_an_extractor_crash_on_one_entry_costs_only_that_entry(
    tmp_path: Path, db_url: URL, monkeypatch: pytest.MonkeyPatch
) -> None:
    with world(tmp_path, db_url, {GOOD: Route.file(CLI / "leadership.xml")}) as w:
        real = w.runtime.poller.extractor.extract
        calls: list[str] = []

        class Flaky:  # a wrapper, not a patch: the compiled Extractor's methods are read-only
            def extract(self, item: Any) -> Any:
                calls.append(item.id)
                if len(calls) == 1:
                    raise RuntimeError("extractor bug")
                return real(item)

        monkeypatch.setattr(w.runtime.poller, "extractor", Flaky())
        report = w.poll(NOW)
        assert [o.status for o in report.outcomes] == ["ok"]
        assert w.count(EntryRow) == len(calls) >= 2
        assert report.total("events") >= 1
        assert w.feeds()[GOOD].etag is not None or w.feeds()[GOOD].last_status == 200
