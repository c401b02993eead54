"""Engines, URLs, pragmas, migrations and the UTC timestamp type."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta, timezone

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import select
from sqlalchemy.engine import URL, Engine
from sqlalchemy.exc import IntegrityError, StatementError
from sqlalchemy.orm import Session, sessionmaker

from tracker.errors import StoreError
from tracker.store.db import (
    current_revision,
    head_revision,
    make_engine,
    make_session_factory,
    normalize_url,
    upgrade,
)
from tracker.store.tables import Base, EntryRow, FeedRow

from .conftest import NOW, make_feed


@pytest.mark.parametrize(
    ("raw", "driver"),
    [
        ("postgres://u:p@db/tracker", "postgresql+psycopg"),
        ("postgresql://u:p@db/tracker", "postgresql+psycopg"),
        ("postgresql+psycopg://u:p@db/tracker", "postgresql+psycopg"),
        ("sqlite:///data/tracker.db", "sqlite"),
    ],
    ids=["postgres-scheme", "postgresql-scheme", "psycopg-kept", "sqlite-kept"],
)
def test_it_pins_postgresql_urls_to_psycopg(raw: str, driver: str) -> None:
    url = normalize_url(raw)
    assert url.drivername == driver
    assert url.database in {"tracker", "data/tracker.db"}


@pytest.mark.parametrize(
    "raw",
    ["postgresql+psycopg2://u:p@db/tracker", "not a url"],
    ids=["other-postgres-driver", "garbage"],
)
def test_it_refuses_urls_it_cannot_use(raw: str) -> None:
    with pytest.raises(StoreError) as info:
        normalize_url(raw)
    assert info.value.permanent


def test_it_creates_the_sqlite_folder_and_sets_pragmas(tmp_path: object) -> None:
    engine = make_engine(f"sqlite:///{tmp_path}/new/dir/tracker.db")
    try:
        with engine.connect() as conn:
            pragmas = {
                name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()
                for name in ("journal_mode", "foreign_keys", "busy_timeout")
            }
    finally:
        engine.dispose()
    assert pragmas == {"journal_mode": "wal", "foreign_keys": 1, "busy_timeout": 5000}


def test_it_reports_no_revision_before_and_head_after_upgrade(bare_engine: Engine) -> None:
    assert current_revision(bare_engine) is None
    upgrade(bare_engine)
    assert current_revision(bare_engine) == head_revision() == "0001"


def test_upgrading_twice_changes_nothing(engine: Engine) -> None:
    upgrade(engine)
    assert current_revision(engine) == "0001"


def test_the_migrated_schema_matches_the_models(engine: Engine) -> None:
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        diff = compare_metadata(context, Base.metadata)
    assert diff == []


def test_foreign_keys_are_enforced(session: Session) -> None:
    session.add(
        EntryRow(
            feed_id=999,
            key="k",
            title="t",
            summary="",
            first_seen_at=NOW,
            content_hash="h",
            updated_at=NOW,
        )
    )
    with pytest.raises(IntegrityError):
        session.flush()


@pytest.mark.parametrize(
    "written",
    [
        NOW,
        NOW.astimezone(timezone(timedelta(hours=2))),
        NOW.astimezone(timezone(timedelta(hours=-7, minutes=-30))),
    ],
    ids=["utc", "plus-2h", "minus-7h30"],
)
def test_aware_datetimes_come_back_as_the_same_instant_in_utc(
    session_factory: sessionmaker[Session], written: datetime
) -> None:
    with session_factory.begin() as session:
        feed_id = make_feed(session, next_check_at=written).id
    with session_factory() as session:
        read = session.scalars(select(FeedRow.next_check_at).where(FeedRow.id == feed_id)).one()
    assert read == written
    assert read is not None and read.utcoffset() == timedelta(0) and read.tzinfo is UTC


def test_a_naive_datetime_is_refused(session: Session) -> None:
    with pytest.raises(StatementError, match="naive datetime"):
        make_feed(session, url="https://example.com/other", next_check_at=datetime(2026, 1, 1))


def test_sqlite_writers_in_threads_wait_for_each_other(sqlite_url: URL) -> None:
    # A deferred transaction that reads, then writes, fails at once with
    # "database is locked" when another connection wrote in between; the
    # engine's BEGIN IMMEDIATE makes the second writer wait instead.
    engine = make_engine(sqlite_url)
    try:
        upgrade(engine)
        factory = make_session_factory(engine)
        with factory.begin() as session:
            feed_id = make_feed(session).id

        def bump() -> None:
            for _ in range(25):
                with factory.begin() as session:
                    feed = session.get(FeedRow, feed_id)
                    assert feed is not None
                    feed.error_count = feed.error_count + 1

        with ThreadPoolExecutor(max_workers=2) as pool:
            for future in [pool.submit(bump), pool.submit(bump)]:
                future.result()
        with factory() as session:
            count = session.scalars(select(FeedRow.error_count)).one()
    finally:
        engine.dispose()
    assert count == 50


@pytest.mark.timeout(60)  # without the migration lock, concurrent upgrades deadlock
def test_replicas_starting_together_migrate_one_at_a_time(postgres_url: URL) -> None:
    engines = [make_engine(postgres_url) for _ in range(3)]
    try:
        with ThreadPoolExecutor(3) as pool:
            list(pool.map(upgrade, engines))
        assert {current_revision(e) for e in engines} == {head_revision()}
    finally:
        for e in engines:
            e.dispose()
