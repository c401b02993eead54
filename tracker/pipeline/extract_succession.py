"""Item-level rules for successions and the role an event ends up with.

Both sides of "A replaces B" share one role; a modal on the predecessor's side of a
firmly reported succession is future tense, not rumour.
"""

from __future__ import annotations

from collections.abc import Mapping

from tracker.domain import Certainty, EventType, Role
from tracker.pipeline.extract_rules import LEXICONS
from tracker.pipeline.extract_sentence import Candidate
from tracker.pipeline.text import fold


def succession_roles(candidates: list[Candidate], roles_of: Mapping[str, Role]) -> None:
    """Both sides of "A replaces B" share a role: fill the side that names none.

    The other side's role in the same sentence wins ("X steps down as chairman and
    the board elected Y to succeed him"); else the item's. A sentence about a
    division ("head of the airplanes unit ... replaced by Z") fills nothing.
    """
    known: dict[tuple[str, EventType, int], Role] = {}
    for cand in candidates:
        role = final_role(cand, roles_of)
        if role not in {None, Role.DIRECTOR} and cand.type is not EventType.BOARD_CHANGE:
            side = EventType.APPOINTMENT if cand.type is EventType.REINSTATEMENT else cand.type
            known.setdefault((cand.company, side, cand.sentence), role)
            known.setdefault((cand.company, side, -1), role)
    for cand in candidates:
        if "succession" not in cand.extra or final_role(cand, roles_of) not in {
            None,
            Role.DIRECTOR,
        }:
            continue
        if "division" in cand.extra:
            cand.role = None
            continue
        incoming = cand.type in {EventType.APPOINTMENT, EventType.REINSTATEMENT}
        other = EventType.DEPARTURE if incoming else EventType.APPOINTMENT
        cand.role = known.get((cand.company, other, cand.sentence)) or known.get(
            (cand.company, other, -1)
        )


def firm_predecessors(candidates: list[Candidate], lang: str, roles: Mapping[str, Role]) -> None:
    """ "Der Aufsichtsrat hat X zum Chef bestimmt. Er soll die Nachfolge von Y antreten":
    a modal ("soll") on the predecessor's side of a firmly reported succession is future
    tense, not rumour."""
    lex = LEXICONS[lang]
    firm = {
        (c.company, final_role(c, roles))
        for c in candidates
        if c.type is EventType.APPOINTMENT and c.certainty is Certainty.REPORTED and c.people
    }
    for cand in candidates:
        if (
            cand.type is EventType.DEPARTURE
            and cand.certainty is Certainty.RUMORED
            and "succession" in cand.extra
            and (cand.company, final_role(cand, roles)) in firm
            and all(m.group() in lex.modal for m in lex.rumor.finditer(fold(cand.evidence)))
        ):
            cand.certainty = Certainty.REPORTED


def final_role(cand: Candidate, roles_of: Mapping[str, Role]) -> Role | None:
    if cand.type is EventType.BOARD_CHANGE:
        return Role.DIRECTOR
    if cand.type in {EventType.APPOINTMENT, EventType.REINSTATEMENT} and not cand.people:
        return None  # "a successor is sought": nobody is appointed yet
    role = cand.role
    if role is None and cand.type is not EventType.APPOINTMENT:
        role = next((roles_of[fold(p)] for p in cand.people if fold(p) in roles_of), None)
    if role is None and "move" in cand.extra:
        role = Role.CEO  # "X passe à la présidence": usually from the chief executive post
    return role
