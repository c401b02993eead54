"""The configuration models: what every key means, its type and its default.

Only ``load_settings`` (``loader.py``) reads files and the environment; these
models validate plain data and never touch the outside world, except that
notify URLs are checked with apprise's own URL parser (no network).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationInfo, field_validator

from tracker import __version__
from tracker.config.masking import mask_url
from tracker.domain import LANGUAGES, Company, EventType, KnownPerson, Role, Watchlist
from tracker.pipeline.newsfeeds import DEFAULT_TEMPLATE as NEWS_SEARCH_TEMPLATE

_DURATION_RE = re.compile(r"^\s*(\d+)\s*([smhd]?)\s*$")
_UNIT_SECONDS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}
_COMPANY_ID_RE = re.compile(r"^[a-z0-9_]+$")
_LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")


def parse_duration(value: object) -> timedelta:
    """``30s``, ``15m``, ``2h``, ``7d`` or whole seconds (int or digits) -> a positive timedelta."""
    if isinstance(value, timedelta):
        seconds = int(value.total_seconds())
    elif isinstance(value, int) and not isinstance(value, bool):
        seconds = value
    elif isinstance(value, str) and (match := _DURATION_RE.match(value)):
        seconds = int(match.group(1)) * _UNIT_SECONDS[match.group(2)]
    else:
        raise ValueError(
            f"bad duration {value!r}: use whole seconds or a number with s, m, h or d "
            "(e.g. 30s, 15m, 2h, 7d)"
        )
    if seconds <= 0:
        raise ValueError(f"bad duration {value!r}: must be more than 0 seconds")
    return timedelta(seconds=seconds)


Duration = Annotated[timedelta, BeforeValidator(parse_duration)]


class _Model(BaseModel):
    """Frozen, and unknown keys are errors: a typo must not be silently ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True)


def _check_http_url(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"bad URL {value!r}: must be an http:// or https:// address")
    return value


class FeedSource(_Model):
    """One RSS/Atom feed to poll."""

    url: str
    name: str | None = None
    interval: Duration | None = None

    @field_validator("url")
    @classmethod
    def _http_url(cls, value: str) -> str:
        return _check_http_url(value)


class PersonSpec(_Model):
    """An executive known today."""

    name: str = Field(min_length=1)
    role: Role


class CompanySpec(_Model):
    """One watched company as written in the configuration."""

    model_config = ConfigDict(extra="forbid", frozen=True, coerce_numbers_to_str=True)

    id: str
    name: str = Field(min_length=1)
    aliases: tuple[str, ...] = ()
    tickers: tuple[str, ...] = ()
    people: tuple[PersonSpec, ...] = ()

    @field_validator("id")
    @classmethod
    def _id_shape(cls, value: str) -> str:
        if not _COMPANY_ID_RE.match(value):
            raise ValueError(
                f"bad company id {value!r}: use only lowercase letters, digits and _ ([a-z0-9_]+)"
            )
        return value

    def to_company(self) -> Company:
        """The domain object the pipeline works with."""
        people = tuple(KnownPerson(name=p.name, role=p.role) for p in self.people)
        return Company(self.id, self.name, self.aliases, self.tickers, people)


@contextmanager
def _quiet_apprise() -> Iterator[None]:
    """Apprise logs every URL it cannot parse; our own message already says so."""
    logger = logging.getLogger("apprise")
    was_disabled = logger.disabled
    logger.disabled = True
    try:
        yield
    finally:
        logger.disabled = was_disabled


def check_apprise_url(url: str) -> str:
    """Raise ``ValueError`` unless apprise can build a notifier from ``url`` (sends nothing)."""
    import apprise  # noqa: PLC0415  (slow import, only needed when channels exist)
    from apprise.manager_plugins import NotificationManager  # noqa: PLC0415

    with _quiet_apprise():
        plugin = apprise.Apprise.instantiate(url, suppress_exceptions=True)
    if plugin is None:
        scheme = url.split("://", 1)[0] if "://" in url else ""
        known = bool(scheme) and scheme.lower() in NotificationManager()  # type: ignore[no-untyped-call]
        why = "missing or invalid parts" if known else f"unknown service {scheme!r}"
        raise ValueError(f"apprise cannot use notify URL {mask_url(url)!r}: {why}")
    return url


class NotifyTarget(_Model):
    """One alert channel (any apprise URL) with optional filters."""

    url: str
    name: str | None = None
    companies: tuple[str, ...] | None = None
    types: tuple[EventType, ...] | None = None
    min_confidence: float = Field(default=0.0, ge=0.0, le=1.0)
    rumors: bool | None = None
    digest: Literal["daily"] | None = None

    @field_validator("url")
    @classmethod
    def _apprise_url(cls, value: str) -> str:
        return check_apprise_url(value)


class NewsSearch(_Model):
    """Optional per-company news-search feeds, built from ``url_template``."""

    enabled: bool = False
    languages: tuple[str, ...] = LANGUAGES
    url_template: str = NEWS_SEARCH_TEMPLATE
    interval: Duration = timedelta(hours=1)

    @field_validator("url_template")
    @classmethod
    def _has_query(cls, value: str) -> str:
        if "{query}" not in value:
            raise ValueError(
                "must contain {query} (placeholders: {query}, {hl}, {gl}, {ceid}, {lang})"
            )
        return value

    @field_validator("languages")
    @classmethod
    def _known_languages(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        unknown = [lang for lang in value if lang not in LANGUAGES]
        if unknown:
            raise ValueError(f"unknown language {unknown[0]!r}: use {', '.join(LANGUAGES)}")
        return value


class Delivery(_Model):
    """How alerts that a channel did not take are retried."""

    retry_initial: Duration = timedelta(seconds=30)
    retry_max: Duration = timedelta(hours=1)
    give_up_after: Duration = timedelta(days=2)
    batch_size: int = Field(default=100, ge=1)
    lease: Duration = timedelta(minutes=2)


class HttpEndpoint(_Model):
    """The optional metrics/health HTTP endpoint."""

    enabled: bool = False
    host: str = "127.0.0.1"
    port: int = Field(default=9464, ge=1, le=65535)


def resolve_database_url(value: str, config_dir: Path) -> str:
    """Default SQLite next to the config; relative SQLite paths against the config folder."""
    if not value:
        return f"sqlite:///{config_dir / 'data' / 'tracker.db'}"
    match = re.match(r"^(sqlite(?:\+\w+)?):///(.*)$", value)
    if not match or match.group(2).startswith(("/", ":memory:")) or not match.group(2):
        return value
    return f"{match.group(1)}:///{config_dir / match.group(2)}"


class Settings(_Model):
    """The whole validated configuration; build it with ``load_settings``."""

    config_path: Path = Path("config/tracker.yaml")
    watchlist: Path | None = None
    database_url: str = Field(default="", validate_default=True)
    max_entry_age: Duration = timedelta(days=7)
    fetch_timeout: Duration = timedelta(seconds=20)
    poll_interval: Duration = timedelta(minutes=15)
    alert_rumors: bool = False
    max_feed_bytes: int = Field(default=10 * 1024 * 1024, ge=1)
    user_agent: str = f"tracker/{__version__} (leadership-change watcher)"
    feeds: tuple[FeedSource, ...] = ()
    companies: tuple[CompanySpec, ...] = ()
    notify: tuple[NotifyTarget, ...] = ()
    news_search: NewsSearch = NewsSearch()
    delivery: Delivery = Delivery()
    http: HttpEndpoint = HttpEndpoint()
    log_format: Literal["text", "json"] = "text"
    log_level: str = "INFO"

    @field_validator("database_url")
    @classmethod
    def _resolve_sqlite(cls, value: str, info: ValidationInfo) -> str:
        config_path: Path = info.data.get("config_path", Path("config/tracker.yaml"))
        return resolve_database_url(value, config_path.absolute().parent)

    @field_validator("log_level", mode="before")
    @classmethod
    def _known_level(cls, value: Any) -> Any:
        if isinstance(value, str) and value.upper() in _LOG_LEVELS:
            return value.upper()
        raise ValueError(f"unknown log level {value!r}: use {', '.join(_LOG_LEVELS)}")

    def build_watchlist(self) -> Watchlist:
        """The companies as the pipeline's ``Watchlist``, in configuration order."""
        return Watchlist(tuple(c.to_company() for c in self.companies))
