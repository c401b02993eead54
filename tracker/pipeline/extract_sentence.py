"""One sentence -> candidate events (before item-level merging).

A sentence is scanned once per table (cues, board cues, roles). Each cue is
then given a company (the nearest mention in the sentence, else the item's
main company), a role (the role phrase after the cue, else the nearest one),
people (by the cue's direction) and the sentence's certainty.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tracker.domain import Certainty, EventType, Reason, Role
from tracker.pipeline.extract_clauses import (
    mark_descriptors,
    past_clauses,
    retrospective,
    said_in_past,
)
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
_PREPS = frozenset("of at de d du des von bei der di del della dell".split())
_BY = frozenset("by par von por da".split())
_PLUPERFECT = frozenset("had hatte hatten habia habian aveva avevano".split())
_RELATIVE = frozenset("who which".split())
_CONJ = frozenset("and et und y e".split())
_ARTICLES = frozenset(
    "the a an le la les l un une der die das den dem el los las il lo gli".split()
)
_DAY = frozenset("day dia giorno tag lendemain hours heures horas ore stunden".split())
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
    past_exits: list[tuple[int, int]] = field(default_factory=list)  # recalled exits
    dropped_role: bool = False  # the sentence is about a division ("unit", "Sparte")
    person_tokens: frozenset[int] = frozenset()  # tokens naming a watchlist executive
    org_names: set[int] = field(default_factory=set)  # names found to be organisations

    def usable_name(self, i: int, resolved_only: bool) -> bool:
        """A lone unresolved capitalised word is a name only outside German and mid-sentence."""
        if i in self.org_names:
            return False
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
            if not (m.subsidiary or m.descriptor) and (best is None or dist < best[0]):
                best = (dist, m)
        if best is None:
            units = [m for m in self.mentions if m.subsidiary and not m.descriptor]
            return (None, True) if any(self._same_clause(m, tok) for m in units) else (main, False)
        return best[1].company, True

    def _same_clause(self, m: Mention, tok: int) -> bool:
        """A unit named near the cue in its clause ("Santander UK nombra"), not after a comma."""
        toks = self.sent.tokens
        at = self.sent.token_at(m.start)
        lo, hi = (at, tok) if at < tok else (tok, at)
        near = hi - lo <= 6
        return lo == hi or (near and "," not in self.sent.text[toks[lo].end : toks[hi].start])


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
    people = frozenset(sent.token_at(m.start) for m in mentions if m.kind == "person")
    clauses = past_clauses(sent)
    upper_ok = lex.lang == "de" or sent.title_case  # nouns / Headline Case
    cues, background = _cues(sent, raw_cues, clauses, upper_ok)
    blocked.update(c.first for c in cues if c.first == 0)
    names = find_names(sent, blocked, stopwords_for(lex.lang))
    mentions = mark_descriptors(sent, [m for m in mentions if m.kind != "person"], names)
    name_starts = {n.first for n in names}
    persons = {n.first for n in names if n.last > n.first}
    roles = _roles(sent, raw_roles, mentions, name_starts, persons)
    dropped = any(t.low in DIVISION_WORDS for t in sent.tokens)
    board = [
        Cue(t, a, b)
        for t, s, e in (lex.board.scan(sent.folded) if lex.may_have_board_cue(sent.folded) else [])
        for a, b in [_span_tokens(sent, s, e)]
        if not _background(sent, a, t)
    ]
    if any(c.tag == "neg" for c in cues):
        board = []
        cues = [c for c in cues if c.tag != "neg"]
    board, cues = _board_exits(board, cues)
    return SentenceView(
        sent=sent,
        mentions=mentions,
        names=names,
        full_names=[None] * len(names),
        roles=roles,
        cues=cues,
        board=board,
        certainty=_certainty(sent, lex),
        interim_tokens={sent.token_at(m.start()) for m in lex.interim.finditer(sent.folded)},
        background=background,
        lang=lex.lang,
        past_exits=_past_exits(sent, clauses, raw_cues, names),
        dropped_role=dropped,
        person_tokens=people,
    )


def _board_exits(board: list[Cue], cues: list[Cue]) -> tuple[list[Cue], list[Cue]]:
    """ "steps down from the board": the exit cue is the board cue's, its reason kept."""
    out: list[Cue] = []
    for b in board:
        inside = [
            c for c in cues if c.tag.startswith("dep") and c.first <= b.last and b.first <= c.last
        ]
        reason = inside[0].tag.split(":")[1] if inside else "unspecified"
        cues = [c for c in cues if c not in inside]
        out.append(Cue(f"bleave:{reason}", b.first, b.last) if b.tag == "bleave" else b)
    return out, cues


def _past_exits(
    sent: Sentence,
    clauses: list[tuple[int, int, bool]],
    raw: list[tuple[str, int, int]],
    names: list[Name],
) -> list[tuple[int, int]]:
    """Past-dated clauses recalling the antecedent's own exit ("who left in May", "parti
    en décembre"), not someone else's ("qui assurait l'intérim depuis le départ de X")."""
    starts = [sent.token_at(s) for t, s, _ in raw if t.startswith("dep")]

    def own_exit(a: int, b: int) -> bool:
        return any(a <= k <= b and not any(k < n.first <= b for n in names) for k in starts)

    return [(a, b) for a, b, exit_word in clauses if exit_word or own_exit(a, b)]


def _roles(
    sent: Sentence,
    raw: list[tuple[str, int, int]],
    mentions: list[Mention],
    name_starts: set[int],
    persons: set[int],
) -> list[RoleSpan]:
    out: list[RoleSpan] = []
    for tag, start, end in raw:
        if tag == "none":
            continue
        first, last = _span_tokens(sent, start, end)
        if first > 0 and sent.tokens[first - 1].low in _FORMER:
            continue
        if _foreign_or_division(sent, (first, last, start), mentions, persons):
            continue
        appos = (last + 1) in name_starts and sent.text[
            sent.tokens[last].end : sent.tokens[last + 1].start
        ] == " "
        out.append(RoleSpan(None if tag == "same" else Role(tag), first, last, appos))
    return out


def _foreign_or_division(
    sent: Sentence, span: tuple[int, int, int], mentions: list[Mention], persons: set[int]
) -> bool:
    """A role of some other organisation or of a division ("président de HEC", "AWS chief")."""
    first, last, start = span
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
    return _owner_is_foreign(sent, last + 2, mentions, persons)


def _owner_is_foreign(sent: Sentence, k: int, mentions: list[Mention], persons: set[int]) -> bool:
    """After "<role> of": an unwatched organisation, not a person ("al posto di Lucia
    Calvosa", "Vorstandsvorsitz von Kurt Bock") nor a later clause."""
    noun = False
    for i in range(k, min(k + 8, len(sent.tokens))):
        tok = sent.tokens[i]
        if tok.low in _CONJ or sent.text[tok.start - 2 : tok.start - 1] in {",", ";", ":"}:
            return False
        if not tok.is_cap:
            noun = noun or tok.low not in _ARTICLES
            continue
        mention = next((m for m in mentions if m.start <= tok.start < m.end), None)
        if mention is not None:
            return mention.subsidiary
        return noun or i not in persons
    return False


def _not_watched(start: int, mentions: list[Mention]) -> bool:
    mention = next((m for m in mentions if m.start <= start < m.end), None)
    return mention is None or mention.subsidiary


def _cues(
    sent: Sentence,
    raw: list[tuple[str, int, int]],
    clauses: list[tuple[int, int, bool]],
    upper_ok: bool,
) -> tuple[list[Cue], int]:
    """Live cues (``neg`` ones kept for the caller) and how many were background."""
    found = [(t, *_span_tokens(sent, s, e)) for t, s, e in raw]
    out: list[Cue] = []
    background = 0
    retro = bool(found) and retrospective(sent)
    for tag, first, last in found:
        if upper_ok is False and first > 0 and sent.tokens[first].is_cap:
            continue  # "Sara Conti": a name that folds like a cue word ("sarà")
        in_clause = tag != "rein" and any(a <= first <= b for a, b, _ in clauses)
        past = retro or in_clause or said_in_past(sent, first)
        if tag != "neg" and (past or _background(sent, first, tag)):
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
        if word in BACKGROUND_PREPS and not (k > 0 and toks[k - 1].low in _DAY):
            return True  # "after X's ouster", but "the day after" is news
        if word in _PLUPERFECT and first - k <= 4:
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
    words = [
        m.group()
        for m in lex.rumor.finditer(sent.folded)
        if not (m.group() == "may" and sent.text[m.start()].isupper())  # the month
    ]
    if words:
        official = lex.official is not None and lex.official.search(sent.folded)
        if official and all(w in lex.modal for w in words):
            return Certainty.REPORTED  # "Der Aufsichtsrat hat beschlossen, dass X ... soll"
        return Certainty.RUMORED
    if sent.index == 0 and sent.text.rstrip().endswith("?"):
        return Certainty.RUMORED
    return Certainty.REPORTED


def is_passive(sent: Sentence, cue: Cue) -> bool:
    """ "was fired", "a été limogé", "fired by the board"."""
    before = {t.low for t in sent.tokens[max(0, cue.first - 2) : cue.first]}
    after = sent.tokens[cue.last + 1 : cue.last + 2]
    return bool(before & PASSIVE_MARKERS) or bool(after and after[0].low in _BY)
