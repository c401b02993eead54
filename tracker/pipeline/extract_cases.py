"""Sentence-level checks that decide whether a cue is an event at all.

- ``interim_end``: "Interim co-CEO X will stay on as CFO", "X, che ha ricoperto il
  ruolo ad interim, resterà presidente", "Y seguirá como consejera delegada interina
  hasta entonces": an interim holder leaves the interim role once a permanent
  holder is named. Without an interim mark nearby, "remains" is no event.
- ``org_agent``: "Fiat Chrysler separately named X", "Plenitude nomina": the
  subject of an active appointment verb is the appointing organisation; when it
  is not a watched company, the appointment is at some other organisation.
- ``joins_other``: "X joins faith-tech firm Gloo as chair": the appointment is
  at the organisation joined, not at a watched company named elsewhere.
- ``other_topic``: "Gucci : X quitte la direction générale": the headline is about an
  unwatched organisation, so its cues do not fall back to the item's company.
- ``already_holds``: "Chairman X will become executive chairman": no appointment.
- ``government_posts``: "fires X as secretary of state": a post outside any company.
- ``foreign_board``: "joins Google's board": another organisation's board.
- ``committee_subject``: "a committee chaired by X will run the group": no one person.
- ``recalled_exit``: "succeeds Dave Calhoun, who announced in March that he would
  leave", "succéder à Carlos Tavares, parti en décembre": the predecessor's exit
  is background.
"""

from __future__ import annotations

from tracker.pipeline.extract_clauses import former
from tracker.pipeline.extract_pick import pick_role
from tracker.pipeline.extract_roles import RoleSpan
from tracker.pipeline.extract_sentence import Cue, SentenceView
from tracker.pipeline.lexicon.common import AS_WORDS, BY_WORDS, EXTERNAL_BODIES

_UNTIL_THEN = (
    "until then",
    "hasta entonces",
    "jusque-la",
    "jusqu'alors",
    "bis dahin",
    "fino ad allora",
    "fino a quel momento",
)
_PARTICIPLE = ("ed", "é", "ée", "és", "ées", "ato", "ata", "ati", "ado", "ada", "ados", "t")
_COMMITTEE = frozenset("committee comite comitato komitee ausschuss comision gremium".split())
_AUX = frozenset("has have had a ha hat has been".split())
_JOIN = ("join", "rejoin", "se incorpora", "entra in", "wechselt zu", "rejoint", "rejoindr")
_ARTICLES = frozenset("the a an le la les un une der die das den el los il lo".split())


def interim_end(view: SentenceView, cue: Cue) -> tuple[bool, RoleSpan | None]:
    """(is an interim ending, the interim role when written next to the interim mark)."""
    toks = view.sent.tokens
    marks = [
        t
        for t in view.interim_tokens
        if not any(x.low in _COMMITTEE for x in toks[max(0, t - 2) : t + 3])
    ]  # "comité exécutif intérimaire": an interim committee, not an interim role
    before = [t for t in marks if 0 < cue.first - t <= 10]
    after = [t for t in marks if 0 <= t - cue.last <= 6]
    if before and not after:
        mark = max(before)
        near = [
            r
            for r in view.roles
            if r.role is not None and abs(r.first - mark) <= 3 and r.last < cue.first
        ]  # the interim role, not the one returned to after the verb
        return True, (near[0] if near else None)
    if after and any(p in view.sent.folded for p in _UNTIL_THEN):
        near = [r for r in view.roles if r.role is not None and 0 <= r.first - cue.last <= 6]
        return True, (near[0] if near else None)
    return False, None


def org_agent(view: SentenceView, cue: Cue) -> bool:
    """The subject right before an active appointment verb is an unwatched organisation.

    A watched company named after the verb keeps the event there. Only a finite
    verb ("names", "nomina", "ernennt"), or a past form with its object right after
    it ("named Mike Manley"), is active: "X nommé directeur", "CFO Tim Morse named
    interim chief" are headline passives.
    """
    toks = view.sent.tokens
    rest = view.sent.text[toks[cue.last].end :].lstrip(" ")
    if not rest or rest[0] in ".,;:":
        return False  # verb-final ("... zum Nachfolger ernennen."): no subject right before it
    k = cue.first - 1
    while k >= 0 and (toks[k].low in _AUX or toks[k].low.endswith("ly")) and cue.first - k <= 2:
        k -= 1
    if k < 0 or not toks[k].is_cap or view.sent.text[toks[k].end : toks[cue.first].start].strip():
        return False
    word = toks[cue.first].text.lower()
    if word.endswith(_PARTICIPLE) and not any(0 < n.first - cue.last <= 2 for n in view.names):
        return False
    if any(
        m.start > toks[cue.last].end and not m.descriptor and not former(view.sent, m)
        for m in view.mentions
    ):
        return False  # "Musk names X as Twitter CEO": the watched company is the object
    for i, name in enumerate(view.names):
        if name.last == k and name.first not in view.person_tokens:
            view.org_names.add(i)
            return True
    return False


def committee_subject(view: SentenceView, cue: Cue) -> bool:
    """ "An interim executive committee chaired by X will run the group": a committee,
    not a person, takes over. The committee is the subject when it comes shortly
    before the verb and any name between is its chair ("chaired by X"); not in "The
    audit committee said Jane Doe takes over"."""
    toks, text = view.sent.tokens, view.sent.text
    names = {n.first: n for n in view.names}
    k = cue.first - 1
    while k >= max(0, cue.first - 10) and text[toks[k].end : toks[k].end + 1] not in ",;:":
        if toks[k].low in _COMMITTEE:
            return all(
                any(t.low in BY_WORDS for t in toks[max(0, n.first - 2) : n.first])
                for first, n in names.items()
                if k < first < cue.first
            )
        k -= 1
    return False


def joins_other(view: SentenceView, cue: Cue) -> bool:
    """ "joins Gloo as executive chair": the first capitalised word joined is no watched firm."""
    if not view.sent.folded[view.sent.tokens[cue.first].start :].startswith(_JOIN):
        return False
    toks = view.sent.tokens
    for k in range(cue.last + 1, min(len(toks), cue.last + 5)):
        tok = toks[k]
        if tok.low in AS_WORDS:
            return False
        if not tok.is_cap or tok.low in _ARTICLES:
            continue
        if any(m.start <= tok.start < m.end for m in view.mentions):
            return False
        return not any(r.first <= k <= r.last for r in view.roles)
    return False


def recalled_exit(view: SentenceView, person: int) -> bool:
    """The person's name is followed by a past-dated clause recalling their exit."""
    last = view.names[person].last
    return any(first in {last + 1, last + 2} for first, _ in view.past_exits)


def other_topic(title: SentenceView) -> bool:
    """ "Disneyland Paris : X nommée présidente", "Gucci, X sarà il nuovo ad": the
    headline's topic is an unwatched organisation (capitalised words before the
    colon, or before a comma followed by a full name, that are no watched company and
    no person known to the item), so its cues do not fall back to the item's company."""
    text = title.sent.text
    colon = text.find(":")
    sep = colon if colon > 0 else text.find(",")
    if sep <= 0 or (title.mentions and title.mentions[0].start < sep):
        return False
    prefix = [i for i, t in enumerate(title.sent.tokens) if t.end <= sep]
    if not prefix or len(prefix) > 3 or not all(title.sent.tokens[i].is_cap for i in prefix):
        return False
    if colon <= 0 and not any(n.first == prefix[-1] + 1 and n.last > n.first for n in title.names):
        return False  # "Stumpf, CEO of X, resigns": a comma alone needs "Org, Full Name"
    return not any(
        n.first <= i <= n.last and (n.last > n.first or title.full_names[k] is not None)
        for k, n in enumerate(title.names)
        for i in prefix
    )


# Words before a title that say it is not yet (or not solely) held.
_NOT_HELD = frozenset(
    "interim acting new incoming designate designated elect future nouveau nouvelle "
    "futur entrant designe neuer neue designierte designierter kunftige kunftiger nuevo "
    "nueva futuro designado nuovo nuova designato".split()
)


def already_holds(view: SentenceView, people: list[int], span: RoleSpan | None) -> bool:
    """Every appointee is introduced by the very title given ("Chairman X becomes
    executive chairman"), not an interim one ("Interim CEO X named CEO")."""
    if span is None or span.role is None or not people:
        return False
    toks = view.sent.tokens
    titles = {
        r.last + 1: r.role
        for r in view.roles
        if r.apposition
        and r is not span
        and not (r.first > 0 and toks[r.first - 1].low in _NOT_HELD)
        and not toks[r.first].low.startswith("co")  # "co-CEO X becomes sole CEO"
    }
    new_title = _span_text(view, span)
    return all(
        titles.get(view.names[i].first) is span.role
        and _held_title(view, view.names[i].first) in new_title
        for i in people
    )


def _span_text(view: SentenceView, span: RoleSpan) -> str:
    toks = view.sent.tokens
    return view.sent.folded[toks[span.first].start : toks[span.last].end]


def _held_title(view: SentenceView, name_first: int) -> str:
    """The folded title written right before a name ("chairman" in "Chairman X")."""
    span = next(r for r in view.roles if r.apposition and r.last + 1 == name_first)
    return _span_text(view, span)


def government_posts(view: SentenceView) -> set[int]:
    """ "fires Tillerson as secretary of state, names Pompeo": a cue whose post, written
    "as <post>" right after it, is outside any company is no company event, nor is a
    roleless cue within a few tokens of that post. "Quits to become ambassador" is
    still an exit from the company."""
    toks = view.sent.tokens
    posts = [(a, b) for a, b in view.gov if a > 0 and toks[a - 1].low in AS_WORDS]
    near = {id(c) for c in view.cues if any(0 <= a - c.last <= 5 for a, _ in posts)}
    if not near:
        return set()
    return near | {
        id(c)
        for c in view.cues
        if any(-6 <= c.first - b <= 6 for _, b in posts)
        and pick_role(view, c, c.tag.startswith("app"), "a") is None
    }


_BOARD_WORDS = frozenset(
    "directors trustees governors management supervisors administration direction "
    "surveillance".split()
)


_INDEFINITE = frozenset("eines einer a an d'un d'une un una".split())


def external_body(view: SentenceView, last: int) -> bool:
    """An advisory council, a foundation, a task force... within a few words after a
    cue: the seat or task is outside the company's management."""
    toks = view.sent.tokens
    if last + 1 >= len(toks):
        return False
    end = toks[min(len(toks) - 1, last + 8)].end
    ahead = view.sent.folded[toks[last + 1].start : end]
    return any(body in ahead for body in EXTERNAL_BODIES)


def foreign_board(view: SentenceView, cue: Cue) -> bool:
    """ "joins Google's board", "elected to the board of Google": another firm's board."""
    toks, text = view.sent.tokens, view.sent.text
    for k in range(max(1, cue.first - 2), cue.last + 1):
        tok = toks[k]
        if tok.is_cap and text[tok.end : tok.end + 2] in {"'s", "’s"}:
            return not any(m.start <= tok.start < m.end for m in view.mentions)
    if external_body(view, cue.last):
        return True  # "administrateur de la fondation d'un hôpital"
    k = cue.last + 1
    if k < len(toks) and toks[k].low in _INDEFINITE:
        return True  # "in den Verwaltungsrat eines Schweizer Händlers"
    if k + 1 < len(toks) and toks[k].low in {"of", "de", "du", "von", "di", "del"}:
        owner = toks[k + 1]
        named = any(m.start <= owner.start < m.end for m in view.mentions)
        return owner.is_cap and not named and owner.low not in _BOARD_WORDS
    return False
