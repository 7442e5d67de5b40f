"""JSON-LD: the structured data a page embeds about its article (schema.org).

Pages put one object, a list of objects, or an `@graph` of objects that point
at each other by `@id` (the article's author and image are often references).
`find_article_json_ld` returns the article object with those references
resolved; the other functions read its fields as plain text.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from typing import Any

ARTICLE_TYPES = frozenset(
    (
        "NewsArticle",
        "Article",
        "ReportageNewsArticle",
        "AnalysisNewsArticle",
        "OpinionNewsArticle",
        "ReviewNewsArticle",
        "BackgroundNewsArticle",
        "AskPublicNewsArticle",
        "SatiricalArticle",
        "BlogPosting",
        "LiveBlogPosting",
        "Report",
        "TechArticle",
    )
)
_SPACE = re.compile(r"\s+")
_MARKUP_TAG = re.compile(r"<[^>]{0,1000}>")


def find_article_json_ld(sources: list[str], problems: list[str]) -> dict[str, Any]:
    """The article object of the page's JSON-LD blocks, or {} if there is none.

    A block that is not valid JSON is skipped and noted in `problems`.
    """
    found: list[dict[str, Any]] = []
    graph: dict[str, dict[str, Any]] = {}
    for number, source in enumerate(sources, 1):
        try:
            data = json.loads(source, strict=False)
        except json.JSONDecodeError as error:
            problems.append(
                f"JSON-LD block {number} ignored: {error.msg} (its line {error.lineno})"
            )
            continue
        for item in _items(data):
            if isinstance(item.get("@id"), str):
                graph[item["@id"]] = item
            if article_type(item):
                found.append(item)
    if not found:
        return {}
    best = dict(sorted(found, key=_rank)[0])
    for key in ("author", "image", "publisher"):
        best[key] = _resolve(best.get(key), graph)
    return best


def _rank(item: dict[str, Any]) -> int:
    """News articles first, then other articles with a headline, then the rest."""
    if any(name.endswith("NewsArticle") for name in ld_types(item)):
        return 0
    return 1 if "headline" in item else 2


def _items(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _items(item)
    elif isinstance(data, dict):
        yield data
        if "@graph" in data:
            yield from _items(data["@graph"])


def ld_types(item: dict[str, Any]) -> list[str]:
    kind = item.get("@type")
    names = kind if isinstance(kind, list) else [kind]
    return [str(name).rsplit("/", 1)[-1] for name in names if name]


def article_type(item: dict[str, Any]) -> str | None:
    return next((name for name in ld_types(item) if name in ARTICLE_TYPES), None)


def _resolve(value: Any, graph: dict[str, dict[str, Any]]) -> Any:
    """Replace {"@id": ...} references by the @graph objects they name."""
    if isinstance(value, list):
        return [_resolve(item, graph) for item in value]
    if isinstance(value, dict) and set(value) == {"@id"}:
        return graph.get(str(value["@id"]), value)
    return value


def ld_text(value: Any) -> str | None:
    """A field as one line of plain text: first of a list, `name` of an object."""
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name") or value.get("@value")
    if not isinstance(value, str | int | float) or isinstance(value, bool):
        return None
    text = str(value)
    if "<" in text or "&" in text:
        text = html.unescape(_MARKUP_TAG.sub(" ", text))
    text = _SPACE.sub(" ", text).strip()
    return text or None


def ld_author_names(ld: dict[str, Any]) -> list[str]:
    """The names of the article's authors that are people (not organisations or URLs)."""
    authors = ld.get("author")
    names: list[str] = []
    for author in authors if isinstance(authors, list) else [authors]:
        if isinstance(author, dict) and "Organization" in ld_types(author):
            continue
        name = ld_text(author)
        if name and not name.startswith("http"):
            names.append(name)
    return names


def ld_image_credit(ld: dict[str, Any]) -> str | None:
    image = ld.get("image")
    image = image[0] if isinstance(image, list) and image else image
    if not isinstance(image, dict):
        return None
    for key in ("creditText", "copyrightHolder", "author", "creator"):
        credit = ld_text(image.get(key))
        if credit:
            return credit
    return None


def ld_keywords(ld: dict[str, Any]) -> list[str]:
    keywords = ld.get("keywords")
    if isinstance(keywords, list):
        return [str(k) for k in keywords if isinstance(k, str | int)]
    return keywords.split(",") if isinstance(keywords, str) else []
