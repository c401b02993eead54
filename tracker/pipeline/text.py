"""Text helpers for extraction: cleaning, accent/case folding, sentences, tokens.

Everything here is linear in the input: no regex with nested quantifiers, and
callers cap the amount of text they analyse (see ``MAX_*`` below).
"""

from __future__ import annotations

import html
import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from typing import NamedTuple

MAX_TITLE_CHARS = 400
MAX_SUMMARY_CHARS = 5000
MAX_SENTENCES = 40
MAX_SENTENCE_CHARS = 600

_TAG = re.compile(r"<[^<>]{0,300}>")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\ufeff]")
_SPACE = re.compile(r"\s+")
# A sentence ends at . ! ? ; followed by space and an upper-case letter, digit or quote.
_SENT_END = re.compile(r"(?<=[.!?])\s+(?=[\"'«“‘(\[A-ZÀ-ÖØ-Þ0-9])|\s*\n\s*")
_ABBREV = re.compile(
    r"(?:\b(?:[A-Z]|Mr|Mrs|Ms|Dr|St|Jr|Sr|Inc|Corp|Co|Ltd|No|Sept|Sep|Oct|Nov|Dec|Jan|Feb"
    r"|Mar|Apr|Aug|Jun|Jul|vs|etc|M|Mme|Sr|Sra|Dott|Hr|Fr)\.)$"
)
_ORDINAL = re.compile(r"(?:^|\s)\d{1,2}\.$")  # German dates: "am 16. August"
_WORD = re.compile(r"[^\W_](?:[\w'’.\-]*\w)?", re.UNICODE)


class _FoldTable(dict[int, str]):
    """``str.translate`` table mapping every char to exactly one folded char.

    One char in, one char out keeps offsets identical between the original and
    the folded text, so spans found in one index the other.
    """

    def __missing__(self, key: int) -> str:
        char = chr(key)
        base = "".join(
            c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)
        )
        low = base.lower() if len(base) == 1 else char.lower()
        out = low if len(low) == 1 else char
        if out in "’‘`´":
            out = "'"
        elif out in "‐‑‒–—":
            out = "-"
        self[key] = out
        return out


_FOLD = _FoldTable()


def fold(text: str) -> str:
    """Lower-case, strip accents, unify apostrophes and dashes; same length as ``text``."""
    return text.translate(_FOLD)


def clean(text: str, limit: int) -> str:
    """Strip HTML tags and entities and control characters, collapse spaces, cap length."""
    text = text[: limit * 4]
    if "<" in text:
        text = _TAG.sub(" ", text)
    if "&" in text:
        text = html.unescape(text)
    text = _CONTROL.sub(" ", text)
    text = _SPACE.sub(" ", text).strip()
    return text[:limit]


def split_sentences(text: str) -> list[str]:
    """Split a cleaned paragraph into sentences, keeping common abbreviations intact."""
    out: list[str] = []
    start = 0
    for m in _SENT_END.finditer(text):
        chunk = text[start : m.start()]
        if _ABBREV.search(chunk[-8:]) or _ORDINAL.search(chunk[-4:]):
            continue
        if chunk.strip():
            out.append(chunk.strip()[:MAX_SENTENCE_CHARS])
        start = m.end()
        if len(out) >= MAX_SENTENCES:
            return out
    tail = text[start:].strip()
    if tail:
        out.append(tail[:MAX_SENTENCE_CHARS])
    return out


class Token(NamedTuple):
    """A word with its character span in the sentence.

    A named tuple, not a frozen dataclass: tokens are built by the thousand and a
    frozen dataclass costs ~6x more to construct.
    """

    text: str
    start: int
    end: int
    low: str = ""  # folded text (lower case, no accents)

    @property
    def is_cap(self) -> bool:
        """Starts with an upper-case letter."""
        return self.text[:1].isupper()


def tokenize(sentence: str, folded: str | None = None) -> list[Token]:
    """Words of a sentence (a trailing possessive "'s" is cut off)."""
    folded = fold(sentence) if folded is None else folded
    tokens: list[Token] = []
    append = tokens.append
    for m in _WORD.finditer(sentence):
        start, end = m.span()
        if folded[end - 2 : end] == "'s" and end - start > 2:  # fold unifies apostrophes
            end -= 2
        append(Token(sentence[start:end], start, end, folded[start:end]))
    return tokens


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence with its folded twin (same offsets) and tokens; index 0 is the title."""

    text: str
    folded: str
    tokens: tuple[Token, ...]
    index: int
    title_case: bool = False  # Headline Style Capitalisation (computed once by ``of``)
    ends: tuple[int, ...] = ()  # token end offsets, for ``token_at``

    @staticmethod
    def of(text: str, index: int, folded: str | None = None) -> Sentence:
        """Build from raw sentence text (and its ``fold`` when the caller has it)."""
        folded = fold(text) if folded is None else folded
        tokens = tuple(tokenize(text, folded))
        ends = tuple(t.end for t in tokens)
        return Sentence(text, folded, tokens, index, is_title_case(tokens), ends)

    def token_at(self, offset: int) -> int:
        """Index of the first token ending after ``offset`` (len(tokens) when none)."""
        if len(self.ends) == len(self.tokens):
            return bisect_right(self.ends, offset)
        for i, tok in enumerate(self.tokens):
            if tok.end > offset:
                return i
        return len(self.tokens)


def is_title_case(tokens: tuple[Token, ...]) -> bool:
    """True for Headline Style Capitalisation (most longer words capitalised)."""
    long = [t for t in tokens if len(t.text) > 3]
    return len(long) >= 4 and sum(t.is_cap for t in long) >= 0.8 * len(long)
