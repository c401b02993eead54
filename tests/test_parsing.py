"""Feed bodies parse the same inline and in worker processes; errors cross intact."""

from __future__ import annotations

import os
import signal
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from tracker.domain import ParsedFeed
from tracker.errors import ParseError
from tracker.fetch import FetchRequest, FetchResult
from tracker.parsing import FeedParser

FEEDS = Path(__file__).parent / "fixtures" / "feeds"


def _result(n: int, body: bytes | None, status: int = 200) -> FetchResult:
    return FetchResult(
        request=FetchRequest(n, f"https://feeds.example/{n}.xml"),
        status=status,
        body=body,
        etag=None,
        last_modified=None,
        final_url=f"https://feeds.example/{n}.xml",
        permanent_redirect=False,
        retry_after=None,
        error=None,
        elapsed=0.0,
    )


def _batch() -> list[FetchResult]:
    bodies = [(FEEDS / name).read_bytes() for name in ("rss20.xml", "atom10.xml", "rdf10.xml")]
    results = [_result(i, bodies[i % 3]) for i in range(18)]
    results.append(_result(18, b"<html><body>not a feed</body></html>"))
    results.append(_result(19, None, status=304))
    return results


@pytest.mark.parametrize("workers", [1, 2], ids=["inline", "two-processes"])
def test_results_come_back_in_order_with_their_parse(workers: int) -> None:
    parser = FeedParser(workers=workers, min_parallel=4)
    try:
        pairs = list(parser.parse_all(_batch()))
    finally:
        parser.close()
    assert [r.request.feed_id for r, _ in pairs] == list(range(20))
    assert all(p is not None and not isinstance(p, ParseError) and p.entries for _, p in pairs[:18])
    assert isinstance(pairs[18][1], ParseError)
    assert pairs[19][1] is None


def test_workers_and_inline_parse_identically() -> None:
    inline, pooled = FeedParser(workers=1), FeedParser(workers=2, min_parallel=2)
    try:
        a = [p for _, p in inline.parse_all(_batch()) if not isinstance(p, ParseError)]
        b = [p for _, p in pooled.parse_all(_batch()) if not isinstance(p, ParseError)]
    finally:
        pooled.close()
    assert a == b


def test_a_dead_worker_pool_is_replaced_and_the_batch_finished_inline() -> None:
    parser = FeedParser(workers=2, min_parallel=2)
    try:
        assert len(list(parser.parse_all(_batch()))) == 20
        pool = parser._pool
        assert isinstance(pool, ProcessPoolExecutor)
        for process in list(pool._processes.values()):  # e.g. the OOM killer
            assert process.pid is not None
            os.kill(process.pid, signal.SIGKILL)
        for _ in range(2):  # the broken pool is dropped; the next batch gets a new one
            parsed = [p for _, p in parser.parse_all(_batch())]
            assert sum(1 for p in parsed if isinstance(p, ParsedFeed)) == 18
    finally:
        parser.close()


def test_an_unexpected_parser_crash_is_that_feeds_parse_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def crash(body: bytes, url: str, headers: object) -> ParsedFeed:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr("tracker.parsing.parse_feed", crash)
    (_, parsed), *_ = FeedParser(workers=1).parse_all(_batch()[:1])
    assert isinstance(parsed, ParseError)
    assert "RecursionError" in parsed.message
