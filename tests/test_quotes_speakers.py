"""Who the speakers of whole articles are: roles, kinds and later mentions resolved."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgen.analysis import analyse_article
from newsgen.article import Article, Paragraph, SpeakerKind

PERSON, ORGANIZATION, ANONYMOUS = (
    SpeakerKind.PERSON,
    SpeakerKind.ORGANIZATION,
    SpeakerKind.ANONYMOUS,
)


def _article(paragraphs: list[str], headline: str = "Headline") -> Article:
    return Article(Path("t.txt"), headline, "t", tuple(Paragraph(p) for p in paragraphs))


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
    ],
)
def test_speakers_of_articles(
    paragraphs: list[str],
    quotes: list[tuple[str | None, str | None, bool]],
    speakers: list[tuple[str, str | None, SpeakerKind, int]],
) -> None:
    analysis = analyse_article(_article(paragraphs))
    assert [(q.speaker, q.role, q.anonymous) for q in analysis.quotes] == quotes
    assert [(s.name, s.role, s.kind, s.quotes) for s in analysis.speakers] == speakers
