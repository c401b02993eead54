"""Company matching: aliases, tickers, possessives, accents, ambiguity, scale."""

from __future__ import annotations

import pytest

from tracker.domain import Company, KnownPerson, Role, Watchlist
from tracker.pipeline.match import Matcher
from tracker.pipeline.text import Sentence

WATCHLIST = Watchlist(
    (
        Company(
            "boeing",
            "The Boeing Company",
            ("Boeing",),
            ("BA",),
            (KnownPerson("Dave Calhoun", Role.CEO),),
        ),
        Company("loreal", "L'Oréal S.A.", ("L'Oréal", "L'Oreal")),
        Company("orange", "Orange S.A.", ("Orange",)),
        Company("uber", "Uber Technologies, Inc.", ("Uber",)),
        Company("ge", "General Electric Company", ("General Electric", "GE"), ("GE",)),
        Company("norvik", "Norvik Systems Inc.", ("Norvik",), ("NRVK",)),
        Company("meta", "Meta Platforms, Inc.", ("Meta", "Meta Platforms")),
    )
)
MATCHER = Matcher(WATCHLIST)


def _companies(*sentences: str, lang: str = "en") -> set[str]:
    sents = [Sentence.of(s, i) for i, s in enumerate(sentences)]
    return {m.company for row in MATCHER.mentions(sents, lang) for m in row if m.kind != "person"}


@pytest.mark.parametrize(
    ("sentences", "lang", "expected"),
    [
        pytest.param(("Boeing's Calhoun to step down",), "en", {"boeing"}, id="possessive"),
        pytest.param(("LOREAL and l'oréal",), "fr", set(), id="lowercase-alias-rejected"),
        pytest.param(("Le patron de L'OREAL part",), "fr", {"loreal"}, id="all-caps-headline"),
        pytest.param(("Chez L'Oreal, le PDG part",), "fr", {"loreal"}, id="accent-folded"),
        pytest.param(("Norvik Systems Inc. names a CFO",), "en", {"norvik"}, id="full-name"),
        pytest.param(("NRVK falls 5%",), "en", {"norvik"}, id="ticker"),
        pytest.param(("nrvk falls 5%",), "en", set(), id="ticker-is-case-sensitive"),
        pytest.param(("Orange juice prices climb",), "en", set(), id="ambiguous-colour-fruit"),
        pytest.param(
            ("Orange names a new chief executive",),
            "en",
            {"orange"},
            id="ambiguous-with-leadership-noun",
        ),
        pytest.param(
            ("Shares of Orange rose in Paris",),
            "en",
            {"orange"},
            id="ambiguous-capitalised-mid-sentence",
        ),
        pytest.param(("Über 500 Beschäftigte streiken",), "de", set(), id="uber-vs-german-uber"),
        pytest.param(("Die Preise stiegen über Nacht",), "de", set(), id="lowercase-uber"),
        pytest.param(
            ("Uber-Chef tritt zurück",), "de", {"uber"}, id="uber-with-corporate-compound"
        ),
        pytest.param(("The metaverse hype fades",), "en", set(), id="meta-prefix-inside-word"),
        pytest.param(
            ("Meta sets a new goal",), "en", set(), id="meta-sentence-initial-without-context"
        ),
        pytest.param(
            ("Meta cuts staff", "Meta Platforms said on Monday..."),
            "en",
            {"meta"},
            id="ambiguous-confirmed-by-full-name",
        ),
        pytest.param(
            ("GE board ousts its chief",), "en", {"ge"}, id="short-name-with-corporate-word"
        ),
        pytest.param(("ge is a syllable",), "en", set(), id="short-name-wrong-case"),
        pytest.param(("General Electric names a CEO",), "en", {"ge"}, id="long-alias"),
        pytest.param(
            ("Dave Calhoun spoke",), "en", set(), id="known-executive-is-not-a-company-mention"
        ),
    ],
)
def test_matcher_finds_only_real_company_mentions(
    sentences: tuple[str, ...], lang: str, expected: set[str]
) -> None:
    assert _companies(*sentences, lang=lang) == expected


def test_subsidiary_name_is_flagged() -> None:
    sent = Sentence.of("Bruno Even devient président de Norvik Helicopters", 0)
    [mention] = MATCHER.mentions([sent], "fr")[0]
    assert mention.subsidiary


def test_matcher_scales_to_ten_thousand_companies() -> None:
    companies = tuple(
        Company(f"c{i}", f"Zentrix{i} Holdings", (f"Zentrix{i}",)) for i in range(10_000)
    )
    matcher = Matcher(Watchlist((*companies, *WATCHLIST.companies)))
    sent = Sentence.of("Zentrix9876 and Norvik announce a merger", 0)
    found = {m.company for m in matcher.mentions([sent], "en")[0]}
    assert found == {"c9876", "norvik"}


def test_empty_watchlist_matches_nothing() -> None:
    assert Matcher(Watchlist()).mentions([Sentence.of("Norvik", 0)], "en") == [[]]
