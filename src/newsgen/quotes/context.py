"""The words around each quotation span: what the rest of its sentence says.

`before` is the unquoted text of the quote's sentence up to its opening mark,
`after` the text from its closing mark to the end of the sentence (or the next
quotation). `joined` tells that the previous span of the paragraph is in the
same sentence (a quote split around its attribution).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from newsgen.quotes.spans import QuoteSpan

# Checked only where punctuation matched, so the scan stays fast; one look-behind
# per length of abbreviation (Python's look-behinds are of fixed width).
_NOT_ABBREVIATION = (
    r"(?<!\b[A-Z]\.)(?<!\b(?:Mr|Ms|Dr|St|Jr|Sr|Lt|No|vs|Rt)\.)"
    r"(?<!\b(?:Mrs|Sen|Rep|Gov|Gen|Col|Rev|Del|Sgt|Adm|Maj|Hon|Jan|Feb|Aug|Sep|Oct|Nov|Dec)\.)"
    r"(?<!\b(?:Prof|Capt|Sens|Reps|Gens|Sept)\.)"
)
SENTENCE_END_RE = re.compile(
    r"[.!?\u2026]+" + _NOT_ABBREVIATION + r"[\"\u201d\u2019)]*\s+(?=[A-Z\u201c\"\u2018(0-9]|$)"
)
_QUOTE_ENDS_SENTENCE_RE = re.compile(r"[.!?…][\"'\u2019”)]*$")
# Asides between a name and its verb that say nothing about who spoke: a party
# and state "(D-Ohio)" or ", R-Ky.,", a short parenthesis.
_ASIDE_RE = re.compile(
    r"\((?=[^()“”\"\n]{1,40}\))"
    r"|,(?=[ \u00a0]+[DRI]-[A-Z][\w.-]*,[ \u00a0]+[a-z])"
)


@dataclass(frozen=True, slots=True)
class QuoteContext:
    span: QuoteSpan
    text: str  # the quoted words
    before: str
    after: str
    joined: bool  # the previous span of the paragraph is in the same sentence
    gap: str  # all the text between the previous span and this one
    paragraph_text: str
    before_start: int  # where `before` starts in the paragraph
    # The whole sentence up to the opening mark, earlier quotations of it blanked
    # out ("on “The Show,” Lee said she wanted …"), and where it starts.
    sentence_before: str = ""
    sentence_start: int = 0


def _mark_start(span: QuoteSpan, text: str) -> int:
    at = span.start
    while at > 0 and text[at - 1].isspace():
        at -= 1
    return at - 1 if span.opened and at > 0 else at


def _mark_end(span: QuoteSpan, text: str) -> int:
    at = span.end
    while at < len(text) and text[at].isspace():
        at += 1
    return at + 1 if span.closed and at < len(text) else at


class SentenceIndex:
    """Which sentence of a paragraph an offset falls in. The sentences are found
    when first asked for: many paragraphs name nobody and need none."""

    __slots__ = ("_ends", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._ends: tuple[int, ...] | None = None

    @classmethod
    def of(cls, text: str) -> SentenceIndex:
        return cls(text)

    @property
    def ends(self) -> tuple[int, ...]:
        """Where each sentence but the last ends (past the space after it)."""
        if self._ends is None:
            self._ends = find_sentence_ends(self._text)
        return self._ends

    def at(self, offset: int) -> int:
        return bisect_right(self.ends, offset)


def find_sentence_ends(text: str) -> tuple[int, ...]:
    """The ends of what `SENTENCE_END_RE.finditer(text)` finds (see `match_sentence_ends`)."""
    return tuple([found.end() for found in match_sentence_ends(text)])


def match_sentence_ends(text: str) -> list[re.Match[str]]:
    """What `SENTENCE_END_RE.finditer(text)` finds, the pattern tried only where a
    full stop, "!", "?" or "…" is (where any match must open): `str.find` reaches
    them about twice as fast as the pattern's own scan of every character."""
    marks: list[int] = []
    for mark in ".!?\u2026":
        at = text.find(mark)
        while at >= 0:
            marks.append(at)
            at = text.find(mark, at + 1)
    marks.sort()
    matches: list[re.Match[str]] = []
    last = 0
    match = SENTENCE_END_RE.match  # (its look-behinds see the text before `at`)
    for at in marks:
        if at >= last:  # (not inside the previous match, as a scan goes on past it)
            found = match(text, at)
            if found is not None:
                matches.append(found)
                last = found.end()
    return matches


def mask_asides(text: str, spans: list[QuoteSpan]) -> str:
    """`text` with the asides outside quotations blanked out (offsets unchanged):
    "Rep. Ann Lee (D-Ohio) said" reads "Rep. Ann Lee         said"."""
    if "(" not in text and ("," not in text or "-" not in text):
        return text  # neither aside can be there
    pieces: list[str] = []
    last = 0
    for match in _ASIDE_RE.finditer(text):
        start = match.start()
        if start < last:
            continue
        parenthesis = text[start] == "("
        end = text.index(")" if parenthesis else ",", start + 1) + 1
        while parenthesis and start > 0 and text[start - 1] in " \u00a0":
            start -= 1
        if any(span.start - 1 <= start < span.end + 1 for span in spans):
            continue
        pieces.append(text[last:start])
        pieces.append(" " * (end - start))
        last = end
    if not pieces:
        return text
    pieces.append(text[last:])
    return "".join(pieces)


def ends_sentence(quoted: str) -> bool:
    return bool(_QUOTE_ENDS_SENTENCE_RE.search(quoted.rstrip()))


def _blank_quotes(text: str, spans: list[QuoteSpan], start: int, end: int) -> str:
    """`text[start:end]` with the quoted words of `spans` replaced by dashes."""
    pieces = []
    at = start
    for span in spans:
        if span.end <= start:
            continue
        pieces.append(text[at : span.start])
        pieces.append("\u2013" * (span.end - span.start))
        at = span.end
    pieces.append(text[at:end])
    return "".join(pieces)


def build_contexts(text: str, spans: list[QuoteSpan]) -> list[QuoteContext]:
    """The context of every span of one paragraph, in order."""
    contexts: list[QuoteContext] = []
    sentence_start = 0
    for i, span in enumerate(spans):
        left_edge = _mark_end(spans[i - 1], text) if i > 0 else 0
        opening = _mark_start(span, text)
        gap = text[left_edge:opening]
        boundaries = match_sentence_ends(gap)
        cut = boundaries[-1].end() if boundaries else 0
        before = gap[cut:]
        joined = i > 0 and not boundaries
        if not joined:
            sentence_start = left_edge + cut
        previous_text = text[spans[i - 1].start : spans[i - 1].end] if i > 0 else ""
        if joined and previous_text.rstrip().endswith(".") and gap.strip()[:1].isupper():
            joined = False
        if joined and not gap.strip() and ends_sentence(previous_text):
            joined = False
        right_edge = _mark_start(spans[i + 1], text) if i + 1 < len(spans) else len(text)
        closing = _mark_end(span, text)
        after_gap = text[closing:right_edge]
        first = SENTENCE_END_RE.search(after_gap)
        after = after_gap[: first.start() + 1] if first else after_gap
        if text[span.start : span.end].rstrip().endswith(".") and after_gap.strip()[:1].isupper():
            after = ""  # "“… Assad.” He added, …": the quoted sentence ended the sentence
        contexts.append(
            QuoteContext(
                span=span,
                text=text[span.start : span.end],
                before=before,
                after=after,
                joined=joined,
                gap=gap,
                paragraph_text=text,
                before_start=left_edge + cut,
                sentence_before=_blank_quotes(text, spans[:i], sentence_start, opening),
                sentence_start=sentence_start,
            )
        )
    return contexts
