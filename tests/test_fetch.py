"""Fetching: conditional GET, redirects, status mapping, caps and deadlines.

MockTransport tests pin behaviour without sockets; the local ``feedserver``
tests exercise real streaming, stalls and the hostile-feed mix.
"""

from __future__ import annotations

import gzip
import threading
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
from feedserver import FeedServer, Route, serve

from tracker.errors import ParseError
from tracker.fetch import (
    FetchRequest,
    FetchResult,
    fetch_feed,
    fetch_many,
    host_of,
    make_client,
    parse_retry_after,
)
from tracker.pipeline.parse import parse_feed

FEEDS = Path(__file__).parent / "fixtures" / "feeds"
UA = "tracker/0.1.0 (+https://github.com/example/tracker)"
URL = "https://feeds.example.com/rss"
MARGIN_S = 1.5  # scheduling slack on a loaded 2-core machine
Handler = Callable[[httpx.Request], httpx.Response]


def mock_client(handler: Handler) -> httpx.Client:
    return make_client(timeout_s=5, user_agent=UA, transport=httpx.MockTransport(handler))


def fetch_with(handler: Handler, request: FetchRequest | None = None, **kw: int) -> FetchResult:
    with mock_client(handler) as client:
        return fetch_feed(client, request or FetchRequest(1, URL), timeout_s=5, **kw)


# --- requests we send --------------------------------------------------------


@pytest.mark.parametrize(
    ("etag", "last_modified", "expected"),
    [
        pytest.param('"abc"', None, {"if-none-match": '"abc"'}, id="etag"),
        pytest.param(
            None, "Tue, 05 Mar 2024 10:00:00 GMT",
            {"if-modified-since": "Tue, 05 Mar 2024 10:00:00 GMT"}, id="last-modified",
        ),
        pytest.param(
            'W/"x"', "Tue, 05 Mar 2024 10:00:00 GMT",
            {"if-none-match": 'W/"x"', "if-modified-since": "Tue, 05 Mar 2024 10:00:00 GMT"},
            id="both",
        ),
        pytest.param(None, None, {}, id="none"),
    ],
)  # fmt: skip
def test_it_sends_stored_validators_as_conditional_headers(
    etag: str | None, last_modified: str | None, expected: dict[str, str]
) -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, content=b"<rss/>")

    fetch_with(handler, FetchRequest(1, URL, etag=etag, last_modified=last_modified))
    sent = {k: v for k, v in seen[0].headers.items() if k.startswith("if-")}
    assert sent == expected


def test_it_sends_an_honest_user_agent_and_a_feed_accept_header() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, content=b"<rss/>")

    fetch_with(handler)
    assert seen[0].headers["user-agent"] == UA
    assert "application/rss+xml" in seen[0].headers["accept"]


# --- responses ---------------------------------------------------------------


def test_it_reports_304_as_not_modified_and_keeps_the_stored_validators() -> None:
    request = FetchRequest(1, URL, etag='"v1"', last_modified="Tue, 05 Mar 2024 10:00:00 GMT")
    result = fetch_with(lambda _: httpx.Response(304), request)
    assert (result.not_modified, result.body, result.error) == (True, None, None)
    assert (result.etag, result.last_modified) == (request.etag, request.last_modified)


def test_it_returns_the_body_and_new_validators_on_200() -> None:
    headers = {"ETag": '"v2"', "Last-Modified": "Wed, 06 Mar 2024 10:00:00 GMT",
               "Content-Type": "application/rss+xml; charset=utf-8"}  # fmt: skip
    result = fetch_with(
        lambda _: httpx.Response(200, content=b"<rss/>", headers=headers),
        FetchRequest(1, URL, etag='"v1"'),
    )
    assert (result.status, result.body, result.ok, result.not_modified) == (
        200,
        b"<rss/>",
        True,
        False,
    )
    assert (result.etag, result.last_modified) == ('"v2"', "Wed, 06 Mar 2024 10:00:00 GMT")
    assert result.response_headers() == {"content-type": "application/rss+xml; charset=utf-8"}


@pytest.mark.parametrize(
    ("hops", "permanent"),
    [
        pytest.param([301], True, id="301"),
        pytest.param([308], True, id="308"),
        pytest.param([301, 308], True, id="301-then-308"),
        pytest.param([302], False, id="302"),
        pytest.param([307], False, id="307"),
        pytest.param([301, 302], False, id="301-then-302"),
    ],
)
def test_it_follows_redirects_and_says_whether_every_hop_was_permanent(
    hops: list[int], permanent: bool
) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        step = int(request.url.params.get("step", "0"))
        if step < len(hops):
            target = f"https://mirror.example.org/feed?step={step + 1}"
            return httpx.Response(hops[step], headers={"Location": target})
        return httpx.Response(200, content=b"<rss/>")

    result = fetch_with(handler)
    assert result.body == b"<rss/>"
    assert result.final_url == f"https://mirror.example.org/feed?step={len(hops)}"
    assert (result.permanent_redirect, result.redirected) == (permanent, True)


def test_it_reports_no_redirect_when_there_was_none() -> None:
    result = fetch_with(lambda _: httpx.Response(200, content=b"<rss/>"))
    assert (result.final_url, result.permanent_redirect, result.redirected) == (URL, False, False)


@pytest.mark.parametrize(
    ("status", "headers", "kind", "permanent", "retry_after"),
    [
        pytest.param(404, {}, "http_404", True, None, id="404"),
        pytest.param(403, {}, "http_403", False, None, id="403"),
        pytest.param(410, {}, "gone", True, None, id="410-gone"),
        pytest.param(429, {"Retry-After": "120"}, "rate_limited", False, 120.0, id="429"),
        pytest.param(429, {}, "rate_limited", False, None, id="429-no-retry-after"),
        pytest.param(503, {"Retry-After": "30"}, "rate_limited", False, 30.0, id="503-retry-after"),
        pytest.param(503, {}, "http_503", False, None, id="503-plain"),
        pytest.param(500, {}, "http_500", False, None, id="500"),
    ],
)
def test_it_maps_error_statuses_to_fetch_error_kinds(
    status: int, headers: dict[str, str], kind: str, permanent: bool, retry_after: float | None
) -> None:
    result = fetch_with(lambda _: httpx.Response(status, headers=headers, content=b"no"))
    assert result.error is not None
    assert (result.error.kind, result.error.permanent, result.error.status) == (
        kind,
        permanent,
        status,
    )
    assert result.retry_after == retry_after == result.error.retry_after
    assert result.body is None


NOW = datetime(2024, 3, 5, 12, 0, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param("120", 120.0, id="seconds"),
        pytest.param(" 0 ", 0.0, id="zero-padded"),
        pytest.param("Tue, 05 Mar 2024 12:01:30 GMT", 90.0, id="http-date"),
        pytest.param("Tuesday, 05-Mar-24 12:00:10 GMT", 10.0, id="rfc850-date"),
        pytest.param("Tue, 05 Mar 2024 11:00:00 GMT", 0.0, id="date-in-the-past"),
        pytest.param("Tue, 05 Mar 2024 12:00:45 -0000", 45.0, id="date-unknown-zone-as-utc"),
        pytest.param("99999999", 7 * 24 * 3600.0, id="absurd-capped-at-a-week"),
        pytest.param("soon", None, id="garbage"),
        pytest.param("-5", None, id="negative"),
        pytest.param("", None, id="empty"),
        pytest.param(None, None, id="absent"),
    ],
)
def test_it_parses_retry_after_from_seconds_or_an_http_date(
    value: str | None, expected: float | None
) -> None:
    assert parse_retry_after(value, NOW) == expected


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        pytest.param("Tue, 05 Mar 2024 12:00:00 GMT", 60.0, id="servers-clock"),
        pytest.param("Tue, 05 Mar 2024 12:00:00 -0000", 60.0, id="servers-clock-no-zone"),
        pytest.param("garbage", 0.0, id="bad-date-falls-back-to-our-clock"),
    ],
)
def test_it_measures_an_http_date_retry_after_against_the_servers_date_header(
    date: str, expected: float
) -> None:
    # our clock is long past 2024, so falling back to it means "retry now"
    headers = {"Date": date, "Retry-After": "Tue, 05 Mar 2024 12:01:00 GMT"}
    result = fetch_with(lambda _: httpx.Response(429, headers=headers))
    assert result.retry_after == expected


@pytest.mark.parametrize(
    ("size", "encoding", "kind"),
    [
        pytest.param(1000, None, None, id="exactly-the-cap"),
        pytest.param(1001, None, "too_large", id="one-byte-over"),
        pytest.param(1001, "gzip", "too_large", id="gzip-decompressed-over"),
        pytest.param(1000, "gzip", None, id="gzip-decompressed-at-cap"),
    ],
)
def test_it_caps_the_decompressed_body(size: int, encoding: str | None, kind: str | None) -> None:
    raw = b"a" * size
    body = gzip.compress(raw) if encoding else raw
    headers = {"Content-Encoding": encoding} if encoding else {}

    def handler(_: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=body, headers=headers)

    result = fetch_with(handler, max_bytes=1000)
    assert (result.error.kind if result.error else None) == kind
    assert result.body == (None if kind else raw)


@pytest.mark.parametrize(
    ("exc", "kind", "permanent"),
    [
        pytest.param(httpx.ConnectError("refused"), "connect", False, id="connect"),
        pytest.param(httpx.ConnectTimeout("slow"), "timeout", False, id="connect-timeout"),
        pytest.param(httpx.ReadTimeout("slow"), "timeout", False, id="read-timeout"),
        pytest.param(httpx.RemoteProtocolError("bad"), "protocol", False, id="protocol"),
        pytest.param(httpx.ReadError("reset"), "network", False, id="read-error"),
    ],
)
def test_it_maps_transport_failures_without_raising(
    exc: Exception, kind: str, permanent: bool
) -> None:
    def handler(_: httpx.Request) -> httpx.Response:
        raise exc

    result = fetch_with(handler, FetchRequest(1, URL, etag='"keep"'))
    assert result.error is not None
    assert (result.error.kind, result.error.permanent, result.status) == (kind, permanent, None)
    assert result.etag == '"keep"'


@pytest.mark.parametrize(
    "url",
    [pytest.param("ftp://example.com/feed", id="scheme"), pytest.param("not a url", id="garbage")],
)
def test_it_reports_an_unusable_url_as_a_permanent_error(url: str) -> None:
    result = fetch_with(lambda _: httpx.Response(200), FetchRequest(1, url))
    assert result.error is not None
    assert (result.error.kind, result.error.permanent) == ("invalid_url", True)


def test_it_stops_after_too_many_redirects() -> None:
    result = fetch_with(lambda r: httpx.Response(302, headers={"Location": str(r.url)}))
    assert result.error is not None and result.error.kind == "redirects"


# --- fetch_many --------------------------------------------------------------


def test_it_returns_results_in_request_order() -> None:
    requests = [FetchRequest(i, f"https://h{i % 3}.example.com/{i}") for i in range(10)]
    with mock_client(lambda r: httpx.Response(200, content=r.url.path.encode())) as client:
        results = fetch_many(client, requests, timeout_s=5)
    assert [r.request for r in results] == requests
    assert [r.body for r in results] == [f"/{i}".encode() for i in range(10)]


def test_it_never_runs_more_than_per_host_requests_on_one_host() -> None:
    hosts = ["a.example.com"] * 6 + ["b.example.com"] * 4
    expected = {host: hosts.count(host) for host in hosts}
    cond = threading.Condition()
    active = dict.fromkeys(expected, 0)
    started = dict.fromkeys(expected, 0)
    peak = dict.fromkeys(expected, 0)

    def handler(request: httpx.Request) -> httpx.Response:
        host = request.url.host
        with cond:
            active[host] += 1
            started[host] += 1
            mine = started[host]
            peak[host] = max(peak[host], active[host])
            cond.notify_all()
            # hold this slot until the host's next request has started, so two
            # are always in flight together; a limit of 1 would time out here
            cond.wait_for(lambda: started[host] >= min(mine + 1, expected[host]), timeout=2.0)
            active[host] -= 1
        return httpx.Response(200, content=b"ok")

    requests = [FetchRequest(i, f"https://{host}/{i}") for i, host in enumerate(hosts)]
    with mock_client(handler) as client:
        results = fetch_many(client, requests, timeout_s=5, max_workers=8, per_host=2)
    assert all(r.ok for r in results)
    assert peak == {"a.example.com": 2, "b.example.com": 2}


@pytest.mark.parametrize(
    ("url", "host"),
    [
        pytest.param("https://News.Example.com:8443/rss", "news.example.com", id="lower-cased"),
        pytest.param("http://[::1/rss", "http://[::1/rss", id="unparseable-is-its-own-host"),
    ],
)
def test_it_groups_requests_by_host(url: str, host: str) -> None:
    assert host_of(url) == host


def test_an_unexpected_failure_in_one_fetch_does_not_lose_the_others() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/bug":
            raise RuntimeError("bug in a transport")
        return httpx.Response(200, content=b"ok")

    requests = [FetchRequest(1, "https://a.example/ok"), FetchRequest(2, "https://a.example/bug")]
    with mock_client(handler) as client:
        ok, bug = fetch_many(client, requests, timeout_s=5)
    assert ok.body == b"ok"
    assert bug.error is not None and bug.error.kind == "internal"


def test_it_rejects_nonsense_concurrency_limits() -> None:
    with mock_client(lambda _: httpx.Response(200)) as client, pytest.raises(ValueError):
        fetch_many(client, [], timeout_s=1, per_host=0)


# --- against a real local server ---------------------------------------------


@pytest.fixture
def client() -> Iterator[httpx.Client]:
    with make_client(timeout_s=10, user_agent=UA) as c:
        yield c


def test_it_sends_a_conditional_get_and_gets_304_from_a_real_server(client: httpx.Client) -> None:
    route = Route.file(
        FEEDS / "rss20.xml", etag='"v1"', last_modified="Tue, 05 Mar 2024 10:00:00 GMT"
    )
    with serve({"/feed": route}) as server:
        first = fetch_feed(client, FetchRequest(1, server.url("/feed")), timeout_s=2)
        again = FetchRequest(
            1, server.url("/feed"), etag=first.etag, last_modified=first.last_modified
        )
        second = fetch_feed(client, again, timeout_s=2)
        logged = server.requests_for("/feed")
    assert (first.status, second.status, second.not_modified, second.body) == (200, 304, True, None)
    assert (logged[0].if_none_match, logged[1].if_none_match) == (None, '"v1"')
    assert logged[1].if_modified_since == "Tue, 05 Mar 2024 10:00:00 GMT"
    assert logged[0].user_agent == UA


def test_it_decodes_gzip_and_follows_a_real_permanent_redirect(client: httpx.Client) -> None:
    routes = {
        "/old": Route.redirect("/new", 301),
        "/new": Route.file(FEEDS / "atom10.xml", gzip=True),
    }
    with serve(routes) as server:
        result = fetch_feed(client, FetchRequest(1, server.url("/old")), timeout_s=2)
    assert result.body == (FEEDS / "atom10.xml").read_bytes()
    assert (result.final_url, result.permanent_redirect) == (server.url("/new"), True)


@pytest.mark.parametrize(
    "route",
    [
        pytest.param(Route(body=b"<rss/>", stall_before=30), id="stall-before-headers"),
        pytest.param(Route(body=b"<rss/>" * 100, stall_after_headers=30), id="stall-after-headers"),
        pytest.param(Route(body=b"x" * 20_000, chunk=100, trickle=0.1), id="trickle"),
    ],
)
def test_it_enforces_a_wall_clock_deadline_on_slow_servers(
    client: httpx.Client, route: Route
) -> None:
    with serve({"/slow": route}) as server:
        started = time.monotonic()
        result = fetch_feed(client, FetchRequest(1, server.url("/slow")), timeout_s=1.0)
        elapsed = time.monotonic() - started
    assert result.error is not None and result.error.kind == "timeout"
    assert elapsed < 1.0 + MARGIN_S


def test_it_caps_a_streamed_gzip_body_on_its_decompressed_size(client: httpx.Client) -> None:
    bomb = Route(body=b"\0" * (11 * 1024 * 1024), gzip=True)  # ~11 KB on the wire
    with serve({"/bomb": bomb}) as server:
        result = fetch_feed(client, FetchRequest(1, server.url("/bomb")), timeout_s=5)
    assert result.error is not None and result.error.kind == "too_large"


def test_it_cuts_the_whole_call_at_total_s(client: httpx.Client) -> None:
    with serve({"/stall": Route(body=b"<rss/>", stall_before=30)}) as server:
        requests = [FetchRequest(i, server.url("/stall")) for i in range(3)]
        started = time.monotonic()
        results = fetch_many(client, requests, timeout_s=0.6, max_workers=1, total_s=1.0)
        elapsed = time.monotonic() - started
    assert [r.error.kind if r.error else None for r in results] == ["timeout"] * 3
    assert results[2].error is not None and "not started" in results[2].error.message
    assert elapsed < 1.0 + MARGIN_S


HOSTILE: dict[str, tuple[Route, str]] = {
    "/good.xml": (Route.file(FEEDS / "rss20.xml"), "ok"),
    "/latin1.xml": (
        Route.file(
            FEEDS / "latin1_declared.xml", content_type="application/rss+xml; charset=ISO-8859-1"
        ),
        "ok",
    ),
    "/malformed.xml": (Route.file(FEEDS / "malformed_unrecoverable.xml"), "parse_error"),
    "/page.html": (
        Route.file(FEEDS / "page.html", content_type="text/html; charset=utf-8"),
        "parse_error",
    ),
    "/empty.xml": (Route(body=b""), "parse_error"),
    "/bomb.xml": (Route.file(FEEDS / "entity_bomb.xml"), "parse_error"),
    "/huge.xml": (Route(size=30 * 1024 * 1024), "too_large"),
    "/stall.xml": (Route(body=b"<rss/>", stall_before=30), "timeout"),
    "/missing.xml": (Route.reply(404), "http_404"),
    "/gone.xml": (Route.reply(410), "gone"),
    "/busy.xml": (Route.reply(429, headers={"Retry-After": "120"}), "rate_limited"),
    "/broken.xml": (Route.reply(500), "http_500"),
}


def outcome(result: FetchResult) -> str:
    if result.error is not None:
        return result.error.kind
    assert result.body is not None
    try:
        parse_feed(result.body, result.final_url, result.response_headers())
    except ParseError:
        return "parse_error"
    return "ok"


def test_one_hostile_feed_never_spoils_or_delays_the_others(client: httpx.Client) -> None:
    timeout_s = 2.0
    with serve({path: route for path, (route, _) in HOSTILE.items()}) as server:
        requests = [FetchRequest(i, server.url(path)) for i, path in enumerate(HOSTILE)]
        started = time.monotonic()
        results = fetch_many(client, requests, timeout_s=timeout_s)
        elapsed = time.monotonic() - started
    assert {path: outcome(r) for path, r in zip(HOSTILE, results, strict=True)} == {
        path: expected for path, (_, expected) in HOSTILE.items()
    }
    assert elapsed < timeout_s + MARGIN_S
    good = parse_feed(results[0].body or b"", results[0].final_url, results[0].response_headers())
    assert [e.title for e in good.entries] == [
        "Acme Corp names Jane Doe chief executive",
        "Globex chairman steps down",
        "Initech appoints new CFO",
    ]
    latin1 = parse_feed(results[1].body or b"", results[1].final_url, results[1].response_headers())
    assert latin1.entries[0].title == "Société Générale : le PDG démissionne"
    assert results[10].retry_after == 120.0


def test_the_feed_server_answers_unknown_paths_with_404() -> None:
    with serve() as server, make_client(timeout_s=2, user_agent=UA) as c:
        assert c.get(server.url("/nope")).status_code == 404
        assert isinstance(server, FeedServer)
