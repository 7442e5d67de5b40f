"""Who gets to speak, across the archive: the figures behind the sourcing page.

Anonymous sourcing is measured two ways, because news mostly leans on unnamed
sources through paraphrase ("officials said the plan ...") rather than quotes:

- sources: the people and organizations an article cites, quoted or only
  paraphrased, each counted once per article;
- quotes: the quotations credited to a source (a scare quote or a title that
  nobody said is no sourcing, and is counted apart).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from newsgen.article import SpeakerKind
from newsgen.site import Month, SiteSpeaker
from newsgen.summary import ArticleSummary, SourcingCounts, sourcing_counts

TOP_COUNT = 10


@dataclass(frozen=True, slots=True)
class Share:
    label: str
    value: float  # a count, or a share between 0 and 1
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Part:
    """`count` things out of `total`; with no total there is no share to show."""

    count: int
    total: int

    @property
    def share(self) -> float | None:
        return self.count / self.total if self.total else None

    def __add__(self, other: Part) -> Part:
        return Part(self.count + other.count, self.total + other.total)


NOTHING = Part(0, 0)


@dataclass(frozen=True, slots=True)
class Anonymity:
    """How much of an article's (or a month's) sourcing is anonymous."""

    label: str
    sources: Part  # anonymous sources out of all its sources
    quotes: Part  # quotes from anonymous sources out of all quotes credited to a source
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Sourcing:
    top_people: tuple[Share, ...]
    top_organizations: tuple[Share, ...]
    anonymous_by_article: tuple[Anonymity, ...]  # newest first, articles citing a source
    anonymous_by_month: tuple[Anonymity, ...]  # oldest first, months citing a source
    people: int  # sources, each counted once per article that cites them
    organizations: int
    anonymous: int
    people_quotes: int
    organization_quotes: int
    anonymous_quotes: int
    unattributed: int  # quotations credited to nobody: scare quotes, titles, slogans

    @property
    def sources(self) -> Part:
        """Anonymous sources out of all sources."""
        return Part(self.anonymous, self.people + self.organizations + self.anonymous)

    @property
    def quotes(self) -> Part:
        """Quotes from anonymous sources out of all quotes credited to a source."""
        named = self.people_quotes + self.organization_quotes
        return Part(self.anonymous_quotes, named + self.anonymous_quotes)


def measure_anonymity(article: ArticleSummary) -> Anonymity:
    """The anonymous share of one article's sources and of its credited quotes."""
    return _anonymity(article, sourcing_counts(article.quotes, article.sources))


def _anonymity(article: ArticleSummary, counts: SourcingCounts) -> Anonymity:
    sources, quotes = Part(counts[2], counts[3]), Part(counts[4], counts[5])
    return Anonymity(article.headline, sources, quotes, article.url)


# Each article's counts and anonymity as measured last, under its slug and the digest of
# the summary they were measured from: kept from one build to the next by `newsgen serve`
# (`builder.BuildMemo`), so that an edit measures the edited article alone.
SourcingMemo = dict[str, tuple[str, SourcingCounts, Anonymity]]


def measure_sourcing(
    articles: Sequence[ArticleSummary],
    speakers: Sequence[SiteSpeaker],
    months: Sequence[Month],
    memo: SourcingMemo | None = None,
) -> Sourcing:
    def top(kind: SpeakerKind) -> tuple[Share, ...]:
        chosen = [s for s in speakers if s.kind is kind][:TOP_COUNT]
        return tuple(Share(s.name, len(s.quotes), s.url) for s in chosen)

    # Counted from the summaries' rows (see `summary.sourcing_counts`): no quote object is made.
    if memo is None:
        counted = [sourcing_counts(a.quotes, a.sources) for a in articles]
        anonymity = {a.slug: _anonymity(a, n) for a, n in zip(articles, counted, strict=True)}
    else:
        counted, anonymity = _measured_with(memo, articles)
    totals = [sum(column) for column in zip(*counted, strict=True)] if counted else [0] * 9
    people, organizations, anonymous, _, anonymous_quotes, _, people_quotes, org_quotes, none = (
        totals
    )
    return Sourcing(
        top_people=top(SpeakerKind.PERSON),
        top_organizations=top(SpeakerKind.ORGANIZATION),
        anonymous_by_article=tuple(
            anonymity[a.slug] for a in articles if anonymity[a.slug].sources.total
        ),
        anonymous_by_month=tuple(
            month
            for month in (
                _add_anonymity(m.short_label, (anonymity[s] for s in m.articles if s in anonymity))
                for m in reversed(months)
            )
            if month.sources.total
        ),
        people=people,
        organizations=organizations,
        anonymous=anonymous,
        people_quotes=people_quotes,
        organization_quotes=org_quotes,
        anonymous_quotes=anonymous_quotes,
        unattributed=none,
    )


def _measured_with(
    memo: SourcingMemo, articles: Sequence[ArticleSummary]
) -> tuple[list[SourcingCounts], dict[str, Anonymity]]:
    """Each article's counts and anonymity, as `memo` has them for its summary, or measured
    now (and kept in `memo`, which keeps no article that is gone)."""
    counted: list[SourcingCounts] = []
    anonymity: dict[str, Anonymity] = {}
    kept = dict(memo)
    memo.clear()
    for article in articles:
        slug, digest = article.slug, getattr(article, "summary_digest", None)
        found = kept.get(slug)
        if found is None or digest is None or found[0] != digest:
            counts = sourcing_counts(article.quotes, article.sources)
            found = (digest or "", counts, _anonymity(article, counts))
        if digest is not None:
            memo[slug] = found
        counted.append(found[1])
        anonymity[slug] = found[2]
    return counted, anonymity


def _add_anonymity(label: str, parts: Iterable[Anonymity]) -> Anonymity:
    sources = quotes = NOTHING
    for part in parts:
        sources, quotes = sources + part.sources, quotes + part.quotes
    return Anonymity(label, sources, quotes)
