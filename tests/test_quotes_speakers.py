"""Who the speakers of whole articles are: roles, kinds and later mentions resolved."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgen.analysis import analyse_article
from newsgen.article import Article, BlockKind, Paragraph, SpeakerKind

PERSON, ORGANIZATION, ANONYMOUS = (
    SpeakerKind.PERSON,
    SpeakerKind.ORGANIZATION,
    SpeakerKind.ANONYMOUS,
)


def _article(paragraphs: list[str | Paragraph], headline: str = "Headline") -> Article:
    blocks = tuple(p if isinstance(p, Paragraph) else Paragraph(p) for p in paragraphs)
    return Article(Path("t.txt"), headline, "t", blocks)


@pytest.mark.parametrize(
    ("paragraphs", "quotes", "speakers"),
    [
        # `<Role-noun> <Name> of <Org> said`, then the surname alone
        (
            [
                "Seismologist Ruth Okonkwo of Brennan Geological Survey said the tremors "
                "were getting shallower.",
                "“The fault is waking up,” Okonkwo said.",
            ],
            [("Ruth Okonkwo", "seismologist of Brennan Geological Survey", False)],
            [("Ruth Okonkwo", "seismologist of Brennan Geological Survey", PERSON, 1)],
        ),
        # a relative clause between the subject and the verb is skipped
        (
            [
                "A ferry company manager who asked not to be named because the contract "
                "talks were confidential said the timetable “will not survive the winter.”"
            ],
            [("a ferry company manager", None, True)],
            [("a ferry company manager", None, ANONYMOUS, 1)],
        ),
        # an unnamed person described by role, with a clause of anonymity, is anonymous
        (
            [
                "A senior nurse at the hospital, who spoke on condition of anonymity because "
                "she feared losing her job, said staff were “running on empty.”"
            ],
            [("a senior nurse at the hospital", None, True)],
            [("a senior nurse at the hospital", None, ANONYMOUS, 1)],
        ),
        # a definite description whose head and words match an organization named before
        (
            [
                "The Harlow Port Authority said the dredging would start in May.",
                "“Nobody will lose a berth,” the port authority said.",
            ],
            [("Harlow Port Authority", None, False)],
            [("Harlow Port Authority", None, ORGANIZATION, 1)],
        ),
        # a heading that mentions who speaks reports no speech
        (
            [
                Paragraph("What the port authority says", BlockKind.HEADING),
                "“Nobody will lose a berth,” Ann Vey said.",
            ],
            [("Ann Vey", None, False)],
            [("Ann Vey", None, PERSON, 1)],
        ),
        # indirect speech only, given by a participle after the subject's own verb
        (
            [
                "Her lawyer, Ines Barros, had asked for a delay, arguing that the evidence "
                "arrived too late to be checked."
            ],
            [],
            [("Ines Barros", "lawyer", PERSON, 0)],
        ),
    ],
)
def test_speakers_of_articles(
    paragraphs: list[str | Paragraph],
    quotes: list[tuple[str | None, str | None, bool]],
    speakers: list[tuple[str, str | None, SpeakerKind, int]],
) -> None:
    analysis = analyse_article(_article(paragraphs))
    assert [(q.speaker, q.role, q.anonymous) for q in analysis.quotes] == quotes
    assert [(s.name, s.role, s.kind, s.quotes) for s in analysis.speakers] == speakers


@pytest.mark.parametrize(
    ("headline", "speaker"),
    [
        # "the company" is the organization a headline in sentence case names
        ("Tidemark Ferries fined £2m over cancelled sailings", "Tidemark Ferries"),
        ("Regulator fines Tidemark Ferries for cancelled sailings", "Tidemark Ferries"),
        # in Title Case every word is capitalised: no name can be told apart
        ("Ferry Operator Fined Over Cancelled Sailings", "the company"),
        # a person named in the headline is no company
        ("Ferry boss Ann Vey steps down", "the company"),
    ],
)
def test_the_company_is_named_in_the_headline(headline: str, speaker: str) -> None:
    paragraphs = [
        "A ferry operator was fined on Monday for cancelling hundreds of sailings.",
        "The company said it would appeal against the fine.",
    ]
    analysis = analyse_article(_article(paragraphs, headline))
    assert [(s.name, s.kind) for s in analysis.speakers] == [(speaker, ORGANIZATION)]
