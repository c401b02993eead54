"""What the per-language extraction tables compare: one key per event."""

from __future__ import annotations

from tracker.domain import Event, NewsItem
from tracker.pipeline.extract import Extractor

EventKey = tuple[str, str, str, str, tuple[str, ...]]


def summarize(events: list[Event]) -> set[EventKey]:
    """(company, type, role, certainty, sorted surnames) of every event."""
    return {
        (
            e.company,
            e.type.value,
            e.role.value,
            e.certainty.value,
            tuple(sorted(p.split()[-1] for p in e.people)),
        )
        for e in events
    }


def assert_extracts(
    extractor: Extractor, title: str, summary: str, expected: set[EventKey], language: str
) -> None:
    """The item yields exactly ``expected``, every event tagged with ``language``."""
    events = extractor.extract(NewsItem("t", title, summary))
    assert summarize(events) == expected
    assert all(e.language == language for e in events)
