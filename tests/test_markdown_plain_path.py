"""The Markdown reader's fast path: a body without markup gives the library's very blocks."""

from __future__ import annotations

import pytest

from newsgen.readers.markdown import (
    is_plain_markdown,
    library_blocks,
    markdown_blocks,
    plain_blocks,
)

PLAIN = [
    "One paragraph.",
    "First paragraph.\n\nSecond paragraph.",
    "A wrapped\nparagraph over\nthree lines.\n\nAnd another.",
    "Spaces at the end  \nof a line.\n\nTrailing spaces   ",
    "Many blank lines\n\n\n\n\nbetween paragraphs.\n",
    "\n\nLeading blank lines.",
    "LISBON (Wire) \u2014 The council voted 7-2 on Tuesday.\n\nIt was the third vote.",
    "\u201cWe will rebuild,\u201d said Mayor Ines Carrow. \u201cNo question.\u201d",
    "\"Straight quotes,\" he said, 'and single ones.'",
    "Prices rose 4.5% (after a 3% fall) in May; costs: $12 million.",
    "A non-breaking\u00a0space and an em\u2003space.",
    "Ends with a line break\n",
    "Hyphen-ated words - and a dash in the middle.",
    "Number 42. Then a sentence.\n\nAnother 2015. Year.",
    "Email reporter@example.org or visit example.org/news",
    "A hash # in the middle of a line, and a plus + sign.",
]

MARKUP = [
    "# A heading\n\nText.",
    "Underlined\n=========",
    "Underlined\n---------",
    "- a list\n- of items",
    "+ plus list",
    "1990. That year began a list.",
    "3) a list in parentheses",
    "> a quote",
    "    indented code",
    "   \n\nA blank line of spaces.",
    "Some *emphasis* here.",
    "Some _emphasis_ here.",
    "Some `code` here.",
    "A [link](https://example.org).",
    "A <b>tag</b>.",
    "AT&amp;T",
    "An escaped \\* star.",
    "A\ttab.",
    "Carriage\r\nreturns.",
    "A line\u2028separator.",
    "---",
]


@pytest.mark.parametrize("text", PLAIN)
def test_plain_text_takes_the_fast_path_and_gives_the_library_blocks(text: str) -> None:
    assert is_plain_markdown(text)
    assert markdown_blocks(text) == plain_blocks(text) == library_blocks(text)


@pytest.mark.parametrize("text", MARKUP)
def test_text_with_markup_goes_through_the_library(text: str) -> None:
    assert not is_plain_markdown(text)
    assert markdown_blocks(text) == library_blocks(text)
