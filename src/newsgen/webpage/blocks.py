"""A page's text as a flat list of blocks, each knowing the elements around it.

One walk over the tree turns every run of inline text into a `Block`: its text,
how much of it is link text, what kind of block it is, and the block-level
elements that enclose it. Elements that cannot hold article text (forms'
controls, hidden elements, media) are skipped on the way; elements whose
markup suggests boilerplate (share bars, related links, comments, ...) are
only marked, because a page can wrap its whole article in one of them and the
body stage decides with the text in hand.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from bs4 import BeautifulSoup
from bs4.element import (
    Comment,
    Declaration,
    Doctype,
    NavigableString,
    PageElement,
    ProcessingInstruction,
    Tag,
)

from newsgen.article import BlockKind

BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "caption",
        "center",
        "dd",
        "details",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hgroup",
        "hr",
        "html",
        "li",
        "main",
        "menu",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "tfoot",
        "thead",
        "tr",
        "ul",
    ]
)
CELL_TAGS = frozenset(("td", "th"))
HEADING_TAGS = frozenset(["h1", "h2", "h3", "h4", "h5", "h6"])
SKIPPED_TAGS = frozenset(
    [
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "math",
        "canvas",
        "iframe",
        "object",
        "embed",
        "video",
        "audio",
        "picture",
        "img",
        "source",
        "track",
        "map",
        "area",
        "button",
        "input",
        "select",
        "option",
        "textarea",
        "label",
        "title",
        "meta",
        "link",
        "base",
        "dialog",
        # AMP's ad slots, share buttons, analytics and navigation drawer.
        "amp-ad",
        "amp-embed",
        "amp-sticky-ad",
        "amp-analytics",
        "amp-social-share",
        "amp-sidebar",
        "amp-consent",
    ]
)
# Elements that are page furniture by their very name.
FURNITURE_TAGS = frozenset(["nav", "aside", "footer", "header", "figure", "figcaption", "form"])

# Words in class/id values that mark boilerplate, matched against the whole words of
# the value ("share-bar" -> "share", "bar"; "relatedLinks" -> "related", "links"):
# exact words, and stems that also cover compounds ("relatedposts", "sharedaddy").
BOILERPLATE_WORDS = frozenset(
    (
        *("ad", "ads", "adv", "adslot", "dfp", "optin", "gdpr", "privacy", "rail", "nav"),
        *("menu", "submenu", "pager", "colophon", "mostread", "replies", "discussion"),
        *("author", "authors", "bio", "contributor", "dateline", "timestamp"),
        *("tags", "tag", "taglist", "topics", "keywords", "modal", "banner"),
        *("hidden", "hide", "visually", "sronly", "offscreen", "print", "skip", "jump"),
        *("disclaimer", "donate", "donation", "paywall"),
    )
)
# Whole class/id values that name the article's own text ("article-body", "entry-content").
ARTICLE_BODY_WORDS = frozenset(
    (
        *("articlebody", "articletext", "articlecontent", "articlebodytext", "storybody"),
        *("storytext", "storycontent", "entrycontent", "entrybody", "postcontent", "postbody"),
        *("bodytext", "richtextarticlebody", "richtextbody", "contentbody", "maintext"),
    )
)
BOILERPLATE_STEMS = re.compile(
    r"related|recommend|share|sharing|social|comment|newsletter|subscri|signup|sidebar"
    r"|widget|promo|advert|sponsor|cookie|consent|breadcrumb|outbrain|taboola|footer"
    r"|byline|caption|credit|disqus|popular|trending|recirc|navigation|navbar|pagination"
    r"|masthead|toolbar|popup|overlay|lightbox"
)
# The few that also mark inline elements (a hidden label, an inline ad slot).
INLINE_BOILERPLATE_WORDS = frozenset(
    (
        *("ad", "ads", "advert", "advertisement", "dfp", "share", "sharing", "social"),
        *("promo", "hidden", "visually", "sronly", "offscreen"),
    )
)
_WORD = re.compile(r"[a-z0-9]+")
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_SPACE = re.compile(r"\s+")
_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n")
_NOT_TEXT = (Comment, Declaration, Doctype, ProcessingInstruction)
# What leaving an element means to the walk.
_STAYS, _ENDS_LINK, _ENDS_BLOCK = 0, 1, 2


@dataclass(frozen=True, slots=True)
class Block:
    """A run of text between block boundaries, with the elements that enclose it."""

    text: str
    kind: BlockKind
    link_chars: int
    path: tuple[Tag, ...]
    heading_level: int = 0

    @property
    def link_density(self) -> float:
        return self.link_chars / len(self.text) if self.text else 0.0


@dataclass(frozen=True, slots=True)
class PageBlocks:
    blocks: tuple[Block, ...]
    # Block-level elements whose tag or class/id suggests boilerplate.
    marked: frozenset[int]
    # Block-level elements whose class/id or itemprop names the article's text.
    article_bodies: frozenset[int] = frozenset()


@dataclass(frozen=True, slots=True)
class Hints:
    """What an element's class and id values say about it."""

    words: frozenset[str]
    boilerplate: bool = False
    article_body: bool = False
    inline_boilerplate: bool = False


NO_HINTS = Hints(frozenset())
_hint_cache: dict[str, Hints] = {}


def hints_of(tag: Tag) -> Hints:
    """The hints of an element's class and id values (computed once per distinct value)."""
    attrs = tag.attrs
    classes = attrs.get("class")
    ident = attrs.get("id")
    if not classes and not ident:
        return NO_HINTS
    value = " ".join(classes) if isinstance(classes, list) else str(classes or "")
    if ident:
        value = f"{value} {ident}"
    hints = _hint_cache.get(value)
    if hints is None:
        hints = _read_hints(value)
        if len(_hint_cache) < 50_000:
            _hint_cache[value] = hints
    return hints


def _read_hints(value: str) -> Hints:
    split = _WORD.findall(_CAMEL.sub(" ", value).lower())
    joined = ("".join(_WORD.findall(token.lower())) for token in value.split())
    words = frozenset((*split, *joined))
    return Hints(
        words,
        boilerplate=not words.isdisjoint(BOILERPLATE_WORDS)
        or any(BOILERPLATE_STEMS.match(word) for word in words),
        article_body=not words.isdisjoint(ARTICLE_BODY_WORDS),
        inline_boilerplate=not words.isdisjoint(INLINE_BOILERPLATE_WORDS),
    )


def hint_words(tag: Tag) -> frozenset[str]:
    """The words of the element's class and id values, split and whole.

    "relatedLinks" -> related, links, relatedlinks; "article-body" -> article, body,
    articlebody.
    """
    return hints_of(tag).words


def has_boilerplate_hint(tag: Tag) -> bool:
    """Whether the element's class or id names boilerplate (share, related, ...)."""
    return hints_of(tag).boilerplate


def is_article_body(tag: Tag) -> bool:
    """Whether the element's markup names it the article's text (itemprop, class, id)."""
    return tag.attrs.get("itemprop") == "articleBody" or hints_of(tag).article_body


def is_hidden(tag: Tag) -> bool:
    attrs = tag.attrs
    if "hidden" in attrs or attrs.get("aria-hidden") == "true":
        return True
    style = attrs.get("style")
    if isinstance(style, str) and "none" in style:
        compact = style.replace(" ", "").lower()
        return "display:none" in compact or "visibility:hidden" in compact
    return False


def collect_blocks(soup: BeautifulSoup) -> PageBlocks:
    """Every block of text of the page, in document order.

    The walk starts at the root, not at <body>: lxml's parser, which predates HTML5,
    leaves elements it does not know (<article>, <main>) in <head> when a page has
    no <body> tag. <head>'s own elements (title, meta, link, ...) are skipped.
    """
    root = soup
    collector = _Collector()
    collector.walk(root)
    return PageBlocks(
        tuple(collector.blocks), frozenset(collector.marked), frozenset(collector.article_bodies)
    )


class _Collector:
    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.marked: set[int] = set()
        self.article_bodies: set[int] = set()
        self.path: list[Tag] = []
        self.parts: list[str] = []
        self.link_chars = 0

    def walk(self, root: Tag) -> None:
        # An explicit stack of open elements, each with the iterator over its children
        # and what leaving it means (a block ends, a link ends): broken pages can nest
        # elements deeper than recursion allows.
        stack: list[tuple[Iterator[PageElement], int]] = [(iter(root.contents), _STAYS)]
        parts = self.parts
        link_depth = 0
        while stack:
            children, leaving = stack[-1]
            for node in children:
                if isinstance(node, NavigableString):
                    if type(node) is NavigableString or not isinstance(node, _NOT_TEXT):
                        parts.append(node)
                        if link_depth:
                            self.link_chars += len(node.strip())
                    continue
                if not isinstance(node, Tag):
                    continue
                name = node.name
                if name in SKIPPED_TAGS or (node.attrs and is_hidden(node)):
                    continue
                if name == "br":
                    parts.append("\n")
                    continue
                if name in CELL_TAGS:
                    # A table row reads as one line: its cells are spaced, not split.
                    parts.append(" ")
                hints = hints_of(node)
                if name in BLOCK_TAGS:
                    self.flush()
                    self.path.append(node)
                    if name in FURNITURE_TAGS or hints.boilerplate:
                        self.marked.add(id(node))
                    if hints.article_body or node.attrs.get("itemprop") == "articleBody":
                        self.article_bodies.add(id(node))
                    stack.append((iter(node.contents), _ENDS_BLOCK))
                    break
                if hints.inline_boilerplate:
                    continue
                if name == "a":
                    link_depth += 1
                    stack.append((iter(node.contents), _ENDS_LINK))
                    break
                if node.contents:
                    stack.append((iter(node.contents), _STAYS))
                    break
            else:
                stack.pop()
                if leaving == _ENDS_BLOCK:
                    self.flush()
                    self.path.pop()
                elif leaving == _ENDS_LINK:
                    link_depth -= 1
        self.flush()

    def flush(self) -> None:
        if not self.parts:
            return
        raw = "".join(self.parts)
        link_chars = self.link_chars
        self.parts.clear()
        self.link_chars = 0
        if not raw.strip():
            return
        path = tuple(self.path)
        kind, level = _kind_of(path)
        pieces = _PARAGRAPH_BREAK.split(raw) if "\n" in raw else [raw]
        texts = [t for t in (_SPACE.sub(" ", p).strip() for p in pieces) if t]
        total = sum(len(t) for t in texts) or 1
        for text in texts:
            share = round(link_chars * len(text) / total)
            self.blocks.append(Block(text, kind, min(share, len(text)), path, level))


def _kind_of(path: tuple[Tag, ...]) -> tuple[BlockKind, int]:
    owner = path[-1].name if path else ""
    if owner in HEADING_TAGS:
        return BlockKind.HEADING, int(owner[1])
    names = {tag.name for tag in path}
    if "blockquote" in names:
        return BlockKind.BLOCKQUOTE, 0
    if "li" in names:
        return BlockKind.LIST_ITEM, 0
    return BlockKind.PARAGRAPH, 0
