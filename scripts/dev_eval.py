"""Run the extractor over a labelled corpus and score it with the corpus scorer.

.venv/bin/python scripts/dev_eval.py [--corpus ../shared/corpus/dev.jsonl]
    [--watchlist ../shared/corpus/watchlist.yaml] [--out /tmp/SYSTEM.jsonl] [--errors 40]
    [--lang]   # also compare the language detectors on the corpus
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

from tracker.domain import Company, KnownPerson, NewsItem, Role, Watchlist
from tracker.pipeline.extract import build_extractor
from tracker.pipeline.lang import detect_langid, detect_language, detect_stopwords

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"


def load_watchlist(path: Path) -> Watchlist:
    """A watchlist YAML (top-level ``companies:``) as a domain Watchlist."""
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    companies = []
    for c in data.get("companies") or []:
        people = tuple(KnownPerson(p["name"], Role(p["role"])) for p in c.get("people") or [])
        companies.append(
            Company(
                id=c["id"],
                name=c["name"],
                aliases=tuple(c.get("aliases") or ()),
                tickers=tuple(c.get("tickers") or ()),
                people=people,
            )
        )
    return Watchlist(tuple(companies))


def compare_languages(rows: list[dict[str, Any]]) -> None:
    """Accuracy of each detector on title+summary of the corpus."""
    hits = {"stopwords": 0, "py3langid": 0, "combined": 0}
    for row in rows:
        text = f"{row['title']} {row.get('summary', '')[:600]}"
        hits["stopwords"] += (detect_stopwords(text) or "en") == row["lang"]
        hits["py3langid"] += detect_langid(text) == row["lang"]
        hits["combined"] += detect_language(text) == row["lang"]
    for name, n in hits.items():
        print(f"lang {name}: {n}/{len(rows)} = {n / len(rows):.3f}")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", type=Path, default=CORPUS / "dev.jsonl")
    ap.add_argument("--watchlist", type=Path, default=CORPUS / "watchlist.yaml")
    ap.add_argument("--out", type=Path, default=Path("/tmp/SYSTEM.jsonl"))
    ap.add_argument("--errors", type=int, default=40)
    ap.add_argument("--lang", action="store_true")
    args = ap.parse_args()
    extractor = build_extractor(load_watchlist(args.watchlist))
    rows = [
        json.loads(line) for line in args.corpus.read_text(encoding="utf-8").splitlines() if line
    ]
    with args.out.open("w", encoding="utf-8") as out:
        for row in rows:
            item = NewsItem(id=row["id"], title=row["title"], summary=row.get("summary", ""))
            events = [e.to_json() for e in extractor.extract(item)]
            out.write(json.dumps({"id": row["id"], "events": events}, ensure_ascii=False) + "\n")
    if args.lang:
        compare_languages(rows)
    cmd = [
        sys.executable,
        str(args.corpus.parent / "score.py"),
        str(args.corpus),
        str(args.out),
        "--by-lang",
        "--errors",
        str(args.errors),
    ]
    return subprocess.call(cmd)


if __name__ == "__main__":
    raise SystemExit(main())
