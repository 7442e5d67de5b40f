"""Speakers named by a common noun phrase, not a name: unnamed sources ("a
senior defense official", "a spokesman for the ministry"), organizations
("the ministry", "Sudan's health ministry") and role nouns ("the president").
"""

from __future__ import annotations

import re

from newsgen.quotes.lexicon import (
    ANONYMOUS_HEADS,
    ORGANIZATION_HEADS,
    SOURCE_DETERMINERS,
    TITLE_WORDS,
    word_set,
)
from newsgen.quotes.names import NOT_NAMES, Mention, MentionKind, is_role_noun

_WORD_RE = re.compile(r"[\w\u2019'.&-]+")
_POSSESSIVE_RE = re.compile(r"[\u2019']s?$")
PREPOSITIONS = word_set("for of with at from in on close to")
_STATEMENT_HEADS = word_set("statement report survey poll study letter ad piece article")


def read_common_noun_phrase(text: str) -> Mention | None:
    """ "a senior defense official", "officials", "the ministry", "the president"."""
    words = list(_WORD_RE.finditer(text))
    if not words or text[words[-1].end() :].strip():
        return None
    chosen: list[re.Match[str]] = []
    first = max(0, len(words) - 8)
    for at in range(len(words) - 1, first - 1, -1):
        match = words[at]
        low = match.group().lower()
        between = text[match.end() : chosen[0].start()] if chosen else ""
        if (
            "," in between
            or ";" in between
            or low in ("that", "and", "but", "because", "when", "as")
        ):
            break
        chosen.insert(0, match)
        # (the word before `match` is the one before it in `words`)
        if low in SOURCE_DETERMINERS and (
            at == 0 or words[at - 1].group().lower() not in PREPOSITIONS
        ):
            break
    if not chosen:
        return None
    det = chosen[0].group().lower() if chosen[0].group().lower() in SOURCE_DETERMINERS else None
    # Head: the last word before a preposition ("a spokesman for the ministry").
    head_index = len(chosen) - 1
    last_head = chosen[-1].group().lower().rstrip(".")
    for i, match in enumerate([] if last_head in ANONYMOUS_HEADS else chosen):
        if i > 0 and match.group().lower() in (
            "for",
            "of",
            "with",
            "at",
            "on",
            "in",
            "from",
            "close",
            "familiar",
        ):
            head_index = i - 1
            break
    head = chosen[head_index].group().lower().rstrip(".")
    if det is None:
        owners = [
            i
            for i, m in enumerate(chosen[:head_index])
            if m.group()[:1].isupper() and _POSSESSIVE_RE.search(m.group())
        ]
        if owners:
            chosen = chosen[owners[-1] : head_index + 1]  # "Sudan\u2019s health ministry"
        elif head_index == len(chosen) - 1:
            chosen = chosen[head_index : head_index + 1]
        if len(chosen) > 3:
            return None
    phrase = text[chosen[0].start() : chosen[-1].end()]
    start = chosen[0].start()
    if phrase[:1].isupper() and (det is not None or head in ANONYMOUS_HEADS):
        phrase = phrase[0].lower() + phrase[1:]
    if head in ANONYMOUS_HEADS:
        return Mention(phrase, MentionKind.ANONYMOUS, start=start, end=chosen[-1].end())
    if head in ORGANIZATION_HEADS and det in ("the", None) and head not in _STATEMENT_HEADS:
        return Mention(phrase, MentionKind.ORGANIZATION, start=start, end=chosen[-1].end())
    if head in _STATEMENT_HEADS:
        return Mention(phrase, MentionKind.NOMINAL, start=start, end=chosen[-1].end())
    if det is not None and head.isalpha() and head not in NOT_NAMES:
        if det in _INDEFINITE and _names_a_person(head):
            # "a senior engineer at the authority": someone the story does not name
            return Mention(phrase, MentionKind.ANONYMOUS, start=start, end=chosen[-1].end())
        return Mention(phrase, MentionKind.NOMINAL, start=start, end=chosen[-1].end())
    return None


_INDEFINITE = SOURCE_DETERMINERS - {"the"}
# Endings of nouns for people by what they do ("engineer", "inspector", "technician").
_PERSON_NOUN_ENDINGS = ("er", "or", "ist", "ian", "man", "woman", "person")


def _names_a_person(head: str) -> bool:
    return head in TITLE_WORDS or is_role_noun(head) or head.endswith(_PERSON_NOUN_ENDINGS)


SPOKESPERSON_FOR_RE = re.compile(
    r"\b((?:[Aa]n?|[Tt]he)[ \u00a0]+)?((?:[a-z]+[ \u00a0]+){0,2}(?:spokesman|spokeswoman|"
    r"spokesperson|aide|adviser|advisor|official|lawyer|attorney|representative)"
    r"[ \u00a0]+(?:for|to|of|at|with)[ \u00a0]+)"
)
_ORGANIZATION_NOUN_RE = re.compile(
    r"(?:^|\s)(?:the|a|an|[a-z]+)?[ \u00a0]*(?:company|firm|group|charity|operator|buyer|"
    r"seller|owner|developer|insurer|lender|retailer|manufacturer|maker|network|union|"
    r"utility|airline|bank|agency|organization|organisation)[ \u00a0]*$",
    re.IGNORECASE,
)


def names_an_organization(text: str) -> bool:
    """ "The company" before "Keystone Cell Works", "Campaign group" before "River Guardians"."""
    tail = text[text.rfind(",") + 1 :]
    return len(tail.split()) <= 3 and bool(_ORGANIZATION_NOUN_RE.search(tail))
