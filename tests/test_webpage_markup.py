"""What the markup stage cuts before the tree is built, and what it leaves to the tree."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from newsgen.webpage.blocks import collect_blocks
from newsgen.webpage.furniture import cut_furniture, find_elements
from newsgen.webpage.markup import (
    PageTreeBuilder,
    drop_space_before_blocks,
    parse_page,
    paused_collector,
)

PAGE = (
    '<html><head><title>Ferry fares</title></head><body><article class="story main">'
    "<p>The ferry operator raised its fares by a fifth on Monday, citing fuel costs.</p>"
    "</article></body></html>"
)


@pytest.mark.parametrize("enabled", [True, False], ids=["collector-on", "collector-off"])
def test_parsing_leaves_the_collector_as_it_found_it(enabled: bool) -> None:
    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        with paused_collector():
            assert not gc.isenabled()
        parse_page(PAGE)
        assert gc.isenabled() is enabled
    finally:
        gc.enable() if was else gc.disable()


def test_class_values_stay_one_string() -> None:
    article = parse_page(PAGE).find("article")
    assert article is not None
    assert article.attrs["class"] == "story main"


NAV = '<nav class="site-menu"><ul><li><a href="/news">News</a></li><li>Sport</li></ul></nav>'
STORY = "<p>The ferry operator raised its fares by a fifth on Monday, citing fuel costs.</p>"


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        (f"<body>{NAV}{STORY}</body>", f"<body> {STORY}</body>"),
        (
            f'<body><nav id="top">{NAV}<a href="/">Home</a></nav>{STORY}</body>',
            f"<body> {STORY}</body>",
        ),
        (
            '<nav><meta itemprop="datePublished" content="2024-03-01">'
            '<script type="application/ld+json">{"@type":"BreadcrumbList"}</script>'
            "<a href='/'>Home</a></nav>",
            '<meta itemprop="datePublished" content="2024-03-01">'
            '<script type="application/ld+json">{"@type":"BreadcrumbList"}</script> ',
        ),
        (f"<body><navigation-bar>Menu</navigation-bar>{STORY}</body>", None),
        (f"<body><nav><a href='/'>Home</a>{STORY}</body>", None),
        (f"<body><nav><article>{STORY}</article></nav></body>", None),
        (f"<body><nav><h1>The Kesworth Gazette</h1></nav>{STORY}</body>", None),
        (f"<body><nav>{STORY * 3}</nav></body>", None),
        (f"<body></nav>{NAV}{STORY}</body>", f"<body></nav> {STORY}</body>"),
    ],
    ids=[
        "menu-cut",
        "nested-navs-cut-whole",
        "json-ld-and-metas-kept",
        "custom-element-kept",
        "unclosed-kept",
        "holding-an-article-kept",
        "holding-the-site-h1-kept",
        "holding-paragraphs-kept",
        "stray-closer-skipped",
    ],
)
def test_navigation_is_cut_before_parsing(markup: str, expected: str | None) -> None:
    assert cut_furniture(markup) == (markup if expected is None else expected)


SITE_HEADER = (
    '<header class="masthead"><a href="/">The Kesworth Gazette</a><form>Search</form></header>'
)
SITE_FOOTER = '<footer><ul><li><a href="/about">About us</a></li></ul><p>(c) Kesworth</p></footer>'
RELATED = '<aside class="rail"><h2>Most read</h2><ul><li><a href="/a">Flood</a></li></ul></aside>'


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        (f"<body>{SITE_HEADER}{STORY}{SITE_FOOTER}</body>", f"<body> {STORY} </body>"),
        (
            f"<body><article>{STORY}{RELATED}</article></body>",
            f"<body><article>{STORY} </article></body>",
        ),
        (
            "<header><h1>Ferry fares rise by a fifth</h1></header>",
            None,
        ),
        (
            '<header><p class="byline">By Ada Byrne</p><time datetime="2024-03-01">1 March</time>'
            "</header>",
            None,
        ),
        ('<footer class="node__meta">Submitted by Tomasz Wrona</footer>', None),
        ('<aside class="author-bio">Ada Byrne covers transport.</aside>', None),
        ('<header><p class="standfirst">Fuel costs are blamed.</p></header>', None),
        (
            "<aside><figure><figcaption>The pier. Photo: L. Fischer</figcaption></figure></aside>",
            None,
        ),
        (f"<aside>{STORY * 3}</aside>", None),
        (f"<body><header>{SITE_HEADER}{NAV}</header>{STORY}</body>", f"<body> {STORY}</body>"),
        (
            f'<header><h1>Ferry fares</h1>{NAV}<span itemprop="author">Ada Byrne</span></header>',
            '<header><h1>Ferry fares</h1> <span itemprop="author">Ada Byrne</span></header>',
        ),
    ],
    ids=[
        "site-header-and-footer-cut",
        "related-aside-cut",
        "header-with-headline-kept",
        "header-with-byline-and-date-kept",
        "footer-with-submitted-by-kept",
        "aside-with-author-kept",
        "header-with-standfirst-kept",
        "aside-with-figure-kept",
        "aside-with-paragraphs-kept",
        "nested-furniture-cut-whole",
        "nav-cut-from-a-kept-header",
    ],
)
def test_bare_furniture_is_cut_before_parsing(markup: str, expected: str | None) -> None:
    assert cut_furniture(markup) == (markup if expected is None else expected)


def test_navigation_cut_leaves_no_menu_text_in_the_tree() -> None:
    soup = parse_page(f"<html><body>{NAV}<article>{STORY}</article></body></html>")
    text = soup.get_text(" ")
    assert "Sport" not in text
    assert "fuel costs" in text


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        ("<ul>\n  <li>One</li>\n  <li>Two</li>\n</ul>", "<ul><li>One</li><li>Two</li></ul>"),
        ("<div>\n\t<p>Text</p>\r\n</div>", "<div><p>Text</p></div>"),
        ("<tr> <td>1</td> <th>2</th> </tr>", "<tr><td>1</td><th>2</th></tr>"),
        ('<a href="/a">Ferry</a> <a href="/b">fares</a>', None),
        ("<p><b>Ferry</b> <i>fares</i></p>", "<p><b>Ferry</b> <i>fares</i></p>"),
        ("<p>Fares rise <span>today</span></p> ", None),
        ("<param>  <pre>x</pre>", "<param><pre>x</pre>"),
        ("<span>x</span> <parameter>y</parameter>", None),
        ("<p>\u00a0</p>\u00a0<p>", None),
    ],
    ids=[
        "list-indentation",
        "tabs-and-crlf",
        "table-cells",
        "between-links-kept",
        "between-inline-kept",
        "text-untouched",
        "before-pre",
        "unknown-element-not-p",
        "no-break-space-kept",
    ],
)
def test_spaces_before_blocks_are_dropped(markup: str, expected: str | None) -> None:
    assert drop_space_before_blocks(markup) == (markup if expected is None else expected)


def test_dropped_spaces_leave_words_apart() -> None:
    soup = parse_page(
        "<html>\n<body>\n<article>\n  <p>Ferry <a href='/f'>fares</a> <b>rise</b>\n</p>\n"
        "  <ul>\n    <li><a href='/1'>One</a> <a href='/2'>two</a></li>\n  </ul>\n"
        "</article>\n</body>\n</html>"
    )
    assert [block.text for block in collect_blocks(soup).blocks] == ["Ferry fares rise", "One two"]


PAGES = Path(__file__).parent / "pages"


@pytest.mark.parametrize("name", sorted(p.name for p in PAGES.glob("*.html")))
def test_page_tree_builder_builds_the_stock_builders_tree(name: str) -> None:
    markup = (PAGES / name).read_text(encoding="utf-8")
    stock = BeautifulSoup(markup, "lxml", multi_valued_attributes=None)
    ours = BeautifulSoup(markup, builder=PageTreeBuilder())
    assert ours.decode() == stock.decode()


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        ("<nav><nav></nav></nav>", [("nav", 0, 5, 22), ("nav", 5, 10, 16)]),
        ("<aside><nav></nav>", [("nav", 7, 12, 18)]),
        ("</footer><footer id='f'></footer>", [("footer", 9, 24, 33)]),
        ("<header><aside></header></aside>", [("header", 0, 8, 24), ("aside", 8, 15, 32)]),
        ("<NAV class=x></Nav >", [("nav", 0, 13, 20)]),
    ],
    ids=["nested", "unclosed-outer", "stray-closer", "crossed", "upper-case"],
)
def test_furniture_elements_are_paired_in_one_pass(
    markup: str, expected: list[tuple[str, int, int, int]]
) -> None:
    assert find_elements(markup) == expected


@pytest.mark.parametrize(
    ("depth", "menu_cut"), [(3, True), (40, False)], ids=["shallow", "past-the-budget"]
)
def test_deep_nesting_past_the_look_budget_is_left_in_place(depth: int, menu_cut: bool) -> None:
    markup = "<aside><p>One.</p><p>Two.</p><p>Three.</p>" * depth
    markup += "<nav><a href='/'>Home</a></nav>" + "</aside>" * depth
    assert ("Home" not in cut_furniture(markup)) is menu_cut
