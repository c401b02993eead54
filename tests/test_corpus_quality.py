"""The held-out corpus (tests/fixtures/corpus/) is well formed and labelled by SPEC's rules.

These checks are about the corpus itself, not about extraction quality: a
labelling slip here (a company id missing from the watchlist, a misspelt role,
a person not named in the text) would silently skew every score measured on it.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
import yaml

from tracker.config.loader import load_settings
from tracker.domain import Certainty, EventType, Role
from tracker.evaluate import load_corpus

CORPUS_DIR = Path(__file__).parent / "fixtures" / "corpus"
CORPUS = CORPUS_DIR / "heldout.jsonl"
WATCHLIST = CORPUS_DIR / "watchlist.yaml"
DEV_WATCHLIST = Path("/work/shared/corpus/watchlist.yaml")

EXPECTED_PER_LANGUAGE = {"en": 50, "fr": 30, "de": 25, "es": 25, "it": 25}
ITEM_KEYS = {"id", "lang", "published", "title", "summary", "link", "events", "note"}
EVENT_KEYS = {"company", "type", "people", "role", "certainty", "interim", "also_ok"}
TYPES = {t.value for t in EventType}
ROLES = {r.value for r in Role}
CERTAINTIES = {c.value for c in Certainty}


def _items() -> list[dict[str, Any]]:
    return [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]


def _watchlist_ids(path: Path) -> set[str]:
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {c["id"] for c in doc["companies"]}


ITEMS = _items()
EVENTS = [(item, event) for item in ITEMS for event in item["events"]]


def _event_id(pair: tuple[dict[str, Any], dict[str, Any]]) -> str:
    item, event = pair
    return f"{item['id']}:{event['company']}:{event['type']}:{event['role']}"


def test_every_line_is_an_item_with_exactly_the_spec_fields() -> None:
    problems = [i["id"] for i in ITEMS if set(i) != ITEM_KEYS]
    problems += [f"{i['id']} event" for i, e in EVENTS if set(e) != EVENT_KEYS]
    assert problems == []


def test_item_ids_are_unique_and_name_their_language() -> None:
    ids = [i["id"] for i in ITEMS]
    assert [k for k, n in Counter(ids).items() if n > 1] == []
    assert [i["id"] for i in ITEMS if not re.fullmatch(rf"h-{i['lang']}-\d{{3}}", i["id"])] == []


@pytest.mark.parametrize(
    ("lang", "count"), EXPECTED_PER_LANGUAGE.items(), ids=list(EXPECTED_PER_LANGUAGE)
)
def test_language_has_its_expected_number_of_items(lang: str, count: int) -> None:
    assert sum(1 for i in ITEMS if i["lang"] == lang) == count


@pytest.mark.parametrize("lang", list(EXPECTED_PER_LANGUAGE), ids=list(EXPECTED_PER_LANGUAGE))
def test_language_mixes_positives_and_negatives(lang: str) -> None:
    items = [i for i in ITEMS if i["lang"] == lang]
    negatives = sum(1 for i in items if not i["events"])
    assert 0.3 <= negatives / len(items) <= 0.6


def test_no_item_outside_the_expected_languages() -> None:
    assert {i["lang"] for i in ITEMS} == set(EXPECTED_PER_LANGUAGE)


def test_overall_negative_share_is_close_to_45_percent() -> None:
    share = sum(1 for i in ITEMS if not i["events"]) / len(ITEMS)
    assert 0.40 <= share <= 0.50


@pytest.mark.parametrize(
    ("field", "pattern"),
    [
        ("published", r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"),
        ("link", r"https://[a-z0-9.-]+\.example/\d{4}/\d\d/\d\d/[a-z0-9-]+"),
        ("title", r"\S.{9,199}"),
        ("summary", r"\S.{39,}"),
        ("note", r"[^\n]{5,200}"),
    ],
    ids=["published", "link", "title", "summary", "note"],
)
def test_text_fields_have_their_shape(field: str, pattern: str) -> None:
    assert [i["id"] for i in ITEMS if not re.fullmatch(pattern, i[field], re.DOTALL)] == []


def test_published_dates_parse_and_are_in_the_past_of_the_corpus() -> None:
    dates = [datetime.fromisoformat(i["published"].replace("Z", "+00:00")) for i in ITEMS]
    assert all(2000 <= d.year <= 2026 for d in dates)


def test_links_are_unique() -> None:
    links = [i["link"] for i in ITEMS]
    assert [k for k, n in Counter(links).items() if n > 1] == []


@pytest.mark.parametrize(
    ("field", "allowed"),
    [("type", TYPES), ("role", ROLES), ("certainty", CERTAINTIES)],
    ids=["type", "role", "certainty"],
)
def test_event_vocabulary_is_the_spec_vocabulary(field: str, allowed: set[str]) -> None:
    assert [_event_id(p) for p in EVENTS if p[1][field] not in allowed] == []


def test_every_labelled_company_is_on_the_watchlist() -> None:
    watched = _watchlist_ids(WATCHLIST)
    assert sorted({e["company"] for _, e in EVENTS} - watched) == []


def test_also_ok_lists_other_valid_types_only() -> None:
    bad = [
        _event_id((i, e))
        for i, e in EVENTS
        if not set(e["also_ok"]) <= TYPES - {e["type"]}
        or len(set(e["also_ok"])) != len(e["also_ok"])
    ]
    assert bad == []


def test_interim_is_a_boolean() -> None:
    assert [_event_id(p) for p in EVENTS if not isinstance(p[1]["interim"], bool)] == []


def test_every_person_is_named_in_the_text_as_written() -> None:
    missing = [
        f"{i['id']}: {person}"
        for i, e in EVENTS
        for person in e["people"]
        if person not in f"{i['title']} {i['summary']}"
    ]
    assert missing == []


@pytest.mark.parametrize(
    ("event_type", "roles"),
    [("board_change", {"director"}), ("departure", ROLES - {"director"})],
    ids=["board_change-is-director", "departure-is-an-executive-role"],
)
def test_role_fits_the_event_type(event_type: str, roles: set[str]) -> None:
    assert [
        _event_id(p) for p in EVENTS if p[1]["type"] == event_type and p[1]["role"] not in roles
    ] == []


def test_at_most_one_board_change_per_company_per_item() -> None:
    keys = Counter((i["id"], e["company"]) for i, e in EVENTS if e["type"] == "board_change")
    assert [k for k, n in keys.items() if n > 1] == []


def test_no_event_is_labelled_twice_in_an_item() -> None:
    keys = Counter(
        (i["id"], e["company"], e["type"], e["role"], e["certainty"], tuple(e["people"]))
        for i, e in EVENTS
    )
    assert [k for k, n in keys.items() if n > 1] == []


@pytest.mark.parametrize("certainty", sorted(CERTAINTIES), ids=sorted(CERTAINTIES))
def test_every_certainty_class_is_exercised(certainty: str) -> None:
    assert sum(1 for _, e in EVENTS if e["certainty"] == certainty) >= 5


@pytest.mark.parametrize("event_type", sorted(TYPES), ids=sorted(TYPES))
def test_every_event_type_is_exercised(event_type: str) -> None:
    assert sum(1 for _, e in EVENTS if e["type"] == event_type) >= 3


def test_the_project_loader_reads_the_corpus() -> None:
    assert [i["id"] for i in load_corpus(CORPUS)] == [i["id"] for i in ITEMS]


def test_the_watchlist_loads_through_the_project_config(tmp_path: Path) -> None:
    config = tmp_path / "tracker.yaml"
    config.write_text(f"watchlist: {WATCHLIST}\n", encoding="utf-8")
    settings = load_settings(config, environ={})
    assert {c.id for c in settings.companies} == _watchlist_ids(WATCHLIST)
    assert len(settings.companies) >= 30


def test_every_watched_company_appears_in_the_corpus() -> None:
    mentioned = {e["company"] for _, e in EVENTS}
    assert sorted(_watchlist_ids(WATCHLIST) - mentioned) == []


def test_watchlist_shares_no_company_with_the_dev_corpus() -> None:
    if not DEV_WATCHLIST.exists():
        pytest.skip(f"{DEV_WATCHLIST} is not on this machine")
    assert sorted(_watchlist_ids(WATCHLIST) & _watchlist_ids(DEV_WATCHLIST)) == []
