"""The corpus harness itself: what it counts as the same, and how it pairs quotes."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus import (
    ASPECTS,
    CorpusCase,
    CorpusError,
    ExpectedQuote,
    actual_metadata,
    match_quotes,
    normalize_name,
    read_case,
)
from newsgen.article import Article, Paragraph, Quote, QuoteKind

PARAGRAPH = (
    "\u201cThe Kremlin,\u201d Trenin added, \u201clikely believes it.\u201d"
    " Then \u201cmoderate\u201d ones."
)
KREMLIN = (PARAGRAPH.index("The"), PARAGRAPH.index(",\u201d") + 1)
BELIEVES = (PARAGRAPH.index("likely"), PARAGRAPH.index(".\u201d") + 1)
MODERATE = (PARAGRAPH.index("moderate"), PARAGRAPH.index("\u201d ones"))
BOTH = ((0, *KREMLIN), (0, *BELIEVES))


@pytest.mark.parametrize(
    ("written", "compared"),
    [
        ("the Pentagon", "pentagon"),
        ("The Pentagon", "pentagon"),
        ("a senior defense official", "senior defense official"),
        ("three sources familiar with the discussions", "sources familiar with the discussions"),
        ("China\u2019s commerce ministry", "china's commerce ministry"),
        ("Secretary of State ", "secretary of state"),
        ("Its chief executive", "its chief executive"),
        (None, None),
    ],
)
def test_normalize_name(written: str | None, compared: str | None) -> None:
    assert normalize_name(written) == compared


@pytest.mark.parametrize(
    ("dateline", "place"),
    [
        ("WASHINGTON (Reuters) \u2014", "WASHINGTON"),
        ("BRUSSELS, March 3 (Reuters) -", "BRUSSELS"),
        ("KYIV, Ukraine (AP) \u2014", "KYIV, Ukraine"),
        ("ATLANTA (AP) --", "ATLANTA"),
        ("Allentown, Pa.", "Allentown, Pa."),
        (None, None),
    ],
)
def test_dateline_is_compared_by_its_place(dateline: str | None, place: str | None) -> None:
    article = Article(Path("a.txt"), "Headline", "a", (), dateline=dateline)
    assert actual_metadata(article, "dateline") == place


def _quote(start: int, end: int, parts: tuple[tuple[int, int, int], ...] = ()) -> Quote:
    text = " ".join(PARAGRAPH[s:e] for _, s, e in parts) if parts else PARAGRAPH[start:end]
    return Quote(
        text, "Dmitri Trenin", None, "added", 0, start, end, QuoteKind.DIRECT, False, parts
    )


SPLIT = ExpectedQuote(("The Kremlin", "likely believes"), "Dmitri Trenin", "direct", False)
SCARE = ExpectedQuote(("moderate",), None, None, False)


@pytest.mark.parametrize(
    ("quotes", "paired", "missed", "extra"),
    [
        # one quote with both parts: the split quote is found, the scare quote missed
        ([_quote(*KREMLIN, BOTH)], 1, 1, 0),
        # the split quote given as two quotes: neither holds both phrases
        ([_quote(*KREMLIN), _quote(*BELIEVES)], 0, 2, 2),
        # both found
        ([_quote(*KREMLIN, BOTH), _quote(*MODERATE)], 2, 0, 0),
    ],
)
def test_match_quotes(quotes: list[Quote], paired: int, missed: int, extra: int) -> None:
    article = Article(Path("a.txt"), "Headline", "a", (Paragraph(PARAGRAPH),))
    matching = match_quotes([SPLIT, SCARE], quotes, article)
    assert (len(matching.pairs), len(matching.missed), len(matching.extra)) == (
        paired,
        missed,
        extra,
    )


@pytest.mark.parametrize(
    ("expected_yaml", "message"),
    [
        ("headline: x\n", "missing"),
        ("quotes:\n  - {phrase: x}\n", "needs phrase and speaker"),
    ],
)
def test_unusable_expectations_are_refused(
    tmp_path: Path, expected_yaml: str, message: str
) -> None:
    source = tmp_path / "article.txt"
    source.write_text("Headline\n\nBody.\n", encoding="utf-8")
    if "quotes" in expected_yaml:
        others = [f"{aspect}: null" for aspect in ASPECTS if aspect != "quotes"]
        body = "\n".join(others) + "\n" + expected_yaml
    else:
        body = expected_yaml
    (tmp_path / "article.expected.yaml").write_text(body, encoding="utf-8")
    with pytest.raises(CorpusError, match=message):
        read_case(source)


def test_case_reads_its_expectations(tmp_path: Path) -> None:
    source = tmp_path / "article.txt"
    source.write_text("Headline\n\nBody.\n", encoding="utf-8")
    (tmp_path / "article.expected.yaml").write_text(
        "headline: Headline\nkicker: null\ndek: null\nbyline: [A B]\ncontributors: []\n"
        "photo_credit: null\ndateline: null\ndate: 2025-01-02\nparagraphs: 1\n"
        "boilerplate: []\nquotes:\n  - {phrase: x, speaker: null}\nspeakers: []\n",
        encoding="utf-8",
    )
    case = read_case(source)
    assert isinstance(case, CorpusCase)
    assert (case.expected("byline"), case.expected("date"), case.quotes) == (
        ["A B"],
        "2025-01-02",
        (ExpectedQuote(("x",), None, None, False),),
    )
