"""Finding quotation spans: curly and straight marks, nesting, unclosed quotes."""
# ruff: noqa: RUF001 - the test sentences are typeset news copy with curly marks

from __future__ import annotations

import pytest

from newsgen.quotes.spans import DOUBLE_MARKS, find_quote_spans


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“We will rebuild,” the mayor said.", ["We will rebuild,"]),
        ('"We will rebuild," the mayor said.', ["We will rebuild,"]),
        ("“The port,” she said, “stays open.”", ["The port,", "stays open."]),
        ("He called it “a ‘temporary’ measure.”", ["a ‘temporary’ measure."]),
        ("“It’s the council’s decision,” he said.", ["It’s the council’s decision,"]),
        ("“We start at dawn and we will not stop", ["We start at dawn and we will not stop"]),
        ("”Wrong-way marks happen,” she said.", ["Wrong-way marks happen,"]),
        ("‘We were lucky,’ said the skipper.", ["We were lucky,"]),
        ("The fishermen’s union met on Monday.", []),
        ("Prices rose\u00a0“sharply” in May.", ["sharply"]),
    ],
)
def test_find_quote_spans(text: str, expected: list[str]) -> None:
    assert [text[s.start : s.end] for s in find_quote_spans(0, text)] == expected


@pytest.mark.parametrize(
    ("text", "closed"),
    [
        ("“We start at dawn.", [False]),
        ("“We start at dawn,” he said.", [True]),
    ],
)
def test_unclosed_quote_is_marked(text: str, closed: list[bool]) -> None:
    assert [s.closed for s in find_quote_spans(0, text)] == closed


@pytest.mark.parametrize(
    "text",
    [
        *(f"He said {mark}no{mark} twice." for mark in sorted(DOUBLE_MARKS)),
        "It's a \u2018plan\u2019.",
    ],
)
def test_double_marks_are_found_as_the_pattern_finds_them(text: str) -> None:
    from newsgen.quotes import spans

    assert spans._holds_double_mark(text) == bool(spans._DOUBLE_RE.search(text))
