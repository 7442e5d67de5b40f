"""A summary's quotes and sources kept as rows: once made into objects, the rows are let
go (a rebuild rendering every list page kept both), and the same rows are made back."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from newsgen.article import Quote, QuoteKind, SpeakerKind
from newsgen.placement import ArticleSource, PlacedQuote
from newsgen.summary import (
    StoredRows,
    make_placed_quote,
    make_source,
    quote_facts,
    quote_row,
    said_quotes,
    source_row,
    speaker_keys,
)
from newsgen.wording import count_credited

COUNCIL_QUOTE = PlacedQuote(
    Quote(
        "We will not raise the levy this year",
        "Mara Ellison",
        "council treasurer",
        "said",
        2,
        14,
        50,
        QuoteKind.DIRECT,
        False,
    ),
    "Mara Ellison",
    "mara-ellison",
    "council treasurer",
    SpeakerKind.PERSON,
    9,
)
UNNAMED_QUOTE = PlacedQuote(
    Quote("It was never put to a vote", None, None, "said", 4, 1, 27, QuoteKind.DIRECT, True),
    None,
    None,
    None,
    SpeakerKind.ANONYMOUS,
    7,
)
TREASURER = ArticleSource(
    "Mara Ellison", "mara-ellison", "council treasurer", SpeakerKind.PERSON, 1, 0.56
)

Reader = Callable[[StoredRows[Any]], object]
READERS: list[tuple[str, Reader]] = [
    ("iterated", lambda s: list(s)),
    ("indexed", lambda s: s[0]),
    ("sliced", lambda s: s[:1]),
    ("compared", lambda s: s == s.made),
    ("hashed", hash),
]


@pytest.mark.parametrize("name, read", READERS, ids=[name for name, _ in READERS])
@pytest.mark.parametrize(
    "items, make, unmake",
    [
        ((COUNCIL_QUOTE, UNNAMED_QUOTE), make_placed_quote, quote_row),
        ((TREASURER,), make_source, source_row),
    ],
    ids=["quotes", "sources"],
)
def test_reading_the_objects_lets_the_rows_go(
    name: str, read: Reader, items: tuple[Any, ...], make: Any, unmake: Any
) -> None:
    rows = tuple(unmake(item) for item in items)
    stored: StoredRows[Any] = StoredRows(rows, make, unmake)
    assert stored.kept_rows == rows
    read(stored)
    assert stored.kept_rows is None
    assert stored.made == items
    assert stored.rows == rows
    assert len(stored) == len(items)


@pytest.mark.parametrize("made_first", [False, True], ids=["from rows", "from objects"])
def test_list_page_reads_agree_before_and_after_the_objects_are_made(made_first: bool) -> None:
    items = (COUNCIL_QUOTE, UNNAMED_QUOTE)
    stored = StoredRows(tuple(quote_row(q) for q in items), make_placed_quote, quote_row)
    if made_first:
        stored.made  # noqa: B018 - a page read the quotes
    assert quote_facts(stored) == [
        ("Mara Ellison", SpeakerKind.PERSON, False),
        (None, SpeakerKind.ANONYMOUS, True),
    ]
    assert said_quotes(stored, 1) == [COUNCIL_QUOTE.quote]
    assert speaker_keys(stored) == ["mara-ellison", None]
    assert count_credited(stored) == count_credited(items) == 2
    assert (stored.kept_rows is None) == made_first  # counting made no object


# A scare quote credited to nobody, and an unnamed source's quote whose speaker is a
# person (the quote itself marked anonymous).
SCARE_QUOTE = PlacedQuote(
    Quote("moderate", None, None, None, 5, 20, 28, QuoteKind.PARTIAL, False),
    None,
    None,
    None,
    None,
    1,
)
FLAGGED_QUOTE = PlacedQuote(
    Quote("The deal is off", None, None, "said", 6, 1, 16, QuoteKind.DIRECT, True),
    None,
    None,
    None,
    SpeakerKind.PERSON,
    4,
)


@pytest.mark.parametrize(
    "quotes, credited",
    [
        ((), 0),
        ((SCARE_QUOTE,), 0),
        ((FLAGGED_QUOTE,), 1),
        ((COUNCIL_QUOTE, SCARE_QUOTE, UNNAMED_QUOTE, FLAGGED_QUOTE), 3),
    ],
    ids=["none", "scare quote", "anonymous by the quote", "all kinds"],
)
def test_credited_quotes_counted_from_rows_as_from_objects(
    quotes: tuple[PlacedQuote, ...], credited: int
) -> None:
    stored = StoredRows(tuple(quote_row(q) for q in quotes), make_placed_quote, quote_row)
    assert count_credited(stored) == count_credited(quotes) == credited
