"""Prometheus metrics of one tracker process, in their own registry.

A registry per ``Metrics`` object (not the global default) keeps tests and
several daemons in one process independent.
"""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest


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

    def exposition(self) -> bytes:
        """The text exposition format served on /metrics."""
        return generate_latest(self.registry)
