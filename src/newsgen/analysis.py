"""The analysis stage: who speaks in an article."""

from __future__ import annotations

from newsgen.article import Article, ArticleAnalysis


def analyse_article(article: Article) -> ArticleAnalysis:
    """Find every quote of `article` and who said it (skeleton: finds none yet)."""
    return ArticleAnalysis(quotes=(), speakers=())
