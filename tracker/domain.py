"""Plain data shared by every stage: frozen dataclasses and string enums.

Nothing here does I/O. The vocabulary (event types, roles, certainty,
reasons) is the one of ``CONTRACT.md`` and the corpus spec.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


class EventType(StrEnum):
    """What happened to a leader."""

    DEPARTURE = "departure"
    APPOINTMENT = "appointment"
    REINSTATEMENT = "reinstatement"
    BOARD_CHANGE = "board_change"


class Role(StrEnum):
    """Top-leadership roles; anything else chief-level is ``other_exec``."""

    CEO = "ceo"
    CFO = "cfo"
    COO = "coo"
    CTO = "cto"
    PRESIDENT = "president"
    CHAIR = "chair"
    DIRECTOR = "director"
    OTHER_EXEC = "other_exec"


class Certainty(StrEnum):
    """How firmly the text states the event; only ``reported`` becomes a transition."""

    REPORTED = "reported"
    RUMORED = "rumored"
    DENIED = "denied"


class Reason(StrEnum):
    """Why a departure happened."""

    RESIGNED = "resigned"
    DISMISSED = "dismissed"
    RETIRED = "retired"
    DIED = "died"
    UNSPECIFIED = "unspecified"


LANGUAGES = ("en", "fr", "de", "es", "it")


@dataclass(frozen=True)
class KnownPerson:
    """An executive the watchlist knows, with the role they hold today."""

    name: str
    role: Role


@dataclass(frozen=True)
class Company:
    """One watched company: ``id`` is ``[a-z0-9_]+`` and unique in a watchlist."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    tickers: tuple[str, ...] = ()
    people: tuple[KnownPerson, ...] = ()

    def all_names(self) -> tuple[str, ...]:
        """The display name followed by every alias, without duplicates."""
        seen: dict[str, None] = {self.name: None}
        for alias in self.aliases:
            seen.setdefault(alias, None)
        return tuple(seen)


@dataclass(frozen=True)
class Watchlist:
    """The companies to watch, in configuration order."""

    companies: tuple[Company, ...] = ()

    def by_id(self) -> dict[str, Company]:
        """Companies keyed by id."""
        return {c.id: c for c in self.companies}


@dataclass(frozen=True)
class NewsItem:
    """One news item as the extractor sees it (an RSS/Atom entry or a corpus line)."""

    id: str
    title: str
    summary: str = ""
    published: datetime | None = None
    link: str | None = None


@dataclass(frozen=True)
class Event:
    """One leadership event at one watched company, found in one item."""

    company: str
    type: EventType
    people: tuple[str, ...]
    role: Role
    certainty: Certainty = Certainty.REPORTED
    interim: bool = False
    reason: Reason | None = None
    confidence: float = 0.5
    language: str = "en"
    evidence: str = ""

    def to_json(self) -> dict[str, object]:
        """The ``extract`` output shape of CONTRACT.md."""
        return {
            "company": self.company,
            "type": self.type.value,
            "people": list(self.people),
            "role": self.role.value,
            "certainty": self.certainty.value,
            "interim": self.interim,
            "reason": self.reason.value if self.reason else None,
            "confidence": round(self.confidence, 2),
            "language": self.language,
            "evidence": self.evidence,
        }


@dataclass(frozen=True)
class FeedEntry:
    """One entry parsed from a feed document.

    ``key`` identifies the entry across fetches: the guid, else the link, else a
    hash of title and summary. ``content_hash`` changes when the text is edited.
    """

    key: str
    title: str
    summary: str
    link: str | None
    published: datetime | None
    content_hash: str

    def as_news_item(self) -> NewsItem:
        """The extractor's view of this entry."""
        return NewsItem(
            id=self.key,
            title=self.title,
            summary=self.summary,
            published=self.published,
            link=self.link,
        )


@dataclass(frozen=True)
class ParsedFeed:
    """A parsed feed document: its entries and whether the parser had to recover."""

    entries: tuple[FeedEntry, ...]
    title: str = ""
    ttl_minutes: int | None = None
    warnings: tuple[str, ...] = field(default=())
