"""Clause-level facts about a sentence: past-dated clauses, retrospectives, descriptors.

A news item often recalls older facts next to the news: "He succeeds Dave
Calhoun, who announced in March that he would leave", "succède à Carlos
Tavares, parti en décembre", "Alan Jope said in September that he would
retire", "Hace una década, tras la muerte de ...". Cues inside such clauses are
background, not news. Likewise a company named only to describe a person
("Nike's Mark Parker", "Mark Parker, executive chairman of Nike,", "former
Intel chief") is not the company the sentence's change happens at, when the
sentence names another company.
"""

from __future__ import annotations

import re

from tracker.pipeline.extract_people import Name
from tracker.pipeline.lexicon.common import (
    CLAUSE_OPENERS,
    MONTHS,
    NOT_PAST,
    PAST_WORDS,
)
from tracker.pipeline.match import Mention
from tracker.pipeline.text import Sentence

_YEAR = re.compile(r"(?:19|20)\d\d")
_THIS = frozenset("this este ce questo diesen".split())
_PERIOD = frozenset("month mes mois mese monat".split())
_REPORT_PAST = frozenset(
    "said announced revealed annonce annoncait declare erklarte angekundigt kundigte "
    "anuncio dijo annunciato annuncio detto".split()
)
_EXIT_OPENERS = frozenset("parti partie partito partita uscito salido".split())
_AGO_BEFORE = frozenset("years year decade months decades".split())
_AGO_AFTER = frozenset("decada anos ano meses ans annees jahren jahrzehnt".split())
_AGO_WORDS = ("ago", "fa", "hace", "vor ", " y a ")
_FA_BEFORE = frozenset("anni anno decennio mesi".split())
_FORMER = frozenset("former ex ancien ancienne fruhere fruherer ehemalige ehemaliger".split())
_PREPS = frozenset("of at de d du des von bei der di del della dell".split())


def _future(word: str) -> bool:
    """Future tense in es/it/fr: "tomará", "resterà", "lasceranno", "quittera", "prendra"."""
    if word.endswith(("rá", "rán", "rà", "ranno")):
        return True
    return len(word) > 5 and word.islower() and word.endswith(("era", "ira", "dra"))


def _past_marker(sent: Sentence, first: int, last: int) -> bool:
    """A past time reference between two tokens and no future/progressive marker."""
    toks = sent.tokens[first : last + 1]
    lows = [t.low for t in toks]
    if any(w in NOT_PAST or _future(t.text) for w, t in zip(lows, toks, strict=True)):
        return False
    for i, w in enumerate(lows):
        if w in MONTHS or w in PAST_WORDS or _YEAR.fullmatch(w):
            return True
        if w in {"may", "mai"} and (toks[i].is_cap or (i > 0 and lows[i - 1] in {"en", "im"})):
            return True  # the month, not the modal "may" nor Italian "mai" (never)
        if w in _PERIOD and i > 0 and lows[i - 1] in _THIS:
            return True
    return False


def _clause_end(sent: Sentence, first: int) -> int:
    toks = sent.tokens
    k = first
    while k + 1 < len(toks) and sent.text[toks[k].end : toks[k].end + 1] not in {",", ";", ":"}:
        k += 1
    return k


def past_clauses(sent: Sentence) -> list[tuple[int, int, bool]]:
    """(first, last, opens_with_exit) of ", who/qui/que/parti ..." clauses dated in the past."""
    out: list[tuple[int, int, bool]] = []
    toks = sent.tokens
    for i in range(1, len(toks)):
        if toks[i].low not in CLAUSE_OPENERS:
            continue
        if sent.text[toks[i - 1].end : toks[i].start].strip() != ",":
            continue
        last = _clause_end(sent, i)
        if _past_marker(sent, i, last):
            out.append((i, last, toks[i].low in _EXIT_OPENERS))
    return out


def said_in_past(sent: Sentence, first: int) -> bool:
    """ "X said in September that he would retire": an older announcement recalled."""
    toks = sent.tokens
    for k in range(max(0, first - 8), first):
        if toks[k].low in _REPORT_PAST and _past_marker(sent, k + 1, min(k + 3, first - 1)):
            return True
    return False


def retrospective(sent: Sentence) -> bool:
    """ "ten years ago", "hace una década", "il y a dix ans", "vor zehn Jahren", "anni fa"."""
    if not any(word in sent.folded for word in _AGO_WORDS):
        return False
    lows = [t.low for t in sent.tokens]
    for i, w in enumerate(lows):
        before = lows[i - 1] if i > 0 else ""
        after = lows[i + 1 : i + 3]
        if w == "ago" and before in _AGO_BEFORE:
            return True
        if w == "fa" and before in _FA_BEFORE:
            return True
        if w in {"hace", "vor"} and any(a in _AGO_AFTER for a in after):
            return True
        if w == "a" and before == "y" and any(a in _AGO_AFTER for a in after):
            return True
    return False


def mark_descriptors(sent: Sentence, mentions: list[Mention], names: list[Name]) -> list[Mention]:
    """Flag mentions that only describe a person, when another company is the actor.

    A unit described that way ("head of the Intel Products group") is flagged even
    alone: it names no company the sentence's change happens at.
    """
    flags = [_describes(sent, m, names) for m in mentions]
    actors = {m.company for m, f in zip(mentions, flags, strict=True) if not f}
    out: list[Mention] = []
    for m, flag in zip(mentions, flags, strict=True):
        other_actor = bool(actors - {m.company})
        out.append(m._replace(descriptor=True) if flag and (other_actor or m.subsidiary) else m)
    return out


def former(sent: Sentence, m: Mention) -> bool:
    """ "former Intel chief", "ex-Morgan Stanley": the company of a past job."""
    first = sent.token_at(m.start)
    if first > 0 and sent.tokens[first - 1].low in _FORMER:
        return True
    return sent.folded[max(0, m.start - 3) : m.start] == "ex-"


def _describes(sent: Sentence, m: Mention, names: list[Name]) -> bool:
    toks = sent.tokens
    first = sent.token_at(m.start)
    if sent.text[m.end : m.end + 2] in {"'s", "’s"}:
        nxt = sent.token_at(m.end + 2)
        return nxt < len(toks) and toks[nxt].is_cap
    if former(sent, m):
        return True
    if first < 2 or toks[first - 1].low not in _PREPS:
        return False
    name_ends = {n.last for n in names}
    for k in range(first - 2, max(-1, first - 8), -1):
        gap = sent.text[toks[k - 1].end : toks[k].start] if k > 0 else ""
        if "," in gap:
            return (k - 1) in name_ends
    return False
