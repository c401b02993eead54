"""Log lines: text by default, JSON on request, stable field names, secrets masked."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from daemon_helpers import Daemon, wait_until, write_config
from feedserver import Route, serve

from tracker.logs import scrub, setup_logging

SECRETS = [
    pytest.param("slack://T0kenAAAA/T0kenBBBB/T0kenCCCC/#ops", "T0kenBBBB", id="slack-tokens"),
    pytest.param("mailto://bob:hunter2pw@mail.example.com", "hunter2pw", id="mailto-password"),
    pytest.param("json://user:s3cretpw@127.0.0.1:9/hook", "s3cretpw", id="json-password"),
    pytest.param("tgram://123456789:AAF00secret/42", "AAF00secret", id="telegram-token"),
    pytest.param("https://example.com/rss?token=abc123xyz", "abc123xyz", id="query-token"),
    pytest.param("postgresql://tracker:dbpass99@db/tracker", "dbpass99", id="database-password"),
    pytest.param(
        "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX",
        "XXXXXXXXXXXXXXXXXXXXXXXX",
        id="slack-webhook",
    ),
]


@pytest.fixture
def restore_logging() -> Iterator[None]:
    """setup_logging replaces the root handlers: put pytest's back afterwards."""
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    yield
    root.handlers[:] = handlers
    root.setLevel(level)


def _log_everywhere(fmt: str, url: str) -> str:
    stream = io.StringIO()
    setup_logging("INFO", fmt, stream)
    log = logging.getLogger("tracker.test")
    log.info("sending to %s", url, extra={"fields": {"channel": url}})
    try:
        raise RuntimeError(f"cannot reach {url}")
    except RuntimeError:
        log.exception("delivery failed")
    return stream.getvalue()


@pytest.mark.usefixtures("restore_logging")
@pytest.mark.parametrize("fmt", ["text", "json"])
@pytest.mark.parametrize(("url", "secret"), SECRETS)
def test_secrets_in_messages_fields_and_tracebacks_are_masked(
    fmt: str, url: str, secret: str
) -> None:
    output = _log_everywhere(fmt, url)
    assert secret not in output
    assert output.count("****") >= 3  # message, field and traceback


@pytest.mark.parametrize(
    "url",
    [
        pytest.param("https://example.com/feeds/business12.xml", id="feed-url"),
        pytest.param("http://127.0.0.1:8080/en.xml?page=2", id="query-without-secret"),
    ],
)
def test_plain_feed_urls_stay_readable(url: str) -> None:
    assert scrub(f"feed failed url={url}") == f"feed failed url={url}"


@pytest.mark.usefixtures("restore_logging")
def test_json_lines_have_stable_field_names() -> None:
    stream = io.StringIO()
    setup_logging("DEBUG", "json", stream)
    logging.getLogger("tracker.poll").warning(
        "feed failed", extra={"fields": {"feed_id": 3, "kind": "http"}}
    )
    line = json.loads(stream.getvalue())
    assert list(line) == ["ts", "level", "logger", "msg", "feed_id", "kind"]
    assert (line["level"], line["logger"], line["msg"]) == (
        "warning",
        "tracker.poll",
        "feed failed",
    )
    assert line["ts"].endswith("Z")


@pytest.mark.usefixtures("restore_logging")
def test_text_lines_are_time_level_logger_message_then_fields() -> None:
    stream = io.StringIO()
    setup_logging("INFO", "text", stream)
    logging.getLogger("tracker.poll").info(
        "feed polled", extra={"fields": {"feed_id": 3, "note": "two words"}}
    )
    stamp, rest = stream.getvalue().rstrip("\n").split(" ", 1)
    assert stamp.endswith("Z")
    assert rest == 'INFO tracker.poll feed polled feed_id=3 note="two words"'


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_daemon_log_format_option_picks_the_format_and_masks_feed_passwords(
    tmp_path: Path, fmt: str
) -> None:
    with serve({"/private.xml": Route.reply(404)}) as server:
        url = server.url("/private.xml").replace("http://", "http://reader:pw4feed@")
        db = f"sqlite:///{tmp_path / 'db.sqlite'}"
        config = write_config(tmp_path, db, feeds=[{"url": url}])
        daemon = Daemon(config, tmp_path / "run.log", options=("--log-format", fmt))
        try:
            wait_until(lambda: "feed failed" in daemon.output(), 30, "the failed feed logged")
            assert daemon.terminate()[0] == 0
        finally:
            daemon.close()
    output = daemon.output()
    (line,) = [line for line in output.splitlines() if "feed failed" in line]
    assert "pw4feed" not in output
    if fmt == "json":
        record = json.loads(line)
        assert (record["level"], record["msg"]) == ("warning", "feed failed")
        assert record["feed_url"].startswith("http://reader:****@")
    else:
        assert " WARNING tracker.poll feed failed " in line
        assert "feed_url=http://reader:****@" in line
