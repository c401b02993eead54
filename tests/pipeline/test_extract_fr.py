"""French extraction: invented items (a held-out proxy, not the dev corpus)."""

from __future__ import annotations

import pytest
from extract_helpers import EventKey, assert_extracts

from tracker.domain import Company, KnownPerson, NewsItem, Role, Watchlist
from tracker.pipeline.extract import build_extractor

WATCHLIST = Watchlist(
    (
        Company(
            "valmont", "Groupe Valmont", ("Valmont",), (), (KnownPerson("Luc Marchand", Role.CEO),)
        ),
        Company("orange", "Orange S.A.", ("Orange",)),
    )
)
EXTRACTOR = build_extractor(WATCHLIST)

CASES = [
    pytest.param(
        "Valmont : le directeur général Paul Girard démissionne",
        "",
        {("valmont", "departure", "ceo", "reported", ("Girard",))},
        id="demission",
    ),
    pytest.param(
        "Le conseil d'administration de Valmont a limogé son PDG Luc Marchand",
        "",
        {("valmont", "departure", "ceo", "reported", ("Marchand",))},
        id="limogeage",
    ),
    pytest.param(
        "Claire Dubois nommée directrice générale de Valmont par intérim",
        "",
        {("valmont", "appointment", "ceo", "reported", ("Dubois",))},
        id="nomination-interim",
    ),
    pytest.param(
        "Hélène Roy succède à Paul Girard à la tête de Valmont",
        "",
        {
            ("valmont", "appointment", "ceo", "reported", ("Roy",)),
            ("valmont", "departure", "ceo", "reported", ("Girard",)),
        },
        id="succession",
    ),
    pytest.param(
        "Valmont : le PDG Luc Marchand serait sur le départ, selon des sources",
        "",
        {("valmont", "departure", "ceo", "rumored", ("Marchand",))},
        id="conditionnel-rumeur",
    ),
    pytest.param(
        "Valmont dément le départ de son PDG Luc Marchand",
        "",
        {("valmont", "departure", "ceo", "denied", ("Marchand",))},
        id="dementi",
    ),
    pytest.param(
        "Paul Girard revient à la tête de Valmont",
        "Évincé il y a deux ans, il retrouve son poste de directeur général.",
        {("valmont", "reinstatement", "ceo", "reported", ("Girard",))},
        id="reintegration",
    ),
    pytest.param(
        "Valmont : Marie Lenoir entre au conseil d'administration",
        "",
        {("valmont", "board_change", "director", "reported", ("Lenoir",))},
        id="entree-au-conseil",
    ),
    pytest.param(
        "Valmont se sépare de son directeur général Luc Marchand",
        "",
        {("valmont", "departure", "ceo", "reported", ("Marchand",))},
        id="separation",
    ),
    pytest.param(
        "Valmont annonce le décès de son président, Henri Dupuis",
        "",
        {("valmont", "departure", "chair", "reported", ("Dupuis",))},
        id="deces",
    ),
    pytest.param(
        "Orange nomme Christel Heydemann directrice générale",
        "",
        {("orange", "appointment", "ceo", "reported", ("Heydemann",))},
        id="nom-ambigu-avec-contexte",
    ),
]


@pytest.mark.parametrize(("title", "summary", "expected"), CASES)
def test_french_items_yield_the_labelled_events(
    title: str, summary: str, expected: set[EventKey]
) -> None:
    assert_extracts(EXTRACTOR, title, summary, expected, "fr")


def test_interim_is_flagged_on_interim_appointments() -> None:
    events = EXTRACTOR.extract(
        NewsItem("t", "Claire Dubois nommée directrice générale de Valmont par intérim")
    )
    assert [e.interim for e in events] == [True]
