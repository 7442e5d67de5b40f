"""The sourcing page's figures: anonymous sourcing as a share of sources and of quotes."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

import pytest

from newsgen.article import Quote, QuoteKind, SpeakerKind
from newsgen.placement import ArticleSource, PlacedQuote
from newsgen.search import index_entries
from newsgen.site import Month
from newsgen.sourcing import (
    Anonymity,
    Part,
    SourcingMemo,
    measure_anonymity,
    measure_sourcing,
)
from newsgen.summary import (
    ArticleSummary,
    quote_rows,
    quotes_of_rows,
    source_rows,
    sources_of_rows,
)

PERSON, ORGANIZATION, ANONYMOUS = (
    SpeakerKind.PERSON,
    SpeakerKind.ORGANIZATION,
    SpeakerKind.ANONYMOUS,
)

# A source: (name, kind); a quote: (speaker name or None, kind of speaker or None).
SourceSpec = tuple[str, SpeakerKind]
QuoteSpec = tuple[str | None, SpeakerKind | None]


def make_summary(
    slug: str,
    sources: list[SourceSpec],
    quotes: list[QuoteSpec],
    date: dt.datetime | None = None,
) -> ArticleSummary:
    placed = tuple(
        PlacedQuote(
            Quote("words", name, None, "said", 0, 0, 5, QuoteKind.DIRECT, kind is ANONYMOUS),
            name,
            name.casefold() if name and kind is not ANONYMOUS else None,
            None,
            kind,
            1,
        )
        for name, kind in quotes
    )
    rows = tuple(ArticleSource(name, None, None, kind, 0, 0.0) for name, kind in sources)
    return ArticleSummary(
        f"{slug}.md", slug, f"Headline {slug}", None, None, (), date, 1, (), placed, rows,
        "", "", "",
    )  # fmt: skip


@pytest.mark.parametrize(
    ("sources", "quotes", "expected_sources", "expected_quotes"),
    [
        pytest.param(
            [("Ann Lee", PERSON), ("City Hall", ORGANIZATION), ("an official", ANONYMOUS)],
            [("Ann Lee", PERSON), ("Ann Lee", PERSON), ("City Hall", ORGANIZATION)],
            Part(1, 3),
            Part(0, 3),
            id="an unnamed source reported in indirect speech only",
        ),
        pytest.param(
            [("Ann Lee", PERSON), ("an aide", ANONYMOUS)],
            [("Ann Lee", PERSON), ("an aide", ANONYMOUS)],
            Part(1, 2),
            Part(1, 2),
            id="an unnamed source quoted directly",
        ),
        pytest.param(
            [("Ann Lee", PERSON)],
            [("Ann Lee", PERSON), (None, None), (None, None)],
            Part(0, 1),
            Part(0, 1),
            id="scare quotes and titles are no sourcing",
        ),
        pytest.param(
            [("officials", ANONYMOUS)],
            [],
            Part(1, 1),
            Part(0, 0),
            id="sources but no quotes",
        ),
        pytest.param(
            [],
            [(None, ANONYMOUS)],
            Part(0, 0),
            Part(1, 1),
            id="a quote from an anonymous source with no name",
        ),
    ],
)
def test_anonymity_of_an_article(
    sources: list[SourceSpec],
    quotes: list[QuoteSpec],
    expected_sources: Part,
    expected_quotes: Part,
) -> None:
    measured = measure_anonymity(make_summary("a", sources, quotes))
    assert (measured.sources, measured.quotes) == (expected_sources, expected_quotes)
    assert measured.url == "articles/a/"


@pytest.mark.parametrize(
    ("part", "share"),
    [(Part(1, 4), 0.25), (Part(0, 3), 0.0), (Part(0, 0), None), (Part(2, 2), 1.0)],
)
def test_a_part_has_no_share_without_a_whole(part: Part, share: float | None) -> None:
    assert part.share == share


def test_site_wide_figures_count_each_source_once_per_article() -> None:
    march, april = dt.datetime(2025, 3, 4), dt.datetime(2025, 4, 9)
    articles = [
        make_summary(
            "b",
            [("Ann Lee", PERSON), ("an official", ANONYMOUS)],
            [("Ann Lee", PERSON), (None, None)],
            april,
        ),
        make_summary(
            "a",
            [("Ann Lee", PERSON), ("City Hall", ORGANIZATION), ("an aide", ANONYMOUS)],
            [("City Hall", ORGANIZATION), ("an aide", ANONYMOUS), ("an aide", ANONYMOUS)],
            march,
        ),
        make_summary("c", [], [(None, None)], march),
    ]
    months = [Month(2025, 4, ("b",)), Month(2025, 3, ("a", "c"))]
    sourcing = measure_sourcing(articles, [], months)

    assert (sourcing.people, sourcing.organizations, sourcing.anonymous) == (2, 1, 2)
    assert (sourcing.people_quotes, sourcing.organization_quotes) == (1, 1)
    assert (sourcing.anonymous_quotes, sourcing.unattributed) == (2, 2)
    assert sourcing.sources == Part(2, 5)
    assert sourcing.quotes == Part(2, 4)
    # Newest first, and only the articles that cite a source.
    assert sourcing.anonymous_by_article == (
        Anonymity("Headline b", Part(1, 2), Part(0, 1), "articles/b/"),
        Anonymity("Headline a", Part(1, 3), Part(2, 3), "articles/a/"),
    )
    # Oldest first, each month the sum of its articles.
    assert sourcing.anonymous_by_month == (
        Anonymity("Mar 2025", Part(1, 3), Part(2, 3)),
        Anonymity("Apr 2025", Part(1, 2), Part(0, 1)),
    )


def test_no_sources_at_all_measures_nothing() -> None:
    sourcing = measure_sourcing([make_summary("a", [], [(None, None)])], [], [])
    assert sourcing.sources == Part(0, 0) and sourcing.quotes == Part(0, 0)
    assert sourcing.sources.share is None
    assert sourcing.anonymous_by_article == () and sourcing.anonymous_by_month == ()


def kept_as(summary: ArticleSummary, how: str) -> ArticleSummary:
    """The summary with its quotes and sources as a build may hold them: plain tuples,
    objects made at once (a fresh summary), or rows read back from the cache."""
    if how == "tuples":
        return summary
    quotes, sources = quote_rows(summary.quotes), source_rows(summary.sources)
    made = how == "objects"
    return replace(
        summary, quotes=quotes_of_rows(quotes, made), sources=sources_of_rows(sources, made)
    )


@pytest.mark.parametrize("how", ["objects", "rows"])
def test_the_figures_and_the_search_index_read_rows_as_they_read_objects(how: str) -> None:
    """Read from the rows kept in the cache (no quote made), the sourcing figures and the
    search index are those of the objects."""
    april = dt.datetime(2025, 4, 2, tzinfo=dt.UTC)
    articles = [
        make_summary(
            "a",
            [("Ann Lee", PERSON), ("an official", ANONYMOUS)],
            [("Ann Lee", PERSON), ("an official", ANONYMOUS), (None, None)],
            april,
        ),
        make_summary("b", [("City Hall", ORGANIZATION)], [("City Hall", ORGANIZATION)], april),
    ]
    months = [Month(2025, 4, ("a", "b"))]
    kept = [kept_as(a, how) for a in articles]
    assert measure_sourcing(kept, [], months) == measure_sourcing(articles, [], months)
    assert index_entries(kept, []) == index_entries(articles, [])
    assert [measure_anonymity(a) for a in kept] == [measure_anonymity(a) for a in articles]


def with_digest(summary: ArticleSummary) -> ArticleSummary:
    """`summary` with a summary digest of what the figures read, as a built one has."""
    return replace(summary, summary_digest=repr((summary.headline, summary.quotes,
                                                 summary.sources)))  # fmt: skip


MARCH_4 = dt.datetime(2025, 3, 4, tzinfo=dt.UTC)
MEASURED = [
    with_digest(make_summary("ferry", [("Ann Lee", PERSON)], [("Ann Lee", PERSON)], MARCH_4)),
    with_digest(make_summary("port", [("an aide", ANONYMOUS)], [(None, None)], MARCH_4)),
]


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda s: s, id="nothing"),
        pytest.param(lambda s: [with_digest(replace(s[0], headline="Fares rise")), s[1]],
                     id="a headline"),
        pytest.param(lambda s: [s[0], with_digest(make_summary(
            "port", [("an aide", ANONYMOUS), ("City Hall", ORGANIZATION)],
            [("City Hall", ORGANIZATION)], MARCH_4))], id="a source and a quote"),
        pytest.param(lambda s: s[1:], id="an article deleted"),
    ],
)  # fmt: skip
def test_figures_kept_from_the_last_build_are_those_measured_afresh(change: Any) -> None:
    """`newsgen serve` keeps each article's figures under its summary's digest."""
    memo: SourcingMemo = {}
    months = [Month(2025, 3, tuple(a.slug for a in MEASURED))]
    measure_sourcing(MEASURED, [], months, memo=memo)
    changed = change(MEASURED)
    months = [Month(2025, 3, tuple(a.slug for a in changed))]
    assert measure_sourcing(changed, [], months, memo=memo) == measure_sourcing(changed, [], months)
    assert memo.keys() == {a.slug for a in changed}
