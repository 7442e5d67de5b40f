"""What the site index keeps of an article: everything but its body, and two digests.

The index sees every article at once, so it must not hold every body: a summary
has the metadata, tags, placed quotes and sources of a `PlacedArticle`, and the
body is read back from the build cache when the article's own page (or the feed)
is rendered. The digests say when a page showing the article must be rendered
again: `digest` covers the whole placed article, `summary_digest` this summary.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsgen.placement import ArticleSource, PlacedArticle, PlacedQuote, TagRef


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    source: Path
    slug: str
    headline: str
    kicker: str | None
    dek: str | None
    byline: tuple[str, ...]
    date: dt.datetime | None
    reading_minutes: int
    tags: tuple[TagRef, ...]
    quotes: tuple[PlacedQuote, ...]
    sources: tuple[ArticleSource, ...]
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
        article.source,
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
        *fields,
        digest=whole_digest or digest_text(repr(placed)),
        summary_digest=digest_text(repr(fields)),
    )
