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
# How many times over the page's length the cut may look at markup (nested elements
# are looked at again); a page of broken nesting cannot make it slow.
LOOK_BUDGET = 8
_KEPT = re.compile(r"<script\b[^>]*>.*?</script\s*>|<meta\b[^>]*>", re.I | re.S)


def cut_furniture(markup: str) -> str:
    """The markup without its bare furniture; nested elements go with their outer one.

    <nav> is always page furniture; a <header>, <footer> or <aside> stays if it
    holds anything the metadata stage reads (an article's header with its date and
    byline, a footer with its author). Any of them stays when it is left open or
    shows signs of holding the article. The work is linear in the page's length,
    however broken its nesting: past a budget of markup looked at, the rest stays.
    """
    kept: list[str] = []
    position = 0
    budget = LOOK_BUDGET * len(markup)
    for name, start, content_start, end in find_elements(markup):
        if start < position:
            continue  # inside an element already cut
        budget -= end - start
        if budget < 0:
            break
        if not is_bare(name, markup[start:end].lower()):
            continue
        kept.append(markup[position:start])
        kept.extend(m.group(0) for m in _KEPT.finditer(markup, content_start, end))
        kept.append(" ")
        position = end
    kept.append(markup[position:])
    return "".join(kept)


def find_elements(markup: str) -> list[tuple[str, int, int, int]]:
    """The closed furniture elements: (name, start, content start, end), in page order.

    One pass pairs each closer with the latest open element of its name; an opener
    never closed, and a closer with nothing open, pair with nothing.
    """
    open_by_name: dict[str, list[tuple[int, int]]] = {name: [] for name in FURNITURE_CUT}
    found: list[tuple[str, int, int, int]] = []
    for edge in _EDGE.finditer(markup):
        name = edge.group(2).lower()
        if not edge.group(1):
            open_by_name[name].append((edge.start(), edge.end()))
        elif open_by_name[name]:
            start, content_start = open_by_name[name].pop()
            found.append((name, start, content_start, edge.end()))
    found.sort(key=lambda element: element[1])
    return found


def is_bare(name: str, element: str) -> bool:
    """Whether an element (its markup in lower case) holds nothing later stages need."""
    if any(sign in element for sign in ARTICLE_SIGNS):
        return False
    if element.count("<p>") + element.count("<p ") > MAX_PARAGRAPHS:
        return False
    return name == "nav" or not any(sign in element for sign in METADATA_SIGNS)
