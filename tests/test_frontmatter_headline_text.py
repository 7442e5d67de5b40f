"""A raw-text article whose front-matter gives `headline:` keeps its first body line.

The text reader takes no line for the headline then, unless the line repeats the
front-matter's headline (that line is dropped, not repeated in the body).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from newsgen.boilerplate import boilerplate_rules
from newsgen.loader import load_article
from newsgen.segmenter import segment_head

HEADLINE = "Harbor commission backs ferry fare rise"

CASES: list[tuple[str, str, str | None, dict[str, Any]]] = [
    (
        "dateline_first",
        "PORTLAND, Maine (AP) \u2014 The harbor commission voted 4-1 on Tuesday to raise "
        "ferry fares.\n\n"
        "\u201cWe had no choice,\u201d chair Ellen Marsh said.\n",
        HEADLINE,
        {
            "headline": HEADLINE,
            "dateline": "PORTLAND, Maine",
            "first": "PORTLAND, Maine (AP) \u2014 The harbor commission voted 4-1",
            "paragraphs": 2,
        },
    ),
    (
        "short_first_sentence",
        "Ferry fares are going up.\n\n"
        "The harbor commission voted 4-1 on Tuesday for a rise of 50 cents a trip.\n",
        HEADLINE,
        {"headline": HEADLINE, "first": "Ferry fares are going up.", "paragraphs": 2},
    ),
    (
        "kicker_line_first",
        "Analysis\n\n"
        "The commission's vote shows how far the island's budget has slipped.\n\n"
        "Fares last rose in 2019.\n",
        HEADLINE,
        {
            "headline": HEADLINE,
            "kicker": "Analysis",
            "first": "The commission's vote shows",
            "paragraphs": 2,
        },
    ),
    (
        "byline_first",
        "By Dana Whitcombe\n\nThe harbor commission voted on Tuesday to raise ferry fares.\n",
        HEADLINE,
        {
            "headline": HEADLINE,
            "byline": ("Dana Whitcombe",),
            "first": "The harbor commission voted",
            "paragraphs": 1,
        },
    ),
    (
        "same_headline_repeated",
        f"{HEADLINE}\n\nBy Dana Whitcombe\n\n"
        "The harbor commission voted on Tuesday to raise ferry fares.\n",
        HEADLINE,
        {
            "headline": HEADLINE,
            "byline": ("Dana Whitcombe",),
            "first": "The harbor commission voted",
            "paragraphs": 1,
        },
    ),
    (
        "same_headline_other_case_and_spacing",
        "Harbor  commission backs ferry FARE rise\n\n"
        "The harbor commission voted on Tuesday to raise ferry fares.\n",
        HEADLINE,
        {"headline": HEADLINE, "first": "The harbor commission voted", "paragraphs": 1},
    ),
    (
        "same_headline_with_kicker_prefix",
        f"Explainer: {HEADLINE}\n\nThe harbor commission voted on Tuesday to raise ferry fares.\n",
        HEADLINE,
        {
            "headline": HEADLINE,
            "kicker": "Explainer",
            "first": "The harbor commission voted",
            "paragraphs": 1,
        },
    ),
    (
        "no_front_matter_headline_takes_the_first_line",
        "Ferry fares are going up\n\n"
        "The harbor commission voted 4-1 on Tuesday for a rise of 50 cents a trip.\n",
        None,
        {
            "headline": "Ferry fares are going up",
            "first": "The harbor commission voted",
            "paragraphs": 1,
        },
    ),
]


def _front(headline: str | None) -> str:
    lines = ["tags: [transport]"]
    if headline is not None:
        lines.insert(0, f"headline: {headline}")
    return "---\n" + "\n".join(lines) + "\n---\n"


@pytest.mark.parametrize(
    ("name", "text", "headline", "expected"), CASES, ids=[case[0] for case in CASES]
)
def test_front_matter_headline_keeps_the_body(
    tmp_path: Path, name: str, text: str, headline: str | None, expected: dict[str, Any]
) -> None:
    path = tmp_path / f"{name}.txt"
    path.write_text(_front(headline) + text, encoding="utf-8")
    article = load_article(path).article
    assert article.headline == expected["headline"]
    assert article.kicker == expected.get("kicker")
    assert article.byline == expected.get("byline", ())
    assert article.dateline == expected.get("dateline")
    assert len(article.paragraphs) == expected["paragraphs"]
    assert article.paragraphs[0].text.startswith(expected["first"])
    assert all(
        " ".join(p.text.split()).casefold() != HEADLINE.casefold() for p in article.paragraphs
    )


@pytest.mark.parametrize(
    ("lines", "body_start", "kicker"),
    [
        (["Fares rise.", "", "More text."], 0, None),
        (["", HEADLINE, "", "Fares rise."], 3, None),
        (["Analysis", "", "Fares rise.", "", "More."], 2, "Analysis"),
        ([f"ANALYSIS-{HEADLINE}", "", "Fares rise.", "", "More."], 2, "Analysis"),
    ],
)
def test_segment_head_with_a_given_headline(
    lines: list[str], body_start: int, kicker: str | None
) -> None:
    head = segment_head(lines, boilerplate_rules(), headline=HEADLINE)
    assert (head.headline, head.body_start, head.kicker) == (HEADLINE, body_start, kicker)
