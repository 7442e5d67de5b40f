"""One analysed article placed in the site: its URL, local date, sources and quotes.

`place_article` looks at one article only, so its result can be cached per article
and computed in parallel; everything that needs the whole archive is in `site.py`.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass
from typing import Any

from newsgen.article import (
    AnalysedArticle,
    Article,
    ArticleAnalysis,
    BlockKind,
    Paragraph,
    Quote,
    Speaker,
    SpeakerKind,
)

WORDS_PER_MINUTE = 230


def make_slug(text: str) -> str:
    """A URL path segment made of lowercase ASCII letters, digits and dashes ('' if none)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:80].strip("-")


def speaker_key(name: str) -> str:
    """What makes two names the same person across articles: case, spacing, apostrophes."""
    name = name.replace("\u2019", "'").replace("\u2018", "'")
    return " ".join(name.replace(".", " ").split()).casefold()


def count_words(text: str) -> int:
    return len(text.split())


# Pickling: the dataclasses below rebuild themselves from a tuple of their fields
# (`__reduce__`), because the default path (setstate over `dataclasses.fields`) makes
# reading 10,000 cached summaries take seconds instead of a fraction of one.


@dataclass(frozen=True, slots=True)
class TagRef:
    name: str
    slug: str

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild_tag, (self.name, self.slug))


# Names, keys, roles and verbs recur across thousands of summaries: read back, each
# occurrence would be a string of its own (tens of megabytes at 10,000 articles, in the
# build and in every worker that touches them), so they are interned.
def _rebuild_tag(name: str, slug: str) -> TagRef:
    return TagRef(sys.intern(name), sys.intern(slug))


def _rebuild_placed_quote(
    quote: tuple[Any, ...],
    name: str | None,
    key: str | None,
    role: str | None,
    kind: SpeakerKind | None,
    words: int,
) -> PlacedQuote:
    intern = sys.intern  # (inline: this runs for every quote of the archive)
    text, speaker, said_role, verb = quote[:4]  # then paragraph, start, end...
    return PlacedQuote(
        Quote(
            text,
            speaker and intern(speaker),
            said_role and intern(said_role),
            verb and intern(verb),
            *quote[4:],
        ),
        name and intern(name),
        key and intern(key),
        role and intern(role),
        kind,
        words,
    )


@dataclass(frozen=True, slots=True)
class PlacedQuote:
    """A quote with who said it as the site shows it (`speaker_key` None: no speaker page)."""

    quote: Quote
    speaker_name: str | None
    speaker_key: str | None
    role: str | None
    kind: SpeakerKind | None
    words: int

    @property
    def anonymous(self) -> bool:
        return self.quote.anonymous or self.kind is SpeakerKind.ANONYMOUS

    def __reduce__(self) -> tuple[Any, ...]:
        fields = (
            _quote_fields(self.quote),
            self.speaker_name,
            self.speaker_key,
            self.role,
            self.kind,
            self.words,
        )
        return (_rebuild_placed_quote, fields)


_ARTICLE_FIELDS = tuple(name for name in Article.__slots__ if name != "paragraphs")
_QUOTE_FIELDS = Quote.__slots__  # the dataclass's fields, in order: text, speaker, role, verb...


def _quote_fields(q: Quote) -> tuple[Any, ...]:
    return tuple(getattr(q, name) for name in _QUOTE_FIELDS)


@dataclass(frozen=True, slots=True)
class ArticleSource:
    """A row of the article's "Who is quoted" panel."""

    name: str
    key: str | None
    role: str | None
    kind: SpeakerKind
    quotes: int
    word_share: float

    @property
    def anonymous(self) -> bool:
        return self.kind is SpeakerKind.ANONYMOUS

    def __reduce__(self) -> tuple[Any, ...]:
        fields = (self.name, self.key, self.role, self.kind, self.quotes, self.word_share)
        return (_rebuild_source, fields)


def _rebuild_source(
    name: str, key: str | None, role: str | None, kind: SpeakerKind, quotes: int, share: float
) -> ArticleSource:
    intern = sys.intern
    return ArticleSource(
        intern(name), key and intern(key), role and intern(role), kind, quotes, share
    )


@dataclass(frozen=True, slots=True)
class PlacedArticle:
    analysed: AnalysedArticle
    slug: str
    date: dt.datetime | None
    reading_minutes: int
    tags: tuple[TagRef, ...]
    quotes: tuple[PlacedQuote, ...]
    sources: tuple[ArticleSource, ...]

    @property
    def url(self) -> str:
        return f"articles/{self.slug}/"

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled as plain tuples: the article's paragraphs, quotes and speakers would
        otherwise each go through the dataclass state protocol (a third of the time an
        article takes to be cached, and again to be read back for its page)."""
        article, analysis = self.analysed.article, self.analysed.analysis
        fields = tuple(getattr(article, name) for name in _ARTICLE_FIELDS)
        paragraphs = tuple((p.text, p.kind) for p in article.paragraphs)
        quotes = tuple(_quote_fields(q) for q in analysis.quotes)
        speakers = tuple((s.name, s.role, s.kind, s.quotes) for s in analysis.speakers)
        placed = (self.slug, self.date, self.reading_minutes, self.tags, self.sources)
        placed_quotes = tuple(
            (q.speaker_name, q.speaker_key, q.role, q.kind, q.words) for q in self.quotes
        )
        return (
            _rebuild_placed_article,
            (fields, paragraphs, quotes, speakers, placed, placed_quotes),
        )

    @property
    def headline(self) -> str:
        return self.analysed.article.headline

    # What an article card shows, named as on `ArticleSummary`, so a template takes either.
    @property
    def kicker(self) -> str | None:
        return self.analysed.article.kicker

    @property
    def dek(self) -> str | None:
        return self.analysed.article.dek

    @property
    def byline(self) -> tuple[str, ...]:
        return self.analysed.article.byline

    @property
    def anonymous_share(self) -> float:
        if not self.quotes:
            return 0.0
        return sum(1 for q in self.quotes if q.anonymous) / len(self.quotes)


def place_article(analysed: AnalysedArticle, zone: dt.tzinfo) -> PlacedArticle:
    article, analysis = analysed.article, analysed.analysis
    words = sum(count_words(p.text) for p in article.paragraphs)
    speakers = {s.name: s for s in analysis.speakers}
    quotes = tuple(_place_quote(q, speakers.get(q.speaker or "")) for q in analysis.quotes)
    tags = {make_slug(t): t.strip() for t in reversed(article.tags) if make_slug(t)}
    return PlacedArticle(
        analysed=analysed,
        slug=make_slug(article.slug),
        date=_local_date(article.date, zone),
        reading_minutes=max(1, math.ceil(words / WORDS_PER_MINUTE)),
        tags=tuple(TagRef(name, slug) for slug, name in reversed(tags.items())),
        quotes=quotes,
        sources=_list_sources(analysis.speakers, quotes),
    )


def _local_date(date: dt.datetime | None, zone: dt.tzinfo) -> dt.datetime | None:
    if date is None:
        return None
    return date.replace(tzinfo=zone) if date.tzinfo is None else date.astimezone(zone)


def _place_quote(quote: Quote, speaker: Speaker | None) -> PlacedQuote:
    kind = SpeakerKind.ANONYMOUS if quote.anonymous else (speaker.kind if speaker else None)
    if quote.speaker and kind is None:
        kind = SpeakerKind.PERSON
    named = quote.speaker and kind is not SpeakerKind.ANONYMOUS
    return PlacedQuote(
        quote=quote,
        speaker_name=quote.speaker,
        speaker_key=speaker_key(quote.speaker) if named and quote.speaker else None,
        role=quote.role or (speaker.role if speaker else None),
        kind=kind,
        words=count_words(quote.text),
    )


def _list_sources(
    speakers: tuple[Speaker, ...], quotes: tuple[PlacedQuote, ...]
) -> tuple[ArticleSource, ...]:
    counts = Counter(q.speaker_name for q in quotes if q.speaker_name)
    words: Counter[str] = Counter()
    for q in quotes:
        if q.speaker_name:
            words[q.speaker_name] += q.words
    total = words.total() or 1  # scare quotes and titles are nobody's words
    rows = [
        ArticleSource(
            name=s.name,
            key=None if s.kind is SpeakerKind.ANONYMOUS else speaker_key(s.name),
            role=s.role,
            kind=s.kind,
            quotes=counts[s.name] or s.quotes,
            word_share=words[s.name] / total,
        )
        for s in speakers
    ]
    listed = {s.name for s in speakers}
    for name in dict.fromkeys(q.speaker_name for q in quotes if q.speaker_name):
        if name not in listed:  # quoted, but missing from the analysis's speaker list
            said = [q for q in quotes if q.speaker_name == name]
            kind = said[0].kind or SpeakerKind.PERSON
            rows.append(
                ArticleSource(
                    name=name,
                    key=None if kind is SpeakerKind.ANONYMOUS else speaker_key(name),
                    role=said[0].role,
                    kind=kind,
                    quotes=len(said),
                    word_share=words[name] / total,
                )
            )
    return tuple(sorted(rows, key=lambda r: (-r.quotes, -r.word_share, r.name)))


def _rebuild_placed_article(
    fields: tuple[Any, ...],
    paragraphs: tuple[tuple[str, BlockKind], ...],
    quotes: tuple[tuple[Any, ...], ...],
    speakers: tuple[tuple[Any, ...], ...],
    placed: tuple[Any, ...],
    placed_quotes: tuple[tuple[Any, ...], ...],
) -> PlacedArticle:
    article = Article(
        paragraphs=tuple(Paragraph(text, kind) for text, kind in paragraphs),
        **dict(zip(_ARTICLE_FIELDS, fields, strict=True)),
    )
    said = tuple(Quote(*q) for q in quotes)
    analysis = ArticleAnalysis(said, tuple(Speaker(*s) for s in speakers))
    slug, date, minutes, tags, sources = placed
    return PlacedArticle(
        AnalysedArticle(article, analysis),
        slug,
        date,
        minutes,
        tags,
        tuple(PlacedQuote(quote, *rest) for quote, rest in zip(said, placed_quotes, strict=True)),
        sources,
    )
