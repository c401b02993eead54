"""Spanish extraction: invented items (a held-out proxy, not the dev corpus)."""

from __future__ import annotations

import pytest
from extract_helpers import EventKey, assert_extracts

from tracker.domain import Company, KnownPerson, Role, Watchlist
from tracker.pipeline.extract import build_extractor

WATCHLIST = Watchlist(
    (Company("alcora", "Grupo Alcora", ("Alcora",), (), (KnownPerson("Luis Ferrer", Role.CEO),)),)
)
EXTRACTOR = build_extractor(WATCHLIST)

CASES = [
    pytest.param(
        "Dimite el consejero delegado de Alcora, Luis Ferrer",
        "",
        {("alcora", "departure", "ceo", "reported", ("Ferrer",))},
        id="dimision",
    ),
    pytest.param(
        "Alcora nombra a Marta Gil nueva consejera delegada",
        "",
        {("alcora", "appointment", "ceo", "reported", ("Gil",))},
        id="nombramiento",
    ),
    pytest.param(
        "Alcora destituye a su presidente, Jorge Vidal",
        "",
        {("alcora", "departure", "chair", "reported", ("Vidal",))},
        id="destitucion",
    ),
    pytest.param(
        "Luis Ferrer dejaría la presidencia de Alcora, según fuentes cercanas",
        "",
        {("alcora", "departure", "chair", "rumored", ("Ferrer",))},
        id="condicional-rumor",
    ),
    pytest.param(
        "Alcora desmiente la salida de su consejero delegado Luis Ferrer",
        "",
        {("alcora", "departure", "ceo", "denied", ("Ferrer",))},
        id="desmentido",
    ),
    pytest.param(
        "Ana Ruiz entra en el consejo de Alcora como consejera independiente",
        "",
        {("alcora", "board_change", "director", "reported", ("Ruiz",))},
        id="consejo",
    ),
    pytest.param(
        "Pilar Soto sustituye a Luis Ferrer como consejera delegada de Alcora",
        "",
        {
            ("alcora", "appointment", "ceo", "reported", ("Soto",)),
            ("alcora", "departure", "ceo", "reported", ("Ferrer",)),
        },
        id="relevo",
    ),
    pytest.param(
        "Diez años después de la dimisión de Luis Ferrer, Alcora duplica sus ventas",
        "",
        set(),
        id="retrospectiva",
    ),
]


@pytest.mark.parametrize(("title", "summary", "expected"), CASES)
def test_spanish_items_yield_the_labelled_events(
    title: str, summary: str, expected: set[EventKey]
) -> None:
    assert_extracts(EXTRACTOR, title, summary, expected, "es")
