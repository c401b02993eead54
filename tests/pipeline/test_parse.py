"""parse_feed: formats, encodings, plain text, keys, dates, links and hostile input."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tracker.errors import ParseError
from tracker.pipeline.parse import (
    MAX_ENTRIES,
    MAX_SUMMARY,
    MAX_TITLE,
    absolute_link,
    content_hash,
    entry_key,
    html_to_text,
    parse_feed,
)

FEEDS = Path(__file__).parent.parent / "fixtures" / "feeds"
URL = "https://feeds.example.com/dir/feed.xml"
DC = "http://purl.org/dc/elements/1.1/"
PERMA = "https://x.example/p"


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def fixture(name: str) -> bytes:
    return (FEEDS / name).read_bytes()


def rss(items: str, channel: str = "") -> bytes:
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>T</title><link>https://t.example/</link>{channel}{items}</channel></rss>"
    ).encode()


@pytest.mark.parametrize(
    ("name", "feed_title", "titles"),
    [
        pytest.param(
            "rss20.xml",
            "Example Business Wire",
            [
                "Acme Corp names Jane Doe chief executive",
                "Globex chairman steps down",
                "Initech appoints new CFO",
            ],
            id="rss-2.0",
        ),
        pytest.param(
            "atom10.xml",
            "Example Atom News",
            [
                "Umbrella board ousts CEO",
                "Stark Industries reinstates founder",
            ],
            id="atom-1.0",
        ),
        pytest.param(
            "rdf10.xml", "Example RDF Wire", ["Wayne Enterprises CTO retires"], id="rdf-rss-1.0"
        ),
        pytest.param(
            "rss091.xml", "Example 0.91 Feed", ["Cyberdyne president resigns"], id="rss-0.91"
        ),
        pytest.param("empty_feed.xml", "Quiet Feed", [], id="valid-but-empty"),
    ],
)
def test_it_reads_every_feed_format(name: str, feed_title: str, titles: list[str]) -> None:
    parsed = parse_feed(fixture(name), URL)
    assert parsed.title == feed_title
    assert [e.title for e in parsed.entries] == titles
    assert parsed.warnings == ()


@pytest.mark.parametrize(
    ("body", "headers", "title", "summary_part"),
    [
        pytest.param(
            fixture("latin1_declared.xml"),
            None,
            "Société Générale : le PDG démissionne",
            "président-directeur général a présenté",
            id="iso-8859-1-declared",
        ),
        pytest.param(
            fixture("cp1252_undeclared.xml"),
            None,
            "Müller AG: Vorstandschef tritt zurück – Nachfolger gesucht",
            "„überraschend“, hieß es; Kosten: 5 €.",
            id="windows-1252-undeclared",
        ),
        pytest.param(
            # 0xA4 is € in ISO-8859-15 but ¤ in the Windows-1252 fallback: only
            # the header's charset gives the right text
            rss("<item><title>Zürich: Abfindung 5 Mio. €</title><guid>z</guid></item>")
            .replace(b' encoding="utf-8"', b"")
            .decode()
            .encode("iso-8859-15"),
            {"Content-Type": "application/rss+xml; charset=ISO-8859-15"},
            "Zürich: Abfindung 5 Mio. €",
            "",
            id="charset-from-http-header",
        ),
    ],
)
def test_it_decodes_declared_and_undeclared_encodings(
    body: bytes, headers: dict[str, str] | None, title: str, summary_part: str
) -> None:
    entry = parse_feed(body, URL, headers).entries[0]
    assert entry.title == title
    assert summary_part in entry.summary


@pytest.mark.parametrize(
    ("fragment", "text"),
    [
        pytest.param("<p>One</p><p>Two</p>", "One Two", id="blocks-become-spaces"),
        pytest.param("a<br>b<br/>c", "a b c", id="line-breaks"),
        pytest.param("x<script>alert(1)</script>y", "xy", id="script-dropped"),
        pytest.param("<style>p{}</style>text", "text", id="style-dropped"),
        pytest.param("Fish &amp; chips&nbsp;&#233;t&eacute;", "Fish & chips été", id="entities"),
        pytest.param("  lots \n\t of   space ", "lots of space", id="whitespace"),
        pytest.param("<b>bold</b><i>italic</i>", "bolditalic", id="inline-tags-join"),
        pytest.param("AT&T < 5", "AT&T < 5", id="stray-ampersand-and-angle"),
    ],
)
def test_it_turns_html_into_plain_text(fragment: str, text: str) -> None:
    assert html_to_text(fragment) == text


def test_it_strips_html_and_scripts_from_titles_and_summaries() -> None:
    entries = parse_feed(fixture("html_summaries.xml"), URL).entries
    assert [(e.title, e.summary) for e in entries] == [
        (
            "Hooli’s CEO & chair to split roles",
            "Hooli said Gavin Belson will give up the chair. Second paragraph été.",
        ),
        ("Pied Piper names CTO", "Line one line two"),
    ]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        pytest.param(b"", "empty document", id="empty"),
        pytest.param(b"  \n\t ", "empty document", id="whitespace-only"),
        pytest.param(fixture("page.html"), "not a feed", id="html-page"),
        pytest.param(fixture("malformed_unrecoverable.xml"), "not a feed", id="garbage"),
        pytest.param(b'{"items": []}', "not a feed", id="json"),
        pytest.param(fixture("entity_bomb.xml"), "declares XML entities", id="billion-laughs"),
        pytest.param(
            b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            b'<rss version="2.0"><channel><title>&x;</title></channel></rss>',
            "declares XML entities",
            id="external-entity",
        ),
        pytest.param(
            str(FEEDS / "rss20.xml").encode(), "not a feed", id="body-naming-a-local-file"
        ),
    ],
)
def test_it_refuses_what_is_not_a_feed_with_a_clear_message(body: bytes, message: str) -> None:
    with pytest.raises(ParseError, match=message) as raised:
        parse_feed(body, URL)
    assert URL in str(raised.value)
    assert raised.value.permanent


def test_it_recovers_entries_from_malformed_xml_and_says_so() -> None:
    parsed = parse_feed(fixture("malformed_recoverable.xml"), URL)
    assert [(e.key, e.title) for e in parsed.entries] == [
        ("sw-1", "Smith & Wesson CEO to step down")
    ]
    assert parsed.entries[0].summary == "The chief executive of Smith & Wesson will leave"
    assert parsed.warnings and "malformed" in parsed.warnings[0]


def test_it_caps_the_number_of_entries_and_the_length_of_fields() -> None:
    items = "".join(
        f"<item><title>n{i}</title><guid>g{i}</guid></item>" for i in range(MAX_ENTRIES + 100)
    )
    long_item = (
        f"<item><title>{'T' * 5000}</title>"
        f"<description>{'s ' * 30000}</description><guid>long</guid></item>"
    )
    parsed = parse_feed(rss(long_item + items), URL)
    assert len(parsed.entries) == MAX_ENTRIES
    assert (len(parsed.entries[0].title), len(parsed.entries[0].summary)) == (
        MAX_TITLE,
        MAX_SUMMARY - 1,
    )
    assert any("dropped" in w for w in parsed.warnings)


@pytest.mark.parametrize(
    ("name", "keys"),
    [
        pytest.param(
            "rss20.xml",
            [
                "acme-ceo-2024-03",
                "https://news.example.com/2024/03/globex-chair",
                "https://news.example.com/2024/03/initech-cfo",
            ],
            id="guid-then-link",
        ),
        pytest.param(
            "duplicate_guids.xml", ["vandelay-1", "kramerica-1"], id="duplicate-guid-first-wins"
        ),
        pytest.param(
            "no_guid_no_link.xml",
            [
                "sha256:"
                + content_hash(
                    "Soylent Corp COO departs", "The chief operating officer left the company."
                ),
                "sha256:"
                + content_hash(
                    "Tyrell Corp board adds two directors",
                    "Two independent directors join the board.",
                ),
                "https://bare.example.com/oscorp",
            ],
            id="hash-when-no-guid-or-link",
        ),
    ],
)
def test_it_keys_entries_by_guid_then_link_then_content_hash(name: str, keys: list[str]) -> None:
    assert [e.key for e in parse_feed(fixture(name), URL).entries] == keys


@pytest.mark.parametrize(
    ("edited", "same_hash"),
    [
        pytest.param(
            "<title>CEO resigns</title><description>Said today.</description>", True, id="same"
        ),
        pytest.param(
            "<title>  ceo   RESIGNS </title><description>Said\ntoday.</description>",
            True,
            id="case-and-space",
        ),
        pytest.param(
            "<title>CEO resigns, effective now</title><description>Said today.</description>",
            False,
            id="edited-title",
        ),
        pytest.param(
            "<title>CEO resigns</title><description>Said on Monday.</description>",
            False,
            id="edited-summary",
        ),
    ],
)
def test_an_edited_entry_keeps_its_key_but_changes_its_content_hash(
    edited: str, same_hash: bool
) -> None:
    original = "<title>CEO resigns</title><description>Said today.</description>"
    before = parse_feed(rss(f"<item><guid>k</guid>{original}</item>"), URL).entries[0]
    after = parse_feed(rss(f"<item><guid>k</guid>{edited}</item>"), URL).entries[0]
    assert after.key == before.key == "k"
    assert (after.content_hash == before.content_hash) is same_hash


@pytest.mark.parametrize(
    ("item", "published"),
    [
        pytest.param(
            "<pubDate>Tue, 05 Mar 2024 14:30:00 +0100</pubDate>",
            datetime(2024, 3, 5, 13, 30, tzinfo=UTC),
            id="rfc822-offset",
        ),
        pytest.param(
            "<pubDate>Tue, 05 Mar 2024 14:30:00 EST</pubDate>",
            datetime(2024, 3, 5, 19, 30, tzinfo=UTC),
            id="named-zone",
        ),
        pytest.param(
            f'<dc:date xmlns:dc="{DC}">2024-02-29T16:45:00+02:00</dc:date>',
            datetime(2024, 2, 29, 14, 45, tzinfo=UTC),
            id="w3c-dtf",
        ),
        pytest.param("<pubDate>yesterday-ish</pubDate>", None, id="unparseable"),
        pytest.param("", None, id="absent"),
    ],
)
def test_it_reads_published_dates_in_utc(item: str, published: datetime | None) -> None:
    entry = parse_feed(rss(f"<item><title>x</title>{item}</item>"), URL).entries[0]
    assert entry.published == published


def test_it_falls_back_to_the_updated_date() -> None:
    stark = parse_feed(fixture("atom10.xml"), URL).entries[1]
    assert stark.published == datetime(2024, 3, 5, 18, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("link", "absolute"),
    [
        pytest.param("/2024/a", "https://feeds.example.com/2024/a", id="root-relative"),
        pytest.param("b.html", "https://feeds.example.com/dir/b.html", id="relative"),
        pytest.param("https://x.example/c", "https://x.example/c", id="absolute"),
        pytest.param("javascript:alert(1)", None, id="javascript"),
        pytest.param("mailto:a@b.example", None, id="mailto"),
    ],
)
def test_it_makes_links_absolute_against_the_feed_url(link: str, absolute: str | None) -> None:
    entry = parse_feed(rss(f"<item><title>x</title><link>{link}</link></item>"), URL).entries[0]
    assert entry.link == absolute


@pytest.mark.parametrize(
    ("channel", "ttl"),
    [
        pytest.param("<ttl>60</ttl>", 60, id="minutes"),
        pytest.param("<ttl> 1440 </ttl>", 1440, id="padded"),
        pytest.param("<ttl>0</ttl>", None, id="zero"),
        pytest.param("<ttl>soon</ttl>", None, id="garbage"),
        pytest.param("", None, id="absent"),
    ],
)
def test_it_reads_the_rss_ttl(channel: str, ttl: int | None) -> None:
    assert parse_feed(rss("", channel), URL).ttl_minutes == ttl


def test_entries_become_news_items_for_the_extractor() -> None:
    entry = parse_feed(fixture("rss20.xml"), URL).entries[0]
    item = entry.as_news_item()
    assert (item.id, item.title, item.link) == (entry.key, entry.title, entry.link)


@pytest.mark.parametrize(
    ("guid", "link", "key"),
    [
        pytest.param(" g-1 ", "https://x.example/a", "g-1", id="guid-trimmed"),
        pytest.param("", "https://x.example/a", "https://x.example/a", id="blank-guid-uses-link"),
        pytest.param(None, None, "sha256:abc", id="hash-last"),
        pytest.param(
            "g" * 5000,
            None,
            "sha256:" + hashlib.sha256(b"g" * 5000).hexdigest(),
            id="huge-guid-hashed",
        ),
    ],
)
def test_it_builds_entry_keys(guid: str | None, link: str | None, key: str) -> None:
    assert entry_key(guid, link, "abc") == key


@pytest.mark.parametrize(
    "link",
    [
        pytest.param("http://[::1/broken", id="unparseable"),
        pytest.param("https://x.example/" + "a" * 3000, id="too-long"),
        pytest.param("   ", id="blank"),
        pytest.param(None, id="absent"),
    ],
)
def test_it_drops_unusable_links(link: str | None) -> None:
    assert absolute_link(link, URL) is None


def test_it_keeps_an_entry_whose_content_is_empty_but_has_a_title() -> None:
    body = (
        b'<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>'
        b'<entry><id>e1</id><title>Only a title</title><content type="html"></content>'
        b"</entry></feed>"
    )
    [entry] = parse_feed(body, URL).entries
    assert (entry.key, entry.title, entry.summary, entry.link) == ("e1", "Only a title", "", None)


@pytest.mark.parametrize(
    ("guid", "link"),
    [
        pytest.param("<guid>story-42</guid>", None, id="plain-guid-is-no-link"),
        pytest.param(
            "<guid>https://x.example/p</guid>", "https://x.example/p", id="permalink-guid"
        ),
        pytest.param(
            '<guid isPermaLink="false">https://x.example/p</guid>', None, id="not-permalink"
        ),
    ],
)
def test_a_guid_is_a_link_only_when_it_is_an_absolute_permalink(
    guid: str, link: str | None
) -> None:
    [entry] = parse_feed(rss(f"<item><title>t</title>{guid}</item>"), URL).entries
    assert entry.link == link


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        pytest.param("2016-12-31T23:59:60Z", datetime(2017, 1, 1, tzinfo=UTC), id="leap-second"),
        pytest.param("0000-01-01T00:00:00Z", None, id="year-zero"),
    ],
)
def test_it_survives_odd_atom_dates(date: str, expected: datetime | None) -> None:
    body = (
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>'
        f"<entry><id>e1</id><title>t</title><updated>{date}</updated></entry></feed>"
    ).encode()
    assert parse_feed(body, URL).entries[0].published == expected
