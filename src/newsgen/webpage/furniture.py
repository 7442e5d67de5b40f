"""Page furniture cut from the markup before the tree is built.

<nav>, and <header>, <footer> and <aside> that hold nothing later stages read,
are a third of a news page's elements and never its article; every element cut
here is one the tree builder need not make. The body stage would drop them
anyway (they are marked boilerplate by their names) unless one held most of the
page's prose, so an element is only cut when its markup shows it holds neither
the article nor anything the metadata stage reads. In doubt it stays, and the
tree and the body stage judge it. The JSON-LD and <meta>s inside are kept.
"""

from __future__ import annotations

import re

FURNITURE_CUT = ("nav", "header", "footer", "aside")
_EDGE = re.compile(rf"<(/?)({'|'.join(FURNITURE_CUT)})(?=[\s>/])[^>]*>", re.I)
# Signs, in lower case, that an element holds the article or its metadata: its
# headline, body, date, lead figure, microdata, or byline, dek or kicker markup.
ARTICLE_SIGNS = ("<article", "<main", "<h1", "articlebody")
METADATA_SIGNS = (
    *("<time", "<figure", "itemprop", "author", "byline", "contributor", "writer"),
    *("submitted", "dek", "standfirst", "subhead", "subtitle", "summary", "lede"),
    *("kicker", "eyebrow", "overline"),
)
# More paragraphs than this and an element may be the article wrapped in furniture.
MAX_PARAGRAPHS = 2
_KEPT = re.compile(r"<script\b[^>]*>.*?</script\s*>|<meta\b[^>]*>", re.I | re.S)


def cut_furniture(markup: str) -> str:
    """The markup without its bare furniture; nested elements go with their outer one.

    <nav> is always page furniture; a <header>, <footer> or <aside> stays if it
    holds anything the metadata stage reads (an article's header with its date and
    byline, a footer with its author). Any of them stays when it is left open or
    shows signs of holding the article.
    """
    kept: list[str] = []
    position = search_from = 0
    while (opener := _EDGE.search(markup, search_from)) is not None:
        search_from = opener.end()
        if opener.group(1):
            continue  # a stray closer
        name = opener.group(2).lower()
        end = find_end(markup, name, opener.end())
        if end is None or not is_bare(name, markup[opener.start() : end].lower()):
            continue
        kept.append(markup[position : opener.start()])
        kept.extend(m.group(0) for m in _KEPT.finditer(markup, opener.end(), end))
        kept.append(" ")
        position = search_from = end
    kept.append(markup[position:])
    return "".join(kept)


def find_end(markup: str, name: str, start: int) -> int | None:
    """Where the element whose content starts at `start` ends, counting nested ones."""
    depth = 1
    for edge in _EDGE.finditer(markup, start):
        if edge.group(2).lower() == name:
            depth += -1 if edge.group(1) else 1
            if depth == 0:
                return edge.end()
    return None


def is_bare(name: str, element: str) -> bool:
    """Whether an element (its markup in lower case) holds nothing later stages need."""
    if any(sign in element for sign in ARTICLE_SIGNS):
        return False
    if element.count("<p>") + element.count("<p ") > MAX_PARAGRAPHS:
        return False
    return name == "nav" or not any(sign in element for sign in METADATA_SIGNS)
