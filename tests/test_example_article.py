"""The site's first article, pinned field by field (issue 2, section 7).

`content/us-russia-syria-military-talks.txt` is the article the user gave us to build
from; every field `newsgen parse` prints for it is written out here by hand.
Counting rule for its quotes: a quote continuing right after the attribution in the same
paragraph is part of the same quote when the first was direct (Churkin's two sentences are
one quote); after a partial quote the next quoted sentence is a new direct quote
("probably calculating ..." then "Russia is sending ...").
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from corpus import normalize_name, normalize_text
from newsgen.analysis import analyse_article
from newsgen.article import AnalysedArticle, Quote
from newsgen.cli import main
from newsgen.loader import load_article
from newsgen.record import article_record

EXAMPLE = Path(__file__).parent.parent / "content" / "us-russia-syria-military-talks.txt"

OPENING_MARKS = "\u201c\u2018\"'"
CLOSING_MARKS = "\u201d\u2019\"'"

METADATA: list[tuple[str, Any]] = [
    ("headline", "US agrees to military talks as \u2018next step\u2019 with Russia on Syria"),
    ("kicker", "Analysis"),
    (
        "dek",
        "Shift in tone could signal that ISIL has pushed Washington toward compromise with Moscow",
    ),
    ("photo_credit", "Kirill Kudryavtsev / AFP / Getty Images"),
    ("byline", []),
    ("contributors", ["Jamie McIntyre"]),
    ("dateline", None),
    ("date", None),
    ("slug", "us-russia-syria-military-talks"),
    ("tags", []),
    (
        "boilerplate",
        [
            "Find Al Jazeera America on your TV",
            "Get email updates from Al Jazeera America",
            "Sign up for our weekly newsletter",
            "Get email updates from Al Jazeera America",
            "Sign up for our weekly newsletter",
        ],
    ),
]

# The first words of each of the 15 body paragraphs.
PARAGRAPH_OPENINGS = [
    "The White House signaled its support",
    "\u201cThe president believes",
    "Kerry\u2019s comment marked",
    "Also Friday, U.S. Secretary of Defense",
    "Meanwhile, the Russian military buildup",
    "In the face of this escalation",
    "Russia\u2019s build-up is meant",
    "In that narrative frame",
    "Many in Russian political circles",
    "Despite the past year",
    "\u201cEveryone agrees",
    "\u201cThe Kremlin,\u201d Trenin added",
    "That prospect remains far off",
    "Analysts say the ghosts of Afghanistan",
    "For now, at least",
]

KERRY = ("John Kerry", "Secretary of State")
CHURKIN = ("Vitaly Churkin", "Russian ambassador to the U.N.")
TRENIN = ("Dmitri Trenin", "analyst with the Carnegie Moscow Center")
PENTAGON = ("the Pentagon", None)
WHITE_HOUSE = ("the White House", None)
NOBODY = (None, None)

# (paragraph, phrases in the quote, (speaker, role), kind, verb, number of parts)
# kind None: a scare quote, whose kind is not pinned; verb None: not pinned.
QUOTES: list[
    tuple[int, tuple[str, ...], tuple[str | None, str | None], str | None, str | None, int]
] = [
    (0, ("common ground",), WHITE_HOUSE, "partial", None, 1),
    (
        1,
        ("The president believes that a mil-to-mil", "hopefully, will take place very shortly"),
        KERRY,
        "direct",
        "said",
        2,
    ),
    (2, ("could further escalate the conflict",), KERRY, "partial", "warned", 1),
    (3, ("mechanisms for deconfliction",), PENTAGON, "partial", "said", 1),
    (5, ("remains on destroying ISIL", "long-term presence of Assad"), KERRY, "partial", "said", 1),
    (
        5,
        ("We\u2019re looking for ways in which to find a common ground",),
        KERRY,
        "direct",
        "added",
        1,
    ),
    (7, ("moderate",), NOBODY, None, None, 1),
    (
        8,
        ("This is something we share now", "They want to fight ISIL", "take advantage of"),
        CHURKIN,
        "direct",
        "told",
        2,
    ),
    (
        10,
        ("Everyone agrees that [ISIL] must be defeated", "a degree of coordination is advisable"),
        TRENIN,
        "direct",
        "wrote",
        2,
    ),
    (11, ("The Kremlin", "likely believes that its firm stance"), TRENIN, "direct", "added", 2),
    (
        14,
        ("probably calculating that the risks in Syria are manageable",),
        TRENIN,
        "partial",
        "added",
        1,
    ),
    (
        14,
        ("Russia is sending advisers and technicians", "Iranians or Hezbollah"),
        TRENIN,
        "direct",
        "added",
        1,
    ),
]

SPEAKERS = {
    ("John Kerry", "Secretary of State", "person", 4),
    ("Vitaly Churkin", "Russian ambassador to the U.N.", "person", 1),
    ("Dmitri Trenin", "analyst with the Carnegie Moscow Center", "person", 4),
    ("the Pentagon", None, "organization", 1),
    ("the White House", None, "organization", 1),
    ("a senior defense official", None, "anonymous", 0),
    ("a Kremlin spokesman", None, "anonymous", 0),
}


@pytest.fixture(scope="module")
def analysed() -> AnalysedArticle:
    article = load_article(EXAMPLE).article
    return AnalysedArticle(article, analyse_article(article))


@pytest.mark.parametrize(("field", "expected"), METADATA, ids=[m[0] for m in METADATA])
def test_metadata(analysed: AnalysedArticle, field: str, expected: Any) -> None:
    actual = article_record(analysed)[field]
    assert actual == expected, f"{field}\n  expected: {expected!r}\n  got:      {actual!r}"


def test_body_has_fifteen_paragraphs_and_no_boilerplate(analysed: AnalysedArticle) -> None:
    texts = [p.text for p in analysed.article.paragraphs]
    openings = [text[: len(want)] for text, want in zip(texts, PARAGRAPH_OPENINGS, strict=False)]
    assert (len(texts), openings) == (len(PARAGRAPH_OPENINGS), PARAGRAPH_OPENINGS)
    leftovers = [t for t in texts if any(line in t for line in dict(METADATA)["boilerplate"])]
    assert leftovers == []
    assert not any("contributed reporting" in t for t in texts)


def _quote_at(analysed: AnalysedArticle, paragraph: int, phrases: tuple[str, ...]) -> Quote:
    article = analysed.article
    for quote in analysed.analysis.quotes:
        spans = quote.parts or ((quote.paragraph, quote.start, quote.end),)
        inside = normalize_text(" ".join(article.paragraphs[p].text[s:e] for p, s, e in spans))
        if quote.paragraph == paragraph and all(normalize_text(x) in inside for x in phrases):
            return quote
    found = [(q.paragraph, q.text[:50]) for q in analysed.analysis.quotes]
    pytest.fail(f"no quote in paragraph {paragraph} holding {phrases}; quotes found: {found}")


@pytest.mark.parametrize(
    ("paragraph", "phrases", "speaker", "kind", "verb", "parts"),
    QUOTES,
    ids=[f"p{q[0]}-{q[1][0][:24]}" for q in QUOTES],
)
def test_quote(
    analysed: AnalysedArticle,
    paragraph: int,
    phrases: tuple[str, ...],
    speaker: tuple[str | None, str | None],
    kind: str | None,
    verb: str | None,
    parts: int,
) -> None:
    quote = _quote_at(analysed, paragraph, phrases)
    name, role = speaker
    got = (normalize_name(quote.speaker), normalize_name(quote.role), quote.anonymous)
    assert got == (normalize_name(name), normalize_name(role), False), describe(quote)
    if kind is not None:
        assert str(quote.kind) == kind, describe(quote)
    if verb is not None:
        assert verb in (quote.verb or ""), describe(quote)
    assert max(len(quote.parts), 1) == parts, describe(quote)


@pytest.mark.parametrize("index", range(len(QUOTES)), ids=[f"q{i}" for i in range(len(QUOTES))])
def test_quote_spans_hold_the_words_inside_the_marks(analysed: AnalysedArticle, index: int) -> None:
    paragraph, phrases = QUOTES[index][0], QUOTES[index][1]
    quote = _quote_at(analysed, paragraph, phrases)
    for p, start, end in quote.parts or ((quote.paragraph, quote.start, quote.end),):
        text = analysed.article.paragraphs[p].text
        assert text[start - 1] in OPENING_MARKS and text[end] in CLOSING_MARKS, (
            f"span {start}:{end} of paragraph {p} is {text[start - 1 : end + 1]!r}"
        )
    assert quote.text[0] not in OPENING_MARKS and quote.text[-1] not in CLOSING_MARKS


def test_every_quotation_is_one_quote(analysed: AnalysedArticle) -> None:
    found = sorted((q.paragraph, q.text[:40]) for q in analysed.analysis.quotes)
    assert len(found) == len(QUOTES), f"expected {len(QUOTES)} quotes, got {found}"


def test_speakers(analysed: AnalysedArticle) -> None:
    def key(name: str, role: str | None, kind: str, quotes: int) -> tuple[Any, ...]:
        return (normalize_name(name), normalize_name(role), kind, quotes)

    expected = {key(*s) for s in SPEAKERS}
    actual = {key(s.name, s.role, str(s.kind), s.quotes) for s in analysed.analysis.speakers}
    assert actual == expected, (
        f"missing: {sorted(expected - actual, key=str)}\n"
        f"unexpected: {sorted(actual - expected, key=str)}"
    )


def test_parse_prints_the_same_record(
    analysed: AnalysedArticle, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["parse", "--format", "json", str(EXAMPLE)]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed == json.loads(json.dumps(article_record(analysed)))


def describe(quote: Quote) -> str:
    return (
        f"{quote.text[:60]!r}: speaker {quote.speaker!r}, role {quote.role!r}, verb"
        f" {quote.verb!r}, kind {quote.kind}, anonymous {quote.anonymous}, parts {quote.parts}"
    )
