"""What the build cache stores comes back equal: placed articles and summaries, whatever
the article holds (quotes split over paragraphs, anonymous sources, corrections...)."""

from __future__ import annotations

import datetime as dt
import pickle
from pathlib import Path

import pytest

from newsgen.analysis import analyse_article
from newsgen.article import AnalysedArticle
from newsgen.cache import pack_summary, plain_summary, summary_from_plain, unpack_summary
from newsgen.loader import load_article
from newsgen.placement import PlacedArticle, place_article
from newsgen.summary import (
    quote_rows,
    source_keys,
    source_rows,
    speaker_keys,
    summarise_article,
)

ARTICLES = sorted((Path(__file__).parent / "articles").glob("*.txt"))


def placed_article(path: Path) -> PlacedArticle:
    article = load_article(path).article
    return place_article(AnalysedArticle(article, analyse_article(article)), dt.UTC)


@pytest.mark.parametrize("path", ARTICLES, ids=[p.stem for p in ARTICLES])
def test_a_placed_article_reads_back_equal(path: Path) -> None:
    placed = placed_article(path)
    again = pickle.loads(pickle.dumps(placed, protocol=pickle.HIGHEST_PROTOCOL))
    assert again == placed
    # A placed quote and the analysis's quote are one object again, as when first placed.
    for quote, analysed in zip(again.quotes, again.analysed.analysis.quotes, strict=True):
        assert quote.quote is analysed


@pytest.mark.parametrize("path", ARTICLES, ids=[p.stem for p in ARTICLES])
def test_a_summary_reads_back_equal_with_its_source(path: Path) -> None:
    summary = summarise_article(placed_article(path))
    assert unpack_summary(pack_summary(summary), summary.source) == summary


@pytest.mark.parametrize("fresh", [False, True], ids=["kept as rows", "made at once"])
@pytest.mark.parametrize("path", ARTICLES, ids=[p.stem for p in ARTICLES])
def test_a_summary_read_back_from_a_chunk_reads_as_the_one_made(path: Path, fresh: bool) -> None:
    summary = summarise_article(placed_article(path))
    again = summary_from_plain(summary.source, plain_summary(summary), fresh=fresh)
    assert speaker_keys(again.quotes) == speaker_keys(summary.quotes)
    assert source_keys(again.sources) == source_keys(summary.sources)
    assert quote_rows(again.quotes) == quote_rows(summary.quotes)
    assert source_rows(again.sources) == source_rows(summary.sources)
    assert again == summary
    assert list(again.quotes) == list(summary.quotes)
