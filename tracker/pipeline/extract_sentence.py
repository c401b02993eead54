"""One sentence -> candidate events (before item-level merging).

A sentence is scanned once per table (cues, board cues, roles). Each cue is
then given a company (the nearest mention in the sentence, else the item's
main company), a role (the role phrase after the cue, else the nearest one),
people (by the cue's direction) and the sentence's certainty.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from tracker.domain import Certainty, EventType, Reason, Role
from tracker.pipeline.extract_clauses import (
    background_fact,
    mark_descriptors,
    negated,
    past_clauses,
    retrospective,
    said_in_past,
)
from tracker.pipeline.extract_dates import dated_before
from tracker.pipeline.extract_people import Name, find_names, stopwords_for
from tracker.pipeline.extract_roles import RoleSpan, find_roles, span_tokens
from tracker.pipeline.extract_rules import Lexicon
from tracker.pipeline.extract_spans import (
    after_last_cue,
    as_planned,
    dropped_roles,
    layoff,
    previous_jobs,
    trailing_clause,
)
from tracker.pipeline.lexicon.common import (
    BY_WORDS,
    DIVISION_WORDS,
    PASSIVE_MARKERS,
)
from tracker.pipeline.match import Mention
from tracker.pipeline.text import Sentence


class Cue(NamedTuple):
    """A matched cue: its tag and token range."""

    tag: str
    first: int
    last: int


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
    gov: list[tuple[int, int]] = field(default_factory=list)  # "as secretary of state"
    foreign_roles: int = 0  # role phrases dropped as another organisation's (or past)

    def usable_name(self, i: int, resolved_only: bool) -> bool:
        """A lone unresolved capitalised word is a name only outside German and mid-sentence."""
        if i in self.org_names:
            return False
        if self.full_names[i] is not None:
            return True
        return not resolved_only and self.lang != "de" and self.names[i].first > 0

    def role_after(self, cue: Cue) -> bool:
        """A role phrase starts within three words after the cue ("becomes chief ...")."""
        return any(0 <= r.first - cue.last <= 3 for r in self.roles)

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


def build_view(
    sent: Sentence,
    mentions: list[Mention],
    lex: Lexicon,
    raw_cues: list[tuple[str, int, int]],
    when: tuple[int, int] | None = None,
) -> SentenceView:
    """Scan one sentence with a language's tables (``raw_cues``: its cue-table matches).

    A sentence with no cue still gives names and roles (for other sentences' people
    and appositions); what only cues read (certainty, interim marks, past clauses,
    descriptors) is computed only when a cue is left.
    """
    raw_roles = lex.roles.scan(sent.folded)
    blocked = _blocked(sent, mentions, raw_roles)
    people = frozenset(sent.token_at(m.start) for m in mentions if m.kind == "person")
    live = any(t != "neg" for t, _, _ in raw_cues)
    clauses = past_clauses(sent) if live else []
    upper_ok = lex.lang == "de" or sent.title_case  # nouns / Headline Case
    cues, background = _cues(sent, raw_cues, clauses, upper_ok, when) if raw_cues else ([], 0)
    blocked.update(c.first for c in cues)  # "Nachfolger von X", "Names Jane Doe": no name
    names = find_names(sent, blocked, stopwords_for(lex.lang))
    board = _board(sent, lex, when)
    negs = [c for c in cues if c.tag == "neg"]
    if negs:  # "será reelegida presidenta": a weak cue next to a "neg" phrase goes too
        board = []
        cues = [c for c in cues if c.tag != "neg" and not _next_to_neg(c, negs)]
    board, cues = _board_exits(board, cues)
    active = bool(cues or board)
    # descriptors are marked in every sentence: the item's fallback company is never one
    companies = mark_descriptors(sent, [m for m in mentions if m.kind != "person"], names)
    name_starts = {n.first for n in names}
    persons = {n.first for n in names if n.last > n.first}
    roles = find_roles(sent, raw_roles, companies, name_starts, persons)
    view = SentenceView(
        sent=sent,
        mentions=companies,
        names=names,
        full_names=[None] * len(names),
        roles=roles,
        cues=cues,
        board=board,
        certainty=Certainty.REPORTED,
        interim_tokens=set(),
        background=background,
        lang=lex.lang,
        person_tokens=people,
        gov=[span_tokens(sent, s, e) for t, s, e in raw_roles if t == "gov"],
        foreign_roles=dropped_roles(sent, raw_roles, roles),
    )
    if active:
        _cue_facts(view, lex, clauses, raw_cues)
    return view


def _cue_facts(
    view: SentenceView,
    lex: Lexicon,
    clauses: list[tuple[int, int, bool]],
    raw_cues: list[tuple[str, int, int]],
) -> None:
    """What only a sentence with cues needs: certainty, interim marks, recalled exits."""
    sent = view.sent
    # a weak cue ("wird") far from any role is no verb of the change: "nicht erfüllen wird"
    strong = [(c.first, c.last) for c in view.cues if not c.tag.endswith("weak")]
    weak = [(c.first, c.last) for c in view.cues if c.tag.endswith("weak") and view.role_after(c)]
    negative = negated(sent, strong + weak)
    view.certainty = Certainty.DENIED if negative else _certainty(sent, lex, view.cues)
    view.interim_tokens = {sent.token_at(m.start()) for m in lex.interim.finditer(sent.folded)}
    view.past_exits = _past_exits(sent, clauses, raw_cues, view.names)
    tail = after_last_cue(sent, max((c.last for c in view.cues), default=None))
    earlier = previous_jobs(sent)
    view.dropped_role = not any(r.role for r in view.roles) and any(
        t.low in DIVISION_WORDS and not any(a <= t.start < b for a, b in earlier)
        for t in sent.tokens
        if t.start < tail
    )  # not "X, bislang Leiterin der Division Y, übernimmt": her previous job


def _blocked(
    sent: Sentence, mentions: list[Mention], raw_roles: list[tuple[str, int, int]]
) -> set[int]:
    """Tokens that cannot be part of a person name: companies and role phrases."""
    spans = [(m.start, m.end) for m in mentions if m.kind != "person"]
    spans += [(start, end) for _tag, start, end in raw_roles]
    blocked: set[int] = set()
    for start, end in spans:
        a, b = span_tokens(sent, start, end)
        blocked.update(range(a, b + 1))
    return blocked


def _board(sent: Sentence, lex: Lexicon, when: tuple[int, int] | None) -> list[Cue]:
    if not lex.may_have_board_cue(sent.folded):
        return []
    return [
        Cue(t, a, b)
        for t, s, e in lex.board.scan(sent.folded)
        for a, b in [span_tokens(sent, s, e)]
        if not background_fact(sent, a, t) and not dated_before(sent, a, b, when)
    ]  # "who left its board in 2015": a past fact


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


def _cues(
    sent: Sentence,
    raw: list[tuple[str, int, int]],
    clauses: list[tuple[int, int, bool]],
    upper_ok: bool,
    when: tuple[int, int] | None,
) -> tuple[list[Cue], int]:
    """Live cues (``neg`` ones kept for the caller) and how many were background."""
    found = [(t, *span_tokens(sent, s, e)) for t, s, e in raw]
    out: list[Cue] = []
    background = 0
    retro = bool(found) and retrospective(sent)
    for tag, first, last in found:
        if upper_ok is False and first > 0 and sent.tokens[first].is_cap:
            continue  # "Sara Conti": a name that folds like a cue word ("sarà")
        in_clause = tag != "rein" and any(a <= first <= b for a, b, _ in clauses)
        dated = tag != "rein" and dated_before(sent, first, last, when)  # not "led it until 2010"
        past = retro or in_clause or dated or said_in_past(sent, first)
        if tag != "neg" and (past or background_fact(sent, first, tag)):
            background += 1
            continue
        if tag.startswith("dep") and layoff(sent, last):
            continue
        if tag.startswith("dep") and as_planned(sent, last):
            background += 1
            continue
        out.append(Cue(tag, first, last))
    return out, background


def _next_to_neg(cue: Cue, negs: list[Cue]) -> bool:
    return cue.tag.endswith("weak") and any(
        -3 <= cue.first - n.last <= 3 or -3 <= n.first - cue.last <= 3 for n in negs
    )


def _certainty(sent: Sentence, lex: Lexicon, cues: list[Cue]) -> Certainty:
    if lex.deny.search(sent.folded):
        return Certainty.DENIED
    tail = trailing_clause(sent, max((c.last for c in cues), default=0))
    words = [
        m.group()
        for m in lex.rumor.finditer(sent.folded)
        if not (m.group() == "may" and sent.text[m.start()].isupper())  # the month
        and m.start() < tail  # "X, der die Fusion vorantreiben soll": his task, not hearsay
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
    return bool(before & PASSIVE_MARKERS) or bool(after and after[0].low in BY_WORDS)
