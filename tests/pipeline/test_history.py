"""`tracker history`: the CONTRACT.md JSON shape and a readable terminal table."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone

import pytest

from tracker.domain import EventType, Reason, Role
from tracker.pipeline.cluster import person_key
from tracker.pipeline.history import (
    HistoryEntry,
    Leader,
    TransitionView,
    history_json,
    history_table,
    iso_z,
)


def at(day: int, hour: int = 12, minute: int = 0) -> datetime:
    return datetime(2023, 11, day, hour, minute, tzinfo=UTC)


def entry(
    id: int,
    type: EventType,
    person: str,
    occurred: datetime,
    *,
    role: Role = Role.CEO,
    reason: Reason | None = None,
    interim: bool = False,
    previous: str | None = None,
    sources: tuple[str, ...] = (),
    alerted: bool = True,
) -> HistoryEntry:
    t = TransitionView(
        id=id,
        company="openai",
        type=type,
        person=person,
        person_key=person_key(person),
        role=role,
        occurred_at=occurred,
        detected_at=occurred + timedelta(minutes=7),
        story_id=id,
        interim=interim,
        reason=reason,
        previous_holder=previous,
    )
    return HistoryEntry(t, sources, alerted)


OPENAI = [
    entry(3, EventType.REINSTATEMENT, "Sam Altman", at(22, 6), previous="Mira Murati",
          sources=("https://a.example/3", "https://b.example/3")),
    entry(1, EventType.DEPARTURE, "Sam Altman", at(17, 20, 28), reason=Reason.DISMISSED,
          sources=("https://a.example/1",)),
    entry(2, EventType.APPOINTMENT, "Mira Murati", at(17, 20, 28), interim=True, alerted=False),
    entry(4, EventType.APPOINTMENT, "Bret Taylor", at(22, 6), role=Role.CHAIR),
    entry(5, EventType.BOARD_CHANGE, "Larry Summers", at(22, 6), role=Role.DIRECTOR),
]  # fmt: skip


def test_history_json_has_the_contract_shape_oldest_first() -> None:
    doc = history_json("openai", "OpenAI", OPENAI)
    assert doc["company"] == "openai"
    assert doc["name"] == "OpenAI"
    assert doc["leaders"] == {"ceo": "Sam Altman", "chair": "Bret Taylor"}
    transitions = doc["transitions"]
    assert isinstance(transitions, list)
    assert [(t["type"], t["person"]) for t in transitions] == [
        ("departure", "Sam Altman"),
        ("appointment", "Mira Murati"),
        ("reinstatement", "Sam Altman"),
        ("appointment", "Bret Taylor"),
        ("board_change", "Larry Summers"),
    ]
    assert transitions[0] == {
        "type": "departure",
        "person": "Sam Altman",
        "role": "ceo",
        "certainty": "reported",
        "interim": False,
        "reason": "dismissed",
        "occurred_at": "2023-11-17T20:28:00Z",
        "detected_at": "2023-11-17T20:35:00Z",
        "sources": ["https://a.example/1"],
        "alerted": True,
        "alert_error": None,
        "previous_holder": None,
    }
    assert (transitions[2]["previous_holder"], transitions[1]["alerted"]) == ("Mira Murati", False)


@pytest.mark.parametrize(
    ("leaders", "expected"),
    [
        (None, {"ceo": "Sam Altman", "chair": "Bret Taylor"}),
        ({Role.CFO: Leader("Sarah Friar", at(1))}, {"cfo": "Sarah Friar"}),
        ({}, {}),
    ],
    ids=["derived-from-transitions", "given", "none"],
)
def test_history_json_leaders_map_role_to_name(
    leaders: dict[Role, Leader] | None, expected: dict[str, str]
) -> None:
    assert history_json("openai", "OpenAI", OPENAI, leaders)["leaders"] == expected


@pytest.mark.parametrize(
    ("moment", "text"),
    [
        (datetime(2023, 11, 17, 20, 28, 5, 123456, tzinfo=UTC), "2023-11-17T20:28:05Z"),
        (
            datetime(2023, 11, 17, 21, 28, tzinfo=timezone(timedelta(hours=1))),
            "2023-11-17T20:28:00Z",
        ),
        (datetime(2023, 11, 17, 20, 28), "2023-11-17T20:28:00Z"),
    ],
    ids=["utc-drops-microseconds", "offset-converted", "naive-taken-as-utc"],
)
def test_times_are_iso_8601_utc_with_z(moment: datetime, text: str) -> None:
    assert iso_z(moment) == text


def test_history_table_shows_leaders_and_board_before_transitions() -> None:
    table = history_table("openai", "OpenAI", OPENAI)
    lines = table.splitlines()
    assert lines[0] == "OpenAI (openai)"
    leaders_at = lines.index("Current leaders")
    assert lines[leaders_at + 1].split() == ["ceo", "Sam", "Altman", "since", "2023-11-22"]
    assert lines[leaders_at + 2].split() == ["chair", "Bret", "Taylor", "since", "2023-11-22"]
    assert "Board: Bret Taylor, Larry Summers" in lines
    header = next(i for i, line in enumerate(lines) if line.startswith("OCCURRED"))
    assert header > leaders_at
    rows = [line for line in lines[header + 1 :] if not line.startswith("    ")]
    assert rows[0].split() == [
        "2023-11-17",
        "20:28",
        "departure",
        "ceo",
        "Sam",
        "Altman",
        "dismissed",
        "yes",
    ]
    assert "interim" in rows[1] and rows[1].endswith("no")
    assert "after Mira Murati" in rows[2]
    assert "    https://b.example/3" in lines


@pytest.mark.parametrize(
    ("sources", "shown", "more"),
    [
        ((), 0, None),
        (tuple(f"https://x.example/{i}" for i in range(3)), 3, None),
        (tuple(f"https://x.example/{i}" for i in range(5)), 3, "    (+2 more sources)"),
    ],
    ids=["none", "three", "five"],
)
def test_history_table_lists_at_most_three_links_per_transition(
    sources: tuple[str, ...], shown: int, more: str | None
) -> None:
    table = history_table(
        "acme", "Acme", [entry(1, EventType.DEPARTURE, "Ann Lee", at(1), sources=sources)]
    )
    links = [line for line in table.splitlines() if line.startswith("    https://")]
    assert len(links) == shown
    assert (more in table.splitlines()) if more else "more sources" not in table


def test_history_table_neutralises_control_characters_from_feeds() -> None:
    evil = entry(
        1, EventType.DEPARTURE, "Ann\x1b[2J Lee", at(1), sources=("https://x.example/\x07",)
    )
    table = history_table("acme", "Acme\x1b]0;pwn\x07", [evil])
    assert not any(ch in table for ch in "\x1b\x07")


def test_history_table_of_a_company_without_history_says_so() -> None:
    table = history_table("acme", "Acme", [])
    assert "  (none known)" in table.splitlines()
    assert "Board: (none known)" in table.splitlines()
    assert table.splitlines()[-1] == "  (none)"


def test_history_table_cuts_long_names_to_keep_columns_aligned() -> None:
    long_name = "Maximilian Alexander von Hohenzollern-Sigmaringen"
    table = history_table("acme", "Acme", [entry(1, EventType.DEPARTURE, long_name, at(1))])
    row = next(line for line in table.splitlines() if line.startswith("2023-11-01"))
    assert "Maximilian Alexander …" in row
    assert row.index("yes") == table.splitlines()[table.splitlines().index(row) - 1].index(
        "ALERTED"
    )


def test_an_alert_that_was_given_up_shows_its_error() -> None:
    given_up = replace(
        entry(1, EventType.DEPARTURE, "Sam Altman", at(17), alerted=False),
        alert_error="smtp: 535 authentication failed",
    )
    document = history_json("openai", "OpenAI", [given_up])
    assert document["transitions"][0]["alert_error"] == "smtp: 535 authentication failed"  # type: ignore[index]
    table = history_table("openai", "OpenAI", [given_up])
    assert "failed" in table
    assert "alert given up: smtp: 535 authentication failed" in table
