"""Successions: "X succeeds Y as R" is both X's appointment and Y's departure for R.

Invented companies and people in every language, with negatives: a verb that is no
succession ("succeeds in", "replaces the roof"), a predecessor who left long ago
(background), and a succession at an unwatched company.
"""

from __future__ import annotations

import pytest

from tracker.domain import Company, NewsItem, Watchlist
from tracker.pipeline.extract import build_extractor

WATCHLIST = Watchlist(
    (
        Company("orvel", "Orvel Systems Inc.", ("Orvel",)),
        Company("bastide", "Bastide SA", ("Bastide",)),
        Company("kranich", "Kranich Logistik AG", ("Kranich",)),
        Company("solmar", "Grupo Solmar", ("Solmar",)),
        Company("verdana", "Verdana SpA", ("Verdana",)),
    )
)
EXTRACTOR = build_extractor(WATCHLIST)

Key = tuple[str, str, str, str, bool, tuple[str, ...]]


def _keys(title: str, summary: str) -> set[Key]:
    events = EXTRACTOR.extract(NewsItem("t", title, summary))
    return {
        (
            e.company,
            e.type.value,
            e.role.value,
            e.certainty.value,
            e.interim,
            tuple(sorted(p.split()[-1] for p in e.people)),
        )
        for e in events
    }


def _both(company: str, role: str, new: str, old: str, certainty: str = "reported") -> set[Key]:
    return {
        (company, "appointment", role, certainty, False, (new,)),
        (company, "departure", role, certainty, False, (old,)),
    }


CASES = [
    # English
    pytest.param(
        "Orvel: Dana Pike succeeds Tom Hale as chief executive",
        "",
        _both("orvel", "ceo", "Pike", "Hale"),
        id="en-succeeds-as",
    ),
    pytest.param(
        "Orvel Systems said Lena Voss will take over from Ian Crowe as chief financial officer",
        "",
        _both("orvel", "cfo", "Voss", "Crowe"),
        id="en-takes-over-from",
    ),
    pytest.param(
        "Orvel picks Ruth Gale",
        "Ruth Gale, chief executive of Hollis Corp, will take over from Sam Boyd, the interim "
        "chief executive of Orvel, in May.",
        _both("orvel", "ceo", "Gale", "Boyd"),
        id="en-successor-owning-a-role-elsewhere-and-predecessor-interim",
    ),
    pytest.param(
        "Orvel chairman Bert Kline passes the baton to Nora Fisk",
        "",
        _both("orvel", "chair", "Fisk", "Kline"),
        id="en-passes-the-baton",
    ),
    pytest.param(
        "Orvel CEO Dana Pike succeeds in cutting costs",
        "",
        set(),
        id="en-neg-succeeds-in",
    ),
    pytest.param(
        "Orvel replaces the roof of its Austin plant",
        "",
        set(),
        id="en-neg-replaces-the-roof",
    ),
    pytest.param(
        "Hollis Corp names Amy Reed CEO, succeeding Joe Marsh",
        "",
        set(),
        id="en-neg-unwatched-company",
    ),
    # French
    pytest.param(
        "Bastide : Julie Marchand succède à Paul Roux à la direction générale",
        "",
        _both("bastide", "ceo", "Marchand", "Roux"),
        id="fr-succede-a",
    ),
    pytest.param(
        "Bastide : le président Henri Blanc passe le relais à Sophie Dumas",
        "",
        _both("bastide", "chair", "Dumas", "Blanc"),
        id="fr-passe-le-relais",
    ),
    pytest.param(
        "Bastide : Marc Petit cède sa place de directeur général à Anne Faure",
        "",
        _both("bastide", "ceo", "Faure", "Petit"),
        id="fr-cede-sa-place",
    ),
    pytest.param(
        "Bastide : Léa Garnier prend la suite de Louis Perrin comme directeur financier",
        "",
        _both("bastide", "cfo", "Garnier", "Perrin"),
        id="fr-prend-la-suite-de",
    ),
    pytest.param(
        "Bastide : Léa Garnier nommée directrice générale",
        "Elle succède à Louis Perrin, parti en 2018.",
        {("bastide", "appointment", "ceo", "reported", False, ("Garnier",))},
        id="fr-neg-predecessor-left-years-ago",
    ),
    pytest.param(
        "Bastide remplace la toiture de son siège",
        "",
        set(),
        id="fr-neg-remplace-la-toiture",
    ),
    # German
    pytest.param(
        "Kranich: Jana Vogt folgt auf Peter Lang als Vorstandschef",
        "",
        _both("kranich", "ceo", "Vogt", "Lang"),
        id="de-folgt-auf",
    ),
    pytest.param(
        "Kranich beruft Eva Brandt zur Finanzchefin",
        "Kranich hat Eva Brandt zur Finanzchefin berufen, die Uwe Kern nachfolgt.",
        _both("kranich", "cfo", "Brandt", "Kern"),
        id="de-subordinate-nachfolgt",
    ),
    pytest.param(
        "Kranich: Tim Roth tritt die Nachfolge von Karl Weiss als Vorstandschef an",
        "",
        _both("kranich", "ceo", "Roth", "Weiss"),
        id="de-tritt-die-nachfolge-an",
    ),
    pytest.param(
        "Kranich: Aufsichtsratschef Otto Berg übergibt an Lisa Kühn",
        "",
        _both("kranich", "chair", "Kühn", "Berg"),
        id="de-ubergibt-an",
    ),
    pytest.param(
        "Kranich: Jana Vogt soll Peter Lang als Vorstandschef nachfolgen",
        "",
        _both("kranich", "ceo", "Vogt", "Lang", certainty="rumored"),
        id="de-soll-nachfolgen-rumored",
    ),
    pytest.param(
        "Kranich ernennt Jana Vogt zur Vorstandschefin",
        "Sie folgt auf Peter Lang, der das Unternehmen bereits 2019 verlassen hatte.",
        {("kranich", "appointment", "ceo", "reported", False, ("Vogt",))},
        id="de-neg-predecessor-left-years-ago",
    ),
    pytest.param(
        "Kranich: Neue Spitze",
        "Der Aufsichtsrat von Kranich hat Finanzvorständin Eva Brandt zur Nachfolgerin von "
        "Vorstandschef Uwe Kern bestimmt; der Wechsel erfolgt mit Ende der Hauptversammlung.",
        _both("kranich", "ceo", "Brandt", "Kern"),
        id="de-verb-final-appointment-skips-predecessor",
    ),
    pytest.param(
        "Kranich beruft Jana Vogt zur Vorstandschefin",
        "Sie soll zum 1. Mai die Nachfolge von Peter Lang antreten, der an die Spitze des "
        "Aufsichtsrats von Hollis wechselt.",
        _both("kranich", "ceo", "Vogt", "Lang"),
        id="de-modal-predecessor-of-firm-appointment-and-next-post-ignored",
    ),
    pytest.param(
        "Kranich: Tim Roth übernimmt den Chefposten von Karl Weiss",
        "",
        _both("kranich", "ceo", "Roth", "Weiss"),
        id="de-ubernimmt-von",
    ),
    pytest.param(
        "Kranich: Jana Vogt soll Peter Lang als Vorstandschefin ablösen",
        "",
        _both("kranich", "ceo", "Vogt", "Lang", certainty="rumored"),
        id="de-soll-ablosen-rumored",
    ),
    pytest.param(
        "Kranich: Vorstandschef Peter Lang tritt zurück",
        "Wer Lang an der Spitze nachfolgt, ist offen.",
        {("kranich", "departure", "ceo", "reported", False, ("Lang",))},
        id="de-neg-open-question-who-succeeds",
    ),
    # Spanish
    pytest.param(
        "Solmar: Lucía Prieto sucede a Andrés Vela como consejero delegado",
        "",
        _both("solmar", "ceo", "Prieto", "Vela"),
        id="es-sucede-a",
    ),
    pytest.param(
        "Solmar: Pablo Ibáñez toma el relevo de Rosa Molina en la presidencia",
        "",
        _both("solmar", "chair", "Ibáñez", "Molina"),
        id="es-toma-el-relevo",
    ),
    pytest.param(
        "Solmar: el presidente Jorge Salas cede el testigo a Inés Roldán",
        "",
        _both("solmar", "chair", "Roldán", "Salas"),
        id="es-cede-el-testigo",
    ),
    pytest.param(
        "Ferrosur nombra a Elena Cruz consejera delegada en sustitución de Luis Mora",
        "",
        set(),
        id="es-neg-unwatched-company",
    ),
    # Italian
    pytest.param(
        "Verdana, Marco Galli succede a Piero Sala come amministratore delegato",
        "",
        _both("verdana", "ceo", "Galli", "Sala"),
        id="it-succede-a",
    ),
    pytest.param(
        "Verdana, Giulia Conti subentra a Franco Rota come direttore finanziario",
        "",
        _both("verdana", "cfo", "Conti", "Rota"),
        id="it-subentra-a",
    ),
    pytest.param(
        "Verdana, il presidente Aldo Ferri passa il testimone a Laura Bini",
        "",
        _both("verdana", "chair", "Bini", "Ferri"),
        id="it-passa-il-testimone",
    ),
    pytest.param(
        "Verdana, Sara Greco prende il posto di Enzo Villa come amministratore delegato ad interim",
        "",
        {
            ("verdana", "appointment", "ceo", "reported", True, ("Greco",)),
            ("verdana", "departure", "ceo", "reported", False, ("Villa",)),
        },
        id="it-prende-il-posto-interim",
    ),
]


@pytest.mark.parametrize(("title", "summary", "expected"), CASES)
def test_succession_gives_both_sides(title: str, summary: str, expected: set[Key]) -> None:
    assert _keys(title, summary) == expected
