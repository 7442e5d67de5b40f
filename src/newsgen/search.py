"""The search index written at build time: what the search page can find, per article.

Written as a script that defines the data (not fetched), so search works offline
and from file:// as well. Each article's entry is bounded whatever its length: its
headline, dek, tags, speakers and at most `QUOTES_PER_ARTICLE` quotes, each cut to
`QUOTE_CHARS` characters.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from newsgen.article import Quote
from newsgen.site import SiteSpeaker
from newsgen.summary import ArticleSummary, quote_facts, said_quotes

QUOTES_PER_ARTICLE = 6
QUOTE_CHARS = 200


def shorten_quote(text: str, limit: int = QUOTE_CHARS) -> str:
    """The quote, or its first words up to `limit` characters and an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > limit // 2 else cut).rstrip(" ,;:") + "\u2026"


def quote_excerpt(quote: Quote) -> str:
    """A quote as readers see it out of its article: parts joined by an ellipsis, no
    trailing comma, at most `QUOTE_CHARS` characters."""
    parts = (part.rstrip(" ,;:") for part in quote.part_texts)
    return shorten_quote(" \u2026 ".join(part for part in parts if part))


def index_entries(
    articles: Sequence[ArticleSummary], speakers: Sequence[SiteSpeaker]
) -> dict[str, list[dict[str, Any]]]:
    """Articles (headline, dek, speakers, quoted words) and speakers, as plain JSON data.

    The quotes are read from the summaries' rows (`summary.quote_facts`, `said_quotes`):
    the index of every article makes no `PlacedQuote`."""
    return {
        "articles": [
            {
                "url": a.url,
                "headline": a.headline,
                "dek": a.dek or "",
                "date": a.date.date().isoformat() if a.date else "",
                "speakers": sorted({name for name, _, _ in quote_facts(a.quotes) if name}),
                "quotes": [quote_excerpt(q) for q in said_quotes(a.quotes, QUOTES_PER_ARTICLE)],
                "tags": [t.name for t in a.tags],
            }
            for a in articles
        ],
        "speakers": [
            {"url": s.url, "name": s.name, "quotes": len(s.quotes), "roles": list(s.roles)}
            for s in speakers
        ],
    }
