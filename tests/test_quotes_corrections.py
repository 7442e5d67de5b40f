"""An editor's corrections (front-matter `speakers:` and `quotes:`) applied to an analysis."""

from __future__ import annotations

import pytest

from newsgen.article import (
    ArticleAnalysis,
    Quote,
    QuoteCorrection,
    QuoteKind,
    Speaker,
    SpeakerCorrection,
    SpeakerKind,
)
from newsgen.quotes.corrections import apply_corrections


def _quote(text: str, speaker: str | None, anonymous: bool = False) -> Quote:
    return Quote(text, speaker, None, "said", 0, 0, len(text), QuoteKind.DIRECT, anonymous)


_FOUND = ArticleAnalysis(
    quotes=(
        _quote("The pumps failed twice this week", "a council aide", anonymous=True),
        _quote("We will publish the inspection", "Ada Moreno"),
    ),
    speakers=(
        Speaker("a council aide", None, SpeakerKind.ANONYMOUS, 1),
        Speaker("Ada Moreno", "engineer", SpeakerKind.PERSON, 1),
        Speaker("Harbour Board", None, SpeakerKind.ORGANIZATION, 0),
    ),
)


@pytest.mark.parametrize(
    ("speaker_fixes", "quote_fix", "expected"),
    [
        # Reassigning a quote to an anonymous speaker keeps it anonymous.
        ((), QuoteCorrection("pumps failed", "a council aide"), ("a council aide", None, True)),
        # Confirming every quote as it was (what `newsgen import` writes) changes nothing.
        ((), QuoteCorrection("publish the", "Ada Moreno"), ("Ada Moreno", "engineer", False)),
        # A named person takes the quote of an anonymous source: no longer anonymous.
        ((), QuoteCorrection("pumps failed", "Ada Moreno"), ("Ada Moreno", "engineer", False)),
        # A speaker the analysis did not find is a person.
        ((), QuoteCorrection("pumps failed", "Tom Greer", "mayor"), ("Tom Greer", "mayor", False)),
        ((), QuoteCorrection("pumps failed", "Harbour Board"), ("Harbour Board", None, False)),
        # Nobody said it (a scare quote).
        ((), QuoteCorrection("pumps failed", None), (None, None, False)),
        # The speaker's kind as the editor corrected it decides.
        (
            (SpeakerCorrection("Ada Moreno", kind=SpeakerKind.ANONYMOUS),),
            QuoteCorrection("pumps failed", "Ada Moreno"),
            ("Ada Moreno", "engineer", True),
        ),
        (
            (SpeakerCorrection("a council aide", rename="Lena Ortiz", kind=SpeakerKind.PERSON),),
            QuoteCorrection("pumps failed", "Lena Ortiz"),
            ("Lena Ortiz", None, False),
        ),
    ],
)
def test_quote_correction_sets_speaker_role_and_anonymity(
    speaker_fixes: tuple[SpeakerCorrection, ...],
    quote_fix: QuoteCorrection,
    expected: tuple[str | None, str | None, bool],
) -> None:
    corrected = apply_corrections(_FOUND, speaker_fixes, (quote_fix,))
    quote = next(q for q in corrected.quotes if quote_fix.phrase in q.text)
    assert (quote.speaker, quote.role, quote.anonymous) == expected
