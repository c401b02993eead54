"""Our own labelled corpora (tests/fixtures/corpus*/) are well formed, by SPEC's rules.

These check the corpora, not extraction quality: a labelling slip (a company
missing from the watchlist, a misspelt role, a person not named in the text)
would silently skew every score measured on them, and a company shared with
another corpus would make a corpus less independent. ``heldout`` is used for
error analysis; ``blind`` to ``blind5`` were each measured blind once and then
tuned on (``blind7`` on its English items); ``blind6`` only to measure, never to tune.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
import yaml

from tracker.config.loader import load_settings
from tracker.domain import Certainty, EventType, Role
from tracker.evaluate import load_corpus

FIXTURES = Path(__file__).parent / "fixtures"
DEV_WATCHLIST = Path("/work/shared/corpus/watchlist.yaml")
ITEM_KEYS = {"id", "lang", "published", "title", "summary", "link", "events", "note"}
EVENT_KEYS = {"company", "type", "people", "role", "certainty", "interim", "also_ok"}
TYPES = {t.value for t in EventType}
ROLES = {r.value for r in Role}
CERTAINTIES = {c.value for c in Certainty}

Item = dict[str, Any]
Event = dict[str, Any]


@dataclass(frozen=True)
class Corpus:
    """One labelled corpus of ours and what it promises."""

    name: str
    path: Path
    watchlist: Path
    id_prefix: str
    per_language: dict[str, int]

    def items(self) -> list[Item]:
        lines = self.path.read_text(encoding="utf-8").splitlines()
        return [json.loads(line) for line in lines if line.strip()]

    def events(self) -> list[tuple[Item, Event]]:
        return [(i, e) for i in self.items() for e in i["events"]]

    def watched(self) -> set[str]:
        return {c["id"] for c in _companies(self.watchlist)}


HELDOUT = Corpus(
    "heldout",
    FIXTURES / "corpus" / "heldout.jsonl",
    FIXTURES / "corpus" / "watchlist.yaml",
    "h",
    {"en": 50, "fr": 30, "de": 25, "es": 25, "it": 25},
)
BLIND = Corpus(
    "blind",
    FIXTURES / "corpus2" / "blind.jsonl",
    FIXTURES / "corpus2" / "watchlist.yaml",
    "b",
    {"en": 45, "fr": 25, "de": 25, "es": 20, "it": 25},
)
BLIND3 = Corpus(
    "blind3",
    FIXTURES / "corpus3" / "blind.jsonl",
    FIXTURES / "corpus3" / "watchlist.yaml",
    "c",
    {"en": 40, "fr": 25, "de": 25, "es": 20, "it": 20},
)
BLIND4 = Corpus(
    "blind4",
    FIXTURES / "corpus4" / "blind.jsonl",
    FIXTURES / "corpus4" / "watchlist.yaml",
    "k",
    {"en": 45, "fr": 30, "de": 30, "es": 25, "it": 20},
)
BLIND5 = Corpus(
    "blind5",
    FIXTURES / "corpus5" / "blind.jsonl",
    FIXTURES / "corpus5" / "watchlist.yaml",
    "q",
    {"en": 40, "fr": 30, "de": 35, "es": 25, "it": 20},
)
BLIND6 = Corpus(
    "blind6",
    FIXTURES / "corpus6" / "blind.jsonl",
    FIXTURES / "corpus6" / "watchlist.yaml",
    "w",
    {"en": 40, "fr": 30, "de": 35, "es": 25, "it": 20},
)
BLIND7 = Corpus(
    "blind7",
    FIXTURES / "corpus7" / "blind.jsonl",
    FIXTURES / "corpus7" / "watchlist.yaml",
    "z",
    {"en": 45, "fr": 30, "de": 30, "es": 25, "it": 20},
)
CORPORA = pytest.mark.parametrize(
    "corpus", [HELDOUT, BLIND, BLIND3, BLIND4, BLIND5, BLIND6, BLIND7], ids=lambda c: c.name
)


def _companies(path: Path) -> list[dict[str, Any]]:
    companies: list[dict[str, Any]] = yaml.safe_load(path.read_text(encoding="utf-8"))["companies"]
    return companies


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().strip()


def _names(path: Path) -> set[str]:
    """Every folded name and alias of a watchlist: two corpora sharing one share a company."""
    return {_fold(n) for c in _companies(path) for n in [c["name"], *c.get("aliases", [])]}


def _tag(pair: tuple[Item, Event]) -> str:
    item, event = pair
    return f"{item['id']}:{event['company']}:{event['type']}"


@CORPORA
def test_every_item_and_event_has_exactly_the_spec_fields(corpus: Corpus) -> None:
    bad = [i["id"] for i in corpus.items() if set(i) != ITEM_KEYS]
    bad += [_tag((i, e)) for i, e in corpus.events() if set(e) != EVENT_KEYS]
    assert bad == []


@CORPORA
def test_ids_are_unique_and_carry_their_language(corpus: Corpus) -> None:
    items = corpus.items()
    assert [k for k, n in Counter(i["id"] for i in items).items() if n > 1] == []
    pattern = corpus.id_prefix + r"-{lang}-\d{{3}}"
    assert [
        i["id"] for i in items if not re.fullmatch(pattern.format(lang=i["lang"]), i["id"])
    ] == []


@CORPORA
def test_each_language_has_its_item_count_and_mixes_negatives(corpus: Corpus) -> None:
    items = corpus.items()
    assert Counter(i["lang"] for i in items) == corpus.per_language
    for lang in corpus.per_language:
        of_lang = [i for i in items if i["lang"] == lang]
        assert 0.3 <= sum(1 for i in of_lang if not i["events"]) / len(of_lang) <= 0.6, lang
    assert 0.40 <= sum(1 for i in items if not i["events"]) / len(items) <= 0.50


@CORPORA
@pytest.mark.parametrize(
    ("field", "pattern"),
    [
        ("published", r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"),
        ("link", r"https://\S+"),
        ("title", r"\S.{9,199}"),
        ("summary", r"\S.{39,}"),
        ("note", r"[^\n]{5,200}"),
    ],
    ids=["published", "link", "title", "summary", "note"],
)
def test_text_fields_have_their_shape(corpus: Corpus, field: str, pattern: str) -> None:
    bad = [i["id"] for i in corpus.items() if not re.fullmatch(pattern, i[field], re.DOTALL)]
    assert bad == []


@CORPORA
def test_links_are_unique_and_dates_in_range(corpus: Corpus) -> None:
    items = corpus.items()
    assert [k for k, n in Counter(i["link"] for i in items).items() if n > 1] == []
    years = [datetime.fromisoformat(i["published"].replace("Z", "+00:00")).year for i in items]
    assert [y for y in years if not 2000 <= y <= 2026] == []


@CORPORA
def test_event_fields_use_the_spec_vocabulary(corpus: Corpus) -> None:
    allowed = {"type": TYPES, "role": ROLES, "certainty": CERTAINTIES, "company": corpus.watched()}
    bad = [(_tag(p), f) for p in corpus.events() for f, ok in allowed.items() if p[1][f] not in ok]
    assert bad == []
    bad_also = [
        _tag((i, e))
        for i, e in corpus.events()
        if not set(e["also_ok"]) <= TYPES - {e["type"]}
        or len(set(e["also_ok"])) != len(e["also_ok"])
    ]
    assert bad_also == []
    assert [_tag(p) for p in corpus.events() if not isinstance(p[1]["interim"], bool)] == []


@CORPORA
def test_every_person_is_named_in_the_text_as_written(corpus: Corpus) -> None:
    missing = [
        f"{i['id']}: {person}"
        for i, e in corpus.events()
        for person in e["people"]
        if person not in f"{i['title']} {i['summary']}"
    ]
    assert missing == []


@CORPORA
def test_role_fits_the_event_type(corpus: Corpus) -> None:
    def fits(event: Event) -> bool:
        return bool((event["role"] == "director") == (event["type"] == "board_change"))

    assert [_tag(p) for p in corpus.events() if not fits(p[1])] == []


@CORPORA
def test_no_duplicate_events_and_one_board_change_per_company_per_item(corpus: Corpus) -> None:
    events = corpus.events()
    boards = Counter((i["id"], e["company"]) for i, e in events if e["type"] == "board_change")
    assert [k for k, n in boards.items() if n > 1] == []
    keys = Counter(
        (i["id"], e["company"], e["type"], e["role"], e["certainty"], tuple(e["people"]))
        for i, e in events
    )
    assert [k for k, n in keys.items() if n > 1] == []


@CORPORA
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
def test_the_rarer_labels_are_exercised(
    corpus: Corpus, field: str, value: object, at_least: int
) -> None:
    assert sum(1 for _, e in corpus.events() if e[field] == value) >= at_least


@CORPORA
def test_the_project_reads_the_corpus_and_its_watchlist(corpus: Corpus, tmp_path: Path) -> None:
    assert [i["id"] for i in load_corpus(corpus.path)] == [i["id"] for i in corpus.items()]
    config = tmp_path / "tracker.yaml"
    config.write_text(f"watchlist: {corpus.watchlist}\n", encoding="utf-8")
    assert {c.id for c in load_settings(config, environ={}).companies} == corpus.watched()
    assert sorted(corpus.watched() - {e["company"] for _, e in corpus.events()}) == []


@pytest.mark.parametrize(
    ("corpus", "other"),
    [
        (HELDOUT, DEV_WATCHLIST),
        (BLIND, DEV_WATCHLIST),
        (BLIND, HELDOUT.watchlist),
        (BLIND3, DEV_WATCHLIST),
        (BLIND3, HELDOUT.watchlist),
        (BLIND3, BLIND.watchlist),
        (BLIND4, DEV_WATCHLIST),
        (BLIND4, HELDOUT.watchlist),
        (BLIND4, BLIND.watchlist),
        (BLIND4, BLIND3.watchlist),
        (BLIND5, DEV_WATCHLIST),
        (BLIND5, HELDOUT.watchlist),
        (BLIND5, BLIND.watchlist),
        (BLIND5, BLIND3.watchlist),
        (BLIND5, BLIND4.watchlist),
        (BLIND6, DEV_WATCHLIST),
        (BLIND6, HELDOUT.watchlist),
        (BLIND6, BLIND.watchlist),
        (BLIND6, BLIND3.watchlist),
        (BLIND6, BLIND4.watchlist),
        (BLIND6, BLIND5.watchlist),
        (BLIND7, DEV_WATCHLIST),
        (BLIND7, HELDOUT.watchlist),
        (BLIND7, BLIND.watchlist),
        (BLIND7, BLIND3.watchlist),
        (BLIND7, BLIND4.watchlist),
        (BLIND7, BLIND5.watchlist),
        (BLIND7, BLIND6.watchlist),
    ],
    ids=[
        "heldout-vs-dev",
        "blind-vs-dev",
        "blind-vs-heldout",
        "blind3-vs-dev",
        "blind3-vs-heldout",
        "blind3-vs-blind",
        "blind4-vs-dev",
        "blind4-vs-heldout",
        "blind4-vs-blind",
        "blind4-vs-blind3",
        "blind5-vs-dev",
        "blind5-vs-heldout",
        "blind5-vs-blind",
        "blind5-vs-blind3",
        "blind5-vs-blind4",
        "blind6-vs-dev",
        "blind6-vs-heldout",
        "blind6-vs-blind",
        "blind6-vs-blind3",
        "blind6-vs-blind4",
        "blind6-vs-blind5",
        "blind7-vs-dev",
        "blind7-vs-heldout",
        "blind7-vs-blind",
        "blind7-vs-blind3",
        "blind7-vs-blind4",
        "blind7-vs-blind5",
        "blind7-vs-blind6",
    ],
)
def test_watchlists_share_no_company(corpus: Corpus, other: Path) -> None:
    if not other.exists():
        pytest.skip(f"{other} is not on this machine")
    assert sorted(corpus.watched() & {c["id"] for c in _companies(other)}) == []
    assert sorted(_names(corpus.watchlist) & _names(other)) == []
