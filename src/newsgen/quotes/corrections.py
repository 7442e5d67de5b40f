"""An editor's corrections to attribution, applied after the analysis.

Speaker corrections rename a speaker or set their role or kind everywhere;
quote corrections reassign the quote whose text contains a phrase. Speaker
counts are recomputed afterwards.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from newsgen.article import (
    ArticleAnalysis,
    Quote,
    QuoteCorrection,
    Speaker,
    SpeakerCorrection,
    SpeakerKind,
)


def _correct_speaker(speaker: Speaker, fix: SpeakerCorrection) -> Speaker:
    return Speaker(
        name=fix.rename or speaker.name,
        role=fix.role if fix.role is not None else speaker.role,
        kind=fix.kind or speaker.kind,
        quotes=speaker.quotes,
    )


def apply_corrections(
    analysis: ArticleAnalysis,
    speaker_fixes: Sequence[SpeakerCorrection],
    quote_fixes: Sequence[QuoteCorrection],
) -> ArticleAnalysis:
    """`analysis` with the editor's speaker and quote corrections applied."""
    if not speaker_fixes and not quote_fixes:
        return analysis
    speakers = list(analysis.speakers)
    quotes = list(analysis.quotes)
    for fix in speaker_fixes:
        for i, speaker in enumerate(speakers):
            if speaker.name == fix.name:
                speakers[i] = _correct_speaker(speaker, fix)
        for i, quote in enumerate(quotes):
            if quote.speaker == fix.name:
                kind = fix.kind
                quotes[i] = replace(
                    quote,
                    speaker=fix.rename or quote.speaker,
                    role=fix.role if fix.role is not None else quote.role,
                    anonymous=quote.anonymous if kind is None else kind is SpeakerKind.ANONYMOUS,
                )
    for quote_fix in quote_fixes:
        for i, quote in enumerate(quotes):
            if quote_fix.phrase in quote.text:
                known = next((s for s in speakers if s.name == quote_fix.speaker), None)
                role = quote_fix.role
                if role is None and known is not None:
                    role = known.role
                anonymous = known is not None and known.kind is SpeakerKind.ANONYMOUS
                quotes[i] = replace(
                    quote, speaker=quote_fix.speaker, role=role, anonymous=anonymous
                )
                if quote_fix.speaker is not None and all(
                    s.name != quote_fix.speaker for s in speakers
                ):
                    speakers.append(Speaker(quote_fix.speaker, role, SpeakerKind.PERSON, 0))
    return ArticleAnalysis(tuple(quotes), _recount(speakers, quotes))


def _recount(speakers: list[Speaker], quotes: list[Quote]) -> tuple[Speaker, ...]:
    merged: dict[str, Speaker] = {}
    for speaker in speakers:
        merged.setdefault(speaker.name, speaker)
    counts = {name: sum(1 for q in quotes if q.speaker == name) for name in merged}
    return tuple(
        replace(s, quotes=counts[s.name])
        for s in merged.values()
        if counts[s.name] or s.quotes == 0 or _was_indirect(s)
    )


def _was_indirect(speaker: Speaker) -> bool:
    return speaker.quotes == 0
