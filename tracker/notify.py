"""Sending rendered messages to apprise URLs.

``Notifier`` is the seam the deliverer depends on; ``AppriseNotifier`` is the
real one. It maps apprise's result to ``None`` (sent) or ``DeliveryError``:
apprise 2.x ``notify()`` returns an ``AppriseResult`` that is truthy only on
success; ``False``/``None`` (older versions, odd plugins) are failures, and
"no service matched" means the URL is unusable, a permanent configuration error.

Throttling, decided on purpose: apprise sleeps between two sends on the same
plugin object (``request_rate_per_sec``: 5.5 s for e-mail, 1.2 s for Slack).
Slack keeps its 1.2 s (Slack accepts about one message per second per
webhook). E-mail is lowered to ``email_interval`` (1 s by default): SMTP
relays take far more than one message per 5.5 s, and alerts are rare; busy
mailboxes should use ``digest: daily``. Targets on the local machine
(``127.0.0.1``, ``localhost``, ``::1``: a relay or a webhook sidecar) are not
throttled at all. The sleep happens in the deliverer, never on the poll path.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol
from urllib.parse import urlsplit

import apprise
from apprise.plugins.email import NotifyEmail
from apprise.plugins.slack import NotifySlack

from tracker.errors import DeliveryError
from tracker.pipeline.render import BodyFormat, Medium, Message
from tracker.pipeline.route import Target, medium_for_url
from tracker.settings import mask_url

logger = logging.getLogger(__name__)

LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
_MAX_ERROR = 300


class Notifier(Protocol):
    """Sends one message to one channel URL; raises ``DeliveryError`` when not taken."""

    def send(self, url: str, message: Message) -> None: ...


class AppriseNotifier:
    """Sends through apprise, one cached ``apprise.Apprise`` object per URL."""

    def __init__(self, *, email_interval: float = 1.0, asset: Any = None) -> None:
        # apprise logs whole webhook URLs, tokens included, at DEBUG: keep its
        # logger at WARNING or above whatever the root level is.
        apprise_logger = logging.getLogger("apprise")
        apprise_logger.setLevel(max(apprise_logger.getEffectiveLevel(), logging.WARNING))
        self._email_interval = email_interval
        self._asset = asset
        self._services: dict[str, tuple[Any, str]] = {}
        self._lock = threading.Lock()

    def send(self, url: str, message: Message) -> None:
        """Send ``message``; raise ``DeliveryError(permanent=...)`` unless apprise says success."""
        service, masked = self._service(url)
        try:
            result = service.notify(
                body=message.body,
                title=message.title,
                body_format=_apprise_format(message.body_format),
            )
        except Exception as exc:  # a plugin bug must not kill the deliverer
            raise DeliveryError(f"{masked}: {type(exc).__name__}: {exc}"[:_MAX_ERROR]) from exc
        if result:
            logger.info("notification sent channel=%s", masked)
            return
        status = getattr(getattr(result, "status", None), "name", str(result))
        permanent = status == "NOMATCH"
        logger.warning("notification failed channel=%s status=%s", masked, status)
        raise DeliveryError(f"{masked}: apprise status {status}", permanent=permanent)

    def _service(self, url: str) -> tuple[Any, str]:
        with self._lock:
            cached = self._services.get(url)
            if cached is None:
                cached = self._services[url] = self._build(url)
            return cached

    def _build(self, url: str) -> tuple[Any, str]:
        service = apprise.Apprise(asset=self._asset) if self._asset else apprise.Apprise()
        if not service.add(url.strip()):
            masked = mask_url(url)
            raise DeliveryError(f"{masked}: not a usable apprise URL", permanent=True)
        local = (urlsplit(url.strip()).hostname or "") in LOCAL_HOSTS
        for plugin in service:
            if isinstance(plugin, NotifySlack):
                # Blocks carry our mrkdwn body verbatim; the legacy attachment
                # format re-escapes it and would turn "!x>" back into mentions.
                plugin.use_blocks = True
            if local:
                plugin.request_rate_per_sec = 0
            elif isinstance(plugin, NotifyEmail):
                plugin.request_rate_per_sec = self._email_interval
        return service, mask_url(url)


def _apprise_format(body_format: BodyFormat) -> Any:
    # Slack mrkdwn is already final: None makes apprise pass it through as is.
    if body_format is BodyFormat.SLACK:
        return None
    if body_format is BodyFormat.HTML:
        return apprise.NotifyFormat.HTML
    return apprise.NotifyFormat.TEXT


@dataclass(frozen=True)
class ChannelResult:
    """The outcome of a test alert on one channel; ``name`` never shows a secret."""

    name: str
    ok: bool
    error: str | None = None


_TEST_TEXT = "This is a test alert from tracker. If you can read it, this channel works."


def sample_message(medium: Medium) -> Message:
    """The message ``tracker notify-test`` sends, in the channel's medium."""
    body_format = {Medium.SLACK: BodyFormat.SLACK, Medium.EMAIL: BodyFormat.HTML}
    fmt = body_format.get(medium, BodyFormat.TEXT)
    body = f"<p>{_TEST_TEXT}</p>" if fmt is BodyFormat.HTML else _TEST_TEXT
    return Message("tracker: test alert", body, fmt)


def notify_test(targets: Sequence[Target], notifier: Notifier) -> list[ChannelResult]:
    """Send a test alert to every channel; one result per channel, in config order."""
    results = []
    for target in targets:
        name = getattr(target, "name", None) or mask_url(target.url)
        try:
            notifier.send(target.url, sample_message(medium_for_url(target.url)))
        except DeliveryError as exc:
            results.append(ChannelResult(name, False, exc.message))
        else:
            results.append(ChannelResult(name, True))
    return results
