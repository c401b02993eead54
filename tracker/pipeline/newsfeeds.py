"""Generated news-search feeds: one search RSS URL per watched company and language.

A general news wire rarely names every watched company; a search feed per
company and language (Google News RSS search by default) does. The query is
the company's names, quoted and OR-ed, AND a group of leadership keywords in
that language, e.g. ``("OpenAI" OR "Open AI") (CEO OR chairman OR resigns)``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import quote_plus

from tracker.domain import Company, Watchlist

DEFAULT_TEMPLATE = "https://news.google.com/rss/search?q={query}&hl={hl}&gl={gl}&ceid={ceid}"
PLACEHOLDERS = ("{query}", "{hl}", "{gl}", "{ceid}", "{lang}")


@dataclass(frozen=True)
class Locale:
    """Google News edition parameters and leadership keywords for one language."""

    hl: str
    gl: str
    ceid: str
    keywords: tuple[str, ...]


LOCALES: dict[str, Locale] = {
    "en": Locale("en-US", "US", "US:en", (
        "CEO", "chairman", "chief executive", "resigns", "steps down", "appointed",
        "fired", "ousted", "board",
    )),
    "fr": Locale("fr", "FR", "FR:fr", (
        "PDG", "directeur général", "président", "démission", "démissionne", "nommé",
        "limogé", "conseil d'administration",
    )),
    "de": Locale("de", "DE", "DE:de", (
        "Vorstandschef", "Vorstandsvorsitzender", "CEO", "Rücktritt", "tritt zurück",
        "ernannt", "abberufen", "Aufsichtsrat",
    )),
    "es": Locale("es", "ES", "ES:es", (
        "consejero delegado", "CEO", "presidente", "dimite", "dimisión", "nombrado",
        "destituido", "consejo de administración",
    )),
    "it": Locale("it", "IT", "IT:it", (
        "amministratore delegato", "CEO", "presidente", "dimissioni", "si dimette",
        "nominato", "licenziato", "consiglio di amministrazione",
    )),
}  # fmt: skip


def _quoted(text: str) -> str:
    """An exact-phrase term; embedded double quotes cannot end it early."""
    return '"' + " ".join(text.replace('"', " ").split()) + '"'


def _term(text: str) -> str:
    """A keyword: bare when a single word, else an exact phrase."""
    return text if text.isalnum() else _quoted(text)


def search_query(company: Company, language: str) -> str:
    """The unencoded query for one company in one language."""
    names = " OR ".join(_quoted(name) for name in company.all_names())
    keywords = " OR ".join(_term(k) for k in LOCALES[language].keywords)
    return f"({names}) ({keywords})"


def news_search_feeds(
    watchlist: Watchlist, languages: Iterable[str], url_template: str = DEFAULT_TEMPLATE
) -> list[tuple[str, str]]:
    """``(url, name)`` for every company x language, in watchlist then language order.

    ``url_template`` may use ``{query}`` (required, URL-encoded), ``{hl}``,
    ``{gl}``, ``{ceid}`` and ``{lang}``. Raises ValueError for an unknown
    language or a template without ``{query}``.
    """
    langs = list(dict.fromkeys(languages))
    unknown = [lang for lang in langs if lang not in LOCALES]
    if unknown:
        raise ValueError(f"no news-search keywords for language(s): {', '.join(unknown)}")
    if "{query}" not in url_template:
        raise ValueError("news-search url_template must contain {query}")
    feeds: list[tuple[str, str]] = []
    for company in watchlist.companies:
        for lang in langs:
            url = _fill(url_template, search_query(company, lang), lang)
            feeds.append((url, f"News search: {company.name} ({lang})"))
    return feeds


def _fill(template: str, query: str, lang: str) -> str:
    """Plain replacement, not str.format: a template may hold other braces."""
    locale = LOCALES[lang]
    values = {
        "{query}": quote_plus(query),
        "{hl}": quote_plus(locale.hl),
        "{gl}": quote_plus(locale.gl),
        "{ceid}": quote_plus(locale.ceid, safe=":"),
        "{lang}": lang,
    }
    for placeholder in PLACEHOLDERS:
        template = template.replace(placeholder, values[placeholder])
    return template
