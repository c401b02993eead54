"""Italian extraction (the dev corpus has none: these cases are the only check)."""

from __future__ import annotations

import pytest
from extract_helpers import EventKey, assert_extracts

from tracker.domain import Company, KnownPerson, Role, Watchlist
from tracker.pipeline.extract import build_extractor

WATCHLIST = Watchlist(
    (Company("lumetra", "Lumetra SpA", ("Lumetra",), (), (KnownPerson("Marco Rossi", Role.CEO),)),)
)
EXTRACTOR = build_extractor(WATCHLIST)

CASES = [
    pytest.param(
        "Lumetra, si dimette l'amministratore delegato Marco Rossi",
        "",
        {("lumetra", "departure", "ceo", "reported", ("Rossi",))},
        id="dimissioni",
    ),
    pytest.param(
        "Lumetra nomina Giulia Bianchi amministratore delegato",
        "",
        {("lumetra", "appointment", "ceo", "reported", ("Bianchi",))},
        id="nomina",
    ),
    pytest.param(
        "Lumetra, Paolo Verdi sarà il nuovo presidente",
        "",
        {("lumetra", "appointment", "chair", "reported", ("Verdi",))},
        id="nuovo-presidente",
    ),
    pytest.param(
        "Lumetra licenzia il direttore finanziario Luca Neri",
        "",
        {("lumetra", "departure", "cfo", "reported", ("Neri",))},
        id="licenziamento",
    ),
    pytest.param(
        "Lumetra, l'amministratore delegato Marco Rossi potrebbe lasciare",
        "",
        {("lumetra", "departure", "ceo", "rumored", ("Rossi",))},
        id="condizionale-voce",
    ),
    pytest.param(
        "Lumetra smentisce le dimissioni dell'amministratore delegato Marco Rossi",
        "",
        {("lumetra", "departure", "ceo", "denied", ("Rossi",))},
        id="smentita",
    ),
    pytest.param(
        "Marco Rossi torna alla guida di Lumetra",
        "",
        {("lumetra", "reinstatement", "ceo", "reported", ("Rossi",))},
        id="ritorno",
    ),
    pytest.param(
        "Lumetra, Sara Galli entra nel consiglio di amministrazione",
        "",
        {("lumetra", "board_change", "director", "reported", ("Galli",))},
        id="consiglio",
    ),
    pytest.param(
        "Lumetra, Anna Costa sostituisce Marco Rossi come amministratore delegato",
        "",
        {
            ("lumetra", "appointment", "ceo", "reported", ("Costa",)),
            ("lumetra", "departure", "ceo", "reported", ("Rossi",)),
        },
        id="sostituzione",
    ),
]


@pytest.mark.parametrize(("title", "summary", "expected"), CASES)
def test_italian_items_yield_the_labelled_events(
    title: str, summary: str, expected: set[EventKey]
) -> None:
    assert_extracts(EXTRACTOR, title, summary, expected, "it")
