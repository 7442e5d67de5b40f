"""The site-wide index: one speaker per name across the archive, tags, months, order."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from newsgen.article import (
    AnalysedArticle,
    Article,
    ArticleAnalysis,
    Paragraph,
    Quote,
    QuoteKind,
    Speaker,
    SpeakerKind,
)
from newsgen.placement import make_slug, place_article
from newsgen.site import IndexMemo, index_site
from newsgen.summary import ArticleSummary, summarise_article

UTC = dt.UTC


def placed(
    slug: str,
    said: tuple[tuple[str, str], ...] = (),
    *,
    day: int | None = 1,
    tags: tuple[str, ...] = (),
    kinds: dict[str, SpeakerKind] | None = None,
    source: str | None = None,
) -> ArticleSummary:
    """The summary of an article whose paragraph i is the quote said[i] = (speaker, words)."""
    paragraphs = tuple(Paragraph(f"\u201c{words}\u201d") for _, words in said)
    kinds = kinds or {}
    quotes = tuple(
        Quote(
            words,
            name,
            None,
            "said",
            i,
            1,
            1 + len(words),
            QuoteKind.DIRECT,
            kinds.get(name) is SpeakerKind.ANONYMOUS,
        )
        for i, (name, words) in enumerate(said)
    )
    names = dict.fromkeys(name for name, _ in said)
    speakers = tuple(
        Speaker(n, None, kinds.get(n, SpeakerKind.PERSON), sum(1 for m, _ in said if m == n))
        for n in names
    )
    article = Article(
        source=Path(source or f"content/{slug}.md"),
        headline=f"Headline of {slug}",
        slug=slug,
        paragraphs=paragraphs,
        date=dt.datetime(2025, 3, day, 9, tzinfo=UTC) if day else None,
        tags=tags,
    )
    analysed = AnalysedArticle(article, ArticleAnalysis(quotes, speakers))
    return summarise_article(place_article(analysed, UTC))


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Tomas Reyes", "tomas-reyes"),
        ("  City Hall  ", "city-hall"),
        ("São Tomé & Príncipe", "sao-tome-principe"),
        ("../../etc/passwd", "etc-passwd"),
        ("<script>alert(1)</script>", "script-alert-1-script"),
        ("\u6771\u4eac", ""),
    ],
)
def test_slugs_are_safe_path_segments(text: str, slug: str) -> None:
    assert make_slug(text) == slug


def test_a_person_named_the_same_way_in_several_articles_is_one_speaker() -> None:
    site = index_site(
        [
            placed("a", (("Elena Marsh", "We will fix the pipes"),)),
            placed("b", (("elena  marsh", "Not this year"), ("Tomas Reyes", "Too late"))),
            placed("c", (("Elena Marsh", "Soon"),), day=3),
        ]
    ).site
    marsh = site.speaker_by_key["elena marsh"]
    assert marsh.name == "Elena Marsh"
    assert len(marsh.quotes) == 3
    assert set(marsh.articles) == {"a", "b", "c"}
    assert [s.name for s in site.speakers] == ["Elena Marsh", "Tomas Reyes"]
    assert marsh.url == "speakers/elena-marsh/"


def test_anonymous_sources_are_not_merged_into_a_speaker_page() -> None:
    kinds = {"a senior official": SpeakerKind.ANONYMOUS}
    site = index_site(
        [
            placed("a", (("a senior official", "It is over"),), kinds=kinds),
            placed("b", (("a senior official", "It is not over"),), kinds=kinds),
        ]
    ).site
    assert site.speakers == ()
    assert all(q.anonymous for a in site.articles for q in a.quotes)
    assert site.articles[0].sources[0].anonymous


def test_speakers_whose_names_make_the_same_slug_get_distinct_pages() -> None:
    site = index_site(
        [
            placed(
                "a",
                (
                    ("Anne-Marie Dubois", "Yes"),
                    ("Anne Marie Dubois", "No"),
                    ("Anne Marie Dubois", "Maybe"),
                ),
            )
        ]
    ).site
    assert sorted(s.url for s in site.speakers) == [
        "speakers/anne-marie-dubois-2/",
        "speakers/anne-marie-dubois/",
    ]


def test_articles_are_newest_first_with_neighbours_and_months() -> None:
    site = index_site(
        [placed("old", day=1), placed("new", day=20), placed("undated", day=None)]
    ).site
    assert [a.slug for a in site.articles] == ["new", "old", "undated"]
    assert site.older["new"] == "old" and site.newer["old"] == "new"
    assert "new" not in site.newer
    assert [(m.year, m.month, m.articles) for m in site.months] == [(2025, 3, ("new", "old"))]


def test_tags_are_merged_by_slug_and_counted() -> None:
    site = index_site(
        [
            placed("a", tags=("City Hall", "Water")),
            placed("b", tags=("city hall",)),
            placed("c", tags=("Water", "city-hall")),
        ]
    ).site
    assert [(t.slug, len(t.articles)) for t in site.tags] == [("city-hall", 3), ("water", 2)]


def test_related_articles_share_speakers_or_tags_and_speakers_weigh_more() -> None:
    site = index_site(
        [
            placed("subject", (("Grace Lindqvist", "Later"),), tags=("Transport",), day=10),
            placed("same-speaker", (("Grace Lindqvist", "Never"),), day=2),
            placed("same-tag", tags=("Transport",), day=3),
            placed("unrelated", tags=("Weather",), day=4),
        ]
    ).site
    assert site.related["subject"] == ("same-speaker", "same-tag")


def test_two_articles_writing_the_same_page_is_an_error_naming_both() -> None:
    indexed = index_site(
        [
            placed("water-vote", source="content/water-vote.txt"),
            placed("water-vote", source="content/2025/water-vote.md"),
        ]
    )
    (problem,) = indexed.diagnostics
    assert "content/water-vote.txt" in str(problem)
    assert "content/2025/water-vote.md" in str(problem)
    assert len(indexed.site.articles) == 1


def test_a_slug_without_letters_is_an_error() -> None:
    indexed = index_site([placed("\u2014\u2014")])
    assert indexed.site.articles == ()
    assert "slug" in indexed.diagnostics[0].message


def test_quote_shares_and_reading_time() -> None:
    article = placed("a", (("Elena Marsh", "one two three"), ("Tomas Reyes", "four")))
    shares = {s.name: round(s.word_share, 2) for s in article.sources}
    assert shares == {"Elena Marsh": 0.75, "Tomas Reyes": 0.25}
    assert article.reading_minutes == 1


RELATED_ARCHIVE = [
    placed("a", (("Elena Marsh", "One"),), day=1, tags=("water",)),
    placed("b", (("Elena Marsh", "Two"),), day=2, tags=("roads",)),
    placed("c", (("Tomas Reyes", "Three"),), day=3, tags=("water",)),
    placed("d", (), day=4, tags=("roads", "water")),
]


@pytest.mark.parametrize(
    ("change", "recomputed"),
    [
        pytest.param(lambda s: s, False, id="nothing that related articles use"),
        pytest.param(
            lambda s: [*s[:3], placed("d", (), day=4, tags=("roads",))], True, id="a tag removed"
        ),
        pytest.param(
            lambda s: [*s[:3], placed("d", (("Tomas Reyes", "Four"),), day=4, tags=("roads",))],
            True,
            id="a speaker added",
        ),
        pytest.param(lambda s: s[1:], True, id="an article removed"),
        pytest.param(lambda s: [*s, placed("e", day=5, tags=("water",))], True, id="one added"),
    ],
)
def test_kept_related_articles_are_reused_only_when_their_inputs_are_the_same(
    change: Any, recomputed: bool
) -> None:
    memo = IndexMemo()
    first = index_site(RELATED_ARCHIVE, memo).site.related
    kept = memo.related
    changed = change(RELATED_ARCHIVE)
    again = index_site(changed, memo).site.related
    assert again == index_site(changed).site.related  # the same as without a memo
    assert (memo.related is not kept) == recomputed
    assert first["c"] == ("d", "a")  # those sharing its tag, newest first


def with_body_edited(summary: ArticleSummary) -> ArticleSummary:
    """The summary after an edit of the body alone: only the whole article's digest moves."""
    return replace(summary, digest=summary.digest + "-edited")


@pytest.mark.parametrize(
    ("change", "kept"),
    [
        pytest.param(lambda s: s, {"speakers", "tags", "related"}, id="nothing"),
        pytest.param(lambda s: [*s[:3], with_body_edited(s[3])], {"speakers", "tags", "related"},
                     id="a body edited"),
        pytest.param(lambda s: [*s[:2], placed("c", (("Tomas Reyes", "Three, said again"),),
                                               day=3, tags=("water",)), s[3]],
                     {"tags", "related"}, id="a quote edited"),
        pytest.param(lambda s: [*s[:2], replace(s[2], headline="Three again",
                                                summary_digest="another"), s[3]],
                     {"tags", "related"}, id="a headline edited"),
        pytest.param(lambda s: [*s[:2], placed("c", (("Elena Marsh", "Three"),), day=3,
                                               tags=("water",)), s[3]],
                     set(), id="a quote given to another speaker"),
        pytest.param(lambda s: [*s[:3], placed("d", (("Tomas Reyes", "Four"),), day=4,
                                               tags=("roads",))],
                     set(), id="a speaker added"),
        pytest.param(lambda s: s[1:], set(), id="an article removed"),
    ],
)  # fmt: skip
def test_the_kept_index_is_reused_only_for_the_same_articles(change: Any, kept: set[str]) -> None:
    """Kept whole when only bodies changed; when what the index takes from each article
    is the same (its outline), all but the speakers' digests, which are made again."""
    memo = IndexMemo()
    index_site(RELATED_ARCHIVE, memo)
    before = {"speakers": memo.speakers, "tags": memo.tags, "related": memo.related}
    changed = change(RELATED_ARCHIVE)
    again = index_site(changed, memo).site
    fresh = index_site(changed).site  # without a memo
    assert again == fresh
    assert [s.digest for s in again.speakers] == [s.digest for s in fresh.speakers]
    assert [list(s.quotes) for s in again.speakers] == [list(s.quotes) for s in fresh.speakers]
    after = {"speakers": memo.speakers, "tags": memo.tags, "related": memo.related}
    assert {name for name, value in after.items() if value is before[name]} == kept


BASE_ARTICLE = {"said": (("Elena Marsh", "One"),), "day": 3, "tags": ("water",)}


@pytest.mark.parametrize(
    ("change", "card_changed", "outline_changed"),
    [
        pytest.param({}, False, False, id="nothing"),
        pytest.param({"said": (("Elena Marsh", "One more"),)}, True, False, id="a quote's words"),
        pytest.param({"day": 9}, True, False, id="a date in the same month"),
        pytest.param({"source": "content/2025/a.md"}, True, False, id="its file moved"),
        pytest.param({"said": (("Tomas Reyes", "One"),)}, True, True, id="a quote's speaker"),
        pytest.param({"kinds": {"Elena Marsh": SpeakerKind.ANONYMOUS}}, True, True,
                     id="a speaker's kind"),
        pytest.param({"tags": ("roads",)}, True, True, id="a tag"),
        pytest.param({"day": None}, True, True, id="the date removed"),
    ],
)  # fmt: skip
def test_a_summarys_digests_follow_what_changed(
    change: dict[str, Any], card_changed: bool, outline_changed: bool
) -> None:
    """The card's digest moves with anything a card or list shows; the outline's with what
    the site index takes from the article (its pages, speakers, tags and months)."""
    before = placed("a", **BASE_ARTICLE)  # type: ignore[arg-type]
    after = placed("a", **{**BASE_ARTICLE, **change})
    assert (after.summary_digest != before.summary_digest) == card_changed
    assert (after.outline_digest != before.outline_digest) == outline_changed


def test_kept_speakers_that_do_not_fit_the_articles_are_indexed_again() -> None:
    """As a damaged cache could hold: the same outline, speakers quoted in no article."""
    memo = IndexMemo()
    index_site(RELATED_ARCHIVE, memo)
    memo.speakers = tuple((*row[:6], ("no-such-article",), *row[7:]) for row in memo.speakers)
    changed = [*RELATED_ARCHIVE[:2], replace(RELATED_ARCHIVE[2], summary_digest="new"),
               RELATED_ARCHIVE[3]]  # fmt: skip
    assert index_site(changed, memo).site == index_site(changed).site
