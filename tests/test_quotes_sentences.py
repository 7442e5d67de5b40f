"""Sentence ends inside a paragraph: abbreviations, ellipses, closing quotes and
parentheses, and the same ends as a scan of the whole text by the pattern."""

from __future__ import annotations

import pytest

from newsgen.quotes.context import SENTENCE_END_RE, find_sentence_ends

CASES = [
    ("no_mark", "Fares rise in May", ()),
    ("two_sentences", "Fares rise in May. The board agreed.", (19,)),
    ("honorific_is_no_end", "Mr. Lee spoke first. Ms. Cho spoke next.", (21,)),
    ("initials_are_no_end", "J.R. Hale of the U.S. Navy spoke. He left.", (34,)),
    ("closing_quote", "\u201cWe are done.\u201d She left.", (15,)),
    ("closing_parenthesis", "The fee rose (again.) Riders fumed.", (22,)),
    ("ellipsis_and_marks", "Wait... what?! He said so\u2026 Then 5 votes.", (15, 27)),
    ("lower_case_after_is_no_end", "It rose 1.5 percent. it fell. Then stopped.", (30,)),
    ("mark_at_the_end", "It ended. ", (10,)),
]


@pytest.mark.parametrize(("name", "text", "ends"), CASES, ids=[case[0] for case in CASES])
def test_sentence_ends(name: str, text: str, ends: tuple[int, ...]) -> None:
    assert find_sentence_ends(text) == ends
    assert find_sentence_ends(text) == tuple(m.end() for m in SENTENCE_END_RE.finditer(text))
