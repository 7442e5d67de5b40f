"""People and organizations as a story names them: the `Mention` every speaker
phrase becomes, and how a capitalised phrase splits into title and name
("Secretary of State John Kerry") or reads as an organization ("the Pentagon").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from newsgen.quotes.lexicon import (
    FEMALE_NAMES,
    HONORIFICS,
    MALE_NAMES,
    ORGANIZATION_WORDS,
    PROFESSION_WORDS,
    TITLE_WORDS,
    word_set,
)


class MentionKind(StrEnum):
    NAME = "name"
    PRONOUN = "pronoun"
    ORGANIZATION = "organization"
    ANONYMOUS = "anonymous"
    NOMINAL = "nominal"


@dataclass(frozen=True, slots=True)
class Mention:
    """A speaker as the text names them; `start` is where the phrase begins in
    the text it was read from (`end` where it ends)."""

    name: str
    kind: MentionKind
    role: str | None = None
    gender: str | None = None
    start: int = 0
    end: int = 0


_POSSESSIVE_RE = re.compile(r"[\u2019']s?$")

# Capitalised words that open sentences or name days, never people.
NOT_NAMES = word_set(
    "a an the but and or so yet meanwhile however still then now later also earlier "
    "asked when on in at after before speaking today yesterday last this that these "
    "those instead afterward afterwards while as if though although because since for "
    "with by from of to his her their its our my your it he she they we i monday "
    "tuesday wednesday thursday friday saturday sunday january february march april "
    "may june july august september october november december one two three there "
    "here what who how why where which during according despite thus separately "
    "similarly indeed finally ultimately first second"
)


def gender_of_first_name(word: str) -> str | None:
    low = word.lower()
    if low in MALE_NAMES:
        return "male"
    if low in FEMALE_NAMES:
        return "female"
    return None


def one_edit_apart(a: str, b: str) -> bool:
    """Whether `a` becomes `b` by one inserted, deleted or replaced letter, or two
    neighbouring letters swapped ("McAlister", "McAllister"; "Hagerty", "Hagetry")."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    at = 0
    while at < len(a) and a[at] == b[at]:
        at += 1
    if len(a) < len(b):
        return a[at:] == b[at + 1 :]
    if a[at + 1 :] == b[at + 1 :]:
        return True
    swapped = at + 1 < len(a) and a[at] == b[at + 1] and a[at + 1] == b[at]
    return swapped and a[at + 2 :] == b[at + 2 :]


def strip_determiner(phrase: str) -> str:
    """'an analyst with X who wrote Y' -> 'analyst with X'."""
    words = phrase.split()
    if words and words[0].lower() in ("the", "a", "an", "its", "his", "her", "their"):
        words = words[1:]
    for i, word in enumerate(words):
        if i > 0 and word.lower() in ("who", "which", "whose", "that"):
            words = words[:i]
            break
    return " ".join(words)


def is_organization(words: list[str]) -> bool:
    return any(w.lower().rstrip(".,") in ORGANIZATION_WORDS for w in words)


def is_role_noun(word: str) -> bool:
    """A common noun naming what someone does ("hydrologist", "engineer"), which
    news puts before a name like a title ("Hydrologist Priya Natarajan")."""
    low = word.lower()
    return low in PROFESSION_WORDS or (len(low) > 5 and low.endswith("ist") and low.isalpha())


def _is_title_word(word: str) -> bool:
    low = word.lower()
    return low in TITLE_WORDS or low in HONORIFICS or is_role_noun(word)


def _drop_affiliation(words: list[str]) -> tuple[list[str], str | None]:
    """'Rep. Ann Lee of Ohio' -> 'Rep. Ann Lee' and 'Ohio' (not 'Secretary of
    State John Kerry'), the words before "of" and the affiliation after it."""
    if "of" not in words[1:]:
        return words, None
    at = words.index("of", 1)
    before = words[:at]
    if is_organization(before):
        return words, None  # "Bank of England"
    titled = any(_is_title_word(w) for w in before) and not _is_title_word(before[-1])
    if titled or any(gender_of_first_name(w) for w in before[:-1]):
        return before, " ".join(words[at + 1 :]) or None
    return words, None


def read_name(phrase: str, start: int = 0) -> Mention | None:
    """A capitalised phrase as a person (title split off) or an organization."""
    mention = _read_name(phrase)
    if mention is None or not start:
        return mention
    return Mention(mention.name, mention.kind, mention.role, mention.gender, start, mention.end)


def forget_names() -> None:
    """Empty the cache of `read_name`."""
    _read_name.cache_clear()


@lru_cache(maxsize=512)  # a name is read again in every sentence that names its person
def _read_name(phrase: str) -> Mention | None:
    start = 0
    words = [w for w in phrase.split() if w]
    while words and words[0].lower().rstrip(".,") in NOT_NAMES and words[0].lower() != "the":
        words = words[1:]
    if words and words[0].lower() == "the":
        words = words[1:]
        article = True
    else:
        article = False
    words = [_POSSESSIVE_RE.sub("", w) if i == len(words) - 1 else w for i, w in enumerate(words)]
    if not words or all(w.lower() in NOT_NAMES for w in words):
        return None
    words, affiliation = _drop_affiliation(words)
    # The title ends at the last title word; the name starts at a first name if any.
    cut = 0
    for i, word in enumerate(words[:-1]):
        low = word.lower()
        if _is_title_word(word) or low in ("of", "the", "u.s.", "us"):
            cut = i + 1
    for i, word in enumerate(words[:-1]):
        if i >= cut and gender_of_first_name(word):
            cut = i
            break
    title, name = words[:cut], words[cut:]
    bare = article and not title and len(name) <= 3 and not gender_of_first_name(name[0])
    titled = [i for i, w in enumerate(words) if w.lower() in TITLE_WORDS or w.lower() in HONORIFICS]
    after_title = words[titled[-1] + 1 :] if titled else words
    if is_organization(name) or is_organization(after_title) or bare:
        return Mention(" ".join(words), MentionKind.ORGANIZATION, start=start)
    gender = gender_of_first_name(name[0]) if len(name) > 1 else None
    role_words = [w.lower() if is_role_noun(w) else w for w in title if w.lower() not in HONORIFICS]
    for word in title:
        honorific = HONORIFICS.get(word.lower())
        if honorific:
            gender = honorific
    role = " ".join(role_words) or None
    if role and role.lower() in ("the", "of"):
        role = None
    if role and affiliation and is_role_noun(role_words[-1]):
        role = f"{role} of {affiliation}"  # "hydrologist of Aldwin Polytechnic"
    return Mention(" ".join(name), MentionKind.NAME, role=role, gender=gender, start=start)
