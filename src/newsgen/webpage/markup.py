"""From a page's text to a parsed tree, refusing what is not a web page.

Scripts, styles, inline SVG and comments carry no article text; they are cut
out with one linear regular-expression pass before parsing (JSON-LD scripts are
kept: they hold the page's metadata). That pass keeps parsing fast and lets the
size limit apply to markup rather than to inline code or images. A second pass
cuts page furniture (`furniture.py`), a third pass the spaces between blocks.

BeautifulSoup builds the tree with lxml behind it: on the 72 pages of the
extraction development set it builds trees 1.45x as fast as Python's
`html.parser` (36 against 25 pages per second) and repairs broken markup the
way browsers do. `PageTreeBuilder` is BeautifulSoup's own lxml builder less its
XML namespace work, and the tree is built with the cycle collector paused.
Where the time of reading a dev page went before and after these steps (CPU
time a page, `tests/bench/eval_extraction.py`): 24 ms with the tree 60% of it;
about 10 ms, the tree (4.5 ms) still the largest part.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from bs4 import BeautifulSoup
from bs4.builder._lxml import LXMLTreeBuilder

from newsgen.webpage.blocks import BLOCK_TAGS, CELL_TAGS
from newsgen.webpage.furniture import cut_furniture

# Markup left after scripts and styles are cut; a real article page has far less.
MAX_MARKUP_CHARS = 6_000_000

_NON_TEXT_OPENER = re.compile(r"<(script|style|svg|noscript|template|math)\b([^>]*)>|<!--", re.I)
# Empty elements that never hold text: cut before parsing, they only cost tree nodes.
_VOID_NON_TEXT = re.compile(r"<(?:img|link|source|input|wbr|track|area|col|param)\b[^>]*>", re.I)
_CLOSERS = {
    name: re.compile(rf"</{name}\s*>", re.I)
    for name in ("script", "style", "svg", "noscript", "template", "math")
}
_HTML_SIGN = re.compile(
    r"<(?:!doctype\s+html|html|head|body|title|meta|div|p|article|main|section|span|h[1-6]|a\s)\b",
    re.I,
)
# Spaces between a tag and the next block's tag (or <head>'s own): the block stage
# splits text there anyway, so they would only become whitespace nodes of the tree
# (two in five of its nodes on the dev pages). Before an inline tag they are kept.
_SPACE_BEFORE_BLOCK = re.compile(
    r">[ \t\r\n\f]+<(?=/?(?:{})[\s/>])".format(
        "|".join(sorted(BLOCK_TAGS | CELL_TAGS | {"head", "title"}, key=len, reverse=True))
    ),
    re.I,
)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")


class NotAPage(ValueError):
    """The text is not a web page the reader can use; the message says why."""


def strip_non_text(text: str) -> str:
    """The page without scripts (other than JSON-LD), styles, SVG, comments and images.

    One pass from left to right: each opener's closer is searched once, and an
    element or comment left open runs to the end of the page, as in browsers.
    """
    kept: list[str] = []
    position = 0
    while (opener := _NON_TEXT_OPENER.search(text, position)) is not None:
        kept.append(text[position : opener.start()])
        name = opener.group(1)
        if name is None:
            close = text.find("-->", opener.end())
            end = len(text) if close < 0 else close + 3
        else:
            closer = _CLOSERS[name.lower()].search(text, opener.end())
            end = len(text) if closer is None else closer.end()
            if name.lower() == "script" and "ld+json" in opener.group(2).lower():
                kept.append(text[opener.start() : end])
        kept.append(" ")
        position = end
    kept.append(text[position:])
    return _VOID_NON_TEXT.sub("", "".join(kept))


def drop_space_before_blocks(markup: str) -> str:
    """The markup without the spaces between a tag and a following block-level tag."""
    return _SPACE_BEFORE_BLOCK.sub("><", markup)


def check_is_page(text: str) -> None:
    """Raise NotAPage for text that is empty, binary or JSON."""
    head = text[:4096].lstrip("\ufeff \t\r\n")
    if not head:
        raise NotAPage("the file is empty")
    if len(_CONTROL.findall(head)) > 8:
        raise NotAPage("binary data, not a web page")
    if head[0] in "{[":
        raise NotAPage("JSON data, not a web page (an .html file must hold HTML markup)")


def check_has_markup(markup: str) -> None:
    """Raise NotAPage for text without HTML elements (plain text saved as .html)."""
    if not _HTML_SIGN.search(markup, 0, 200_000):
        raise NotAPage(
            "no HTML markup: this looks like plain text saved as .html (rename it to .txt)"
        )


def parse_page(text: str) -> BeautifulSoup:
    """The parsed tree of a page, after cutting out what carries no text."""
    check_is_page(text)
    markup = drop_space_before_blocks(cut_furniture(strip_non_text(text)))
    check_has_markup(markup)
    if len(markup) > MAX_MARKUP_CHARS:
        megabytes = len(markup) / 1_000_000
        raise NotAPage(
            f"the page is too large to be an article ({megabytes:.1f} million characters "
            f"of markup; the limit is {MAX_MARKUP_CHARS // 1_000_000} million)"
        )
    with paused_collector():
        return BeautifulSoup(markup, builder=PageTreeBuilder())


class PageTreeBuilder(LXMLTreeBuilder):
    """BeautifulSoup's lxml tree builder, less the work an HTML page never needs.

    lxml's HTML parser reports no namespaces, so the XML namespace bookkeeping the
    stock builder does for every element (and its two extra copies of each
    element's attributes) is skipped: on the dev pages that is a fifth of the
    tree's build time, for the same tree. Attribute values stay strings ("class"
    is not split into a list, a sixth of the build time): the readers of class
    values split them themselves.
    """

    def __init__(self) -> None:
        super().__init__(multi_valued_attributes=None)

    def start(self, tag: str | bytes, attrib: Any, nsmap: Any = None) -> None:
        assert self.soup is not None and isinstance(tag, str)
        self.soup.handle_starttag(tag, None, None, dict(attrib))

    def end(self, tag: str | bytes) -> None:
        assert self.soup is not None and isinstance(tag, str)
        self.soup.handle_endtag(tag)


@contextmanager
def paused_collector() -> Iterator[None]:
    """Python's cycle collector held off while a page's tree is built or walked.

    A tree is tens of thousands of objects linked both ways; built with the collector
    on, they are scanned over and over as they are made (a third of the build time on
    the development pages). They are collected once, after the page is done.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
