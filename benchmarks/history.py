"""`tracker history COMPANY --json` latency on a database holding a million entries.

Usage: ``.venv/bin/python benchmarks/history.py [ENTRIES]`` (default 1000000).
Also runs on PostgreSQL when ``TRACKER_TEST_POSTGRES_URL`` is set and
``--postgres`` is given, in a fresh schema dropped afterwards.

The database is filled with Core ``executemany`` inserts: 500 feeds, the
entries, and for 300 companies a realistic share of extracted events,
stories, story sources, transitions and sent alerts. Then the history path
(``tracker.history.render_history`` with ``as_json=True``, exactly what the
command prints, in a fresh session per call like the command) runs 200 times
across companies; p50/p95/max are printed, with a baseline of the same number
of ``SELECT 1`` round trips on the same engine measured in the same run.
Target: p95 < 50 ms on SQLite. The temporary SQLite file is removed at the end.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT)]

from sqlalchemy import Engine, Table, text  # noqa: E402

from tracker.domain import Company  # noqa: E402
from tracker.history import render_history  # noqa: E402
from tracker.store.db import make_engine, make_session_factory, upgrade  # noqa: E402
from tracker.store.tables import (  # noqa: E402
    EntryRow,
    EventRow,
    FeedRow,
    OutboxRow,
    StoryRow,
    StorySourceRow,
    TransitionRow,
)

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
FEEDS = 500
COMPANIES = 300
EVENT_SHARE = 0.05  # entries with an extracted event
STORY_PER_EVENT = 0.4  # several entries report one story
TRANSITION_PER_STORY = 0.5  # rumours, denials and non-changes stay stories
CALLS = 200
CHUNK = 20_000
TYPES = ("departure", "appointment", "reinstatement", "board_change")
ROLES = ("ceo", "cfo", "coo", "chair", "director")


def _chunks(rows: Iterator[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    for row in rows:
        batch.append(row)
        if len(batch) == CHUNK:
            yield batch
            batch = []
    if batch:
        yield batch


def _insert(engine: Engine, table: Any, rows: Iterator[dict[str, Any]]) -> None:
    target: Table = table.__table__
    with engine.begin() as conn:
        for batch in _chunks(rows):
            conn.execute(target.insert(), batch)


def _feeds() -> Iterator[dict[str, Any]]:
    for i in range(1, FEEDS + 1):
        yield {"id": i, "url": f"https://news{i}.example.com/rss", "origin": "config",
               "active": True, "error_count": 0, "created_at": NOW}  # fmt: skip


def _entries(count: int) -> Iterator[dict[str, Any]]:
    for i in range(1, count + 1):
        seen = NOW - timedelta(minutes=count - i)
        yield {"id": i, "feed_id": i % FEEDS + 1, "key": f"guid-{i}",
               "link": f"https://news{i % FEEDS + 1}.example.com/story/{i}",
               "title": f"Business headline number {i}", "summary": "Markets moved today.",
               "published_at": seen, "first_seen_at": seen, "content_hash": f"{i:064x}",
               "updated_at": seen}  # fmt: skip


def fill(engine: Engine, entries: int, rng: random.Random) -> dict[str, int]:
    """Insert every table's rows; returns the row counts."""
    _insert(engine, FeedRow, _feeds())
    _insert(engine, EntryRow, _entries(entries))
    event_entries = sorted(rng.sample(range(1, entries + 1), int(entries * EVENT_SHARE)))
    story_count = int(len(event_entries) * STORY_PER_EVENT)
    story_company = [rng.randrange(COMPANIES) for _ in range(story_count)]
    story_of_event = [rng.randrange(story_count) for _ in event_entries]
    transition_of_story = {
        s: n + 1
        for n, s in enumerate(
            sorted(rng.sample(range(story_count), int(story_count * TRANSITION_PER_STORY)))
        )
    }
    _insert(engine, StoryRow, _stories(story_company, transition_of_story))
    _insert(engine, EventRow, _events(event_entries, story_of_event, story_company))
    _insert(engine, StorySourceRow, _sources(event_entries, story_of_event))
    _insert(engine, TransitionRow, _transitions(story_company, transition_of_story))
    _insert(engine, OutboxRow, _outbox(transition_of_story, rng))
    return {"entries": entries, "events": len(event_entries), "stories": story_count,
            "transitions": len(transition_of_story)}  # fmt: skip


def _story_fields(story: int, company: int) -> dict[str, Any]:
    return {"company": f"c{company:03d}", "type": TYPES[story % 4], "role": ROLES[story % 5],
            "person": f"Person {story % 997}", "person_key": f"person {story % 997}",
            "certainty": "reported", "interim": story % 7 == 0, "reason": None,
            "occurred_at": NOW - timedelta(hours=story)}  # fmt: skip


def _stories(companies: list[int], transitions: dict[int, int]) -> Iterator[dict[str, Any]]:
    for s, company in enumerate(companies):
        yield {"id": s + 1, **_story_fields(s, company), "confidence": 0.8,
               "evidence": "X resigned as CEO of Y.", "language": "en",
               "first_seen_at": NOW, "last_seen_at": NOW, "denied_at": None,
               "transition_id": transitions.get(s)}  # fmt: skip


def _events(
    entries: list[int], stories: list[int], companies: list[int]
) -> Iterator[dict[str, Any]]:
    for n, (entry, story) in enumerate(zip(entries, stories, strict=True)):
        fields = _story_fields(story, companies[story])
        yield {"id": n + 1, "entry_id": entry, "company": fields["company"], "type": fields["type"],
               "role": fields["role"], "people": [fields["person"]], "certainty": "reported",
               "interim": False, "reason": None, "confidence": 0.8, "language": "en",
               "evidence": "X resigned.", "story_id": story + 1}  # fmt: skip


def _sources(entries: list[int], stories: list[int]) -> Iterator[dict[str, Any]]:
    for n, (entry, story) in enumerate(zip(entries, stories, strict=True)):
        yield {"id": n + 1, "story_id": story + 1, "entry_id": entry, "link": None,
               "certainty": "reported", "seen_at": NOW - timedelta(seconds=n)}  # fmt: skip


def _transitions(companies: list[int], transitions: dict[int, int]) -> Iterator[dict[str, Any]]:
    for story, tid in transitions.items():
        fields = _story_fields(story, companies[story])
        yield {"id": tid, **fields, "detected_at": NOW, "story_id": story + 1,
               "alertable": True, "previous_holder": None}  # fmt: skip


def _outbox(transitions: dict[int, int], rng: random.Random) -> Iterator[dict[str, Any]]:
    for story, tid in transitions.items():
        yield {"story_id": story + 1, "transition_id": tid, "kind": "transition",
               "channel_key": "bench", "dedup_key": f"t{tid}", "payload": {"title": "x"},
               "status": "sent" if rng.random() < 0.8 else "dead", "attempts": 1,
               "next_attempt_at": NOW, "created_at": NOW, "sent_at": NOW}  # fmt: skip


def latencies(engine: Engine, companies: list[Company]) -> list[float]:
    """Seconds per history call (fresh session each, JSON rendered like the command)."""
    factory = make_session_factory(engine)
    times = []
    for company in companies:
        start = time.perf_counter()
        with factory() as session:
            document = render_history(session, company, as_json=True)
        times.append(time.perf_counter() - start)
        assert document.startswith("{")
    return times


def round_trips(engine: Engine, calls: int) -> list[float]:
    """Seconds per ``SELECT 1`` in a fresh session (the baseline)."""
    factory = make_session_factory(engine)
    times = []
    for _ in range(calls):
        start = time.perf_counter()
        with factory() as session:
            session.execute(text("SELECT 1"))
        times.append(time.perf_counter() - start)
    return times


def _quantile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(q * 100) - 1]


def measure(name: str, url: str, entries: int) -> None:
    engine = make_engine(url)
    try:
        upgrade(engine)
        rng = random.Random(17)
        start = time.perf_counter()
        counts = fill(engine, entries, rng)
        filled = time.perf_counter() - start
        if engine.dialect.name == "postgresql":
            # What autovacuum does soon after a bulk load; without statistics the
            # planner guesses (SQLite has no autoanalyze, so it runs without).
            with engine.begin() as conn:
                conn.execute(text("ANALYZE"))
        companies = [Company(f"c{rng.randrange(COMPANIES):03d}", "Company") for _ in range(CALLS)]
        latencies(engine, companies[:10])  # warm the connection pool and caches
        times = latencies(engine, companies)
        base = round_trips(engine, CALLS)
    finally:
        engine.dispose()
    _print(name, counts, filled, times, base)


def _print(
    name: str, counts: dict[str, int], filled: float, times: list[float], base: list[float]
) -> None:
    p50, p95 = _quantile(times, 0.5), _quantile(times, 0.95)
    b50 = statistics.median(base)
    rows = [
        (f"[{name}] rows", ", ".join(f"{v:,} {k}" for k, v in counts.items()), ""),
        ("bulk fill", f"{filled:.1f} s", f"{counts['entries'] / filled:,.0f} entries/s"),
        ("history --json p50", f"{p50 * 1000:.2f} ms", f"{p50 / b50:.1f}x a SELECT 1 session"),
        ("history --json p95", f"{p95 * 1000:.2f} ms", "target < 50 ms"),
        ("history --json max", f"{max(times) * 1000:.2f} ms", f"{len(times)} calls"),
        ("SELECT 1 session p50", f"{b50 * 1000:.3f} ms", "baseline"),
    ]
    width = max(len(r[0]) for r in rows)
    for label, value, note in rows:
        print(f"{label:<{width}}  {value:>14}  {note}")


def main(argv: list[str]) -> None:
    numbers = [int(a) for a in argv if not a.startswith("--")]
    entries = numbers[0] if numbers else 1_000_000
    with tempfile.TemporaryDirectory(prefix="tracker-history-") as tmp:
        measure("sqlite", f"sqlite:///{Path(tmp) / 'history.db'}", entries)
    postgres = os.environ.get("TRACKER_TEST_POSTGRES_URL")
    if postgres and "--postgres" in argv:
        with scratch_schema(postgres) as url:
            measure("postgresql", url, entries)


@contextmanager
def scratch_schema(url: str) -> Iterator[str]:
    """A URL whose connections use a fresh schema, dropped afterwards (like tests/conftest.py)."""
    admin = make_engine(url)
    schema = f"bench_{uuid.uuid4().hex[:12]}"
    try:
        with admin.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        scoped = admin.url.update_query_dict({"options": f"-csearch_path={schema}"})
        yield scoped.render_as_string(hide_password=False)
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()


if __name__ == "__main__":
    main(sys.argv[1:])
