"""Raw article text: the head (credit, kicker, headline, dek, byline, date), the body
(dateline, contributors, boilerplate) and paragraphs, on articles written for these tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from newsgen.article import Paragraph
from newsgen.body import find_dateline
from newsgen.boilerplate import boilerplate_rules
from newsgen.credits import parse_byline, parse_contributor_line, parse_photo_credit
from newsgen.loader import load_article
from newsgen.readers.text import split_paragraphs
from newsgen.segmenter import segment_head, split_kicker

INPUTS = Path(__file__).parent / "inputs"
EXAMPLE = Path(__file__).parent.parent / "content" / "us-russia-syria-military-talks.txt"
UTC = dt.UTC


def hours(offset: float) -> dt.timezone:
    return dt.timezone(dt.timedelta(hours=offset))


def test_example_article_segments_as_issue_2_asks() -> None:
    loaded = load_article(EXAMPLE)
    article = loaded.article
    assert loaded.warnings == ()
    assert article.photo_credit == "Kirill Kudryavtsev / AFP / Getty Images"
    assert (
        article.headline
        == "US agrees to military talks as \u2018next step\u2019 with Russia on Syria"
    )
    assert article.kicker == "Analysis"
    assert article.dek == (
        "Shift in tone could signal that ISIL has pushed Washington toward compromise with Moscow"
    )
    assert article.contributors == ("Jamie McIntyre",)
    assert len(article.paragraphs) == 15
    assert article.paragraphs[0].text.startswith("The White House signaled its support")
    assert article.paragraphs[-1].text.startswith("For now, at least, the Kremlin is")
    assert article.boilerplate == (
        "Find Al Jazeera America on your TV",
        "Get email updates from Al Jazeera America",
        "Sign up for our weekly newsletter",
        "Get email updates from Al Jazeera America",
        "Sign up for our weekly newsletter",
    )
    assert article.slug == "us-russia-syria-military-talks"
    # Text is kept as written: curly quotes and the no-break spaces around "The New York Times".
    assert "told\u00a0The New York Times\u00a0this week" in article.paragraphs[8].text
    assert "\u201cmoderate\u201d" in article.paragraphs[7].text


FIXTURES: list[tuple[str, dict[str, Any]]] = [
    (
        "reuters_wire_with_dateline_and_editing_credits.txt",
        {
            "kicker": "Exclusive",
            "headline": "Port operators weigh joint bid for Baltic ferry routes, sources say",
            "byline": ("Marta Lindgren", "Tomasz Wojcik"),
            "date": dt.datetime(2025, 3, 14, 16, 40, tzinfo=hours(1)),
            "dateline": "GDANSK, Poland",
            "contributors": (
                "Marta Lindgren",
                "Tomasz Wojcik",
                "Ilse Brandt",
                "Owen Hale",
                "Priya Nair",
            ),
            "boilerplate": ("Our Standards: The Thomson Reuters Trust Principles.",),
            "paragraphs": 4,
        },
    ),
    (
        "ap_story_with_photo_caption_and_contributor.txt",
        {
            "photo_credit": "AP Photo/Ruth Calder",
            "headline": "Harbor pilots in Savannah vote to strike over night shifts",
            "byline": ("GRANT HOLLIS",),
            "date": dt.datetime(2025, 1, 14, 21, 12, tzinfo=hours(-5)),
            "dateline": "SAVANNAH, Ga.",
            "contributors": ("Lena Ortiz",),
            "paragraphs": 4,
            "boilerplate": (
                "A harbor pilot guides a container ship into the channel at dawn on Tuesday.",
                "Advertisement",
                "Copyright 2025 The Associated Press. All rights reserved. This material may not "
                "be published, broadcast, rewritten or redistributed without permission.",
            ),
        },
    ),
    (
        "bbc_story_with_outlet_line_under_byline.txt",
        {
            "headline": "Coastal town votes to keep its last pier open",
            "byline": ("Eleanor Marsh",),
            "date": dt.datetime(2025, 2, 2),
            "dateline": None,
            "paragraphs": 3,
            "boilerplate": (
                "Media caption, Residents gathered on the pier before the vote",
                "Follow BBC Norfolk on Facebook, X and Instagram.",
            ),
        },
    ),
    (
        "guardian_story_with_bare_name_byline.txt",
        {
            "kicker": "Opinion",
            "headline": "Our libraries are not a luxury \u2013 they are the last free room in town",
            "dek": "Cutting opening hours saves little and costs a great deal, as anyone who has "
            "sat in a reading room in winter knows",
            "byline": ("Ruth Abernathy",),
            "date": dt.datetime(2025, 3, 5, 7, 0, tzinfo=UTC),
            "paragraphs": 3,
            "boilerplate": (
                "skip past newsletter promotion",
                "Sign up to First Edition",
                "after newsletter promotion",
                "Do you have an opinion on the issues raised in this article? Click here to "
                "submit a letter for publication.",
            ),
        },
    ),
    (
        "text_hard_wrapped_at_72_columns.txt",
        {
            "headline": "Grain silo fire burns for a third day",
            "byline": ("Hal Brenner",),
            "dateline": "DES MOINES, Iowa",
            "paragraphs": 3,
        },
    ),
    (
        "text_one_paragraph_per_line.txt",
        {"headline": "City council approves late-night bus pilot", "dek": None, "paragraphs": 3},
    ),
]


@pytest.mark.parametrize(("name", "expected"), FIXTURES, ids=[name for name, _ in FIXTURES])
def test_fixture_segments(name: str, expected: dict[str, Any]) -> None:
    article = load_article(INPUTS / name).article
    for field, want in expected.items():
        got = getattr(article, field)
        if field == "paragraphs":
            got = len(got)
        assert got == want, f"{field}: {got!r}"


def test_hard_wrapped_lines_are_joined_into_paragraphs() -> None:
    article = load_article(INPUTS / "text_hard_wrapped_at_72_columns.txt").article
    assert article.paragraphs[0].text.endswith(
        "because water would only make the stored corn swell and split the walls."
    )
    assert article.paragraphs[1] == Paragraph(
        '"We are letting it burn itself out," Fire Chief Nora Vance said. "There is no safe way '
        'to open it."'
    )


@pytest.mark.parametrize(
    ("lines", "paragraphs"),
    [
        (["One.", "", "Two."], ["One.", "Two."]),
        (["A line wrapped", "by hand ends here."], ["A line wrapped by hand ends here."]),
        (["A sentence ends.", "Next paragraph."], ["A sentence ends.", "Next paragraph."]),
        (["x" * 120, "y"], ["x" * 120, "y"]),
        (["  padded  ", "", "", "  also  "], ["padded", "also"]),
        (
            ["\u201cA quote ends,\u201d she said.", "New."],
            ["\u201cA quote ends,\u201d she said.", "New."],
        ),
    ],
)
def test_split_paragraphs(lines: list[str], paragraphs: list[str]) -> None:
    assert split_paragraphs(lines) == paragraphs


@pytest.mark.parametrize(
    ("text", "kicker", "rest"),
    [
        (
            "Analysis: Shift in tone could signal a deal",
            "Analysis",
            "Shift in tone could signal a deal",
        ),
        ("Opinion | Why the pier matters", "Opinion", "Why the pier matters"),
        ("Fact check: Did the mayor cut police?", "Fact check", "Did the mayor cut police?"),
        ("EXPLAINER-What the tariff means", "Explainer", "What the tariff means"),
        (
            "NEWS ANALYSIS: Two candidates, one factory",
            "News Analysis",
            "Two candidates, one factory",
        ),
        ("Pence: Flowers won't be at the debate", None, "Pence: Flowers won't be at the debate"),
        ("The Latest: Trump urges supporters", None, "The Latest: Trump urges supporters"),
    ],
)
def test_split_kicker(text: str, kicker: str | None, rest: str) -> None:
    assert split_kicker(text) == (kicker, rest)


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By Jane Doe and John Roe", ("Jane Doe", "John Roe")),
        ("By Jane Doe, Reuters", ("Jane Doe",)),
        ("By Jane Doe | AP", ("Jane Doe",)),
        ("BY JANE DOE Associated Press", ("JANE DOE",)),
        ("By Jane Doe, Washington correspondent", ("Jane Doe",)),
        ("By Jane Doe, Harbor Wire", ("Jane Doe",)),
        (
            "By Ana de la Cruz, Li Wei and Omar al-Hassan",
            ("Ana de la Cruz", "Li Wei", "Omar al-Hassan"),
        ),
        ("By Reuters", ()),
        ("Written by Jane Doe", ("Jane Doe",)),
        ("By: Jane Doe", ("Jane Doe",)),
        ("By Friday, the talks had stalled", None),
        ("By the end of the day it was over", None),
        ("By 2030 the city wants zero emissions", None),
    ],
)
def test_parse_byline(line: str, names: tuple[str, ...] | None) -> None:
    byline = parse_byline(line)
    assert (byline.names if byline else None) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Jamie McIntyre\u00a0contributed reporting", ("Jamie McIntyre",)),
        (
            "Bryant Rousseau and Caryn Wilson contributed reporting.",
            ("Bryant Rousseau", "Caryn Wilson"),
        ),
        (
            "Associated Press writers Jane Doe in Moscow and Sam Poe in Kyiv contributed to this "
            "report.",
            ("Jane Doe", "Sam Poe"),
        ),
        ("Jenna Park contributed reporting from Fresno.", ("Jenna Park",)),
        (
            "Additional reporting by Ann Lee and Bo Chan; Editing by Cy Diaz",
            ("Ann Lee", "Bo Chan", "Cy Diaz"),
        ),
        (
            "(Reporting by Ann Lee in London; Writing by Bo Chan; Editing by Cy Diaz)",
            ("Ann Lee", "Bo Chan", "Cy Diaz"),
        ),
        ("--additional reporting from Dara Nolan.", ("Dara Nolan",)),
        ("Kerry said the rebels contributed to this report of chaos.", None),
        ("Reporting by the council was late, officials said.", None),
        ("He contributed reporting.", None),
    ],
)
def test_parse_contributor_line(text: str, names: tuple[str, ...] | None) -> None:
    assert parse_contributor_line(text) == names


@pytest.mark.parametrize(
    ("line", "credit", "caption"),
    [
        (
            "Kirill Kudryavtsev / AFP / Getty Images",
            "Kirill Kudryavtsev / AFP / Getty Images",
            None,
        ),
        ("Photo: Jane Doe/Reuters", "Jane Doe/Reuters", None),
        ("The pier at dusk. (AP Photo/Ruth Calder)", "AP Photo/Ruth Calder", "The pier at dusk."),
        (
            "The pier at dusk. Photograph: Jane Doe/Getty Images",
            "Jane Doe/Getty Images",
            "The pier at dusk.",
        ),
        ("Doug Mills/The New York Times", "Doug Mills/The New York Times", None),
        ("AC/DC plays the pier", None, None),
        ("US agrees to military talks with Russia", None, None),
    ],
)
def test_parse_photo_credit(line: str, credit: str | None, caption: str | None) -> None:
    found = parse_photo_credit(line)
    assert (found.credit if found else None, found.caption if found else None) == (credit, caption)


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        ("WASHINGTON (Reuters) \u2014 The", "WASHINGTON"),
        ("LONDON \u2014 The", "LONDON"),
        ("KYIV, Ukraine (AP) \u2014 Russian", "KYIV, Ukraine"),
        ("HEMPSTEAD, N.Y., Sept. 26 (UPI) \u2014 Green", "HEMPSTEAD, N.Y."),
        ("BEIJING, Sept 18 (Reuters) - China", "BEIJING"),
        ("NEWPORT NEWS, Va. - In a", "NEWPORT NEWS, Va."),
        ("WASHINGTON\u2014The", "WASHINGTON"),
        ("WASHINGTON \u2015 Donald", "WASHINGTON"),
        ("The White House \u2014 said", None),
        ("US-Russia talks resumed", None),
        ("A senior official - x", None),
    ],
)
def test_find_dateline(text: str, dateline: str | None) -> None:
    assert find_dateline(text) == dateline


def test_dateline_stays_in_the_first_paragraph() -> None:
    article = load_article(INPUTS / "reuters_wire_with_dateline_and_editing_credits.txt").article
    assert article.dateline == "GDANSK, Poland"
    assert article.paragraphs[0].text.startswith("GDANSK, Poland, March 14 (Reuters) - Two")


HEADS: list[tuple[str, str, dict[str, Any]]] = [
    (
        "nyt_reporting_from",
        "Headline here\n\nBy Ann Lee\nReporting from Allentown, Pa.\nOct. 21, 2024\n\nBody.",
        {"byline": ("Ann Lee",), "dateline": "Allentown, Pa.", "date": dt.datetime(2024, 10, 21)},
    ),
    (
        "dek_before_byline",
        "Headline here\n\nA short dek line\n\nBy Ann Lee\n\nBody starts.",
        {"dek": "A short dek line", "byline": ("Ann Lee",)},
    ),
    (
        "short_first_paragraph_is_not_a_dek",
        "Headline here\n\nA short first paragraph.\n\nAnother paragraph.\n\nA third.\n\nFourth.",
        {"dek": None, "body_start": 2},
    ),
    (
        "subheadline_in_the_headline_block",
        "Headline here;\nand its second deck\n\nBody starts.",
        {"headline": "Headline here;", "dek": "and its second deck", "body_start": 3},
    ),
    (
        "kicker_alone_and_date_before_headline",
        "OPINION\n\n18 September 2015\n\nHeadline here\n\nBody.",
        {"kicker": "Opinion", "date": dt.datetime(2015, 9, 18), "headline": "Headline here"},
    ),
    (
        "bare_name_byline_needs_a_role_or_date_after_it",
        "Headline here\n\nAnn Lee\nEducation correspondent\n\nBody.",
        {"byline": ("Ann Lee",), "body_start": 5},
    ),
    (
        "a_name_alone_is_body",
        "Headline here\n\nAnn Lee\n\nBody.",
        {"byline": (), "body_start": 2},
    ),
    (
        "publication_date_wins_over_updated",
        "Headline here\n\nUpdated 19 September 2015\nPublished 18 September 2015\n\nBody.",
        {"date": dt.datetime(2015, 9, 18)},
    ),
]


@pytest.mark.parametrize(("text", "expected"), [h[1:] for h in HEADS], ids=[h[0] for h in HEADS])
def test_segment_head(text: str, expected: dict[str, Any]) -> None:
    head = segment_head(text.split("\n"), boilerplate_rules())
    for field, want in expected.items():
        assert getattr(head, field) == want, field
