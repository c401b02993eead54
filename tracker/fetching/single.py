"""One conditional GET: validators, redirects, a decompressed-size cap and a hard deadline.

httpx's read timeout is per socket read, so a server that trickles one byte
per second never trips it. The deadline is enforced twice: the read timeout
is set to the time left when the request starts and again when the body
starts (``request.extensions["timeout"]``, which httpcore reads at both
points), and the clock is checked between chunks.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime

import httpx

from tracker.errors import FetchError
from tracker.fetching.results import (
    PERMANENT_REDIRECTS,
    FetchRequest,
    FetchResult,
    parse_retry_after,
    reference_now,
    status_error,
)

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
MAX_REDIRECTS = 5
ACCEPT = (
    "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, "
    "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
)


class _Overrun(Exception):
    """Internal: the body passed the cap or the deadline; carries the FetchError."""

    def __init__(self, error: FetchError) -> None:
        super().__init__(error.message)
        self.error = error


def make_client(
    *, timeout_s: float, user_agent: str, transport: httpx.BaseTransport | None = None
) -> httpx.Client:
    """An httpx.Client for feeds: honest User-Agent, feed Accept header, redirects followed."""
    return httpx.Client(
        timeout=httpx.Timeout(timeout_s, connect=min(timeout_s, 10.0)),
        headers={"User-Agent": user_agent, "Accept": ACCEPT},
        follow_redirects=True,
        max_redirects=MAX_REDIRECTS,
        transport=transport,
    )


def conditional_headers(request: FetchRequest) -> dict[str, str]:
    """If-None-Match / If-Modified-Since from the stored validators."""
    headers: dict[str, str] = {}
    if request.etag:
        headers["If-None-Match"] = request.etag
    if request.last_modified:
        headers["If-Modified-Since"] = request.last_modified
    return headers


def fetch_feed(
    client: httpx.Client,
    request: FetchRequest,
    *,
    timeout_s: float,
    max_bytes: int = DEFAULT_MAX_BYTES,
    deadline: float | None = None,
) -> FetchResult:
    """Fetch one feed; never raises for network or HTTP problems (see ``FetchResult.error``).

    ``deadline`` is a ``time.monotonic()`` instant; by default ``timeout_s``
    from now. No fetch runs past it.
    """
    started = time.monotonic()
    end = min(deadline, started + timeout_s) if deadline is not None else started + timeout_s
    if not request.url.lower().startswith(("http://", "https://")):
        error = FetchError(
            f"not an http(s) URL: {request.url!r}", kind="invalid_url", permanent=True
        )
        return _failed(request, error, started)
    try:
        return _fetch(client, request, end=end, max_bytes=max_bytes, started=started)
    except _Overrun as exc:
        return _failed(request, exc.error, started)
    except (httpx.HTTPError, httpx.InvalidURL) as exc:
        return _failed(request, transport_error(exc), started)


def transport_error(exc: Exception) -> FetchError:
    """Map an httpx exception to a FetchError with a stable ``kind``."""
    kinds: list[tuple[type[Exception], str, bool]] = [
        (httpx.TimeoutException, "timeout", False),
        (httpx.ConnectError, "connect", False),
        (httpx.TooManyRedirects, "redirects", False),
        (httpx.DecodingError, "decoding", False),
        (httpx.UnsupportedProtocol, "invalid_url", True),
        (httpx.InvalidURL, "invalid_url", True),
        (httpx.RemoteProtocolError, "protocol", False),
    ]
    for cls, kind, permanent in kinds:
        if isinstance(exc, cls):
            return FetchError(f"{kind}: {exc}".rstrip(": "), kind=kind, permanent=permanent)
    return FetchError(f"network: {exc}", kind="network")


def _fetch(
    client: httpx.Client, request: FetchRequest, *, end: float, max_bytes: int, started: float
) -> FetchResult:
    left = max(end - time.monotonic(), 0.001)
    timeout = httpx.Timeout(left, connect=min(left, 10.0))
    headers = conditional_headers(request)
    with client.stream("GET", request.url, headers=headers, timeout=timeout) as response:
        retry_after = parse_retry_after(
            response.headers.get("retry-after"),
            reference_now(response.headers.get("date"), datetime.now(UTC)),
        )
        error = status_error(response.status_code, retry_after)
        body = None
        if error is None and response.status_code != 304:
            body = _read_capped(response, end=end, max_bytes=max_bytes)
        fresh = body is not None  # new validators come only with a new body
        return FetchResult(
            request=request,
            status=response.status_code,
            body=body,
            etag=response.headers.get("etag") if fresh else request.etag,
            last_modified=response.headers.get("last-modified") if fresh else request.last_modified,
            final_url=str(response.url),
            permanent_redirect=bool(response.history)
            and all(r.status_code in PERMANENT_REDIRECTS for r in response.history),
            retry_after=retry_after,
            error=error,
            elapsed=time.monotonic() - started,
            content_type=response.headers.get("content-type"),
        )


def _read_capped(response: httpx.Response, *, end: float, max_bytes: int) -> bytes:
    """The decompressed body, stopping as soon as it passes ``max_bytes`` or ``end``."""
    timeouts = response.request.extensions.get("timeout")
    if isinstance(timeouts, dict):
        timeouts["read"] = max(end - time.monotonic(), 0.001)
    declared = response.headers.get("content-length", "")
    plain = "content-encoding" not in response.headers
    if plain and declared.isdigit() and int(declared) > max_bytes:
        raise _Overrun(_too_large(max_bytes))
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise _Overrun(_too_large(max_bytes))
        if time.monotonic() > end:
            raise _Overrun(FetchError("timeout: body not received in time", kind="timeout"))
        chunks.append(chunk)
    return b"".join(chunks)


def _too_large(max_bytes: int) -> FetchError:
    return FetchError(f"body larger than {max_bytes} bytes", kind="too_large", permanent=True)


def _failed(request: FetchRequest, error: FetchError, started: float) -> FetchResult:
    return FetchResult(
        request=request,
        status=error.status,
        body=None,
        etag=request.etag,
        last_modified=request.last_modified,
        final_url=request.url,
        permanent_redirect=False,
        retry_after=error.retry_after,
        error=error,
        elapsed=time.monotonic() - started,
    )
