"""What the site index keeps of an article: everything but its body, and two digests.

The index sees every article at once, so it must not hold every body: a summary
has the metadata, tags, placed quotes and sources of a `PlacedArticle`, and the
body is read back from the build cache when the article's own page (or the feed)
is rendered. The digests say when a page showing the article must be rendered
again: `digest` covers the whole placed article, `summary_digest` this summary.

A summary's quotes and sources are `StoredRows`: plain tuples, made into `PlacedQuote`s
and `ArticleSource`s the first time a page reads them. The index only needs who said
each quote (`quote_rows`), and a rebuild after one edit renders the pages of a few
articles: making the 100,000 objects of every summary was most of its time.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import operator
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar, overload

from newsgen.article import Quote
from newsgen.placement import ArticleSource, PlacedArticle, PlacedQuote, TagRef

T = TypeVar("T")

# A placed quote as plain values: (the `Quote`'s fields, speaker name, speaker key, role,
# speaker kind, words); an article source: (name, key, role, kind, quotes, word share).
QuoteRow = tuple[Any, ...]
SourceRow = tuple[Any, ...]
QUOTE_NAME, QUOTE_KEY, QUOTE_ROLE, QUOTE_KIND = 1, 2, 3, 4
SOURCE_KEY = 1

_quote_fields = operator.attrgetter(*Quote.__slots__)


def quote_row(quote: PlacedQuote) -> QuoteRow:
    return (
        _quote_fields(quote.quote),
        quote.speaker_name,
        quote.speaker_key,
        quote.role,
        quote.kind,
        quote.words,
    )


def make_placed_quote(row: QuoteRow) -> PlacedQuote:
    said, name, key, role, kind, words = row
    return PlacedQuote(Quote(*said), name, key, role, kind, words)


def source_row(source: ArticleSource) -> SourceRow:
    return (source.name, source.key, source.role, source.kind, source.quotes, source.word_share)


def make_source(row: SourceRow) -> ArticleSource:
    return ArticleSource(*row)


class StoredRows(Sequence[T], Generic[T]):
    """A tuple of objects kept as rows of plain values, each made into its object (by
    `make`, a module-level function) the first time the sequence is read. Equal to, and
    hashed as, the tuple of its objects."""

    __slots__ = ("_made", "_make", "rows")

    def __init__(
        self, rows: tuple[Any, ...], make: Callable[[Any], T], made: tuple[T, ...] | None = None
    ) -> None:
        self.rows = rows
        self._make = make
        self._made = made

    @property
    def made(self) -> tuple[T, ...]:
        made = self._made
        if made is None:
            make = self._make
            made = self._made = tuple([make(row) for row in self.rows])
        return made

    @overload
    def __getitem__(self, index: int) -> T: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[T, ...]: ...
    def __getitem__(self, index: int | slice) -> T | tuple[T, ...]:
        return self.made[index]

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self) -> Iterator[T]:
        return iter(self.made)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, StoredRows):
            other = other.made
        return isinstance(other, tuple) and self.made == other

    def __hash__(self) -> int:
        return hash(self.made)

    def __repr__(self) -> str:
        return repr(self.made)

    def __reduce__(self) -> tuple[Any, ...]:
        return (StoredRows, (self.rows, self._make))


def stored_quotes(quotes: Sequence[PlacedQuote]) -> StoredRows[PlacedQuote]:
    return StoredRows(tuple([quote_row(q) for q in quotes]), make_placed_quote, tuple(quotes))


def stored_sources(sources: Sequence[ArticleSource]) -> StoredRows[ArticleSource]:
    return StoredRows(tuple([source_row(s) for s in sources]), make_source, tuple(sources))


def quote_rows(quotes: Sequence[PlacedQuote]) -> tuple[QuoteRow, ...]:
    """The rows of an article's quotes (made from the quotes if they are not stored ones)."""
    return quotes.rows if isinstance(quotes, StoredRows) else stored_quotes(quotes).rows


def source_rows(sources: Sequence[ArticleSource]) -> tuple[SourceRow, ...]:
    return sources.rows if isinstance(sources, StoredRows) else stored_sources(sources).rows


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    source: str  # the content file's path, as the scan found it (no `Path`: 10,000 of them
    # took a tenth of a rebuild to make)
    slug: str
    headline: str
    kicker: str | None
    dek: str | None
    byline: tuple[str, ...]
    date: dt.datetime | None
    reading_minutes: int
    tags: tuple[TagRef, ...]
    quotes: Sequence[PlacedQuote]  # `StoredRows` (see above)
    sources: Sequence[ArticleSource]
    digest: str  # of the whole placed article, body included
    summary_digest: str  # of the fields above

    @property
    def url(self) -> str:
        return f"articles/{self.slug}/"

    @property
    def anonymous_share(self) -> float:
        if not self.quotes:
            return 0.0
        return sum(1 for q in self.quotes if q.anonymous) / len(self.quotes)

    def __reduce__(self) -> tuple[Any, ...]:
        """Rebuilt from its fields' tuple: fast to read back from the cache."""
        return (ArticleSummary, tuple(getattr(self, name) for name in self.__slots__))


def digest_text(text: str) -> str:
    """A short stable digest of a text (the repr of frozen values, a file's hash, ...)."""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def summarise_article(placed: PlacedArticle, whole_digest: str | None = None) -> ArticleSummary:
    """The summary of `placed`; `whole_digest`, when given, stands for the digest of the
    whole placed article (the build passes one made from the file's content hash and the
    article key, which determine the placed article, instead of digesting its repr)."""
    article = placed.analysed.article
    fields = (
        str(article.source),
        placed.slug,
        article.headline,
        article.kicker,
        article.dek,
        article.byline,
        placed.date,
        placed.reading_minutes,
        placed.tags,
        placed.quotes,
        placed.sources,
    )
    # repr of frozen dataclasses, tuples, strings, dates and numbers is stable across runs.
    return ArticleSummary(
        *fields[:9],
        stored_quotes(placed.quotes),
        stored_sources(placed.sources),
        digest=whole_digest or digest_text(repr(placed)),
        summary_digest=digest_text(repr(fields)),
    )
