"""Attributing every quotation of an article: the quote stage's own pipeline.

    spans -> contexts -> names in the text -> per quote: the steps of
    `QUOTE_STEPS` -> quotes (split and multi-paragraph ones merged) -> speakers

A quote that no step merges into an earlier one is credited by the first of the
attribution rules (`rules.py`) that names a speaker, or else by the first of
the `FALLBACKS`. They follow the newsroom convention the issue fixes: a quoted
sentence with no attribution of its own continues the previous speaker; after
a direct quote it is the same quote (one `Quote`, several parts), after a
partial quote it is a new direct quote.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from newsgen.article import (
    ArticleAnalysis,
    BlockKind,
    Paragraph,
    Quote,
    QuoteKind,
    Speaker,
    SpeakerKind,
)
from newsgen.quotes.cast import Cast, Resolved
from newsgen.quotes.context import QuoteContext, SentenceIndex, build_contexts, mask_asides
from newsgen.quotes.nicknames import find_nicknames, mask_nicknames
from newsgen.quotes.rules import Attribution, attribute_context
from newsgen.quotes.shape import is_direct, is_title, is_transcript_turn, looks_like_speech
from newsgen.quotes.sources import find_indirect_sources, find_introduced_speaker
from newsgen.quotes.spans import QuoteSpan, find_quote_spans


@dataclass(frozen=True, slots=True)
class _Found:
    quote: Quote
    speaker: Resolved | None


@dataclass(slots=True)
class _Reading:
    """What attribution knows while it reads an article from top to bottom."""

    cast: Cast = field(default_factory=Cast)
    found: list[_Found] = field(default_factory=list)
    order: list[Resolved] = field(default_factory=list)  # every speaker, as met
    last_speaker: Resolved | None = None
    open_quote: int | None = None  # index in `found` of a quote running on into the next paragraph
    introduced: tuple[Resolved, str] | None = None  # "He said:" ending the previous paragraph
    in_transcript: bool = False

    def credit(self, speaker: Resolved) -> None:
        self.last_speaker = speaker
        self.order.append(speaker)

    def extend(self, at: int, ctx: QuoteContext) -> None:
        """Add `ctx` as a further part of the quote `found[at]`."""
        merged = self.found[at]
        span = ctx.span
        quote = replace(
            merged.quote,
            text=f"{merged.quote.text} {ctx.text}",
            parts=(*merged.quote.parts, (span.paragraph, span.start, span.end)),
        )
        self.found[at] = replace(merged, quote=quote)
        self.open_quote = at if not span.closed else None


@dataclass(slots=True)
class _ParagraphReading:
    """One paragraph being read: its text with asides masked, and its quotes so far."""

    index: int
    text: str
    spans: list[QuoteSpan]
    sentence_of: SentenceIndex
    sources: list[tuple[int, Resolved]]  # indirect-speech sources and where they are named
    previous: int | None = None  # index in `found` of this paragraph's previous quote
    previous_by_after: bool = False  # ... attributed by words after it ("…,” Lee said, “…”)
    at_start: bool = False  # the current quote opens the paragraph


@dataclass(frozen=True, slots=True)
class _Credit:
    """Who a new quote is credited to, and how it reads; `extends_previous`
    makes it a further part of the paragraph's previous quote instead."""

    speaker: Resolved | None
    verb: str | None
    kind: QuoteKind
    attribution: Attribution | None = None
    extends_previous: bool = False


def _quote(ctx: QuoteContext, speaker: Resolved | None, verb: str | None, kind: QuoteKind) -> Quote:
    span = ctx.span
    return Quote(
        text=ctx.text,
        speaker=speaker.name if speaker else None,
        role=speaker.role if speaker else None,
        verb=verb,
        paragraph=span.paragraph,
        start=span.start,
        end=span.end,
        kind=kind,
        anonymous=speaker.anonymous if speaker else False,
        parts=((span.paragraph, span.start, span.end),),
    )


# Steps tried on every quotation in this order; the first that handles it ends its turn.
QuoteStep = Callable[[_Reading, _ParagraphReading, QuoteContext], bool]


def continue_open_quote(reading: _Reading, para: _ParagraphReading, ctx: QuoteContext) -> bool:
    """A paragraph opening with a quote carries on the quote left open by the last one."""
    if reading.open_quote is not None and para.previous is None and para.at_start:
        at = reading.open_quote
        reading.extend(at, ctx)
        para.previous, para.previous_by_after = at, False
        return True
    reading.open_quote = None  # any other quotation closes it
    return False


def skip_transcript(reading: _Reading, para: _ParagraphReading, ctx: QuoteContext) -> bool:
    """A transcript reproduced in the article ("HOST: …" turns) holds no quotations."""
    turn = para.at_start and is_transcript_turn(ctx)
    reading.in_transcript = reading.in_transcript or turn
    return turn or (reading.in_transcript and para.at_start and not ctx.span.closed)


def record_title(reading: _Reading, para: _ParagraphReading, ctx: QuoteContext) -> bool:
    """A quoted title ("the show “Meet the Press”") is said by nobody."""
    if not is_title(ctx):
        return False
    reading.found.append(_Found(_quote(ctx, None, None, QuoteKind.PARTIAL), None))
    return True


def join_split_quote(reading: _Reading, para: _ParagraphReading, ctx: QuoteContext) -> bool:
    """“The Kremlin,” Trenin added, “likely believes …”: one quote around its attribution."""
    if para.previous is None or not ctx.joined or not para.previous_by_after:
        return False
    reading.extend(para.previous, ctx)
    return True


def credit_new_quote(reading: _Reading, para: _ParagraphReading, ctx: QuoteContext) -> bool:
    """A quote of its own: credited by an attribution rule, or else by a fallback."""
    attribution = _find_attribution(reading, ctx)
    if attribution is not None:
        credit = _credit_by_rule(reading, para, ctx, attribution)
    else:
        credit = next(c for f in FALLBACKS if (c := f(reading, para, ctx)) is not None)
    if credit.extends_previous and para.previous is not None:
        reading.extend(para.previous, ctx)
        return True
    reading.found.append(
        _Found(_quote(ctx, credit.speaker, credit.verb, credit.kind), credit.speaker)
    )
    para.previous = len(reading.found) - 1
    para.previous_by_after = credit.attribution is not None and not credit.attribution.from_before
    if credit.speaker is not None:
        reading.credit(credit.speaker)
    reading.open_quote = para.previous if not ctx.span.closed else None
    return True


QUOTE_STEPS: tuple[tuple[str, QuoteStep], ...] = (
    ("continue_open_quote", continue_open_quote),
    ("skip_transcript", skip_transcript),
    ("record_title", record_title),
    ("join_split_quote", join_split_quote),
    ("credit_new_quote", credit_new_quote),
)


def _find_attribution(reading: _Reading, ctx: QuoteContext) -> Attribution | None:
    attribution = attribute_context(ctx)
    if attribution is None and ctx.joined and ctx.before_start > ctx.sentence_start:
        whole = replace(ctx, before=ctx.sentence_before, before_start=ctx.sentence_start)
        attribution = attribute_context(whole)
    if attribution and attribution.rule in ("clause_subject", "sentence_subject"):
        return attribution if reading.cast.knows(attribution.mention) else None
    return attribution


def _credit_by_rule(
    reading: _Reading, para: _ParagraphReading, ctx: QuoteContext, attribution: Attribution
) -> _Credit:
    position = attribution.position
    speaker = reading.cast.resolve(
        attribution.mention, para.index, para.sentence_of.at(position), position
    )
    kind = QuoteKind.DIRECT if is_direct(ctx, attribution) else QuoteKind.PARTIAL
    return _Credit(speaker, attribution.verb, kind, attribution)


# When no rule names a speaker: tried in this order, the last always answers.
Fallback = Callable[[_Reading, _ParagraphReading, QuoteContext], _Credit | None]


def share_joined_partial(
    reading: _Reading, para: _ParagraphReading, ctx: QuoteContext
) -> _Credit | None:
    """… said it was “a mistake” and “a lapse”: the second partial quote shares the first's."""
    if para.previous is None or not ctx.joined:
        return None
    prior = reading.found[para.previous]
    if prior.speaker is None:
        return None
    return _Credit(prior.speaker, prior.quote.verb, QuoteKind.PARTIAL)


def continue_previous_quote(
    reading: _Reading, para: _ParagraphReading, ctx: QuoteContext
) -> _Credit | None:
    """A further quoted sentence of the paragraph: part of a direct quote before it,
    or a new direct quote of the speaker of a partial one."""
    if para.previous is None or ctx.before.strip():
        return None
    prior = reading.found[para.previous]
    if prior.quote.kind is QuoteKind.DIRECT:
        return _Credit(None, None, QuoteKind.DIRECT, extends_previous=True)
    return _Credit(prior.speaker, prior.quote.verb, QuoteKind.DIRECT)


def continue_last_speaker(
    reading: _Reading, para: _ParagraphReading, ctx: QuoteContext
) -> _Credit | None:
    """A paragraph that is only a quote continues the last speaker, or the one the
    previous paragraph introduced ("He said:")."""
    if not looks_like_speech(ctx) or not (para.at_start or ctx.before.rstrip().endswith(":")):
        return None
    if reading.introduced and para.previous is None and para.at_start and ctx.span.closed:
        speaker, verb = reading.introduced
        return _Credit(speaker, verb, QuoteKind.DIRECT)
    return _Credit(reading.last_speaker, None, QuoteKind.DIRECT)


def credit_indirect_source(
    reading: _Reading, para: _ParagraphReading, ctx: QuoteContext
) -> _Credit | None:
    """… while Kerry negotiates, Schiff said. “The other factor is …”"""
    earlier = [source for at, source in para.sources if at < ctx.span.start]
    if not earlier or not looks_like_speech(ctx):
        return None
    return _Credit(earlier[-1], None, QuoteKind.DIRECT)


def leave_unattributed(
    reading: _Reading, para: _ParagraphReading, ctx: QuoteContext
) -> _Credit | None:
    """Nobody: a scare quote, or a quotation the text does not credit."""
    return _Credit(None, None, QuoteKind.PARTIAL if ctx.before.strip() else QuoteKind.DIRECT)


FALLBACKS: tuple[Fallback, ...] = (
    share_joined_partial,
    continue_previous_quote,
    continue_last_speaker,
    credit_indirect_source,
    leave_unattributed,
)


def _read_paragraph(reading: _Reading, index: int, paragraph: Paragraph) -> None:
    nicknames = find_nicknames(paragraph.text)  # Robert C. “Bobby” Scott: no quotation
    text = mask_nicknames(paragraph.text, nicknames)
    spans = find_quote_spans(index, text)
    if not spans or spans[0].start > 1 or spans[0].closed:
        reading.in_transcript = False
    text = mask_asides(text, spans)
    sentence_of = SentenceIndex.of(text)
    hidden = [(s.start, s.end) for s in spans]
    reading.cast.scan_names(index, text, sentence_of, hidden, nicknames)
    sources: list[tuple[int, Resolved]] = []
    if paragraph.kind is not BlockKind.HEADING:  # "What the authority says" reports nothing
        sources = find_indirect_sources(index, text, spans, sentence_of, reading.cast)
    for _, source in sources:
        reading.credit(source)
    if spans:
        para = _ParagraphReading(index, text, spans, sentence_of, sources)
        for ctx in build_contexts(text, spans):
            para.at_start = not text[: ctx.span.start].strip(" \u00a0\t“”\"\u2018'")
            for _, step in QUOTE_STEPS:
                if step(reading, para, ctx):
                    break
    reading.introduced = find_introduced_speaker(index, text, spans, sentence_of, reading.cast)


def attribute_quotes(
    paragraphs: Sequence[Paragraph], titles: Sequence[str] = ()
) -> ArticleAnalysis:
    """Every quotation of the paragraphs with its speaker, and the article's speakers;
    `titles` (headline, dek) may name the organization "the company" means."""
    reading = _Reading()
    for title in titles:
        reading.cast.read_headline(title)
    for index, paragraph in enumerate(paragraphs):
        _read_paragraph(reading, index, paragraph)
    return ArticleAnalysis(tuple(f.quote for f in reading.found), _speakers(reading))


def _speakers(reading: _Reading) -> tuple[Speaker, ...]:
    """Everyone credited, in order of first mention, with their count of quotes."""
    counts: dict[str, int] = {}
    for item in reading.found:
        if item.speaker is not None:
            counts[item.speaker.name] = counts.get(item.speaker.name, 0) + 1
    speakers: dict[str, Speaker] = {}
    for resolved in reading.order:
        if resolved.name not in speakers:
            speakers[resolved.name] = Speaker(
                resolved.name, resolved.role, resolved.kind, counts.get(resolved.name, 0)
            )
    for item in reading.found:
        if item.speaker is not None and item.speaker.role and not speakers[item.speaker.name].role:
            speakers[item.speaker.name] = replace(
                speakers[item.speaker.name], role=item.speaker.role
            )
    return tuple(speakers.values())


__all__ = ["FALLBACKS", "QUOTE_STEPS", "SpeakerKind", "attribute_quotes"]
