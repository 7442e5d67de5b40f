"""A quote as a speaker page shows it: parts joined by an ellipsis, no comma left dangling."""

from __future__ import annotations

from collections.abc import Callable

import jinja2
import pytest

from newsgen.article import Quote, QuoteKind
from newsgen.renderer import THEME_DIR
from newsgen.wording import format_quote_excerpt

Parts = tuple[tuple[int, int, int], ...]


def make_quote(text: str, parts: Parts) -> Quote:
    first = parts[0] if parts else (0, 0, len(text))
    return Quote(text, "Ann Lee", None, "said", *first, QuoteKind.DIRECT, False, parts)


def macro_excerpt(quote: Quote) -> str:
    """The `quote_excerpt` macro, as a site template that imports it calls it."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(THEME_DIR / "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )
    env.globals["format_quote_excerpt"] = format_quote_excerpt
    macro = env.get_template("_macros.html").module.quote_excerpt  # type: ignore[attr-defined]
    return str(macro(quote))


def page_excerpt(quote: Quote) -> str:
    """`format_quote_excerpt`, as the theme's speaker page calls it."""
    return str(format_quote_excerpt(quote))


# (quote text, its parts, the parts' words, the excerpt's HTML)
CASES: list[tuple[str, Parts, tuple[str, ...], str]] = [
    ("We will rebuild,", ((0, 1, 17),), ("We will rebuild,",), "We will rebuild"),
    ("We will rebuild.", ((0, 1, 17),), ("We will rebuild.",), "We will rebuild."),
    ("Is it over?", ((0, 1, 12),), ("Is it over?",), "Is it over?"),
    ("Three things:", ((0, 1, 14),), ("Three things:",), "Three things"),
    (
        "Later, is where promises go.",
        ((0, 1, 7), (0, 20, 41)),
        ("Later,", "is where promises go."),
        "Later&nbsp;… is where promises go.",
    ),
    (
        "We can build new things, This year, we cannot.",
        ((2, 1, 25), (3, 1, 22)),
        ("We can build new things,", "This year, we cannot."),
        "We can build new things&nbsp;… This year, we cannot.",
    ),
    (
        "First; second; third,",
        ((0, 0, 6), (0, 9, 16), (1, 0, 6)),
        ("First;", "second;", "third,"),
        "First&nbsp;… second&nbsp;… third",
    ),
    (
        "Rates & \u201cfees\u201d, <b>",
        ((0, 0, 19),),
        ("Rates & \u201cfees\u201d, <b>",),
        "Rates &amp; \u201cfees\u201d, &lt;b&gt;",
    ),
    (
        "Two parts whose lengths do not add up",
        ((0, 0, 3), (1, 0, 3)),
        ("Two parts whose lengths do not add up",),
        "Two parts whose lengths do not add up",
    ),
    ("No parts at all,", (), ("No parts at all,",), "No parts at all"),
]


@pytest.mark.parametrize(
    ("text", "parts", "words"), [(text, parts, words) for text, parts, words, _ in CASES]
)
def test_part_texts_split_the_quote_at_its_parts(
    text: str, parts: Parts, words: tuple[str, ...]
) -> None:
    assert make_quote(text, parts).part_texts == words


@pytest.mark.parametrize("show", [macro_excerpt, page_excerpt])
@pytest.mark.parametrize(
    ("text", "parts", "html"), [(text, parts, html) for text, parts, _, html in CASES]
)
def test_excerpt_joins_parts_and_drops_the_lead_in_punctuation(
    text: str, parts: Parts, html: str, show: Callable[[Quote], str]
) -> None:
    assert show(make_quote(text, parts)) == html
