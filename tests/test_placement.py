"""How an article's sources are counted on its page."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

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
from newsgen.placement import place_article

BODY = "“We will reopen the pier in May,” Ana Ruiz said of the “temporary” closure."


def _quote(text: str, speaker: str | None, kind: QuoteKind) -> Quote:
    start = BODY.index(text)
    return Quote(text, speaker, None, "said" if speaker else None, 0, start,
                 start + len(text), kind, False)  # fmt: skip


def test_scare_quotes_do_not_count_in_the_share_of_quoted_words() -> None:
    article = Article(Path("pier.txt"), "Pier to reopen", "pier", (Paragraph(BODY),))
    analysis = ArticleAnalysis(
        (
            _quote("We will reopen the pier in May,", "Ana Ruiz", QuoteKind.DIRECT),
            _quote("temporary", None, QuoteKind.PARTIAL),
        ),
        (Speaker("Ana Ruiz", None, SpeakerKind.PERSON, 1),),
    )
    placed = place_article(AnalysedArticle(article, analysis), dt.UTC)
    assert [(s.name, s.quotes, s.word_share) for s in placed.sources] == [("Ana Ruiz", 1, 1.0)]
