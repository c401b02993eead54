"""Two-letter start sets of cue tables, for a cheap pre-test before each regex match.

A cue table is one big alternation; ``re.finditer`` tries every alternative at
every word start, which made the table scans the largest cost of extraction.
Every alternative starts with a word, so the set of its possible first two
characters can be read off the parsed pattern. A scan then tries the regex only
at word starts whose first two characters are in that set (see
``extract_rules.Table.scan``): same matches, a fraction of the attempts.

``starts`` returns None when a pattern's start cannot be read (a character
class such as ``\\w`` in the first two characters, or a non-letter start): the
table is then scanned the plain way.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

# The stdlib's regex parser (``sre_parse`` before 3.11): private, so typed loosely.
P: Any = importlib.import_module("re._parser")
C: Any = importlib.import_module("re._constants")

_K = 3


def starts(patterns: Iterable[str]) -> frozenset[str] | None:
    """The possible first ``_K`` characters of any match of any pattern, or None."""
    out: set[str] = set()
    for pattern in patterns:
        found = _seq(list(P.parse(pattern)))
        if found is None:
            return None
        out |= found
    if any(len(p) < _K or not p[0].isalpha() for p in out):
        return None
    return frozenset(out)


def _seq(items: list[Any]) -> set[str] | None:
    results = {""}
    for op, av in items:
        grow = {r for r in results if len(r) < _K}
        if not grow:
            break
        ext = _elem(op, av)
        if ext is None:
            return None
        results = (results - grow) | {(r + e)[:_K] for r in grow for e in ext}
    return results


def _elem(op: Any, av: Any) -> set[str] | None:
    if op is C.AT or op in {C.ASSERT, C.ASSERT_NOT}:
        return {""}
    if op is C.LITERAL:
        return {chr(av)}
    if op is C.IN:
        return _charset(av)
    if op is C.BRANCH:
        out: set[str] = set()
        for branch in av[1]:
            found = _seq(list(branch))
            if found is None:
                return None
            out |= found
        return out
    if op is C.SUBPATTERN:
        return _seq(list(av[3]))
    if op in {C.MAX_REPEAT, C.MIN_REPEAT}:
        return _repeat(av)
    return None


def _charset(av: Any) -> set[str] | None:
    out: set[str] = set()
    for o, a in av:
        if o is C.LITERAL:
            out.add(chr(a))
        elif o is C.RANGE:
            out.update(chr(c) for c in range(a[0], a[1] + 1))
        else:
            return None
    return out


def _repeat(av: Any) -> set[str] | None:
    low, high, sub = av
    one = _seq(list(sub))
    if one is None:
        return None
    out = {""} if low == 0 else set()
    reps = set(one)
    for count in range(1, _K + 1):  # _K repetitions fill any _K-letter start
        out |= reps
        if count >= high:
            break
        reps = {(a + b)[:_K] for a in reps for b in one}
    return out


def candidates(folded: str, allowed: frozenset[str]) -> list[int]:
    """Word starts of ``folded`` whose first ``_K`` characters are in ``allowed``."""
    return [pos for pos, head in _word_starts(folded) if head in allowed]


@lru_cache(maxsize=256)
def _word_starts(folded: str) -> tuple[tuple[int, str], ...]:
    """(offset, first letters) of every word; one sentence is scanned by several tables."""
    return tuple((p, folded[p : p + _K]) for m in _WORD_START.finditer(folded) for p in [m.start()])


_WORD_START = re.compile(r"\b\w")
