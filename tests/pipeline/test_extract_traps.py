"""Hard negatives in all five languages: items that must yield no event."""

from __future__ import annotations

import pytest

from tracker.domain import Company, KnownPerson, NewsItem, Role, Watchlist
from tracker.pipeline.extract import build_extractor

WATCHLIST = Watchlist(
    (
        Company(
            "norvik",
            "Norvik Systems Inc.",
            ("Norvik",),
            (),
            (KnownPerson("Dana Whitfield", Role.CEO),),
        ),
        Company(
            "valmont", "Groupe Valmont", ("Valmont",), (), (KnownPerson("Luc Marchand", Role.CEO),)
        ),
        Company(
            "brenner", "Brenner Werke AG", ("Brenner",), (), (KnownPerson("Klaus Weber", Role.CEO),)
        ),
        Company("alcora", "Grupo Alcora", ("Alcora",), (), (KnownPerson("Luis Ferrer", Role.CEO),)),
        Company(
            "lumetra", "Lumetra SpA", ("Lumetra",), (), (KnownPerson("Marco Rossi", Role.CEO),)
        ),
        Company("apple", "Apple Inc.", ("Apple",), ("AAPL",)),
        Company("uber", "Uber Technologies, Inc.", ("Uber",)),
    )
)
EXTRACTOR = build_extractor(WATCHLIST)

NEGATIVES = [
    pytest.param(
        "Norvik to cut 2,000 jobs, chief executive Dana Whitfield says", "", id="en-layoffs"
    ),
    pytest.param(
        "Norvik CEO Dana Whitfield fires back at short seller's report", "", id="en-fires-back"
    ),
    pytest.param("Norvik board approves $5 billion share buyback", "", id="en-buyback"),
    pytest.param(
        "Former Norvik CEO Dana Whitfield launches venture fund",
        "Whitfield, who left the company in 2019, will invest in robotics start-ups.",
        id="en-former-ceo-elsewhere",
    ),
    pytest.param(
        "Norvik names Kate Liu chief executive of its cloud division", "", id="en-division-head"
    ),
    pytest.param(
        "A year after Whitfield's ouster, Norvik shares have doubled", "", id="en-retrospective"
    ),
    pytest.param(
        "Norvik chief executive Dana Whitfield named chair of Westbrook University",
        "She keeps her job at Norvik.",
        id="en-appointment-at-another-organisation",
    ),
    pytest.param(
        "Apple harvest starts early in Washington orchards",
        "Growers are picking Gala apples two weeks ahead of schedule.",
        id="en-ambiguous-fruit",
    ),
    pytest.param(
        "Coach fired after Norvik-sponsored team loses final",
        "The club dismissed its head coach on Sunday.",
        id="en-sports-coach",
    ),
    pytest.param(
        "Valmont va supprimer 1 200 postes en Europe",
        "Le PDG Luc Marchand a présenté le plan.",
        id="fr-suppressions",
    ),
    pytest.param(
        "Luc Marchand, PDG de Valmont, nommé président de l'École Polytechnique",
        "",
        id="fr-nomination-ailleurs",
    ),
    pytest.param(
        "Dix ans après la démission de Luc Marchand, Valmont a doublé de taille",
        "",
        id="fr-retrospective",
    ),
    pytest.param(
        "Brenner streicht 3000 Stellen",
        "Vorstandschef Klaus Weber verteidigt den Schritt.",
        id="de-stellenabbau",
    ),
    pytest.param(
        "Über 500 Beschäftigte protestieren vor dem Werk",
        "Die Gewerkschaft fordert den Rücktritt des Werksleiters.",
        id="de-uber-is-a-word",
    ),
    pytest.param(
        "Brenner Logistik: Spartenchef Jan Vogel geht",
        "Die Logistiktochter sucht einen Nachfolger.",
        id="de-tochter",
    ),
    pytest.param("Alcora despide a 900 trabajadores", "", id="es-despidos"),
    pytest.param("Norvik searches for a successor to CEO Dana Whitfield", "", id="en-search"),
    pytest.param("Norvik re-elects Dana Whitfield as chair", "", id="en-re-election"),
    pytest.param(
        "Norvik chief executive Dana Whitfield will remain in post, the company said",
        "",
        id="en-stays",
    ),
    pytest.param("Brenner-Chef Klaus Weber bleibt im Amt", "", id="de-bleibt"),
    pytest.param(
        "El ministro de Industria dimite tras la polémica",
        "Alcora no ha comentado la salida del ministro.",
        id="es-ministro",
    ),
    pytest.param("Lumetra taglia 500 posti di lavoro", "", id="it-tagli"),
    pytest.param(
        "Lumetra, l'amministratore delegato Marco Rossi presenta il piano industriale",
        "",
        id="it-ceo-citato",
    ),
]


@pytest.mark.parametrize(("title", "summary"), NEGATIVES)
def test_hard_negatives_yield_no_reported_event(title: str, summary: str) -> None:
    events = EXTRACTOR.extract(NewsItem("t", title, summary))
    assert [e for e in events if e.certainty.value == "reported"] == []
