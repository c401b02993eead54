"""Shared fixtures: databases (SQLite and PostgreSQL), engines, sessions.

``db_url`` runs each test that uses it on SQLite and on PostgreSQL. The
PostgreSQL case needs ``TRACKER_TEST_POSTGRES_URL`` (``scripts/ci-postgres.sh``
prints it); without it, or when the server cannot be reached, the case is
skipped with the reason, except under ``CI`` where it fails: CI must run
them, never skip them. Every test gets an empty database: a fresh SQLite
file, or a fresh PostgreSQL schema dropped afterwards.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from daemon_helpers import Daemon
from sqlalchemy import text
from sqlalchemy.engine import URL, Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from tracker.store.db import make_engine, make_session_factory, normalize_url, upgrade

POSTGRES_ENV = "TRACKER_TEST_POSTGRES_URL"


def _postgres_unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI is set: PostgreSQL tests must run, never skip)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def postgres_admin() -> Iterator[Engine]:
    """An engine on the PostgreSQL test database, or a skip (a failure under CI)."""
    raw = os.environ.get(POSTGRES_ENV)
    if not raw:
        _postgres_unavailable(f"{POSTGRES_ENV} is not set; run scripts/ci-postgres.sh")
    engine = make_engine(normalize_url(raw or "").update_query_dict({"connect_timeout": "3"}))
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except OperationalError as exc:
        engine.dispose()
        _postgres_unavailable(f"PostgreSQL at {POSTGRES_ENV} unreachable: {exc.orig}")
    yield engine
    engine.dispose()


@pytest.fixture
def postgres_url(postgres_admin: Engine) -> Iterator[URL]:
    """A URL whose connections use a fresh, empty schema (dropped after the test)."""
    schema = f"test_{uuid.uuid4().hex[:12]}"
    with postgres_admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    yield postgres_admin.url.update_query_dict({"options": f"-csearch_path={schema}"})
    with postgres_admin.begin() as conn:
        conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))


@pytest.fixture
def sqlite_url(tmp_path: Path) -> URL:
    """A URL to a fresh SQLite file."""
    return normalize_url(f"sqlite:///{tmp_path / 'tracker.db'}")


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest) -> URL:
    """An empty database, once on SQLite and once on PostgreSQL."""
    name = "sqlite_url" if request.param == "sqlite" else "postgres_url"
    url: URL = request.getfixturevalue(name)
    return url


@pytest.fixture
def bare_engine(db_url: URL) -> Iterator[Engine]:
    """An engine on the empty database, not migrated."""
    engine = make_engine(db_url)
    yield engine
    engine.dispose()


@pytest.fixture
def engine(bare_engine: Engine) -> Engine:
    """An engine on a database migrated to the newest revision."""
    upgrade(bare_engine)
    return bare_engine


@pytest.fixture
def session_factory(engine: Engine) -> sessionmaker[Session]:
    """Sessions on the migrated database."""
    return make_session_factory(engine)


@pytest.fixture
def session(session_factory: sessionmaker[Session]) -> Iterator[Session]:
    """One session on the migrated database, closed after the test."""
    with session_factory() as s:
        yield s


@pytest.fixture
def daemons() -> Iterator[list[Daemon]]:
    """Collects started `tracker run` processes and kills any left running at the end."""
    started: list[Daemon] = []
    yield started
    for daemon in started:
        daemon.close()
