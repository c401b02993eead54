"""Turn the cues of one ``SentenceView`` into ``Candidate`` events."""

from __future__ import annotations

from tracker.domain import Certainty, EventType, Reason, Role
from tracker.pipeline.extract_cases import (
    already_holds,
    committee_subject,
    external_body,
    foreign_board,
    government_posts,
    interim_end,
    joins_other,
    org_agent,
    recalled_exit,
)
from tracker.pipeline.extract_more import (
    also_named,
    joined_elsewhere,
    make_candidate,
    poached,
    task_object,
)
from tracker.pipeline.extract_pick import (
    interim_role,
    pick_role,
    role_owner,
    verbless,
)
from tracker.pipeline.extract_roles import RoleSpan
from tracker.pipeline.extract_sentence import Candidate, Cue, SentenceView, is_passive
from tracker.pipeline.extract_who import people_for

_SUCCESSION = frozenset({"succ", "succby", "succvf", "inplace"})
_RELATIVE = frozenset("der die who which qui que lequel laquelle quien cual che quale".split())


def _direction(view: SentenceView, cue: Cue, default: str) -> str:
    if default != "a":
        return default
    if is_passive(view.sent, cue):
        return "b"
    agent = view.sent.tokens[cue.first - 1] if cue.first > 0 else None
    return "a" if agent is None or not agent.is_cap or _in_mention(view, cue.first - 1) else "n"


def _in_mention(view: SentenceView, tok: int) -> bool:
    start = view.sent.tokens[tok].start
    return any(m.start <= start < m.end for m in view.mentions)


def cue_candidates(view: SentenceView, main: str | None) -> list[Candidate]:
    """Candidates for every event cue of the sentence."""
    out: list[Candidate] = []
    has_app = any(c.tag.startswith(("app", "succ", "newafter")) for c in view.cues)
    # "name X as successor to Y": every appointment here takes over Y's role.
    swap = any(c.tag.startswith(("succ", "inplace", "newafter")) for c in view.cues)
    skipped = _skipped(view)
    gone = _predecessors(view, has_app, skipped)
    for cue in view.cues:
        company, here = view.company_at(cue.first, main)
        if id(cue) in skipped:
            out += poached(view, cue, main)
            continue
        if company is None:
            continue
        parts = cue.tag.split(":")
        for etype, where, reason, strength in _plan(parts[0], parts, view, cue, has_app):
            if len(parts) > 2 and parts[-1] == "weak" and not view.role_after(cue):
                continue
            people = people_for(view, cue, where, _gone_for(etype, parts[0], gone)) if where else []
            if etype is EventType.DEPARTURE and where == "A" and _recalled(view, people):
                continue  # "succeeds X, who left in March": background
            span = _role_for(view, cue, parts[0], etype, where)
            if etype is EventType.APPOINTMENT and already_holds(view, people, span):
                continue  # "Chairman Larry Probst will become executive chairman"
            owner = role_owner(view, span)
            cand = make_candidate(
                view,
                cue,
                owner or company,
                etype,
                role=span.role if span else None,
                reason=reason,
                people=people,
                strength=strength,
                here=here,
            )
            cand.interim = cand.interim or (
                etype is EventType.APPOINTMENT and interim_role(view, span)
            )
            if parts[0] in _SUCCESSION and etype is EventType.APPOINTMENT:
                cand.interim = _successor_interim(view, cue, span)
            # "X tritt zurück, Y übernimmt": a bare take-over takes the vacated role
            bare = span is None and etype is EventType.APPOINTMENT and _bare_take_over(view, cue)
            # "will run the food maker again": a return names no role, it takes the vacated one
            back = etype is EventType.REINSTATEMENT and (span is None or span.role is None)
            _mark(cand, view, parts[0], swap or bare or back or bool(span and span.role is None))
            out.append(cand)
            if etype is EventType.APPOINTMENT and people:
                out += also_named(view, cue, people[-1], cand)
    return _predecessors_not_appointed(out)


def _predecessors(view: SentenceView, has_app: bool, skipped: set[int]) -> frozenset[int]:
    """Names leaving in a succession of the sentence ("hat X zum Nachfolger von Y
    bestimmt"): no appointment verb picks them, so it finds the successor instead."""
    out: set[int] = set()
    for cue in view.cues:
        parts = cue.tag.split(":")
        if parts[0] not in _SUCCESSION or id(cue) in skipped:
            continue
        for etype, where, _reason, _strength in _plan(parts[0], parts, view, cue, has_app):
            if etype is EventType.DEPARTURE and where:
                out.update(i for i in people_for(view, cue, where) if _next_to(view, i, cue))
    return frozenset(out)


def _next_to(view: SentenceView, i: int, cue: Cue) -> bool:
    """A predecessor written as the cue's object ("Nachfolger von Konzernchef Y"), not
    a name further on that the cue only reaches ("succeeds him ..., and Z becomes")."""
    name = view.names[i]
    return -3 <= name.first - cue.last <= 3 or 0 <= cue.first - name.last <= 3


def _gone_for(etype: EventType, kind: str, gone: frozenset[int]) -> frozenset[int]:
    """Predecessors to skip: for appointments, except a verb-final succession's, which
    places its successor by position ("X soll Y nachfolgen")."""
    return gone if etype is EventType.APPOINTMENT and kind != "succvf" else frozenset()


def _predecessors_not_appointed(cands: list[Candidate]) -> list[Candidate]:
    """ "zum Nachfolger von Max Pohl ernennen": the predecessor is nobody's appointee."""
    gone = {
        p
        for c in cands
        if c.type is EventType.DEPARTURE and "succession" in c.extra
        for p in c.people
    }
    for cand in cands:
        if cand.type is EventType.APPOINTMENT and gone:
            cand.people = [p for p in cand.people if p not in gone]
    return cands


def _bare_take_over(view: SentenceView, cue: Cue) -> bool:
    """A take-over verb with no object: "Y übernimmt." or "Y takes over," next to an
    exit, or "Y will take over on an interim basis" (the vacated post, for a while)."""
    text = view.sent.text
    after = text[view.sent.tokens[cue.last].end :].lstrip(" ")
    if any(1 <= t - cue.last <= 3 for t in view.interim_tokens):
        return True
    return (not after or after[0] in ".,;:") and any(c.tag.startswith("dep") for c in view.cues)


def _recalled(view: SentenceView, people: list[int]) -> bool:
    return bool(people) and recalled_exit(view, people[0])


def _mark(cand: Candidate, view: SentenceView, kind: str, succession: bool) -> None:
    """Flags read when merging: role shared with the other side, division, move, iend."""
    if succession:
        cand.extra["succession"] = "1"
    if view.dropped_role:
        cand.extra["division"] = "1"
    if kind in {"move", "iend"} and cand.type is EventType.DEPARTURE:
        cand.extra[kind] = "1"


def _skipped(view: SentenceView) -> set[int]:
    """Ids of cues that are no event; after an unwatched organisation's appointment verb
    ("Rival Kestrel named X to succeed Y") the rest of the sentence is about it too,
    up to the next watched company."""
    out = government_posts(view)
    agent_at: int | None = None
    for cue in view.cues:
        parts = cue.tag.split(":")
        if agent_at is not None and not any(
            agent_at < view.sent.token_at(m.start) < cue.first
            for m in view.mentions
            if not m.descriptor
        ):
            out.add(id(cue))
            continue
        agent_at = None
        if _skip(view, cue, parts[0], parts):
            out.add(id(cue))
            if parts[0] == "app" and parts[1] != "b":
                agent_at = cue.first
    return out


def _skip(view: SentenceView, cue: Cue, kind: str, parts: list[str]) -> bool:
    """Cues that are no event here (see ``extract_cases``)."""
    if kind == "iend":
        return not interim_end(view, cue)[0]
    if kind != "app":
        return False
    if external_body(view, cue.last):
        return True  # "appointed to an advisory council", "asume la negociación"
    if parts[1] == "b":
        return joins_other(view, cue) or committee_subject(view, cue) or task_object(view, cue)
    return not is_passive(view.sent, cue) and org_agent(view, cue)


def _role_for(
    view: SentenceView, cue: Cue, kind: str, etype: EventType, where: str
) -> RoleSpan | None:
    if kind == "iend":
        return interim_end(view, cue)[1] or RoleSpan(None, cue.first, cue.last, False)
    if kind == "move" and etype is EventType.DEPARTURE:
        return None
    span = pick_role(view, cue, etype is not EventType.DEPARTURE, where)
    if span and kind in _SUCCESSION and _in_relative_clause(view, cue, span):
        return None  # "... Franz, der an die Spitze von Roche wechselt": his next post
    return span


def _successor_interim(view: SentenceView, cue: Cue, span: RoleSpan | None) -> bool:
    """ "X succède à Y comme DG par intérim": the successor's role is interim; not in
    "X takes over from Y, the interim CEO" (the predecessor's apposition)."""
    if any(0 <= cue.first - t <= 8 for t in view.interim_tokens):
        return True
    toks, text = view.sent.tokens, view.sent.text
    if span is None or span.first <= cue.last:
        return interim_role(view, span)
    comma = "," in text[toks[cue.last].end : toks[span.first].start]
    return not comma and interim_role(view, span)


def _in_relative_clause(view: SentenceView, cue: Cue, span: RoleSpan) -> bool:
    """A role after a comma and a relative pronoun that follow the cue."""
    toks, text = view.sent.tokens, view.sent.text
    return any(
        "," in text[toks[i].end : toks[i + 1].start] and toks[i + 1].low in _RELATIVE
        for i in range(cue.last, span.first - 1)
    )


def _plan(
    kind: str, parts: list[str], view: SentenceView, cue: Cue, has_app: bool
) -> list[tuple[EventType, str, Reason | None, float]]:
    dep, app = EventType.DEPARTURE, EventType.APPOINTMENT
    if kind == "inplace" and not has_app:
        if verbless(view, cue):
            return [(app, "B", None, 0.7), (dep, "A", Reason.UNSPECIFIED, 0.7)]
        if view.certainty is Certainty.RUMORED:  # "talks with successors for X"
            return [(dep, "A", Reason.UNSPECIFIED, 0.6)]
        return []
    if kind == "iend":
        return [(dep, "b", Reason.UNSPECIFIED, 0.7)]
    if kind == "move":
        return [(app, "b", None, 0.75), (dep, "b", Reason.UNSPECIFIED, 0.7)]
    if kind == "dep":
        strength = 0.65 if parts[2] == "n" else 0.8
        return [(dep, _direction(view, cue, parts[2]), Reason(parts[1]), strength)]
    if kind == "app":
        return [(app, _direction(view, cue, parts[1]), None, 0.6 if "weak" in parts else 0.8)]
    if kind == "rein":
        return [(EventType.REINSTATEMENT, "b", None, 0.75)]
    if kind == "succ":
        return [(app, "B", None, 0.8), (dep, "A", Reason.UNSPECIFIED, 0.7)]
    if kind == "succvf":
        return [(app, "P", None, 0.8), (dep, "B", Reason.UNSPECIFIED, 0.7)]
    if kind == "succby":
        return [(dep, "B", Reason.UNSPECIFIED, 0.75), (app, "A", None, 0.75)]
    if kind == "inplace":
        return [(dep, "A", Reason.UNSPECIFIED, 0.7)]
    if kind == "newafter":  # "newafter:n": "bestellte X zum Nachfolger", either side
        return [(app, "n" if parts[-1] == "n" else "A", None, 0.7)]
    return []


def board_candidates(view: SentenceView, main: str | None) -> list[Candidate]:
    """One candidate per board cue: directors joining or leaving, or an overhaul."""
    out: list[Candidate] = []
    for cue in view.board:
        company, here = view.company_at(cue.last, main)
        if company is None or foreign_board(view, cue) or joined_elsewhere(view, cue):
            continue
        last_word = view.sent.tokens[cue.last].text.lower()
        where = "a" if last_word in {"de", "of", "di", "von", "by"} else "b"
        people = [] if cue.tag == "bover" else people_for(view, cue, where)
        if cue.tag != "bover" and not people:
            continue  # "must first be elected a director": nobody named joins or leaves
        leave = cue.tag.startswith("bleave")
        out.append(
            make_candidate(
                view,
                cue,
                company,
                EventType.BOARD_CHANGE,
                role=Role.DIRECTOR,
                reason=Reason(cue.tag.split(":")[1]) if leave else None,
                people=people,
                strength=0.7,
                here=here,
            )
        )
    return out
