"""Alert payloads and their rendering into one message per medium.

Everything that comes from a feed is untrusted: it is stripped of control and
bidi-override characters, bounded in length, then escaped for the medium
(Slack mrkdwn, e-mail HTML, plain text). Pure: no I/O, no clock, no apprise.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from tracker.domain import Certainty, EventType, Reason, Role

MAX_TITLE = 250
MAX_EVIDENCE = 1_000
MAX_SOURCES = 10
MAX_NAME = 120
MAX_URL = 500
MAX_DIGEST_ITEMS = 50
# Slack refuses a header over 150 characters and a section over 3,000; the
# limits apply to the escaped text.
SLACK_MAX_TITLE = 150
SLACK_MAX_BODY = 3_000


class Medium(StrEnum):
    """How a channel displays messages."""

    SLACK = "slack"
    EMAIL = "email"
    TEXT = "text"


class BodyFormat(StrEnum):
    """The markup a rendered body is written in."""

    TEXT = "text"
    HTML = "html"
    SLACK = "slack_mrkdwn"


@dataclass(frozen=True)
class Message:
    """A rendered alert. ``title`` is always plain text (the notifier escapes it)."""

    title: str
    body: str
    body_format: BodyFormat


@dataclass(frozen=True)
class AlertPayload:
    """Everything needed to render one alert; stored as JSON in ``outbox.payload``."""

    kind: str  # "transition" | "rumor"
    company_id: str
    company_name: str
    type: EventType
    person: str
    role: Role
    previous_holder: str | None = None
    interim: bool = False
    reason: Reason | None = None
    certainty: Certainty = Certainty.REPORTED
    confidence: float = 0.5
    evidence: str = ""
    sources: tuple[str, ...] = field(default=())
    occurred_at: datetime | None = None
    detected_at: datetime | None = None
    language: str = "en"

    @property
    def is_rumor(self) -> bool:
        """True for an unconfirmed report (a rumour alert)."""
        return self.kind == "rumor" or self.certainty is Certainty.RUMORED

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict; ``from_json`` reads it back to an equal payload."""
        data = asdict(self)
        data["sources"] = list(self.sources)
        for name in ("occurred_at", "detected_at"):
            data[name] = data[name].isoformat() if data[name] else None
        return {k: v.value if isinstance(v, StrEnum) else v for k, v in data.items()}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> AlertPayload:
        """Read a stored payload; raises ``ValueError``/``KeyError`` when malformed."""
        reason = data.get("reason")
        return cls(
            kind=str(data["kind"]),
            company_id=str(data["company_id"]),
            company_name=str(data.get("company_name") or data["company_id"]),
            type=EventType(data["type"]),
            person=str(data["person"]),
            role=Role(data["role"]),
            previous_holder=_opt_str(data.get("previous_holder")),
            interim=bool(data.get("interim", False)),
            reason=Reason(reason) if reason else None,
            certainty=Certainty(data.get("certainty", "reported")),
            confidence=float(data.get("confidence", 0.5)),
            evidence=str(data.get("evidence") or ""),
            sources=tuple(str(s) for s in data.get("sources") or ()),
            occurred_at=_opt_time(data.get("occurred_at")),
            detected_at=_opt_time(data.get("detected_at")),
            language=str(data.get("language") or "en"),
        )


def _opt_str(value: object) -> str | None:
    return None if value is None else str(value)


def _opt_time(value: object) -> datetime | None:
    return None if value is None else datetime.fromisoformat(str(value))


# C0/C1 controls (except newline handled by callers), DEL, bidi overrides and
# isolates, zero-width and BOM characters: none belongs in an alert, several
# can disguise text (Trojan Source style).
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]+")
_SPACES = re.compile(r"\s+")


def clean(text: str, limit: int) -> str:
    """One line of untrusted text: no control characters, single spaces, bounded."""
    # Bound first so a 100 KB input costs little; the margin survives collapsing.
    text = _SPACES.sub(" ", _UNSAFE.sub(" ", text[: limit * 4])).strip()
    if len(text) <= limit:
        return text
    return text[: limit - 1].rstrip() + "…"


def safe_url(url: str) -> str | None:
    """The URL when it is a plain http(s) link of sane length, else None."""
    url = url.strip()
    if not re.fullmatch(r"https?://[^\s\x00-\x1f\x7f<>\"]+", url) or len(url) > MAX_URL:
        return None
    return url


_ROLE_LABELS = {Role.CEO: "CEO", Role.CFO: "CFO", Role.COO: "COO", Role.CTO: "CTO"}
_DEPARTURE_VERBS = {
    Reason.DISMISSED: "dismissed as",
    Reason.RESIGNED: "resigns as",
    Reason.RETIRED: "retires as",
    Reason.DIED: "dies; was",
}


def role_label(role: Role) -> str:
    """How a role reads in a sentence."""
    return _ROLE_LABELS.get(role, "executive" if role is Role.OTHER_EXEC else role.value)


def _change_phrase(p: AlertPayload) -> str:
    role = ("interim " if p.interim else "") + role_label(p.role)
    if p.type is EventType.DEPARTURE:
        verb = _DEPARTURE_VERBS.get(p.reason or Reason.UNSPECIFIED, "leaves as")
        return f"{verb} {role}"
    if p.type is EventType.APPOINTMENT:
        phrase = f"appointed {role}"
    elif p.type is EventType.REINSTATEMENT:
        phrase = f"reinstated as {role}"
    else:
        phrase = f"board change ({role})"
    if p.previous_holder and p.type is not EventType.REINSTATEMENT:
        phrase += f" (replaces {clean(p.previous_holder, MAX_NAME)})"
    return phrase


def title_for(p: AlertPayload) -> str:
    """The one-line plain-text title, e.g. ``OpenAI: Sam Altman reinstated as CEO``."""
    company = clean(p.company_name, MAX_NAME) or clean(p.company_id, MAX_NAME)
    title = f"{company}: {clean(p.person, MAX_NAME)} {_change_phrase(p)}"
    if p.is_rumor:
        title = f"RUMOUR: {title} (unconfirmed)"
    return clean(title, MAX_TITLE)


def _before_after(p: AlertPayload) -> tuple[str, str]:
    person = clean(p.person, MAX_NAME)
    if p.type is EventType.DEPARTURE:
        return person, "vacant"
    before = clean(p.previous_holder, MAX_NAME) if p.previous_holder else "unknown"
    return before, person + (" (interim)" if p.interim else "")


def _facts(p: AlertPayload) -> list[tuple[str, str]]:
    """(label, plain value) lines of the body, in display order."""
    before, after = _before_after(p)
    facts = [("Change", f"{role_label(p.role)}: {before} → {after}")]
    if p.type is EventType.DEPARTURE:
        facts.append(("Reason", (p.reason or Reason.UNSPECIFIED).value))
    facts.append(("Interim", "yes" if p.interim else "no"))
    facts.append(("Certainty", p.certainty.value))
    facts.append(("Confidence", f"{max(0.0, min(1.0, p.confidence)):.2f}"))
    if p.occurred_at:
        facts.append(("Occurred", p.occurred_at.strftime("%Y-%m-%d %H:%M UTC")))
    facts.append(("Language", clean(p.language, 8)))
    return facts


_RUMOUR_NOTE = "RUMOUR: unconfirmed report; this change has not been confirmed."


def _sources(p: AlertPayload) -> list[str]:
    urls = [u for u in (safe_url(s) for s in p.sources) if u]
    return list(dict.fromkeys(urls))[:MAX_SOURCES]


def render(payload: AlertPayload, medium: Medium) -> Message:
    """Render one alert for a medium; every part is escaped and bounded."""
    title = title_for(payload)
    evidence = clean(payload.evidence, MAX_EVIDENCE)
    facts, sources = _facts(payload), _sources(payload)
    note = [_RUMOUR_NOTE] if payload.is_rumor else []
    if medium is Medium.SLACK:
        lines = [f"*{slack_escape(n)}*" for n in note]
        lines += [f"*{k}:* {slack_escape(v)}" for k, v in facts]
        lines.append(f"*Evidence:* “{slack_escape(fit_escaped(evidence, 1_200, slack_escape))}”")
        lines += ["*Sources:*"] + [f"• {slack_link(u)}" for u in sources]
        return _slack_message(title, lines)
    if medium is Medium.EMAIL:
        parts = [f"<p><strong>{html.escape(n)}</strong></p>" for n in note]
        parts.append("<ul>" + "".join(_html_fact(k, v) for k, v in facts) + "</ul>")
        parts.append(f"<p>Evidence: <q>{html.escape(evidence)}</q></p>")
        parts.append("<p>Sources:</p><ul>" + "".join(_html_link(u) for u in sources) + "</ul>")
        return Message(title, "\n".join(parts), BodyFormat.HTML)
    lines = [*note, *(f"{k}: {v}" for k, v in facts), f"Evidence: “{evidence}”", "Sources:"]
    lines += [f"- {u}" for u in sources]
    return Message(title, "\n".join(lines), BodyFormat.TEXT)


def render_digest(payloads: Sequence[AlertPayload], medium: Medium, day: str) -> Message:
    """One message listing several alerts (a channel's daily digest)."""
    shown = payloads[:MAX_DIGEST_ITEMS]
    more = len(payloads) - len(shown)
    title = f"Leadership changes digest {clean(day, 20)}: {len(payloads)} alert(s)"
    items = [(title_for(p), _sources(p)[:1]) for p in shown]
    tail = [f"… and {more} more"] if more else []
    if medium is Medium.SLACK:
        lines = [
            f"• {slack_escape(t)}" + "".join(f" {slack_link(u)}" for u in us) for t, us in items
        ]
        return _slack_message(title, lines + tail)
    if medium is Medium.EMAIL:
        lis = "".join(
            f"<li>{html.escape(t)}" + "".join(f" {_a(u)}" for u in us) + "</li>" for t, us in items
        )
        extra = "".join(f"<p>{html.escape(t)}</p>" for t in tail)
        return Message(title, f"<ul>{lis}</ul>{extra}", BodyFormat.HTML)
    lines = [f"- {t}" + "".join(f" {u}" for u in us) for t, us in items]
    return Message(title, "\n".join(lines + tail), BodyFormat.TEXT)


def fit_escaped(text: str, limit: int, escape: Callable[[str], str]) -> str:
    """The longest prefix of ``text`` whose escaped form fits in ``limit`` characters."""
    if len(escape(text)) <= limit:
        return text
    used, end = 1, 0  # 1: room for the ellipsis
    while end < len(text) and used + len(escape(text[end])) <= limit:
        used += len(escape(text[end]))
        end += 1
    return text[:end] + "…"


def _slack_message(title: str, lines: list[str]) -> Message:
    """A Slack message within Slack's block limits: whole lines kept while they fit."""
    kept: list[str] = []
    size = 0
    for line in lines:
        if size + len(line) + 1 > SLACK_MAX_BODY - 2:
            kept.append("…")
            break
        kept.append(line)
        size += len(line) + 1
    short_title = fit_escaped(title, SLACK_MAX_TITLE, lambda t: html.escape(t, quote=False))
    return Message(short_title, "\n".join(kept), BodyFormat.SLACK)


_MENTION_WORDS = re.compile(r"@(?=(channel|here|everyone)\b)", re.IGNORECASE)


def slack_escape(text: str) -> str:
    """Escape Slack's control characters; break ``@here``-style broadcast words."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    # A word joiner after "@" keeps the text readable but never a mention.
    return _MENTION_WORDS.sub("@\u2060", text)


def slack_link(url: str) -> str:
    """A Slack ``<url|label>`` link; the URL must already be ``safe_url``."""
    label = re.sub(r"^https?://(www\.)?", "", url).split("/")[0]
    target = url.replace("&", "&amp;").replace("|", "%7C")
    return f"<{target}|{slack_escape(label)}>"


def _html_fact(label: str, value: str) -> str:
    return f"<li><strong>{html.escape(label)}:</strong> {html.escape(value)}</li>"


def _a(url: str) -> str:
    return f'<a href="{html.escape(url, quote=True)}">{html.escape(url)}</a>'


def _html_link(url: str) -> str:
    return f"<li>{_a(url)}</li>"
