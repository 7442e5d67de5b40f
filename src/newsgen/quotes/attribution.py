"""Attributing every quotation of an article: the quote stage's own pipeline.

    spans -> contexts -> names in the text -> per quote: rules, continuation,
    resolution -> quotes (split and multi-paragraph ones merged) -> speakers

Continuation follows the newsroom convention the issue fixes: a quoted
sentence with no attribution of its own continues the previous speaker; after
a direct quote it is the same quote (one `Quote`, several parts), after a
partial quote it is a new direct quote.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from newsgen.article import ArticleAnalysis, Paragraph, Quote, QuoteKind, Speaker, SpeakerKind
from newsgen.quotes.cast import Cast, Resolved
from newsgen.quotes.context import QuoteContext, SentenceIndex, build_contexts, mask_asides
from newsgen.quotes.lexicon import word_set
from newsgen.quotes.mentions import read_mention_after, read_mention_before
from newsgen.quotes.names import MentionKind
from newsgen.quotes.rules import (
    Attribution,
    attribute_context,
    find_speech_verbs,
    strip_auxiliaries,
)
from newsgen.quotes.spans import QuoteSpan, find_quote_spans

_WORDS_RE = re.compile(r"[\w\u2019'-]+")
# Verbs that make a sentence with no quotation an indirect-speech source.
_INDIRECT_VERBS = frozenset(
    [
        "said",
        "says",
        "told",
        "tells",
        "added",
        "warned",
        "stated",
        "announced",
        "claimed",
        "confirmed",
    ]
)
_INDIRECT_RE = re.compile(r"\b(?:" + "|".join(sorted(_INDIRECT_VERBS)) + r")\b")
_INDIRECT_KINDS = (MentionKind.NAME, MentionKind.ORGANIZATION, MentionKind.ANONYMOUS)


@dataclass(frozen=True, slots=True)
class _Found:
    quote: Quote
    speaker: Resolved | None


def _is_direct(ctx: QuoteContext, found: Attribution | None) -> bool:
    before = ctx.before.strip()
    if not before:
        return True
    if before.endswith(":"):
        return True
    if found is None or not found.from_before or not before.endswith(","):
        return False
    verbs = find_speech_verbs(ctx.before)
    if not verbs:
        return False
    tail = _WORDS_RE.findall(ctx.before[verbs[-1].end() :])
    return len(tail) <= 5 and "that" not in tail


# Words before a quoted name of a show, book or ad ("on CBS's", "titled", "an episode of").
_TITLE_CUE_RE = re.compile(
    r"(?:[\w.][\u2019']s|\b(?:titled|entitled|on|during an?|(?:episode|edition|broadcast|host|"
    r"star|author|cover) of|show|program|programme|book|film|movie|song|album|ad|spot|column|"
    r"headline|hashtag|slogan|named|known as|(?:calling|calls|called) (?:itself|themselves)))"
    r"[ \u00a0]*$",
    re.IGNORECASE,
)
_MINOR_WORDS = word_set("a an and at by for from in of on or the to with vs")
# A speaker label opening a transcript turn ("SMITH: Well, …").
_TRANSCRIPT_TURN_RE = re.compile(r"^[A-Z][A-Z.'\u2019 -]{1,30}:\s")


def _is_title(ctx: QuoteContext) -> bool:
    """A name of a show, a book, an ad or a bill: short, every main word capitalised."""
    text = ctx.text.rstrip(" ,.")
    words = _WORDS_RE.findall(text)
    if not words or len(words) > 8 or text[-1:] in "!?" or ctx.before.rstrip().endswith(":"):
        return False
    at_start = not ctx.before.strip() and not ctx.after.strip(" .,")
    if not at_start and not _TITLE_CUE_RE.search(ctx.before):
        return False
    main = [w for w in words if w.lower() not in _MINOR_WORDS]
    return bool(main) and all(w[0].isupper() or w[0].isdigit() for w in main)


def _looks_like_speech(ctx: QuoteContext) -> bool:
    """A quoted sentence, not a scare-quoted word or a title."""
    words = _WORDS_RE.findall(ctx.text)
    if ctx.before.strip() and not ctx.before.rstrip().endswith(":"):
        return False
    return len(words) >= 4 or ctx.text.rstrip()[-1:] in ".?!,"


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


def _extend(quote: Quote, ctx: QuoteContext) -> Quote:
    span = ctx.span
    return replace(
        quote,
        text=f"{quote.text} {ctx.text}",
        parts=(*quote.parts, (span.paragraph, span.start, span.end)),
    )


def _indirect_sources(
    index: int, text: str, spans: list[QuoteSpan], sentence_of: SentenceIndex, cast: Cast
) -> list[tuple[int, Resolved]]:
    """Speakers of sentences with no quotation ("A senior official said …")."""
    found: list[tuple[int, Resolved]] = []
    begin = 0
    if not _INDIRECT_RE.search(text):
        return found
    ends = [*sentence_of.ends, len(text)]
    for end in ends:
        if not any(span.start < end and span.end > begin for span in spans):
            sentence = text[begin:end]
            for verb in find_speech_verbs(sentence):
                if verb.group().lower() not in _INDIRECT_VERBS:
                    continue
                mention = read_mention_before(strip_auxiliaries(sentence[: verb.start()]))
                if mention is None or mention.kind not in _INDIRECT_KINDS:
                    continue
                if mention.kind is MentionKind.ANONYMOUS and mention.name.split()[0].lower() in (
                    "the",
                    mention.name,
                ):
                    continue
                at = begin + mention.start
                resolved = cast.resolve(mention, index, sentence_of.at(at), at)
                if resolved is not None:
                    found.append((at, resolved))
                break
        begin = end
    return found


def _introduced_speaker(
    index: int, text: str, spans: list[QuoteSpan], sentence_of: SentenceIndex, cast: Cast
) -> tuple[Resolved, str] | None:
    """Who a paragraph ending "… Kerry said:" introduces, for the quotation after it."""
    stripped = text.rstrip()
    if not stripped.endswith(":") or (spans and spans[-1].end >= len(stripped) - 1):
        return None
    begin = max([0, *(e for e in sentence_of.ends if e < len(stripped))])
    if spans:
        begin = max(begin, spans[-1].end + 1)
    sentence = stripped[begin:-1]
    verbs = find_speech_verbs(sentence)
    if not verbs:
        return None
    verb = verbs[-1]
    mention = read_mention_before(strip_auxiliaries(sentence[: verb.start()]))
    if mention is None:
        mention = read_mention_after(sentence[verb.end() :])
        if mention is None:
            return None
    at = begin + mention.start
    resolved = cast.resolve(mention, index, sentence_of.at(at), at)
    return (resolved, verb.group().lower()) if resolved is not None else None


def attribute_quotes(paragraphs: Sequence[Paragraph]) -> ArticleAnalysis:
    """Every quotation of the paragraphs with its speaker, and the article's speakers."""
    cast = Cast()
    found: list[_Found] = []
    order: list[Resolved] = []
    last_speaker: Resolved | None = None
    open_quote: int | None = None  # index in `found` of a quote running on into the next paragraph
    introduced: tuple[Resolved, str] | None = None  # "He said:" ending the previous paragraph
    in_transcript = False
    for index, paragraph in enumerate(paragraphs):
        spans = find_quote_spans(index, paragraph.text)
        if not spans or spans[0].start > 1 or spans[0].closed:
            in_transcript = False
        text = mask_asides(paragraph.text, spans)
        sentence_of = SentenceIndex.of(text)
        cast.scan_names(index, text, sentence_of, [(s.start, s.end) for s in spans])
        sources = _indirect_sources(index, text, spans, sentence_of, cast)
        for _, source in sources:
            order.append(source)
            last_speaker = source
        previous: int | None = None  # index in `found` of this paragraph's previous quote
        previous_by_after = False
        for ctx in build_contexts(text, spans):
            span = ctx.span
            at_paragraph_start = not text[: span.start].strip(" \u00a0\t“”\"\u2018'")
            if open_quote is not None and previous is None and at_paragraph_start:
                merged = found[open_quote]
                found[open_quote] = replace(merged, quote=_extend(merged.quote, ctx))
                previous, previous_by_after = open_quote, False
                open_quote = open_quote if not span.closed else None
                continue
            open_quote = None
            turn = at_paragraph_start and bool(_TRANSCRIPT_TURN_RE.match(ctx.text))
            in_transcript = in_transcript or turn
            if turn or (in_transcript and at_paragraph_start and not span.closed):
                continue  # a transcript reproduced in the article, not a quotation
            if _is_title(ctx):
                found.append(_Found(_quote(ctx, None, None, QuoteKind.PARTIAL), None))
                continue
            if previous is not None and ctx.joined and previous_by_after:
                merged = found[previous]
                found[previous] = replace(merged, quote=_extend(merged.quote, ctx))
                open_quote = previous if not span.closed else None
                continue
            attribution = attribute_context(ctx)
            if attribution is None and ctx.joined and ctx.before_start > ctx.sentence_start:
                whole = replace(ctx, before=ctx.sentence_before, before_start=ctx.sentence_start)
                attribution = attribute_context(whole)
            if attribution and attribution.rule == "sentence_subject":
                attribution = attribution if cast.knows(attribution.mention) else None
            speaker: Resolved | None = None
            verb = None
            if attribution is not None:
                speaker = cast.resolve(
                    attribution.mention,
                    index,
                    sentence_of.at(attribution.position),
                    attribution.position,
                )
                verb = attribution.verb
                kind = QuoteKind.DIRECT if _is_direct(ctx, attribution) else QuoteKind.PARTIAL
            elif previous is not None and ctx.joined and found[previous].speaker is not None:
                prior = found[previous]  # "… said it was “a mistake” and “a lapse”"
                speaker, verb, kind = prior.speaker, prior.quote.verb, QuoteKind.PARTIAL
            elif previous is not None and not ctx.before.strip():
                prior = found[previous]
                if prior.quote.kind is QuoteKind.DIRECT:
                    found[previous] = replace(prior, quote=_extend(prior.quote, ctx))
                    open_quote = previous if not span.closed else None
                    continue
                speaker, verb, kind = prior.speaker, prior.quote.verb, QuoteKind.DIRECT
            elif _looks_like_speech(ctx) and (
                at_paragraph_start or ctx.before.rstrip().endswith(":")
            ):
                speaker, kind = last_speaker, QuoteKind.DIRECT
                if introduced and previous is None and at_paragraph_start and span.closed:
                    speaker, verb = introduced
            elif _looks_like_speech(ctx) and any(at < span.start for at, _ in sources):
                # "… while Kerry negotiates, Schiff said. “The other factor is …”"
                speaker = [source for at, source in sources if at < span.start][-1]
                kind = QuoteKind.DIRECT
            else:
                kind = QuoteKind.PARTIAL if ctx.before.strip() else QuoteKind.DIRECT
            found.append(_Found(_quote(ctx, speaker, verb, kind), speaker))
            previous = len(found) - 1
            previous_by_after = attribution is not None and not attribution.from_before
            if speaker is not None:
                last_speaker = speaker
                order.append(speaker)
            open_quote = previous if not span.closed else None
        introduced = _introduced_speaker(index, text, spans, sentence_of, cast)
    return ArticleAnalysis(tuple(f.quote for f in found), _speakers(found, order))


def _speakers(found: list[_Found], order: list[Resolved]) -> tuple[Speaker, ...]:
    counts: dict[str, int] = {}
    for item in found:
        if item.speaker is not None:
            counts[item.speaker.name] = counts.get(item.speaker.name, 0) + 1
    speakers: dict[str, Speaker] = {}
    for resolved in order:
        if resolved.name not in speakers:
            speakers[resolved.name] = Speaker(
                resolved.name, resolved.role, resolved.kind, counts.get(resolved.name, 0)
            )
    for item in found:
        if item.speaker is not None and item.speaker.role and not speakers[item.speaker.name].role:
            speakers[item.speaker.name] = replace(
                speakers[item.speaker.name], role=item.speaker.role
            )
    return tuple(speakers.values())


__all__ = ["SpeakerKind", "attribute_quotes"]
