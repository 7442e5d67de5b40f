"""Main-content extraction: which blocks of a page are the article's body.

The stages, in order (`extract_body` reads them top to bottom):
1. `collect_blocks` turns the page into text blocks with their enclosing elements.
2. `score_text` gives each block its weight as prose: long, sentence-like text with
   few links counts; link lists, labels and one-word lines count against.
3. `drop_marked` removes the blocks under elements marked as boilerplate (share
   bars, related links, comments, captions, ...) unless that element holds most
   of the page's prose, which means the page wraps its article in it.
4. `demote_teasers` takes the prose out of teaser cards: a linked title followed by
   a lone summary, the unit of "related", "more from" and section-front lists.
5. `start_at_headline` leaves out what comes before the article's own headline.
6. `choose_container` picks the element whose prose most outweighs its clutter:
   going up a level pulls in sidebars and link lists, going down loses paragraphs.
   `narrow_to_article_body` then prefers an element inside it that the page marks
   as its article body (itemprop=articleBody, "article-body", ...) if that holds
   nearly all of its prose.
7. `select_body` keeps the container's blocks from its first paragraph on, except
   link lists, with subheads, list items and quotes in place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from bs4 import BeautifulSoup

from newsgen.article import BlockKind, Paragraph
from newsgen.webpage.blocks import Block, collect_blocks

# How much a block's clutter counts against the prose of a candidate container.
CLUTTER_WEIGHT = 1.0
# Below this much prose there is no article on the page.
MIN_ARTICLE_CHARS = 200
# The share of the container's prose an element marked as the article body must hold.
ARTICLE_BODY_SHARE = 0.8
# A block with more of its text in links than this is navigation, not body.
MAX_LINK_DENSITY = 0.5
# Sentence-final punctuation, closing quotation marks (straight and curly) or an ellipsis.
_SENTENCE_END = re.compile(r"[.!?:;\"'\u201d\u2019)\u2026]\s*$")
_WORD = re.compile(r"\w+")
_CAPTION_CREDIT = re.compile(
    r"\((?:image|images|photo|photos|picture|pic)\s*:[^()]{1,60}\)\s*$", re.I
)
_BARE_NUMBER = re.compile(r"[\d\s:./,-]{1,20}")


@dataclass(frozen=True, slots=True)
class ScoredBlock:
    block: Block
    prose: float
    clutter: float
    # A teaser card's summary: never part of the body, whatever its container.
    teaser: bool = False


def score_text(block: Block) -> ScoredBlock:
    """How much a block reads as prose, and how much as page clutter."""
    length = len(block.text)
    density = block.link_density
    if density > MAX_LINK_DENSITY:
        # A long linked sentence (a digest item) is neither prose nor clutter.
        return ScoredBlock(block, 0.0, 0.0 if _is_linked_prose(block) else float(length))
    if block.kind is BlockKind.HEADING:
        return ScoredBlock(block, 0.0, 0.0)
    sentence = _SENTENCE_END.search(block.text) is not None
    if length >= 80 or (sentence and length >= 30):
        return ScoredBlock(block, length * (1.0 - density), 0.0)
    return ScoredBlock(block, 0.0, length * 0.5)


def drop_marked(scored: list[ScoredBlock], marked: frozenset[int]) -> list[ScoredBlock]:
    """Blocks outside marked boilerplate, keeping marked elements that hold the article."""
    total = sum(s.prose for s in scored) or 1.0
    prose_in: dict[int, float] = {}
    for item in scored:
        for tag in item.block.path:
            if id(tag) in marked:
                prose_in[id(tag)] = prose_in.get(id(tag), 0.0) + item.prose
    keep_marked = {key for key, prose in prose_in.items() if prose > 0.5 * total}
    dropped = marked - keep_marked
    return [s for s in scored if not any(id(tag) in dropped for tag in s.block.path)]


def demote_teasers(scored: list[ScoredBlock]) -> list[ScoredBlock]:
    """Turn the summary of each teaser card (linked title, then one summary) into clutter.

    A block's card is its nearest enclosing element that holds any other block. An
    article paragraph shares it with other paragraphs; a teaser's summary shares it
    only with its linked title.
    """
    blocks_in: dict[int, int] = {}
    prose_in: dict[int, int] = {}
    for item in scored:
        for tag in item.block.path:
            key = id(tag)
            blocks_in[key] = blocks_in.get(key, 0) + 1
            if item.prose:
                prose_in[key] = prose_in.get(key, 0) + 1
    result: list[ScoredBlock] = []
    previous_link: dict[int, int] = {}  # card id -> index of the last link block seen in it
    for index, item in enumerate(scored):
        block = item.block
        if item.prose == 0.0:
            if block.link_density > MAX_LINK_DENSITY:
                for tag in block.path:
                    previous_link[id(tag)] = index
            result.append(item)
            continue
        card = next((t for t in reversed(block.path) if blocks_in[id(t)] >= 2), None)
        if card is not None and prose_in[id(card)] == 1 and id(card) in previous_link:
            result.append(replace(item, prose=0.0, clutter=float(len(block.text)), teaser=True))
        else:
            result.append(item)
    return result


def start_at_headline(scored: list[ScoredBlock], headline: str | None) -> list[ScoredBlock]:
    """The blocks from the article's headline on, when the page shows it as a heading."""
    if not headline:
        return scored
    wanted = _WORD.findall(headline.casefold())
    for index, item in enumerate(scored):
        block = item.block
        if block.kind is BlockKind.HEADING and _WORD.findall(block.text.casefold()) == wanted:
            rest = scored[index:]
            if sum(s.prose for s in rest) >= MIN_ARTICLE_CHARS:
                return rest
            break
    return scored


def choose_container(scored: list[ScoredBlock]) -> tuple[int, float] | None:
    """The id of the element whose prose most outweighs its clutter, and its prose."""
    prose: dict[int, float] = {}
    clutter: dict[int, float] = {}
    for item in scored:
        for tag in item.block.path:
            key = id(tag)
            prose[key] = prose.get(key, 0.0) + item.prose
            clutter[key] = clutter.get(key, 0.0) + item.clutter
    best: int | None = None
    best_score = 0.0
    # Ancestors come first, so on a tie the deeper element wins.
    for key, value in prose.items():
        score = value - CLUTTER_WEIGHT * clutter[key]
        if best is None or score >= best_score:
            best, best_score = key, score
    return None if best is None else (best, prose[best])


def narrow_to_article_body(
    scored: list[ScoredBlock], container: int, article_bodies: frozenset[int]
) -> int:
    """The element inside `container` marked as the article's text, if it holds its prose.

    A page's furniture sometimes reads as prose (a fundraising appeal, a dek set as a
    paragraph); when the page names its article body and that element holds nearly
    all of the container's prose, the body is that element.
    """
    if not article_bodies:
        return container
    total = 0.0
    prose_in: dict[int, float] = {}
    for item in scored:
        keys = [id(tag) for tag in item.block.path]
        if container not in keys:
            continue
        total += item.prose
        for key in keys[keys.index(container) + 1 :]:
            if key in article_bodies:
                prose_in[key] = prose_in.get(key, 0.0) + item.prose
    if not prose_in:
        return container
    best = max(prose_in, key=lambda key: prose_in[key])
    return best if prose_in[best] >= ARTICLE_BODY_SHARE * total else container


def select_body(scored: list[ScoredBlock], container: int) -> list[Paragraph]:
    """The container's blocks from its first paragraph on, as paragraphs."""
    inside = [s for s in scored if any(id(tag) == container for tag in s.block.path)]
    kept: list[Paragraph] = []
    pending_heading: Paragraph | None = None
    for item in inside:
        block = item.block
        if item.teaser or (block.link_density > MAX_LINK_DENSITY and not _is_linked_prose(block)):
            continue
        if block.kind is BlockKind.HEADING:
            if block.heading_level > 1 and len(block.text) <= 200:
                pending_heading = Paragraph(block.text, BlockKind.HEADING)
            continue
        if not kept and item.prose == 0.0:
            continue  # bylines, dates and labels above the first paragraph
        if _BARE_NUMBER.fullmatch(block.text):
            continue  # a bare time or number ("08:10", "1/4")
        if len(block.text) < 300 and _CAPTION_CREDIT.search(block.text):
            continue  # an image caption closed by its credit: "The pier (Image: Getty)"
        if pending_heading is not None:
            kept.append(pending_heading)
            pending_heading = None
        kept.append(Paragraph(block.text, block.kind))
    return kept


def _is_linked_prose(block: Block) -> bool:
    """A long, sentence-like block whose words happen to be mostly links (a linked digest)."""
    return len(block.text) >= 150 and _SENTENCE_END.search(block.text) is not None


def extract_body(soup: BeautifulSoup, headline: str | None = None) -> list[Paragraph]:
    """The article's body blocks, or an empty list if the page holds no article."""
    page = collect_blocks(soup)
    scored = drop_marked([score_text(b) for b in page.blocks], page.marked)
    scored = start_at_headline(demote_teasers(scored), headline)
    chosen = choose_container(scored)
    if chosen is None or chosen[1] < MIN_ARTICLE_CHARS:
        return []
    return select_body(scored, narrow_to_article_body(scored, chosen[0], page.article_bodies))


def body_text(paragraphs: list[Paragraph]) -> str:
    return "\n\n".join(p.text for p in paragraphs)
