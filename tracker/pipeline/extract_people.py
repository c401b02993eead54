"""Person names in a sentence: runs of capitalised tokens, minus companies and roles.

A single capitalised token only counts as a person when it resolves to a full
name seen elsewhere in the item or known from the watchlist ("Bartz" ->
"Carol Bartz"): in German every noun is capitalised, so a lone capitalised
word proves nothing.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from tracker.pipeline.lang import _FOLDED as STOPWORDS
from tracker.pipeline.lexicon.common import COUNTRY_UNITS, DESCRIPTOR_NOUNS, DIVISION_WORDS
from tracker.pipeline.text import Sentence, Token, fold

_NOT_FIRST_PARTICLES = frozenset("der den das des".split())
PARTICLES = frozenset("de del della dei des du la le van von der den di da dos das bin al".split())
NOT_NAMES = frozenset(
    """
    january february march april may june july august september october november december
    janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre
    januar februar marz juni juli oktober dezember enero febrero marzo abril mayo junio julio
    agosto septiembre octubre noviembre diciembre gennaio febbraio aprile maggio giugno luglio
    settembre ottobre dicembre monday tuesday wednesday thursday friday saturday sunday
    lundi mardi mercredi jeudi vendredi samedi dimanche montag dienstag mittwoch donnerstag
    freitag samstag sonntag lunes martes miercoles jueves viernes sabado domingo lunedi martedi
    mercoledi giovedi venerdi sabato domenica mr mrs ms dr sir herr frau don dona mme m
    sr sra signor signora chief executive officer chairman chairwoman president ceo cfo coo cto
    board directors director inc corp group co ltd sec us uk eu who what why how when where
    co-founder founder cofondateur fondateur grunder fundador fondatore ex former
    feb apr jun jul aug sep sept oct nov dec nachfolger nachfolgerin vorganger vorgangerin
    """.split()
)
_ALL_STOP = frozenset().union(*STOPWORDS.values())
# Endings of capitalised titles written before a full name (German capitalises every
# noun): "Vorstandsmitglieder Jennifer Morgan", "Verwaltungsrat Börje Ekholm".
_TITLE_ENDINGS = (
    "mitglied",
    "mitglieder",
    "rat",
    "chef",
    "chefin",
    "vorstand",
    "vorsitzende",
    "vorsitzender",
    "sprecher",
    "sprecherin",
    "manager",
    "managerin",
    "direktor",
    "direktorin",
    "leiter",
    "leiterin",
    "designer",
    "designerin",
    "investor",
    "investorin",
    "grunder",
    "grunderin",
    "gruender",
    "veteran",
    "analyst",
    "analystin",
)


class Name(NamedTuple):
    """A person name found in a sentence: token range and text as written."""

    first: int  # token index
    last: int  # token index, inclusive
    text: str

    @property
    def surname_key(self) -> str:
        """Folded last token, for matching back-references."""
        return fold(self.text.split()[-1])


def _name_token(tok: Token) -> bool:
    text = tok.text
    if not text[:1].isupper() or tok.low in NOT_NAMES:
        return False
    if len(text) > 2 and text[1] in "'’" and not text[2:3].isupper():
        return False  # L'avionneur, D'après
    head, _, rest = text.partition("-")
    if rest and len(head) >= 2 and head.isupper():
        return False  # US-Werk, EU-Kommission
    if rest and fold(rest) in DESCRIPTOR_NOUNS:
        return False  # Roche-Manager, Uber-Gründer
    return any(c.islower() for c in text) or len(text) <= 3


ARTICLES = frozenset(
    "the a an le la les l un une der die das den dem ein eine el los las il lo gli i uno".split()
)


@lru_cache(maxsize=8)
def stopwords_for(lang: str) -> frozenset[str]:
    """Capitalised words that cannot start a name in ``lang`` (its stopwords + articles)."""
    return STOPWORDS.get(lang, frozenset()) | ARTICLES


def find_names(sent: Sentence, blocked: set[int], stop: frozenset[str] = _ALL_STOP) -> list[Name]:
    """Runs of capitalised tokens (with name particles inside), skipping blocked tokens."""
    toks = sent.tokens
    out: list[Name] = []
    i = 0
    while i < len(toks):
        if (
            not toks[i].text[:1].isupper()
            or i in blocked
            or not _name_token(toks[i])
            or toks[i].low in stop
            or toks[i].low in DIVISION_WORDS  # "Leiter der Division Elektrifizierung"
            or _month(sent, i)
        ):
            i += 1
            continue
        j = i
        while j + 1 < len(toks):
            nxt = j + 1
            if nxt not in blocked and _name_token(toks[nxt]) and _adjacent(sent, j, nxt):
                j = nxt
                continue
            if _particle_run(sent, nxt, blocked):
                j = _particle_run(sent, nxt, blocked)
                continue
            break
        if j - i >= 2 and toks[i].low.endswith(_TITLE_ENDINGS):
            i += 1  # "Vorstandsmitglied Nikolai Setzer", "Designer Tom Ford": a title
        if not _organisation(sent, i, j, blocked):
            out.append(Name(i, j, sent.text[toks[i].start : toks[j].end]))
        i = j + 1
    return out


_ORG_PREPS = frozenset("of at".split())


def _organisation(sent: Sentence, i: int, j: int, blocked: set[int]) -> bool:
    """A run that names an organisation: "Expedia's Dara", "Twitch boss", "CEO of Chipotle"."""
    toks = sent.tokens
    end = toks[j].end
    if j > i and toks[j].low in COUNTRY_UNITS:
        return True  # "HEC Paris", "Santander España"
    possessive = sent.text[end : end + 2] in {"'s", "’s"} and j + 1 < len(toks)
    if possessive and (toks[j + 1].is_cap or toks[j + 1].low in DESCRIPTOR_NOUNS):
        return True  # "Expedia's Dara", "Domino's boss"
    if (
        j + 2 < len(toks)
        and toks[j + 1].low in DESCRIPTOR_NOUNS
        and _adjacent(sent, j, j + 1)
        and toks[j + 2].is_cap
        and _adjacent(sent, j + 1, j + 2)
    ):
        return True  # "Twitch boss Emmett Shear", not "names Christian Sewing chief executive"
    return i >= 2 and toks[i - 1].low in _ORG_PREPS and (i - 2) in blocked


def _month(sent: Sentence, i: int) -> bool:
    """ "Jan. 1", "Mar. 3": an abbreviated month, where "Jan" and "Mar" are also names."""
    tok = sent.tokens[i]
    return tok.low in {"jan", "mar"} and sent.text[tok.end : tok.end + 1] == "."


def _adjacent(sent: Sentence, a: int, b: int) -> bool:
    gap = sent.text[sent.tokens[a].end : sent.tokens[b].start]
    initials = len(sent.tokens[a].text.replace(".", "")) <= 2 and sent.tokens[a].text.isupper()
    return gap == " " or (gap == ". " and initials)  # "G. Kennedy", "C.S. Venkatakrishnan"


def _particle_run(sent: Sentence, idx: int, blocked: set[int]) -> int:
    """End index of "de la Rosa"-style continuations, or 0."""
    toks = sent.tokens
    if idx >= len(toks) or (idx > 0 and not _adjacent(sent, idx - 1, idx)):
        return 0  # "Max Pohl, der das Institut": a comma ends the name
    k = idx
    if k < len(toks) and toks[k].low in _NOT_FIRST_PARTICLES:
        return 0  # "von der Leyen" yes, "Konzernführung der Würth-Gruppe" no
    while k < len(toks) and k - idx < 2 and toks[k].low in PARTICLES:
        if not toks[k].text.islower():
            return 0
        k += 1
    if k == idx or k >= len(toks) or k in blocked or not _name_token(toks[k]):
        return 0
    if not _adjacent(sent, k - 1, k):
        return 0
    return k


class PeopleIndex:
    """Full names seen in one item (and known executives), keyed by folded surname."""

    def __init__(self, known: list[str]) -> None:
        self._full: dict[str, str] = {}
        for name in known:
            self.add(name, known=True)

    def add(self, name: str, *, known: bool = False) -> None:
        """Remember a full name (two or more tokens)."""
        parts = name.split()
        if len(parts) < 2:
            return
        key = fold(parts[-1])
        if known:
            self._full.setdefault(key, name)
        else:
            self._full[key] = name if key not in self._full else self._longer(key, name)

    def _longer(self, key: str, name: str) -> str:
        return name if len(name) > len(self._full[key]) else self._full[key]

    def resolve(self, name: Name) -> str | None:
        """The full name for a found name, or None for an unknown lone token."""
        if name.first != name.last:
            return self._full.get(name.surname_key, name.text) if len(name.text) < 4 else name.text
        return self._full.get(name.surname_key)
