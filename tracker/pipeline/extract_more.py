"""Changes read beside a cue's own event, and the candidate record itself.

"named X as chief executive and Y as non-executive chairman" gives one more
appointment; "X, Qualcomm's CFO, will join Intel" is an exit from the watched firm
whose title X holds; "X will join Hallow as a director" puts no seat here; "asume
la negociación" takes over a task, not a post.
"""

from __future__ import annotations

from tracker.domain import EventType, Reason, Role
from tracker.pipeline.extract_cases import joins_other
from tracker.pipeline.extract_clauses import former
from tracker.pipeline.extract_pick import interim_role
from tracker.pipeline.extract_sentence import Candidate, Cue, SentenceView
from tracker.pipeline.extract_who import people_for
from tracker.pipeline.lexicon.common import AS_WORDS, COORD_WORDS

_BOARD_SEATS = frozenset(
    "board director non-executive conseil administrateur administratrice aufsichtsrat "
    "verwaltungsrat consejo consejero consejera consiglio consigliere".split()
)


def also_named(view: SentenceView, cue: Cue, last: int, first: Candidate) -> list[Candidate]:
    """ "named X as chief executive and independent director Y as non-executive
    chairman": each later "and [title] Name as <role>" is one more appointment."""
    toks = view.sent.tokens
    out: list[Candidate] = []
    for i in range(last + 1, len(view.names)):
        name = view.names[i]
        gap = [t.low for t in toks[view.names[i - 1].last + 1 : name.first]]
        joins = [k for k, w in enumerate(gap) if w in COORD_WORDS]
        if not joins or len(gap) - joins[-1] - 1 > 3:
            break  # "X as CEO and [independent director] Y": at most a title after "and"
        role = next(
            (r for r in view.roles if 1 <= r.first - name.last <= 3 and r.role is not None),
            None,
        )
        if role is None or toks[role.first - 1].low not in AS_WORDS:
            break
        cand = make_candidate(
            view,
            cue,
            first.company,
            EventType.APPOINTMENT,
            role=role.role,
            reason=None,
            people=[i],
            strength=first.strength,
            here=first.same_sentence_company,
        )
        cand.interim = interim_role(view, role)
        out.append(cand)
    return out


def poached(view: SentenceView, cue: Cue, main: str | None) -> list[Candidate]:
    """ "George Davis, Qualcomm's chief financial officer, is in talks to join Intel":
    joining an unwatched firm is an exit from the watched one whose title the person
    holds in the sentence."""
    if not cue.tag.startswith("app:b") or not joins_other(view, cue):
        return []
    ahead = {t.low for t in view.sent.tokens[cue.last + 1 : cue.last + 8]}
    if ahead & _BOARD_SEATS:
        return []  # "joins Hallow's board": a seat elsewhere, not an exit
    people = people_for(view, cue, "B")
    held = [r for r in view.roles if r.last < cue.first and r.role not in {None, Role.DIRECTOR}]
    if not people or not held:
        return []  # "Former Intel chief X joins Gloo as chair": no title held now
    span = held[-1]
    before = view.sent.tokens[cue.first].start
    owners = [
        m.company
        for m in view.mentions
        if not m.subsidiary and m.start < before and not former(view.sent, m)
    ]
    company = owners[0] if owners else main
    if company is None:
        return []
    cand = make_candidate(
        view,
        cue,
        company,
        EventType.DEPARTURE,
        role=span.role,
        reason=Reason.UNSPECIFIED,
        people=people,
        strength=0.6,
        here=bool(owners),
    )
    return [cand]


_DETERMINERS = frozenset("the a an la le les el los las il lo die der das den une un".split())


def task_object(view: SentenceView, cue: Cue) -> bool:
    """ "asumirá personalmente la negociación": a take-over verb whose object (an article
    within two words) is no post: no role starts within three words after the verb."""
    toks = view.sent.tokens
    if cue.last > cue.first or view.lang == "de":
        return False  # a phrase ("prend la tête"): the post is in it; German puts it first
    objects = [
        k for k in range(cue.last + 1, min(len(toks), cue.last + 3)) if toks[k].low in _DETERMINERS
    ]
    if not objects:
        return False
    return not any(0 < r.first - cue.last <= 3 for r in view.roles)


def make_candidate(
    view: SentenceView,
    cue: Cue,
    company: str,
    etype: EventType,
    *,
    role: Role | None,
    reason: Reason | None,
    people: list[int],
    strength: float,
    here: bool,
) -> Candidate:
    names = [view.full_names[i] or view.names[i].text for i in people]
    interim = any(abs(t - cue.first) <= 8 for t in view.interim_tokens)
    return Candidate(
        company=company,
        type=etype,
        people=[n for n in names if n],
        role=role,
        certainty=view.certainty,
        interim=interim and etype is EventType.APPOINTMENT,
        reason=reason,
        sentence=view.sent.index,
        evidence=view.sent.text,
        strength=strength,
        same_sentence_company=here,
        surname_only=any(view.full_names[i] is None for i in people),
    )


def joined_elsewhere(view: SentenceView, board: Cue) -> bool:
    """ "X will join Hallow as a non-executive director": the seat is at the firm joined."""
    return any(
        c.tag.startswith("app:b") and 0 < board.first - c.last <= 6 and joins_other(view, c)
        for c in view.cues
    )
