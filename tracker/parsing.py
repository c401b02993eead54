"""Parse fetched feed bodies, on every core when there are enough of them.

Parsing (feedparser) is the largest cost of a poll and is pure, so a batch of
bodies is spread over worker processes while the main process writes the
previous feeds' results to the database. Small batches (a few feeds in a
scheduler tick) parse inline: a process round trip would cost more than it
saves. Workers are started with ``forkserver`` (never ``fork`` in a process that
runs threads) and live as long as the ``FeedParser``.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from tracker.domain import ParsedFeed
from tracker.errors import ParseError
from tracker.fetch import FetchResult
from tracker.pipeline.parse import parse_feed

Parsed = ParsedFeed | ParseError
_Job = tuple[bytes, str, dict[str, str]]


def parse_job(job: _Job) -> Parsed:
    """Parse one body; a ParseError is returned, not raised, so it crosses processes intact.

    Any other exception is a parser bug on this document: it becomes this feed's
    ParseError, never the end of the poll.
    """
    body, url, headers = job
    try:
        return parse_feed(body, url, headers)
    except ParseError as exc:
        return exc
    except Exception as exc:
        return ParseError(f"the parser failed on this document: {type(exc).__name__}: {exc}")


class FeedParser:
    """Parses the bodies of a poll's fetch results, in parallel for large batches."""

    def __init__(self, workers: int | None = None, min_parallel: int = 16) -> None:
        self.workers = workers if workers is not None else min(os.cpu_count() or 1, 4)
        self.min_parallel = min_parallel
        self._pool: Executor | None = None

    def parse_all(
        self, results: Sequence[FetchResult]
    ) -> Iterator[tuple[FetchResult, Parsed | None]]:
        """Each result with its parsed body (None when there is no body to parse), in order.

        A generator: the caller stores feed N while the workers parse feed N+1.
        """
        jobs = {
            i: (r.body, r.final_url, r.response_headers())
            for i, r in enumerate(results)
            if r.error is None and r.body is not None and not r.not_modified
        }
        if len(jobs) < self.min_parallel or self.workers < 2:
            parsed: Iterator[Parsed] = map(parse_job, jobs.values())
        else:
            parsed = self._parallel(list(jobs.values()))
        for i, result in enumerate(results):
            yield result, next(parsed) if i in jobs else None

    def _parallel(self, jobs: list[_Job]) -> Iterator[Parsed]:
        """Parse in the workers; if a worker dies (e.g. killed for memory), finish inline."""
        done = 0
        try:
            for parsed in self._executor().map(parse_job, jobs, chunksize=4):
                done += 1
                yield parsed
        except BrokenProcessPool:
            self.close()  # a fresh pool is started for the next batch
            yield from map(parse_job, jobs[done:])

    def _executor(self) -> Executor:
        if self._pool is None:
            context = multiprocessing.get_context("forkserver")
            self._pool = ProcessPoolExecutor(self.workers, mp_context=context)
        return self._pool

    def close(self) -> None:
        """Stop the worker processes."""
        pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
