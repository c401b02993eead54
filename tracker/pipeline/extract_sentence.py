"""One sentence -> candidate events (before item-level merging).

A sentence is scanned once per table (cues, board cues, roles). Each cue is
then given a company (the nearest mention in the sentence, else the item's
main company), a role (the role phrase after the cue, else the nearest one),
people (by the cue's direction) and the sentence's certainty.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tracker.domain import Certainty, EventType, Reason, Role
from tracker.pipeline.extract_people import Name, find_names, stopwords_for
from tracker.pipeline.extract_rules import Lexicon
from tracker.pipeline.lexicon.common import (
    BACKGROUND_PREPS,
    DIVISION_WORDS,
    PASSIVE_MARKERS,
    WORKER_WORDS,
)
from tracker.pipeline.match import Mention
from tracker.pipeline.text import Sentence

_FORMER = frozenset(
    "former ex ancien ancienne fruhere fruherer ehemalige ehemaliger antiguo".split()
)
_PREPS = frozenset("of at de d du des von bei der di del della dell al".split())
_BY = frozenset("by par von por da".split())
_PLUPERFECT = frozenset("had hatte hatten habia habian aveva avevano".split())
_RELATIVE = frozenset("who which".split())
_CHIEF_OK = frozenset(
    "the its new interim acting top company group executive finance financial operating "
    "technology tech former a an as named".split()
)


@dataclass(frozen=True, slots=True)
class Cue:
    """A matched cue: its tag and token range."""

    tag: str
    first: int
    last: int


@dataclass(frozen=True, slots=True)
class RoleSpan:
    """A role phrase and its token range."""

    role: Role | None  # None: "the post", i.e. the role vacated in the same item
    first: int
    last: int
    apposition: bool  # directly before a person name: describes their current role


@dataclass
class Candidate:
    """A possible event from one sentence."""

    company: str
    type: EventType
    people: list[str]
    role: Role | None
    certainty: Certainty
    interim: bool
    reason: Reason | None
    sentence: int
    evidence: str
    strength: float
    same_sentence_company: bool
    surname_only: bool = False
    extra: dict[str, str] = field(default_factory=dict)


@dataclass
class SentenceView:
    """Everything found in one sentence, in token coordinates."""

    sent: Sentence
    mentions: list[Mention]
    names: list[Name]
    full_names: list[str | None]
    roles: list[RoleSpan]
    cues: list[Cue]
    board: list[Cue]
    certainty: Certainty
    interim_tokens: set[int]
    background: int = 0
    lang: str = "en"

    def usable_name(self, i: int, resolved_only: bool) -> bool:
        """A lone unresolved capitalised word is a name only outside German and mid-sentence."""
        if self.full_names[i] is not None:
            return True
        return not resolved_only and self.lang != "de" and self.names[i].first > 0

    def retrospective(self) -> bool:
        """A headline whose only cues are past facts ("a year after X's ouster")."""
        return self.background > 0 and not self.cues and not self.board

    def company_at(self, tok: int, main: str | None) -> tuple[str | None, bool]:
        """Nearest top-level company mention to a token; (main, False) when none here."""
        best: tuple[int, Mention] | None = None
        for m in self.mentions:
            dist = abs(self.sent.token_at(m.start) - tok)
            if not m.subsidiary and (best is None or dist < best[0]):
                best = (dist, m)
        if best is None:
            return (None, True) if self.mentions else (main, False)
        return best[1].company, True


def _span_tokens(sent: Sentence, start: int, end: int) -> tuple[int, int]:
    first = sent.token_at(start)
    last = first
    while last + 1 < len(sent.tokens) and sent.tokens[last + 1].start < end:
        last += 1
    return first, last


def build_view(
    sent: Sentence, mentions: list[Mention], lex: Lexicon, raw_cues: list[tuple[str, int, int]]
) -> SentenceView:
    """Scan one sentence with a language's tables (``raw_cues``: its cue-table matches)."""
    blocked: set[int] = set()
    for m in mentions:
        if m.kind != "person":
            a, b = _span_tokens(sent, m.start, m.end)
            blocked.update(range(a, b + 1))
    raw_roles = lex.roles.scan(sent.folded)
    for _tag, start, end in raw_roles:
        a, b = _span_tokens(sent, start, end)
        blocked.update(range(a, b + 1))
    cues, background = _cues(sent, raw_cues)
    blocked.update(c.first for c in cues if c.first == 0)
    names = find_names(sent, blocked, stopwords_for(lex.lang))
    name_starts = {n.first for n in names}
    roles = _roles(sent, raw_roles, mentions, name_starts)
    board = [
        Cue(t, a, b)
        for t, s, e in (lex.board.scan(sent.folded) if lex.may_have_board_cue(sent.folded) else [])
        for a, b in [_span_tokens(sent, s, e)]
        if not _background(sent, a, t)
    ]
    if any(c.tag == "neg" for c in cues):
        board = []
        cues = [c for c in cues if c.tag != "neg"]
    return SentenceView(
        sent=sent,
        mentions=[m for m in mentions if m.kind != "person"],
        names=names,
        full_names=[None] * len(names),
        roles=roles,
        cues=cues,
        board=board,
        certainty=_certainty(sent, lex),
        interim_tokens={sent.token_at(m.start()) for m in lex.interim.finditer(sent.folded)},
        background=background,
        lang=lex.lang,
    )


def _roles(
    sent: Sentence, raw: list[tuple[str, int, int]], mentions: list[Mention], name_starts: set[int]
) -> list[RoleSpan]:
    out: list[RoleSpan] = []
    for tag, start, end in raw:
        if tag == "none":
            continue
        first, last = _span_tokens(sent, start, end)
        if first > 0 and sent.tokens[first - 1].low in _FORMER:
            continue
        if _foreign_or_division(sent, first, last, start, mentions):
            continue
        appos = (last + 1) in name_starts and sent.text[
            sent.tokens[last].end : sent.tokens[last + 1].start
        ] == " "
        out.append(RoleSpan(None if tag == "same" else Role(tag), first, last, appos))
    return out


def _foreign_or_division(
    sent: Sentence, first: int, last: int, start: int, mentions: list[Mention]
) -> bool:
    """A role of some other organisation or of a division ("président de HEC", "AWS chief")."""
    toks = sent.tokens
    compound = toks[first].start < start and sent.text[start - 1] not in "'’"
    if compound:  # role inside a compound: "BMW-Chef", "Stahlchef"
        prefix_end = start - 1
        return not any(m.start <= toks[first].start and m.end >= prefix_end for m in mentions)
    if first == last and toks[first].low in {"chief", "chef", "boss", "head"} and first > 0:
        prev = toks[first - 1]
        in_mention = any(m.start <= prev.start < m.end for m in mentions)
        if not in_mention and (prev.is_cap or prev.low not in _CHIEF_OK):
            return True
    window = toks[last + 1 : last + 11]
    for i, tok in enumerate(window):
        if sent.text[tok.end : tok.end + 1] in {",", ";", ":", "."}:
            window = window[: i + 1]
            break
    if any(t.low in DIVISION_WORDS for t in window[:6]):
        return True
    if not window:
        return False
    head = window[0].low
    if head[:2] in {"d'", "l'"} and window[0].text[2:3].isupper():
        return _not_watched(window[0].start + 2, mentions)
    if head not in _PREPS:
        return False
    for tok in window[1:]:
        if not tok.is_cap:
            continue
        mention = next((m for m in mentions if m.start <= tok.start < m.end), None)
        return mention is None or mention.subsidiary
    return False


def _not_watched(start: int, mentions: list[Mention]) -> bool:
    mention = next((m for m in mentions if m.start <= start < m.end), None)
    return mention is None or mention.subsidiary


def _cues(sent: Sentence, raw: list[tuple[str, int, int]]) -> tuple[list[Cue], int]:
    """Live cues (``neg`` ones kept for the caller) and how many were background."""
    found = [(t, *_span_tokens(sent, s, e)) for t, s, e in raw]
    out: list[Cue] = []
    background = 0
    for tag, first, last in found:
        if tag != "neg" and _background(sent, first, tag):
            background += 1
            continue
        if tag.startswith("dep") and _layoff(sent, last):
            continue
        out.append(Cue(tag, first, last))
    return out, background


def _background(sent: Sentence, first: int, tag: str) -> bool:
    """ "after X's ouster", "who left in 2019", "had resigned", "Ousted CEO X": past facts."""
    toks = sent.tokens
    if first == 0 and toks[0].low.endswith("ed") and len(toks) > 1 and toks[1].is_cap:
        return True  # attributive participle: "Ousted Norvik CEO Dana Whitfield returns"
    k = first - 1
    while k >= 0 and first - k <= 6:
        tok = sent.tokens[k]
        word = tok.low
        if sent.text[tok.end : tok.end + 1] in {",", ";", ":"}:
            break
        if word in BACKGROUND_PREPS or (word in _PLUPERFECT and first - k <= 4):
            return True
        k -= 1
    if first > 0 and sent.tokens[first - 1].low in _RELATIVE:
        cue = sent.tokens[first].low
        return cue.endswith("ed") or cue in {"left", "quit", "gave"}
    return False


def _layoff(sent: Sentence, last: int) -> bool:
    return any(tok.low in WORKER_WORDS for tok in sent.tokens[last + 1 : last + 5])


def _certainty(sent: Sentence, lex: Lexicon) -> Certainty:
    if lex.deny.search(sent.folded):
        return Certainty.DENIED
    for m in lex.rumor.finditer(sent.folded):
        if m.group() == "may" and sent.text[m.start()].isupper():
            continue  # the month
        return Certainty.RUMORED
    if sent.index == 0 and sent.text.rstrip().endswith("?"):
        return Certainty.RUMORED
    return Certainty.REPORTED


def is_passive(sent: Sentence, cue: Cue) -> bool:
    """ "was fired", "a été limogé", "fired by the board"."""
    before = {t.low for t in sent.tokens[max(0, cue.first - 2) : cue.first]}
    after = sent.tokens[cue.last + 1 : cue.last + 2]
    return bool(before & PASSIVE_MARKERS) or bool(after and after[0].low in _BY)
