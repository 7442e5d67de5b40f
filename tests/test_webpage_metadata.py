"""Each metadata field comes from the most specific source the page has."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from newsgen.loader import load_article
from newsgen.webpage.markup import parse_page
from newsgen.webpage.metadata import PageMetadata, read_metadata

BODY = (
    "<article><h1>Heading on the page</h1>"
    "<p>The harbour board met on Monday and agreed to dredge the channel before winter.</p>"
    "<p>Work will start in October and the channel will be closed at night for a month.</p>"
    "<p>Fishing crews had asked for the dredging after two boats ran aground in August.</p>"
    "</article>"
)


def metadata_of(head: str, body: str = "") -> PageMetadata:
    return read_metadata(parse_page(f"<html><head>{head}</head><body>{body}</body></html>"))


LD = '<script type="application/ld+json">{}</script>'


@pytest.mark.parametrize(
    ("head", "body", "headline"),
    [
        (
            LD.format('{"@type":"NewsArticle","headline":"From JSON-LD"}')
            + '<meta property="og:title" content="From og:title"><title>From title | Site</title>',
            BODY,
            "From JSON-LD",
        ),
        (
            '<meta property="og:title" content="From og:title"><title>From title | Site</title>',
            BODY,
            "From og:title",
        ),
        ("<title>From title | Site</title>", BODY, "Heading on the page"),
        ("<title>From title | The Site</title>", "<p>No heading here.</p>", "From title"),
        ("<title>From title \u2013 The Site</title>", "", "From title"),
        (
            LD.format(
                '[{"@type":"WebSite","name":"Site"},{"@type":"Article","headline":"In a list"}]'
            ),
            "",
            "In a list",
        ),
    ],
    ids=["json-ld", "og-title", "h1", "title-suffix-bar", "title-suffix-dash", "json-ld-list"],
)
def test_headline_sources_in_order(head: str, body: str, headline: str) -> None:
    assert metadata_of(head, body).headline == headline


@pytest.mark.parametrize(
    ("head", "body", "byline"),
    [
        (
            LD.format('{"@type":"NewsArticle","author":{"@type":"Person","name":"Ada Byrne"}}'),
            "",
            ("Ada Byrne",),
        ),
        (
            LD.format(
                '{"@type":"NewsArticle","author":[{"name":"Ada Byrne"},{"name":"Tom Oyelaran"}]}'
            ),
            "",
            ("Ada Byrne", "Tom Oyelaran"),
        ),
        (
            LD.format(
                '{"@type":"NewsArticle","author":{"@type":"Organization","name":"Newsroom"}}'
            ),
            '<a rel="author" href="/a">Ada Byrne</a>',
            ("Ada Byrne",),
        ),
        (
            "",
            '<span itemprop="author"><span itemprop="name">Ada Byrne</span></span>',
            ("Ada Byrne",),
        ),
        (
            "",
            '<p class="byline">By Ada Byrne and Tom Oyelaran, Reuters</p>',
            ("Ada Byrne", "Tom Oyelaran"),
        ),
        ("", '<div class="author-name">Ada Byrne</div>', ("Ada Byrne",)),
        ('<meta name="author" content="Ada Byrne">', "", ("Ada Byrne",)),
        ('<meta property="article:author" content="https://example.org/ada">', "", ()),
        ("", '<p class="byline">Staff report</p>', ()),
    ],
    ids=[
        "json-ld-person",
        "json-ld-list",
        "organisation-skipped",
        "itemprop",
        "byline-markup",
        "author-class",
        "meta-author",
        "url-is-not-a-name",
        "no-name",
    ],
)
def test_byline_sources(head: str, body: str, byline: tuple[str, ...]) -> None:
    assert metadata_of(head, body).byline == byline


EAST = dt.timezone(dt.timedelta(hours=3))


@pytest.mark.parametrize(
    ("head", "body", "date"),
    [
        (
            LD.format('{"@type":"NewsArticle","datePublished":"2024-03-05T09:30:00+03:00"}')
            + '<meta property="article:published_time" content="2020-01-01T00:00:00Z">',
            "",
            dt.datetime(2024, 3, 5, 9, 30, tzinfo=EAST),
        ),
        (
            '<meta property="article:published_time" content="2024-03-05T06:30:00Z">',
            '<time datetime="2020-01-01">Jan 1</time>',
            dt.datetime(2024, 3, 5, 6, 30, tzinfo=dt.UTC),
        ),
        (
            "",
            '<time datetime="2024-03-05T09:30:00+03:00">March 5</time>',
            dt.datetime(2024, 3, 5, 9, 30, tzinfo=EAST),
        ),
        ('<meta name="pubdate" content="2024-03-05">', "", dt.datetime(2024, 3, 5)),
        ('<meta name="date" content="March 5, 2024">', "", dt.datetime(2024, 3, 5)),
        ("", "<p>No date at all.</p>", None),
    ],
    ids=[
        "json-ld-over-meta",
        "meta-over-time",
        "time-element",
        "date-only",
        "printed-date",
        "none",
    ],
)
def test_date_sources_keep_the_page_timezone(
    head: str, body: str, date: dt.datetime | None
) -> None:
    assert metadata_of(head, body).date == date


@pytest.mark.parametrize(
    ("head", "body", "field", "value"),
    [
        (
            '<meta property="article:tag" content="Ports">'
            '<meta property="article:tag" content="Labor">'
            '<meta name="keywords" content="ignored, words">',
            "",
            "tags",
            ("Ports", "Labor"),
        ),
        (
            LD.format('{"@type":"NewsArticle","keywords":"ports, labor , strikes"}'),
            "",
            "tags",
            ("ports", "labor", "strikes"),
        ),
        ('<meta name="news_keywords" content="ports,labor">', "", "tags", ("ports", "labor")),
        (
            '<meta name="description" content="From the meta description.">',
            '<p class="article-standfirst">From the standfirst.</p>',
            "dek",
            "From the standfirst.",
        ),
        ('<meta property="og:description" content="From og.">', "", "dek", "From og."),
        (LD.format('{"@type":"OpinionNewsArticle","headline":"H"}'), "", "kicker", "Opinion"),
        ("", '<span class="kicker">Explainer</span>', "kicker", "Explainer"),
        (
            LD.format(
                '{"@type":"NewsArticle",'
                '"image":{"@type":"ImageObject","creditText":"AFP / Ines Calder"}}'
            ),
            "",
            "photo_credit",
            "AFP / Ines Calder",
        ),
        (
            "",
            '<figure><img src="a.jpg"><span class="image-credit">Ines Calder/AP</span></figure>',
            "photo_credit",
            "Ines Calder/AP",
        ),
        (
            "",
            "<figure><figcaption>The quay at dawn. (AP Photo/Ines Calder)</figcaption></figure>",
            "photo_credit",
            "AP Photo/Ines Calder",
        ),
        (
            "",
            "<figure><figcaption>The quay at dawn. Photograph: Ines Calder</figcaption></figure>",
            "photo_credit",
            "Ines Calder",
        ),
    ],
    ids=[
        "article-tags",
        "json-ld-keywords",
        "news-keywords",
        "dek-markup",
        "og-description",
        "kicker-from-type",
        "kicker-markup",
        "credit-json-ld",
        "credit-markup",
        "credit-ap-caption",
        "credit-photograph-caption",
    ],
)
def test_other_fields(head: str, body: str, field: str, value: object) -> None:
    assert getattr(metadata_of(head, body), field) == value


def test_broken_json_ld_is_a_warning_and_the_rest_still_reads(tmp_path: Path) -> None:
    path = tmp_path / "story.html"
    path.write_text(
        "<html><head><title>Dredging agreed | Gazette</title>"
        + LD.format('{"@type": "NewsArticle", "headline": }')
        + f"</head><body>{BODY}</body></html>",
        encoding="utf-8",
    )
    loaded = load_article(path)
    assert loaded.article.headline == "Heading on the page"
    assert [w.message for w in loaded.warnings] == [
        "JSON-LD block 1 ignored: Expecting value (its line 1)"
    ]


def test_a_description_repeating_the_first_paragraph_is_not_a_dek(tmp_path: Path) -> None:
    path = tmp_path / "story.html"
    path.write_text(
        '<html><head><meta name="description" content="The harbour board met on Monday and '
        f'agreed to dredge the channel…"></head><body>{BODY}</body></html>',
        encoding="utf-8",
    )
    article = load_article(path).article
    assert article.dek is None
    assert article.paragraphs[0].text.startswith("The harbour board met")
