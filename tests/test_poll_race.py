"""Two pollers (replicas, or `tracker poll` beside a daemon) seeing one change record it once."""

from __future__ import annotations

import json
import threading
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import URL

import tracker.poll as poll_module
from tracker.pipeline import planner
from tracker.runtime import Runtime
from tracker.settings import load_settings
from tracker.store.tables import FeedRow, OutboxRow, TransitionRow

NOW = datetime(2023, 11, 18, tzinfo=UTC)


def _feed(host: str) -> bytes:
    return f"""<?xml version="1.0"?><rss version="2.0"><channel><title>{host}</title>
<link>http://{host}/</link><description>x</description>
<item><title>OpenAI board removes Sam Altman as chief executive</title>
<link>http://{host}/story</link><guid>http://{host}/story</guid>
<description>OpenAI's board said it had removed Sam Altman as chief executive.</description>
<pubDate>Fri, 17 Nov 2023 20:28:00 GMT</pubDate></item></channel></rss>""".encode()


def _poll_together(
    tmp_path: Path, postgres_url: URL, monkeypatch: pytest.MonkeyPatch, which: tuple[int, int]
) -> tuple[list[str], int | None, int | None]:
    """Two runtimes poll feeds ``which`` at once; (outcome statuses, transitions, alerts)."""
    config = tmp_path / "tracker.yaml"
    config.write_text(
        json.dumps(
            {
                "database_url": postgres_url.render_as_string(hide_password=False),
                "max_entry_age": "5000d",
                "companies": [{"id": "openai", "name": "OpenAI"}],
                "feeds": [{"url": "http://a.test/rss"}, {"url": "http://b.test/rss"}],
                "notify": [{"url": "json://127.0.0.1:9/x"}],
            }
        ),
        encoding="utf-8",
    )
    settings = load_settings(config, {})
    transport = httpx.MockTransport(lambda r: httpx.Response(200, content=_feed(r.url.host)))
    planned = planner.plan_company

    def slow_plan(*args: Any) -> Any:
        time.sleep(0.5)  # widen the window between reading the company and writing the plan
        return planned(*args)

    monkeypatch.setattr(poll_module, "plan_company", slow_plan)
    runtimes = [Runtime.open(settings, transport=transport) for _ in range(2)]
    try:
        runtimes[0].sync_feeds(NOW)
        with runtimes[0].session_factory() as session:
            feeds = list(session.scalars(select(FeedRow).order_by(FeedRow.id)))
            session.expunge_all()
        statuses: list[str] = []

        def poll(rt: Runtime, index: int) -> None:
            statuses.extend(o.status for o in rt.poller.poll([feeds[index]], NOW).outcomes)

        threads = [
            threading.Thread(target=poll, args=(rt, i))
            for rt, i in zip(runtimes, which, strict=True)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
        with runtimes[0].session_factory() as session:
            transitions = session.scalar(select(func.count()).select_from(TransitionRow))
            alerts = session.scalar(select(func.count()).select_from(OutboxRow))
    finally:
        for rt in runtimes:
            rt.close()
    return statuses, transitions, alerts


def test_same_change_in_two_feeds_polled_at_once_is_one_transition(
    tmp_path: Path, postgres_url: URL, monkeypatch: pytest.MonkeyPatch
) -> None:
    statuses, transitions, alerts = _poll_together(tmp_path, postgres_url, monkeypatch, (0, 1))
    assert (statuses, transitions, alerts) == (["ok", "ok"], 1, 1)


def test_one_feed_polled_by_two_processes_at_once_is_stored_once(
    tmp_path: Path, postgres_url: URL, monkeypatch: pytest.MonkeyPatch
) -> None:
    statuses, transitions, alerts = _poll_together(tmp_path, postgres_url, monkeypatch, (0, 0))
    assert (statuses, transitions, alerts) == (["ok", "ok"], 1, 1)
