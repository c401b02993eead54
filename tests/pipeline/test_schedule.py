"""next_check: interval, TTL, error backoff and Retry-After, all capped at 24 h."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from tracker.pipeline.schedule import next_check

NOW = datetime(2024, 3, 5, 12, 0, tzinfo=UTC)
M15 = timedelta(minutes=15)
H = timedelta(hours=1)
DAY = timedelta(hours=24)


@pytest.mark.parametrize(
    ("interval", "errors", "retry_after", "ttl", "delay"),
    [
        pytest.param(M15, 0, None, None, M15, id="healthy-uses-interval"),
        pytest.param(M15, 0, None, 60, H, id="longer-ttl-wins"),
        pytest.param(M15, 0, None, 5, M15, id="shorter-ttl-ignored"),
        pytest.param(M15, 0, None, 10_000, DAY, id="ttl-clamped-to-a-day"),
        pytest.param(M15, 0, None, 0, M15, id="zero-ttl-ignored"),
        pytest.param(M15, 1, None, None, M15, id="first-error-retries-after-interval"),
        pytest.param(M15, 2, None, None, 2 * M15, id="second-error-doubles"),
        pytest.param(M15, 4, None, None, 8 * M15, id="fourth-error-8x"),
        pytest.param(M15, 7, None, None, 64 * M15, id="seventh-error-64x"),
        pytest.param(M15, 8, None, None, DAY, id="backoff-capped-at-a-day"),
        pytest.param(M15, 10_000, None, None, DAY, id="huge-error-count-no-overflow"),
        pytest.param(M15, 1, None, 600, M15, id="ttl-ignored-while-failing"),
        pytest.param(M15, 1, 3600.0, None, H, id="retry-after-is-a-floor"),
        pytest.param(M15, 3, 60.0, None, 4 * M15, id="backoff-beats-short-retry-after"),
        pytest.param(M15, 0, 7200.0, None, 2 * H, id="retry-after-on-a-healthy-feed"),
        pytest.param(M15, 1, 10 * 86400.0, None, DAY, id="retry-after-capped-at-a-day"),
        pytest.param(M15, 1, 0.0, None, M15, id="zero-retry-after-ignored"),
        pytest.param(2 * DAY, 0, None, None, 2 * DAY, id="long-interval-kept"),
        pytest.param(2 * DAY, 3, None, None, 2 * DAY, id="long-interval-backoff-capped-at-it"),
    ],
)
def test_it_schedules_the_next_check(
    interval: timedelta,
    errors: int,
    retry_after: float | None,
    ttl: int | None,
    delay: timedelta,
) -> None:
    got = next_check(
        NOW, interval=interval, error_count=errors, retry_after=retry_after, ttl_minutes=ttl
    )
    assert got - NOW == delay


@pytest.mark.parametrize(
    ("interval", "errors"),
    [
        pytest.param(timedelta(0), 0, id="zero-interval"),
        pytest.param(-M15, 0, id="negative-interval"),
        pytest.param(M15, -1, id="negative-errors"),
    ],
)
def test_it_rejects_nonsense_inputs(interval: timedelta, errors: int) -> None:
    with pytest.raises(ValueError):
        next_check(NOW, interval=interval, error_count=errors, retry_after=None, ttl_minutes=None)
