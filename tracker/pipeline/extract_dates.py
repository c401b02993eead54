"""Dates around a cue: a change dated before the item's own date is background.

"stepped back in 2019" in a 2023 story, "hasta su fallecimiento en 2007", "left in
February" in an August story are past facts; "since 2019" is a tenure, "after
seven years" a duration, and "in December 2023" in a January 2024 story is news.
"""

from __future__ import annotations

import re

from tracker.pipeline.lexicon.common import MONTHS, NOT_PAST
from tracker.pipeline.text import Sentence, Token

YEAR = re.compile(r"(?:19|20)\d\d")


def future_tense(word: str) -> bool:
    """Future tense in es/it/fr: "tomará", "resterà", "lasceranno", "quittera", "prendra"."""
    if word.endswith(("rá", "rán", "rà", "ranno")):
        return True
    return len(word) > 5 and word.islower() and word.endswith(("era", "ira", "dra"))


_NUMBERS = frozenset(
    "a an one two three four five six seven eight nine ten eleven twelve fifteen twenty "
    "thirty un une deux trois quatre cinq six sept huit neuf dix quinze vingt trente "
    "einem einer zwei drei vier funf sechs sieben acht neun zehn zwolf zwanzig dreissig "
    "una dos tres cuatro cinco seis siete ocho nueve diez quince veinte treinta "
    "due quattro cinque sei sette otto nove dieci quindici venti trenta".split()
)


_MORE_THAN = frozenset(
    "more than nearly almost over plus de mehr als fast mas casi piu di quasi".split()
)


_TIME_UNITS = frozenset(
    "year years month months week weeks day days decade decades an ans annee annees mois "
    "semaine semaines jour jours decennie jahr jahre jahren monat monate monaten woche "
    "wochen tag tage tagen jahrzehnt ano anos mes meses semana semanas dia dias decada "
    "anno anni mese mesi settimana settimane giorno giorni decennio".split()
)


_IN = frozenset("in en im a nel nello in".split())


_FUTURE = NOT_PAST | frozenset("to would could shall va ira wird werden soll sollen".split())


_MONTH_NUMBERS = {
    name: number
    for number, names in enumerate(
        (
            "january janvier januar enero gennaio",
            "february fevrier februar febrero febbraio",
            "march mars marz marzo",
            "april avril abril aprile",
            "may mai mayo maggio",
            "june juin juni junio giugno",
            "july juillet juli julio luglio",
            "august aout agosto",
            "september septembre septiembre settembre",
            "october octobre oktober octubre ottobre",
            "november novembre noviembre",
            "december decembre dezember diciembre dicembre",
        ),
        start=1,
    )
    for name in names.split()
}


_SINCE = frozenset("since seit depuis desde dal dalla dallo from ab".split())


_WHEN = frozenset("when lorsque quand als cuando quando".split())


def dated_before(sent: Sentence, first: int, last: int, when: tuple[int, int] | None) -> bool:
    """A cue dated before the item's own date (``when``: its year and month):
    "stepped back in 2019" in a 2023 story, "hasta su fallecimiento en 2007", "left in
    February" in an August story. A past fact, not news.

    Not "since 2019" (a tenure), not a year in another clause, and not last year
    next to a month ("in December 2023" in a January 2024 story is news).
    """
    if when is None:
        return False
    year, month = when
    if _earlier_month(sent, last, month):
        return True
    toks = sent.tokens
    for k in range(max(0, first - 6), min(len(toks), last + 7)):
        word = toks[k].low
        if not YEAR.fullmatch(word) or int(word) >= year:
            continue
        if k > 0 and toks[k - 1].low in _SINCE:
            continue
        if int(word) == year - 1 and any(t.low in MONTHS for t in toks[max(0, k - 3) : k]):
            continue
        if any(t.low in NOT_PAST for t in toks[min(k, first) : max(k, last)]):
            continue  # "who took the helm in 2015 and will step down in June"
        if _one_clause(sent, min(k, first), max(k, last)):
            return True
    return False


def _earlier_month(sent: Sentence, last: int, month: int) -> bool:
    """ "left in February" (no year, or this year's) in a later month's story."""
    toks = sent.tokens
    for k in range(last + 1, min(len(toks), last + 4)):
        number = _MONTH_NUMBERS.get(toks[k].low)
        if number is None:
            continue
        year_next = k + 1 < len(toks) and bool(YEAR.fullmatch(toks[k + 1].low))
        between = toks[last + 1 : k]
        if any(t.low in _FUTURE for t in toks[max(0, last - 3) : k]):
            return False  # "will leave in March", "to step down in January"
        return (
            0 < month - number <= 6  # a December story's "January" is the next one
            and not year_next
            and all(t.low in _IN for t in between)
            and future_tense(toks[last].text) is False
        )
    return False


def _one_clause(sent: Sentence, a: int, b: int) -> bool:
    """No clause break between two tokens; ", when ..." continues the dated clause."""
    toks = sent.tokens
    for i in range(a, b):
        gap = sent.text[toks[i].end : toks[i + 1].start]
        if any(p in gap for p in ";:") or ("," in gap and toks[i + 1].low not in _WHEN):
            return False
    return True


def date_phrase(toks: tuple[Token, ...], k: int) -> bool:
    """ "desde enero de 2024", "seit 1. Mai", "after seven years", "nach zehn Jahren":
    the preposition dates or measures something, it does not govern the cue."""
    nxt = toks[k + 1].low if k + 1 < len(toks) else ""
    if nxt in MONTHS or nxt.isdigit() or bool(YEAR.fullmatch(nxt)):
        return True
    words = [t.low for t in toks[k + 1 : k + 5]]
    while words and words[0] in _MORE_THAN:
        words = words[1:]
    return (
        len(words) >= 2
        and (words[0].isdigit() or words[0] in _NUMBERS)
        and (words[1] in _TIME_UNITS)
    )
