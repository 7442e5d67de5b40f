"""Saved pages in the structures of common news CMSs become the right article.

Each page under tests/pages/ is written for these tests in the markup a CMS
produces (WordPress, Arc XP, Brightspot, Drupal, AMP, a JSON-LD @graph, a live
blog, an article container holding a cookie notice, a newsletter box and share
bars). The table says what an editor would extract from it by hand.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from newsgen.analysis import analyse_article
from newsgen.article import Article, BlockKind
from newsgen.loader import load_article

PAGES = Path(__file__).parent / "pages"


def utc(hours: int) -> dt.timezone:
    return dt.timezone(dt.timedelta(hours=hours))


@dataclass(frozen=True)
class Expected:
    headline: str
    byline: tuple[str, ...]
    date: dt.datetime | None
    first: str  # the first body paragraph starts so
    last: str  # the last body paragraph starts so
    paragraphs: int
    dek: str | None = None
    kicker: str | None = None
    photo_credit: str | None = None
    tags: tuple[str, ...] = ()
    headings: tuple[str, ...] = ()
    quotes_from: tuple[str, ...] = ()  # speakers the quote analysis must find
    blocks: tuple[tuple[str, BlockKind], ...] = ()  # (start of a block, its kind)
    absent: tuple[str, ...] = field(default=())  # text that must not be in the body


CASES: dict[str, Expected] = {
    "wordpress_theme_with_sidebar_comments_related.html": Expected(
        headline="Harbour ferry fares to rise by a fifth in spring",
        byline=("Maeve Brennan",),
        date=dt.datetime(2024, 2, 12, 7, 45, tzinfo=utc(0)),
        dek="The operator blames fuel costs; commuters say the service is already unreliable.",
        photo_credit="Lena Fischer",
        tags=("Transport", "Harbour"),
        first="Fares on the harbour ferry will rise",
        last="The council said it would discuss",
        paragraphs=11,
        headings=("Commuters angry",),
        quotes_from=("Colin Aske",),
        blocks=(
            ("We pay more every year", BlockKind.BLOCKQUOTE),
            ("a freeze on fares", BlockKind.LIST_ITEM),
            ("a seat for passengers", BlockKind.LIST_ITEM),
        ),
        absent=(
            "Share this",
            "North pier to close",
            "pier will shut",
            "Pat from",
            "eleven years",
            "Recent Posts",
            "independent weekly",
            "Leave a Reply",
        ),
    ),
    "arc_xp_article_with_interstitial_links.html": Expected(
        headline="State regulators fine water utility $2.1 million over sewage spills",
        byline=("Darnell Hughes", "Priya Natarajan"),
        date=dt.datetime(2023, 9, 18, 12, 5, tzinfo=utc(-4)),
        dek="Regulators said the utility failed to report 14 spills into the Carver River.",
        photo_credit="Sam Ortiz/The Midvale Ledger",
        tags=("environment", "water", "Carver River"),
        first="MIDVALE, Ohio — State regulators fined",
        last="Residents who live near the river",
        paragraphs=7,
        headings=("Where the money goes",),
        quotes_from=("Angela Whitfield",),
        absent=(
            "Read more",
            "Advertisement",
            "Morning Ledger",
            "inbox",
            "5,000 trees",
            "Drought watch",
        ),
    ),
    "brightspot_article_with_enhancements.html": Expected(
        headline="Why the port strike could outlast the holidays",
        byline=("Noor Haddad",),
        date=dt.datetime(2022, 12, 2, 10, 0, tzinfo=utc(-8)),
        kicker="Analysis",
        dek="Both sides have dug in over automation, and neither has a reason to move soon.",
        photo_credit="Elena Marsh / Harbor Public Radio",
        tags=("Labor", "Ports"),
        first="The strike at the city",
        last="“It is a war of attrition",
        paragraphs=7,
        headings=("Who blinks first",),
        quotes_from=("Ruth Agbaje", "Kenji Mori"),
        absent=(
            "Dockworkers walk out",
            "first strike at the port",
            "Donate",
            "Most Read",
            "Facebook",
            "Idle cranes",
        ),
    ),
    "drupal_node_article.html": Expected(
        headline="Library extends opening hours after two-year campaign",
        byline=("Tomasz Wrona",),
        date=dt.datetime(2021, 6, 3, 8, 12, tzinfo=utc(1)),
        dek="The central library will open until 9 p.m. on weekdays from next month.",
        tags=("libraries", "council", "Kesworth"),
        first="Kesworth",
        last="The campaign began with a petition",
        paragraphs=5,
        quotes_from=("Amira Lowe",),
        absent=("Latest news", "Bypass roadworks", "Submitted by", "Tags", "Letters to"),
    ),
    "amp_article.html": Expected(
        headline="Snowfall closes mountain pass for second day",
        byline=("Gabriel Ruiz",),
        date=dt.datetime(2024, 1, 9, 6, 30, tzinfo=utc(-7)),
        photo_credit="Valley Times",
        first="The state transportation department kept Cedar Pass",
        last="Truck drivers heading east",
        paragraphs=4,
        quotes_from=("Dana Whitlock",),
        absent=("Advertisement", "Plows wait", "Categories", "Back to top", "Weather"),
    ),
    "jsonld_graph_article.html": Expected(
        headline="Old cotton mill to become 120 flats after council vote",
        byline=("Owen Pritchard", "Siobhan Keane"),
        date=dt.datetime(2023, 4, 25, 14, 10, tzinfo=utc(1)),
        dek="Meta description of the page.",
        photo_credit="Ines Calder",
        tags=("housing", "planning", "heritage"),
        first="A derelict cotton mill",
        last="Work is due to start",
        paragraphs=4,
        quotes_from=("Brenda Holt",),
        absent=("cookies", "Accept"),
    ),
    "liveblog_updates.html": Expected(
        headline="Storm Idris makes landfall: live updates",
        byline=("Hana Lindqvist",),
        date=dt.datetime(2023, 10, 14, 5, 0, tzinfo=utc(1)),
        first="Power cut to 30,000 homes",
        last="Good morning. Storm Idris reached the coast",
        paragraphs=8,
        headings=("Power cut to 30,000 homes", "Ferries cancelled", "Welcome to our coverage"),
        blocks=(("Please do not travel to the terminal", BlockKind.BLOCKQUOTE),),
        absent=("08:10", "Share", "Load more", "LIVE"),
    ),
    "article_with_cookie_banner_newsletter_share_inside_container.html": Expected(
        headline="Teachers vote to accept pay offer",
        byline=("Femi Adeyemi",),
        date=dt.datetime(2024, 5, 21),
        tags=("education", "pay", "unions"),
        first="Teachers in England have voted",
        last="Head teachers warned",
        paragraphs=5,
        quotes_from=("Helen Marr",),
        absent=(
            "cookies",
            "OK, got it",
            "Share this article",
            "WhatsApp",
            "Morning Briefing",
            "inbox",
            "Advertisement",
            "Sign up",
            "About time too",
        ),
    ),
}


def load(name: str) -> Article:
    return load_article(PAGES / name).article


@pytest.mark.parametrize("name", sorted(CASES))
def test_page_metadata(name: str) -> None:
    article, want = load(name), CASES[name]
    got = (article.headline, article.byline, article.date, article.dek, article.kicker)
    assert got == (want.headline, want.byline, want.date, want.dek, want.kicker)
    assert (article.photo_credit, article.tags) == (want.photo_credit, want.tags)


@pytest.mark.parametrize("name", sorted(CASES))
def test_page_body(name: str) -> None:
    article, want = load(name), CASES[name]
    texts = [p.text for p in article.paragraphs]
    assert len(texts) == want.paragraphs, "\n".join(texts)
    assert texts[0].startswith(want.first)
    assert texts[-1].startswith(want.last)
    body = "\n".join(texts)
    leaked = [snippet for snippet in want.absent if snippet in body]
    assert not leaked, f"boilerplate in the body: {leaked}"


@pytest.mark.parametrize("name", sorted(CASES))
def test_page_keeps_subheads_quotes_and_lists_in_place(name: str) -> None:
    article, want = load(name), CASES[name]
    headings = tuple(p.text for p in article.paragraphs if p.kind is BlockKind.HEADING)
    assert headings == want.headings
    for start, kind in want.blocks:
        found = [p for p in article.paragraphs if p.text.startswith(start)]
        assert [p.kind for p in found] == [kind], start


@pytest.mark.parametrize("name", sorted(n for n, c in CASES.items() if c.quotes_from))
def test_quote_analysis_runs_on_the_page_body(name: str) -> None:
    analysis = analyse_article(load(name))
    speakers = {quote.speaker for quote in analysis.quotes}
    missing = [s for s in CASES[name].quotes_from if s not in speakers]
    assert not missing, f"speakers found: {sorted(str(s) for s in speakers)}"
