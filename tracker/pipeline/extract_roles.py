"""Role phrases of a sentence, minus those of another organisation or a division.

"président de HEC", "AWS chief", "Chef der Pharmasparte von Roche": a role
written with an unwatched owner (or a unit) describes no top-leadership post at
a watched company. A person after "of" ("al posto di Lucia Calvosa",
"Vorstandsvorsitz von Kurt Bock") is no owner.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from tracker.domain import Role
from tracker.pipeline.lexicon.common import COORD_WORDS, DIVISION_WORDS, MONTHS
from tracker.pipeline.match import Mention
from tracker.pipeline.text import Sentence, Token

_FORMER = frozenset(
    "former ex ancien ancienne fruhere fruherer ehemalige ehemaliger antiguo "
    "previously bisher bisherige bisheriger bisherigen jusqu'ici jusqu'alors finora".split()
)
_PREPS = frozenset("of at de d du des von bei der di del della dell".split())
_ARTICLES = frozenset(
    "the a an le la les l un une der die das den dem el los las il lo gli".split()
)
# "la tête de Christian Dior Couture": what follows "head of" is an organisation, even
# when it reads like a person's name.
_HELM = frozenset(
    "tete helm head reins guida timone vertice spitze fuhrung direccion riendas cabeza".split()
)
_CHIEF_OK = frozenset(
    "the its new interim acting top company group executive finance financial operating "
    "technology tech former a an as named independent senior lead acting interim "
    "neuen neuer neue einen einer der die den dem seinen ihren co wird werden ist als zum "
    "zur".split()
)
# Capitalised German nouns that name the company itself, not another owner:
# "an der Spitze des Konzerns", "Chef des Unternehmens".
_DEFINITE = frozenset("des der dem den".split())
_SELF_NOUNS = tuple(
    "konzern konzerns unternehmen unternehmens gremium gremiums vorstand vorstands "
    "vorstandes rat rats rates hauses gruppe hersteller herstellers bauer bauers "
    "versorger versorgers anbieter anbieters".split()
)


class RoleSpan(NamedTuple):
    """A role phrase and its token range."""

    role: Role | None  # None: "the post", i.e. the role vacated in the same item
    first: int
    last: int
    apposition: bool  # directly before a person name: describes their current role


def span_tokens(sent: Sentence, start: int, end: int) -> tuple[int, int]:
    """First and last token of a character span."""
    first = sent.token_at(start)
    last = first
    while last + 1 < len(sent.tokens) and sent.tokens[last + 1].start < end:
        last += 1
    return first, last


def _former_role(sent: Sentence, first: int, mentions: list[Mention]) -> bool:
    """ "former chairman", "Former Telmora chairman": a past role (a company may sit between)."""
    k = first - 1
    while k >= 0 and any(m.start <= sent.tokens[k].start < m.end for m in mentions):
        k -= 1
    if k >= 1 and sent.tokens[k - 1].low == "hasta" and sent.tokens[k].low == "ahora":
        return True  # "hasta ahora consejera delegada": the role held until now
    return k >= 0 and sent.tokens[k].low in _FORMER


def find_roles(
    sent: Sentence,
    raw: list[tuple[str, int, int]],
    mentions: list[Mention],
    name_starts: set[int],
    persons: set[int],
) -> list[RoleSpan]:
    """Role phrases; "president and chief executive of CBS News": coordinated roles
    share the owner written after the last one, so a unit's owner drops both."""
    spans: list[tuple[str, int, int, bool]] = []
    for tag, start, end in raw:
        if tag in {"none", "gov"}:
            continue
        first, last = span_tokens(sent, start, end)
        if _former_role(sent, first, mentions):
            continue
        foreign = _foreign_or_division(sent, (first, last, start), mentions, persons)
        spans.append((tag, first, last, foreign))
    out: list[RoleSpan] = []
    drop_next = False
    for tag, first, last, foreign in reversed(spans):
        coordinated = drop_next and last + 1 < len(sent.tokens) and _joins(sent, last)
        drop_next = foreign or coordinated
        if drop_next:
            continue
        appos = (
            tag != "same"
            and (last + 1) in name_starts
            and sent.text[sent.tokens[last].end : sent.tokens[last + 1].start] == " "
        )
        out.append(RoleSpan(None if tag == "same" else Role(tag), first, last, appos))
    return out[::-1]


def _possessed(sent: Sentence, first: int, mentions: list[Mention]) -> bool:
    """The role follows "<Capitalised>'s" that names no watched company."""
    prev = sent.tokens[first - 1]
    if not prev.is_cap or sent.text[prev.end : prev.end + 2] not in {"'s", "’s"}:
        return False
    before = sent.tokens[first - 2] if first >= 2 else None
    if before is not None and before.is_cap and sent.text[before.end : prev.start] == " ":
        return False  # "Ray Dunn's successor": a person's, not a firm's
    return not any(m.start <= prev.start < m.end for m in mentions)


_TITLES = frozenset("ceo cfo coo cto chairman chairwoman chair president".split())


def _owned_title(sent: Sentence, first: int) -> bool:
    """A one-word title right after a capitalised word mid-sentence ("Berkshire CEO")."""
    prev = sent.tokens[first - 1]
    return (
        sent.tokens[first].low in _TITLES
        and first >= 2
        and not sent.title_case
        and prev.is_cap
        and prev.low not in _CHIEF_OK
        and sent.text[prev.end : sent.tokens[first].start] == " "
        and not sent.tokens[first - 2].is_cap  # "names Hugo Lind chairman": a person
    )


def _joins(sent: Sentence, last: int) -> bool:
    """The role is joined to the next one by "and"/"et"/"y"/"e"/"und"."""
    return sent.tokens[last + 1].low in COORD_WORDS


def _foreign_or_division(
    sent: Sentence, span: tuple[int, int, int], mentions: list[Mention], persons: set[int]
) -> bool:
    """A role of some other organisation or of a division ("président de HEC", "AWS chief")."""
    first, last, start = span
    toks = sent.tokens
    compound = toks[first].start < start and sent.text[start - 1] not in "'’"
    if compound:  # role inside a compound: "BMW-Chef", "Stahlchef"; not "Co-Chefin"
        prefix_end = start - 1
        if sent.text[toks[first].start : start].lower() == "co-":
            return False
        return not any(m.start <= toks[first].start and m.end >= prefix_end for m in mentions)
    if first > 0 and _possessed(sent, first, mentions):
        return True  # "Peter Flavel, Coutts's chief executive": another firm's title
    if first == last and first > 0:
        prev = toks[first - 1]
        in_mention = any(m.start <= prev.start < m.end for m in mentions)
        if toks[first].low in {"chief", "chef", "boss", "head"}:
            if not in_mention and (prev.is_cap or prev.low not in _CHIEF_OK):
                return True
        elif _owned_title(sent, first) and not in_mention:
            return True  # "to step down as Berkshire CEO": another firm's title
    window: Sequence[Token] = toks[last + 1 : last + 11]
    for i, tok in enumerate(window):
        if sent.text[tok.end : tok.end + 1] in {",", ";", ":"}:  # "U.S." is no end
            window = window[: i + 1]
            break
    if any(t.low in DIVISION_WORDS for t in window[:8]):
        return True
    if not window:
        return False
    head = window[0].low
    if head[:2] in {"d'", "l'"} and window[0].text[2:3].isupper():
        return _not_watched(window[0].start + 2, mentions)
    window, last = _skip_adjective(window, last)
    head = window[0].low
    if head not in _PREPS:
        return False
    helm = toks[last].low in _HELM  # one heads an organisation, never a person
    return _owner_is_foreign(sent, last + 2, mentions, set() if helm else persons)


def _skip_adjective(window: Sequence[Token], last: int) -> tuple[Sequence[Token], int]:
    """ "président international de X": one lower-case word between a role and "of"."""
    if (
        len(window) > 1
        and window[0].low not in _PREPS
        and window[1].low in _PREPS
        and not window[0].is_cap
        and window[0].low not in COORD_WORDS
    ):
        return window[1:], last + 1
    return window, last


def _owner_is_foreign(sent: Sentence, k: int, mentions: list[Mention], persons: set[int]) -> bool:
    """After "<role> of": an unwatched organisation, not a person ("al posto di Lucia
    Calvosa", "Vorstandsvorsitz von Kurt Bock") nor a later clause."""
    noun = False
    for i in range(k, min(k + 8, len(sent.tokens))):
        tok = sent.tokens[i]
        if tok.low in COORD_WORDS or sent.text[tok.start - 2 : tok.start - 1] in {",", ";", ":"}:
            return False
        if not tok.is_cap:
            if not noun and tok.low in _COMPANY_WORDS:
                return False  # "la guida del gruppo": the company itself
            noun = noun or tok.low not in _ARTICLES
            continue
        if _adjective(sent, i):
            continue  # "of the British trench-coat maker": a description
        if tok.low in MONTHS or tok.low in _MONTH_ABBREVIATIONS:
            return False  # "chief executive of lululemon on Jan. 31": a date, no owner
        mention = next((m for m in mentions if m.start <= tok.start < m.end), None)
        if mention is not None:
            return mention.subsidiary
        if tok.low.endswith(_SELF_NOUNS) and sent.tokens[i - 1].low in _DEFINITE:
            return False  # "an der Spitze des Konzerns", not "Chef eines Maschinenbauers"
        return noun or i not in persons
    return False


_MONTH_ABBREVIATIONS = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())
_COMPANY_WORDS = frozenset(
    "company group firm bank groupe societe entreprise banque gruppo societa azienda banca "
    "compania empresa grupo banco konzern unternehmen".split()
)


def _adjective(sent: Sentence, i: int) -> bool:
    """A capitalised word between an article and a lower-case noun ("the British maker")."""
    toks = sent.tokens
    return (
        i > 0
        and toks[i - 1].low in _ARTICLES
        and i + 1 < len(toks)
        and toks[i + 1].text[:1].islower()
        and toks[i + 1].low not in COORD_WORDS
    )


def _not_watched(start: int, mentions: list[Mention]) -> bool:
    mention = next((m for m in mentions if m.start <= start < m.end), None)
    return mention is None or mention.subsidiary
