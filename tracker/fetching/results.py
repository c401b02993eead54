"""Fetch requests and results, and the pure header helpers behind them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from tracker.errors import FetchError

PERMANENT_REDIRECTS = frozenset({301, 308})
PERMANENT_STATUSES = frozenset({404, 410})
MAX_RETRY_AFTER_S = 7 * 24 * 3600.0


@dataclass(frozen=True)
class FetchRequest:
    """One feed to fetch, with the validators stored from its last 200 response."""

    feed_id: int
    url: str
    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True)
class FetchResult:
    """What one fetch produced; ``error`` is set instead of raising.

    ``status`` is the final HTTP status (None when no response arrived);
    ``body`` is the decompressed body of a 2xx response, else None.
    ``etag``/``last_modified`` are always the validators to store for the
    next conditional GET: the response's after a 2xx with a body, else the
    request's unchanged (304, errors).
    """

    request: FetchRequest
    status: int | None
    body: bytes | None
    etag: str | None
    last_modified: str | None
    final_url: str
    permanent_redirect: bool
    retry_after: float | None
    error: FetchError | None
    elapsed: float
    content_type: str | None = None

    @property
    def not_modified(self) -> bool:
        """True on 304: the feed has not changed since the stored validators."""
        return self.status == 304 and self.error is None

    @property
    def ok(self) -> bool:
        """True when the fetch succeeded (200-like or 304)."""
        return self.error is None

    @property
    def redirected(self) -> bool:
        """True when the final URL differs from the requested one."""
        return self.final_url != self.request.url

    def response_headers(self) -> dict[str, str]:
        """Headers worth handing to the parser (content type with its charset)."""
        return {"content-type": self.content_type} if self.content_type else {}


def parse_retry_after(value: str | None, now: datetime) -> float | None:
    """Seconds to wait from a Retry-After value (delta-seconds or HTTP-date, RFC 9110 10.2.3).

    A date in the past gives 0; garbage gives None; absurd values are capped
    at a week so one bad header cannot park a feed forever.
    """
    if value is None:
        return None
    text = value.strip()
    if not text:
        return None
    if text.isdigit():
        return min(float(text), MAX_RETRY_AFTER_S)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    seconds = (when - now).total_seconds()
    return min(max(seconds, 0.0), MAX_RETRY_AFTER_S)


def reference_now(date_header: str | None, fallback: datetime) -> datetime:
    """The server's own clock from its Date header, so an HTTP-date Retry-After
    is measured against the clock that wrote it; ``fallback`` when absent or bad."""
    if not date_header:
        return fallback
    try:
        when = parsedate_to_datetime(date_header)
    except (TypeError, ValueError, IndexError):
        return fallback
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def status_error(status: int, retry_after: float | None) -> FetchError | None:
    """The FetchError for a final HTTP status, or None for 2xx/304.

    429, and 503 carrying Retry-After, are ``rate_limited``; 410 is ``gone``
    (permanent); other 4xx/5xx are ``http_<code>``; 404 is permanent too.
    """
    if 200 <= status < 300 or status == 304:
        return None
    if status == 429 or (status == 503 and retry_after is not None):
        return FetchError(
            f"rate limited (HTTP {status})",
            kind="rate_limited",
            status=status,
            retry_after=retry_after,
        )
    if status == 410:
        return FetchError("feed is gone (HTTP 410)", kind="gone", permanent=True, status=status)
    return FetchError(
        f"HTTP {status}",
        kind=f"http_{status}",
        permanent=status in PERMANENT_STATUSES,
        status=status,
        retry_after=retry_after,
    )
