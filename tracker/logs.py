"""Logging setup: human lines by default, JSON lines on request, secrets masked.

Modules log with ``logging.getLogger(__name__)`` and pass structured fields
as ``extra={"fields": {...}}``; both formats print them with stable names.
"""

from __future__ import annotations

import json
import logging
import re
import sys
from datetime import UTC, datetime
from typing import Any, TextIO

from tracker.config.masking import mask_url

# Every ``scheme://...`` run in a log line is masked even if a caller forgot:
# apprise URLs (slack://TokenA/TokenB/..., mailto://user:pass@...) through the
# same ``mask_url`` the CLI uses, like web hooks (https://hooks.slack.com/...);
# other web and database URLs lose only their password and secret query
# parameters, so feed URLs stay readable.
_URL = re.compile(r"\b[a-z][a-z0-9+.-]*://[^\s\"'<>]+", re.I)
_USERINFO = re.compile(
    r"(?P<scheme>[a-z][a-z0-9+.-]*://)(?P<user>[^:/@\s]*):(?P<pw>[^@/\s]+)@", re.I
)
_SECRET_QUERY = re.compile(
    r"(?P<key>[?&](?:pass|password|pwd|token|key|apikey|api_key|secret|webhook|auth|sig)=)[^&\s]+",
    re.I,
)
_PLAIN_SCHEMES = ("http", "https", "postgresql", "postgres", "sqlite")


def _scrub_url(match: re.Match[str]) -> str:
    url = match[0]
    scheme = url.split("://", 1)[0].lower().split("+", 1)[0]
    if scheme in _PLAIN_SCHEMES and "hook" not in url.lower():
        url = _USERINFO.sub(lambda m: f"{m['scheme']}{m['user']}:****@", url)
        return _SECRET_QUERY.sub(lambda m: f"{m['key']}****", url)
    return mask_url(url)


def scrub(text: str) -> str:
    """Mask secrets in every URL of ``text`` (passwords, tokens, secret query arguments)."""
    return _URL.sub(_scrub_url, text)


def _fields(record: logging.LogRecord) -> dict[str, Any]:
    fields = getattr(record, "fields", None)
    return dict(fields) if isinstance(fields, dict) else {}


class TextFormatter(logging.Formatter):
    """``2024-01-01T00:00:00Z INFO tracker.poll feed polled feed_id=3 entries=12``."""

    def format(self, record: logging.LogRecord) -> str:
        stamp = datetime.fromtimestamp(record.created, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        parts = [stamp, record.levelname, record.name, record.getMessage()]
        parts += [f"{k}={_quote(v)}" for k, v in _fields(record).items()]
        line = " ".join(parts)
        if record.exc_info:
            line += "\n" + self.formatException(record.exc_info)
        return scrub(line)


class JsonFormatter(logging.Formatter):
    """One JSON object per line: ts, level, logger, msg, then the fields."""

    def format(self, record: logging.LogRecord) -> str:
        obj: dict[str, Any] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat().replace("+00:00", "Z"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "msg": record.getMessage(),
        }
        obj.update(_fields(record))
        if record.exc_info:
            obj["exc"] = self.formatException(record.exc_info)
        return scrub(json.dumps(obj, default=str, ensure_ascii=False))


def _quote(value: object) -> str:
    text = str(value)
    return json.dumps(text, ensure_ascii=False) if (" " in text or not text) else text


def setup_logging(level: str = "INFO", fmt: str = "text", stream: TextIO | None = None) -> None:
    """Configure the root logger once for the process."""
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(JsonFormatter() if fmt == "json" else TextFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    for noisy in ("httpx", "httpcore", "apscheduler", "alembic", "apprise"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
