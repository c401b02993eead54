"""Find watched companies in sentences: one Aho-Corasick automaton for the watchlist.

Aliases (display name, aliases, the name without its legal suffix) are folded
(case, accents, apostrophes) and matched with a word-boundary check; tickers
are matched case-sensitively. A name is *ambiguous* when it is a common word
in one of the five languages or very short; an ambiguous hit counts only with
context: capitalised mid-sentence (not in German, where nouns are), a corporate
word or possessive + leadership noun next to it, or elsewhere in the item an
unambiguous alias, a ticker or a known executive of that company.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

import ahocorasick

from tracker.domain import Company, Watchlist
from tracker.pipeline.extract_people import NOT_NAMES
from tracker.pipeline.lang import _FOLDED as STOPWORDS
from tracker.pipeline.lexicon.common import (
    COMMON_WORDS,
    CORP_AFTER,
    CORP_SUFFIXES,
    COUNTRY_UNITS,
    LEADERSHIP,
    PARENT_MARKERS,
    SUBSIDIARY_TAILS,
    UNIT_NOUNS,
)
from tracker.pipeline.text import Sentence, fold

_LEGAL = re.compile(
    r"[,\s]+(inc\.?|corp\.?|corporation|company|co\.|ltd\.?|limited|plc|llc|ag|se|s\.a\.|sa|"
    r"spa|s\.p\.a\.|n\.v\.|nv|gmbh|holding limited|group holding limited)$",
    re.IGNORECASE,
)
_KIND_NAME, _KIND_TICKER, _KIND_PERSON = "name", "ticker", "person"
_ALL_STOPWORDS = frozenset().union(*STOPWORDS.values())


class Mention(NamedTuple):
    """A company (or a known executive of it) named in a sentence."""

    company: str
    start: int
    end: int
    kind: str  # name | ticker | person
    subsidiary: bool = False
    descriptor: bool = False  # describes a person ("Nike's Mark Parker"), not the actor


@dataclass(frozen=True, slots=True)
class _Entry:
    company: str
    kind: str
    surface: str
    ambiguous: bool


Hit = tuple[int, int, tuple[_Entry, ...]]  # start, end, what the alias names


def _is_ambiguous(alias: str) -> bool:
    key = fold(alias).strip(" .!")
    letters = re.sub(r"[^a-z0-9]", "", key)
    return len(letters) <= 2 or key in COMMON_WORDS or key in _ALL_STOPWORDS


def _aliases(company: Company) -> set[str]:
    names = set(company.all_names())
    for name in list(names):
        stripped = _LEGAL.sub("", name).strip(" ,")
        if len(stripped) >= 2:
            names.add(stripped)
    return names | {v for n in names for v in _inflected(n)}


def _inflected(name: str) -> list[str]:
    """German adjective endings of a multi-word name: "Deutsche Bank" -> "Deutschen Bank".

    The first word of a name like "Deutsche Bank" or "Deutsche Börse" is an
    adjective, declined after an article ("der Deutschen Bank").
    """
    words = name.split()
    if len(words) < 2 or not words[0].endswith("e") or not words[0][:1].isupper():
        return []
    rest = " ".join(words[1:])
    return [f"{words[0]}n {rest}", f"{words[0]}r {rest}"]


def _boundary(folded: str, start: int, end: int) -> bool:
    before = folded[start - 1] if start > 0 else " "
    after = folded[end] if end < len(folded) else " "
    return not before.isalnum() and not after.isalnum()


class Matcher:
    """Company finder over a whole watchlist (scales to tens of thousands of aliases)."""

    def __init__(self, watchlist: Watchlist) -> None:
        self._auto = ahocorasick.Automaton()
        table: dict[str, list[_Entry]] = {}
        for company in watchlist.companies:
            for alias in _aliases(company):
                amb = _is_ambiguous(alias)
                table.setdefault(fold(alias), []).append(_Entry(company.id, _KIND_NAME, alias, amb))
            for ticker in company.tickers:
                table.setdefault(fold(ticker), []).append(
                    _Entry(company.id, _KIND_TICKER, ticker, False)
                )
            for person in company.people:
                table.setdefault(fold(person.name), []).append(
                    _Entry(company.id, _KIND_PERSON, person.name, False)
                )
        for key, entries in table.items():
            if len(key) >= 2:
                self._auto.add_word(key, (len(key), tuple(entries)))
        self._empty = not table
        if not self._empty:
            self._auto.make_automaton()

    def _hits(self, folded: str) -> list[Hit]:
        if self._empty:
            return []
        found: list[Hit] = []
        for end_idx, (length, entries) in self._auto.iter(folded):
            start, end = end_idx - length + 1, end_idx + 1
            if _boundary(folded, start, end):
                found.append((start, end, entries))
        found.sort(key=lambda h: (h[0], -(h[1] - h[0])))
        kept: list[Hit] = []
        last_end = -1
        for hit in found:
            if hit[0] >= last_end:
                kept.append(hit)
                last_end = hit[1]
        return kept

    def hits(self, sentences: Sequence[Sentence]) -> list[list[Hit]]:
        """Raw alias hits per sentence (longest, non-overlapping, word-bounded)."""
        return [self._hits(s.folded) for s in sentences]

    def hits_folded(self, folded_texts: Sequence[str]) -> list[list[Hit]]:
        """Raw alias hits per folded text (the same as ``hits`` before tokenising)."""
        return [self._hits(text) for text in folded_texts]

    def any_hit(self, folded_texts: Sequence[str]) -> bool:
        """Cheap pre-check on folded texts, before any tokenising."""
        return any(self._hits(text) for text in folded_texts)

    def mentions(
        self, sentences: Sequence[Sentence], lang: str, raw: list[list[Hit]] | None = None
    ) -> list[list[Mention]]:
        """Company mentions per sentence, ambiguous names kept only with context."""
        raw = self.hits(sentences) if raw is None else raw
        sure: set[str] = set()
        for sent, hits in zip(sentences, raw, strict=True):
            for start, end, entries in hits:
                for e in entries:
                    if _accept_plain(e, sent.text[start:end]):
                        sure.add(e.company)
        out: list[list[Mention]] = []
        for sent, hits in zip(sentences, raw, strict=True):
            row: list[Mention] = []
            for start, end, entries in hits:
                for e in entries:
                    if _accept(e, sent, (start, end), sure, lang):
                        sub = e.kind == _KIND_NAME and _is_subsidiary(sent, start, end)
                        row.append(Mention(e.company, start, end, e.kind, sub))
            out.append(row)
            sure.update(m.company for m in row)  # "Target" in the headline: sure from then on
        return out


def _accept_plain(e: _Entry, surface: str) -> bool:
    """Hits that need no context: unambiguous names, tickers, known people."""
    if e.kind == _KIND_TICKER:
        return _ticker_ok(e, surface)
    if e.kind == _KIND_PERSON:
        return surface[:1].isupper()
    if surface == e.surface:
        return not e.ambiguous  # written as the watchlist writes it: "easyJet", "voestalpine"
    return not e.ambiguous and (surface[:1].isupper() or not surface[:1].isalpha())


def _ticker_ok(e: _Entry, surface: str) -> bool:
    if surface != e.surface:
        return False
    return len(surface) >= 4 or "." in surface


def _accept(e: _Entry, sent: Sentence, span: tuple[int, int], sure: set[str], lang: str) -> bool:
    start, end = span
    surface = sent.text[start:end]
    if not e.ambiguous or e.kind != _KIND_NAME:
        return _accept_plain(e, surface)
    if len(re.sub(r"[^A-Za-z0-9]", "", e.surface)) <= 3:
        if surface != e.surface:
            return False
    elif not surface[:1].isupper():
        return False
    if not surface.isascii() and e.surface.isascii():
        return False  # "Über 800 Stellen": a common word with an accent the name lacks
    if e.company in sure:
        return True
    if lang != "de" and _surname_of(sent, start):  # German capitalises every noun
        return False  # "Designer Tom Ford", "Harrison Ford": a person's surname
    if _corporate_neighbour(sent, start, end):
        return True
    mid = start > 0 and not sent.title_case
    return mid and lang != "de" and len(e.surface) > 3


def _surname_of(sent: Sentence, start: int) -> bool:
    """An ambiguous name right after a capitalised word that is not the sentence's first:
    a given name ("Tom Ford"), not "Former Ford chief" nor a Headline Case title."""
    first = sent.token_at(start)
    if first < 2 or sent.title_case or sent.text[start - 1 : start] != " ":
        return False
    prev = sent.tokens[first - 1]
    if not prev.is_cap or prev.text.isupper() or prev.low in LEADERSHIP:
        return False
    if prev.low in _ALL_STOPWORDS or prev.low in NOT_NAMES or prev.low in COUNTRY_UNITS:
        return False  # "On Monday Orange named", "In France Orange"
    return not prev.text.endswith(("'s", "’s"))


def _corporate_neighbour(sent: Sentence, start: int, end: int) -> bool:
    """A corporate word right after the name, or a leadership noun within 4 tokens."""
    tail = sent.folded[end : end + 3]
    if tail.startswith("-"):
        word = re.match(r"([a-z]+)", sent.folded[end + 1 : end + 40])
        return bool(word and (word.group(1) in CORP_AFTER or word.group(1) in LEADERSHIP))
    idx = sent.token_at(end)
    if idx < len(sent.tokens) and sent.tokens[idx].low in CORP_AFTER:
        return True
    first = sent.token_at(start)
    window = sent.tokens[max(0, first - 4) : first] + sent.tokens[idx : idx + 4]
    return any(t.low in LEADERSHIP or t.low.startswith(_LEADERSHIP_HEADS) for t in window)


# German compounds built on a leadership noun: "Vorstandsvorsitzender", "Aufsichtsratschef".
_LEADERSHIP_HEADS = ("vorstand", "aufsichtsrat", "verwaltungsrat", "konzernchef")


def _is_subsidiary(sent: Sentence, start: int, end: int) -> bool:
    """A unit, not the group: "Airbus Helicopters", "HSBC UK", "Telefónica-Tochter",
    "una società di Eni" (the name is the parent of what the sentence is about)."""
    first = sent.token_at(start)
    before = {t.low for t in sent.tokens[max(0, first - 3) : first]}
    if before & PARENT_MARKERS:
        return True
    if sent.folded[end : end + 1] == "-":
        tail = sent.folded[end + 1 : end + 20].split(" ", 1)[0]
        return tail in SUBSIDIARY_TAILS
    if end >= len(sent.text) or sent.text[end] != " ":
        return False
    idx = sent.token_at(end)
    if idx < len(sent.tokens) and sent.tokens[idx].low in COUNTRY_UNITS:
        return sent.tokens[idx].is_cap
    if idx >= len(sent.tokens) or sent.tokens[idx].start != end + 1:
        return False
    tok = sent.tokens[idx]
    word = tok.low
    if tok.is_cap and _unit_noun(sent, idx):
        return True  # "Rolls-Royce Motor Cars", "Continental Airlines"
    if not tok.is_cap or word in CORP_SUFFIXES or word in CORP_AFTER or word in LEADERSHIP:
        return False
    if tok.text.isupper():  # "Walmart U.S.": a country unit
        return word.replace(".", "") in COUNTRY_UNITS
    if sent.title_case:  # "Chefin von Lufthansa Cargo", "CBS News president": the unit
        after = sent.tokens[idx + 1].low if idx + 1 < len(sent.tokens) else None
        return after is None or after in LEADERSHIP
    if sent.text[end - 2 : end] in _POSSESSIVE:
        return False  # "Sainsbury's King": the next word is the person, not a unit
    return word not in _ALL_STOPWORDS and not _looks_like_person_start(sent, idx)


_POSSESSIVE = ("'s", "’s")


def _unit_noun(sent: Sentence, idx: int) -> bool:
    """A unit noun right after the name, or ending a run of up to three capitalised
    words after it ("Motor Cars", "Interactive Entertainment")."""
    toks = sent.tokens
    if toks[idx].low in UNIT_NOUNS:
        return True
    for k in range(idx + 1, min(len(toks), idx + 3)):
        if not toks[k].is_cap or sent.text[toks[k - 1].end : toks[k].start] != " ":
            return False
        if toks[k].low in UNIT_NOUNS:
            return True
    return False


def _looks_like_person_start(sent: Sentence, idx: int) -> bool:
    """Two capitalised tokens in a row after a company name are usually a person."""
    nxt = idx + 1
    return nxt < len(sent.tokens) and sent.tokens[nxt].is_cap
