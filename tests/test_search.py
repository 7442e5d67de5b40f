"""What the search index says of a quote."""

from __future__ import annotations

import pytest

from newsgen.article import Quote, QuoteKind
from newsgen.search import QUOTE_CHARS, quote_excerpt


def _quote(text: str, parts: tuple[tuple[int, int, int], ...] = ()) -> Quote:
    return Quote(text, "Ana Ruiz", None, "said", 0, 0, len(text), QuoteKind.DIRECT, False, parts)


@pytest.mark.parametrize(
    ("quote", "expected"),
    [
        (_quote("We will build it,"), "We will build it"),
        (
            _quote("The bridge, and the tunnel too.", ((0, 1, 12), (0, 20, 39))),
            "The bridge \u2026 and the tunnel too.",
        ),
        (_quote("Nothing split here.", ((0, 1, 20),)), "Nothing split here."),
    ],
    ids=["trailing comma", "split quote", "one part"],
)
def test_quote_excerpt(quote: Quote, expected: str) -> None:
    assert quote_excerpt(quote) == expected


def test_a_long_quote_is_cut_at_a_word() -> None:
    excerpt = quote_excerpt(_quote("word " * 100))
    assert len(excerpt) <= QUOTE_CHARS
    assert excerpt.endswith("word\u2026")
