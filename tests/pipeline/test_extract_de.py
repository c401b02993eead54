"""German extraction: invented items (a held-out proxy, not the dev corpus)."""

from __future__ import annotations

import pytest
from extract_helpers import EventKey, assert_extracts

from tracker.domain import Company, KnownPerson, Role, Watchlist
from tracker.pipeline.extract import build_extractor

WATCHLIST = Watchlist(
    (
        Company(
            "brenner", "Brenner Werke AG", ("Brenner",), (), (KnownPerson("Klaus Weber", Role.CEO),)
        ),
    )
)
EXTRACTOR = build_extractor(WATCHLIST)

CASES = [
    pytest.param(
        "Brenner-Chef Klaus Weber tritt zurück",
        "",
        {("brenner", "departure", "ceo", "reported", ("Weber",))},
        id="ruecktritt",
    ),
    pytest.param(
        "Aufsichtsrat beruft Anna Schulz zur neuen Vorstandschefin von Brenner",
        "",
        {("brenner", "appointment", "ceo", "reported", ("Schulz",))},
        id="berufung",
    ),
    pytest.param(
        "Brenner trennt sich von Finanzchef Peter Hahn",
        "",
        {("brenner", "departure", "cfo", "reported", ("Hahn",))},
        id="trennung",
    ),
    pytest.param(
        "Brenner: Aufsichtsratschef Otto Lang legt sein Amt nieder",
        "",
        {("brenner", "departure", "chair", "reported", ("Lang",))},
        id="amt-niederlegen",
    ),
    pytest.param(
        "Brenner-Vorstandschef Klaus Weber soll vor der Ablösung stehen",
        "Das berichten Insider.",
        {("brenner", "departure", "ceo", "rumored", ("Weber",))},
        id="geruecht-soll",
    ),
    pytest.param(
        "Brenner dementiert Rücktritt von Vorstandschef Klaus Weber",
        "",
        {("brenner", "departure", "ceo", "denied", ("Weber",))},
        id="dementi",
    ),
    pytest.param(
        "Jana Roth löst Klaus Weber an der Spitze von Brenner ab",
        "",
        {
            ("brenner", "appointment", "ceo", "reported", ("Roth",)),
            ("brenner", "departure", "ceo", "reported", ("Weber",)),
        },
        id="abloesung",
    ),
    pytest.param(
        "Brenner: Ina Falk zieht in den Aufsichtsrat ein",
        "",
        {("brenner", "board_change", "director", "reported", ("Falk",))},
        id="aufsichtsrat-neu",
    ),
]


@pytest.mark.parametrize(("title", "summary", "expected"), CASES)
def test_german_items_yield_the_labelled_events(
    title: str, summary: str, expected: set[EventKey]
) -> None:
    assert_extracts(EXTRACTOR, title, summary, expected, "de")
