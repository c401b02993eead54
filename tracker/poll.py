"""The one place that wires a poll: fetch -> parse -> extract -> stories -> outbox.

Each feed's result is processed in its own transaction: its fetch state, new
entries, events, stories, transitions and outbox rows commit together or not
at all, so a crash or a broken feed never leaves half a story behind and never
stops the other feeds.
"""

from __future__ import annotations

import logging
import threading
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import httpx
from sqlalchemy.orm import Session, sessionmaker

from tracker.alerts import outbox_items
from tracker.domain import Company, Event, FeedEntry, ParsedFeed
from tracker.errors import FetchError, ParseError, TrackerError
from tracker.fetch import FetchRequest, FetchResult, fetch_many
from tracker.parsing import FeedParser, Parsed
from tracker.pipeline.cluster import Observation, Policy, observations_from_event
from tracker.pipeline.extract import Extractor
from tracker.pipeline.planner import plan_company
from tracker.pipeline.schedule import next_check
from tracker.settings import Settings
from tracker.store import entries as entry_store
from tracker.store import feeds as feed_store
from tracker.store import fetch_state
from tracker.store import stories as story_store
from tracker.store.enqueue import enqueue
from tracker.store.tables import FeedRow
from tracker.store.views import load_contexts, write_plans

logger = logging.getLogger(__name__)


@dataclass
class FeedOutcome:
    """What polling one feed did."""

    feed_id: int
    url: str
    status: str  # "ok", "not_modified", or the error kind
    error: str | None = None
    new_entries: int = 0
    events: int = 0
    transitions: int = 0
    alerts: int = 0
    # Breakdowns for the metrics: (event type, language) -> count, transition type -> count.
    events_by_kind: dict[tuple[str, str], int] = field(default_factory=dict)
    transitions_by_type: dict[str, int] = field(default_factory=dict)


@dataclass
class PollReport:
    """The outcome of one poll cycle."""

    outcomes: list[FeedOutcome] = field(default_factory=list)

    @property
    def failed(self) -> list[FeedOutcome]:
        """Feeds whose fetch or processing failed."""
        return [o for o in self.outcomes if o.error is not None]

    def total(self, name: str) -> int:
        """Sum of one counter (new_entries, events, transitions, alerts) over feeds."""
        return sum(int(getattr(o, name)) for o in self.outcomes)


@dataclass
class Poller:
    """Polls feeds with injected edges: session factory, HTTP client, extractor."""

    settings: Settings
    session_factory: sessionmaker[Session]
    client: httpx.Client
    extractor: Extractor
    jitter: Callable[[timedelta], timedelta] = lambda _interval: timedelta(0)
    parser: FeedParser = field(default_factory=FeedParser)
    companies: dict[str, Company] = field(init=False)

    def __post_init__(self) -> None:
        self.companies = self.settings.build_watchlist().by_id()

    @property
    def policy(self) -> Policy:
        """Story window and alert age from the settings."""
        return Policy(max_entry_age=self.settings.max_entry_age)

    def poll(
        self, feeds: Sequence[FeedRow], now: datetime, stop: threading.Event | None = None
    ) -> PollReport:
        """Fetch ``feeds`` concurrently, then process each result in its own transaction."""
        requests = [FetchRequest(f.id, f.url, f.etag, f.last_modified) for f in feeds]
        intervals = {f.id: self._interval(f) for f in feeds}
        results = fetch_many(
            self.client,
            requests,
            timeout_s=self.settings.fetch_timeout.total_seconds(),
            max_bytes=self.settings.max_feed_bytes,
        )
        report = PollReport()
        for result, parsed in self.parser.parse_all(results):
            if stop is not None and stop.is_set():
                break
            interval = intervals[result.request.feed_id]
            report.outcomes.append(self._process_safely(result, parsed, interval, now))
        return report

    def _next(self, now: datetime, interval: timedelta, ttl_minutes: int | None = None) -> datetime:
        return next_check(now, interval=interval, ttl_minutes=ttl_minutes) + self.jitter(interval)

    def _interval(self, feed: FeedRow) -> timedelta:
        return (
            timedelta(seconds=feed.interval_s) if feed.interval_s else self.settings.poll_interval
        )

    def _process_safely(
        self, result: FetchResult, parsed: Parsed | None, interval: timedelta, now: datetime
    ) -> FeedOutcome:
        request = result.request
        try:
            with self.session_factory.begin() as session:
                return self._process(session, result, parsed, interval, now)
        except TrackerError as exc:
            error = FetchError(
                exc.message, kind="store" if not isinstance(exc, ParseError) else "invalid"
            )
        except Exception as exc:  # a bug on one feed's data must not stop the others
            logger.exception("feed processing failed", extra={"fields": {"feed_url": request.url}})
            error = FetchError(f"internal error: {type(exc).__name__}: {exc}", kind="internal")
        try:
            with self.session_factory.begin() as session:
                return self._record_error(session, result, error, interval, now)
        except Exception:  # the database itself failed: report it, poll the other feeds
            logger.exception(
                "could not record a feed error", extra={"fields": {"feed_url": request.url}}
            )
            return FeedOutcome(request.feed_id, request.url, error.kind, error=error.message)

    def _process(
        self,
        session: Session,
        result: FetchResult,
        parsed: Parsed | None,
        interval: timedelta,
        now: datetime,
    ) -> FeedOutcome:
        # One feed is processed by one process at a time (a replica and `tracker
        # poll` may fetch it together); its lock is taken before any company's.
        story_store.advisory_locks(session, [f"feed:{result.request.feed_id}"])
        if result.error is not None:
            return self._record_error(session, result, result.error, interval, now)
        feed_id = result.request.feed_id
        if parsed is None:  # 304, or no body
            fetch_state.record_not_modified(
                session, feed_id, next_check_at=self._next(now, interval), now=now
            )
            return FeedOutcome(feed_id, result.request.url, "not_modified")
        if isinstance(parsed, ParseError):
            error = FetchError(parsed.message, kind="invalid", status=result.status)
            return self._record_error(session, result, error, interval, now)
        outcome = self._store_entries(session, result, parsed, now)
        fetch_state.record_fetch_success(
            session,
            feed_id,
            status=result.status or 200,
            etag=result.etag,
            last_modified=result.last_modified,
            final_url_if_permanent=result.final_url if result.permanent_redirect else None,
            next_check_at=self._next(now, interval, ttl_minutes=parsed.ttl_minutes),
            now=now,
        )
        return outcome

    def _record_error(
        self,
        session: Session,
        result: FetchResult,
        error: FetchError,
        interval: timedelta,
        now: datetime,
    ) -> FeedOutcome:
        feed = feed_store.get_feed(session, result.request.feed_id)
        retry_until = now + timedelta(seconds=error.retry_after) if error.retry_after else None
        fetch_state.record_fetch_error(
            session,
            feed.id,
            kind=error.kind,
            message=error.message,
            status=error.status,
            next_check_at=next_check(
                now,
                interval=interval,
                error_count=feed.error_count + 1,
                retry_after=error.retry_after,
            ),
            disable_reason=error.message if error.kind == "gone" else None,
            now=now,
            retry_until=retry_until,
        )
        logger.warning(
            "feed failed",
            extra={
                "fields": {
                    "feed_id": feed.id,
                    "feed_url": feed.url,
                    "kind": error.kind,
                    "error": error.message,
                }
            },
        )
        return FeedOutcome(feed.id, feed.url, error.kind, error=error.message)

    def _extract(self, entry: FeedEntry, feed_url: str) -> list[Event]:
        """Events of one entry; an extractor bug on one entry costs that entry only."""
        try:
            return self.extractor.extract(entry.as_news_item())
        except Exception:
            logger.exception(
                "extraction failed; entry stored without events",
                extra={"fields": {"feed_url": feed_url, "entry": entry.key}},
            )
            return []

    def _store_entries(
        self, session: Session, result: FetchResult, parsed: ParsedFeed, now: datetime
    ) -> FeedOutcome:
        feed_id = result.request.feed_id
        first_fetch = feed_store.get_feed(session, feed_id).last_success_at is None
        new_rows = entry_store.add_entries(session, feed_id, parsed.entries, now)
        by_key = {e.key: e for e in parsed.entries}
        observations: dict[str, list[Observation]] = defaultdict(list)
        entries: list[FeedEntry] = [by_key[row.key] for row in new_rows]
        extracted = [self._extract(entry, result.request.url) for entry in entries]
        kinds = Counter((str(e.type.value), e.language) for found in extracted for e in found)
        # One flush for every event of the feed, not one per entry.
        event_rows = entry_store.add_events_of_entries(
            session, [(row.id, found) for row, found in zip(new_rows, extracted, strict=True)]
        )
        for row, entry, found, rows in zip(new_rows, entries, extracted, event_rows, strict=True):
            for event, event_row in zip(found, rows, strict=True):
                observations[event.company] += observations_from_event(
                    event,
                    entry_id=row.id,
                    event_id=event_row.id,
                    seen_at=now,
                    link=entry.link,
                    published=entry.published,
                    backlog=first_fetch and entry.published is None,
                )
        outcome = FeedOutcome(
            feed_id,
            result.request.url,
            "ok",
            new_entries=len(new_rows),
            events=sum(kinds.values()),
            events_by_kind=dict(kinds),
        )
        self._plan_companies(session, observations, now, outcome)
        return outcome

    def _plan_companies(
        self,
        session: Session,
        observations: dict[str, list[Observation]],
        now: datetime,
        outcome: FeedOutcome,
    ) -> None:
        """Plan and write every company the feed mentions, as one batch.

        Companies share no stories, transitions or sources, so loading every
        context first, writing every plan together, then reading sources and
        enqueueing alerts once stores exactly what doing one company after
        the other did, with a handful of statements instead of ~10 per company.
        """
        policy = self.policy
        contexts = load_contexts(
            session,
            {
                c: min(o.occurred_at(now) for o in obs) - policy.window
                for c, obs in observations.items()
            },
        )
        plans = [plan_company(contexts[c], obs, now, policy) for c, obs in observations.items()]
        written = write_plans(session, plans, now)
        new = [w for plan in written for w in plan.transitions]
        outcome.transitions += len(new)
        outcome.transitions_by_type = dict(Counter(w.transition.type.value for w in new))
        sources = story_store.transition_sources(session, [w.id for w in new])
        items = [
            item
            for company, plan in zip(observations, written, strict=True)
            for item in outbox_items(self.settings, self.companies[company], plan, sources, now)
        ]
        outcome.alerts += enqueue(session, items)
