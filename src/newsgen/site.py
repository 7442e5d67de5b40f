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

from newsgen.article import SourceLocation, SpeakerKind
from newsgen.diagnostics import Diagnostic
from newsgen.placement import PlacedQuote, make_slug
from newsgen.summary import (
    QUOTE_KEY,
    QUOTE_KIND,
    QUOTE_NAME,
    QUOTE_ROLE,
    ArticleSummary,
    QuoteRow,
    digest_text,
    quote_rows,
)

RELATED_COUNT = 3
RELATED_WINDOW = 12


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
    quotes: tuple[SpeakerQuote, ...]
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

    def speaker_url(self, key: str | None) -> str | None:
        speaker = self.speaker_by_key.get(key) if key else None
        return speaker.url if speaker else None


@dataclass(frozen=True, slots=True)
class IndexedSite:
    site: Site
    diagnostics: tuple[Diagnostic, ...]


@dataclass(slots=True)
class RelatedMemo:
    """The related articles of the last build, and the digest of what they came from (each
    article's slug and speakers and tags, in order): an edit that changes none of these
    reuses them instead of comparing the whole archive again."""

    key: str = ""
    related: dict[str, tuple[str, ...]] = field(default_factory=dict)


def index_site(
    placed: Iterable[ArticleSummary], related_memo: RelatedMemo | None = None
) -> IndexedSite:
    """The site index of these articles; `related_memo` is read and updated when given."""
    articles, diagnostics = _keep_unique_slugs(placed)
    ordered = tuple(sorted(articles, key=_newest_first))
    slugs = [a.slug for a in ordered]
    speakers = _index_speakers(ordered)
    tags = _index_tags(ordered)
    return IndexedSite(
        Site(
            articles=ordered,
            article_by_slug={a.slug: a for a in ordered},
            speakers=speakers,
            speaker_by_key={s.key: s for s in speakers},
            tags=tags,
            tag_by_slug={t.slug: t for t in tags},
            months=_index_months(ordered),
            newer={older: newer for newer, older in itertools.pairwise(slugs)},
            older=dict(itertools.pairwise(slugs)),
            related=_find_related(ordered, related_memo or RelatedMemo()),
        ),
        tuple(diagnostics),
    )


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


def _index_speakers(articles: Sequence[ArticleSummary]) -> tuple[SiteSpeaker, ...]:
    # Who said what, from the quotes' rows: no quote is made into an object here.
    quotes: dict[str, list[tuple[SpeakerQuote, QuoteRow]]] = defaultdict(list)
    for article in articles:
        article_quotes = article.quotes
        for number, row in enumerate(quote_rows(article_quotes), start=1):
            if row[QUOTE_KEY]:
                said = SpeakerQuote(article.slug, article_quotes, number)
                quotes[row[QUOTE_KEY]].append((said, row))
    digests = {a.slug: a.summary_digest for a in articles}
    speakers: list[SiteSpeaker] = []
    used_slugs: set[str] = set()
    ranked = sorted(quotes.items(), key=lambda item: (-len(item[1]), item[0]))
    for key, found in ranked:
        rows = [row for _, row in found]
        names = Counter(row[QUOTE_NAME] or key for row in rows)
        name = min(names, key=lambda n: (-names[n], n))
        kinds = Counter(row[QUOTE_KIND] or SpeakerKind.PERSON for row in rows)
        slug = _unique_slug(make_slug(name) or "speaker", used_slugs)
        roles = tuple(r for r in dict.fromkeys(row[QUOTE_ROLE] for row in rows) if r)
        kind = min(kinds, key=lambda k: (-kinds[k], str(k)))
        theirs = tuple(q for q, _ in found)
        slugs = tuple(dict.fromkeys(q.article for q in theirs))
        shown = (key, name, slug, kind, roles, [(q.article, q.number) for q in theirs])
        digest = digest_text(repr(shown) + "".join(digests[s] for s in slugs))
        speakers.append(SiteSpeaker(key, name, slug, kind, roles, theirs, slugs, digest=digest))
    return tuple(speakers)


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


def _find_related(
    articles: Sequence[ArticleSummary], memo: RelatedMemo
) -> dict[str, tuple[str, ...]]:
    """Articles sharing speakers (worth two) or tags (worth one), best first, then newest."""
    every_keys = [
        sorted(
            {f"s:{row[QUOTE_KEY]}" for row in quote_rows(article.quotes) if row[QUOTE_KEY]}
            | {f"t:{t.slug}" for t in article.tags}
        )
        for article in articles
    ]
    key = digest_text(
        "\n".join(a.slug + "\t" + "\t".join(k) for a, k in zip(articles, every_keys, strict=True))
    )
    if key != memo.key:
        memo.key, memo.related = key, _compare_related(articles, every_keys)
    return memo.related


def _compare_related(
    articles: Sequence[ArticleSummary], every_keys: Sequence[Sequence[str]]
) -> dict[str, tuple[str, ...]]:
    sharing_lists: dict[str, list[int]] = {}
    # Per article: (weight, the articles sharing the feature, this article's place there).
    features: list[list[tuple[int, list[int], int]]] = []
    for index, keys in enumerate(every_keys):
        mine = []
        for feature in keys:
            sharing = sharing_lists.setdefault(feature, [])
            mine.append((2 if feature[0] == "s" else 1, sharing, len(sharing)))
            sharing.append(index)
        features.append(mine)
    related: dict[str, tuple[str, ...]] = {}
    for index, article in enumerate(articles):
        scores: dict[int, int] = {}
        for weight, sharing, at in features[index]:
            # Only the nearest in time: a tag on thousands of articles stays cheap.
            for other in sharing[max(0, at - RELATED_WINDOW) : at + RELATED_WINDOW + 1]:
                scores[other] = scores.get(other, 0) + weight
        scores.pop(index, None)
        best = sorted([(-score, other) for other, score in scores.items()])[:RELATED_COUNT]
        related[article.slug] = tuple(articles[other].slug for _, other in best)
    return related
