"""Boilerplate rules: each removes whole lines a page adds, never a sentence of the story."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgen.boilerplate import (
    BOILERPLATE_RULES,
    boilerplate_rules,
    match_boilerplate,
    split_boilerplate,
)
from newsgen.loader import LoaderConfig, load_article

RULES = boilerplate_rules()


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("Sign up for our weekly newsletter", "newsletter"),
        ("Subscribe to The Morning Brief, delivered daily", "newsletter"),
        ("skip past newsletter promotion", "newsletter"),
        ("Get email updates from Al Jazeera America", "email_updates"),
        ("Find Al Jazeera America on your TV", "tv_finder"),
        ("Follow us on Facebook, X and Instagram", "follow_us"),
        ('"Follow Dana Reyes on Twitter @danareyes."', "follow_us"),
        ("Follow AP\u2019s coverage of the floods at https://example.org/floods", "follow_us"),
        ("Read more: How the tram line was planned", "read_more"),
        ("READ MORE \u00bb Council budget explained", "read_more"),
        ("Read the rest here.", "read_more"),
        ("Advertisement", "advertisement"),
        ("Story continues below advertisement", "advertisement"),
        ("Share this article", "share"),
        ("Share on Facebook", "share"),
        ("Copy link", "share"),
        ("Click here to get the app", "click_here"),
        ("Have a view? Click here to submit a letter.", "click_here"),
        ("Our Standards: The Thomson Reuters Trust Principles.", "source_line"),
        ("Source: Al Jazeera and news agencies", "source_line"),
        ("Copyright 2025 The Associated Press. All rights reserved.", "copyright"),
        ("\u00a9 2024 Harbor Wire", "copyright"),
        ("Media playback is unsupported on your device", "media_placeholder"),
        ("The pier at dusk. (AP Photo/Ruth Calder)", "photo_caption"),
    ],
)
def test_rule_matches_whole_line(line: str, rule: str) -> None:
    assert match_boilerplate(line, RULES) == rule


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        # a rule with a needle is tried only on lines holding it, in any case ...
        ("Harbour at dawn. (PHOTO: Ann Lee/Reuters)", "photo_caption"),
        ("Flooded streets. Photograph: Jo Doe", "photo_caption"),
        ("Want to comment? CLICK HERE", "click_here"),
        # ... also with a letter that only a case-blind pattern reads as an "i"
        ("Want to comment? Cl\u0131ck here", "click_here"),
        ("The harbour at dawn, seen from the pier", None),
    ],
)
def test_needles_never_hide_a_match(line: str, rule: str | None) -> None:
    assert match_boilerplate(line, RULES) == rule
    expected = next((r.name for r in RULES if r.pattern.fullmatch(line.rstrip("."))), None)
    assert expected == rule


@pytest.mark.parametrize(
    "line",
    [
        "Sign-up numbers for the program rose by a third, officials said.",
        "Residents can register to vote until Oct. 10, the clerk said.",
        "The union said members would follow the talks on social media closely and vote next week.",
        "More than 200 people attended.",
        "He said the advertisement had misled voters.",
        "\u201cShare the burden,\u201d she said.",
        "Copyright law was at the heart of the case.",
        "Related charges were dropped in March.",
        "The source said the deal was close.",
    ],
)
def test_story_sentences_are_not_boilerplate(line: str) -> None:
    assert match_boilerplate(line, RULES) is None


def test_rules_are_named_and_ordered_once() -> None:
    names = [rule.name for rule in BOILERPLATE_RULES]
    assert len(names) == len(set(names))
    assert names[0] == "newsletter"


def test_site_patterns_come_after_the_built_in_rules() -> None:
    rules = boilerplate_rules((r"listen to the harbor wire podcast.*",))
    assert rules[-1].name == "site_1"
    assert match_boilerplate("Listen to the Harbor Wire podcast on Fridays", rules) == "site_1"
    assert match_boilerplate("Listen to the Harbor Wire podcast on Fridays", RULES) is None


def test_a_bad_site_pattern_is_named() -> None:
    with pytest.raises(ValueError, match=r"\(unclosed"):
        boilerplate_rules(("(unclosed",))


@pytest.mark.parametrize(
    ("texts", "removed"),
    [
        # The footer pasted twice: every copy goes, the story stays.
        (["Story.", "More story.", "Harbor Wire", "Harbor Wire"], [2, 3]),
        # A repeated line inside the story is not trailing: it stays.
        (["He said no.", "Then more.", "He said no.", "The end of the story."], []),
        # Rule matches go anywhere; repeats after them are still trailing.
        (["Story.", "Advertisement", "Story two.", "Tips? Call us", "Tips? Call us"], [1, 3, 4]),
        ([], []),
    ],
)
def test_split_boilerplate(texts: list[str], removed: list[int]) -> None:
    kept, gone = split_boilerplate(texts, RULES)
    assert gone == removed
    assert kept == [i for i in range(len(texts)) if i not in removed]


def test_loader_config_patterns_reach_the_reader(tmp_path: Path) -> None:
    path = tmp_path / "podcast-plug.txt"
    path.write_text(
        "Ferry fares rise\n\nFares rise in May, the operator said.\n\n"
        "Listen to the Harbor Wire podcast on Fridays\n",
        encoding="utf-8",
    )
    config = LoaderConfig(extra_boilerplate=(r"listen to the harbor wire podcast.*",))
    assert load_article(path).article.boilerplate == ()
    assert load_article(path, config).article.boilerplate == (
        "Listen to the Harbor Wire podcast on Fridays",
    )


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("Newsletter promotion", "newsletter"),
        ("Skip past newsletter promotion", "newsletter"),
        ("x" * 39 + " newsletter promotion", "newsletter"),  # 40 characters before it
        ("x" * 40 + " newsletter promotion", None),  # 41: too long for a promotion line
        ("The harbour council voted on Tuesday after a long newsletter promotion", None),
    ],
)
def test_newsletter_promotion_lines_up_to_their_length(line: str, rule: str | None) -> None:
    assert match_boilerplate(line, RULES) == rule
