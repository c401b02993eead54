"""Which channels get an alert, how each channel is keyed and which medium it uses.

Pure: the targets are the configured ``NotifyTarget`` objects (anything with
the same attributes), nothing is read from the environment.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Sequence
from typing import Protocol, TypeVar
from urllib.parse import urlsplit

from tracker.pipeline.render import AlertPayload, Medium


class Target(Protocol):
    """The parts of ``settings.NotifyTarget`` routing needs."""

    @property
    def url(self) -> str: ...

    @property
    def companies(self) -> Collection[str] | None: ...

    @property
    def types(self) -> Collection[str] | None: ...

    @property
    def min_confidence(self) -> float: ...

    @property
    def rumors(self) -> bool | None: ...

    @property
    def digest(self) -> str | None: ...

    @property
    def name(self) -> str | None: ...


T = TypeVar("T", bound=Target)

_EMAIL_SCHEMES = frozenset({"mailto", "mailtos"})
_SLACK_HOSTS = frozenset({"hooks.slack.com", "hooks.slack-gov.com"})


def channel_key(url: str, name: str | None = None) -> str:
    """A stable short key for a channel: a SHA-256 prefix, so no secret is stored.

    A named channel is keyed by its name, so its queued alerts survive a change
    of URL (a rotated password or token); an unnamed one by its URL.
    """
    identity = f"name:{name.strip()}" if name and name.strip() else url.strip()
    return hashlib.sha256(identity.encode("utf-8")).hexdigest()[:16]


def target_key(target: Target) -> str:
    """``channel_key`` of a configured target."""
    return channel_key(target.url, target.name)


def medium_for_url(url: str) -> Medium:
    """The medium an apprise URL displays: Slack, e-mail, or plain text for the rest."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    if scheme == "slack" or (scheme == "https" and (parts.hostname or "") in _SLACK_HOSTS):
        return Medium.SLACK
    if scheme in _EMAIL_SCHEMES:
        return Medium.EMAIL
    return Medium.TEXT


def wants(payload: AlertPayload, target: Target, alert_rumors: bool) -> bool:
    """True when the target's filters accept this alert."""
    if target.companies is not None and payload.company_id not in target.companies:
        return False
    if target.types is not None and payload.type.value not in {str(t) for t in target.types}:
        return False
    if payload.confidence < target.min_confidence:
        return False
    if payload.is_rumor:
        return alert_rumors if target.rumors is None else target.rumors
    return True


def select_targets(
    payload: AlertPayload, targets: Sequence[T], alert_rumors: bool
) -> list[tuple[str, T]]:
    """The ``(channel_key, target)`` pairs that get this alert, in config order.

    A reported transition goes to every matching channel; a rumour only to the
    channels that want rumours (``target.rumors``, else ``alert_rumors``). The
    same URL configured twice gets the alert once.
    """
    chosen: dict[str, T] = {}
    for target in targets:
        key = target_key(target)
        if key not in chosen and wants(payload, target, alert_rumors):
            chosen[key] = target
    return list(chosen.items())
