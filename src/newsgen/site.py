"""The site-wide indexes: articles in order, speakers across the archive, tags, months.

`index_site` is the only stage that sees every article at once: it works on
summaries (no bodies), and keeps references (slugs and keys) rather than copies, so
that a page can name exactly what it shows. Speakers and tags carry a digest of what
their pages show, so that a rebuild can tell which pages changed.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsgen.article import SourceLocation, SpeakerKind
from newsgen.diagnostics import Diagnostic
from newsgen.placement import PlacedQuote, make_slug
from newsgen.related import RelatedIndex, find_related
from newsgen.search import SearchMemo
from newsgen.summary import (
    QUOTE_KEY,
    QUOTE_KIND,
    QUOTE_NAME,
    QUOTE_ROLE,
    ArticleSummary,
    QuoteRow,
    StoredRows,
    digest_text,
    quote_rows,
)


@dataclass(frozen=True, slots=True)
class SpeakerQuote:
    """One quote on a speaker's page: which article, and the quote (with the role the
    speaker had then), found in the article's quotes when a page shows it."""

    article: str
    quotes: Sequence[PlacedQuote]  # the article's
    number: int  # the quote's position in its article (its id there is quote-<number>)

    @property
    def quote(self) -> PlacedQuote:
        return self.quotes[self.number - 1]


@dataclass(frozen=True, slots=True)
class SpeakerLink:
    """What an article page shows of a speaker: the name and the link to their page."""

    key: str
    name: str
    slug: str
    kind: SpeakerKind

    @property
    def url(self) -> str:
        return f"speakers/{self.slug}/"


@dataclass(frozen=True, slots=True)
class SiteSpeaker:
    key: str
    name: str
    slug: str
    kind: SpeakerKind
    roles: tuple[str, ...]
    quotes: Sequence[SpeakerQuote]  # `StoredRows`: made when a page shows them
    articles: tuple[str, ...]
    digest: str = ""  # of everything above and the summaries of the articles quoting them

    @property
    def url(self) -> str:
        return f"speakers/{self.slug}/"

    @property
    def link(self) -> SpeakerLink:
        return SpeakerLink(self.key, self.name, self.slug, self.kind)


@dataclass(frozen=True, slots=True)
class SiteTag:
    name: str
    slug: str
    articles: tuple[str, ...]

    @property
    def url(self) -> str:
        return f"tags/{self.slug}/"

    @property
    def digest(self) -> str:
        return digest_text(repr((self.name, self.slug, self.articles)))


@dataclass(frozen=True, slots=True)
class Month:
    year: int
    month: int
    articles: tuple[str, ...]

    @property
    def url(self) -> str:
        return f"archive/{self.year:04d}/{self.month:02d}/"

    @property
    def label(self) -> str:
        return dt.date(self.year, self.month, 1).strftime("%B %Y")

    @property
    def short_label(self) -> str:
        return dt.date(self.year, self.month, 1).strftime("%b %Y")


@dataclass(frozen=True, slots=True)
class Site:
    articles: tuple[ArticleSummary, ...]  # newest first, undated last
    article_by_slug: Mapping[str, ArticleSummary]
    speakers: tuple[SiteSpeaker, ...]  # most quoted first
    speaker_by_key: Mapping[str, SiteSpeaker]
    tags: tuple[SiteTag, ...]  # most used first
    tag_by_slug: Mapping[str, SiteTag]
    months: tuple[Month, ...]  # newest first
    newer: Mapping[str, str]
    older: Mapping[str, str]
    related: Mapping[str, tuple[str, ...]]
    search: SearchMemo | None = None  # the last build's search entries (see `search`)
    # The sourcing figures of each article as last measured (`sourcing.SourcingMemo`).
    sourcing: dict[str, Any] | None = None

    def speaker_url(self, key: str | None) -> str | None:
        speaker = self.speaker_by_key.get(key) if key else None
        return speaker.url if speaker else None


@dataclass(frozen=True, slots=True)
class IndexedSite:
    site: Site
    diagnostics: tuple[Diagnostic, ...]


# A speaker as the index memo keeps them: key, name, slug, kind, roles, the (article slug,
# number) of each quote, the articles quoting them, the digest of all these (their
# "shape"), and their digest (`_speaker_digest`).
SpeakerRow = tuple[
    str,
    str,
    str,
    SpeakerKind,
    tuple[str, ...],
    tuple[tuple[str, int], ...],
    tuple[str, ...],
    str,
    str,
]


@dataclass(slots=True)
class IndexMemo:
    """What the last build's index found, for a rebuild to take as it is when its inputs
    are the same (`index_site` reads and updates it):

    - `key`: the digest of every article's slug and summary digest, newest first. When
      it is the same, so are the speakers (kept as rows), tags and months: an edit of an
      article's body alone changes none of them.
    - `outline`: the digest of every article's outline digest, newest first. When it is
      the same, so are tags, months, related articles and who each speaker is and what
      they said where: an edited headline changes `key` but not that, and only the
      digests of the speakers quoting the edited article are made again.
    - `related`: the related articles, with their own finer key (`related.RelatedIndex`):
      an edited quote changes `outline` but not that."""

    key: str = ""
    outline: str = ""
    speakers: tuple[SpeakerRow, ...] = ()
    tags: tuple[SiteTag, ...] = ()
    months: tuple[Month, ...] = ()
    related: RelatedIndex = field(default_factory=RelatedIndex)


def index_site(
    placed: Iterable[ArticleSummary], memo: IndexMemo | None = None, jobs: int = 1
) -> IndexedSite:
    """The site index of these articles; `memo` is read and updated when given. Related
    articles are compared on up to `jobs` processes."""
    memo = memo if memo is not None else IndexMemo()
    articles, diagnostics = _keep_unique_slugs(placed)
    ordered = tuple(sorted(articles, key=_newest_first))
    by_slug = {a.slug: a for a in ordered}
    slugs = [a.slug for a in ordered]
    key = digest_text("\n".join(a.slug + "\t" + a.summary_digest for a in ordered))
    outline = digest_text("\n".join([a.outline_digest for a in ordered]))
    if key != memo.key and outline == memo.outline:
        memo.key = ""
        try:
            memo.speakers = _redigest_speakers(memo.speakers, ordered)
            memo.key = key
        except (KeyError, TypeError, ValueError, IndexError):
            pass  # a memo not made for these: the speakers are indexed again below
    recalled = _recall_speakers(memo, key, by_slug)
    if recalled is not None:
        speakers = recalled
    else:
        speakers, rows = _index_speakers(ordered)
        memo.key, memo.outline, memo.speakers = "", "", rows
        memo.tags, memo.months = _index_tags(ordered), _index_months(ordered)
        memo.related = find_related(ordered, memo.related, jobs)
        memo.key, memo.outline = key, outline
    return IndexedSite(
        Site(
            articles=ordered,
            article_by_slug=by_slug,
            speakers=speakers,
            speaker_by_key={s.key: s for s in speakers},
            tags=memo.tags,
            tag_by_slug={t.slug: t for t in memo.tags},
            months=memo.months,
            newer={older: newer for newer, older in itertools.pairwise(slugs)},
            older=dict(itertools.pairwise(slugs)),
            related=memo.related.related,
        ),
        tuple(diagnostics),
    )


def _recall_speakers(
    memo: IndexMemo, key: str, by_slug: Mapping[str, ArticleSummary]
) -> tuple[SiteSpeaker, ...] | None:
    """The memo's speakers for the articles `by_slug` (None: not the same articles)."""
    if key != memo.key:
        return None
    try:
        return tuple(
            SiteSpeaker(
                speaker,
                name,
                slug,
                kind,
                roles,
                StoredRows(
                    tuple([(a, by_slug[a].quotes, n) for a, n in said]),
                    make_speaker_quote,
                    speaker_quote_row,
                ),
                articles,
                digest,
            )
            for speaker, name, slug, kind, roles, said, articles, _, digest in memo.speakers
        )
    except (KeyError, TypeError, ValueError):  # a memo not made for these: index them again
        return None


def _redigest_speakers(
    rows: Sequence[SpeakerRow], articles: Sequence[ArticleSummary]
) -> tuple[SpeakerRow, ...]:
    """The memo's speakers, each with their digest made again from the summaries of the
    articles quoting them (which must have the memo's outline)."""
    digests = {a.slug: a.summary_digest for a in articles}
    return tuple((*row[:8], _speaker_digest(row[7], row[6], digests)) for row in rows)


def _speaker_digest(shape: str, articles: Sequence[str], digests: Mapping[str, str]) -> str:
    """What a speaker's page shows: their shape and the cards of the articles quoting them."""
    return digest_text(shape + "".join([digests[slug] for slug in articles]))


def _newest_first(article: ArticleSummary) -> tuple[int, float, str]:
    if article.date is None:
        return (1, 0.0, article.slug)
    return (0, -article.date.timestamp(), article.slug)


def _keep_unique_slugs(
    placed: Iterable[ArticleSummary],
) -> tuple[list[ArticleSummary], list[Diagnostic]]:
    kept: dict[str, ArticleSummary] = {}
    problems: list[Diagnostic] = []
    for article in sorted(placed, key=lambda a: a.source):
        source = article.source
        if not article.slug:
            message = f"the slug of {Path(source).name!r} has no letters or digits"
            problems.append(Diagnostic(SourceLocation(Path(source)), message))
        elif article.slug in kept:
            first = kept[article.slug].source
            message = (
                f"writes the same page articles/{article.slug}/ as {first}; "
                "give one of them another slug in its front-matter"
            )
            problems.append(Diagnostic(SourceLocation(Path(source)), message))
        else:
            kept[article.slug] = article
    return list(kept.values()), problems


def _index_speakers(
    articles: Sequence[ArticleSummary],
) -> tuple[tuple[SiteSpeaker, ...], tuple[SpeakerRow, ...]]:
    """The speakers of these articles, most quoted first, and the same as the memo's rows.

    Who said what is read from the quotes' rows; each speaker's quotes are `StoredRows`
    of (article slug, the article's quotes, number): no object is made per quote here."""
    quotes: dict[str, list[tuple[str, Sequence[PlacedQuote], int, QuoteRow]]] = defaultdict(list)
    for article in articles:
        slug, article_quotes = article.slug, article.quotes
        for number, row in enumerate(quote_rows(article_quotes), start=1):
            if row[QUOTE_KEY]:
                quotes[row[QUOTE_KEY]].append((slug, article_quotes, number, row))
    digests = {a.slug: a.summary_digest for a in articles}
    speakers: list[SiteSpeaker] = []
    kept: list[SpeakerRow] = []
    used_slugs: set[str] = set()
    ranked = sorted(quotes.items(), key=lambda item: (-len(item[1]), item[0]))
    for key, found in ranked:
        rows = [row for *_, row in found]
        names = Counter(row[QUOTE_NAME] or key for row in rows)
        name = min(names, key=lambda n: (-names[n], n))
        kinds = Counter(row[QUOTE_KIND] or SpeakerKind.PERSON for row in rows)
        slug = _unique_slug(make_slug(name) or "speaker", used_slugs)
        roles = tuple(r for r in dict.fromkeys(row[QUOTE_ROLE] for row in rows) if r)
        kind = min(kinds, key=lambda k: (-kinds[k], str(k)))
        slugs = tuple(dict.fromkeys(said[0] for said in found))
        numbers = tuple([(said[0], said[2]) for said in found])
        shape = digest_text(repr((key, name, slug, kind, roles, list(numbers))))
        digest = _speaker_digest(shape, slugs, digests)
        theirs = StoredRows(
            tuple([said[:3] for said in found]), make_speaker_quote, speaker_quote_row
        )
        speakers.append(SiteSpeaker(key, name, slug, kind, roles, theirs, slugs, digest=digest))
        kept.append((key, name, slug, kind, roles, numbers, slugs, shape, digest))
    return tuple(speakers), tuple(kept)


def make_speaker_quote(row: tuple[str, Sequence[PlacedQuote], int]) -> SpeakerQuote:
    return SpeakerQuote(*row)


def speaker_quote_row(said: SpeakerQuote) -> tuple[str, Sequence[PlacedQuote], int]:
    return (said.article, said.quotes, said.number)


def _unique_slug(slug: str, used: set[str]) -> str:
    candidate, number = slug, 1
    while candidate in used:
        number += 1
        candidate = f"{slug}-{number}"
    used.add(candidate)
    return candidate


def _index_tags(articles: Sequence[ArticleSummary]) -> tuple[SiteTag, ...]:
    tagged: dict[str, list[str]] = defaultdict(list)
    names: dict[str, str] = {}
    for article in articles:
        for tag in article.tags:
            tagged[tag.slug].append(article.slug)
            names.setdefault(tag.slug, tag.name)
    ranked = sorted(tagged.items(), key=lambda item: (-len(item[1]), item[0]))
    return tuple(SiteTag(names[slug], slug, tuple(slugs)) for slug, slugs in ranked)


def _index_months(articles: Sequence[ArticleSummary]) -> tuple[Month, ...]:
    months: dict[tuple[int, int], list[str]] = defaultdict(list)
    for article in articles:
        if article.date is not None:
            months[(article.date.year, article.date.month)].append(article.slug)
    return tuple(
        Month(y, m, tuple(slugs)) for (y, m), slugs in sorted(months.items(), reverse=True)
    )
