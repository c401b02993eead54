"""General behaviours behind blind-corpus errors, stated with invented companies.

Each table states one mechanism in several languages: which company a cue belongs
to (the headline's topic, the role's owner, a unit named after the watched name),
whether the role is top-level, and whether the change is news (tense, negation,
retrospective headline).
"""

from __future__ import annotations

import pytest

from tracker.domain import Certainty, Company, KnownPerson, NewsItem, Role, Watchlist
from tracker.pipeline.extract import build_extractor
from tracker.pipeline.match import Matcher
from tracker.pipeline.text import Sentence

WATCHLIST = Watchlist(
    (
        Company(
            "norvik", "Norvik Systems Inc.", ("Norvik",), (), (KnownPerson("Dana Reed", Role.CEO),)
        ),
        Company("valmont", "Groupe Valmont", ("Valmont",), (), ()),
        Company("brenner", "Brenner Werke AG", ("Brenner",), (), ()),
        Company("alcora", "Grupo Alcora", ("Alcora",), (), ()),
        Company("lumetra", "Lumetra SpA", ("Lumetra",), (), ()),
        Company("orsino", "Orsino SpA", ("Orsino",), (), (KnownPerson("Gino Rota", Role.CEO),)),
        Company("falcon", "Falcon Corporation", ("Falcon",), (), ()),
    )
)
EXTRACTOR = build_extractor(WATCHLIST)


def _keys(title: str, summary: str = "") -> set[tuple[str, str]]:
    events = EXTRACTOR.extract(NewsItem(id="t", title=title, summary=summary))
    return {(e.company, e.type.value) for e in events if e.certainty is Certainty.REPORTED}


def _certainties(title: str, summary: str = "") -> set[tuple[str, str, str]]:
    events = EXTRACTOR.extract(NewsItem(id="t", title=title, summary=summary))
    return {(e.company, e.type.value, e.certainty.value) for e in events}


HEADLINE_TOPIC = [
    pytest.param(
        "Solenne : Marc Dubois quitte la direction générale, Anne Roux nommée",
        "Valmont a annoncé le départ de Marc Dubois, PDG de Solenne depuis 2015.",
        id="fr-brand-before-colon",
    ),
    pytest.param(
        "Ferrovia, Paolo Neri sarà il nuovo amministratore delegato",
        "Lumetra ha nominato Paolo Neri amministratore delegato di Ferrovia.",
        id="it-brand-before-comma",
    ),
    pytest.param(
        "Solenne : Marc Dubois s'en va",
        "Valmont a confirmé son départ. Anne Roux, directrice générale déléguée du groupe, "
        "prend la tête à titre transitoire.",
        id="fr-follow-up-sentences-stay-with-the-brand",
    ),
    pytest.param(
        "Kestrel: Jane Moss named chief executive",
        "Norvik, which owns a stake in Kestrel, welcomed the decision.",
        id="en-other-firm-before-colon",
    ),
]


@pytest.mark.parametrize(("title", "summary"), HEADLINE_TOPIC)
def test_headline_about_an_unwatched_organisation_yields_no_event(title: str, summary: str) -> None:
    assert _keys(title, summary) == set()


UNIT_ROLES = [
    pytest.param(
        "Greg Hale leaves Norvik",
        "Greg Hale, chief executive of Norvik's U.S. stores business, will leave to run a rival.",
        id="en-abbreviation-does-not-hide-the-division",
    ),
    pytest.param(
        "Mia Lane, president and chief executive of Norvik Media, steps down",
        "",
        id="en-coordinated-roles-share-the-unit",
    ),
    pytest.param(
        "Norvik Media President Ann Cole Resigns After Dispute",
        "Ann Cole said she was stepping down. Norvik is being sold to a rival.",
        id="en-unit-in-headline-case-then-summary",
    ),
    pytest.param(
        "Norvik U.S. President Ann Cole Resigns",
        "Ann Cole said she was stepping down. Norvik is being sold to a rival.",
        id="en-country-unit-written-as-an-abbreviation",
    ),
    pytest.param(
        "Julia Brandt wird Chefin von Brenner Logistik",
        "",
        id="de-unit-named-after-the-group",
    ),
]


@pytest.mark.parametrize(("title", "summary"), UNIT_ROLES)
def test_role_at_a_unit_of_the_watched_company_is_no_event(title: str, summary: str) -> None:
    assert _keys(title, summary) == set()


ROLE_OWNER = [
    pytest.param(
        "Norvik : Jean Valois devient président exécutif de Valmont",
        {("valmont", "appointment")},
        id="fr-role-owner-wins-over-headline-topic",
    ),
    pytest.param(
        "Orsino, Carla Bini nominata presidente di Lumetra",
        {("lumetra", "appointment")},
        id="it-role-owner-wins-over-headline-topic",
    ),
]


@pytest.mark.parametrize(("title", "expected"), ROLE_OWNER)
def test_the_company_owning_the_role_gets_the_event(
    title: str, expected: set[tuple[str, str]]
) -> None:
    assert _keys(title) == expected


DESCRIPTOR_MAIN = [
    pytest.param(
        "Norvik taps Valmont executive Rita Sole as chief executive",
        "Rita Sole, who runs Valmont's snacks unit, starts in May. "
        "Tom Bell, who has been interim CEO since March, will remain chief financial officer.",
        {("norvik", "appointment")},
        id="en-describing-company-is-not-the-items-company",
    ),
]


@pytest.mark.parametrize(("title", "summary", "expected"), DESCRIPTOR_MAIN)
def test_company_describing_a_person_never_becomes_the_items_company(
    title: str, summary: str, expected: set[tuple[str, str]]
) -> None:
    assert _keys(title, summary) <= expected | {("norvik", "departure")}
    assert not any(company == "valmont" for company, _ in _keys(title, summary))


BACKGROUND = [
    pytest.param(
        "Valmont : Anne Roux nommée directrice générale",
        "Paul Morel avait quitté ses fonctions l'an dernier.",
        {("valmont", "appointment")},
        id="fr-pluperfect-exit-is-background",
    ),
    pytest.param(
        "Former Norvik CEO Jim Hart raises $30 million for start-up",
        "Jim Hart, who was fired as Norvik's chief executive in 2021, has raised funds.",
        set(),
        id="en-relative-passive-exit-is-background",
    ),
    pytest.param(
        "Il y a vingt ans, la chute de Paul Morel chez Valmont",
        "Le 2 juillet 2002, Paul Morel quittait Valmont.",
        set(),
        id="fr-retrospective-headline",
    ),
    pytest.param(
        "Vor zehn Jahren: der Sturz von Brenner-Chef Udo Lenz",
        "Udo Lenz trat im Mai 2014 zurück.",
        set(),
        id="de-retrospective-headline",
    ),
]


@pytest.mark.parametrize(("title", "summary", "expected"), BACKGROUND)
def test_past_exits_are_background(
    title: str, summary: str, expected: set[tuple[str, str]]
) -> None:
    assert _keys(title, summary) == expected


NEGATED = [
    pytest.param(
        "Norvik chief executive rules on future",
        "Dana Reed said she would not step down as chief executive of Norvik.",
        id="en-would-not-step-down",
    ),
    pytest.param(
        'Carla Bini: "Non lascio Lumetra"',
        "Carla Bini, amministratore delegato di Lumetra, ha escluso di lasciare.",
        id="it-non-lascio",
    ),
    pytest.param(
        "Luis Ortega no dimitirá como consejero delegado de Alcora",
        "",
        id="es-no-dimitira",
    ),
]


@pytest.mark.parametrize(("title", "summary"), NEGATED)
def test_negated_exit_is_never_reported(title: str, summary: str) -> None:
    assert _keys(title, summary) == set()


VERB_FORMS = [
    pytest.param(
        "Brenner holt Udo Lenz zurück an die Spitze, Jan Vogel tritt ab",
        "",
        {("brenner", "reinstatement"), ("brenner", "departure")},
        id="de-separable-verbs-zurueckholen-abtreten",
    ),
    pytest.param(
        "Brenner: Eva Kraus wird Vorstandschefin",
        "Sie folgt am 1. März auf Vorstandschef Udo Lenz.",
        {("brenner", "appointment"), ("brenner", "departure")},
        id="de-folgt-date-auf",
    ),
    pytest.param(
        "Orsino, Paolo Neri nominato amministratore delegato in luogo di Gino Rota",
        "",
        {("orsino", "appointment"), ("orsino", "departure")},
        id="it-in-luogo-di",
    ),
    pytest.param(
        "Orsino, nuovo vertice",
        "Lasciano il gruppo l'amministratore delegato Gino Rota e il presidente Ugo Sala.",
        {("orsino", "departure")},
        id="it-verb-before-its-subject",
    ),
]


@pytest.mark.parametrize(("title", "summary", "expected"), VERB_FORMS)
def test_verb_forms_and_word_order_keep_the_event(
    title: str, summary: str, expected: set[tuple[str, str]]
) -> None:
    assert _keys(title, summary) == expected


AMBIGUOUS_NAME = [
    pytest.param(
        "Falcon names Rita Sole chief executive",
        "Falcon said Tom Bell, who has been interim CEO since March, will remain chief "
        "financial officer.",
        {("falcon", "appointment"), ("falcon", "departure")},
        id="en-common-word-name-sure-after-headline",
    ),
]


@pytest.mark.parametrize(("title", "summary", "expected"), AMBIGUOUS_NAME)
def test_common_word_company_accepted_in_headline_counts_in_summary(
    title: str, summary: str, expected: set[tuple[str, str]]
) -> None:
    assert _keys(title, summary) == expected


REPORTED_PLUPERFECT = [
    pytest.param(
        "Norvik chief out after data breach",
        "Norvik said Dana Reed had stepped down as chief executive, effective immediately.",
        {("norvik", "departure")},
        id="en-said-had-stepped-down-is-news",
    ),
    pytest.param(
        "Norvik: leadership change",
        "Dana Reed had stepped down as chief executive of Norvik long before the merger.",
        set(),
        id="en-bare-pluperfect-stays-background",
    ),
    pytest.param(
        "Valmont : changement de direction",
        "Valmont a indiqué que son PDG Paul Morel avait démissionné.",
        {("valmont", "departure")},
        id="fr-indique-que-avait-demissionne-is-news",
    ),
]


@pytest.mark.parametrize(("title", "summary", "expected"), REPORTED_PLUPERFECT)
def test_pluperfect_after_a_saying_verb_is_news(
    title: str, summary: str, expected: set[tuple[str, str]]
) -> None:
    assert _keys(title, summary) == expected


HELM_OF_A_NAMED_HOUSE = [
    pytest.param(
        "Valmont : Anne Roux prend la tête de Louis Vernet Couture",
        "",
        id="fr-house-named-after-a-person",
    ),
    pytest.param(
        "Lumetra, Carla Bini prende la guida di Giorgio Sala Gioielli",
        "",
        id="it-house-named-after-a-person",
    ),
]


@pytest.mark.parametrize(("title", "summary"), HELM_OF_A_NAMED_HOUSE)
def test_heading_an_organisation_named_like_a_person_is_not_the_watched_company(
    title: str, summary: str
) -> None:
    assert _keys(title, summary) == set()


def test_running_the_business_ad_interim_is_an_interim_appointment() -> None:
    events = EXTRACTOR.extract(
        NewsItem(
            id="t",
            title="Brenner: Vorstandschef Udo Lenz tritt zurück",
            summary="Die Geschäfte führt bis auf Weiteres Finanzvorstand Jan Vogel als "
            "kommissarischer Vorstandsvorsitzender.",
        )
    )
    appointed = [e for e in events if e.type.value == "appointment"]
    assert [(e.people, e.role, e.interim) for e in appointed] == [(("Jan Vogel",), Role.CEO, True)]


PARTICIPLE_CLAUSE = [
    pytest.param(
        "Lumetra, Paolo Neri nuovo amministratore delegato",
        "Il cda di Lumetra ha nominato Paolo Neri amministratore delegato, al posto di Gino "
        "Rota, sfiduciato la settimana scorsa.",
        id="it-sfiduciato-la-settimana-scorsa",
    ),
    pytest.param(
        "Norvik names Jane Moss chief executive",
        "Norvik named Jane Moss chief executive, replacing Tom Kerr, ousted in March.",
        id="en-ousted-in-march",
    ),
    pytest.param(
        "Alcora nombra a Ana Gil consejera delegada",
        "Alcora ha nombrado a Ana Gil consejera delegada en sustitución de Luis Mora, "
        "destituido el mes pasado.",
        id="es-destituido-el-mes-pasado",
    ),
]


@pytest.mark.parametrize(("title", "summary"), PARTICIPLE_CLAUSE)
def test_exit_recalled_in_a_dated_participle_clause_is_background(title: str, summary: str) -> None:
    assert {t for _, t in _keys(title, summary)} == {"appointment"}


COMPOUND_NEIGHBOURS = [
    pytest.param(
        "Der Handelskonzern Target und sein Vorstandsvorsitzender Jan Vogel gehen.",
        id="de-vorstandsvorsitzender",
    ),
    pytest.param("Target und Aufsichtsratschef Jan Vogel streiten.", id="de-aufsichtsratschef"),
]


@pytest.mark.parametrize("text", COMPOUND_NEIGHBOURS)
def test_common_word_company_is_accepted_next_to_a_german_leadership_compound(text: str) -> None:
    matcher = Matcher(Watchlist((Company("target", "Target Corporation", ("Target",)),)))
    sentence = Sentence.of(text, 1)
    assert [m.company for m in matcher.mentions([sentence], "de")[0]] == ["target"]
