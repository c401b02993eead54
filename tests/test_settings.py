"""Settings: YAML + TRACKER_* environment, defaults, and readable errors for bad configs."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from tracker.domain import EventType, Role
from tracker.errors import ConfigError
from tracker.settings import (
    Settings,
    load_settings,
    mask_url,
    parse_duration,
    resolve_config_path,
    summary,
)

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "config"
EXAMPLE = ROOT / "config" / "tracker.yaml"


def config_error(path: Path, environ: dict[str, str] | None = None) -> str:
    with pytest.raises(ConfigError) as caught:
        load_settings(path, environ or {})
    return caught.value.message


def write(tmp_path: Path, text: str, name: str = "tracker.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("fixture", "where", "problem"),
    [
        pytest.param(
            "unknown_top_key.yaml",
            ": polll_interval (line 2)",
            "unknown key 'polll_interval' (did you mean 'poll_interval'?)",
            id="unknown-top-level-key",
        ),
        pytest.param(
            "unknown_nested_key.yaml",
            ": companies[0].peeple (line 4)",
            "unknown key 'peeple' (did you mean 'people'?)",
            id="unknown-nested-key",
        ),
        pytest.param(
            "wrong_type.yaml",
            ": max_feed_bytes (line 2)",
            "valid integer",
            id="wrong-type",
        ),
        pytest.param(
            "bad_duration.yaml",
            ": feeds[1].interval (line 4)",
            "bad duration '15 minutes'",
            id="bad-duration",
        ),
        pytest.param(
            "bad_feed_url.yaml",
            ": feeds[2].url (line 4)",
            "bad URL 'ftp://example.net/feed.xml': must be an http:// or https:// address",
            id="bad-feed-url",
        ),
        pytest.param(
            "duplicate_company_id.yaml",
            ": companies[2].id (line 6)",
            "duplicate company id 'apple' (first used at companies[0].id",
            id="duplicate-company-id",
        ),
        pytest.param(
            "unknown_role.yaml",
            ": companies[1].people[0].role (line 8)",
            "'other_exec' (got 'chief')",
            id="unknown-role",
        ),
        pytest.param(
            "bad_notify_url.yaml",
            ": notify[1].url (line 5)",
            "apprise cannot use notify URL",
            id="unparseable-apprise-url",
        ),
        pytest.param(
            "missing_watchlist.yaml",
            ": watchlist (line 2)",
            "watchlist file not found",
            id="missing-watchlist-file",
        ),
        pytest.param(
            "bad_company_id.yaml",
            ": companies[0].id (line 2)",
            "bad company id 'Open-AI'",
            id="bad-company-id",
        ),
        pytest.param(
            "top_level_list.yaml",
            " (line 1)",
            "the top level must be a mapping",
            id="top-level-not-a-mapping",
        ),
    ],
)
def test_a_bad_config_names_file_key_path_line_and_problem(
    fixture: str, where: str, problem: str
) -> None:
    path = FIXTURES / fixture
    message = config_error(path)
    assert message.startswith(f"{path}{where}: ")
    assert problem in message
    assert "\n" not in message


def test_a_yaml_syntax_error_gives_line_and_column() -> None:
    path = FIXTURES / "syntax_error.yaml"
    message = config_error(path)
    assert message.startswith(f"{path} (line 6, column 1): YAML syntax error:")
    assert "quoted scalar (line 4, column 11)" in message


def test_a_missing_config_file_is_named() -> None:
    path = FIXTURES / "does_not_exist.yaml"
    assert config_error(path) == f"{path}: config file not found"


@pytest.mark.parametrize(
    ("fixture", "expected"),
    [
        pytest.param(
            "with_watchlist.yaml",
            "watchlist_bad_role.yaml: companies[1].people[1].role (line 8): ",
            id="error-inside-watchlist-file-points-at-that-file",
        ),
        pytest.param(
            "watchlist_duplicate.yaml",
            "watchlist_duplicate.yaml: companies[1].id (line 4): duplicate company id 'alpha' "
            "(first used at companies[0].id, watchlist_ok.yaml line 2)",
            id="duplicate-id-across-watchlist-and-inline",
        ),
    ],
)
def test_watchlist_problems_point_at_the_right_file(fixture: str, expected: str) -> None:
    assert expected in config_error(FIXTURES / fixture)


def test_every_problem_is_reported_one_per_line_most_important_first() -> None:
    path = FIXTURES / "several_problems.yaml"
    lines = config_error(path).splitlines()
    assert lines == [
        f"{path}: feeds[0].nmae (line 6): unknown key 'nmae' (did you mean 'name'?)",
        f"{path}: poll_interval (line 1): bad duration 'soon': use whole seconds or a number "
        "with s, m, h or d (e.g. 30s, 15m, 2h, 7d)",
        f"{path}: companies[0].people[0].role (line 3): Input should be 'ceo', 'cfo', 'coo', "
        "'cto', 'president', 'chair', 'director' or 'other_exec' (got 'boss')",
    ]


def test_a_notify_filter_must_name_watched_companies() -> None:
    path = FIXTURES / "unknown_filter_company.yaml"
    lines = config_error(path).splitlines()
    assert lines[0].startswith(f"{path}: notify[0].min_confidence (line 6): ")
    assert lines[1].startswith(
        f"{path}: notify[0].companies[0] (line 5): unknown company id 'opnai' "
        "(did you mean 'openai'?)"
    )


def test_a_duplicate_yaml_key_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path, "poll_interval: 15m\nfetch_timeout: 5s\npoll_interval: 1m\n")
    assert config_error(path) == f"{path}: poll_interval (line 3): duplicate key " + (
        "(only the last one would count)"
    )


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        pytest.param(
            {"TRACKER_HTTP__PORT": "abc"},
            "environment variable TRACKER_HTTP__PORT (http.port): Input should be a valid integer",
            id="nested-int",
        ),
        pytest.param(
            {"TRACKER_POLL_INTERVAL": "often"},
            "environment variable TRACKER_POLL_INTERVAL (poll_interval): bad duration 'often'",
            id="duration",
        ),
        pytest.param(
            {"TRACKER_FEEDS": "https://example.com/rss"},
            "environment variable TRACKER_FEEDS (feeds): not valid JSON",
            id="list-not-json",
        ),
        pytest.param(
            {"TRACKER_FEEDS": '[{"url": "ftp://example.com/rss"}]'},
            "environment variable TRACKER_FEEDS (feeds[0].url): bad URL",
            id="list-item-bad-url",
        ),
        pytest.param(
            {"TRACKER_HTTP__PROT": "9000"},
            "environment variable TRACKER_HTTP__PROT (http.prot): unknown key 'prot' "
            "(did you mean 'port'?)",
            id="nested-unknown-key",
        ),
        pytest.param(
            {"TRACKER_LOG_FORMAT": "xml"},
            "environment variable TRACKER_LOG_FORMAT (log_format): Input should be 'text' or "
            "'json' (got 'xml')",
            id="literal",
        ),
    ],
)
def test_a_bad_environment_value_names_the_variable(
    tmp_path: Path, environ: dict[str, str], expected: str
) -> None:
    assert config_error(write(tmp_path, "poll_interval: 15m\n"), environ).startswith(expected)


@pytest.mark.parametrize(
    ("environ", "attribute", "expected"),
    [
        pytest.param({}, "poll_interval", timedelta(minutes=15), id="file-without-env"),
        pytest.param(
            {"TRACKER_POLL_INTERVAL": "2h"}, "poll_interval", timedelta(hours=2), id="env-wins"
        ),
        pytest.param(
            {"tracker_poll_interval": "90"}, "poll_interval", timedelta(seconds=90), id="any-case"
        ),
        pytest.param({"TRACKER_ALERT_RUMORS": "true"}, "alert_rumors", True, id="bool"),
        pytest.param(
            {"TRACKER_POLL_INTERVAL": ""},
            "poll_interval",
            timedelta(minutes=15),
            id="empty-env-ignored",
        ),
    ],
)
def test_environment_wins_over_the_file(
    tmp_path: Path, environ: dict[str, str], attribute: str, expected: object
) -> None:
    settings = load_settings(write(tmp_path, "poll_interval: 15m\nalert_rumors: false\n"), environ)
    assert getattr(settings, attribute) == expected


def test_nested_environment_keys_override_one_field_and_keep_the_others(tmp_path: Path) -> None:
    path = write(tmp_path, "http:\n  enabled: true\n  port: 8000\n")
    settings = load_settings(path, {"TRACKER_HTTP__PORT": "9000"})
    assert (settings.http.enabled, settings.http.host, settings.http.port) == (
        True,
        "127.0.0.1",
        9000,
    )


def test_list_keys_come_from_the_environment_as_json(tmp_path: Path) -> None:
    environ = {
        "TRACKER_FEEDS": '[{"url": "https://example.com/rss", "interval": "10m"}]',
        "TRACKER_NEWS_SEARCH__LANGUAGES": '["fr", "it"]',
    }
    settings = load_settings(write(tmp_path, "feeds: []\n"), environ)
    assert [(f.url, f.interval) for f in settings.feeds] == [
        ("https://example.com/rss", timedelta(minutes=10))
    ]
    assert settings.news_search.languages == ("fr", "it")


def test_unrelated_tracker_variables_are_ignored(tmp_path: Path) -> None:
    environ = {"TRACKER_CONFIG": "elsewhere.yaml", "TRACKER_TEST_POSTGRES_URL": "postgresql://x/y"}
    settings = load_settings(write(tmp_path, ""), environ)
    assert settings.config_path == tmp_path / "tracker.yaml"


def test_an_empty_file_gives_every_default(tmp_path: Path) -> None:
    settings = load_settings(write(tmp_path, ""), {})
    assert settings.database_url == f"sqlite:///{tmp_path / 'data' / 'tracker.db'}"
    assert (settings.max_entry_age, settings.fetch_timeout, settings.poll_interval) == (
        timedelta(days=7),
        timedelta(seconds=20),
        timedelta(minutes=15),
    )
    assert (settings.feeds, settings.companies, settings.notify) == ((), (), ())
    assert settings.alert_rumors is False
    assert settings.max_feed_bytes == 10 * 1024 * 1024
    assert (settings.http.enabled, settings.http.port) == (False, 9464)
    assert settings.delivery.retry_initial == timedelta(seconds=30)
    assert settings.delivery.give_up_after == timedelta(days=2)
    assert (settings.log_format, settings.log_level) == ("text", "INFO")


@pytest.mark.parametrize(
    ("database_url", "expected"),
    [
        pytest.param("sqlite:///data/t.db", "sqlite:///{dir}/data/t.db", id="relative-sqlite"),
        pytest.param("sqlite:////var/lib/t.db", "sqlite:////var/lib/t.db", id="absolute-sqlite"),
        pytest.param("sqlite:///:memory:", "sqlite:///:memory:", id="memory"),
        pytest.param(
            "sqlite+pysqlite:///t.db", "sqlite+pysqlite:///{dir}/t.db", id="sqlite-with-driver"
        ),
        pytest.param(
            "postgresql+psycopg://u:p@db/t", "postgresql+psycopg://u:p@db/t", id="postgres-as-is"
        ),
    ],
)
def test_relative_sqlite_paths_are_resolved_against_the_config_folder(
    tmp_path: Path, database_url: str, expected: str
) -> None:
    settings = load_settings(write(tmp_path, f"database_url: '{database_url}'\n"), {})
    assert settings.database_url == expected.format(dir=tmp_path)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param("30s", timedelta(seconds=30), id="seconds"),
        pytest.param("15m", timedelta(minutes=15), id="minutes"),
        pytest.param("2h", timedelta(hours=2), id="hours"),
        pytest.param("7d", timedelta(days=7), id="days"),
        pytest.param(45, timedelta(seconds=45), id="int-seconds"),
        pytest.param("45", timedelta(seconds=45), id="digit-string-from-env"),
        pytest.param(" 5m ", timedelta(minutes=5), id="spaces"),
    ],
)
def test_durations_are_read(value: object, expected: timedelta) -> None:
    assert parse_duration(value) == expected


@pytest.mark.parametrize(
    "value",
    [
        pytest.param("15 minutes", id="word-unit"),
        pytest.param("1.5h", id="fraction"),
        pytest.param("10w", id="unknown-unit"),
        pytest.param("-5s", id="negative"),
        pytest.param(0, id="zero"),
        pytest.param(True, id="bool"),
        pytest.param(2.5, id="float"),
        pytest.param("", id="empty"),
    ],
)
def test_bad_durations_are_refused(value: object) -> None:
    with pytest.raises(ValueError, match="bad duration"):
        parse_duration(value)


def test_the_example_config_loads_with_openai_first_and_40_companies() -> None:
    settings = load_settings(EXAMPLE, {})
    assert len(settings.companies) >= 40
    openai = settings.companies[0]
    assert (openai.id, openai.name, openai.aliases) == ("openai", "OpenAI", ("Open AI",))
    assert {(p.name, p.role) for p in openai.people} >= {
        ("Sam Altman", Role.CEO),
        ("Greg Brockman", Role.PRESIDENT),
    }
    assert settings.watchlist == EXAMPLE.parent / "companies.yaml"
    assert settings.database_url == f"sqlite:///{EXAMPLE.parent / 'data' / 'tracker.db'}"
    assert settings.feeds and settings.notify == ()
    watched = settings.build_watchlist()
    assert [c.id for c in watched.companies] == [c.id for c in settings.companies]


@pytest.mark.parametrize(
    "url",
    [
        pytest.param("slack://TokenA/TokenB/TokenC/#governance", id="slack"),
        pytest.param("mailto://127.0.0.1:1025?from=a@x.org&to=b@y.org", id="local-smtp"),
        pytest.param("json://localhost:8080/hook", id="json-webhook"),
    ],
)
def test_the_documented_notify_urls_are_accepted(tmp_path: Path, url: str) -> None:
    text = f"companies: [{{id: openai, name: OpenAI}}]\nnotify:\n  - url: '{url}'\n"
    text += "    companies: [openai]\n    types: [departure, reinstatement]\n"
    settings = load_settings(write(tmp_path, text), {})
    target = settings.notify[0]
    assert (target.url, target.types) == (url, (EventType.DEPARTURE, EventType.REINSTATEMENT))


def test_messages_never_show_notify_secrets() -> None:
    message = config_error(FIXTURES / "bad_notify_url.yaml")
    assert "hunter2" not in message
    assert "secrettoken" not in message


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        pytest.param(
            "slack://TokenA/TokenB/TokenC/#chan", "slack://T…/****/****/#chan", id="slack-tokens"
        ),
        pytest.param("mailto://user:pass@host", "mailto://user:****@host", id="mailto-password"),
        pytest.param("json://user:pass@host/hook", "json://user:****@host/hook", id="json-login"),
        pytest.param(
            "mailto://localhost?from=a@x.org&pass=abc",
            "mailto://localhost?from=a@x.org&pass=****",
            id="pass-arg",
        ),
        pytest.param("json://host/h?token=t1&x=1", "json://host/h?token=****&x=1", id="token-arg"),
        pytest.param("json://host?key=k&secret=s", "json://host?key=****&secret=****", id="key"),
        pytest.param("json://host?apikey=abc", "json://host?apikey=****", id="apikey-arg"),
        pytest.param(
            "https://hooks.slack.com/services/T0AAA0AAA/B0BBB0BBB/abcdefghijklmnopqrstuvwx",
            "https://hooks.slack.com/services/****/****/****",
            id="native-webhook",
        ),
        pytest.param("discord://1234567/tokenvalue", "discord://1…/****", id="discord"),
        pytest.param("pover://userkey1@tokenkey2", "pover://u…@t…", id="user-and-token"),
        pytest.param(
            "postgresql+psycopg://bob:s3cret@db:5432/t",
            "postgresql+psycopg://bob:****@db:5432/t",
            id="database-password",
        ),
        pytest.param("json://localhost:8080/hook", "json://localhost:8080/hook", id="no-secret"),
        pytest.param("not a url", "****", id="not-a-url"),
    ],
)
def test_mask_url_hides_tokens_passwords_and_keys(url: str, expected: str) -> None:
    assert mask_url(url) == expected


def test_summary_is_one_line_with_counts_and_a_masked_database(tmp_path: Path) -> None:
    text = (
        "database_url: postgresql+psycopg://bob:s3cret@db/t\n"
        "feeds: [{url: 'https://example.com/rss'}]\n"
        "companies: [{id: a, name: A}, {id: b, name: B}]\n"
        "notify: [{url: 'json://localhost:8080/hook'}]\n"
    )
    path = write(tmp_path, text)
    assert summary(load_settings(path, {})) == (
        f"config OK: {path} — 2 companies, 1 feed, 1 notify channel, "
        "database postgresql+psycopg://bob:****@db/t"
    )


@pytest.mark.parametrize(
    ("cli_value", "environ", "expected"),
    [
        pytest.param("my.yaml", {"TRACKER_CONFIG": "env.yaml"}, Path("my.yaml"), id="option"),
        pytest.param(None, {"TRACKER_CONFIG": "env.yaml"}, Path("env.yaml"), id="env"),
        pytest.param(None, {}, Path("config/tracker.yaml"), id="default"),
    ],
)
def test_the_config_path_comes_from_option_then_env_then_default(
    cli_value: str | None, environ: dict[str, str], expected: Path
) -> None:
    assert resolve_config_path(cli_value, environ) == expected


def test_settings_are_frozen() -> None:
    settings = Settings()
    with pytest.raises(ValueError, match="frozen"):
        settings.alert_rumors = True


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "feeds: https://example.com/rss\n",
            ": feeds (line 1): must be a list (got 'https://example.com/rss')",
            id="scalar-for-list",
        ),
        pytest.param(
            "feeds:\n  - https://example.com/rss\n",
            ": feeds[0] (line 2): must be a mapping of keys (key: value) "
            "(got 'https://example.com/rss')",
            id="scalar-for-mapping",
        ),
        pytest.param(
            "companies:\n  - id: acme\n",
            ": companies[0].name (line 2): missing required key 'name'",
            id="missing-key",
        ),
        pytest.param(
            "notify:\n  - url: 'json://localhost/x'\n    types: [departed]\n",
            ": notify[0].types[0] (line 3): Input should be 'departure', 'appointment', "
            "'reinstatement' or 'board_change' (got 'departed')",
            id="unknown-event-type",
        ),
        pytest.param(
            "log_level: loud\n",
            ": log_level (line 1): unknown log level 'loud'",
            id="log-level",
        ),
    ],
)
def test_wrong_types_read_in_yaml_terms(tmp_path: Path, text: str, expected: str) -> None:
    path = write(tmp_path, text)
    assert config_error(path).startswith(f"{path}{expected}")


def test_numeric_tickers_are_read_as_text(tmp_path: Path) -> None:
    path = write(tmp_path, "companies:\n  - {id: toyota, name: Toyota, tickers: [7203, TM]}\n")
    assert load_settings(path, {}).companies[0].tickers == ("7203", "TM")


@pytest.mark.parametrize(
    ("watchlist_text", "expected"),
    [
        pytest.param(
            "companys:\n  - {id: a, name: A}\n",
            "companies.yaml: companys (line 1): unknown key 'companys' (did you mean 'companies'?)",
            id="unknown-key-in-watchlist",
        ),
        pytest.param(
            "companies:\n  - {id: a, name: A\n",
            "companies.yaml (line 3, column 1): YAML syntax error:",
            id="syntax-error-in-watchlist",
        ),
        pytest.param(
            "companies: {id: a}\n",
            "companies.yaml: companies (line 1): must be a list of companies",
            id="companies-not-a-list",
        ),
    ],
)
def test_a_bad_watchlist_file_is_named_with_its_line(
    tmp_path: Path, watchlist_text: str, expected: str
) -> None:
    write(tmp_path, watchlist_text, name="companies.yaml")
    message = config_error(write(tmp_path, "watchlist: companies.yaml\n"))
    assert message.startswith(f"{tmp_path}/{expected}")


def test_watchlist_companies_come_before_inline_ones(tmp_path: Path) -> None:
    write(tmp_path, "companies:\n  - {id: a, name: A}\n", name="companies.yaml")
    path = write(tmp_path, "watchlist: companies.yaml\ncompanies:\n  - {id: b, name: B}\n")
    settings = load_settings(path, {})
    assert [c.id for c in settings.build_watchlist().companies] == ["a", "b"]
