"""Every query the tracker runs, in one import: ``from tracker.store import queries``.

Each is a typed function taking a ``Session``; none commits (the caller owns
the transaction). They live in focused modules: ``feeds``, ``fetch_state``,
``entries``, ``stories``, ``enqueue`` (the outbox claim/mark functions are in
``outbox``).
"""

from __future__ import annotations

from tracker.store.enqueue import OutboxItem, enqueue, outbox_depth
from tracker.store.entries import (
    add_entries,
    add_events,
    add_events_of_entries,
    link_events_to_story,
    set_stories_of_events,
)
from tracker.store.feeds import (
    FeedSpec,
    SyncReport,
    all_active_feeds,
    get_feed,
    pollable_feeds,
    sync_feeds,
)
from tracker.store.fetch_state import record_fetch_error, record_fetch_success, record_not_modified
from tracker.store.stories import (
    CompanyContext,
    NewSource,
    add_story,
    add_story_source,
    add_transition,
    attach_story_to_transition,
    company_transitions,
    get_story,
    insert_story_sources,
    load_company_context,
    load_company_contexts,
    record_transition,
    set_story_certainty,
    stored_source_pairs,
    transition_sources,
)

__all__ = [
    "CompanyContext",
    "FeedSpec",
    "NewSource",
    "OutboxItem",
    "SyncReport",
    "add_entries",
    "add_events",
    "add_events_of_entries",
    "add_story",
    "add_story_source",
    "add_transition",
    "all_active_feeds",
    "attach_story_to_transition",
    "company_transitions",
    "enqueue",
    "get_feed",
    "get_story",
    "insert_story_sources",
    "link_events_to_story",
    "load_company_context",
    "load_company_contexts",
    "outbox_depth",
    "pollable_feeds",
    "record_fetch_error",
    "record_fetch_success",
    "record_not_modified",
    "record_transition",
    "set_stories_of_events",
    "set_story_certainty",
    "stored_source_pairs",
    "sync_feeds",
    "transition_sources",
]
