"""Nicknames in quotation marks inside a name: Rep. Robert C. "Bobby" Scott.

The quoted word is part of how the person is named, not a quotation: it is
blanked out of the text the quote stage reads (offsets unchanged), so the name
reads "Rep. Robert C. Scott", and kept so that a later "Bobby Scott" is known
to be the same person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsgen.quotes.lexicon import HONORIFICS, TITLE_WORDS
from newsgen.quotes.names import NOT_NAMES

# A given name or an initial, the nickname (one or two capitalised words, no
# punctuation but the dots of initials) in matching marks, and a capitalised word.
_NICKNAME_RE = re.compile(
    r"\b([A-Z][\w\u2019'-]*|[A-Z]\.)[ \u00a0]+"
    r"(?:“|\"(?=\w)|\u2018|'(?=\w))"
    r"((?:[A-Z][\w\u2019-]*|(?:[A-Z]\.)+)(?:[ \u00a0](?:[A-Z][\w\u2019-]*|(?:[A-Z]\.)+))?)"
    r"(?:”|\"|\u2019|')"
    r"[ \u00a0]+(?=([A-Z][\w\u2019'-]+))"
)
# A quick look for what `_NICKNAME_RE` needs around the marks (found from the
# mark, so most paragraphs are passed over in one fast scan).
_NICKNAME_MARKS_RE = re.compile(
    "[“\"\u2018'](?<=[ \u00a0][“\"\u2018'])"
    r"(?=(?:[A-Z][\w\u2019-]*|(?:[A-Z]\.)+)(?:[ \u00a0](?:[A-Z][\w\u2019-]*|(?:[A-Z]\.)+))?"
    "[”\"\u2019'][ \u00a0]+[A-Z])"
)
_MARKS = ("“”", '""', "\u2018\u2019", "''")


@dataclass(frozen=True, slots=True)
class Nickname:
    """`nickname` at `start` in a paragraph (its marks at `start - 1` and `end`),
    between a given name and `surname`."""

    nickname: str
    surname: str
    start: int
    end: int


def _may_hold_marks(text: str) -> bool:
    """Whether `text` holds an opening mark `_NICKNAME_MARKS_RE` opens on: each looked
    for as plain text, quicker than the pattern's scan (its marks are not all Latin-1)."""
    return "\u201c" in text or '"' in text or "'" in text or "\u2018" in text


def find_nicknames(text: str) -> list[Nickname]:
    """The quoted nicknames between a given name and a surname in `text`."""
    if not _may_hold_marks(text) or not _NICKNAME_MARKS_RE.search(text):
        return []
    found: list[Nickname] = []
    for match in _NICKNAME_RE.finditer(text):
        given, nickname, surname = match.group(1), match.group(2), match.group(3)
        opening, closing = text[match.start(2) - 1], text[match.end(2)]
        if opening + closing not in _MARKS:
            continue
        low = given.lower()
        if low in NOT_NAMES or low in TITLE_WORDS or low in HONORIFICS:
            continue  # "the “Big” Dig", "Sen. “Bobby” …": no given name before it
        if given.isupper() and not given.endswith("."):
            continue  # "told ABC “Yes” …": an acronym, not a given name
        if given.endswith(("\u2019s", "'s")) or surname.lower() in NOT_NAMES:
            continue
        found.append(Nickname(nickname, surname, match.start(2), match.end(2)))
    return found


def mask_nicknames(text: str, nicknames: list[Nickname]) -> str:
    """`text` with each nickname and its marks blanked out (offsets unchanged)."""
    if not nicknames:
        return text
    pieces: list[str] = []
    last = 0
    for nickname in nicknames:
        start, end = nickname.start - 1, nickname.end + 1
        pieces.append(text[last:start])
        pieces.append(" " * (end - start))
        last = end
    pieces.append(text[last:])
    return "".join(pieces)
