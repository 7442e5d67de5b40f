"""The data that flows through newsgen's pipeline.

    content file -> loader -> Article -> analysis -> ArticleAnalysis -> site -> pages

Every type here is a frozen dataclass: each stage returns new objects and never
fills in a placeholder left by an earlier one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any


@dataclass(frozen=True, slots=True)
class SourceLocation:
    """A place in a content file, for messages an editor can act on."""

    path: Path
    line: int | None = None

    def __str__(self) -> str:
        return f"{self.path}:{self.line}" if self.line is not None else str(self.path)


class SpeakerKind(StrEnum):
    PERSON = "person"
    ORGANIZATION = "organization"
    ANONYMOUS = "anonymous"


class QuoteKind(StrEnum):
    DIRECT = "direct"
    PARTIAL = "partial"


class BlockKind(StrEnum):
    PARAGRAPH = "paragraph"
    HEADING = "heading"
    BLOCKQUOTE = "blockquote"
    LIST_ITEM = "list_item"


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One block of the body, as plain text (quotation marks kept as written)."""

    text: str
    kind: BlockKind = BlockKind.PARAGRAPH


@dataclass(frozen=True, slots=True)
class SpeakerCorrection:
    """An editor's fix to a speaker found by the analysis (front-matter `speakers:`)."""

    name: str
    rename: str | None = None
    role: str | None = None
    kind: SpeakerKind | None = None


@dataclass(frozen=True, slots=True)
class QuoteCorrection:
    """An editor's reassignment of the quote containing `phrase` (front-matter `quotes:`)."""

    phrase: str
    speaker: str | None
    role: str | None = None


@dataclass(frozen=True, slots=True)
class Article:
    """What the loader makes of one content file: text and metadata, no analysis."""

    source: Path
    headline: str
    slug: str
    paragraphs: tuple[Paragraph, ...]
    kicker: str | None = None
    dek: str | None = None
    byline: tuple[str, ...] = ()
    contributors: tuple[str, ...] = ()
    photo_credit: str | None = None
    dateline: str | None = None
    date: dt.datetime | None = None
    tags: tuple[str, ...] = ()
    boilerplate: tuple[str, ...] = ()
    speaker_corrections: tuple[SpeakerCorrection, ...] = ()
    quote_corrections: tuple[QuoteCorrection, ...] = ()
    is_sample: bool = False
    # Front-matter keys newsgen does not know, kept so nothing an editor wrote is lost.
    extra: tuple[tuple[str, Any], ...] = ()


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation in the body: `start`/`end` index `paragraphs[paragraph].text`.

    The span covers the quoted words without their quotation marks. A quote split
    around its attribution, or running over several paragraphs, has one `Quote`
    with `parts` listing every (paragraph, start, end) span; `paragraph`, `start`
    and `end` are the first part's.
    """

    text: str
    speaker: str | None
    role: str | None
    verb: str | None
    paragraph: int
    start: int
    end: int
    kind: QuoteKind
    anonymous: bool
    parts: tuple[tuple[int, int, int], ...] = field(default=())

    @property
    def part_texts(self) -> tuple[str, ...]:
        """The words of each part: `text` joins them with a space (or else it is one part)."""
        lengths = [end - start for _, start, end in self.parts]
        if len(lengths) < 2 or sum(lengths) + len(lengths) - 1 != len(self.text):
            return (self.text,)
        texts, at = [], 0
        for length in lengths:
            texts.append(self.text[at : at + length])
            at += length + 1
        return tuple(texts)


@dataclass(frozen=True, slots=True)
class Speaker:
    name: str
    role: str | None
    kind: SpeakerKind
    quotes: int


@dataclass(frozen=True, slots=True)
class ArticleAnalysis:
    """Who speaks in an article: its quotes and its speakers (with indirect-only sources)."""

    quotes: tuple[Quote, ...]
    speakers: tuple[Speaker, ...]


@dataclass(frozen=True, slots=True)
class AnalysedArticle:
    article: Article
    analysis: ArticleAnalysis
