"""Attribution of whole paragraphs: each named rule, continuation, merging, sources."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgen.analysis import analyse_article
from newsgen.article import (
    Article,
    Paragraph,
    QuoteCorrection,
    QuoteKind,
    SpeakerCorrection,
    SpeakerKind,
)
from newsgen.quotes.context import build_contexts
from newsgen.quotes.rules import ATTRIBUTION_RULES, attribute_context
from newsgen.quotes.spans import find_quote_spans


def _article(*paragraphs: str, **fields: object) -> Article:
    return Article(
        Path("t.txt"), "Headline", "t", tuple(Paragraph(p) for p in paragraphs), **fields
    )  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("sentence", "rule", "speaker", "verb"),
    [
        (
            "“We will reopen the bridge,” Mayor Tom Greer said Monday.",
            "after_speaker_verb",
            "Tom Greer",
            "said",
        ),
        ("“We will reopen the bridge,” said Greer.", "after_verb_speaker", "Greer", "said"),
        (
            "Greer told reporters: “We will reopen the bridge.”",
            "before_speaker_verb",
            "Greer",
            "told",
        ),
        (
            "“The bridge reopens in May,” according to the Transport Ministry.",
            "according_to",
            "Transport Ministry",
            "according to",
        ),
        (
            "The repairs were “overdue by a decade” in places, the ministry said in a statement.",
            "after_clause",
            "the ministry",
            "said",
        ),
        ("“We rebuilt it once and we will again.” ― Ada Moreno", "dash_credit", "Ada Moreno", None),
        ("“We rebuilt it once.” ― Ada J. Moreno", "dash_credit", "Ada J. Moreno", None),
        (
            "“Bring the buses back,” the petition reads.",
            "after_speaker_verb",
            "the petition",
            "reads",
        ),
        (
            "The council met on Friday, saying it hoped for “a quick fix” soon.",
            "before_participle",
            "the council",
            "saying",
        ),
    ],
)
def test_rule_attributes(sentence: str, rule: str, speaker: str, verb: str | None) -> None:
    contexts = build_contexts(sentence, find_quote_spans(0, sentence))
    found = attribute_context(contexts[0])
    assert found is not None
    assert (found.rule, found.mention.name, found.verb) == (rule, speaker, verb)


def test_rules_are_named_and_ordered() -> None:
    names = ATTRIBUTION_RULES.names()
    assert (
        names.index("after_speaker_verb")
        < names.index("before_speaker_verb")
        < names.index("after_clause")
    )


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        # split quote around the attribution: one quote, two parts
        (
            ["“The harbour,” Ada Moreno said, “is our whole economy.”"],
            [("Ada Moreno", 2, QuoteKind.DIRECT)],
        ),
        # continuation after a direct quote: same quote
        (
            ["“We are ready,” Ada Moreno said. “The boats are fuelled.”"],
            [("Ada Moreno", 2, QuoteKind.DIRECT)],
        ),
        # continuation after a partial quote: a new direct quote, same speaker
        (
            ["The plan is “a good start,” Ada Moreno said. “We need more.”"],
            [("Ada Moreno", 1, QuoteKind.PARTIAL), ("Ada Moreno", 1, QuoteKind.DIRECT)],
        ),
        # multi-paragraph quote: the opening mark with no closing one runs on
        (
            ["Ada Moreno said: “We lost three boats.", "“We will not lose a fourth.”"],
            [("Ada Moreno", 2, QuoteKind.DIRECT)],
        ),
        # a paragraph that is only a quote continues the previous speaker
        (
            ["“It was a long night,” said Ada Moreno.", "“Nobody slept.”"],
            [("Ada Moreno", 1, QuoteKind.DIRECT), ("Ada Moreno", 1, QuoteKind.DIRECT)],
        ),
        # split quote with the speaker after the verb: still one quote
        (
            ["“The harbour,” said Ada Moreno, “is our whole economy.”"],
            [("Ada Moreno", 2, QuoteKind.DIRECT)],
        ),
        # a quote over three paragraphs: only the last one closes
        (
            [
                "Ada Moreno said: “We lost three boats.",
                "“We lost the slipway.",
                "“We will not lose the town.”",
            ],
            [("Ada Moreno", 3, QuoteKind.DIRECT)],
        ),
        # a closed quote does not run on into the next paragraph's quote
        (
            ["“We lost three boats,” Ada Moreno said.", "“The ferry is fine,” Tom Greer said."],
            [("Ada Moreno", 1, QuoteKind.DIRECT), ("Tom Greer", 1, QuoteKind.DIRECT)],
        ),
        # after a pronoun attribution, a paragraph that is only a quote is the same person's
        (
            [
                "Ada Moreno met the crews on Monday.",
                "“They are exhausted,” she said.",
                "“Nobody has slept for days.”",
            ],
            [("Ada Moreno", 1, QuoteKind.DIRECT), ("Ada Moreno", 1, QuoteKind.DIRECT)],
        ),
        # straight marks work like curly ones
        (
            ['"The harbour," Ada Moreno said, "is our whole economy."'],
            [("Ada Moreno", 2, QuoteKind.DIRECT)],
        ),
        # a scare quote belongs to nobody
        (["The so-called “fast lane” opened in June."], [(None, 1, QuoteKind.PARTIAL)]),
        # a capitalised word opening a sentence is not a subject to quote
        (
            ["Several “temporary” lanes opened in June, and more followed."],
            [(None, 1, QuoteKind.PARTIAL)],
        ),
        # names of shows and ads are titles, not speech, even next to a speaker
        (
            ["“Cuts hurt,” Ada Moreno told Harbour Radio’s “Morning Tide” on Monday."],  # noqa: RUF001
            [("Ada Moreno", 1, QuoteKind.DIRECT), (None, 1, QuoteKind.PARTIAL)],
        ),
        (
            ["The campaign’s new spot, titled “Broken Promises,” runs on Sunday."],  # noqa: RUF001
            [(None, 1, QuoteKind.PARTIAL)],
        ),
        # a paragraph ending "… she said:" introduces the quotation after it
        (
            ["Ada Moreno, the harbour master, was blunt. She said:", "“We are out of money.”"],
            [("Ada Moreno", 1, QuoteKind.DIRECT)],
        ),
        # a second partial quote of the same sentence has the same speaker
        (
            ["Ada Moreno said the plan was “a good start” but “far too slow.”"],
            [("Ada Moreno", 1, QuoteKind.PARTIAL), ("Ada Moreno", 1, QuoteKind.PARTIAL)],
        ),
        # the speaker named before a title earlier in the sentence
        (
            [
                "Ada Moreno, on the “Harbour Hour” show, said what the port needs is plain: "
                "“Ships, and the people to unload them.”"
            ],
            [(None, 1, QuoteKind.PARTIAL), ("Ada Moreno", 1, QuoteKind.DIRECT)],
        ),
        # a quoted sentence after "…, Moreno said." in the same paragraph is hers
        (
            [
                "The board may delay the vote until spring, Ada Moreno said. "
                "“Nobody wants to decide this in a hurry.”"
            ],
            [("Ada Moreno", 1, QuoteKind.DIRECT)],
        ),
        # a name a group gives itself is a title
        (
            ["A campaign calling itself “Save Our Buses” has spent the year protesting."],
            [(None, 1, QuoteKind.PARTIAL)],
        ),
        # a transcript reproduced in the article is not a quotation
        (
            [
                "A partial transcript follows:",
                '"HOST: Are you running again?',
                '"LEE: We will see.',
            ],
            [],
        ),
        (["“HOST: Are you running again?”", "“LEE: We will see.”"], []),
    ],
)
def test_quote_structure(
    paragraphs: list[str], expected: list[tuple[str | None, int, QuoteKind]]
) -> None:
    quotes = analyse_article(_article(*paragraphs)).quotes
    assert [(q.speaker, len(q.parts), q.kind) for q in quotes] == expected


@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        # a partial quote in a sentence whose subject is someone named before
        (
            "Ada Moreno runs the port. Moreno has repeatedly dismissed the plan as "
            "“a fantasy” since May.",
            "Ada Moreno",
        ),
        (
            "Ada Moreno runs the port. In June, Moreno openly praised the crews as "
            "“the best on the coast.”",
            "Ada Moreno",
        ),
        # a claim reported as a noun belongs to its owner
        (
            "Fact-checkers examined Ada Moreno’s claim that the port lost "  # noqa: RUF001
            "“thousands of jobs” last year.",
            "Ada Moreno",
        ),
        # states speak through their governments
        ("Norway condemned the launch as “reckless and dangerous.”", "Norway"),
        # a name repeated alone is a person's even with no first name we know
        (
            "Delegates cheered Odile Brassard on Friday. Later, Brassard openly mocked the plan "
            "as “a fairy tale.”",
            "Odile Brassard",
        ),
        # "she was blunt:" introduces her words, whatever the writer asked first
        (
            "Ada Moreno runs the port. When I asked Moreno about the cuts, she was blunt: "
            "“We will lose the night shift first.”",
            "Ada Moreno",
        ),
        # "of Labour claims": a speech word used as a noun after "of" and a modifier
        (
            "Ada Moreno, a fact-checker, rated half of Labour claims as “mostly false.”",
            "Ada Moreno",
        ),
        # a speech word used as a noun is not the verb ("Greer's remarks")
        (
            "Ada Moreno called Mr. Greer's remarks “a cheap shot” on Tuesday.",
            "Ada Moreno",
        ),
        # party and state, or an age, between the name and the verb
        ("“The bill is dead,” Sen. Ruth Abara (D-Ore.) said Friday.", "Ruth Abara"),
        ("“The bill is dead,” Senate Whip Tom Vale, R-Kan., said Friday.", "Tom Vale"),
        ("“We marched all night,” Lena Ortiz, 24, said on Sunday.", "Lena Ortiz"),
        ("“We marched all night,” Rep. Dan Holt (R-Ohio), a committee member, said.", "Dan Holt"),
    ],
)
def test_asides_between_speaker_and_verb(paragraph: str, speaker: str) -> None:
    assert [q.speaker for q in analyse_article(_article(paragraph)).quotes] == [speaker]


@pytest.mark.parametrize(
    ("paragraphs", "speakers"),
    [
        # surname resolved to the full name and role given earlier
        (
            [
                "“Costs doubled,” said Ada Moreno, a director at the Harbour Trust.",
                "“Nobody planned for it,” Moreno added.",
            ],
            ["Ada Moreno", "Ada Moreno"],
        ),
        # he/she alternate between two people of different gender
        (
            [
                "Council leader Mark Ellis and his deputy, Susan Hale, disagreed on Monday.",
                "“The tax is fair,” he said.",
                "“It is not,” she said.",
                "“We will vote next week,” he added.",
            ],
            ["Mark Ellis", "Susan Hale", "Mark Ellis"],
        ),
        # a second verb of the same subject ("… but said") speaks for it
        (
            [
                "Mayor Ann Vey did not commit to the plan but said she was “open to anything "
                "that keeps the ferry running.”"
            ],
            ["Ann Vey"],
        ),
        # a partial quote in a subordinate clause belongs to the clause's own subject
        (
            [
                "Councillor Ada Moreno spoke first.",
                "Mayor Tom Greer called her plan “a fantasy” after she described the budget "
                "as “a betrayal of renters.”",
            ],
            ["Tom Greer", "Ada Moreno"],
        ),
        # a person named again by the end of their name, with no title or verb, is
        # still the one the next pronoun means
        (
            [
                "Maria Elena Santos Vidal arrived in the capital on Monday.",
                "In the afternoon, Santos Vidal met the press with former secretary general "
                "Teo Armand.",
                "“We are ready to sign,” she said.",
            ],
            ["Maria Elena Santos Vidal"],
        ),
        # honorifics give the gender of a name the lists do not know
        (
            [
                "Mrs. Okonkwo and Mr. Varga spoke after the vote.",
                "“We won,” she said.",
                "“We lost,” he said.",
            ],
            ["Okonkwo", "Varga"],
        ),
        # a first name no list knows: the pronoun goes to the last person named
        (
            [
                "Ingrid Solberg, a harbour engineer, said the pier was sinking.",
                "“We measured it twice,” she said.",
            ],
            ["Ingrid Solberg"],
        ),
        # a pronoun chain outside quotes keeps the subject ("She says …", then "She said:")
        (
            [
                "Mayor Aurelie Dumas is criticising the port plan. She says the board ignored "
                "Pieter Janssen's warnings.",
                "She told reporters: “Nobody asked the fishermen.”",
            ],
            ["Aurelie Dumas"],
        ),
        # a possessive source is not part of the name after it
        (
            [
                "Turnout may not matter much, noted Harbour Radio’s Dario Venn.",  # noqa: RUF001
                "“Most minds are made up,” he wrote.",
            ],
            ["Dario Venn"],
        ),
        # a name that only qualifies another ("Greer campaign spokesman Ali Baptiste")
        (
            [
                "Tom Greer spoke first.",
                "Greer campaign spokesman Ali Baptiste told the Courier the plan was ready. "
                "However, he could not say when.",
                "“We are close,” he said.",
            ],
            ["Ali Baptiste"],
        ),
        # a bare surname shared by two people means the one the story is about
        (
            [
                "Senator Ana Ruiz campaigned in Leeds. Ruiz spoke for an hour.",
                "Her father, Jorge Ruiz, watched from the front row.",
                "“I am proud of my record,” Ruiz said.",
            ],
            ["Ana Ruiz"],
        ),
        # "the Ruiz campaign" qualifies a noun: it is no mention to resolve "he" to
        (
            [
                "Tom Vale, a local organiser, has knocked on doors for weeks. Ana Ruiz spoke "
                "in Leeds on Monday.",
                "Vale thinks the Ruiz campaign took the town for granted.",
                "“They never came back,” he said.",
            ],
            ["Tom Vale"],
        ),
        # middle initials belong to the name
        (
            [
                "Transport Secretary Paul R. Osei met the unions.",
                "“We will find the money,” he said.",
            ],
            ["Paul R. Osei"],
        ),
    ],
)
def test_speaker_resolution(paragraphs: list[str], speakers: list[str]) -> None:
    assert [q.speaker for q in analyse_article(_article(*paragraphs)).quotes] == speakers


def test_a_later_common_noun_names_the_same_organization() -> None:
    analysis = analyse_article(
        _article(
            "Norway’s fisheries ministry said the quota would be cut.",  # noqa: RUF001
            "“We have no choice,” the ministry said.",
        )
    )
    assert [q.speaker for q in analysis.quotes] == ["Norway’s fisheries ministry"]  # noqa: RUF001


def test_speakers_include_indirect_and_anonymous_sources() -> None:
    analysis = analyse_article(
        _article(
            "A senior police official told the Courier that two arrests were made.",
            "“We expect more,” the Harbour Police said in a statement.",
        )
    )
    kinds = {(s.name, s.kind, s.quotes) for s in analysis.speakers}
    assert kinds == {
        ("a senior police official", SpeakerKind.ANONYMOUS, 0),
        ("Harbour Police", SpeakerKind.ORGANIZATION, 1),
    }


def test_editor_corrections_are_applied() -> None:
    article = _article(
        "“The port stays open,” said Greer.",
        "“We will check every crane,” Ada Moreno said.",
        speaker_corrections=(
            SpeakerCorrection("Greer", rename="Tom Greer", role="harbour master"),
        ),
        quote_corrections=(QuoteCorrection("every crane", "Tom Greer"),),
    )
    analysis = analyse_article(article)
    assert [(q.speaker, q.role) for q in analysis.quotes] == [("Tom Greer", "harbour master")] * 2
    assert [(s.name, s.quotes) for s in analysis.speakers if s.quotes] == [("Tom Greer", 2)]


def test_indirect_speech_stems_cover_every_verb() -> None:
    """The verbs of indirect speech are looked for only where a stem starts."""
    from newsgen.quotes import sources

    verbs = sources._INDIRECT_VERBS | sources._INDIRECT_PARTICIPLES
    uncovered = [v for v in verbs if not v.startswith(sources._INDIRECT_STEMS)]
    assert uncovered == []


@pytest.mark.parametrize(
    "text",
    [
        "Officials said the essay was addressed to him, adding that she says so.",
        "He told them; she tells us. They warned, warning, stated and announced it.",
        "The mayor claimed it, confirmed it, arguing and insisting, unsaid and re-told.",
        "Nobody spoke.",
        "saidsaid said\u2019s said-so \u2019said said",
    ],
)
def test_indirect_verbs_are_what_the_pattern_finds(text: str) -> None:
    from newsgen.quotes import sources

    found = [(m.start(), m.group()) for m in sources.find_indirect_verbs(text)]
    assert found == [(m.start(), m.group()) for m in sources._INDIRECT_RE.finditer(text)]
