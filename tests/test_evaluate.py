"""`tracker evaluate` scoring follows the corpus SPEC's rules."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

from tracker.errors import TrackerError
from tracker.evaluate import Report, evaluate, format_report, load_corpus, score_item, surname


def _ev(company: str, type_: str, people: list[str], **kw: Any) -> dict[str, Any]:
    return {"company": company, "type": type_, "people": people, "role": "ceo", **kw}


@pytest.mark.parametrize(
    ("name", "expected"),
    [("Léo Apotheker", "apotheker"), ("Martin Luther King Jr.", "king"), ("", "")],
    ids=["accent", "suffix", "empty"],
)
def test_surname_is_the_folded_last_token(name: str, expected: str) -> None:
    assert surname(name) == expected


def test_also_ok_type_counts_as_a_match() -> None:
    gold = {
        "id": "1",
        "lang": "en",
        "events": [_ev("acme", "appointment", ["Jane Roe"], also_ok=["reinstatement"])],
    }
    report = Report()
    score_item(gold, [_ev("acme", "reinstatement", ["Jane Roe"])], report)
    assert (report.overall.tp, report.overall.fp, report.overall.fn) == (1, 0, 0)
    assert report.surname_recall == 1.0


def test_rumored_system_event_is_not_a_reported_match() -> None:
    gold = {"id": "1", "lang": "fr", "events": [_ev("acme", "departure", ["Jean Dupont"])]}
    report = Report()
    score_item(gold, [_ev("acme", "departure", ["Jean Dupont"], certainty="rumored")], report)
    assert (report.overall.tp, report.overall.fn) == (0, 1)


def test_false_event_on_a_negative_item_is_counted() -> None:
    report = Report()
    score_item({"id": "n", "lang": "de", "events": []}, [_ev("acme", "departure", [])], report)
    assert report.negatives == 1
    assert report.negatives_with_false_event == 1
    assert report.by_lang["de"].fp == 1


def test_board_change_implied_by_chair_events_is_neither_credited_nor_counted() -> None:
    gold = {
        "id": "1",
        "lang": "en",
        "events": [
            _ev("acme", "appointment", ["Ann Lee"], role="chair"),
            _ev("acme", "board_change", ["Ann Lee"], role="director"),
        ],
    }
    for system in ([], [_ev("acme", "board_change", ["Ann Lee"])]):
        report = Report()
        score_item(gold, [_ev("acme", "appointment", ["Ann Lee"], role="chair"), *system], report)
        assert (report.overall.tp, report.overall.fp, report.overall.fn) == (1, 0, 0)


def test_evaluate_shows_the_system_only_visible_fields() -> None:
    seen: list[Mapping[str, Any]] = []

    def system(item: Mapping[str, Any]) -> list[Mapping[str, Any]]:
        seen.append(item)
        return []

    items = [{"id": "1", "lang": "en", "title": "t", "summary": "s", "events": [], "note": "x"}]
    report = evaluate(items, system)
    assert set(seen[0]) == {"id", "title", "summary", "published", "link"}
    assert "f1=0.000" in format_report(report)


def test_bad_corpus_line_names_file_and_line(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text('{"id": "1", "events": []}\nnot json\n', encoding="utf-8")
    with pytest.raises(TrackerError, match=r"c\.jsonl:2: not JSON"):
        load_corpus(corpus)
