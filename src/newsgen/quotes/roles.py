"""Roles given around a name: words before it ("Democratic presidential nominee
Ann Lee"), appositives after it ("Ann Lee, an analyst with X,"), and roles
given in a relative clause ("who heads the port authority").
"""

from __future__ import annotations

import re

from newsgen.quotes.lexicon import (
    ANONYMOUS_HEADS,
    ROLE_WORDS,
    SPEECH_VERBS,
    TITLE_WORDS,
)
from newsgen.quotes.names import NOT_NAMES, strip_determiner

_WORD_RE = re.compile(r"[\w\u2019'.&-]+")


def role_prefix(text: str) -> tuple[str | None, int]:
    """Role words right before a name ("Democratic presidential nominee ")."""
    words = list(_WORD_RE.finditer(text))
    first = len(words)
    for i in range(len(words) - 1, -1, -1):
        low = words[i].group().lower()
        if low in ROLE_WORDS or (words[i].group()[0].isupper() and low not in NOT_NAMES):
            first = i
            continue
        if (
            low.isalpha()
            and low not in NOT_NAMES
            and low not in SPEECH_VERBS
            and len(words) - i <= 4
        ):
            first = i  # "mayoral", "port authority"
            continue
        break
    if first == len(words):
        return None, len(text)
    if words[-1].group().lower() not in TITLE_WORDS:
        return None, len(text)
    if text[words[-1].end() :].strip():
        return None, len(text)
    begin = words[first].start()
    if first > 0 and words[first - 1].group().lower() in ("the", "a", "an"):
        begin = words[first - 1].start()
    return text[words[first].start() : words[-1].end()], begin


RELATIVE_WORDS = ("who", "which", "whose", "where")
# A role given in a relative clause: "who is the port director", "who heads X".
ROLE_CLAUSE_RE = re.compile(
    r"who (?:is|was|serves as|served as|works as|worked as) ((?:an?|the) .+)$"
    r"|who ((?:heads|leads|chairs|runs|directs) .+)$"
)


_ROLE_VERBS = {
    "heads": "head of",
    "leads": "leader of",
    "chairs": "chair of",
    "runs": "head of",
    "directs": "director of",
}


def role_of_clause(clause: re.Match[str]) -> str:
    if clause.group(1):
        return clause.group(1)
    verb, rest = clause.group(2).split(" ", 1)
    return f"{_ROLE_VERBS[verb]} {rest}"


def is_appositive(chunk: str) -> bool:
    """ "an analyst with X", "who served under Y", "one of the states suing": not a name
    ("The Larder Network" is one)."""
    words = chunk.split()
    if not words:
        return False
    if words[0] in ("A", "An", "The"):
        return any(w.islower() and w not in ("of", "the", "and", "for", "on") for w in words)
    return words[0][:1].islower() or (len(words) == 1 and words[0].isdigit())


def appositive_start(text: str) -> tuple[str, int] | None:
    """The role phrase ending `text`, opening with a determiner ("the ambassador to the U.N.")."""
    base = text.rfind(",") + 1
    for match in re.finditer(r"(?:^|\s)(the|a|an|The|A|An)\s", text[base:]):
        phrase = text[base + match.start(1) :].strip()
        words = phrase.split()
        if 1 < len(words) <= 10 and any(
            w.lower().rstrip(".,") in ROLE_WORDS or w.lower() in ANONYMOUS_HEADS for w in words
        ):
            return strip_determiner(phrase), base + match.start(1)
        return None
    words = text[base:].split()
    if words and len(words) <= 6 and words[-1].lower() in TITLE_WORDS:
        return strip_determiner(text[base:].strip()), base + len(text[base:]) - len(
            text[base:].lstrip()
        )
    noun_last = bool(words) and len(words) <= 5 and words[-1].isalpha() and words[-1].islower()
    if noun_last and (
        words[0].lower() in ("another", "his", "her", "their", "its")
        or words[0].endswith(("\u2019s", "'s"))
    ):
        # "Another critic, Ann Lee," / "Lee's running mate, Tom Vale,"
        possessive_name = words[0].endswith(("\u2019s", "'s"))
        phrase = " ".join(words if possessive_name else words[1:])
        return phrase, base + len(text[base:]) - len(text[base:].lstrip())
    return None


# ", chief economist at Nile Research," / ", owner of Sweet Lane Bakery.": a role
# given without an article.
BARE_ROLE_RE = re.compile(r",\s*([a-z][^,.;]*(?:\.[A-Z][^,;]*?)?)(?:,|\.|;|$)")
_ROLE_NOUN_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent", "ee")


def is_role_phrase(phrase: str) -> bool:
    """ "chief economist at X", "owner of Y", "transport researcher": a role, not a clause."""
    words = phrase.split()
    for word in words[:3]:
        if word in ("that", "who", "which") or word.endswith(("ing", "ed")):
            return False
        if word in ROLE_WORDS or word in ANONYMOUS_HEADS or word.endswith(_ROLE_NOUN_ENDINGS):
            return True
    return False


_ARTICLE_ROLE_RE = re.compile(
    r",\s*((?:an?|the|who is|who was)\s[^,.;]*(?:\.[A-Z][^,;]*?)?)(?:,|\.|;|$)"
)


def role_after(rest: str) -> str | None:
    """The appositive role after a name (", an analyst with X.", ", owner of Y,")."""
    appositive = _ARTICLE_ROLE_RE.match(rest) or BARE_ROLE_RE.match(rest)
    if appositive and (appositive.re is not BARE_ROLE_RE or is_role_phrase(appositive[1])):
        role = re.sub(r"^who (?:is|was)\s+", "", appositive.group(1))
        return strip_determiner(role)
    return None
