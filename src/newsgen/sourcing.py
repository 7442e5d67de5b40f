"""Who gets to speak, across the archive: the figures behind the sourcing page."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from newsgen.article import SpeakerKind
from newsgen.site import Month, SiteSpeaker
from newsgen.summary import ArticleSummary

TOP_COUNT = 10


@dataclass(frozen=True, slots=True)
class Share:
    label: str
    value: float  # a count, or a share between 0 and 1
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Sourcing:
    top_people: tuple[Share, ...]
    top_organizations: tuple[Share, ...]
    anonymous_by_article: tuple[Share, ...]  # newest first
    anonymous_by_month: tuple[Share, ...]  # oldest first
    named: int
    anonymous: int
    unattributed: int

    @property
    def quotes(self) -> int:
        return self.named + self.anonymous + self.unattributed


def measure_sourcing(
    articles: Sequence[ArticleSummary], speakers: Sequence[SiteSpeaker], months: Sequence[Month]
) -> Sourcing:
    def top(kind: SpeakerKind) -> tuple[Share, ...]:
        chosen = [s for s in speakers if s.kind is kind][:TOP_COUNT]
        return tuple(Share(s.name, len(s.quotes), s.url) for s in chosen)

    named = anonymous = unattributed = 0
    for article in articles:
        for quote in article.quotes:
            if quote.anonymous:
                anonymous += 1
            elif quote.speaker_name:
                named += 1
            else:
                unattributed += 1
    by_slug = {a.slug: a for a in articles}
    return Sourcing(
        top_people=top(SpeakerKind.PERSON),
        top_organizations=top(SpeakerKind.ORGANIZATION),
        anonymous_by_article=tuple(
            Share(a.headline, a.anonymous_share, a.url) for a in articles if a.quotes
        ),
        anonymous_by_month=tuple(
            Share(m.short_label, _anonymous_share([by_slug[s] for s in m.articles if s in by_slug]))
            for m in reversed(months)
        ),
        named=named,
        anonymous=anonymous,
        unattributed=unattributed,
    )


def _anonymous_share(articles: Sequence[ArticleSummary]) -> float:
    counts: dict[bool, int] = defaultdict(int)
    for article in articles:
        for quote in article.quotes:
            counts[quote.anonymous] += 1
    total = counts[True] + counts[False]
    return counts[True] / total if total else 0.0
