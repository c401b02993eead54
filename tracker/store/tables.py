"""The database schema as SQLAlchemy 2.0 typed classes.

Every timestamp is a ``UTCDateTime`` (aware UTC in, aware UTC out). Labels
such as ``certainty`` or ``status`` are plain strings holding the values of
``tracker.domain`` enums, so adding a value never needs a migration.
Migration ``0001`` creates exactly this schema; a test compares the two.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Boolean,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from tracker.store.types import UTCDateTime

# Stable constraint names, so migrations can refer to them on every database.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# Short labels (enum values, hashes, names of things) vs. free text.
LABEL = String(32)
NAME = String(200)


class Base(DeclarativeBase):
    """Declarative base carrying the naming convention and the UTC type."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {datetime: UTCDateTime()}


class FeedRow(Base):
    """A feed to poll, with its HTTP cache state and error/backoff state.

    ``url`` is where the feed is fetched; it follows permanent redirects, while
    ``config_url`` keeps the URL as configured, which identifies the feed when
    the configuration is synced again.
    ``active`` is false for feeds no longer in the configuration: they are
    kept (their entries and history stay valid) but never polled.
    ``retry_until`` holds a server's Retry-After, which even ``tracker poll``
    respects, unlike ``next_check_at``.
    """

    __tablename__ = "feeds"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    url: Mapped[str] = mapped_column(Text, unique=True)
    config_url: Mapped[str | None] = mapped_column(Text)
    name: Mapped[str | None] = mapped_column(Text)
    origin: Mapped[str] = mapped_column(LABEL, default="config")
    interval_s: Mapped[int | None] = mapped_column(Integer)
    active: Mapped[bool] = mapped_column(Boolean, default=True, server_default=text("true"))
    etag: Mapped[str | None] = mapped_column(Text)
    last_modified: Mapped[str | None] = mapped_column(Text)
    last_status: Mapped[int | None] = mapped_column(Integer)
    last_error: Mapped[str | None] = mapped_column(Text)
    last_error_kind: Mapped[str | None] = mapped_column(String(64))
    error_count: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))
    last_checked_at: Mapped[datetime | None]
    last_success_at: Mapped[datetime | None]
    next_check_at: Mapped[datetime | None]
    retry_until: Mapped[datetime | None]
    disabled_reason: Mapped[str | None] = mapped_column(Text)
    lease_owner: Mapped[str | None] = mapped_column(NAME)
    lease_until: Mapped[datetime | None]
    created_at: Mapped[datetime]

    __table_args__ = (Index(None, "active", "next_check_at"),)


class EntryRow(Base):
    """One feed entry, identified within its feed by ``key``."""

    __tablename__ = "entries"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    feed_id: Mapped[int] = mapped_column(ForeignKey("feeds.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(Text)
    link: Mapped[str | None] = mapped_column(Text, index=True)
    title: Mapped[str] = mapped_column(Text)
    summary: Mapped[str] = mapped_column(Text, default="")
    published_at: Mapped[datetime | None]
    first_seen_at: Mapped[datetime]
    content_hash: Mapped[str] = mapped_column(String(128))
    updated_at: Mapped[datetime]

    __table_args__ = (UniqueConstraint("feed_id", "key"),)


class EventRow(Base):
    """One extracted event (``domain.Event``) found in one entry."""

    __tablename__ = "events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("entries.id", ondelete="CASCADE"), index=True)
    company: Mapped[str] = mapped_column(NAME)
    type: Mapped[str] = mapped_column(LABEL)
    role: Mapped[str] = mapped_column(LABEL)
    people: Mapped[list[str]] = mapped_column(JSON)
    certainty: Mapped[str] = mapped_column(LABEL)
    interim: Mapped[bool] = mapped_column(Boolean, default=False)
    reason: Mapped[str | None] = mapped_column(LABEL)
    confidence: Mapped[float] = mapped_column(Float)
    language: Mapped[str] = mapped_column(String(8))
    evidence: Mapped[str] = mapped_column(Text, default="")
    story_id: Mapped[int | None] = mapped_column(
        ForeignKey("stories.id", ondelete="SET NULL"), index=True
    )


class StoryRow(Base):
    """One change at one company, however many entries and feeds report it.

    ``transition_id`` points at the transition the story produced or joined.
    It has no foreign key on purpose: ``transitions.story_id`` already points
    back, and a cycle of foreign keys makes creating and dropping tables fragile.
    """

    __tablename__ = "stories"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    company: Mapped[str] = mapped_column(NAME)
    type: Mapped[str] = mapped_column(LABEL)
    role: Mapped[str] = mapped_column(LABEL)
    person: Mapped[str] = mapped_column(Text)
    person_key: Mapped[str] = mapped_column(NAME)
    certainty: Mapped[str] = mapped_column(LABEL)
    interim: Mapped[bool] = mapped_column(Boolean, default=False)
    reason: Mapped[str | None] = mapped_column(LABEL)
    confidence: Mapped[float] = mapped_column(Float)
    evidence: Mapped[str] = mapped_column(Text, default="")
    language: Mapped[str] = mapped_column(String(8))
    occurred_at: Mapped[datetime]
    first_seen_at: Mapped[datetime]
    last_seen_at: Mapped[datetime]
    denied_at: Mapped[datetime | None]
    transition_id: Mapped[int | None] = mapped_column(Integer, index=True)

    __table_args__ = (Index(None, "company", "person_key", "role"),)


class StorySourceRow(Base):
    """An entry that reported a story, with the certainty it reported."""

    __tablename__ = "story_sources"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    story_id: Mapped[int] = mapped_column(ForeignKey("stories.id", ondelete="CASCADE"))
    entry_id: Mapped[int] = mapped_column(ForeignKey("entries.id", ondelete="CASCADE"), index=True)
    link: Mapped[str | None] = mapped_column(Text)
    certainty: Mapped[str] = mapped_column(LABEL)
    seen_at: Mapped[datetime]

    __table_args__ = (UniqueConstraint("story_id", "entry_id"),)


class TransitionRow(Base):
    """One recorded change of a company's leadership (one per person per change)."""

    __tablename__ = "transitions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    company: Mapped[str] = mapped_column(NAME)
    type: Mapped[str] = mapped_column(LABEL)
    person: Mapped[str] = mapped_column(Text)
    person_key: Mapped[str] = mapped_column(NAME)
    role: Mapped[str] = mapped_column(LABEL)
    interim: Mapped[bool] = mapped_column(Boolean, default=False)
    reason: Mapped[str | None] = mapped_column(LABEL)
    certainty: Mapped[str] = mapped_column(LABEL)
    occurred_at: Mapped[datetime]
    detected_at: Mapped[datetime]
    story_id: Mapped[int] = mapped_column(ForeignKey("stories.id"), index=True)
    alertable: Mapped[bool] = mapped_column(Boolean, default=True)
    previous_holder: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (Index(None, "company", "occurred_at"),)


class OutboxRow(Base):
    """One alert for one channel, written in the same transaction as its cause.

    ``dedup_key`` makes enqueueing idempotent. The deliverer claims rows by
    ``status``/``next_attempt_at`` (indexed) with a conditional UPDATE on
    SQLite or ``FOR UPDATE SKIP LOCKED`` on PostgreSQL, owning them until
    ``claimed_until``. ``story_id`` is nullable because a digest has no one story.
    """

    __tablename__ = "outbox"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    story_id: Mapped[int | None] = mapped_column(ForeignKey("stories.id"), index=True)
    transition_id: Mapped[int | None] = mapped_column(ForeignKey("transitions.id"), index=True)
    kind: Mapped[str] = mapped_column(LABEL)
    channel_key: Mapped[str] = mapped_column(String(64))
    dedup_key: Mapped[str] = mapped_column(String(255), unique=True)
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    status: Mapped[str] = mapped_column(LABEL, default="pending", server_default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))
    next_attempt_at: Mapped[datetime]
    claimed_by: Mapped[str | None] = mapped_column(NAME)
    claimed_until: Mapped[datetime | None]
    created_at: Mapped[datetime]
    sent_at: Mapped[datetime | None]
    give_up_at: Mapped[datetime | None]
    last_error: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (Index(None, "status", "next_attempt_at"),)
