"""Which named people a cue's event is about: the subject before the verb, the object
after it, or the nearest, plus any joined by "and"."""

from __future__ import annotations

from tracker.pipeline.extract_people import Name
from tracker.pipeline.extract_rules import LEXICONS
from tracker.pipeline.extract_sentence import Cue, SentenceView
from tracker.pipeline.lexicon.common import COORD_WORDS

_BEFORE_WINDOW = 14
_AFTER_WINDOW = 9
_OWNER_PREPS = frozenset("of at de du des von bei di del della".split())


def _names_before(view: SentenceView, tok: int) -> list[int]:
    idx = [i for i, n in enumerate(view.names) if n.last < tok and tok - n.last <= _BEFORE_WINDOW]
    return sorted(idx, key=lambda i: tok - view.names[i].last)


def _names_after(view: SentenceView, cue: Cue) -> list[int]:
    """Names inside a discontinuous cue ("shows X the door") or just after it, up to the
    next verb cue: in "destituye a X y nombra presidente a Y", Y is the second verb's."""
    stop = min(
        (c.first for c in view.cues if c.first > cue.last and not c.tag.endswith("weak")),
        default=len(view.sent.tokens),
    )
    idx = [
        i
        for i, n in enumerate(view.names)
        if n.first > cue.first
        and n.first - cue.last <= _AFTER_WINDOW
        and n.first < stop
        and not (cue.tag.startswith("dep") and _destination(view, n.first))
    ]
    return sorted(idx, key=lambda i: view.names[i].first)


_TOWARDS = frozenset("for to pour vers zu para hacia per verso".split())


def _destination(view: SentenceView, first: int) -> bool:
    """ "to leave for Intel", "part pour Stellantis": where the leaver goes, not who leaves."""
    return first > 0 and view.sent.tokens[first - 1].low in _TOWARDS


def _with_coordinated(view: SentenceView, i: int) -> list[int]:
    """A name plus any joined to it by "and"/"et"/"und"/"y"/"e" (either side)."""
    out = [i]
    toks = view.sent.tokens
    for j, other in enumerate(view.names):
        if j == i:
            continue
        lo, hi = (
            (view.names[i], other) if other.first > view.names[i].last else (other, view.names[i])
        )
        gap = toks[lo.last + 1 : hi.first]
        lone = other.first == other.last and view.full_names[j] is None
        if gap and gap[0].text.lower() in COORD_WORDS and not lone and _title_only(view, lo, hi):
            out.append(j)
    return sorted(out)


def _subject(view: SentenceView, cue: Cue) -> list[int]:
    """The sentence's opening name when a long apposition separates it from the verb
    ("Gil West, a former COO at Delta who most recently ran ..., will replace him")."""
    if not view.names or view.names[0].first > 1 or view.names[0].last >= cue.first:
        return []
    toks, text = view.sent.tokens, view.sent.text
    after_name = text[toks[view.names[0].last].end : toks[view.names[0].last].end + 1]
    before_cue = text[: toks[cue.first].start].rstrip().endswith(",") or any(
        text[toks[k].end : toks[k + 1].start] == ", " for k in range(cue.first - 3, cue.first - 1)
    )
    return [0] if after_name == "," and before_cue else []


def _title_only(view: SentenceView, lo: Name, hi: Name) -> bool:
    """Between two names only "and", plus perhaps the second one's title ("X and chief
    commercial officer Y")."""
    start = lo.last + 2
    if start == hi.first:
        return True
    return any(r.first == start and r.last == hi.first - 1 for r in view.roles)


def _owner_of_role(view: SentenceView, i: int) -> bool:
    """ "primer ejecutivo de Reckitt": the name owns a role (the raw role table's, as
    roles of other organisations are dropped from ``view.roles``)."""
    first = view.names[i].first
    toks = view.sent.tokens
    if first < 2 or toks[first - 1].low not in _OWNER_PREPS:
        return False
    end = toks[first - 2].end
    return any(
        tag != "none" and stop == end
        for tag, _s, stop in LEXICONS[view.lang].roles.scan(view.sent.folded)
    )


def people_for(
    view: SentenceView, cue: Cue, where: str, gone: frozenset[int] = frozenset()
) -> list[int]:
    """Names for a cue: full names first; a lone surname only when no full name is near.
    Names in ``gone`` (predecessors of a succession) are skipped."""
    for resolved_only in (True, False):
        found = _people_among(view, cue, where, resolved_only, gone)
        if found:
            return found
    return []


def _people_among(
    view: SentenceView, cue: Cue, where: str, resolved_only: bool, gone: frozenset[int]
) -> list[int]:
    def usable(i: int) -> bool:
        if where in {"B", "P"} and _owner_of_role(view, i):
            return False  # "CEO of Reckitt, who will take over from Y": not a person
        return i not in gone and view.usable_name(i, resolved_only)

    before = [i for i in _names_before(view, cue.first) if usable(i)]
    if not before and where in {"B", "b"}:
        before = [i for i in _subject(view, cue) if usable(i)]
    after = [i for i in _names_after(view, cue) if usable(i)]
    if where == "A":
        pick = after
    elif where == "B":
        pick = before
    elif where == "P":  # verb-final "X soll Y nachfolgen": X is the name before Y
        pick = before[1:]
    elif where == "a":
        pick = after or before
    elif where == "b":
        pick = before or after
    elif gone and any(i in gone for i in _names_before(view, cue.first)):
        pick = before or after  # "hat X zum Nachfolger von Y bestimmt; ...": X, not later
    else:
        pick = _nearest(view, cue, before, after)
    return _with_coordinated(view, pick[0]) if pick else []


def _nearest(view: SentenceView, cue: Cue, before: list[int], after: list[int]) -> list[int]:
    """Names by distance to the cue, either side; on a tie the object (after the verb) wins."""
    return sorted(
        before + after,
        key=lambda i: (
            min(abs(view.names[i].last - cue.first), abs(view.names[i].first - cue.last)),
            _across_punctuation(view, i, cue),
            i in before,
        ),
    )


def _across_punctuation(view: SentenceView, i: int, cue: Cue) -> bool:
    """A comma or colon between the name and the cue: "X évincé, Y assure l'intérim"."""
    toks, name = view.sent.tokens, view.names[i]
    lo, hi = (name.last, cue.first) if name.last < cue.first else (cue.last, name.first)
    return any(p in view.sent.text[toks[lo].end : toks[hi].start] for p in ",;:")
