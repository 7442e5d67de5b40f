"""Markdown bodies: blocks become plain-text paragraphs; raw HTML never gets through."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgen.article import BlockKind, Paragraph
from newsgen.loader import load_article
from newsgen.readers.markdown import markdown_blocks

INPUTS = Path(__file__).parent / "inputs"
P, H, Q, L = BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.BLOCKQUOTE, BlockKind.LIST_ITEM


@pytest.mark.parametrize(
    ("source", "paragraphs"),
    [
        ("One **bold** and _em_ word.", [("One bold and em word.", P)]),
        ("A [link](https://example.org) here.", [("A link here.", P)]),
        ("Line one\nline two.", [("Line one line two.", P)]),
        ("## A heading", [("A heading", H)]),
        ("> Quoted one.\n>\n> Quoted two.", [("Quoted one.", Q), ("Quoted two.", Q)]),
        ("- first\n- second", [("first", L), ("second", L)]),
        ("1. first\n2. second", [("first", L), ("second", L)]),
        ("AT&amp;T &lt;b&gt; and AT&T", [("AT&T <b> and AT&T", P)]),
        (
            "\u201cCurly,\u201d she said.\u00a0Then\u00a0more.",
            [("\u201cCurly,\u201d she said.\u00a0Then\u00a0more.", P)],
        ),
        ("Escaped \\*stars\\* and \\_lines\\_.", [("Escaped *stars* and _lines_.", P)]),
        ("<script>alert('x')</script>\n\nAfter.", [("After.", P)]),
        ("<style>p {color: red}</style>\n\nAfter.", [("After.", P)]),
        (
            "Inline <b>bold</b> and <img src=x onerror=alert(1)>image.",
            [("Inline bold and image.", P)],
        ),
        ("<div>A raw <span>block</span></div>", [("A raw block", P)]),
        ("Text<br>with a break.", [("Text with a break.", P)]),
        ("<!-- a comment -->\n\nKept.", [("Kept.", P)]),
        ("    code block", [("code block", P)]),
    ],
)
def test_markdown_blocks(source: str, paragraphs: list[tuple[str, BlockKind]]) -> None:
    assert [(p.text, p.kind) for _, p in markdown_blocks(source)] == paragraphs


def test_markdown_article_fixture() -> None:
    loaded = load_article(INPUTS / "markdown_blocks_and_raw_html.md")
    article = loaded.article
    assert article.headline == "Town hall meeting ends in walkout"
    assert article.dateline == "KINGSPORT, Tenn."
    assert article.contributors == ("Marcus Webb",)
    assert article.boilerplate == ("Sign up for our weekly newsletter",)
    assert article.paragraphs == (
        Paragraph(
            "KINGSPORT, Tenn. \u2014 Residents walked out of a town hall meeting on Monday after "
            "officials refused to take questions about the water plant."
        ),
        Paragraph("What happened", H),
        Paragraph('"We came for answers and got a slideshow," said resident Carla Moody.', Q),
        Paragraph("The meeting lasted 40 minutes.", L),
        Paragraph("About 200 people attended.", L),
        Paragraph("A spokesman said the city would hold another meeting & publish the slides."),
    )
    assert not any("alert" in p.text or "<" in p.text for p in article.paragraphs)


def test_front_matter_headline_wins_over_the_first_heading(tmp_path: Path) -> None:
    path = tmp_path / "piece.md"
    path.write_text("---\nheadline: From front-matter\n---\n# From the body\n\nText.\n", "utf-8")
    article = load_article(path).article
    assert article.headline == "From front-matter"
    assert article.paragraphs == (Paragraph("Text."),)


def test_a_heading_after_text_is_not_the_headline(tmp_path: Path) -> None:
    path = tmp_path / "piece.md"
    path.write_text("---\nheadline: H\n---\nIntro.\n\n# Later heading\n", "utf-8")
    assert load_article(path).article.paragraphs == (
        Paragraph("Intro."),
        Paragraph("Later heading", H),
    )
