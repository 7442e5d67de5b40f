"""The analysis stage: who speaks in an article.

article paragraphs -> quotes.attribute_quotes -> editor's corrections -> ArticleAnalysis
"""

from __future__ import annotations

from newsgen.article import Article, ArticleAnalysis
from newsgen.quotes import attribute_quotes
from newsgen.quotes.corrections import apply_corrections


def analyse_article(article: Article) -> ArticleAnalysis:
    """Find every quote of `article` and who said it, then apply the editor's corrections."""
    titles = (article.headline, article.dek) if article.dek else (article.headline,)
    found = attribute_quotes(article.paragraphs, titles)
    return apply_corrections(found, article.speaker_corrections, article.quote_corrections)
