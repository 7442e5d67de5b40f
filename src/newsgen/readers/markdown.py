"""The reader of Markdown bodies (`.md`), usually under YAML front-matter.

The body is rendered with the `markdown` library, then its blocks become plain
text `Paragraph`s: `<p>` paragraph, `<h1>`-`<h6>` heading, text inside
`<blockquote>` blockquote, `<li>` list item. Inline markup is reduced to its
text and entities are decoded; raw HTML never comes through as markup, and the
contents of `<script>`, `<style>` and similar elements are dropped. A first
block that is a level-1 heading is the headline. Then the body stage (`body`)
takes out contributor lines and boilerplate as for raw text.
"""

from __future__ import annotations

import re
import threading
from html.parser import HTMLParser
from pathlib import Path

import markdown

from newsgen.article import BlockKind, Paragraph
from newsgen.body import assemble_article, clean_body
from newsgen.boilerplate import boilerplate_rules
from newsgen.readers import LoadedArticle, LoaderConfig
from newsgen.readers.decoding import decode_text

_DROPPED = frozenset({"script", "style", "template", "noscript", "iframe", "object", "svg"})
_BLOCKS = frozenset(
    {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "div", "pre", "ul", "ol",
     "table", "tr", "td", "th", "hr", "dl", "dt", "dd", "figure", "figcaption", "section"}
)  # fmt: skip
# A line break inside a block is a space; other spacing is kept as written.
_LINE_BREAKS = re.compile(r"[ \t]*\n[ \t]*")


def read_markdown_article(
    path: Path, data: bytes, config: LoaderConfig, given_headline: str | None = None
) -> LoadedArticle:
    """A Markdown article; its first `# heading` is the headline (front-matter's wins)."""
    text = decode_text(path, data)
    blocks = markdown_blocks(text)
    headline = ""
    if blocks and blocks[0][0] == "h1":
        headline = blocks.pop(0)[1].text
    body = clean_body([p for _, p in blocks], boilerplate_rules(config.extra_boilerplate))
    article = assemble_article(path, headline, body)
    return LoadedArticle(article)


_LOCAL = threading.local()


def _converter() -> markdown.Markdown:
    """One `Markdown` per thread, reused: building one costs more than converting a body."""
    converter: markdown.Markdown | None = getattr(_LOCAL, "converter", None)
    if converter is None:
        converter = _LOCAL.converter = markdown.Markdown()
    return converter


# Text in which Markdown finds nothing but paragraphs (most news bodies): no character
# that opens inline markup, entities or raw HTML, no tab, carriage return or control
# character (the library rewrites those), and no line that could open a block (heading,
# list, quote, indented code, rule, underlined heading). Such a text's blocks are its
# runs of non-blank lines, exactly as the library would give them (a test compares the
# two); anything else goes through the library.
_MARKUP_CHARS = re.compile(r"[*_`\[\]<>&\\\x00-\x09\x0b-\x1f\x7f\x85\u2028\u2029]")
_BLOCK_STARTS = re.compile(r"^(?:[ #>=+\-]|\d+[.)])", re.M)
_BLANK_LINES = re.compile(r"\n(?:\n)+")


def markdown_blocks(text: str) -> list[tuple[str, Paragraph]]:
    """The blocks of a Markdown text as (tag, plain-text paragraph) pairs, in order."""
    return plain_blocks(text) if is_plain_markdown(text) else library_blocks(text)


def is_plain_markdown(text: str) -> bool:
    """Markdown would find nothing but paragraphs in `text` (see `_MARKUP_CHARS`)."""
    return _MARKUP_CHARS.search(text) is None and _BLOCK_STARTS.search(text) is None


def plain_blocks(text: str) -> list[tuple[str, Paragraph]]:
    """The paragraphs of a text without Markdown markup (see `_MARKUP_CHARS`)."""
    blocks = []
    for block in _BLANK_LINES.split(text):
        paragraph = (_LINE_BREAKS.sub(" ", block) if "\n" in block else block).strip()
        if paragraph:
            blocks.append(("p", Paragraph(paragraph, BlockKind.PARAGRAPH)))
    return blocks


def library_blocks(text: str) -> list[tuple[str, Paragraph]]:
    """The blocks of any Markdown text, rendered by the `markdown` library."""
    collector = _BlockCollector()
    collector.feed(_converter().reset().convert(text))
    collector.close()
    return collector.blocks


class _BlockCollector(HTMLParser):
    """Walks rendered HTML, cutting a new paragraph at each block tag."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, Paragraph]] = []
        self._open: list[str] = []
        self._text: list[str] = []
        self._dropping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _DROPPED:
            self._dropping += 1
        elif tag in _BLOCKS:
            self._flush()
            self._open.append(tag)
        elif tag == "br":
            self._text.append(" ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self._text.append(" ")
        elif tag in _BLOCKS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in _DROPPED:
            self._dropping = max(0, self._dropping - 1)
        elif tag in _BLOCKS:
            self._flush()
            if tag in self._open:
                while self._open.pop() != tag:
                    pass

    def handle_data(self, data: str) -> None:
        if not self._dropping:
            self._text.append(data)

    def close(self) -> None:
        super().close()
        self._flush()

    def _flush(self) -> None:
        text = _LINE_BREAKS.sub(" ", "".join(self._text)).strip()
        self._text = []
        if text:
            tag = self._open[-1] if self._open else "p"
            self.blocks.append((tag, Paragraph(text, self._kind())))

    def _kind(self) -> BlockKind:
        if "li" in self._open:
            return BlockKind.LIST_ITEM
        if self._open and self._open[-1] in {"h1", "h2", "h3", "h4", "h5", "h6"}:
            return BlockKind.HEADING
        if "blockquote" in self._open:
            return BlockKind.BLOCKQUOTE
        return BlockKind.PARAGRAPH
