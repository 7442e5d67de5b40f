"""The search index written at build time: what the search page can find, per article.

Written as a script that defines the data (not fetched), so search works offline
and from file:// as well.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from newsgen.placement import PlacedArticle
from newsgen.site import SiteSpeaker


def index_entries(
    articles: Sequence[PlacedArticle], speakers: Sequence[SiteSpeaker]
) -> dict[str, list[dict[str, Any]]]:
    """Articles (headline, dek, speakers, quoted words) and speakers, as plain JSON data."""
    return {
        "articles": [
            {
                "url": a.url,
                "headline": a.headline,
                "dek": a.analysed.article.dek or "",
                "date": a.date.date().isoformat() if a.date else "",
                "speakers": sorted({q.speaker_name for q in a.quotes if q.speaker_name}),
                "quotes": [q.quote.text for q in a.quotes],
                "tags": [t.name for t in a.tags],
            }
            for a in articles
        ],
        "speakers": [
            {"url": s.url, "name": s.name, "quotes": len(s.quotes), "roles": list(s.roles)}
            for s in speakers
        ],
    }
