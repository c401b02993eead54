"""Prometheus metrics of one tracker process, in their own registry.

A registry per ``Metrics`` object (not the global default) keeps tests and
several daemons in one process independent.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest

if TYPE_CHECKING:
    from tracker.deliver import DeliveryReport
    from tracker.poll import PollReport


class Metrics:
    """Every metric the daemon exports; names are stable (dashboards rely on them)."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        r = self.registry
        self.feeds_polled = Counter(
            "tracker_feeds_polled", "Feed fetches attempted, by outcome", ["outcome"], registry=r
        )
        self.fetch_errors = Counter(
            "tracker_fetch_errors", "Feed fetch or parse errors, by kind", ["kind"], registry=r
        )
        self.entries = Counter("tracker_entries_new", "New feed entries stored", registry=r)
        self.events = Counter(
            "tracker_events",
            "Extracted events, by type and language",
            ["type", "language"],
            registry=r,
        )
        self.transitions = Counter(
            "tracker_transitions", "Leadership transitions recorded, by type", ["type"], registry=r
        )
        self.alerts = Counter(
            "tracker_alerts",
            "Alert deliveries, by result (sent, failed, dead)",
            ["result"],
            registry=r,
        )
        for result in ("sent", "failed", "dead"):
            self.alerts.labels(result=result)  # exported as 0 before the first alert
        self.outbox_pending = Gauge(
            "tracker_outbox_pending", "Alerts waiting in the outbox", registry=r
        )
        self.last_poll = Gauge(
            "tracker_last_successful_poll_timestamp_seconds",
            "Unix time of the last poll cycle that completed",
            registry=r,
        )
        self.poll_seconds = Histogram(
            "tracker_poll_duration_seconds",
            "Duration of one poll cycle",
            registry=r,
            buckets=(0.1, 0.5, 1, 2, 5, 10, 30, 60, 120, 300),
        )
        self.deliver_seconds = Histogram(
            "tracker_delivery_duration_seconds",
            "Duration of one delivery run",
            registry=r,
            buckets=(0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60),
        )

    def record_poll(self, report: PollReport) -> None:
        """Count one poll's outcomes: feeds, fetch errors, entries, events, transitions."""
        for outcome in report.outcomes:
            self.feeds_polled.labels(outcome="error" if outcome.error else outcome.status).inc()
            if outcome.error:
                self.fetch_errors.labels(kind=outcome.status).inc()
            self.entries.inc(outcome.new_entries)
            for (kind, language), count in outcome.events_by_kind.items():
                self.events.labels(type=kind, language=language).inc(count)
            for kind, count in outcome.transitions_by_type.items():
                self.transitions.labels(type=kind).inc(count)

    def record_delivery(self, report: DeliveryReport, pending: int) -> None:
        """Count one delivery run's results and set the outbox depth."""
        self.alerts.labels(result="sent").inc(report.sent)
        self.alerts.labels(result="failed").inc(report.failed)
        self.alerts.labels(result="dead").inc(report.dead)
        self.outbox_pending.set(pending)

    def exposition(self) -> bytes:
        """The text exposition format served on /metrics."""
        return generate_latest(self.registry)
