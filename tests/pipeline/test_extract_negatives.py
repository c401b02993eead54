"""Hard negatives stay negative: executives quoted, seats on outside bodies, tasks
taken over, anniversaries, subsidiaries, former chiefs elsewhere.

``tests/fixtures/negatives/hard.jsonl`` (120 items, 5 languages, written without
reading the extractor) has no event at all; the dev corpus's bar is a false event
on at most 2% of negative items. It was used to find the rules, so it guards them
against regressions; it is not a blind measure.
"""

from __future__ import annotations

import json
from pathlib import Path

from tracker.config.loader import load_settings
from tracker.domain import Certainty
from tracker.extract_io import item_from_json
from tracker.pipeline.extract import build_extractor

NEGATIVES = Path(__file__).parent.parent / "fixtures" / "negatives"


def test_hard_negatives_raise_at_most_two_percent_false_alarms(tmp_path: Path) -> None:
    config = tmp_path / "tracker.yaml"
    config.write_text(f"watchlist: {NEGATIVES / 'watchlist.yaml'}\n", encoding="utf-8")
    extractor = build_extractor(load_settings(config, {}).build_watchlist())
    items = [
        json.loads(line)
        for line in (NEGATIVES / "hard.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    alarms = [  # only reported events become alerts (as `tracker evaluate` counts them)
        item["id"]
        for item in items
        if any(e.certainty is Certainty.REPORTED for e in extractor.extract(item_from_json(item)))
    ]
    assert len(items) == 120
    assert len(alarms) <= len(items) * 0.02, alarms
