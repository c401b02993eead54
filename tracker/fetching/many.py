"""Fetch many feeds at once without letting one slow or hostile feed hold up the rest.

A dispatcher in the calling thread hands requests to a ThreadPoolExecutor
only while their host has fewer than ``per_host`` requests in flight, so a
worker never sits blocked waiting for a busy host (FreshRSS #7870: a limit
on one host must not stall unrelated feeds). Each fetch carries its own
wall-clock deadline (``fetch_feed``), so a worker is never held longer than
``timeout_s``.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait

import httpx

from tracker.errors import FetchError
from tracker.fetching.results import FetchRequest, FetchResult
from tracker.fetching.single import DEFAULT_MAX_BYTES, fetch_feed


def host_of(url: str) -> str:
    """The host a request counts against for the per-host limit (lower-cased)."""
    try:
        return httpx.URL(url).host.lower()
    except (httpx.InvalidURL, TypeError):
        return url


def fetch_many(
    client: httpx.Client,
    requests: Sequence[FetchRequest],
    *,
    timeout_s: float,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_workers: int = 8,
    per_host: int = 2,
    total_s: float | None = None,
) -> list[FetchResult]:
    """Fetch every request concurrently; results come back in request order.

    With at most ``max_workers`` requests (on distinct enough hosts) the call
    returns within ``timeout_s`` plus scheduling overhead. With more, queued
    requests wait for a free worker; ``total_s`` caps the whole call: a
    request that could not start before it gets a ``timeout`` error saying so,
    and one already running is cut at the same instant.
    """
    if max_workers < 1 or per_host < 1:
        raise ValueError("max_workers and per_host must be at least 1")
    call_end = time.monotonic() + total_s if total_s is not None else None

    def job(request: FetchRequest) -> FetchResult:
        return fetch_feed(
            client, request, timeout_s=timeout_s, max_bytes=max_bytes, deadline=call_end
        )

    with ThreadPoolExecutor(max_workers=max_workers, thread_name_prefix="fetch") as pool:
        dispatcher = _Dispatcher(requests, pool, job, per_host=per_host, max_workers=max_workers)
        return dispatcher.run(call_end)


class _Dispatcher:
    """Hands requests to the pool host by host; collects results by index."""

    def __init__(
        self,
        requests: Sequence[FetchRequest],
        pool: ThreadPoolExecutor,
        job: Callable[[FetchRequest], FetchResult],
        *,
        per_host: int,
        max_workers: int,
    ) -> None:
        self.requests = requests
        self.pool = pool
        self.job = job
        self.per_host = per_host
        self.max_workers = max_workers
        self.results: list[FetchResult | None] = [None] * len(requests)
        self.queues: dict[str, deque[int]] = {}
        for index, request in enumerate(requests):
            self.queues.setdefault(host_of(request.url), deque()).append(index)
        self.in_flight = dict.fromkeys(self.queues, 0)
        self.running: dict[Future[FetchResult], tuple[int, str]] = {}

    def run(self, call_end: float | None) -> list[FetchResult]:
        """Launch, wait for any to finish, repeat; results in request order."""
        while True:
            self._launch(expired=call_end is not None and time.monotonic() >= call_end)
            if not self.running:
                break
            done, _ = wait(self.running, return_when=FIRST_COMPLETED)
            for future in done:
                index, host = self.running.pop(future)
                self.in_flight[host] -= 1
                self.results[index] = _outcome(future, self.requests[index])
        return [
            result if result is not None else _not_started(self.requests[i])
            for i, result in enumerate(self.results)
        ]

    def _launch(self, *, expired: bool) -> None:
        """Start every queued request whose host and the pool have room."""
        for host, queue in self.queues.items():
            while queue and self.in_flight[host] < self.per_host:
                if len(self.running) >= self.max_workers:
                    return
                index = queue.popleft()
                if expired:
                    self.results[index] = _not_started(self.requests[index])
                    continue
                future = self.pool.submit(self.job, self.requests[index])
                self.running[future] = (index, host)
                self.in_flight[host] += 1


def _outcome(future: Future[FetchResult], request: FetchRequest) -> FetchResult:
    """The future's result; a bug in one fetch must not lose every other result."""
    try:
        return future.result()
    except Exception as exc:  # fetch_feed maps every expected failure itself
        return _unfetched(request, FetchError(f"internal: {exc!r}", kind="internal"))


def _not_started(request: FetchRequest) -> FetchResult:
    error = FetchError("timeout: not started before the poll deadline", kind="timeout")
    return _unfetched(request, error)


def _unfetched(request: FetchRequest, error: FetchError) -> FetchResult:
    return FetchResult(
        request=request,
        status=None,
        body=None,
        etag=request.etag,
        last_modified=request.last_modified,
        final_url=request.url,
        permanent_redirect=False,
        retry_after=None,
        error=error,
        elapsed=0.0,
    )
