"""A real local HTTP endpoint that records JSON posts and can be told to fail."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any


class HttpSink:
    """``with HttpSink() as sink:`` records every JSON body POSTed to it.

    ``sink.fail_with = 503`` makes every request fail with that status until it
    is set back to ``None``; ``sink.fail_next = n`` fails only the next ``n``.
    """

    def __init__(self) -> None:
        self.posts: list[dict[str, Any]] = []
        self.paths: list[str] = []
        self.fail_with: int | None = None
        self.fail_next = 0
        self.lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    def url(self, path: str = "hook") -> str:
        """An apprise ``json://`` URL that posts here."""
        return f"json://127.0.0.1:{self.port}/{path}"

    def _status(self) -> int:
        with self.lock:
            if self.fail_next > 0:
                self.fail_next -= 1
                return 500
            return self.fail_with or 200

    def _record(self, path: str, body: bytes) -> None:
        with self.lock:
            self.posts.append(json.loads(body))
            self.paths.append(path)

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        sink = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                status = sink._status()
                if status < 300:
                    sink._record(self.path, body)
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, format: str, *args: Any) -> None:
                """Quiet: tests read ``sink.posts``, not stderr."""

        return Handler

    def __enter__(self) -> HttpSink:
        self._thread.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()
