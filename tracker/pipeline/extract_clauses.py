"""Clause-level facts about a sentence: past-dated clauses, retrospectives, descriptors,
background tense ("had resigned", "avait quitté", "who was fired") and negation
("would not step down", "Non lascio", "no dimitirá").

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

from tracker.pipeline.extract_dates import YEAR, date_phrase, future_tense
from tracker.pipeline.extract_people import Name
from tracker.pipeline.lexicon.common import (
    BACKGROUND_PREPS,
    CLAUSE_OPENERS,
    COORD_WORDS,
    MONTHS,
    NOT_PAST,
    PAST_WORDS,
)
from tracker.pipeline.match import Mention
from tracker.pipeline.text import Sentence, Token

_THIS = frozenset("this este ce questo diesen".split())
_PERIOD = frozenset("month mes mois mese monat".split())
_REPORT_PAST = frozenset(
    "said announced revealed annonce annoncait declare erklarte angekundigt kundigte "
    "anuncio dijo annunciato annuncio detto".split()
)
_PARTICIPLE_ENDS = ("ed", "ato", "ata", "ito", "ita", "ado", "ada", "ido", "ida", "é", "ée")
_EXIT_OPENERS = frozenset("parti partie partito partita uscito salido".split())
_AGO_BEFORE = frozenset("years year decade months decades".split())
_AGO_AFTER = frozenset("decada anos ano meses ans annees jahren jahrzehnt".split())
_AGO_WORDS = ("ago", "fa", "hace", "vor ", " y a ")
_FA_BEFORE = frozenset("anni anno decennio mesi".split())
_FORMER = frozenset(
    "former ex ancien ancienne fruhere fruherer fruheren ehemalige ehemaliger ehemaligen "
    "antiguo antigua".split()
)
_PREPS = frozenset("of at de d du des von bei der di del della dell".split())
_PLUPERFECT = frozenset("had hatte hatten habia habian aveva avevano avait avaient".split())
# French pluperfect is also reported speech ("la nouvelle selon laquelle X avait été
# limogé"): only a main clause's counts ("X avait quitté ses fonctions l'an dernier").
_MAIN_CLAUSE_ONLY = frozenset("avait avaient".split())
_SAYS = frozenset(
    "said says announced confirmed told annonce indique precise erklarte mitteilte dijo "
    "anuncio informo detto annunciato comunicato".split()
)
_RELATIVE = frozenset("who which".split())
_PAST_AUX = frozenset("was were had has been".split())
_PERSON = frozenset(
    "veteran executive chief ceo boss chairman chairwoman founder banker manager president".split()
)
_VERB_FINAL_AUX = frozenset("hatte hatten".split())  # German pluperfect: participle at the end
_DAY = frozenset("day dia giorno tag lendemain hours heures horas ore stunden".split())
_NEGATION = frozenset("not never non no nicht nie ne n pas jamais".split())
_JOB = frozenset("executive veteran manager banker official dirigeant".split())


def _past_marker(sent: Sentence, first: int, last: int) -> bool:
    """A past time reference between two tokens and no future/progressive marker."""
    toks = sent.tokens[first : last + 1]
    lows = [t.low for t in toks]
    if any(w in NOT_PAST or future_tense(t.text) for w, t in zip(lows, toks, strict=True)):
        return False
    for i, w in enumerate(lows):
        if w in MONTHS or w in PAST_WORDS or YEAR.fullmatch(w):
            return True
        if w in {"may", "mai"} and (toks[i].is_cap or (i > 0 and lows[i - 1] in {"en", "im"})):
            return True  # the month, not the modal "may" nor Italian "mai" (never)
        if w in _PERIOD and i > 0 and lows[i - 1] in _THIS:
            return True
    return False


def _clause_end(sent: Sentence, first: int) -> int:
    """Last token of a clause: up to punctuation, or before "and who" ("et qui", "und
    der"...), which opens the next clause."""
    toks = sent.tokens
    k = first
    while k + 1 < len(toks) and sent.text[toks[k].end : toks[k].end + 1] not in {",", ";", ":"}:
        if (
            k + 2 < len(toks)
            and toks[k + 1].low in COORD_WORDS
            and toks[k + 2].low in CLAUSE_OPENERS
        ):
            break
        k += 1
    return k


def past_clauses(sent: Sentence) -> list[tuple[int, int, bool]]:
    """(first, last, opens_with_exit) of ", who/qui/que/parti ..." clauses dated in the past."""
    out: list[tuple[int, int, bool]] = []
    if "," not in sent.text:
        return out
    toks = sent.tokens
    for i in range(1, len(toks)):
        if toks[i].low not in CLAUSE_OPENERS and not _participle(toks[i].text):
            continue
        if sent.text[toks[i - 1].end : toks[i].start].strip() != ",":
            continue
        last = _clause_end(sent, i)
        if _past_marker(sent, i, last):
            out.append((i, last, toks[i].low in _EXIT_OPENERS))
    return out


def _participle(word: str) -> bool:
    """ ", ousted in March", ", sfiduciato la settimana scorsa", ", destituido el mes
    pasado": a clause opened by a past participle (dated in the past: a recalled fact)."""
    return word.endswith(_PARTICIPLE_ENDS) and len(word) > 4 and word.islower()


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
    if not mentions:
        return mentions
    pasts = [former(sent, m) for m in mentions]  # "der frühere Adidas-Vorstand X"
    flags = [p or _describes(sent, m, names) for m, p in zip(mentions, pasts, strict=True)]
    actors = {m.company for m, f in zip(mentions, flags, strict=True) if not f}
    out: list[Mention] = []
    for m, flag, past_job in zip(mentions, flags, pasts, strict=True):
        other_actor = bool(actors - {m.company})
        out.append(
            m._replace(descriptor=True)
            if past_job or (flag and (other_actor or m.subsidiary))
            else m
        )
    return out


def former(sent: Sentence, m: Mention) -> bool:
    """ "former Intel chief", "ex-Morgan Stanley", "a former deputy chief executive of
    tour operator TUI": the company of a past job (only lower-case words between)."""
    first = sent.token_at(m.start)
    if sent.folded[max(0, m.start - 3) : m.start] == "ex-":
        return True
    if _FORMER.isdisjoint(sent.folded[max(0, m.start - 80) : m.start].split()):
        return False  # no "former"-like word shortly before: the common case, cheaply
    toks = sent.tokens
    for k in range(first - 1, max(-1, first - 8), -1):
        if toks[k].low in _FORMER:
            return True
        gap = sent.text[toks[k].end : toks[k + 1].start]
        if toks[k].is_cap or gap.strip():
            return False
    return False


def _describes(sent: Sentence, m: Mention, names: list[Name]) -> bool:
    toks = sent.tokens
    first = sent.token_at(m.start)
    if any(t.low in _FOUNDED for t in toks[max(0, first - 3) : first]):
        return True  # "Rich Barton, who founded Expedia and later ...": his history
    if _led_before(toks, first):
        return True  # "Alain Bellemare, qui a dirigé Bombardier de 2015 à 2020"
    if sent.text[m.end : m.end + 2] in {"'s", "’s"}:
        nxt = sent.token_at(m.end + 2)
        return nxt < len(toks) and toks[nxt].is_cap
    nxt = sent.token_at(m.end)
    if nxt + 1 < len(toks) and toks[nxt].low in _JOB and any(n.first == nxt + 1 for n in names):
        return True  # "PepsiCo executive Brian Cornell": the company of a person's job
    if first < 2 or toks[first - 1].low not in _PREPS:
        return False
    name_ends = {n.last for n in names}
    for k in range(first - 2, max(-1, first - 8), -1):
        gap = sent.text[toks[k - 1].end : toks[k].start] if k > 0 else ""
        if "," in gap:
            return (k - 1) in name_ends
    return False


def negated(sent: Sentence, cues: list[tuple[int, int]]) -> bool:
    """ "would not step down", "Non lascio", "no dimitirá", "ne partira pas": a negated
    change verb is a denial whatever the lexicon's denial words."""
    if not cues:
        return False
    toks = sent.tokens
    inside = {k for first, last in cues for k in range(first, last + 1)}  # "ne briguera pas"
    return any(
        toks[k].low in _NEGATION and k not in inside
        for first, _ in cues
        for k in range(max(0, first - 2), first)
    )


def background_fact(sent: Sentence, first: int, tag: str) -> bool:
    """ "after X's ouster", "who left in 2019", "had resigned", "Ousted CEO X": past facts."""
    toks = sent.tokens
    if first == 0 and toks[0].low.endswith("ed") and len(toks) > 1 and toks[1].is_cap:
        return True  # attributive participle: "Ousted Norvik CEO Dana Whitfield returns"
    if (
        tag.startswith("dep")
        and toks[first].low.endswith("ed")
        and first + 1 < len(toks)
        and toks[first + 1].low in _PERSON
        and not (first > 0 and toks[first - 1].low in _PAST_AUX)
    ):
        return True  # "brings back retired veteran Elliott Hill", not "named president X"
    k = first - 1
    while k >= 0 and first - k <= 8:
        tok = sent.tokens[k]
        word = tok.low
        if sent.text[tok.end : tok.end + 1] in {",", ";", ":"}:
            break
        near = first - k <= 6
        if word in _ANNIVERSARY:
            return True  # "the tenth anniversary of the death of X"
        if (
            near
            and word in BACKGROUND_PREPS
            and not date_phrase(toks, k)
            and not (k > 0 and toks[k - 1].low in _DAY)
        ):
            return True  # "after X's ouster", but "the day after" is news
        if word in _PLUPERFECT and _pluperfect_fact(toks, k, first):
            return True  # "had resigned"; German "hatte am 5. Juli seinen Rücktritt ..."
        k -= 1
    after = toks[first + 1].low if first + 1 < len(toks) else ""
    if after in {"war", "waren"} and not _reported(toks, first):
        return True  # "die als Vorstandschefin abgetreten war": German pluperfect
    k = first - 1
    while k > 0 and toks[k].low in _PAST_AUX and first - k <= 2:
        k -= 1  # "who was fired as", "who had been ousted"
    if k >= 0 and toks[k].low in _RELATIVE:
        cue = toks[first].low
        return cue.endswith("ed") or cue in {"left", "quit", "gave"}
    return False


_FOUNDED = frozenset(
    "founded co-founded cofounded fonde cofonde gegrundet mitgegrundet grundete fundo "
    "cofundo fundada fondato fondata cofondato".split()
)
_ANNIVERSARY = frozenset("anniversary anniversaire jahrestag aniversario anniversario".split())
_LED = frozenset(
    "led ran headed dirige preside leitete fuhrte dirigio presidio guidato diretto".split()
)
_HAVE_LED = frozenset("who qui a avait ha aveva que".split())


def _led_before(toks: tuple[Token, ...], first: int) -> bool:
    """ "who led X", "qui a dirigé X", "che ha guidato X": a past tenure at X."""
    if first < 2 or toks[first - 1].low not in _LED:
        return False
    return toks[first - 2].low in _HAVE_LED or toks[first - 1].low in {"led", "ran", "headed"}


def _pluperfect_fact(toks: tuple[Token, ...], k: int, first: int) -> bool:
    """A pluperfect auxiliary at ``k`` making the cue at ``first`` a past fact."""
    word = toks[k].low
    if first - k > 4 and word not in _VERB_FINAL_AUX:
        return False
    return (word not in _MAIN_CLAUSE_ONLY or k <= 4) and not _reported(toks, k)


def _reported(toks: tuple[Token, ...], k: int) -> bool:
    """ "Target said X had stepped down": a pluperfect reported by a saying verb is news."""
    return any(t.low in _SAYS for t in toks[max(0, k - 14) : k])
