"""One pass over a page collecting the elements its metadata is read from.

Searching the tree once per field costs more than parsing it; one walk over
every element gathers the metas, JSON-LD blocks, headings, `<time>`s, figures
and the elements whose class or id names a byline, a dek or a kicker.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bs4 import BeautifulSoup
from bs4.element import Tag

from newsgen.webpage.blocks import hint_words

BYLINE_WORDS = frozenset(
    ("byline", "bylines", "author", "authors", "writer", "contributor", "submitted")
)
DEK_WORDS = frozenset(
    ("dek", "deck", "standfirst", "subhead", "subheadline", "subtitle", "summary", "lede")
)
KICKER_WORDS = frozenset(("kicker", "eyebrow", "overline"))
# Enough of each kind of element: the article's own come early in the page.
_KEEP = 20


@dataclass(slots=True)
class Landmarks:
    """The elements of a page that metadata is read from (filled by `find_landmarks`)."""

    metas: dict[str, str] = field(default_factory=dict)
    article_tags: list[str] = field(default_factory=list)
    json_ld: list[str] = field(default_factory=list)
    title: Tag | None = None
    h1s: list[Tag] = field(default_factory=list)
    times: list[str] = field(default_factory=list)
    authors: list[Tag] = field(default_factory=list)
    bylines: list[Tag] = field(default_factory=list)
    deks: list[Tag] = field(default_factory=list)
    kickers: list[Tag] = field(default_factory=list)
    figures: list[Tag] = field(default_factory=list)


def find_landmarks(soup: BeautifulSoup) -> Landmarks:
    found = Landmarks()
    for node in soup.descendants:
        if isinstance(node, Tag):
            _note(found, node)
    return found


def _note(found: Landmarks, tag: Tag) -> None:
    name = tag.name
    attrs = tag.attrs
    if name == "meta":
        key = attrs.get("property") or attrs.get("name") or attrs.get("itemprop")
        content = attrs.get("content")
        if isinstance(key, str) and isinstance(content, str) and content.strip():
            key = key.strip().lower()
            found.metas.setdefault(key, " ".join(content.split()))
            if key == "article:tag":
                found.article_tags.append(content)
        return
    if name == "script":
        kind = attrs.get("type")
        if isinstance(kind, str) and "ld+json" in kind.lower():
            found.json_ld.append(tag.string or tag.get_text())
        return
    if name == "title" and found.title is None:
        found.title = tag
    elif name == "h1":
        found.h1s.append(tag)
    elif name == "time" and isinstance(attrs.get("datetime"), str) and len(found.times) < 5:
        found.times.append(str(attrs["datetime"]))
    elif name == "figure" and len(found.figures) < 3:
        found.figures.append(tag)
    if not attrs:
        return
    rel = attrs.get("rel")
    rels = rel.lower().split() if isinstance(rel, str) else rel if isinstance(rel, list) else ()
    if "author" in rels or attrs.get("itemprop") == "author":
        _keep(found.authors, tag)
    words = hint_words(tag)
    if words:
        if not words.isdisjoint(BYLINE_WORDS):
            _keep(found.bylines, tag)
        if not words.isdisjoint(DEK_WORDS):
            _keep(found.deks, tag)
        if not words.isdisjoint(KICKER_WORDS):
            _keep(found.kickers, tag)


def _keep(tags: list[Tag], tag: Tag) -> None:
    if len(tags) < _KEEP:
        tags.append(tag)
