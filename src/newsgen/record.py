"""An analysed article as the plain record `newsgen parse` prints and `import` writes."""

from __future__ import annotations

import json
from typing import Any

import yaml

from newsgen.article import AnalysedArticle, Article

# The keys of a record, in order (issue 2, section 5): other tools rely on them.
RECORD_KEYS = (
    "source", "headline", "kicker", "dek", "byline", "contributors", "photo_credit",
    "dateline", "date", "slug", "tags", "paragraphs", "boilerplate", "quotes", "speakers",
)  # fmt: skip


def metadata_record(article: Article) -> dict[str, Any]:
    """The article's head fields as plain data (shared by `parse` and `import`)."""
    return {
        "headline": article.headline,
        "kicker": article.kicker,
        "dek": article.dek,
        "byline": list(article.byline),
        "contributors": list(article.contributors),
        "photo_credit": article.photo_credit,
        "dateline": article.dateline,
        "date": article.date.isoformat() if article.date else None,
        "slug": article.slug,
        "tags": list(article.tags),
    }


def article_record(analysed: AnalysedArticle) -> dict[str, Any]:
    article, analysis = analysed.article, analysed.analysis
    return {
        "source": str(article.source),
        **metadata_record(article),
        "paragraphs": [p.text for p in article.paragraphs],
        "boilerplate": list(article.boilerplate),
        "quotes": [
            {
                "text": q.text,
                "speaker": q.speaker,
                "role": q.role,
                "verb": q.verb,
                "paragraph": q.paragraph,
                "start": q.start,
                "end": q.end,
                "kind": str(q.kind),
                "anonymous": q.anonymous,
            }
            for q in analysis.quotes
        ],
        "speakers": [
            {"name": s.name, "role": s.role, "kind": str(s.kind), "quotes": s.quotes}
            for s in analysis.speakers
        ],
    }


def format_record(record: dict[str, Any], form: str) -> str:
    """`record` as one JSON line (`json`) or as a YAML document opening with `---` (`yaml`)."""
    if form == "json":
        return json.dumps(record, ensure_ascii=False)
    text: str = yaml.safe_dump(
        record, sort_keys=False, allow_unicode=True, explicit_start=True, width=100
    )
    return text.rstrip("\n")
