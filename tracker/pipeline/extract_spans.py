"""Where the news in a sentence ends and description begins.

Small span finders on one sentence, shared by the sentence scan: a relative or
"saying" clause after the last cue ("X, der die Fusion vorantreiben soll"), an
apposition recalling a previous job (", bislang Leiter der Division Y,"), an exit
"as planned", a cut of jobs rather than of an executive, and role phrases dropped
as another organisation's.
"""

from __future__ import annotations

from tracker.pipeline.extract_roles import RoleSpan, span_tokens
from tracker.pipeline.lexicon.common import AS_PLANNED, CLAUSE_OPENERS, WORKER_WORDS
from tracker.pipeline.text import Sentence

_FORMER = frozenset(
    "former ex ancien ancienne fruhere fruherer ehemalige ehemaliger antiguo".split()
)

_UNTIL_NOW = (
    "bislang",
    "bisher",
    "zuvor",
    "previously",
    "formerly",
    "until now",
    "jusqu'ici",
    "jusqu'alors",
    "hasta ahora",
    "finora",
    "fino ad ora",
)


def previous_jobs(sent: Sentence) -> list[tuple[int, int]]:
    """Character spans of appositions describing someone's job, previous or current
    (", bislang Leiter der Division X,", ", who runs the commercial arm,")."""
    out: list[tuple[int, int]] = []
    start = sent.text.find(", ")
    while start >= 0:
        end = sent.text.find(",", start + 2)
        if end < 0:
            break
        segment = sent.folded[start + 2 : end]
        if segment.startswith(_UNTIL_NOW) or segment.split(" ", 1)[0] in CLAUSE_OPENERS:
            out.append((start, end))  # ", bislang Leiter der Division X," ", who runs the arm,"
        start = sent.text.find(", ", end)
    return out


def after_last_cue(sent: Sentence, last: int | None) -> int:
    """Offset where what follows the last cue (token ``last``) is only a description: a
    relative clause or an apposition after a comma ("X, die bislang die Tochter führt")."""
    if last is None:
        return len(sent.text)
    comma = sent.text.find(",", sent.tokens[last].end)
    return min(trailing_clause(sent, last), comma if comma >= 0 else len(sent.text))


def as_planned(sent: Sentence, last: int) -> bool:
    """ "quittera comme prévu le groupe en mai": an exit announced before (background)."""
    if last + 1 >= len(sent.tokens):
        return False
    after = sent.folded[sent.tokens[last + 1].start : sent.tokens[last].end + 30]
    return after.startswith(AS_PLANNED)


def layoff(sent: Sentence, last: int) -> bool:
    """ "cuts 500 jobs", "licenzia 300 dipendenti": the object of the exit verb is staff
    (within four words, in the same clause: not "to leave for Intel, people say")."""
    end = sent.text.find(",", sent.tokens[last].end)
    return any(
        tok.low in WORKER_WORDS
        for tok in sent.tokens[last + 1 : last + 5]
        if end < 0 or tok.start < end
    )


_SAYING = frozenset("saying adding citing disant ajoutant sagte diciendo dicendo".split())


def trailing_clause(sent: Sentence, last_cue: int) -> int:
    """Offset of a relative clause opened after the last cue (", der ...", ", which ...")."""
    toks = sent.tokens
    for i in range(last_cue + 1, len(toks)):
        opener = toks[i].low in CLAUSE_OPENERS or toks[i].low in _SAYING
        if opener and sent.text[toks[i - 1].end : toks[i].start] == ", ":
            return toks[i].start
    return len(sent.text)


def dropped_roles(
    sent: Sentence, raw_roles: list[tuple[str, int, int]], kept: list[RoleSpan]
) -> int:
    """Role phrases written as words of their own ("la présidence de Renault") that were
    dropped as another organisation's; not compounds ("Post-Chef"), whose prefix may
    be a watched company's short name."""
    firsts = {r.first for r in kept}
    count = 0
    for tag, start, end in raw_roles:
        first, _last = span_tokens(sent, start, end)
        whole_word = sent.tokens[first].start == start
        past = first > 0 and sent.tokens[first - 1].low in _FORMER  # "Former CFO takes..."
        real = tag not in {"none", "gov", "same"}
        count += real and whole_word and not past and first not in firsts
    return count
