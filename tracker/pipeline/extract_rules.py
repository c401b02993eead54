"""Compiled per-language cue tables.

Every table is one regex alternation of named groups (``g0``, ``g1``...), so a
sentence is scanned once per table; ``lastgroup`` tells which rule matched.
Cue tags:

- ``dep:<reason>:<dir>`` departure; ``app:<dir>[:weak]`` appointment;
  ``rein`` reinstatement; ``succ`` "A succeeds B" (A in, B out); ``succvf`` verb-final
  "A soll B nachfolgen", ", der B nachfolgt" (B the nearest name before, A the one before);
  ``succby`` "B replaced by A" (B out, A in); ``inplace`` "in place of B" (B out);
  ``newafter`` "au profit de A" (A in); ``neg`` a phrase that cancels cues it covers;
  ``iend`` "X, interim CEO, remains CFO": an interim ends (X leaves the interim role);
  ``move`` "X moves to the chair": X into the chair and out of the role held.
- ``<dir>`` says where the person usually is: ``b`` before the cue (subject),
  ``a`` after it (object of an active verb), ``n`` the nearest either side.
- ``weak`` cues ("becomes", "new", "wird") count only right next to a role.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from types import ModuleType

from tracker.pipeline.extract_prefix import candidates, starts
from tracker.pipeline.lexicon import de, en, es, fr, it

_MODULES: dict[str, ModuleType] = {"en": en, "fr": fr, "de": de, "es": es, "it": it}


@dataclass(frozen=True)
class Table:
    """One alternation regex and the tag of each of its groups."""

    regex: re.Pattern[str]
    tags: dict[str, str]
    allowed: frozenset[str] | None = None  # possible two-letter starts (extract_prefix)

    def scan(self, folded: str) -> list[tuple[str, int, int]]:
        """(tag, start, end) of every non-overlapping match, left to right.

        With ``allowed``, the regex is tried only at word starts that can begin a
        match: the same matches as ``finditer``, without trying every alternative
        at every word.
        """
        if self.allowed is None:
            found = list(self.regex.finditer(folded))
        else:
            found, end = [], 0
            for pos in candidates(folded, self.allowed):
                if pos >= end and (m := self.regex.match(folded, pos)) is not None:
                    found.append(m)
                    end = max(m.end(), pos + 1)
        return [(self.tags[m.lastgroup], m.start(), m.end()) for m in found if m.lastgroup]


@dataclass(frozen=True)
class Finder:
    """A plain regex with the same word-start pre-test as ``Table`` (when it applies)."""

    regex: re.Pattern[str]
    allowed: frozenset[str] | None

    def finditer(self, folded: str) -> list[re.Match[str]]:
        """Non-overlapping matches, left to right (as ``re.finditer``)."""
        if self.allowed is None:
            return list(self.regex.finditer(folded))
        found: list[re.Match[str]] = []
        end = 0
        for pos in candidates(folded, self.allowed):
            if pos >= end and (m := self.regex.match(folded, pos)) is not None:
                found.append(m)
                end = max(m.end(), pos + 1)
        return found

    def search(self, folded: str) -> re.Match[str] | None:
        """The first match, or None."""
        if self.allowed is None:
            return self.regex.search(folded)
        for pos in candidates(folded, self.allowed):
            if (m := self.regex.match(folded, pos)) is not None:
                return m
        return None


def _finder(pattern: str) -> Finder:
    return Finder(re.compile(pattern), starts([pattern]))


@dataclass(frozen=True)
class Lexicon:
    """Everything the extractor needs for one language."""

    lang: str
    cues: Table
    board: Table
    roles: Table
    rumor: Finder
    deny: Finder
    interim: Finder
    board_keys: tuple[str, ...]  # a board cue needs one of these substrings
    official: Finder | None = None  # firm decision: modal rumour words don't count
    modal: frozenset[str] = frozenset()  # rumour words that an official statement overrides

    def may_have_board_cue(self, folded: str) -> bool:
        """Substring pre-check so most sentences skip the board table."""
        return any(key in folded for key in self.board_keys)


def _table(rules: list[tuple[str, str]]) -> Table:
    parts, tags = [], {}
    for i, (tag, pattern) in enumerate(rules):
        parts.append(f"(?P<g{i}>{pattern})")
        tags[f"g{i}"] = tag
    # Every rule starts at a word boundary; testing it once up front lets the
    # engine skip positions inside words without trying each alternative.
    regex = re.compile(r"\b(?:" + "|".join(parts) + ")")
    return Table(regex, tags, starts(pattern for _tag, pattern in rules))


def _compile(lang: str) -> Lexicon:
    mod = _MODULES[lang]
    board_keys: tuple[str, ...] = tuple(mod.BOARD_KEYS)
    shared = {"cfo", "coo", "cto", "other_exec"}  # English titles in European news
    shared_roles = [] if lang == "en" else [r for r in en.ROLES if r[0] in shared]
    if lang != "en":  # English titles are common in European business news
        shared_roles.append(("ceo", r"\bchief executive officer\b"))
    return Lexicon(
        lang=lang,
        cues=_table(mod.CUES),
        board=_table(mod.BOARD),
        roles=_table([*mod.ROLES, *shared_roles]),
        rumor=_finder(mod.RUMOR),
        deny=_finder(mod.DENY),
        interim=_finder(mod.INTERIM),
        board_keys=board_keys,
        official=_finder(mod.OFFICIAL) if hasattr(mod, "OFFICIAL") else None,
        modal=frozenset(getattr(mod, "MODAL", ())),
    )


LEXICONS: dict[str, Lexicon] = {lang: _compile(lang) for lang in _MODULES}
