"""The search index written at build time: what the search page can find, per article.

Written as a script that defines the data (not fetched), so search works offline
and from file:// as well. Each article's entry is bounded whatever its length: its
headline, dek, tags, speakers and at most `QUOTES_PER_ARTICLE` quotes, each cut to
`QUOTE_CHARS` characters.

An entry depends on its article's summary alone, so a build keeps every entry, as the
JSON text the index shows, with the digest of the summary it was made from (`SearchMemo`,
in the build cache), and the next build makes again only the entries of the articles
whose summary changed, and writes the others' text as it is: making them, and then
dumping them, was most of the time of rendering the index after an edit.

The theme writes the index with `index_json`, a piece at a time, and the build writes
each piece to the file as it comes (`renderer.STREAMED`): the entries' texts are held
(some 80 MB at 100,000 articles), but never joined into one, nor encoded whole.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from jinja2.utils import htmlsafe_json_dumps
from markupsafe import Markup

from newsgen.article import Quote
from newsgen.summary import ArticleSummary, quote_facts, said_quotes

if TYPE_CHECKING:
    from newsgen.site import SiteSpeaker

QUOTES_PER_ARTICLE = 6
QUOTE_CHARS = 200
JSON_BATCH = 200  # entries in each piece of JSON text `index_json` gives (~100 KB)


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


# Each article's entry by slug: the summary digest it was made from, and its JSON text.
KeptEntries = dict[str, tuple[str, str]]


@dataclass(frozen=True, slots=True)
class SearchMemo:
    """Where the entries of the last build are read from and the new ones kept (the build
    cache): read only when the index is rendered, and let go with it (at 100,000 articles
    the entries' text is some 80 MB)."""

    recall: Callable[[], Iterable[KeptEntries]]  # the kept entries, a chunk at a time
    keep: Callable[[KeptEntries, set[str]], None]  # every entry, and the slugs that changed


def article_entry(a: ArticleSummary) -> dict[str, Any]:
    """What the search page knows of an article. The quotes are read from the summary's
    rows (`summary.quote_facts`, `said_quotes`): no `PlacedQuote` is made."""
    return {
        "url": a.url,
        "headline": a.headline,
        "dek": a.dek or "",
        "date": a.date.date().isoformat() if a.date else "",
        "speakers": sorted({name for name, _, _ in quote_facts(a.quotes) if name}),
        "quotes": [quote_excerpt(q) for q in said_quotes(a.quotes, QUOTES_PER_ARTICLE)],
        "tags": [t.name for t in a.tags],
    }


def entry_json(a: ArticleSummary) -> str:
    """`article_entry(a)` as the index shows it: JSON, keys sorted, `<`, `>`, `&` and `'`
    escaped (the text Jinja's `tojson` gives), so that it is inert inside a script."""
    return str(htmlsafe_json_dumps(article_entry(a), sort_keys=True))


def index_entries(
    articles: Sequence[ArticleSummary],
    speakers: Sequence[SiteSpeaker],
    memo: SearchMemo | None = None,
) -> dict[str, list[dict[str, Any]]]:
    """Articles (headline, dek, speakers, quoted words) and speakers, as plain JSON data;
    with `memo`, the entries of unchanged summaries are the kept ones (read back from
    their text: the theme writes the index with `index_json`, which uses the text)."""
    if memo is None:
        entries = [article_entry(a) for a in articles]
    else:
        entries = [json.loads(text) for text in _remembered_entries(articles, memo)]
    return {"articles": entries, "speakers": _speaker_entries(speakers)}


def _speaker_entries(speakers: Sequence[SiteSpeaker]) -> list[dict[str, Any]]:
    return [
        {"url": s.url, "name": s.name, "quotes": len(s.quotes), "roles": list(s.roles)}
        for s in speakers
    ]


def index_json(
    articles: Sequence[ArticleSummary],
    speakers: Sequence[SiteSpeaker],
    memo: SearchMemo | None = None,
) -> Iterator[Markup]:
    """`index_entries(...)` as JSON, the very text Jinja's `tojson` filter gives (keys
    sorted, `<`, `>`, `&` and `'` escaped, so it is inert inside a script), given in
    pieces of `JSON_BATCH` entries. The articles' entries are joined from their text
    (`entry_json`, kept by `memo`); the speakers' dumped together, a batch at a time."""
    if memo is None:
        texts = [entry_json(a) for a in articles]
    else:
        texts = _remembered_entries(articles, memo)
    yield Markup('{"articles": [')
    for start in range(0, len(texts), JSON_BATCH):
        yield Markup(f"{', ' if start else ''}{', '.join(texts[start : start + JSON_BATCH])}")
    yield Markup('], "speakers": [')
    people = _speaker_entries(speakers)
    for start in range(0, len(people), JSON_BATCH):
        batch = htmlsafe_json_dumps(people[start : start + JSON_BATCH], sort_keys=True)
        yield Markup(f"{', ' if start else ''}{batch[1:-1]}")  # (without its brackets)
    yield Markup("]}")


def _remembered_entries(articles: Sequence[ArticleSummary], memo: SearchMemo) -> list[str]:
    """The entries' text of `articles`, in order: the kept text where the summary is the
    one it was made from, else made now; every entry kept again if any changed."""
    by_slug = {a.slug: a for a in articles}
    reused: KeptEntries = {}
    gone: set[str] = set()
    for kept in memo.recall():
        for slug, found in kept.items():
            a = by_slug.get(slug)
            if a is None:
                gone.add(slug)
            elif _entry_of(found, a.summary_digest):
                reused[slug] = found
    fresh: KeptEntries = {}
    changed: set[str] = set()
    for a in articles:
        entry = reused.get(a.slug)
        if entry is None:
            entry = (a.summary_digest, entry_json(a))
            changed.add(a.slug)
        fresh[a.slug] = entry
    changed |= gone
    if changed:
        memo.keep(fresh, changed)
    return [text for _, text in fresh.values()]


def _entry_of(found: object, digest: str) -> bool:
    """`found` is an entry kept for a summary of this digest (anything else is made again)."""
    return type(found) is tuple and len(found) == 2 and found[0] == digest and type(found[1]) is str
