"""news_search_feeds: one search RSS URL per company and language."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from tracker.domain import Company, Watchlist
from tracker.pipeline.newsfeeds import DEFAULT_TEMPLATE, LOCALES, news_search_feeds, search_query

OPENAI = Company(id="openai", name="OpenAI", aliases=("Open AI", "OpenAI"))
SOCGEN = Company(id="socgen", name="Société Générale", aliases=('SocGen "SG"',))
WATCH = Watchlist((OPENAI, SOCGEN))


def params(url: str) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}


def test_it_generates_one_feed_per_company_and_language_in_order() -> None:
    feeds = news_search_feeds(WATCH, ["en", "fr", "en"])
    assert [name for _, name in feeds] == [
        "News search: OpenAI (en)",
        "News search: OpenAI (fr)",
        "News search: Société Générale (en)",
        "News search: Société Générale (fr)",
    ]
    assert len({url for url, _ in feeds}) == 4


@pytest.mark.parametrize(
    ("lang", "hl", "gl", "ceid", "keyword"),
    [
        pytest.param("en", "en-US", "US", "US:en", '"steps down"', id="en"),
        pytest.param("fr", "fr", "FR", "FR:fr", '"directeur général"', id="fr"),
        pytest.param("de", "de", "DE", "DE:de", "Rücktritt", id="de"),
        pytest.param("es", "es", "ES", "ES:es", '"consejero delegado"', id="es"),
        pytest.param("it", "it", "IT", "IT:it", '"amministratore delegato"', id="it"),
    ],
)
def test_it_builds_a_google_news_query_per_language(
    lang: str, hl: str, gl: str, ceid: str, keyword: str
) -> None:
    [(url, _)] = news_search_feeds(Watchlist((OPENAI,)), [lang])
    assert url.startswith("https://news.google.com/rss/search?q=")
    got = params(url)
    assert (got["hl"], got["gl"], got["ceid"]) == (hl, gl, ceid)
    assert got["q"].startswith('("OpenAI" OR "Open AI") (')
    assert f" OR {keyword}" in got["q"] or f"({keyword} OR" in got["q"]
    assert ":" in url.split("ceid=")[1]  # ceid keeps its colon readable


def test_it_quotes_names_and_cannot_be_broken_by_quotes_in_them() -> None:
    query = search_query(SOCGEN, "fr")
    assert query.startswith('("Société Générale" OR "SocGen SG") (PDG OR ')


def test_it_url_encodes_the_query() -> None:
    [(url, _)] = news_search_feeds(Watchlist((SOCGEN,)), ["fr"])
    assert " " not in url and '"' not in url and "é" not in url
    assert params(url)["q"] == search_query(SOCGEN, "fr")


@pytest.mark.parametrize(
    ("template", "expected"),
    [
        pytest.param(
            "https://search.example/rss?lang={lang}&q={query}",
            "https://search.example/rss?lang=de&q=%28%22OpenAI%22",
            id="custom-with-lang",
        ),
        pytest.param(
            "https://search.example/{{literal}}?q={query}",
            "https://search.example/{{literal}}?q=",
            id="other-braces-untouched",
        ),
    ],
)
def test_it_fills_a_custom_template(template: str, expected: str) -> None:
    [(url, _)] = news_search_feeds(Watchlist((OPENAI,)), ["de"], template)
    assert url.startswith(expected)


@pytest.mark.parametrize(
    ("languages", "template", "message"),
    [
        pytest.param(["en", "pt"], DEFAULT_TEMPLATE, "pt", id="unknown-language"),
        pytest.param(["en"], "https://search.example/rss", "{query}", id="template-without-query"),
    ],
)
def test_it_rejects_bad_arguments(languages: list[str], template: str, message: str) -> None:
    with pytest.raises(ValueError, match=message.replace("{", r"\{").replace("}", r"\}")):
        news_search_feeds(WATCH, languages, template)


def test_every_supported_language_has_keywords() -> None:
    assert sorted(LOCALES) == ["de", "en", "es", "fr", "it"]
    assert all(len(locale.keywords) >= 5 for locale in LOCALES.values())


def test_an_empty_watchlist_gives_no_feeds() -> None:
    assert news_search_feeds(Watchlist(), ["en"]) == []
