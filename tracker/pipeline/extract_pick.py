"""Which role phrase of a sentence a cue's event is about."""

from __future__ import annotations

from tracker.domain import Role
from tracker.pipeline.extract_roles import RoleSpan
from tracker.pipeline.extract_sentence import Cue, SentenceView
from tracker.pipeline.lexicon.common import AS_WORDS

_ROLE_WINDOW = 10


def pick_role(view: SentenceView, cue: Cue, appointment: bool, where: str) -> RoleSpan | None:
    """A real role if one fits, else "the post" (the role vacated in the same item)."""
    real = [r for r in view.roles if r.role is not None]
    return _pick(real, view, cue, appointment, where) or _pick(
        view.roles, view, cue, appointment, where
    )


def _pick(
    spans: list[RoleSpan], view: SentenceView, cue: Cue, appointment: bool, where: str
) -> RoleSpan | None:
    """The role inside or after the cue (within 6 tokens), else the nearest one.

    For appointments a role written right before a name ("director Meg Whitman")
    is the person's current role, and a role far before the cue belongs to the
    subject's description, so only roles up to 3 tokens before count.
    """
    # "becomes lead independent director": for an exit, the new title is not the role left
    spans = [
        r
        for r in spans
        if appointment or r.role is not Role.DIRECTOR or not cue.first <= r.first <= cue.last
    ]
    usable = [r for r in spans if not (appointment and r.apposition) and _same_part(view, r, cue)]
    # The person is before the cue: a name's title after it is another's. Not when the
    # subject follows the verb ("Lasciano il gruppo l'ad X"): no name comes before.
    subject_first = any(n.last < cue.first for n in view.names)
    if where in {"B", "b"} and subject_first:
        usable = [r for r in usable if not (r.apposition and r.first > cue.last)]
    inside = [r for r in spans if cue.first <= r.first <= cue.last]
    if inside:
        return inside[0]
    after = [r for r in usable if 0 <= r.first - cue.last <= 6 and not r.apposition]
    if appointment and not after:  # "named director X, a former ..., as chairman"
        after = [r for r in usable if r.first > cue.last and _after_as(view, r)]
    if after:
        return min(after, key=lambda r: r.first)
    if appointment:
        usable = [r for r in usable if r.last > cue.first or _same_clause(view, r.last, cue.first)]
    window = 3 if appointment else _ROLE_WINDOW
    near = [r for r in usable if _dist(r, cue) <= (window if r.last < cue.first else _ROLE_WINDOW)]
    return min(near, key=lambda r: _dist(r, cue)) if near else None


def _after_as(view: SentenceView, r: RoleSpan) -> bool:
    """A role introduced by "as" ("... as chairman"): the post the appointee takes."""
    toks = view.sent.tokens
    return any(k >= 0 and toks[k].low in AS_WORDS for k in (r.first - 1, r.first - 2))


def _same_part(view: SentenceView, r: RoleSpan, cue: Cue) -> bool:
    """No ";" between a role and the cue: "X succede a Y; Z presidente"."""
    toks = view.sent.tokens
    lo, hi = (r.last, cue.first) if r.last < cue.first else (cue.last, r.first)
    return ";" not in view.sent.text[toks[lo].end : toks[hi].start]


def _same_clause(view: SentenceView, left: int, right: int) -> bool:
    toks = view.sent.tokens
    return "," not in view.sent.text[toks[left].end : toks[right].start]


def _dist(r: RoleSpan, cue: Cue) -> int:
    return min(abs(r.first - cue.last), abs(r.last - cue.first))


_OWNER_PREPS = frozenset("of at de d du des von bei der di del della dell".split())


def role_owner(view: SentenceView, role: RoleSpan | None) -> str | None:
    """The watched company written as the role's owner ("président exécutif de Telecom
    Italia", "presidente di Lumetra"): the change happens there, whatever the
    headline's topic or the nearest other mention."""
    if role is None or role.role is None:
        return None
    toks = view.sent.tokens
    k = role.last + 1
    if k >= len(toks) or toks[k].low not in _OWNER_PREPS:
        return None
    k += 1
    while k < len(toks) and not toks[k].is_cap and k - role.last <= 3:
        k += 1  # an article: "del gruppo", "de la"
    if k >= len(toks):
        return None
    start = toks[k].start
    owner = next((m for m in view.mentions if m.start <= start < m.end), None)
    if owner is None or owner.subsidiary:
        return None  # a descriptor counts: the role picked for the cue is the one taken
    return owner.company


def interim_role(view: SentenceView, role: RoleSpan | None) -> bool:
    """ "als kommissarischer Vorstandsvorsitzender": an interim mark on the role itself,
    however far the role is from the verb."""
    return role is not None and any(
        role.first - 2 <= t <= role.last + 2 for t in view.interim_tokens
    )


def verbless(view: SentenceView, cue: Cue) -> bool:
    """ "Zafarana presidente al posto di Calvosa": name, role, then the "in place of" cue."""
    role = next((r for r in view.roles if r.role is not None and 0 < cue.first - r.last <= 1), None)
    if role is None:
        return False
    return any(0 < role.first - n.last <= 1 for n in view.names)
