"""The poll pipeline at scale: 500 local feeds x 50 entries through a real Runtime.

Usage: ``.venv/bin/python benchmarks/poll.py [FEEDS] [ENTRIES]`` (default 500 50).
Add ``--profile`` to print the top of a cProfile of the first cycle, and
``--postgres`` to run the cycles on PostgreSQL too (``TRACKER_TEST_POSTGRES_URL``,
in a scratch schema dropped afterwards).

Figures (see benchmarks/README.md):

1. first cycle (every entry new): wall time and entries/s, as a ratio to
   feedparser alone parsing the same bytes, measured in the same run
   (target <= 1.5x);
2. second cycle (every feed answers 304 to its ETag): wall time (target < 5 s);
3. peak memory: ``ru_maxrss`` of this process, and the tracemalloc peak of
   one extra first cycle on a fresh database when ``--tracemalloc`` is given.

The feeds are served by ``tests/feedserver.py`` in a child process, so the
server's work is not charged to the pipeline. Everything lives in a temporary
directory that is removed at the end. ``benchmarks/history.py`` measures
``tracker history`` on a million stored entries.
"""

from __future__ import annotations

import cProfile
import io
import json
import os
import pstats
import random
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

import feedparser  # noqa: E402
import yaml  # noqa: E402
from history import scratch_schema  # noqa: E402

from tracker.runtime import Runtime  # noqa: E402
from tracker.settings import Settings, load_settings  # noqa: E402

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
WATCHLIST = ROOT / "config" / "companies.yaml"
LEADERSHIP_SHARE = 0.12  # items about a watched company's leadership
MENTION_SHARE = 0.08  # items naming a watched company without any change

# Headline / summary templates per language: {c} company, {p} person, {n} newcomer.
CHANGES: dict[str, list[tuple[str, str]]] = {
    "en": [
        (
            "{c} CEO {p} steps down",
            "{p} resigned as chief executive of {c} on {d}, the company said.",
        ),
        (
            "{c} names {n} chief executive",
            "{c} appointed {n} as CEO, replacing {p}, effective immediately.",
        ),
        (
            "{c} fires CFO {p}",
            "The board of {c} dismissed chief financial officer {p} after an internal review.",
        ),
        (
            "{p} to leave {c} board",
            "{p} will step down from the board of directors of {c} next month.",
        ),
        (
            "Report: {c} CEO {p} could be ousted",
            "People familiar with the matter say {p} may be replaced as CEO of {c}.",
        ),
    ],
    "fr": [
        (
            "{c} : le PDG {p} quitte ses fonctions",
            "{p} a démissionné de son poste de directeur général de {c}.",
        ),
        (
            "{c} nomme {n} directeur général",
            "Le conseil de {c} a nommé {n} directeur général, en remplacement de {p}.",
        ),
    ],
    "de": [
        (
            "{c}-Chef {p} tritt zurück",
            "{p} tritt als Vorstandschef von {c} zurück, teilte das Unternehmen mit.",
        ),
        (
            "{c} ernennt {n} zum neuen Vorstandschef",
            "Der Aufsichtsrat von {c} hat {n} zum Vorstandsvorsitzenden ernannt.",
        ),
    ],
    "es": [
        (
            "{c} nombra a {n} consejero delegado",
            "{c} ha nombrado a {n} nuevo consejero delegado tras la salida de {p}.",
        ),
        (
            "Dimite {p}, consejero delegado de {c}",
            "{p} ha presentado su dimisión como consejero delegado de {c}.",
        ),
    ],
    "it": [
        (
            "{c}, si dimette l'amministratore delegato {p}",
            "{p} ha rassegnato le dimissioni da amministratore delegato di {c}.",
        ),
        (
            "{c} nomina {n} amministratore delegato",
            "Il consiglio di amministrazione di {c} ha nominato {n} nuovo amministratore delegato.",
        ),
    ],
}
MENTIONS = [
    (
        "{c} CEO {p} talks AI strategy in interview",
        "In an interview, {p} said {c} will keep investing.",
    ),
    (
        "{c} shares rise after quarterly results",
        "{c} beat analyst estimates; revenue grew 8% year on year.",
    ),
    (
        "{c} le PDG {p} défend la stratégie du groupe",
        "Dans un entretien, {p} a défendu les choix de {c}.",
    ),
    ("{c} eröffnet neues Werk", "{c} investiert zwei Milliarden Euro in ein neues Werk."),
]
OTHER = [
    (
        "Central bank holds rates at {x}%",
        "Policymakers kept the benchmark rate unchanged at {x}%, citing sticky inflation.",
    ),
    (
        "Oil prices climb {x}% on supply worries",
        "Brent crude rose as traders weighed output cuts and shipping disruptions.",
    ),
    (
        "Inflation eases to {x}% in the eurozone",
        "Consumer prices rose less than expected, according to Eurostat data.",
    ),
    (
        "La Bourse de Paris termine en hausse de {x}%",
        "Le CAC 40 a profité de la bonne tenue des valeurs bancaires.",
    ),
    (
        "DAX schließt {x} Prozent höher",
        "Der deutsche Leitindex profitierte von starken Autowerten.",
    ),
    (
        "El Ibex 35 cierra con una subida del {x}%",
        "Los bancos lideraron las ganancias en la bolsa española.",
    ),
    ("Borsa di Milano chiude in rialzo del {x}%", "Il Ftse Mib ha beneficiato dei titoli bancari."),
    (
        "Startup raises ${x} million in series B",
        "The round was led by a group of venture investors.",
    ),
]
FIRST = ["Anna", "Marc", "Julia", "Pedro", "Giulia", "Thomas", "Claire", "Luca", "Sofia", "David"]
LAST = ["Keller", "Moreau", "García", "Rossi", "Schmidt", "Bennett", "Laurent", "Romano", "Ortiz"]


Companies = list[tuple[str, list[str]]]
Story = tuple[str, str, str, int]  # company, person, newcomer, template number


def _companies() -> Companies:
    data = yaml.safe_load(WATCHLIST.read_text(encoding="utf-8"))
    return [(c["name"], [p["name"] for p in c.get("people", [])]) for c in data["companies"]]


def _name(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def news_of_the_day(rng: random.Random, companies: Companies, count: int = 80) -> list[Story]:
    """The leadership changes of the day: every feed reports some of them, in its words."""
    stories = []
    for n in range(count):
        company, people = rng.choice(companies)
        stories.append((company, rng.choice(people) if people else _name(rng), _name(rng), n))
    return stories


def _item(rng: random.Random, companies: Companies, stories: list[Story]) -> tuple[str, str]:
    roll = rng.random()
    company, people = rng.choice(companies)
    values = {"c": company, "p": rng.choice(people) if people else _name(rng), "n": _name(rng),
              "d": "Monday", "x": f"{rng.uniform(0.1, 9.9):.1f}"}  # fmt: skip
    if roll < LEADERSHIP_SHARE:
        values["c"], values["p"], values["n"], number = rng.choice(stories)
        templates = CHANGES[rng.choice(list(CHANGES))]
        title, summary = templates[number % len(templates)]
    elif roll < LEADERSHIP_SHARE + MENTION_SHARE:
        title, summary = rng.choice(MENTIONS)
    else:
        title, summary = rng.choice(OTHER)
    return title.format(**values), summary.format(**values)


def make_feed(
    index: int, entries: int, rng: random.Random, companies: Companies, stories: list[Story]
) -> bytes:
    """One RSS 2.0 document of ``entries`` items, newest first, with HTML summaries."""
    items = []
    for n in range(entries):
        title, summary = _item(rng, companies, stories)
        published = NOW - timedelta(minutes=37 * n + index)
        link = f"https://news{index}.example.com/{published:%Y/%m/%d}/story-{index}-{n}"
        html = f"<p>{escape(summary)}</p><p><a href='{link}'>Read more</a></p>"
        items.append(
            f"<item><title>{escape(title)}</title><link>{link}</link>"
            f'<guid isPermaLink="false">feed{index}-item{n}</guid>'
            f"<pubDate>{format_datetime(published)}</pubDate>"
            f"<category>Business</category>"
            f"<description>{escape(html)}</description></item>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>'
        f"<title>Business wire {index}</title><link>https://news{index}.example.com/</link>"
        f"<description>Business news</description><language>en</language><ttl>15</ttl>"
        + "".join(items)
        + "</channel></rss>"
    ).encode()


def write_feeds(folder: Path, feeds: int, entries: int) -> list[bytes]:
    """Generate the feed files (seeded, so every run serves the same bytes)."""
    rng = random.Random(20231117)
    companies = _companies()
    stories = news_of_the_day(rng, companies)
    bodies = [make_feed(i, entries, rng, companies, stories) for i in range(feeds)]
    for i, body in enumerate(bodies):
        (folder / f"feed{i}.xml").write_bytes(body)
    return bodies


SERVER = """
import sys, time
sys.path.insert(0, {tests!r})
from pathlib import Path
from feedserver import Route, serve
folder = Path({folder!r})
routes = {{f"/{{p.name}}": Route.file(p, etag=f'"{{p.stem}}-v1"') for p in folder.glob("*.xml")}}
with serve(routes) as server:
    print(server.base_url, flush=True)
    sys.stdin.read()
"""


@contextmanager
def serving(folder: Path) -> Iterator[str]:
    """Serve every ``*.xml`` of ``folder`` from a child process; yields the base URL."""
    code = SERVER.format(tests=str(ROOT / "tests"), folder=str(folder))
    child = subprocess.Popen(
        [sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert child.stdout is not None
        yield child.stdout.readline().strip()
    finally:
        assert child.stdin is not None
        child.stdin.close()
        child.wait(timeout=10)


def settings_for(
    folder: Path, base_url: str, feeds: int, database_url: str | None = None
) -> Settings:
    """A config with the example watchlist, the local feeds and (by default) a fresh SQLite file."""
    config = {
        "database_url": database_url or f"sqlite:///{folder / 'tracker.db'}",
        "watchlist": str(WATCHLIST),
        "fetch_timeout": "20s",
        "feeds": [{"url": f"{base_url}/feed{i}.xml"} for i in range(feeds)],
        # Alerts are only enqueued by a poll (delivery is benchmarks/deliver.py's job).
        "notify": [{"url": "json://127.0.0.1:9/alerts"}],
    }
    path = folder / "tracker.yaml"
    path.write_text(json.dumps(config), encoding="utf-8")
    return load_settings(path, environ={})


def feedparser_alone(bodies: list[bytes]) -> float:
    """Seconds feedparser takes to parse every body (the baseline)."""
    start = time.perf_counter()
    for body in bodies:
        feedparser.parse(io.BytesIO(body), response_headers={"content-type": "application/rss+xml"})
    return time.perf_counter() - start


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def profiled(fn: Callable[[], Any]) -> tuple[float, Any]:
    """Run ``fn`` under cProfile and print the 25 heaviest functions (cumulative)."""
    profile = cProfile.Profile()
    start = time.perf_counter()
    result = profile.runcall(fn)
    elapsed = time.perf_counter() - start
    out = io.StringIO()
    pstats.Stats(profile, stream=out).sort_stats("cumulative").print_stats(35)
    print(out.getvalue())
    return elapsed, result


Cycles = tuple[float, float, Any]


def cycles(settings: Settings, total: int, profile: bool = False) -> Cycles:
    """Seconds of the first (all new) and second (all 304) cycles, and the first's report."""
    runtime = Runtime.open(settings)
    try:
        first_cycle = profiled if profile else timed
        first, report = first_cycle(lambda: runtime.poll_all(NOW))
        assert not report.failed, report.failed[:3]
        assert report.total("new_entries") == total, report.total("new_entries")
        second, again = timed(lambda: runtime.poll_all(NOW + timedelta(hours=1)))
        assert {o.status for o in again.outcomes} == {"not_modified"}
    finally:
        runtime.close()
    return first, second, report


def run(feeds: int, entries: int, *, profile: bool, trace: bool, postgres: str | None) -> None:
    with tempfile.TemporaryDirectory(prefix="tracker-bench-") as tmp:
        folder = Path(tmp)
        bodies = write_feeds(folder, feeds, entries)
        total = feeds * entries
        baseline = min(feedparser_alone(bodies) for _ in range(2))  # best of 2, warm
        with serving(folder) as base_url:
            measured = {"sqlite": cycles(settings_for(folder, base_url, feeds), total, profile)}
            traced = _traced_cycle(folder, base_url, feeds) if trace else None
            if postgres:
                with scratch_schema(postgres) as url:
                    settings = settings_for(folder, base_url, feeds, database_url=url)
                    measured["postgresql"] = cycles(settings, total)
    for name, figures in measured.items():
        _print(name, (feeds, entries), baseline, figures, traced if name == "sqlite" else None)


def _traced_cycle(folder: Path, base_url: str, feeds: int) -> int:
    """tracemalloc peak (bytes) of one first cycle on a fresh database."""
    (folder / "tracker.db").unlink()
    runtime = Runtime.open(settings_for(folder, base_url, feeds))
    tracemalloc.start()
    try:
        runtime.poll_all(NOW)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
        runtime.close()


def _print(
    name: str, size: tuple[int, int], baseline: float, figures: Cycles, traced: int | None
) -> None:
    (feeds, entries), (first, second, report) = size, figures
    total = feeds * entries
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rows = [
        (f"[{name}] feeds x entries", f"{feeds} x {entries} = {total}", ""),
        ("feedparser alone (baseline)", f"{baseline:.2f} s", f"{total / baseline:,.0f} entries/s"),
        ("first cycle (all new)", f"{first:.2f} s", f"{total / first:,.0f} entries/s"),
        ("  ratio to feedparser", f"{first / baseline:.2f}x", "target <= 1.5x"),
        ("  events / transitions", f"{report.total('events')} / {report.total('transitions')}", ""),
        ("second cycle (all 304)", f"{second:.2f} s", "target < 5 s"),
        ("  ratio to first cycle", f"{second / first:.3f}x", ""),
        ("peak RSS (ru_maxrss)", f"{rss_mb:.0f} MB", "whole process"),
    ]
    if traced is not None:
        rows.append(("tracemalloc peak, 1 cycle", f"{traced / 2**20:.0f} MB", "Python heap"))
    width = max(len(r[0]) for r in rows)
    for label, value, note in rows:
        print(f"{label:<{width}}  {value:>22}  {note}")


def main(argv: list[str]) -> None:
    flags = {a for a in argv if a.startswith("--")}
    numbers = [int(a) for a in argv if not a.startswith("--")]
    feeds, entries = (numbers + [500, 50][len(numbers) :])[:2]
    postgres = os.environ.get("TRACKER_TEST_POSTGRES_URL") if "--postgres" in flags else None
    run(
        feeds,
        entries,
        profile="--profile" in flags,
        trace="--tracemalloc" in flags,
        postgres=postgres,
    )


if __name__ == "__main__":
    main(sys.argv[1:])
