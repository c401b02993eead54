"""`tracker history`: load one company's transitions and render them.

Leaders are what the recorded transitions say (the watchlist's ``people`` are
matching hints, not history).
"""

from __future__ import annotations

import json

from sqlalchemy.orm import Session

from tracker.domain import Company
from tracker.pipeline.history import HistoryEntry, history_json, history_table
from tracker.store import reports
from tracker.store import stories as story_store
from tracker.store.views import transition_view


def load_entries(session: Session, company_id: str) -> list[HistoryEntry]:
    """Every transition of the company with its sources and whether it was alerted."""
    rows = story_store.company_transitions(session, company_id)
    ids = [r.id for r in rows]
    sources = story_store.transition_sources(session, ids)
    alerted = reports.alerted_transitions(session, ids)
    failed = reports.failed_alerts(session, ids)
    return [
        HistoryEntry(
            transition_view(r), tuple(sources.get(r.id, ())), r.id in alerted, failed.get(r.id)
        )
        for r in rows
    ]


def render_history(session: Session, company: Company, *, as_json: bool) -> str:
    """The `history --json` document, or the terminal table."""
    entries = load_entries(session, company.id)
    if as_json:
        document = history_json(company.id, company.name, entries)
        return json.dumps(document, ensure_ascii=False, indent=2)
    return history_table(company.id, company.name, entries)
