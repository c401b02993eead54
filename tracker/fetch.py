"""Fetching feeds: the network edge of the pipeline (see ``tracker.fetching``).

``fetch_feed`` does one conditional GET with a body cap and a hard deadline;
``fetch_many`` runs many of them concurrently with a per-host limit. Neither
raises for feed problems: the ``FetchError`` is in ``FetchResult.error``.
"""

from __future__ import annotations

from tracker.fetching.many import fetch_many, host_of
from tracker.fetching.results import (
    FetchRequest,
    FetchResult,
    parse_retry_after,
    status_error,
)
from tracker.fetching.single import (
    DEFAULT_MAX_BYTES,
    conditional_headers,
    fetch_feed,
    make_client,
    transport_error,
)

__all__ = [
    "DEFAULT_MAX_BYTES",
    "FetchRequest",
    "FetchResult",
    "conditional_headers",
    "fetch_feed",
    "fetch_many",
    "host_of",
    "make_client",
    "parse_retry_after",
    "status_error",
    "transport_error",
]
