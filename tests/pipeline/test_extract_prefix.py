"""The word-start pre-test of the cue tables finds exactly what a plain regex scan finds."""

from __future__ import annotations

import re

import pytest

from tracker.pipeline.extract_prefix import starts
from tracker.pipeline.extract_rules import LEXICONS, Finder, Table
from tracker.pipeline.text import fold

SENTENCES = [
    "Norvik Systems fires chief executive Dana Whitfield after a board review",
    "Interim CEO Felix Hart will stay on as chief financial officer, the company said",
    "Valmont : Claire Morel nommée directrice générale, elle succède à Paul Girard",
    "Brenner-Chef Jan Vogt tritt zurück; der Aufsichtsrat sucht einen Nachfolger",
    "Alcora renuncia al fichaje de Pedro Sanz como consejero delegado interino",
    "Lumetra, Sara Conti presidente al posto di Ugo Riva: l'assemblea ha deciso",
    "It's a deal: Quellex's board names ex-Kestrel boss C.J. Okafor co-CEO",
    "",
]


@pytest.mark.parametrize("lang", sorted(LEXICONS))
@pytest.mark.parametrize("sentence", SENTENCES, ids=range(len(SENTENCES)))
def test_prefiltered_tables_match_a_plain_scan(lang: str, sentence: str) -> None:
    lex = LEXICONS[lang]
    folded = fold(sentence)
    for table in (lex.cues, lex.roles, lex.board):
        assert table.scan(folded) == Table(table.regex, table.tags).scan(folded)
    for finder in (lex.rumor, lex.deny, lex.interim):
        plain = Finder(finder.regex, None)
        assert [m.span() for m in finder.finditer(folded)] == [
            m.span() for m in plain.finditer(folded)
        ]


@pytest.mark.parametrize(
    ("patterns", "expected"),
    [
        pytest.param([r"\bresign(?:s|ed)?\b"], frozenset({"res"}), id="literal-start"),
        pytest.param([r"\b(?:co-?)?ceo\b"], frozenset({"coc", "co-", "ceo"}), id="optional-group"),
        pytest.param([r"\b[ab]ig\b", r"\bdo\b"], None, id="short-word-falls-back"),
        pytest.param([r"\b\w+vorstand\b"], None, id="class-start-falls-back"),
        pytest.param([r"\bx*yz\b"], None, id="repeat-may-be-empty-falls-back"),
    ],
)
def test_starts_reads_the_first_letters_or_gives_up(
    patterns: list[str], expected: frozenset[str] | None
) -> None:
    assert starts(patterns) == expected


def test_a_table_without_starts_scans_plainly() -> None:
    table = Table(re.compile(r"\b(?:(?P<g0>\w+vorstand))"), {"g0": "other_exec"})
    assert table.scan("der finanzvorstand geht") == [("other_exec", 4, 18)]
