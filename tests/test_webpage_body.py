"""Rules of main-content extraction, each shown on a small page written for it."""

from __future__ import annotations

import pytest

from newsgen.article import BlockKind
from newsgen.webpage.body import extract_body
from newsgen.webpage.markup import parse_page

PROSE = [
    "The harbour board met on Monday and agreed to dredge the channel before the winter storms.",
    "Work will start in October, and the channel will be closed to shipping at night for a month.",
    "Fishing crews had asked for the dredging after two boats ran aground in the shallows.",
]


def paragraphs(extra: str = "", before: str = "", after: str = "") -> str:
    body = "".join(f"<p>{text}</p>" for text in PROSE)
    return f"<html><body>{before}<div class='story'>{body}{extra}</div>{after}</body></html>"


def body_of(html: str, headline: str | None = None) -> list[str]:
    return [p.text for p in extract_body(parse_page(html), headline)]


NAV = "<ul>" + "".join(f"<li><a href='/{n}'>Section {n}</a></li>" for n in range(8)) + "</ul>"
TEASERS = "".join(
    f"<div class='card'><h3><a href='/t{n}'>Teaser headline number {n}</a></h3>"
    f"<p>A summary of another story, long enough to read like a paragraph of prose {n}.</p></div>"
    for n in range(4)
)


@pytest.mark.parametrize(
    ("html", "left_out"),
    [
        (paragraphs(before=f"<nav>{NAV}</nav>"), "Section"),
        (paragraphs(after=f"<div class='sidebar'>{NAV}</div>"), "Section"),
        (
            paragraphs(extra="<div class='share-tools'><a href='#'>Share on Facebook</a></div>"),
            "Share",
        ),
        (paragraphs(after=f"<section class='more-stories'>{TEASERS}</section>"), "summary"),
        (paragraphs(after=f"<div>{TEASERS}</div>"), "summary"),  # teasers with no class hint
        (
            paragraphs(
                extra="<figure><img src='a.jpg'><figcaption>The channel.</figcaption></figure>"
            ),
            "channel.",
        ),
        (paragraphs(extra="<p>The dredger at work on Monday (Image: Getty)</p>"), "dredger"),
        (paragraphs(extra="<p class='visually-hidden'>Advertisement</p>"), "Advertisement"),
        (
            paragraphs(extra="<div style='display: none'><p>Hidden text of the page.</p></div>"),
            "Hidden",
        ),
        (
            paragraphs(
                after="<div id='comments'><p>"
                + "A reader wrote a long comment here. " * 5
                + "</p></div>"
            ),
            "reader",
        ),
        (paragraphs(extra="<p>08:10</p><p>Later: the board voted again, and agreed.</p>"), "08:10"),
    ],
    ids=[
        "nav",
        "sidebar-links",
        "share-bar",
        "related-teasers",
        "unmarked-teasers",
        "figure-caption",
        "caption-with-credit",
        "hidden-label",
        "display-none",
        "comments",
        "bare-time",
    ],
)
def test_furniture_is_left_out(html: str, left_out: str) -> None:
    body = body_of(html)
    assert body[: len(PROSE)] == PROSE
    assert not [text for text in body if left_out in text]


def test_blocks_keep_their_kind_in_place() -> None:
    extra = (
        "<h2>What happens next</h2><p>The board will meet again in March to look at the cost.</p>"
        "<blockquote><p>We cannot wait another winter.</p></blockquote>"
        "<ul><li>dredging in October;</li><li>night closures in November.</li></ul>"
    )
    blocks = extract_body(parse_page(paragraphs(extra=extra)))
    assert [(b.text, b.kind) for b in blocks[len(PROSE) :]] == [
        ("What happens next", BlockKind.HEADING),
        ("The board will meet again in March to look at the cost.", BlockKind.PARAGRAPH),
        ("We cannot wait another winter.", BlockKind.BLOCKQUOTE),
        ("dredging in October;", BlockKind.LIST_ITEM),
        ("night closures in November.", BlockKind.LIST_ITEM),
    ]


def test_double_line_breaks_split_paragraphs_and_table_rows_stay_whole() -> None:
    html = (
        "<html><body><div class='post'>" + "<br><br>".join(PROSE) + "<table><tr><td>Dredger</td>"
        "<td>Start</td></tr><tr><td>Orca II</td><td>October 2</td></tr></table></div></body></html>"
    )
    assert body_of(html) == [*PROSE, "Dredger Start", "Orca II October 2"]


def test_a_linked_digest_item_is_body_but_a_link_list_is_not() -> None:
    digest = (
        "<ul><li><a href='/a'>The port will reopen its north quay next week after repairs to the"
        " crane rails were finished ahead of schedule and under budget, the harbour master said"
        " on Friday.</a></li>"
        "<li><a href='/b'>Quay repairs</a></li></ul>"
    )
    body = body_of(paragraphs(extra=digest))
    assert body[-1].startswith("The port will reopen")


def test_the_body_starts_at_the_articles_headline() -> None:
    ticker = (
        "<ul class='ticker'>"
        + "".join(
            f"<li>Another story {n}: a long line of teaser text that reads like prose, ending.</li>"
            for n in range(6)
        )
        + "</ul>"
    )
    html = paragraphs(before=ticker + "<h1>Channel to be dredged</h1>")
    assert body_of(html, "Channel to be dredged") == PROSE


def test_the_element_marked_as_article_body_is_preferred() -> None:
    html = (
        "<html><body><div class='page'><div class='article-body'>"
        + "".join(f"<p>{text}</p>" for text in PROSE * 2)
        + "</div><p>Local news like this is paid for by readers, and your gift keeps it free.</p>"
        "</div></body></html>"
    )
    assert body_of(html) == PROSE * 2


@pytest.mark.parametrize(
    "html",
    [
        "<html><body><p>Page not found.</p></body></html>",
        f"<html><body><div>{TEASERS}{TEASERS}</div></body></html>",
        f"<html><body><nav>{NAV}</nav><footer>{NAV}</footer></body></html>",
    ],
    ids=["not-found", "teasers-only", "links-only"],
)
def test_no_article_is_an_empty_body(html: str) -> None:
    assert body_of(html) == []
