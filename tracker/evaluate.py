"""Score extraction against a labelled corpus (the format of the corpus SPEC).

Per item, gold keys are (company, type) of ``reported`` events; system keys
likewise. A system key matches a gold key of the same company whose type is
the gold type or one of its ``also_ok`` types. Micro precision/recall/F1 over
keys, per language and overall. On matched keys, people are compared by
surname (last token, case- and accent-folded). Rumored/denied events are
scored apart: the system must report them with the same certainty class.
A board change whose people all take or leave the chair in the same item is
implied by those chair events and neither credited nor counted against.
"""

from __future__ import annotations

import json
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tracker.errors import TrackerError

JsonEvent = Mapping[str, Any]
TYPES = frozenset({"departure", "appointment", "reinstatement", "board_change"})
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


def fold(text: str) -> str:
    """Lower-case, accent-free, stripped."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower().strip()


def surname(name: str) -> str:
    """The last token of a name, ignoring Jr/Sr/II-style suffixes."""
    tokens = [t for t in fold(name).replace(".", " ").replace(",", " ").split() if t]
    while len(tokens) > 1 and tokens[-1] in _SUFFIXES:
        tokens.pop()
    return tokens[-1] if tokens else ""


@dataclass
class Counts:
    """True positives, false positives and false negatives."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def scores(self) -> tuple[float, float, float]:
        """Precision, recall, F1."""
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


@dataclass(frozen=True)
class ItemError:
    """One item where the system missed or invented a reported event."""

    item_id: str
    title: str
    missed: tuple[tuple[str, str], ...]
    spurious: tuple[tuple[str, str], ...]


@dataclass
class Report:
    """Everything `tracker evaluate` prints."""

    by_lang: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    overall: Counts = field(default_factory=Counts)
    items: int = 0
    negatives: int = 0
    negatives_with_false_event: int = 0
    surnames_found: int = 0
    surnames_total: int = 0
    extra_names: int = 0
    unconfirmed_right: int = 0
    unconfirmed_total: int = 0
    errors: list[ItemError] = field(default_factory=list)

    @property
    def surname_recall(self) -> float:
        """Share of gold surnames found on matched events."""
        return self.surnames_found / self.surnames_total if self.surnames_total else 0.0


def _people(event: JsonEvent) -> list[str]:
    people = event.get("people")
    if people is None and event.get("person"):
        people = [event["person"]]
    return [p for p in (people or []) if isinstance(p, str) and p.strip()]


def _certainty(event: JsonEvent) -> str:
    return str(event.get("certainty") or "reported").lower()


def _keys(events: Iterable[JsonEvent], reported: bool) -> dict[tuple[str, str], set[str]]:
    out: dict[tuple[str, str], set[str]] = defaultdict(set)
    for ev in events:
        if (_certainty(ev) == "reported") != reported:
            continue
        out[(str(ev.get("company")), str(ev.get("type")))] |= {surname(p) for p in _people(ev)}
    return out


def _chair_people(events: Iterable[JsonEvent]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for ev in events:
        if (
            _certainty(ev) == "reported"
            and ev.get("role") == "chair"
            and ev.get("type") in ("appointment", "departure", "reinstatement")
        ):
            out[str(ev["company"])] |= {surname(p) for p in _people(ev)}
    return out


def _merge_gold(events: list[JsonEvent]) -> list[dict[str, Any]]:
    merged: dict[tuple[str, str], dict[str, Any]] = {}
    chairs = _chair_people(events)
    for ev in events:
        if _certainty(ev) != "reported":
            continue
        names = {surname(p) for p in _people(ev)}
        company = str(ev["company"])
        implied_by_chair = names and names <= chairs.get(company, set())
        if ev["type"] == "board_change" and implied_by_chair:
            continue
        key = (company, str(ev["type"]))
        if key in merged:
            merged[key]["people"] = merged[key]["people"] + _people(ev)
            merged[key]["also_ok"] = sorted(
                set(merged[key]["also_ok"]) | set(ev.get("also_ok") or [])
            )
        else:
            merged[key] = dict(ev, people=_people(ev), also_ok=list(ev.get("also_ok") or []))
    return list(merged.values())


def _match(
    gold: list[dict[str, Any]], system: dict[tuple[str, str], set[str]], report: Report
) -> tuple[int, list[tuple[str, str]], list[tuple[str, str]]]:
    tp, missed, used = 0, [], set()
    for g in gold:
        candidates = [(g["company"], t) for t in [g["type"], *g["also_ok"]]]
        hit = next((k for k in candidates if k in system and k not in used), None)
        if hit is None:
            missed.append((g["company"], g["type"]))
            continue
        used.add(hit)
        tp += 1
        gold_names = {surname(p) for p in g["people"]}
        report.surnames_found += len(gold_names & system[hit])
        report.surnames_total += len(gold_names)
        if gold_names:
            report.extra_names += len(system[hit] - gold_names)
    spurious = [k for k in system if k not in used]
    return tp, missed, spurious


def score_item(
    gold_item: Mapping[str, Any], system_events: list[JsonEvent], report: Report
) -> None:
    """Add one item's comparison to the report."""
    gold_events: list[JsonEvent] = list(gold_item.get("events") or [])
    sys_events = [e for e in system_events if e.get("type") in TYPES]
    system = _keys(sys_events, reported=True)
    gold = _merge_gold(gold_events)
    for company in _chair_people(gold_events):
        if not any(g["company"] == company and g["type"] == "board_change" for g in gold):
            system.pop((company, "board_change"), None)
    tp, missed, spurious = _match(gold, system, report)
    for counts in (report.by_lang[str(gold_item.get("lang", "?"))], report.overall):
        counts.tp += tp
        counts.fp += len(spurious)
        counts.fn += len(missed)
    report.items += 1
    if not gold_events:
        report.negatives += 1
        report.negatives_with_false_event += bool(spurious)
    unconfirmed = _keys(sys_events, reported=False)
    for ev in gold_events:
        if _certainty(ev) != "reported":
            report.unconfirmed_total += 1
            report.unconfirmed_right += (str(ev["company"]), str(ev["type"])) in unconfirmed
    if missed or spurious:
        report.errors.append(
            ItemError(
                str(gold_item.get("id")),
                str(gold_item.get("title", "")),
                tuple(missed),
                tuple(spurious),
            )
        )


def load_corpus(path: Path) -> list[dict[str, Any]]:
    """Read a labelled JSONL corpus; a bad line is a TrackerError naming it."""
    items: list[dict[str, Any]] = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise TrackerError(f"{path}: cannot read corpus: {exc.strerror}", permanent=True) from exc
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except ValueError as exc:
            raise TrackerError(f"{path}:{number}: not JSON: {exc}", permanent=True) from exc
        if not isinstance(obj, dict) or "id" not in obj:
            raise TrackerError(f"{path}:{number}: an object with an id is needed", permanent=True)
        items.append(obj)
    return items


def evaluate(
    items: list[dict[str, Any]], extract: Callable[[Mapping[str, Any]], list[JsonEvent]]
) -> Report:
    """Run ``extract`` on every item (seeing only id/title/summary/published/link)."""
    report = Report()
    for item in items:
        visible = {k: item.get(k) for k in ("id", "title", "summary", "published", "link")}
        score_item(item, extract(visible), report)
    return report


def format_report(report: Report, max_errors: int = 50) -> str:
    """The human-readable summary printed by `tracker evaluate`."""
    lines = ["language  items-keys  tp   fp   fn   precision  recall  f1"]
    for lang in sorted(report.by_lang):
        c = report.by_lang[lang]
        p, r, f = c.scores()
        counts = f"{c.tp + c.fn:>10} {c.tp:>4} {c.fp:>4} {c.fn:>4}"
        lines.append(f"{lang:<9} {counts} {p:>10.3f} {r:>7.3f} {f:>6.3f}")
    if report.errors:
        lines.append(f"errors ({len(report.errors)} items, first {max_errors}):")
    for err in report.errors[:max_errors]:
        lines.append(
            f"  {err.item_id}: missed={list(err.missed)} spurious={list(err.spurious)}"
            f" | {err.title[:90]}"
        )
    p, r, f = report.overall.scores()
    lines += [
        f"items={report.items} negatives={report.negatives}"
        f" negatives_with_false_event={report.negatives_with_false_event}",
        f"people: surname recall={report.surname_recall:.3f} extra_names={report.extra_names}",
        f"unconfirmed (rumored/denied) kept apart: "
        f"{report.unconfirmed_right}/{report.unconfirmed_total}",
        f"f1={f:.3f} precision={p:.3f} recall={r:.3f}",
    ]
    return "\n".join(lines)
