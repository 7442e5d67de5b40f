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

from newsgen.article import Quote, SpeakerKind
from newsgen.placement import ArticleSource, PlacedArticle, PlacedQuote, TagRef

T = TypeVar("T")

# A placed quote as plain values: (the `Quote`'s fields, speaker name, speaker key, role,
# speaker kind, words); an article source: (name, key, role, kind, quotes, word share).
QuoteRow = tuple[Any, ...]
SourceRow = tuple[Any, ...]
QUOTE_SAID, QUOTE_NAME, QUOTE_KEY, QUOTE_ROLE, QUOTE_KIND = 0, 1, 2, 3, 4
SOURCE_KEY, SOURCE_KIND = 1, 3
_SAID_ANONYMOUS = Quote.__slots__.index("anonymous")

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
    """A tuple of objects, kept as rows of plain values or as the objects themselves.

    Rows are made into their objects (by `make`) the first time the sequence is read,
    and then kept no more; objects kept alone are made back into rows (by `unmake`) each
    time the rows are asked for, so that the two are never both kept. `make` and `unmake`
    are module-level functions: the sequence pickles as its rows. Equal to, and hashed
    as, the tuple of its objects."""

    __slots__ = ("_made", "_make", "_rows", "_unmake")

    def __init__(
        self,
        rows: tuple[Any, ...] | None,
        make: Callable[[Any], T],
        unmake: Callable[[T], Any],
        made: tuple[T, ...] | None = None,
    ) -> None:
        self._rows, self._make, self._unmake, self._made = rows, make, unmake, made

    @property
    def rows(self) -> tuple[Any, ...]:
        rows = self._rows
        if rows is None:
            unmake = self._unmake
            return tuple([unmake(item) for item in self.made])
        return rows

    @property
    def kept_rows(self) -> tuple[Any, ...] | None:
        """The rows if they are kept (None: the objects are, and no row is made here)."""
        return self._rows

    def column(self, index: int, name: str) -> list[Any]:
        """One value of every item: `row[index]` of the rows when they are kept, else the
        attribute `name` of the objects (no row is made for it)."""
        if self._rows is not None:
            return [row[index] for row in self._rows]
        return [getattr(item, name) for item in self.made]

    def read(self, from_row: Callable[[Any], Any], from_item: Callable[[T], Any]) -> list[Any]:
        """A value of every item: `from_row(row)` when the rows are kept (no object is made
        for it), else `from_item(item)`; the two must agree."""
        if self._rows is not None:
            return [from_row(row) for row in self._rows]
        return [from_item(item) for item in self.made]

    @property
    def made(self) -> tuple[T, ...]:
        """The objects, made from the rows the first time; the rows are then let go (a
        rebuild that renders every list page would otherwise keep both for every article:
        ~180 MB more than a cold build at 100,000 articles). `rows` makes them back."""
        made = self._made
        if made is None:
            make = self._make
            made = self._made = tuple([make(row) for row in self.rows])
            self._rows = None
        return made

    @overload
    def __getitem__(self, index: int) -> T: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[T, ...]: ...
    def __getitem__(self, index: int | slice) -> T | tuple[T, ...]:
        return self.made[index]

    def __len__(self) -> int:
        return len(self._rows if self._rows is not None else self.made)

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
        return (StoredRows, (self.rows, self._make, self._unmake))


def stored_quotes(quotes: Sequence[PlacedQuote]) -> StoredRows[PlacedQuote]:
    return StoredRows(None, make_placed_quote, quote_row, tuple(quotes))


def stored_sources(sources: Sequence[ArticleSource]) -> StoredRows[ArticleSource]:
    return StoredRows(None, make_source, source_row, tuple(sources))


def quotes_of_rows(rows: tuple[QuoteRow, ...], made_now: bool) -> StoredRows[PlacedQuote]:
    """Quotes kept as `rows`, or (`made_now`) as the objects made of them at once."""
    if made_now:
        return StoredRows(None, make_placed_quote, quote_row, tuple(map(make_placed_quote, rows)))
    return StoredRows(rows, make_placed_quote, quote_row)


def sources_of_rows(rows: tuple[SourceRow, ...], made_now: bool) -> StoredRows[ArticleSource]:
    if made_now:
        return StoredRows(None, make_source, source_row, tuple(map(make_source, rows)))
    return StoredRows(rows, make_source, source_row)


def speaker_keys(quotes: Sequence[PlacedQuote]) -> list[str | None]:
    """The speaker key of each quote (None: no speaker page)."""
    if isinstance(quotes, StoredRows):
        return quotes.column(QUOTE_KEY, "speaker_key")
    return [q.speaker_key for q in quotes]


def source_keys(sources: Sequence[ArticleSource]) -> list[str | None]:
    if isinstance(sources, StoredRows):
        return sources.column(SOURCE_KEY, "key")
    return [s.key for s in sources]


# What the list pages read of a quote (the sourcing figures, the search index): who said
# it, their kind, and whether its source is anonymous (`PlacedQuote.anonymous`).
QuoteFacts = tuple[str | None, SpeakerKind | None, bool]


def _row_facts(row: QuoteRow) -> QuoteFacts:
    kind = row[QUOTE_KIND]
    return (row[QUOTE_NAME], kind, bool(row[QUOTE_SAID][_SAID_ANONYMOUS]) or kind is ANONYMOUS)


def _quote_facts(quote: PlacedQuote) -> QuoteFacts:
    return (quote.speaker_name, quote.kind, quote.anonymous)


ANONYMOUS = SpeakerKind.ANONYMOUS


def quote_facts(quotes: Sequence[PlacedQuote]) -> list[QuoteFacts]:
    """(speaker name, kind, anonymous) of each quote, read from the rows when the quotes
    are kept as rows: a list page reading every article's quotes makes no object."""
    if isinstance(quotes, StoredRows):
        return quotes.read(_row_facts, _quote_facts)
    return [_quote_facts(q) for q in quotes]


# What the sourcing figures count in one article (`sourcing_counts`): its sources that are
# people, organizations and anonymous, and all of them; its quotes from anonymous sources,
# credited to a source at all, from named people, from named organizations, and credited
# to no one.
SourcingCounts = tuple[int, int, int, int, int, int, int, int, int]
PERSON, ORGANIZATION = SpeakerKind.PERSON, SpeakerKind.ORGANIZATION


def sourcing_counts(
    quotes: Sequence[PlacedQuote], sources: Sequence[ArticleSource]
) -> SourcingCounts:
    """The sourcing figures of an article's quotes and sources (see `SourcingCounts`)."""
    people = organizations = anonymous = 0
    kinds = source_kinds(sources)
    for kind in kinds:
        if kind is PERSON:
            people += 1
        elif kind is ORGANIZATION:
            organizations += 1
        elif kind is ANONYMOUS:
            anonymous += 1
    from_anonymous = credited = from_people = from_organizations = unattributed = 0
    for name, speaker_kind, is_anonymous in quote_facts(quotes):
        if is_anonymous:
            from_anonymous += 1
            credited += 1
        elif name:
            credited += 1
            if speaker_kind is ORGANIZATION:
                from_organizations += 1
            else:
                from_people += 1
        else:
            unattributed += 1
    return (
        people,
        organizations,
        anonymous,
        len(kinds),
        from_anonymous,
        credited,
        from_people,
        from_organizations,
        unattributed,
    )


def said_quotes(quotes: Sequence[PlacedQuote], limit: int) -> list[Quote]:
    """The `Quote` (what was said) of each of the first `limit` quotes."""
    if isinstance(quotes, StoredRows) and quotes.kept_rows is not None:
        return [Quote(*row[QUOTE_SAID]) for row in quotes.kept_rows[:limit]]
    return [q.quote for q in quotes[:limit]]


def source_kinds(sources: Sequence[ArticleSource]) -> list[SpeakerKind]:
    if isinstance(sources, StoredRows):
        return sources.column(SOURCE_KIND, "kind")
    return [s.kind for s in sources]


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
    outline_digest: str  # of what the site index takes from it (`outline_digest`)

    @property
    def url(self) -> str:
        return f"articles/{self.slug}/"

    @property
    def anonymous_share(self) -> float:
        if not self.quotes:
            return 0.0
        return sum(1 for q in self.quotes if q.anonymous) / len(self.quotes)


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
        outline_digest=outline_digest(
            placed.slug, placed.date, placed.tags, placed.quotes, placed.sources
        ),
    )


def outline_digest(
    slug: str,
    date: dt.datetime | None,
    tags: Sequence[TagRef],
    quotes: Sequence[PlacedQuote],
    sources: Sequence[ArticleSource],
) -> str:
    """The digest of what the site index takes from an article besides its card: its slug,
    the month it is filed under, its tags, who says each of its quotes (their key, name,
    role and kind: its speakers' pages and related articles come from these) and the keys
    of its sources (linked from its page). When every article's outline is the same, in
    the same order, the site has the same pages, listing the same articles and speakers:
    only what the cards show can have changed (see `site.IndexMemo`)."""
    month = (date.year, date.month) if date is not None else None
    # Plain strings: the repr of an enum or a dataclass is Python code, run per value.
    named = [(t.name, t.slug) for t in tags]
    said = [(q.speaker_key, q.speaker_name, q.role, str(q.kind)) for q in quotes]
    return digest_text(repr((slug, month, named, said, [s.key for s in sources])))
