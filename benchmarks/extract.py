"""Extraction throughput, memory and worst-case latency (prints figures, asserts nothing).

    .venv/bin/python benchmarks/extract.py [--items 20000] [--companies 5000]

Watchlist: the dev-corpus companies plus generated ones up to ``--companies``.
Items: the dev corpus lines (repeated) mixed with generated news lines. The
baseline is ``json.loads`` over the same lines in the same run, so the ratio
is comparable across machines; CPU-time figures are printed too because wall
time suffers when other processes share the cores. Targets: >= 3,000 items/s on one core,
< 300 MB peak RSS, a 1 MB item in < 1 s.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

from dev_eval import CORPUS, load_watchlist

from tracker.domain import Company, KnownPerson, NewsItem, Role, Watchlist
from tracker.pipeline import extract as extract_module
from tracker.pipeline.extract import build_extractor
from tracker.pipeline.lang import detect_langid

SYLLABLES = "ka lo mi ren tor vex sul ar den bra qui zen fal mor tis lin cor vat".split()
FIRST = "Anna Marco Sofia Jean Luis Klara Peter Maria David Elena Tomas Ines".split()
TEMPLATES = [
    ("{co} names {p} chief executive", "{p} succeeds {q}, who retires after a decade."),
    ("{co} shares rise after quarterly results", "Revenue grew 8% and margins widened."),
    ("{co} CFO {p} resigns", "The company said {p} would stay until a successor is found."),
    ("{co} : {p} nommé directeur général", "Il succède à {q}, selon un communiqué."),
    ("{co}-Chef {p} tritt zurück", "Der Aufsichtsrat sucht einen Nachfolger."),
    ("{co} despide a 500 trabajadores", "La compañía cerrará dos plantas."),
    ("{co}, {p} nuovo amministratore delegato", "Prende il posto di {q}."),
    ("Markets close higher as oil rebounds", "Investors weighed central bank comments."),
]


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(3)).capitalize()


def build_watchlist(n: int, rng: random.Random) -> Watchlist:
    """Dev watchlist plus generated companies up to ``n``."""
    base = load_watchlist(CORPUS / "watchlist.yaml").companies
    extra = []
    for i in range(max(0, n - len(base))):
        name = f"{_word(rng)} {rng.choice(['Group', 'Holdings', 'Industries', 'AG', 'SA'])}"
        person = KnownPerson(f"{rng.choice(FIRST)} {_word(rng)}", Role.CEO)
        extra.append(
            Company(f"gen{i}", name, (name.split(maxsplit=1)[0],), (f"G{i:04d}",), (person,))
        )
    return Watchlist((*base, *extra))


def build_lines(n: int, watchlist: Watchlist, rng: random.Random) -> list[str]:
    """JSON lines: one third dev-corpus items, the rest generated."""
    text = (CORPUS / "dev.jsonl").read_text(encoding="utf-8")
    dev = [line for line in text.splitlines() if line]
    names = [c.aliases[0] if c.aliases else c.name for c in watchlist.companies]
    lines: list[str] = []
    for i in range(n):
        if i % 3 == 0:
            lines.append(dev[i % len(dev)])
            continue
        title, summary = rng.choice(TEMPLATES)
        fill = {
            "co": rng.choice(names),
            "p": f"{rng.choice(FIRST)} {_word(rng)}",
            "q": f"{rng.choice(FIRST)} {_word(rng)}",
        }
        item = {"id": f"g{i}", "title": title.format(**fill), "summary": summary.format(**fill)}
        lines.append(json.dumps(item, ensure_ascii=False))
    return lines


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--items", type=int, default=20_000)
    ap.add_argument("--companies", type=int, default=5_000)
    args = ap.parse_args()
    rng = random.Random(7)
    watchlist = build_watchlist(args.companies, rng)
    lines = build_lines(args.items, watchlist, rng)

    t0 = time.perf_counter()
    extractor = build_extractor(watchlist)
    build_s = time.perf_counter() - t0
    detect_langid("warm up")  # loads the bundled model once, outside the timings

    c0, t0 = time.process_time(), time.perf_counter()
    parsed = [json.loads(line) for line in lines]
    baseline_s, baseline_cpu = time.perf_counter() - t0, time.process_time() - c0

    c0, t0 = time.process_time(), time.perf_counter()
    events = 0
    for line in lines:
        row = json.loads(line)
        events += len(extractor.extract(NewsItem(row["id"], row["title"], row.get("summary", ""))))
    extract_s, extract_cpu = time.perf_counter() - t0, time.process_time() - c0

    big = ("Bezos will step down as Amazon's chief executive. <p>x &amp; y</p> " * 20_000)[
        :1_000_000
    ]
    t0 = time.perf_counter()
    extractor.extract(NewsItem("big", "Amazon CEO Jeff Bezos to step down", big))
    big_s = time.perf_counter() - t0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    compiled = extract_module.__file__ is not None and extract_module.__file__.endswith(".so")
    print(f"pipeline build           {'compiled (mypyc)' if compiled else 'pure Python'}")
    print(f"watchlist companies      {len(watchlist.companies)} (built in {build_s:.2f} s)")
    print(f"items                    {len(parsed)} ({events} events)")
    print(f"baseline json.loads      {len(lines) / baseline_s:,.0f} items/s")
    print(f"extract (incl. parse)    {len(lines) / extract_s:,.0f} items/s")
    print(f"extract / baseline time  {extract_s / baseline_s:.1f}x")
    # CPU time is steadier than wall time when other processes share the cores.
    print(f"extract per CPU second   {len(lines) / extract_cpu:,.0f} items/s")
    print(f"extract / baseline CPU   {extract_cpu / max(baseline_cpu, 1e-9):.1f}x")
    per_parse = baseline_s / len(lines)
    print(f"1 MB item                {big_s * 1000:.1f} ms ({big_s / per_parse:.0f}x one parse)")
    print(f"peak RSS                 {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
