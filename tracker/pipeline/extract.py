"""Leadership events from one news item (the public entry point of extraction).

``build_extractor(watchlist).extract(item)`` -> ``list[Event]``. Pure: no I/O,
no clock, no logging. The flow: clean and cap the text (title + the first
sentences of the summary), detect the language, find watched companies
(``match.py``), scan every sentence for cues, roles and names
(``extract_sentence.py``; roles in ``extract_roles.py``, past-dated clauses,
retrospectives and descriptor mentions in ``extract_clauses.py``, where description
starts in ``extract_spans.py``, dates in ``extract_dates.py``), turn cues into
candidates (``extract_events.py``, more beside them in ``extract_more.py``; which
cues are no event in ``extract_cases.py``, role choice in ``extract_pick.py``,
people in ``extract_who.py``), then merge candidates per company, type and role.
Cue tables are scanned only at word starts that can begin a match
(``extract_prefix.py``).

A sentence naming no watched company falls back to the headline's company (else
the item's first company that is not merely a past employer: "ex CEO of IAG"); not
when the headline is about another organisation ("Gucci : X nommé", "X prend la
présidence de Renault") or only names a unit ("CBS News president X resigns"). A
change dated years before the item's ``published`` date is background. A headline
announcing a change at the top ("Führungswechsel bei ABB") gives role-less changes
the CEO role, unless the item is about a division or the board. A role written
with its owner ("président exécutif de Telecom Italia") puts the event at that
owner. A headline looking back
("Il y a vingt ans, ...") makes the whole item background.

Item-level rules applied when merging: an interim's end ("interim CEO X will stay
on as CFO") counts only when the item names a permanent holder; a person brought
back is a reinstatement, not also an appointment; both sides of a succession share
a role (the same sentence's first), except in a sentence about a division
(``extract_succession.py``).

Board changes: SPEC allows one ``board_change`` per company per item, listing
everyone who joins or leaves, so candidates are merged into one. Its ``reason``
carries the direction for the state machine: set (resigned, dismissed,
unspecified...) only when every listed person leaves the board; ``None`` when
anyone joins (all joiners, or a mix of joiners and leavers), and for an
overhaul.

Confidence is a plain score: the cue's strength (a finite verb such as
"resigns" 0.8, a noun such as "departure" 0.65, a weak cue such as "becomes"
0.6), +0.1 when a full name is attached, -0.15 when nobody is named, -0.1 when
the company is only named in another sentence, +0.05 for the headline.
"""

from __future__ import annotations

import re
from collections import ChainMap
from collections.abc import Mapping
from dataclasses import dataclass

from tracker.domain import Certainty, Event, EventType, NewsItem, Role, Watchlist
from tracker.pipeline.extract_cases import other_topic
from tracker.pipeline.extract_clauses import retrospective
from tracker.pipeline.extract_events import board_candidates, cue_candidates
from tracker.pipeline.extract_people import PeopleIndex
from tracker.pipeline.extract_rules import LEXICONS
from tracker.pipeline.extract_sentence import Candidate, SentenceView, build_view
from tracker.pipeline.extract_succession import final_role, firm_predecessors, succession_roles
from tracker.pipeline.lang import detect_language
from tracker.pipeline.lexicon.common import DIVISION_WORDS, TOP_CHANGE
from tracker.pipeline.match import Matcher
from tracker.pipeline.text import (
    MAX_SUMMARY_CHARS,
    MAX_TITLE_CHARS,
    Sentence,
    clean,
    fold,
    split_sentences,
)

_TOP_CHANGE = re.compile(TOP_CHANGE)
_CERTAINTY_RANK = {Certainty.DENIED: 3, Certainty.REPORTED: 2, Certainty.RUMORED: 1}


@dataclass(frozen=True)
class _Known:
    names: dict[str, tuple[str, ...]]  # company id -> known executive names
    roles: dict[str, Role]  # folded full name -> role today


class Extractor:
    """Extracts leadership events for one watchlist; build once, reuse for every item."""

    def __init__(self, watchlist: Watchlist) -> None:
        self._matcher = Matcher(watchlist)
        self._known = _Known(
            names={c.id: tuple(p.name for p in c.people) for c in watchlist.companies},
            roles={fold(p.name): p.role for c in watchlist.companies for p in c.people},
        )

    def extract(self, item: NewsItem) -> list[Event]:
        """Events at watched companies in one item (empty when none)."""
        title = clean(item.title or "", MAX_TITLE_CHARS)
        summary = clean(item.summary or "", MAX_SUMMARY_CHARS)
        texts = [t for t in [title, *split_sentences(summary)] if t]
        folded = [fold(t) for t in texts]
        hits = self._matcher.hits_folded(folded)
        if not any(hits):
            return []
        lang = detect_language(f"{title} {summary[:600]}")
        lex = LEXICONS[lang]
        raw_cues = [lex.cues.scan(f) for f in folded]
        if not any(t != "neg" for row in raw_cues for t, _, _ in row) and not any(
            lex.may_have_board_cue(f) for f in folded
        ):
            return []
        sentences = [
            Sentence.of(t, i, f) for i, (t, f) in enumerate(zip(texts, folded, strict=True))
        ]
        mentions = self._matcher.mentions(sentences, lang, hits)
        companies = [m.company for row in mentions for m in row if not m.subsidiary]
        if not companies:
            return []
        when = (item.published.year, item.published.month) if item.published else None
        views = [
            build_view(s, m, lex, c, when)
            for s, m, c in zip(sentences, mentions, raw_cues, strict=True)
        ]
        if views[0].retrospective() or (retrospective(views[0].sent) and not views[0].cues):
            return []  # "Il y a vingt ans, la chute de ...": the whole item looks back
        appositions = self._resolve_people(views, set(companies))
        # a company named only to describe someone ("ex CEO of IAG") is no fallback;
        # a known executive's name is ("Helge Lund lascia")
        actors = [
            m.company for v in views for m in v.mentions if not (m.subsidiary or m.descriptor)
        ]
        actors += [m.company for row in mentions for m in row if m.kind == "person"]
        main = _main_company(views[0], actors[0] if actors else None)
        candidates: list[Candidate] = []
        for view in views:
            candidates += cue_candidates(view, main)
            candidates += board_candidates(view, main)
        unit = any(t.low in DIVISION_WORDS for t in views[0].sent.tokens)  # "... della divisione"
        top = Role.CEO if _TOP_CHANGE.search(folded[0]) and not unit else None
        return _merge(candidates, lang, self._fallback_role(appositions), top)

    def _resolve_people(self, views: list[SentenceView], companies: set[str]) -> dict[str, Role]:
        """Fill ``full_names``; return roles given by appositions ("CFO Tim Morse")."""
        index = PeopleIndex([n for c in companies for n in self._known.names.get(c, ())])
        for view in views:
            for name in view.names:
                if name.first != name.last:
                    index.add(name.text)
        appositions: dict[str, Role] = {}
        for view in views:
            view.full_names = [index.resolve(n) for n in view.names]
            starts = {n.first: i for i, n in enumerate(view.names)}
            for role in view.roles:
                i = starts.get(role.last + 1)
                full = view.full_names[i] if i is not None else None
                if full and role.role is not None:
                    appositions.setdefault(fold(full), role.role)
        return appositions

    def _fallback_role(self, appositions: dict[str, Role]) -> Mapping[str, Role]:
        return ChainMap(appositions, self._known.roles)


def _main_company(title: SentenceView, first: str | None) -> str | None:
    """The company a sentence naming none is about: the headline's (a describing mention
    aside: "Target taps PepsiCo executive X"), else the item's first. None when the
    headline is about another organisation ("Gucci : X nommé", "CBS News president X
    resigns"): every sentence must then name the watched company itself."""
    if other_topic(title):
        return None
    if not title.mentions and (title.cues or title.board) and title.foreign_roles > 0:
        return None  # "X prend la présidence de Renault": about an unwatched firm
    tops = [m for m in title.mentions if not m.descriptor]
    if tops and all(m.subsidiary for m in tops):
        return None
    return next((m.company for m in tops if not m.subsidiary), first)


def _top_change(
    candidates: list[Candidate], roles_of: Mapping[str, Role], top: Role | None
) -> None:
    """ "Führungswechsel bei ABB: X übernimmt den Posten von Y": a headline announcing a
    change at the top gives role-less changes its role; not in an item whose changes
    are about a division or the board."""
    if top is None or any(
        c.type is EventType.BOARD_CHANGE or c.role is Role.DIRECTOR or "division" in c.extra
        for c in candidates
    ):
        return
    for cand in candidates:
        if cand.people and final_role(cand, roles_of) is None:
            cand.role = top


def _interim_ends(candidates: list[Candidate]) -> list[Candidate]:
    """An interim ends only when the item names a permanent holder: "Interim CEO X will
    remain in the post until a successor is found" is no departure."""
    permanent = {
        c.company
        for c in candidates
        if c.type is EventType.APPOINTMENT and not c.interim and c.people
    }
    return [c for c in candidates if "iend" not in c.extra or c.company in permanent]


def _returns_not_appointments(candidates: list[Candidate]) -> list[Candidate]:
    """A person brought back is a reinstatement only, not also an appointment."""
    back: dict[tuple[str, str], Candidate] = {
        (c.company, _surname(p)): c
        for c in candidates
        if c.type is EventType.REINSTATEMENT
        for p in c.people
    }
    out: list[Candidate] = []
    for cand in candidates:
        keys = [(cand.company, _surname(p)) for p in cand.people]
        if cand.type is EventType.APPOINTMENT and keys and all(k in back for k in keys):
            for k in keys:
                back[k].role = back[k].role or cand.role
            continue
        out.append(cand)
    return out


def _surname(name: str) -> str:
    parts = name.split()
    return fold(parts[-1]) if parts else ""


def _merge(
    candidates: list[Candidate], lang: str, roles_of: Mapping[str, Role], top: Role | None
) -> list[Event]:
    candidates = _interim_ends(candidates)
    succession_roles(candidates, roles_of)
    _top_change(candidates, roles_of, top)
    firm_predecessors(candidates, lang, roles_of)
    candidates = _returns_not_appointments(candidates)
    merged: dict[tuple[str, EventType, Role], Candidate] = {}
    for cand in candidates:
        role = final_role(cand, roles_of)
        if role is Role.DIRECTOR and cand.type is EventType.DEPARTURE and cand.people:
            cand.type = EventType.BOARD_CHANGE  # a director leaving is a board change
        elif role is Role.DIRECTOR and cand.type is not EventType.BOARD_CHANGE:
            continue  # "named director X": a title, not a top role
        if role is None:
            continue
        key = (cand.company, cand.type, role)
        if key not in merged:
            cand.role = role
            merged[key] = cand
            continue
        _absorb(merged[key], cand)
    return [_event(c, lang) for c in merged.values()]


def _absorb(into: Candidate, cand: Candidate) -> None:
    seen = {fold(p.split()[-1]) for p in into.people if p.split()}
    for person in cand.people:
        if person.split() and fold(person.split()[-1]) not in seen:
            into.people.append(person)
            seen.add(fold(person.split()[-1]))
    if into.reason is None or cand.reason is None:
        into.reason = None  # a board change with joiners: no single direction
    if _CERTAINTY_RANK[cand.certainty] > _CERTAINTY_RANK[into.certainty]:
        into.certainty = cand.certainty
    into.interim = into.interim or cand.interim
    into.strength = max(into.strength, cand.strength)
    into.same_sentence_company = into.same_sentence_company or cand.same_sentence_company


def _confidence(c: Candidate) -> float:
    score = c.strength
    if not c.people:
        score -= 0.15
    elif not c.surname_only:
        score += 0.1
    if not c.same_sentence_company:
        score -= 0.1
    if c.sentence == 0:
        score += 0.05
    return max(0.05, min(0.99, score))


def _event(c: Candidate, lang: str) -> Event:
    assert c.role is not None
    return Event(
        company=c.company,
        type=c.type,
        people=tuple(dict.fromkeys(c.people)),
        role=c.role,
        certainty=c.certainty,
        interim=c.interim,
        reason=c.reason if c.type in {EventType.DEPARTURE, EventType.BOARD_CHANGE} else None,
        confidence=round(_confidence(c), 2),
        language=lang,
        evidence=c.evidence,
    )


def build_extractor(watchlist: Watchlist) -> Extractor:
    """An extractor for ``watchlist`` (builds the company automaton once)."""
    return Extractor(watchlist)
