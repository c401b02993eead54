"""The daemon's optional HTTP endpoint: ``/healthz`` and ``/metrics``.

Standard library only (``ThreadingHTTPServer`` on a daemon thread): two
read-only routes do not justify a web framework.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from prometheus_client import CONTENT_TYPE_LATEST

from tracker.metrics import Metrics

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Health:
    """The answer of /healthz: ``ok`` decides 200 or 503; ``checks`` explain it."""

    ok: bool
    checks: dict[str, Any] = field(default_factory=dict)


HealthProbe = Callable[[], Health]


def _handler(metrics: Metrics, probe: HealthProbe) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        server_version = "tracker"

        def do_GET(self) -> None:
            path = self.path.split("?", 1)[0]
            if path == "/healthz":
                health = probe()
                body = json.dumps({"ok": health.ok, **health.checks}, default=str).encode()
                self._reply(200 if health.ok else 503, "application/json", body)
            elif path == "/metrics":
                self._reply(200, CONTENT_TYPE_LATEST, metrics.exposition())
            else:
                self._reply(404, "text/plain", b"not found\n")

        def _reply(self, status: int, content_type: str, body: bytes) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:
            logger.debug("http %s", format % args)

    return Handler


class StatusServer:
    """Serves /healthz and /metrics on ``host:port`` until ``stop()``."""

    def __init__(self, host: str, port: int, metrics: Metrics, probe: HealthProbe) -> None:
        self._server = ThreadingHTTPServer((host, port), _handler(metrics, probe))
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, name="tracker-http", daemon=True
        )

    @property
    def address(self) -> tuple[str, int]:
        """The bound (host, port); port 0 in the config picks a free one."""
        host, port = self._server.server_address[:2]
        return str(host), int(port)

    def start(self) -> None:
        """Start serving on a background thread."""
        self._thread.start()
        logger.info("http endpoint listening", extra={"fields": {"address": self.address}})

    def stop(self) -> None:
        """Stop serving and release the port."""
        self._server.shutdown()
        self._server.server_close()
