"""The blind corpus (tests/fixtures/corpus2/) is well formed and labelled by SPEC's rules.

This checks the corpus, not extraction quality. The corpus is used only to
measure: a labelling slip here (a company id missing from the watchlist, a
misspelt role, a person not named in the text) would silently skew every score
measured on it, and a company shared with another corpus would make it less
independent.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
import yaml

from tracker.config.loader import load_settings
from tracker.domain import Certainty, EventType, Role
from tracker.evaluate import load_corpus

HERE = Path(__file__).parent / "fixtures"
CORPUS = HERE / "corpus2" / "blind.jsonl"
WATCHLIST = HERE / "corpus2" / "watchlist.yaml"
OTHER_WATCHLISTS = {
    "dev": Path("/work/shared/corpus/watchlist.yaml"),
    "heldout": HERE / "corpus" / "watchlist.yaml",
}

PER_LANGUAGE = {"en": 45, "fr": 25, "de": 25, "es": 20, "it": 25}
ITEM_KEYS = {"id", "lang", "published", "title", "summary", "link", "events", "note"}
EVENT_KEYS = {"company", "type", "people", "role", "certainty", "interim", "also_ok"}
TYPES = {t.value for t in EventType}
ROLES = {r.value for r in Role}
CERTAINTIES = {c.value for c in Certainty}

Item = dict[str, Any]
Event = dict[str, Any]


def _items() -> list[Item]:
    lines = CORPUS.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _companies(path: Path) -> list[dict[str, Any]]:
    companies: list[dict[str, Any]] = yaml.safe_load(path.read_text(encoding="utf-8"))["companies"]
    return companies


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().strip()


def _names(path: Path) -> set[str]:
    """Every folded name and alias of a watchlist: two corpora sharing one share a company."""
    return {_fold(n) for c in _companies(path) for n in [c["name"], *c.get("aliases", [])]}


ITEMS = _items()
EVENTS: list[tuple[Item, Event]] = [(i, e) for i in ITEMS for e in i["events"]]
WATCHED = {c["id"] for c in _companies(WATCHLIST)}


def _tag(pair: tuple[Item, Event]) -> str:
    item, event = pair
    return f"{item['id']}:{event['company']}:{event['type']}:{event['role']}"


def test_every_item_and_event_has_exactly_the_spec_fields() -> None:
    bad = [i["id"] for i in ITEMS if set(i) != ITEM_KEYS]
    bad += [_tag((i, e)) for i, e in EVENTS if set(e) != EVENT_KEYS]
    assert bad == []


def test_ids_are_unique_and_carry_their_language() -> None:
    ids = [i["id"] for i in ITEMS]
    assert [k for k, n in Counter(ids).items() if n > 1] == []
    assert [i["id"] for i in ITEMS if not re.fullmatch(rf"b-{i['lang']}-\d{{3}}", i["id"])] == []


@pytest.mark.parametrize(("lang", "count"), PER_LANGUAGE.items(), ids=list(PER_LANGUAGE))
def test_each_language_has_its_item_count(lang: str, count: int) -> None:
    assert sum(1 for i in ITEMS if i["lang"] == lang) == count


def test_no_language_outside_the_five() -> None:
    assert {i["lang"] for i in ITEMS} == set(PER_LANGUAGE)


@pytest.mark.parametrize("lang", list(PER_LANGUAGE), ids=list(PER_LANGUAGE))
def test_each_language_mixes_positives_and_negatives(lang: str) -> None:
    items = [i for i in ITEMS if i["lang"] == lang]
    assert 0.3 <= sum(1 for i in items if not i["events"]) / len(items) <= 0.6


def test_about_45_percent_of_items_are_negatives() -> None:
    assert 0.40 <= sum(1 for i in ITEMS if not i["events"]) / len(ITEMS) <= 0.50


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


def test_links_are_unique_and_dated_like_the_item() -> None:
    assert [k for k, n in Counter(i["link"] for i in ITEMS).items() if n > 1] == []
    assert [i["id"] for i in ITEMS if i["published"][:10].replace("-", "/") not in i["link"]] == []


def test_published_dates_are_real_dates_in_range() -> None:
    years = [datetime.fromisoformat(i["published"].replace("Z", "+00:00")).year for i in ITEMS]
    assert [y for y in years if not 2000 <= y <= 2026] == []


@pytest.mark.parametrize(
    ("field", "allowed"),
    [("type", TYPES), ("role", ROLES), ("certainty", CERTAINTIES), ("company", WATCHED)],
    ids=["type", "role", "certainty", "company-is-watched"],
)
def test_event_fields_use_the_spec_vocabulary(field: str, allowed: set[str]) -> None:
    assert [_tag(p) for p in EVENTS if p[1][field] not in allowed] == []


def test_also_ok_names_other_valid_types_once() -> None:
    bad = [
        _tag((i, e))
        for i, e in EVENTS
        if not set(e["also_ok"]) <= TYPES - {e["type"]}
        or len(set(e["also_ok"])) != len(e["also_ok"])
    ]
    assert bad == []


def test_interim_is_a_boolean() -> None:
    assert [_tag(p) for p in EVENTS if not isinstance(p[1]["interim"], bool)] == []


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
    [
        ("board_change", {"director"}),
        ("departure", ROLES - {"director"}),
        ("appointment", ROLES - {"director"}),
        ("reinstatement", ROLES - {"director"}),
    ],
    ids=["board_change", "departure", "appointment", "reinstatement"],
)
def test_role_fits_the_event_type(event_type: str, roles: set[str]) -> None:
    assert [
        _tag(p) for p in EVENTS if p[1]["type"] == event_type and p[1]["role"] not in roles
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


@pytest.mark.parametrize(
    ("field", "value", "at_least"),
    [
        ("certainty", "rumored", 5),
        ("certainty", "denied", 5),
        ("type", "reinstatement", 2),
        ("type", "board_change", 3),
        ("interim", True, 5),
    ],
    ids=["rumored", "denied", "reinstatement", "board_change", "interim"],
)
def test_the_rarer_labels_are_exercised(field: str, value: object, at_least: int) -> None:
    assert sum(1 for _, e in EVENTS if e[field] == value) >= at_least


def test_the_project_loader_reads_every_item_in_order() -> None:
    assert [i["id"] for i in load_corpus(CORPUS)] == [i["id"] for i in ITEMS]


def test_the_watchlist_loads_through_the_project_config(tmp_path: Path) -> None:
    config = tmp_path / "tracker.yaml"
    config.write_text(f"watchlist: {WATCHLIST}\n", encoding="utf-8")
    settings = load_settings(config, environ={})
    assert {c.id for c in settings.companies} == WATCHED


def test_every_watched_company_is_labelled_somewhere() -> None:
    assert sorted(WATCHED - {e["company"] for _, e in EVENTS}) == []


@pytest.mark.parametrize("other", list(OTHER_WATCHLISTS), ids=list(OTHER_WATCHLISTS))
def test_watchlist_shares_no_company_with_another_corpus(other: str) -> None:
    path = OTHER_WATCHLISTS[other]
    if not path.exists():
        pytest.skip(f"{path} is not on this machine")
    assert sorted(WATCHED & {c["id"] for c in _companies(path)}) == []
    assert sorted(_names(WATCHLIST) & _names(path)) == []
