"""Property tests: any input is survivable and every event is valid."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tracker.domain import (
    LANGUAGES,
    Certainty,
    Company,
    Event,
    EventType,
    KnownPerson,
    NewsItem,
    Reason,
    Role,
    Watchlist,
)
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
        Company("orange", "Orange S.A.", ("Orange",)),
        Company("valmont", "Groupe Valmont", ("Valmont",)),
        Company("ge", "General Electric", ("GE",)),
    )
)
EXTRACTOR = build_extractor(WATCHLIST)
IDS = {c.id for c in WATCHLIST.companies}

# Fragments that steer random text towards the extractor's interesting paths.
FRAGMENTS = [
    "Norvik",
    "Orange",
    "GE",
    "NRVK",
    "Valmont",
    "Dana Whitfield",
    "chief executive",
    "CEO",
    "resigns",
    "names",
    "succeeds",
    "replaced by",
    "interim",
    "board",
    "démissionne",
    "directeur général",
    "tritt zurück",
    "Vorstandschef",
    "dimite",
    "consejero delegado",
    "si dimette",
    "amministratore delegato",
    "serait",
    "soll",
    "denies",
    "<b>",
    "</p>",
    "&amp;",
    "\x00",
    "\u200b",
    "\n",
    ". ",
    ", ",
    "'s",
    "Sara Kim",
    "after",
    "who",
]
texts = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=30)), max_size=40).map(
    " ".join
)


def _assert_valid(events: list[Event]) -> None:
    for e in events:
        assert e.company in IDS
        assert isinstance(e.type, EventType) and isinstance(e.role, Role)
        assert isinstance(e.certainty, Certainty)
        assert e.reason is None or isinstance(e.reason, Reason)
        if e.type is not EventType.DEPARTURE:
            assert e.reason is None
        assert 0.0 <= e.confidence <= 1.0
        assert e.language in LANGUAGES
        assert all(isinstance(p, str) and p for p in e.people)
        assert e.to_json()["type"] == e.type.value


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=texts, summary=texts)
def test_random_text_never_crashes_and_events_are_valid(title: str, summary: str) -> None:
    _assert_valid(EXTRACTOR.extract(NewsItem("p", title, summary)))


@settings(max_examples=50, deadline=None)
@given(junk=st.text(alphabet=st.characters(codec="utf-8"), max_size=2000))
def test_arbitrary_unicode_and_control_characters_never_crash(junk: str) -> None:
    _assert_valid(EXTRACTOR.extract(NewsItem("p", junk, junk)))


def test_one_megabyte_summary_is_handled() -> None:
    body = ("Norvik chief executive Dana Whitfield resigns. <p>Filler &amp; text</p> " * 20_000)[
        :1_000_000
    ]
    events = EXTRACTOR.extract(NewsItem("big", "Norvik CEO Dana Whitfield resigns", body))
    assert {(e.company, e.type.value) for e in events} == {("norvik", "departure")}


def test_html_markup_is_ignored() -> None:
    item = NewsItem(
        "h",
        "<h1>Norvik CFO <em>Mark Ellery</em> resigns</h1>",
        '<p class="x">The <a href="/y">company</a> said so.</p>',
    )
    [event] = EXTRACTOR.extract(item)
    assert (event.type.value, event.role.value, event.people) == (
        "departure",
        "cfo",
        ("Mark Ellery",),
    )
