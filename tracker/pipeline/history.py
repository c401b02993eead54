"""A company's history: leadership state folded from transitions, and its rendering.

Pure: data in, data out. State is never stored: it is folded from transitions
ordered by ``(occurred_at, id)``, so an old story fetched late falls into its
place in the history and cannot roll the current state back.

* ``ceo cfo coo cto president chair`` have one holder. An appointment or a
  reinstatement makes the person the holder (ending any interim's tenure); a
  departure clears the role only when it is the holder's own departure, so a
  departure dated before the current holder's appointment changes nothing.
* ``director`` and ``other_exec`` have many holders: they never appear in
  :func:`current_leaders`. :func:`board_members` folds ``director``
  transitions: an appointment, a reinstatement or a ``board_change`` without
  a reason joins; a departure, or a ``board_change`` with a reason, leaves.
  The current chair counts as a board member.

``tracker history`` loads the company's transitions with their source links
and whether an alert went out (:class:`HistoryEntry`), then prints
:func:`history_json` (the ``history --json`` shape of CONTRACT.md, plus
``previous_holder``) or :func:`history_table`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from tracker.domain import Certainty, EventType, Reason, Role

SINGLE_HOLDER_ROLES: frozenset[Role] = frozenset(
    {Role.CEO, Role.CFO, Role.COO, Role.CTO, Role.PRESIDENT, Role.CHAIR}
)
ARRIVALS: frozenset[EventType] = frozenset({EventType.APPOINTMENT, EventType.REINSTATEMENT})


@dataclass(frozen=True)
class TransitionView:
    """The fields of a stored ``transitions`` row that the rules read.

    ``entry_ids``: the entries that are sources of the transition's story
    (``story_sources.entry_id``); it makes re-planning the same entries a no-op.
    """

    id: int
    company: str
    type: EventType
    person: str
    person_key: str
    role: Role
    occurred_at: datetime
    detected_at: datetime
    story_id: int
    interim: bool = False
    reason: Reason | None = None
    certainty: Certainty = Certainty.REPORTED
    alertable: bool = False
    previous_holder: str | None = None
    entry_ids: frozenset[int] = frozenset()


@dataclass(frozen=True)
class Leader:
    """The current holder of a single-holder role."""

    person: str
    since: datetime
    interim: bool = False
    person_key: str = ""


def ordered(transitions: Iterable[TransitionView]) -> list[TransitionView]:
    """Transitions in the order state is folded: occurred time, then id."""
    return sorted(transitions, key=lambda t: (t.occurred_at, t.id))


def _fold_role(history: Sequence[TransitionView], role: Role) -> Leader | None:
    """The holder of ``role`` after applying ``history`` (already ordered)."""
    holder: Leader | None = None
    for t in history:
        if t.role != role:
            continue
        if t.type in ARRIVALS:
            holder = Leader(t.person, t.occurred_at, t.interim, t.person_key)
        elif t.type == EventType.DEPARTURE and holder and holder.person_key == t.person_key:
            holder = None
    return holder


def current_leaders(transitions: Iterable[TransitionView]) -> dict[Role, Leader]:
    """Current holder of every single-holder role that has one, in ``Role`` order."""
    history = ordered(transitions)
    leaders: dict[Role, Leader] = {}
    for role in Role:
        if role not in SINGLE_HOLDER_ROLES:
            continue
        holder = _fold_role(history, role)
        if holder is not None:
            leaders[role] = holder
    return leaders


def joins(type: EventType, reason: Reason | None) -> bool:
    """Whether a move onto a many-holder role (board seat, other executive) is a join."""
    if type == EventType.BOARD_CHANGE:
        return reason is None
    return type in ARRIVALS


def board_members(transitions: Iterable[TransitionView]) -> list[str]:
    """Current directors (from ``director`` transitions), sorted by name.

    The current chair is a board member too and is included.
    """
    history = ordered(transitions)
    members: dict[str, str] = {}
    for t in history:
        if t.role != Role.DIRECTOR:
            continue
        if joins(t.type, t.reason):
            members[t.person_key] = t.person
        else:
            members.pop(t.person_key, None)
    chair = _fold_role(history, Role.CHAIR)
    if chair is not None:
        members.setdefault(chair.person_key, chair.person)
    return sorted(members.values())


def before(transitions: Iterable[TransitionView], at: datetime) -> list[TransitionView]:
    """Transitions that occurred at or before ``at``, in fold order."""
    return ordered(t for t in transitions if t.occurred_at <= at)


def holder_at(transitions: Iterable[TransitionView], role: Role, at: datetime) -> Leader | None:
    """Who held a single-holder ``role`` at time ``at`` (None for many-holder roles)."""
    if role not in SINGLE_HOLDER_ROLES:
        return None
    return _fold_role(before((t for t in transitions if t.role == role), at), role)


def last_move(
    transitions: Iterable[TransitionView], role: Role, person_key: str, at: datetime
) -> TransitionView | None:
    """The person's latest transition in ``role`` at or before ``at``."""
    moves = before((t for t in transitions if (t.role, t.person_key) == (role, person_key)), at)
    return moves[-1] if moves else None


# --- rendering -------------------------------------------------------------


@dataclass(frozen=True)
class HistoryEntry:
    """One transition as ``tracker history`` shows it: with its links and alert flag."""

    transition: TransitionView
    sources: tuple[str, ...] = ()
    alerted: bool = False
    alert_error: str | None = None  # why an alert of it was given up, if one was


def iso_z(moment: datetime) -> str:
    """ISO 8601 in UTC with a ``Z``, to the second (naive times are taken as UTC)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _ordered_entries(entries: Iterable[HistoryEntry]) -> list[HistoryEntry]:
    return sorted(entries, key=lambda e: (e.transition.occurred_at, e.transition.id))


def _leaders(
    entries: Sequence[HistoryEntry], leaders: Mapping[Role, Leader] | None
) -> Mapping[Role, Leader]:
    if leaders is not None:
        return leaders
    return current_leaders(e.transition for e in entries)


def _transition_json(entry: HistoryEntry) -> dict[str, object]:
    t = entry.transition
    return {
        "type": t.type.value,
        "person": t.person,
        "role": t.role.value,
        "certainty": t.certainty.value,
        "interim": t.interim,
        "reason": t.reason.value if t.reason else None,
        "occurred_at": iso_z(t.occurred_at),
        "detected_at": iso_z(t.detected_at),
        "sources": list(entry.sources),
        "alerted": entry.alerted,
        "alert_error": entry.alert_error,
        "previous_holder": t.previous_holder,
    }


def history_json(
    company_id: str,
    company_name: str,
    entries: Sequence[HistoryEntry],
    leaders: Mapping[Role, Leader] | None = None,
) -> dict[str, object]:
    """The ``history --json`` document; ``leaders`` default to :func:`current_leaders`."""
    current = _leaders(entries, leaders)
    return {
        "company": company_id,
        "name": company_name,
        "leaders": {role.value: current[role].person for role in Role if role in current},
        "transitions": [_transition_json(e) for e in _ordered_entries(entries)],
    }


def _clean(text: str, width: int | None = None) -> str:
    """Printable text only (feed text must not drive the terminal), cut to ``width``."""
    text = "".join(ch if ch.isprintable() else " " for ch in text)
    if width is not None and len(text) > width:
        text = text[: width - 1] + "…"
    return text


def _when(moment: datetime) -> str:
    return iso_z(moment)[:16].replace("T", " ")


def _detail(t: TransitionView) -> str:
    parts = []
    if t.reason:
        parts.append(t.reason.value)
    if t.interim:
        parts.append("interim")
    if t.previous_holder:
        parts.append(f"after {t.previous_holder}")
    return ", ".join(parts)


_ROW = "{:<16}  {:<13}  {:<10}  {:<22}  {:<28}  {}"
_MAX_LINKS = 3


def _transition_lines(entries: Sequence[HistoryEntry]) -> list[str]:
    lines = [_ROW.format("OCCURRED (UTC)", "TYPE", "ROLE", "PERSON", "DETAIL", "ALERTED")]
    for entry in _ordered_entries(entries):
        t = entry.transition
        lines.append(
            _ROW.format(
                _when(t.occurred_at),
                t.type.value,
                t.role.value,
                _clean(t.person, 22),
                _clean(_detail(t), 28),
                "yes" if entry.alerted else ("failed" if entry.alert_error else "no"),
            ).rstrip()
        )
        if entry.alert_error:
            lines.append(f"    alert given up: {_clean(entry.alert_error, 200)}")
        lines.extend(f"    {_clean(link, 200)}" for link in entry.sources[:_MAX_LINKS])
        if len(entry.sources) > _MAX_LINKS:
            lines.append(f"    (+{len(entry.sources) - _MAX_LINKS} more sources)")
    return lines


def history_table(
    company_id: str,
    company_name: str,
    entries: Sequence[HistoryEntry],
    leaders: Mapping[Role, Leader] | None = None,
) -> str:
    """A fixed-width view for the terminal: current leaders and board, then transitions."""
    current = _leaders(entries, leaders)
    lines = [f"{_clean(company_name)} ({company_id})", "", "Current leaders"]
    for role in Role:
        if role in current:
            leader = current[role]
            since = f"since {_when(leader.since)[:10]}" + (" (interim)" if leader.interim else "")
            lines.append(f"  {role.value:<10}  {_clean(leader.person, 40):<40}  {since}")
    if not current:
        lines.append("  (none known)")
    board = board_members(e.transition for e in entries)
    lines.append("Board: " + (", ".join(_clean(name) for name in board) or "(none known)"))
    lines += ["", f"Transitions, oldest first ({len(entries)})"]
    lines += _transition_lines(entries) if entries else ["  (none)"]
    return "\n".join(lines) + "\n"
