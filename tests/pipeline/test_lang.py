"""Language identification on headlines and summaries."""

from __future__ import annotations

import pytest

from tracker.pipeline.lang import LANGS, detect_language, detect_stopwords

SAMPLES = [
    pytest.param("Norvik names Sara Kim chief executive as the founder retires", "en", id="en"),
    pytest.param(
        "Le conseil d'administration a nommé une nouvelle directrice générale", "fr", id="fr"
    ),
    pytest.param(
        "Der Aufsichtsrat hat den Vorstandschef mit sofortiger Wirkung abberufen", "de", id="de"
    ),
    pytest.param(
        "El consejo nombró a la nueva consejera delegada y el presidente lo anunció desde Madrid",
        "es",
        id="es",
    ),
    pytest.param(
        "Il consiglio di amministrazione ha nominato il nuovo amministratore delegato",
        "it",
        id="it",
    ),
]


@pytest.mark.parametrize(("text", "lang"), SAMPLES)
def test_detect_language_finds_each_of_the_five_languages(text: str, lang: str) -> None:
    assert detect_language(text) == lang


@pytest.mark.parametrize(("text", "lang"), SAMPLES)
def test_stopword_vote_agrees_on_clear_prose(text: str, lang: str) -> None:
    assert detect_stopwords(text) == lang


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("", id="empty"),
        pytest.param("   ", id="blank"),
        pytest.param("東京 株式", id="cjk"),
    ],
)
def test_detect_language_always_answers_one_of_the_five(text: str) -> None:
    assert detect_language(text) in LANGS
