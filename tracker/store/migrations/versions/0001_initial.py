"""Initial schema: feeds, entries, events, stories, story sources, transitions, outbox.

Revision ID: 0001
Revises:
Create Date: 2026-11-26
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("story_sources", "outbox", "events", "transitions", "entries", "stories", "feeds")


def _ts(name: str, *, nullable: bool = True) -> sa.Column[object]:
    """A UTC timestamp column (``timestamp with time zone`` where it exists)."""
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def _label(name: str, *, nullable: bool = False) -> sa.Column[object]:
    return sa.Column(name, sa.String(32), nullable=nullable)


def _pk(table: str) -> sa.PrimaryKeyConstraint:
    return sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{table}"))


def _fk(
    table: str, column: str, target: str, ondelete: str | None = None
) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], [f"{target}.id"], name=op.f(f"fk_{table}_{column}_{target}"), ondelete=ondelete
    )


def _index(table: str, *columns: str) -> None:
    op.create_index(op.f(f"ix_{table}_{'_'.join(columns)}"), table, list(columns))


def upgrade() -> None:
    """Create every table and index."""
    _create_feeds()
    _create_stories()
    _create_entries()
    _create_transitions()
    _create_events()
    _create_outbox()
    _create_story_sources()


def downgrade() -> None:
    """Drop every table (indexes go with them)."""
    for table in TABLES:
        op.drop_table(table)


def _create_feeds() -> None:
    op.create_table(
        "feeds",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("config_url", sa.Text(), nullable=True),
        sa.Column("name", sa.Text(), nullable=True),
        _label("origin"),
        sa.Column("interval_s", sa.Integer(), nullable=True),
        sa.Column("active", sa.Boolean(), server_default=sa.text("true"), nullable=False),
        sa.Column("etag", sa.Text(), nullable=True),
        sa.Column("last_modified", sa.Text(), nullable=True),
        sa.Column("last_status", sa.Integer(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("last_error_kind", sa.String(64), nullable=True),
        sa.Column("error_count", sa.Integer(), server_default=sa.text("0"), nullable=False),
        _ts("last_checked_at"),
        _ts("last_success_at"),
        _ts("next_check_at"),
        _ts("retry_until"),
        sa.Column("disabled_reason", sa.Text(), nullable=True),
        sa.Column("lease_owner", sa.String(200), nullable=True),
        _ts("lease_until"),
        _ts("created_at", nullable=False),
        _pk("feeds"),
        sa.UniqueConstraint("url", name=op.f("uq_feeds_url")),
    )
    _index("feeds", "active", "next_check_at")


def _create_stories() -> None:
    op.create_table(
        "stories",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("company", sa.String(200), nullable=False),
        _label("type"),
        _label("role"),
        sa.Column("person", sa.Text(), nullable=False),
        sa.Column("person_key", sa.String(200), nullable=False),
        _label("certainty"),
        sa.Column("interim", sa.Boolean(), nullable=False),
        _label("reason", nullable=True),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.Column("language", sa.String(8), nullable=False),
        _ts("occurred_at", nullable=False),
        _ts("first_seen_at", nullable=False),
        _ts("last_seen_at", nullable=False),
        _ts("denied_at"),
        sa.Column("transition_id", sa.Integer(), nullable=True),
        _pk("stories"),
    )
    _index("stories", "company", "person_key", "role")
    _index("stories", "transition_id")


def _create_entries() -> None:
    op.create_table(
        "entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("feed_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("link", sa.Text(), nullable=True),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        _ts("published_at"),
        _ts("first_seen_at", nullable=False),
        sa.Column("content_hash", sa.String(128), nullable=False),
        _ts("updated_at", nullable=False),
        _fk("entries", "feed_id", "feeds", ondelete="CASCADE"),
        _pk("entries"),
        sa.UniqueConstraint("feed_id", "key", name=op.f("uq_entries_feed_id_key")),
    )
    _index("entries", "link")


def _create_transitions() -> None:
    op.create_table(
        "transitions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("company", sa.String(200), nullable=False),
        _label("type"),
        sa.Column("person", sa.Text(), nullable=False),
        sa.Column("person_key", sa.String(200), nullable=False),
        _label("role"),
        sa.Column("interim", sa.Boolean(), nullable=False),
        _label("reason", nullable=True),
        _label("certainty"),
        _ts("occurred_at", nullable=False),
        _ts("detected_at", nullable=False),
        sa.Column("story_id", sa.Integer(), nullable=False),
        sa.Column("alertable", sa.Boolean(), nullable=False),
        sa.Column("previous_holder", sa.Text(), nullable=True),
        _fk("transitions", "story_id", "stories"),
        _pk("transitions"),
    )
    _index("transitions", "company", "occurred_at")
    _index("transitions", "story_id")


def _create_events() -> None:
    op.create_table(
        "events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("company", sa.String(200), nullable=False),
        _label("type"),
        _label("role"),
        sa.Column("people", sa.JSON(), nullable=False),
        _label("certainty"),
        sa.Column("interim", sa.Boolean(), nullable=False),
        _label("reason", nullable=True),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.Column("story_id", sa.Integer(), nullable=True),
        _fk("events", "entry_id", "entries", ondelete="CASCADE"),
        _fk("events", "story_id", "stories", ondelete="SET NULL"),
        _pk("events"),
    )
    _index("events", "entry_id")
    _index("events", "story_id")


def _create_outbox() -> None:
    op.create_table(
        "outbox",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("story_id", sa.Integer(), nullable=True),
        sa.Column("transition_id", sa.Integer(), nullable=True),
        _label("kind"),
        sa.Column("channel_key", sa.String(64), nullable=False),
        sa.Column("dedup_key", sa.String(255), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(32), server_default="pending", nullable=False),
        sa.Column("attempts", sa.Integer(), server_default=sa.text("0"), nullable=False),
        _ts("next_attempt_at", nullable=False),
        sa.Column("claimed_by", sa.String(200), nullable=True),
        _ts("claimed_until"),
        _ts("created_at", nullable=False),
        _ts("sent_at"),
        _ts("give_up_at"),
        sa.Column("last_error", sa.Text(), nullable=True),
        _fk("outbox", "story_id", "stories"),
        _fk("outbox", "transition_id", "transitions"),
        _pk("outbox"),
        sa.UniqueConstraint("dedup_key", name=op.f("uq_outbox_dedup_key")),
    )
    _index("outbox", "status", "next_attempt_at")
    _index("outbox", "story_id")
    _index("outbox", "transition_id")


def _create_story_sources() -> None:
    op.create_table(
        "story_sources",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("story_id", sa.Integer(), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("link", sa.Text(), nullable=True),
        _label("certainty"),
        _ts("seen_at", nullable=False),
        _fk("story_sources", "entry_id", "entries", ondelete="CASCADE"),
        _fk("story_sources", "story_id", "stories", ondelete="CASCADE"),
        _pk("story_sources"),
        sa.UniqueConstraint(
            "story_id", "entry_id", name=op.f("uq_story_sources_story_id_entry_id")
        ),
    )
    _index("story_sources", "entry_id")
