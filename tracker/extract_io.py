"""JSON items of `tracker extract` and `tracker evaluate`: checks, conversion, the stream."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from datetime import UTC, datetime
from typing import IO, Any

from tracker.domain import NewsItem
from tracker.pipeline.extract import Extractor


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


def extract_line(extractor: Extractor, raw: bytes) -> dict[str, Any]:
    if not raw.strip():
        return {"id": None, "error": "empty line"}
    try:
        obj = json.loads(raw.decode("utf-8-sig"))  # a BOM may open the first line
    except UnicodeDecodeError as exc:
        return {"id": None, "error": f"not UTF-8: {exc}"}
    except ValueError as exc:
        return {"id": None, "error": f"not valid JSON: {exc}"}
    try:
        item = item_from_json(obj)
    except ValueError as exc:
        return {"id": _usable_id(obj), "error": str(exc)}
    return {"id": item.id, "events": [e.to_json() for e in extractor.extract(item)]}


def _usable_id(obj: object) -> str | None:
    """The line's id as the success path would print it, or None when it has none."""
    item_id = obj.get("id") if isinstance(obj, dict) else None
    if isinstance(item_id, bool) or not isinstance(item_id, str | int) or item_id == "":
        return None
    return str(item_id)


def _input_lines(stream: IO[bytes]) -> Iterator[bytes]:
    """Every input line, blank ones included: output line N answers input line N."""
    for raw in stream:
        yield raw.rstrip(b"\r\n")


def extract_stream(extractor: Extractor, lines: IO[bytes], out: IO[bytes]) -> None:
    """`tracker extract`: one JSON result line per input line, in order, flushed each."""
    for line in _input_lines(lines):
        result = json.dumps(extract_line(extractor, line), ensure_ascii=False)
        out.write(result.encode("utf-8") + b"\n")
        out.flush()
