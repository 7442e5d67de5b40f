"""What the search index says of a quote, and the entries a rebuild keeps."""

from __future__ import annotations

import datetime as dt
import pickle

import pytest
from jinja2.utils import htmlsafe_json_dumps

from newsgen import search
from newsgen.article import Quote, QuoteKind, SpeakerKind
from newsgen.placement import PlacedQuote
from newsgen.search import (
    QUOTE_CHARS,
    KeptEntries,
    SearchMemo,
    article_entry,
    entry_json,
    index_entries,
    index_json,
    quote_excerpt,
)
from newsgen.summary import ArticleSummary, digest_text


def _quote(text: str, parts: tuple[tuple[int, int, int], ...] = ()) -> Quote:
    return Quote(text, "Ana Ruiz", None, "said", 0, 0, len(text), QuoteKind.DIRECT, False, parts)


@pytest.mark.parametrize(
    ("quote", "expected"),
    [
        (_quote("We will build it,"), "We will build it"),
        (
            _quote("The bridge, and the tunnel too.", ((0, 1, 12), (0, 20, 39))),
            "The bridge \u2026 and the tunnel too.",
        ),
        (_quote("Nothing split here.", ((0, 1, 20),)), "Nothing split here."),
    ],
    ids=["trailing comma", "split quote", "one part"],
)
def test_quote_excerpt(quote: Quote, expected: str) -> None:
    assert quote_excerpt(quote) == expected


def test_a_long_quote_is_cut_at_a_word() -> None:
    excerpt = quote_excerpt(_quote("word " * 100))
    assert len(excerpt) <= QUOTE_CHARS
    assert excerpt.endswith("word\u2026")


def _summary(slug: str, headline: str, said: str = "The rates will rise.") -> ArticleSummary:
    quote = PlacedQuote(_quote(said), "Ana Ruiz", "ana-ruiz", None, SpeakerKind.PERSON, 4)
    date = dt.datetime(2025, 3, 4, tzinfo=dt.UTC)
    digest = digest_text(repr((slug, headline, said)))
    return ArticleSummary(
        f"{slug}.md", slug, headline, None, None, (), date, 1, (), (quote,), (), digest, digest, ""
    )


BEFORE = [_summary("rates", "Rates to rise"), _summary("ferry", "Ferry late")]


@pytest.mark.parametrize(
    ("after", "made"),
    [
        pytest.param(BEFORE, set(), id="nothing changed"),
        pytest.param([_summary("rates", "Rates to rise again"), BEFORE[1]], {"rates"},
                     id="a headline corrected"),
        pytest.param([BEFORE[0], _summary("ferry", "Ferry late", "It was late.")], {"ferry"},
                     id="a quote corrected"),
        pytest.param([_summary("new", "New article"), *BEFORE], {"new"}, id="an article added"),
        pytest.param(BEFORE[:1], {"ferry"}, id="an article deleted"),
    ],
)  # fmt: skip
def test_the_index_remade_with_the_kept_entries_equals_one_made_anew(
    after: list[ArticleSummary], made: set[str]
) -> None:
    """Only the entries of changed summaries are made again (and kept with the removed
    ones' slugs); the index is the one made from nothing."""
    kept: KeptEntries = {}

    def keep(entries: KeptEntries, changed: set[str]) -> None:
        kept.clear()
        kept.update(entries)
        kept_changes.append(changed)

    kept_changes: list[set[str]] = []
    memo = SearchMemo(lambda: [dict(kept)], keep)
    assert index_entries(BEFORE, [], memo) == index_entries(BEFORE, [])
    kept_changes.clear()
    assert "".join(index_json(after, [], memo)) == "".join(index_json(after, []))
    assert kept_changes == ([made] if made else [])
    assert kept.keys() == {a.slug for a in after}
    assert index_entries(after, [], memo) == index_entries(after, [])


@pytest.mark.parametrize(
    "found",
    [
        ("digest", ["not", "an", "entry"]),
        (BEFORE[0].summary_digest, article_entry(BEFORE[0])),  # as builds kept them before
        (BEFORE[0].summary_digest, b"{}"),
        "text alone",
    ],
    ids=["another digest", "a dict", "bytes", "no digest"],
)
def test_an_entry_kept_in_another_shape_is_made_again(found: object) -> None:
    made: list[set[str]] = []
    memo = SearchMemo(lambda: [{"rates": found}], lambda e, changed: made.append(changed))  # type: ignore[dict-item]
    assert "".join(index_json(BEFORE, [], memo)) == "".join(index_json(BEFORE, []))
    assert made == [{"rates", "ferry"}]


def test_the_kept_text_is_written_as_it_was_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    """Read back from the cache (pickled), every entry is written from its kept text:
    none is made again, and the index is the one made from nothing."""
    fresh = "".join(index_json(BEFORE, []))
    stored = pickle.dumps({a.slug: (a.summary_digest, entry_json(a)) for a in BEFORE})
    memo = SearchMemo(lambda: [pickle.loads(stored)], lambda e, c: pytest.fail("kept again"))

    def made_again(a: ArticleSummary) -> dict[str, object]:
        raise AssertionError(f"the entry of {a.slug} was made again")

    monkeypatch.setattr(search, "article_entry", made_again)
    assert "".join(index_json(BEFORE, [], memo)) == fresh


# Headlines and quotes that JSON and a script both care about: markup, ampersands,
# apostrophes, a closing script tag, curly quotes and an ellipsis, a backslash.
AWKWARD = [
    _summary("tags", "<b>Bold</b> & 'quoted'", "It </script><script>alert(1)</script> ends."),
    _summary("curly", "\u201cNo deal\u201d \u2026 yet", "A path C:\\temp, said she."),
    _summary("plain", "Ferry late"),
]


@pytest.mark.parametrize("count", [0, 1, 3, 40], ids=["none", "one", "a few", "many pieces"])
def test_the_index_given_in_pieces_is_the_text_tojson_gives(
    count: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search, "JSON_BATCH", 3)  # several pieces from 40 entries
    articles = [AWKWARD[n % len(AWKWARD)] for n in range(count)]
    pieces = list(index_json(articles, []))
    expected = htmlsafe_json_dumps(index_entries(articles, []), sort_keys=True)
    assert "".join(pieces) == str(expected)
    assert "</script" not in "".join(pieces)
    assert len(pieces) == 3 + -(-count // 3)  # opening, batches, speakers, closing
