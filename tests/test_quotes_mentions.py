"""Reading speaker phrases: names with titles and appositives, sources, pronouns."""

from __future__ import annotations

import pytest

from newsgen.quotes.mentions import MentionKind, read_mention_after, read_mention_before


@pytest.mark.parametrize(
    ("text", "name", "role", "kind"),
    [
        ("Secretary of State Ann Whitlow", "Ann Whitlow", "Secretary of State", MentionKind.NAME),
        (
            "the Irish ambassador to the U.N., Ciaran Doyle,",
            "Ciaran Doyle",
            "Irish ambassador to the U.N.",
            MentionKind.NAME,
        ),
        (
            "Mara Lind, an economist with the Baltic Policy Institute,",
            "Mara Lind",
            "economist with the Baltic Policy Institute",
            MentionKind.NAME,
        ),
        (
            "Democratic mayoral candidate Paul Hendry",
            "Paul Hendry",
            "Democratic mayoral candidate",
            MentionKind.NAME,
        ),
        ("Meanwhile Mr. Okafor", "Okafor", None, MentionKind.NAME),
        ("Hendry", "Hendry", None, MentionKind.NAME),
        ("the Pentagon", "Pentagon", None, MentionKind.ORGANIZATION),
        ("The Transport Ministry", "Transport Ministry", None, MentionKind.ORGANIZATION),
        ("A senior defense official", "a senior defense official", None, MentionKind.ANONYMOUS),
        (
            "a spokeswoman for the ministry",
            "a spokeswoman for the ministry",
            None,
            MentionKind.ANONYMOUS,
        ),
        (
            "two people familiar with the talks",
            "two people familiar with the talks",
            None,
            MentionKind.ANONYMOUS,
        ),
        ("She", "she", None, MentionKind.PRONOUN),
        # organizations: by their name, by "which", by a noun before them
        (
            "The Fenland Growers Alliance of Norfolk",
            "Fenland Growers Alliance of Norfolk",
            None,
            MentionKind.ORGANIZATION,
        ),
        (
            "Tidewater Boatworks, which builds ferries,",
            "Tidewater Boatworks",
            None,
            MentionKind.ORGANIZATION,
        ),
        ("The firm, Ashgrove Cell Works,", "Ashgrove Cell Works", None, MentionKind.ORGANIZATION),
        ("Pressure group Clean Brooks", "Clean Brooks", None, MentionKind.ORGANIZATION),
        (
            "The Pantry Network, which runs 40 food banks,",
            "Pantry Network",
            None,
            MentionKind.ORGANIZATION,
        ),
        # someone speaking for a named person is an unnamed source
        (
            "A spokeswoman for Gov. Ruth Abara",
            "spokeswoman for Gov. Ruth Abara",
            None,
            MentionKind.ANONYMOUS,
        ),
        (
            "A Ministry of Fisheries spokesperson",
            "a Ministry of Fisheries spokesperson",
            None,
            MentionKind.ANONYMOUS,
        ),
        (
            "A senior port official, who asked not to be named because he was not allowed "
            "to speak to reporters,",
            "a senior port official",
            None,
            MentionKind.ANONYMOUS,
        ),
        # a role given in a relative clause
        ("Omar Lind, who is the port director,", "Omar Lind", "port director", MentionKind.NAME),
        (
            "Omar Lind, who heads the harbour trust,",
            "Omar Lind",
            "head of the harbour trust",
            MentionKind.NAME,
        ),
        ("Omar Lind, who sponsored the bill,", "Omar Lind", None, MentionKind.NAME),
        # an age is no role
        ("Lena Ortiz, 24,", "Lena Ortiz", None, MentionKind.NAME),
        ("Council member Ida Sorensen", "Ida Sorensen", "Council member", MentionKind.NAME),
        # a council title before a name stays a person's
        (
            "Senate Majority Leader Ruth Abara",
            "Ruth Abara",
            "Senate Majority Leader",
            MentionKind.NAME,
        ),
        # several appositives after a name: the first is the role
        (
            "Omar Lind, the port director, one of three officials sued,",
            "Omar Lind",
            "port director",
            MentionKind.NAME,
        ),
        # an occupation before a name is a role, an affiliation after it stays with the role
        (
            "Geologist Ines Barros of Kelda Technical College",
            "Ines Barros",
            "geologist of Kelda Technical College",
            MentionKind.NAME,
        ),
        ("Engineer Tomas Vik", "Tomas Vik", "engineer", MentionKind.NAME),
        # a relative clause with no commas between the subject and the verb
        (
            "A harbour official who asked not to be named because the inquiry was still open",
            "a harbour official",
            None,
            MentionKind.ANONYMOUS,
        ),
        (
            "Officials who spoke on condition of anonymity",
            "officials",
            None,
            MentionKind.ANONYMOUS,
        ),
        # an unnamed person described by what they do is an anonymous source
        (
            "A senior inspector at the agency, who spoke on condition of anonymity because she "
            "was not cleared to comment,",
            "a senior inspector at the agency",
            None,
            MentionKind.ANONYMOUS,
        ),
        ("one technician", "one technician", None, MentionKind.ANONYMOUS),
        # a definite role noun may be someone named before: not anonymous
        ("the inspector", "the inspector", None, MentionKind.NOMINAL),
        ("a court filing", "a court filing", None, MentionKind.NOMINAL),
    ],
)
def test_read_mention_before(text: str, name: str, role: str | None, kind: MentionKind) -> None:
    mention = read_mention_before(text)
    assert mention is not None
    assert (mention.name, mention.role, mention.kind) == (name, role, kind)


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (" Hendry.", "Hendry", None),
        (
            " Mara Lind, an economist with the Baltic Policy Institute.",
            "Mara Lind",
            "economist with the Baltic Policy Institute",
        ),
        (" port authority spokesman Tom Greer.", "Tom Greer", "port authority spokesman"),
        (" 9/11 widow Ana Ruiz.", "Ana Ruiz", None),
        (" one Labour source on the committee.", "one Labour source", None),
        # a role given without an article
        (
            " Omar Lind, chief economist at Delta Research, a consultancy.",
            "Omar Lind",
            "chief economist at Delta Research",
        ),
        (" Ida Sorensen, owner of Harbour Books.", "Ida Sorensen", "owner of Harbour Books"),
        (" Ida Sorensen, adding that she was tired.", "Ida Sorensen", None),
        (" a senior official.", "a senior official", None),
        # an affiliation after the name is not part of it
        (" Del. Rosa Quill of the Northern Isles.", "Rosa Quill", "Del."),
        (" the Rev. Amos Keel, of St. Brendan's Church.", "Amos Keel", None),
        (" the ruling.", "the ruling", None),
    ],
)
def test_read_mention_after(text: str, name: str, role: str | None) -> None:
    mention = read_mention_after(text)
    assert mention is not None
    assert (mention.name, mention.role) == (name, role)


@pytest.mark.parametrize("text", [" Friday.", " in a statement.", ""])
def test_no_speaker_after(text: str) -> None:
    assert read_mention_after(text) is None


@pytest.mark.parametrize(
    "text",
    [
        # the words of a relative clause are never the speaker
        "Growers who crowded the hall because the hearing was moved",
        "Parents who waited outside until the doors were opened",
    ],
)
def test_no_speaker_inside_a_relative_clause(text: str) -> None:
    assert read_mention_before(text) is None
