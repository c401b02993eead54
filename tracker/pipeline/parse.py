"""Feed bytes -> ParsedFeed: RSS 0.9x/1.0/2.0 and Atom via feedparser, made safe and plain.

feedparser is only ever handed a ``BytesIO``: given a ``str`` it fetches
URLs, and given ``bytes`` it first tries ``open()`` on them as a file name,
so a feed body that happens to be a local path would be read from disk.

What comes out: titles and summaries as plain text (HTML stripped, entities
decoded, whitespace collapsed, lengths capped), absolute http(s) links, UTC
dates, a stable ``key`` per entry (guid/id, else link, else a hash of title
and summary) and a ``content_hash`` that changes when the text is edited.
Documents declaring their own entities (billion laughs) are refused; expat
would reject the expansion anyway, but feedparser's fallback parser then
returns the unexpanded entity names as text.
"""

from __future__ import annotations

import hashlib
import io
import re
import unicodedata
from collections.abc import Mapping
from datetime import UTC, datetime
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urljoin, urlsplit

import feedparser

from tracker.domain import FeedEntry, ParsedFeed
from tracker.errors import ParseError

MAX_ENTRIES = 500
MAX_TITLE = 1_000
MAX_SUMMARY = 20_000
MAX_KEY = 1_000
MAX_LINK = 2_048
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml", "xhtml", "html"})
_ENTITY_DECL = re.compile(rb"<!DOCTYPE[^\[>]*\[[^\]]*<!ENTITY", re.IGNORECASE)
_SPACE = re.compile(r"\s+")
# bozo exceptions that say nothing about the document's shape
_BENIGN = ("NonXMLContentType", "CharacterEncodingOverride")


class _TextExtractor(HTMLParser):
    """Collects the text of an HTML fragment, minus script/style, with block breaks as spaces."""

    SKIP = frozenset({"script", "style", "noscript", "template"})
    BLOCK = frozenset(
        {"br", "p", "div", "li", "ul", "ol", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5",
         "h6", "blockquote", "section", "article", "header", "footer", "hr", "table", "dd", "dt"}
    )  # fmt: skip

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIP:
            self._skipping += 1
        elif tag in self.BLOCK:
            self.parts.append(" ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.BLOCK:
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP:
            self._skipping = max(self._skipping - 1, 0)
        elif tag in self.BLOCK:
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def collapse(text: str) -> str:
    """Whitespace runs (including no-break spaces) to one space, trimmed."""
    return _SPACE.sub(" ", text).strip()


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment: tags and script/style dropped, entities decoded."""
    extractor = _TextExtractor()
    extractor.feed(fragment)
    extractor.close()
    return collapse("".join(extractor.parts))


def content_hash(title: str, summary: str) -> str:
    """sha256 of the normalised text (NFKC, case-folded, whitespace collapsed)."""
    norm = unicodedata.normalize("NFKC", f"{title}\n{summary}").casefold()
    return hashlib.sha256(collapse(norm).encode("utf-8")).hexdigest()


def parse_feed(body: bytes, url: str, headers: Mapping[str, str] | None = None) -> ParsedFeed:
    """Parse a feed document fetched from ``url``.

    ``headers`` are the HTTP response headers when known (the content type's
    charset decides the encoding). Raises ``ParseError`` when the bytes are
    not a feed (empty, HTML, garbage, entity declarations); a valid feed with
    no entries gives a ParsedFeed with no entries.
    """
    if not body.strip():
        raise ParseError(f"{url}: empty document, not a feed")
    if _ENTITY_DECL.search(body[:65_536]):
        raise ParseError(f"{url}: document declares XML entities (refused: entity expansion)")
    lowered = {k.lower(): v for k, v in (headers or {}).items()}
    data = feedparser.parse(io.BytesIO(body), response_headers=lowered, resolve_relative_uris=False)
    warnings = _warnings(data)
    entries, dropped = _entries(data.get("entries", []), url)
    version = data.get("version") or ""
    if not entries and (not version or data.get("bozo")):
        reason = warnings[0] if warnings else "no feed elements found"
        raise ParseError(f"{url}: not a feed ({reason})")
    if dropped:
        warnings.append(f"{dropped} entries dropped (duplicate key, empty, or over {MAX_ENTRIES})")
    feed = data.get("feed", {})
    return ParsedFeed(
        entries=tuple(entries),
        title=_text(feed.get("title", ""), feed.get("title_detail"), MAX_TITLE),
        ttl_minutes=_ttl(feed.get("ttl")),
        warnings=tuple(warnings),
    )


def _warnings(data: Any) -> list[str]:
    exc = data.get("bozo_exception")
    if not data.get("bozo") or exc is None or type(exc).__name__ in _BENIGN:
        return []
    return [f"recovered from malformed document: {exc}"]


def _entries(raw: list[Any], url: str) -> tuple[list[FeedEntry], int]:
    """Usable entries in document order, first occurrence of each key kept, capped."""
    seen: set[str] = set()
    entries: list[FeedEntry] = []
    dropped = 0
    for item in raw:
        entry = _entry(item, url)
        if entry is None or entry.key in seen or len(entries) >= MAX_ENTRIES:
            dropped += 1
            continue
        seen.add(entry.key)
        entries.append(entry)
    return entries, dropped


def _entry(item: Any, url: str) -> FeedEntry | None:
    title = _text(item.get("title", ""), item.get("title_detail"), MAX_TITLE)
    summary = _summary(item)
    link = _link(item, url)
    if not (title or summary or link):
        return None
    digest = content_hash(title, summary)
    return FeedEntry(
        key=entry_key(item.get("id"), link, digest),
        title=title,
        summary=summary,
        link=link,
        published=_date(item.get("published_parsed") or item.get("updated_parsed")),
        content_hash=digest,
    )


def _link(item: Any, url: str) -> str | None:
    raw = item.get("link")
    # Without a <link>, feedparser copies the guid into link ("guidislink"); a
    # guid such as "story-42" is no address, so only an absolute one counts.
    if item.get("guidislink") and not str(raw).lower().startswith(("http://", "https://")):
        return None
    return absolute_link(raw, url)


def entry_key(guid: object, link: str | None, digest: str) -> str:
    """guid/id if present, else the absolute link, else ``sha256:`` + the content hash."""
    if isinstance(guid, str) and guid.strip():
        key = guid.strip()
        if len(key) <= MAX_KEY:
            return key
        return "sha256:" + hashlib.sha256(key.encode("utf-8")).hexdigest()
    if link:
        return link
    return "sha256:" + digest


def absolute_link(link: object, base: str) -> str | None:
    """``link`` made absolute against the feed URL; None unless http(s) and sane."""
    if not isinstance(link, str) or not link.strip() or len(link) > MAX_LINK:
        return None
    try:
        joined = urljoin(base, link.strip())
        scheme = urlsplit(joined).scheme.lower()
    except ValueError:
        return None
    return joined if scheme in ("http", "https") else None


def _summary(item: Any) -> str:
    # feedparser answers item["summary"] from <content> when there is no summary,
    # without a summary_detail: the content's own type is the one to trust.
    if item.get("summary") and item.get("summary_detail"):
        return _text(item["summary"], item["summary_detail"], MAX_SUMMARY)
    for content in item.get("content") or []:
        text = _text(content.get("value", ""), content, MAX_SUMMARY)
        if text:
            return text
    return _text(item.get("summary", ""), None, MAX_SUMMARY)


def _text(value: object, detail: Any, limit: int) -> str:
    """Plain text from a feedparser value; HTML only when feedparser says it is HTML."""
    if not isinstance(value, str):
        return ""
    # Unknown type: strip anyway; feedparser has already sanitised what it saw as HTML.
    kind = detail.get("type", "text/html") if isinstance(detail, Mapping) else "text/html"
    text = html_to_text(value) if kind in HTML_TYPES else collapse(value)
    return text[:limit].rstrip()


def _date(parsed: object) -> datetime | None:
    """feedparser's UTC struct_time as an aware datetime; None when absent or absurd."""
    if not isinstance(parsed, tuple) or len(parsed) < 6:  # time.struct_time is a tuple
        return None
    try:
        year, month, day, hour, minute, second = (int(v) for v in parsed[:6])
        # a leap second (60) is not a datetime: clamp it
        return datetime(year, month, day, hour, minute, min(second, 59), tzinfo=UTC)
    except (TypeError, ValueError, OverflowError):
        return None


def _ttl(value: object) -> int | None:
    """RSS <ttl> minutes when a positive whole number."""
    if isinstance(value, str) and value.strip().isdigit():
        minutes = int(value.strip())
        return minutes if minutes > 0 else None
    return None
