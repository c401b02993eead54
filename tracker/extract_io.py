"""JSON items for ``tracker extract`` and ``tracker evaluate``: validation and conversion."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from tracker.domain import NewsItem


def parse_timestamp(value: object) -> datetime | None:
    """An ISO 8601 timestamp as aware UTC, or None when absent or unreadable."""
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        stamp = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return stamp.replace(tzinfo=UTC) if stamp.tzinfo is None else stamp.astimezone(UTC)


def _text(obj: Mapping[str, Any], key: str) -> str:
    value = obj.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValueError(f"'{key}' must be a string")
    return value


def item_from_json(obj: object) -> NewsItem:
    """A NewsItem from one decoded JSON line; ValueError says what is wrong."""
    if not isinstance(obj, Mapping):
        raise ValueError("each line must be a JSON object")
    item_id = obj.get("id")
    if isinstance(item_id, bool) or not isinstance(item_id, str | int) or item_id == "":
        raise ValueError("missing 'id' (a string)")
    link = obj.get("link")
    return NewsItem(
        id=str(item_id),
        title=_text(obj, "title"),
        summary=_text(obj, "summary"),
        published=parse_timestamp(obj.get("published")),
        link=link if isinstance(link, str) else None,
    )
