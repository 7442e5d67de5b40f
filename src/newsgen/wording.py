"""What the theme's templates call for their wording and data, as plain functions: dates,
counts, bylines, the quotes on speaker pages, the sourcing line of a card, and the
schema.org description of an article page.

Plain functions rather than macros of `_macros.html`: a macro call costs more than the
markup it makes, and every card repeats these. `_macros.html` keeps its macros `plural`,
`byline`, `credited_count`, `sourcing_line` and `quote_excerpt`, which call these, for
site templates.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from markupsafe import Markup

from newsgen.article import Quote
from newsgen.config import SiteConfig
from newsgen.placement import PlacedArticle, PlacedQuote
from newsgen.summary import ArticleSummary, StoredRows, quote_facts


def describe_news_article(
    config: SiteConfig, article: PlacedArticle, canonical: str
) -> dict[str, Any]:
    """The schema.org NewsArticle of an article page (written with `tojson`, so inert)."""
    a = article.analysed.article
    publisher = {"@type": "Organization", "name": config.publisher}
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": a.headline,
        "author": [{"@type": "Person", "name": name} for name in a.byline] or [publisher],
        "publisher": publisher,
        "mainEntityOfPage": canonical,
        "inLanguage": config.language,
    }
    if a.dek:
        data["description"] = a.dek
    if article.date:
        data["datePublished"] = article.date.isoformat()
    if article.tags:
        data["keywords"] = [t.name for t in article.tags]
    return data


# English month names, as strftime's %B gives them in the C locale newsgen runs in
# (%B took 2 of the 2.5 microseconds a date took, and a date is on every card).
MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def format_long_date(date: dt.datetime | None) -> str:
    return f"{date.day} {MONTH_NAMES[date.month - 1]} {date.year}" if date else ""


def format_iso_date(date: dt.datetime | None) -> str:
    return date.isoformat() if date else ""


def format_plural(count: int, one: str, many: str) -> str:
    """'1 quote', '3 quotes'."""
    return f"{count} {one if count == 1 else many}"


def format_quote_excerpt(quote: Quote) -> Markup:
    """A quote as a speaker page shows it: its parts joined by an ellipsis (kept on the
    line before it), without the comma or colon that led into the attribution."""
    return Markup("&nbsp;\u2026 ").join([part.rstrip(",;: ") for part in quote.part_texts])


def format_byline(names: Sequence[str]) -> str:
    """'By A', 'By A and B', 'By A, B and C'; '' for no names."""
    if not names:
        return ""
    if len(names) == 1:
        return f"By {names[0]}"
    return f"By {', '.join(names[:-1])} and {names[-1]}"


def count_credited(quotes: Iterable[PlacedQuote]) -> int:
    """Quotes credited to a source, named or anonymous (not titles or scare quotes); read
    from the rows when the quotes are kept as rows (a card makes no quote object: at
    100,000 articles 4% of a render worker's time went to making them)."""
    if isinstance(quotes, StoredRows):
        return sum(1 for name, _, anonymous in quote_facts(quotes) if name or anonymous)
    return sum(1 for quote in quotes if quote.speaker_name or quote.anonymous)


def format_sourcing_line(article: PlacedArticle | ArticleSummary) -> str:
    """An article card's '3 sources · 5 quotes'."""
    sources = format_plural(len(article.sources), "source", "sources")
    return f"{sources} · {format_plural(count_credited(article.quotes), 'quote', 'quotes')}"
