"""What a page says about its article: headline, dek, byline, date, credit, tags.

Pages say it several times over, in sources of different precision. Each field
takes the first answer from its sources, most specific first:

    headline  JSON-LD headline > og:title > the article's <h1> > twitter:title > <title>
    dek       dek markup > JSON-LD description > og:description > meta description
    byline    JSON-LD author > rel=author / itemprop=author > byline markup > meta author
    date      JSON-LD datePublished > article:published_time > date metas > <time datetime>
    credit    JSON-LD image credit > credit markup in the lead figure > its caption's credit
    tags      article:tag > JSON-LD keywords > news_keywords > keywords
    kicker    the JSON-LD type (Opinion, Analysis, Review, ...) > kicker markup

Front-matter wins over all of them (the loader applies it after the reader).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from bs4 import BeautifulSoup
from bs4.element import Tag

from newsgen.credits import parse_byline, parse_photo_credit, split_names
from newsgen.dates import parse_date
from newsgen.webpage.blocks import hint_words
from newsgen.webpage.jsonld import (
    article_type,
    find_article_json_ld,
    ld_author_names,
    ld_image_credit,
    ld_keywords,
    ld_text,
)
from newsgen.webpage.landmarks import Landmarks, find_landmarks

_KICKER_OF_TYPE = {
    "OpinionNewsArticle": "Opinion",
    "AnalysisNewsArticle": "Analysis",
    "ReviewNewsArticle": "Review",
    "BackgroundNewsArticle": "Explainer",
    "SatiricalArticle": "Satire",
}
_DATE_METAS = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dc.date",
    "dcterms.created",
)
_AUTHOR_METAS = ("author", "article:author", "byl", "parsely-author", "sailthru.author")
_BYLINE_LEAD = re.compile(r"^(?:submitted|posted|written|words|story)\s+by\s+", re.I)
_BYLINE_TAIL = re.compile(r"\s+on\s+\w{3}.*$")
_CREDIT_WORDS = frozenset(("credit", "credits", "copyright", "photographer"))
_CREDIT_LABEL = re.compile(r"^(?:photo|image|picture)?\s*(?:credit)?\s*[:|]\s*", re.I)
_CAPTION_CREDIT = re.compile(
    r"(?:^|[.)]\s+)\(?(?:photo(?:graph)?|image|picture)(?:\s+credit)?\s*[:/]\s*"
    r"(?P<credit>[^()]{2,80}?)\)?\.?$",
    re.I,
)
# "Headline | Site", "Headline - Site" (also en and em dashes, bullets, middle dots).
_TITLE_SUFFIX = re.compile(
    r"\s+[|\u2013\u2014\u2022\u00b7:-]\s+[^|\u2013\u2014\u2022\u00b7]{2,60}$"
)


@dataclass(frozen=True, slots=True)
class PageMetadata:
    headline: str | None = None
    dek: str | None = None
    kicker: str | None = None
    byline: tuple[str, ...] = ()
    date: dt.datetime | None = None
    photo_credit: str | None = None
    tags: tuple[str, ...] = ()
    # The JSON-LD articleBody, when the page gives one: a fallback body.
    article_body: str | None = None
    # True when the page declares itself an article (JSON-LD type or og:type).
    declares_article: bool = False
    problems: tuple[str, ...] = ()


def read_metadata(soup: BeautifulSoup) -> PageMetadata:
    """Everything the page says about its article, each field from its best source."""
    marks = find_landmarks(soup)
    problems: list[str] = []
    ld = find_article_json_ld(marks.json_ld, problems)
    metas = marks.metas
    body = ld.get("articleBody")
    return PageMetadata(
        headline=first(
            ld_text(ld.get("headline")) or ld_text(ld.get("name")),
            metas.get("og:title"),
            tag_text(find_article_h1(marks)),
            metas.get("twitter:title"),
            strip_title_suffix(tag_text(marks.title)),
        ),
        dek=first(
            marked_text(marks.deks, 400),
            ld_text(ld.get("description")),
            metas.get("og:description"),
            metas.get("description"),
        ),
        kicker=first(_KICKER_OF_TYPE.get(article_type(ld) or ""), marked_text(marks.kickers, 30)),
        byline=read_byline(ld_author_names(ld), marks),
        date=first_date(
            ld_text(ld.get("datePublished")),
            *(metas.get(name) for name in _DATE_METAS),
            *marks.times,
        ),
        photo_credit=first(ld_image_credit(ld), read_figure_credit(marks.figures)),
        tags=read_tags(ld_keywords(ld), marks),
        article_body=body if isinstance(body, str) else None,
        declares_article=bool(ld) or metas.get("og:type", "").lower() == "article",
        problems=tuple(problems),
    )


def first(*values: str | None) -> str | None:
    return next((v for v in values if v), None)


def tag_text(tag: Tag | None) -> str | None:
    if tag is None:
        return None
    text = " ".join(tag.get_text(" ").split())
    return text or None


def find_article_h1(marks: Landmarks) -> Tag | None:
    """The first <h1> inside an <article> or <main>, else the page's first <h1>."""
    for h1 in marks.h1s:
        if h1.find_parent(("article", "main")) is not None:
            return h1
    return marks.h1s[0] if marks.h1s else None


def strip_title_suffix(title: str | None) -> str | None:
    """ "Headline | Site Name" -> "Headline"."""
    return _TITLE_SUFFIX.sub("", title) if title else None


def marked_text(tags: list[Tag], limit: int) -> str | None:
    """The text of the first marked element short enough to be what it is marked as."""
    for tag in tags:
        text = tag_text(tag)
        if text and len(text) <= limit:
            return text
    return None


def read_byline(ld_names: list[str], marks: Landmarks) -> tuple[str, ...]:
    """Author names from the best source that has any."""
    sources: list[list[str]] = [
        ld_names,
        [tag_text(tag.find(itemprop="name") or tag) or "" for tag in marks.authors],
        [tag_text(tag) or "" for tag in marks.bylines],
        [marks.metas.get(key, "") for key in _AUTHOR_METAS],
    ]
    for texts in sources:
        names: list[str] = []
        for text in texts:
            if text and len(text) <= 160 and not text.startswith("http"):
                names.extend(names_of(text))
        if names:
            return tuple(dict.fromkeys(names))
    return ()


def names_of(text: str) -> tuple[str, ...]:
    """The person names of a byline text, with or without its "By".

    "Submitted by NAME on DATE" and "Posted by NAME" read as "By NAME".
    """
    text = _BYLINE_LEAD.sub("By ", " ".join(text.split()), count=1)
    text = _BYLINE_TAIL.sub("", text)
    byline = parse_byline(text if text.lower().startswith("by ") else f"By {text}")
    if byline is not None and byline.names:
        return byline.names
    return split_names(text) or ()


def read_figure_credit(figures: list[Tag]) -> str | None:
    """The lead image's credit: credit markup in the first figure, or its caption's."""
    if not figures:
        return None
    figure = figures[0]
    for tag in figure.find_all(True):
        if not hint_words(tag).isdisjoint(_CREDIT_WORDS):
            text = tag_text(tag)
            if text and len(text) <= 120:
                return _CREDIT_LABEL.sub("", text) or None
    caption = tag_text(figure.find("figcaption") or figure)
    if not caption:
        return None
    credit = parse_photo_credit(caption)
    if credit is not None:
        return _CREDIT_LABEL.sub("", credit.credit) or None
    # "The pier at dawn. Photo: Lena Fischer" - a credit closing the caption.
    closing = _CAPTION_CREDIT.search(caption)
    return closing.group("credit").strip() if closing else None


def read_tags(ld_keywords: list[str], marks: Landmarks) -> tuple[str, ...]:
    tags = marks.article_tags or ld_keywords
    if not tags:
        text = marks.metas.get("news_keywords") or marks.metas.get("keywords")
        tags = text.split(",") if text else []
    cleaned = (" ".join(t.split()) for t in tags)
    return tuple(dict.fromkeys(t for t in cleaned if t and len(t) <= 60))


def first_date(*values: str | None) -> dt.datetime | None:
    """The first value that reads as a date (ISO 8601 or as papers print dates)."""
    for value in values:
        if not value:
            continue
        date = parse_iso_date(value.strip()) or parse_date(value)
        if date is not None:
            return date
    return None


def parse_iso_date(text: str) -> dt.datetime | None:
    """An ISO 8601 date or date-time, keeping its offset if it has one."""
    text = text[:-1] + "+00:00" if text.endswith(("Z", "z")) else text
    try:
        return dt.datetime.fromisoformat(text)
    except ValueError:
        return None
