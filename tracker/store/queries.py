"""Every query the tracker runs, in one import: ``from tracker.store import queries``.

Each is a typed function taking a ``Session``; none commits (the caller owns
the transaction). They live in focused modules: ``feeds``, ``fetch_state``,
``entries``, ``stories``, ``enqueue`` (the outbox claim/mark functions are in
``outbox``).
"""

from __future__ import annotations

from tracker.store.enqueue import OutboxItem, enqueue, outbox_depth
from tracker.store.entries import add_entries, add_events, link_events_to_story
from tracker.store.feeds import (
    FeedSpec,
    SyncReport,
    all_active_feeds,
    due_feeds,
    get_feed,
    pollable_feeds,
    sync_feeds,
)
from tracker.store.fetch_state import record_fetch_error, record_fetch_success, record_not_modified
from tracker.store.stories import (
    CompanyContext,
    add_story,
    add_story_source,
    add_transition,
    attach_story_to_transition,
    company_transitions,
    get_story,
    load_company_context,
    set_story_certainty,
    transition_sources,
)

__all__ = [
    "CompanyContext",
    "FeedSpec",
    "OutboxItem",
    "SyncReport",
    "add_entries",
    "add_events",
    "add_story",
    "add_story_source",
    "add_transition",
    "all_active_feeds",
    "attach_story_to_transition",
    "company_transitions",
    "due_feeds",
    "enqueue",
    "get_feed",
    "get_story",
    "link_events_to_story",
    "load_company_context",
    "outbox_depth",
    "pollable_feeds",
    "record_fetch_error",
    "record_fetch_success",
    "record_not_modified",
    "set_story_certainty",
    "sync_feeds",
    "transition_sources",
]
