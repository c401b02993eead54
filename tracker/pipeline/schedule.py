"""When to check a feed next: interval, RSS <ttl>, error backoff and Retry-After.

Pure and jitter-free (``now`` is an argument). Everything is capped at 24
hours so a feed is never parked for days by a bad header or a long error
streak, unless its own configured interval is longer than that.
"""

from __future__ import annotations

from datetime import datetime, timedelta

MAX_DELAY = timedelta(hours=24)
_MAX_DOUBLINGS = 16  # 2**16 intervals is far past the cap for any positive interval


def next_check(
    now: datetime,
    *,
    interval: timedelta,
    error_count: int = 0,
    retry_after: float | None = None,
    ttl_minutes: int | None = None,
) -> datetime:
    """The next time to fetch a feed.

    - healthy (``error_count == 0``): ``now + max(interval, ttl)``, the TTL
      clamped to 24 h;
    - after ``n`` consecutive errors: ``now + interval * 2**(n-1)``, capped at
      24 h (or at ``interval`` when that is longer);
    - ``retry_after`` seconds, when the server sent them, is a floor, itself
      capped at 24 h.
    """
    if interval <= timedelta(0):
        raise ValueError("interval must be positive")
    if error_count < 0:
        raise ValueError("error_count cannot be negative")
    cap = max(MAX_DELAY, interval)
    if error_count:
        delay = min(interval * (1 << min(error_count - 1, _MAX_DOUBLINGS)), cap)
    else:
        delay = interval
        if ttl_minutes is not None and ttl_minutes > 0:
            delay = max(delay, min(timedelta(minutes=ttl_minutes), MAX_DELAY))
    if retry_after is not None and retry_after > 0:
        delay = max(delay, min(timedelta(seconds=retry_after), MAX_DELAY))
    return now + delay
