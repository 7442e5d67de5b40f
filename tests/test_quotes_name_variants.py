"""One person, several spellings: nicknames inside a name, misspelt surnames, namesakes."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgen.analysis import analyse_article
from newsgen.article import Article, Paragraph
from newsgen.quotes.names import one_edit_apart
from newsgen.quotes.nicknames import find_nicknames, mask_nicknames


@pytest.mark.parametrize(
    ("a", "b", "apart"),
    [
        ("mcalister", "mcallister", True),  # a letter dropped
        ("lindquist", "lindqvist", True),  # a letter replaced
        ("hagetry", "hagerty", True),  # two neighbours swapped
        ("mclenny", "mcclenney", False),  # two letters off
        ("scott", "scott", False),  # the same word is no misspelling
        ("hagerty", "haggerty", True),
    ],
)
def test_one_edit_apart(a: str, b: str, apart: bool) -> None:
    assert one_edit_apart(a, b) is apart
    assert one_edit_apart(b, a) is apart


@pytest.mark.parametrize(
    ("text", "nicknames", "masked"),
    [
        (
            'Rep. Robert C. "Bobby" Scott (D-Va.) said',
            [("Bobby", "Scott")],
            "Rep. Robert C.         Scott (D-Va.) said",
        ),
        ("Sen. William “Bill” Hagerty said", [("Bill", "Hagerty")], None),
        ("Sen. William \u2018Bill\u2019 Hagerty said", [("Bill", "Hagerty")], None),
        (
            "Del. Marcia “Cia” Price and John “T.J.” Ruiz",
            [("Cia", "Price"), ("T.J.", "Ruiz")],
            None,
        ),
        # quotations, not nicknames
        ("He told ABC “Yes.” Trump said", [], None),
        ("he called Lee “Crooked Ann” Monday", [], None),
        ("a “Big” Dig", [], None),
        ("Sen. “Bobby” Scott", [], None),
        ("It was Lee's “Moonshot” Plan", [], None),
    ],
)
def test_find_nicknames(text: str, nicknames: list[tuple[str, str]], masked: str | None) -> None:
    found = find_nicknames(text)
    assert [(n.nickname, n.surname) for n in found] == nicknames
    if masked is not None:
        assert mask_nicknames(text, found) == masked
    assert len(mask_nicknames(text, found)) == len(text)


def _speakers(paragraphs: list[str]) -> list[tuple[str | None, str]]:
    article = Article(Path("t.txt"), "Headline", "t", tuple(Paragraph(p) for p in paragraphs))
    return [(q.speaker, q.text) for q in analyse_article(article).quotes]


@pytest.mark.parametrize(
    ("paragraphs", "speakers"),
    [
        # a nickname is no quotation, and the quote carries the full name
        (
            ['Sen. William "Bill" Hagerty toured the plant.', '"It works," Hagerty said.'],
            [("William Hagerty", "It works,")],
        ),
        # a misspelt surname is the one person it is a letter away from
        (
            ["Board chair Ann McAllister opened the meeting.", "“We wait,” McAlister said."],
            [("Ann McAllister", "We wait,")],
        ),
        # ... but not when two people are a letter away: it is someone new
        (
            ["Ann Morgan and Tom Morgen both spoke.", "“We wait,” Morgon said."],
            [("Morgon", "We wait,")],
        ),
        # short surnames are never guessed at
        (
            ["Ann Ruiz opened the meeting.", "“We wait,” Ruis said."],
            [("Ruis", "We wait,")],
        ),
        # namesakes tied on mentions: the one named first keeps the bare surname
        (
            [
                "Rep. Ann Scott spoke first. Sen. Tim Scott spoke next.",
                "“We wait,” Scott said.",
            ],
            [("Ann Scott", "We wait,")],
        ),
        # ... unless an honorific's gender rules her out
        (
            [
                "Rep. Ann Scott spoke first. Sen. Tim Scott spoke next.",
                "“We wait,” Mr. Scott said.",
            ],
            [("Tim Scott", "We wait,")],
        ),
    ],
)
def test_name_variants(paragraphs: list[str], speakers: list[tuple[str | None, str]]) -> None:
    assert _speakers(paragraphs) == speakers
