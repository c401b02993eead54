"""English extraction: invented items about companies outside the dev corpus."""

from __future__ import annotations

import pytest
from extract_helpers import EventKey, assert_extracts

from tracker.domain import Company, KnownPerson, Role, Watchlist
from tracker.pipeline.extract import build_extractor

WATCHLIST = Watchlist(
    (
        Company(
            "norvik",
            "Norvik Systems Inc.",
            ("Norvik",),
            ("NRVK",),
            (KnownPerson("Dana Whitfield", Role.CEO),),
        ),
        Company("halden", "Halden Energy plc", ("Halden",)),
        Company("orange", "Orange S.A.", ("Orange",)),
    )
)
EXTRACTOR = build_extractor(WATCHLIST)

# (title, summary, expected {(company, type, role, certainty, surnames)})
CASES = [
    pytest.param(
        "Norvik Systems fires chief executive Dana Whitfield",
        "The board said it had lost confidence in her leadership.",
        {("norvik", "departure", "ceo", "reported", ("Whitfield",))},
        id="dismissal-with-apposition",
    ),
    pytest.param(
        "Norvik CFO Mark Ellery resigns to join a rival",
        "",
        {("norvik", "departure", "cfo", "reported", ("Ellery",))},
        id="cfo-resigns",
    ),
    pytest.param(
        "Halden Energy chairman Peter Lund to retire at year end",
        "Lund has chaired the utility for nine years.",
        {("halden", "departure", "chair", "reported", ("Lund",))},
        id="future-retirement-is-reported",
    ),
    pytest.param(
        "Halden Energy chairman Peter Lund dies at 81",
        "",
        {("halden", "departure", "chair", "reported", ("Lund",))},
        id="death-is-departure",
    ),
    pytest.param(
        "Norvik appoints Sara Kim as chief technology officer",
        "Kim spent a decade building search infrastructure.",
        {("norvik", "appointment", "cto", "reported", ("Kim",))},
        id="cto-appointment",
    ),
    pytest.param(
        "Halden names finance chief Omar Haddad interim CEO",
        "Haddad will run the company while the board searches for a permanent leader.",
        {("halden", "appointment", "ceo", "reported", ("Haddad",))},
        id="interim-ceo",
    ),
    pytest.param(
        "Priya Raman succeeds Tom Becker as Halden chief executive",
        "",
        {
            ("halden", "appointment", "ceo", "reported", ("Raman",)),
            ("halden", "departure", "ceo", "reported", ("Becker",)),
        },
        id="succession-gives-both-sides",
    ),
    pytest.param(
        "Ousted Norvik CEO Dana Whitfield reinstated by board",
        "Whitfield returns as chief executive a week after she was fired.",
        {("norvik", "reinstatement", "ceo", "reported", ("Whitfield",))},
        id="reinstatement",
    ),
    pytest.param(
        "Norvik adds Amy Cho and Luis Ortega to its board",
        "",
        {("norvik", "board_change", "director", "reported", ("Cho", "Ortega"))},
        id="two-directors-join-one-board-change",
    ),
    pytest.param(
        "Norvik in talks to hire Jane Ross as CEO, people familiar say",
        "",
        {("norvik", "appointment", "ceo", "rumored", ("Ross",))},
        id="rumour",
    ),
    pytest.param(
        "Norvik denies chief executive Dana Whitfield is stepping down",
        "",
        {("norvik", "departure", "ceo", "denied", ("Whitfield",))},
        id="denial",
    ),
    pytest.param(
        "Orange names Christel Heydemann chief executive",
        "",
        {("orange", "appointment", "ceo", "reported", ("Heydemann",))},
        id="ambiguous-name-with-leadership-noun",
    ),
    pytest.param(
        "Norvik CEO Dana Whitfield steps down, to be replaced by president Jim Park",
        "",
        {
            ("norvik", "departure", "ceo", "reported", ("Whitfield",)),
            ("norvik", "appointment", "ceo", "reported", ("Park",)),
        },
        id="successor-takes-the-vacated-role-not-his-old-title",
    ),
    pytest.param(
        "Norvik Systems said its chief executive, Dana Whitfield, would leave the company",
        "",
        {("norvik", "departure", "ceo", "reported", ("Whitfield",))},
        id="reported-speech-is-not-a-rumour",
    ),
    pytest.param(
        "Norvik's board backs CEO Dana Whitfield amid calls to resign",
        "",
        {("norvik", "departure", "ceo", "rumored", ("Whitfield",))},
        id="calls-to-resign-are-a-rumour",
    ),
    pytest.param(
        "NRVK shares jump as chief executive Dana Whitfield steps down",
        "",
        {("norvik", "departure", "ceo", "reported", ("Whitfield",))},
        id="ticker-only-mention",
    ),
]


@pytest.mark.parametrize(("title", "summary", "expected"), CASES)
def test_english_items_yield_the_labelled_events(
    title: str, summary: str, expected: set[EventKey]
) -> None:
    assert_extracts(EXTRACTOR, title, summary, expected, "en")
