"""The tracker's error hierarchy.

Every error the tracker raises on purpose derives from ``TrackerError``; each
says whether retrying can help (``permanent``)::

    TrackerError
    ├── ConfigError        bad or missing configuration (permanent; CLI exit 2)
    ├── FetchError         a feed could not be fetched (temporary unless 404/410/oversize...)
    ├── ParseError         feed bytes are not a usable feed (permanent for those bytes)
    ├── StoreError         the database is unreachable or refused a write (temporary)
    └── DeliveryError      a channel did not take an alert (temporary unless misconfigured)

The CLI turns a ``TrackerError`` into a one-line message and an exit code.
"""

from __future__ import annotations


class TrackerError(Exception):
    """Base class; ``permanent`` tells callers whether a retry can help."""

    permanent: bool = False

    def __init__(self, message: str, *, permanent: bool | None = None) -> None:
        super().__init__(message)
        if permanent is not None:
            self.permanent = permanent

    @property
    def message(self) -> str:
        """The human-readable message."""
        return str(self.args[0]) if self.args else type(self).__name__


class ConfigError(TrackerError):
    """The configuration is invalid; the message names file, key path and line."""

    permanent = True


class FetchError(TrackerError):
    """A feed could not be fetched.

    ``kind`` is a short stable label for metrics and logs (``timeout``,
    ``http_404``, ``too_large``, ``connect``...). ``retry_after`` is seconds the
    server asked us to wait, when it said so.
    """

    def __init__(
        self,
        message: str,
        *,
        kind: str,
        permanent: bool = False,
        status: int | None = None,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(message, permanent=permanent)
        self.kind = kind
        self.status = status
        self.retry_after = retry_after


class ParseError(TrackerError):
    """Feed bytes could not be read as a feed."""

    permanent = True


class StoreError(TrackerError):
    """The database could not be reached or refused an operation."""


class DeliveryError(TrackerError):
    """A notification channel did not accept an alert."""
