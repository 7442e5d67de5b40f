"""Reading the noun phrase that names a speaker: a name with its title or
appositive role, a pronoun, an organization, or an unnamed source.

`read_mention_before(text)` reads the phrase that ends `text` (the words before
a speech verb, "the Russian ambassador to the U.N., Vitaly Churkin,");
`read_mention_after(text)` the phrase that opens it (the words after a verb,
"Dmitri Trenin, an analyst with the Carnegie Moscow Center.").
Roles around names are read in `roles.py`, common noun phrases in `nominals.py`.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from newsgen.quotes.lexicon import (
    ANONYMOUS_HEADS,
    ORGANIZATION_HEADS,
    PRONOUNS,
    ROLE_WORDS,
    SOURCE_DETERMINERS,
    SPEECH_VERBS,
    word_set,
)
from newsgen.quotes.names import (
    NOT_NAMES,
    Mention,
    MentionKind,
    gender_of_first_name,
    read_name,
    strip_determiner,
)
from newsgen.quotes.nominals import (
    PREPOSITIONS,
    SPOKESPERSON_FOR_RE,
    names_an_organization,
    read_common_noun_phrase,
)
from newsgen.quotes.roles import (
    RELATIVE_WORDS,
    ROLE_CLAUSE_RE,
    appositive_start,
    is_appositive,
    role_after,
    role_of_clause,
    role_prefix,
)

_NAME_LINK = r"(?:of|the|de|van|von|bin|al|la|le|du|del|der|da|di|dos|ibn)"
_NAME_TOKEN = rf"(?:\b[A-Z][\w\u2019'.-]*|\b{_NAME_LINK}(?=\s+(?:the\s+)?[A-Z]))"
_NAME_TAIL_RE = re.compile(rf"{_NAME_TOKEN}(?:[ \u00a0]+{_NAME_TOKEN})*$")
_WORD_RE = re.compile(r"[\w\u2019'.&-]+")
_NAME_LINKS = word_set("of the de van von bin al la le du del der da")


def _read_plain_before(text: str) -> Mention | None:
    stripped = text.rstrip()
    if not stripped:
        return None
    last_word = _WORD_RE.findall(stripped)
    if not last_word:
        return None
    low = last_word[-1].lower()
    if low in PRONOUNS and stripped[len(stripped) - len(low) :].lower() == low:
        return Mention(
            low,
            MentionKind.PRONOUN,
            gender=PRONOUNS[low],
            start=len(stripped) - len(low),
            end=len(stripped),
        )
    tail = _NAME_TAIL_RE.search(stripped)
    if tail and tail.start() == 0 and low in ANONYMOUS_HEADS and " " not in tail.group():
        tail = None  # "Officials" opening a sentence: a common noun, not a name
    if tail and any(word[:1].isupper() for word in tail.group().split()):
        mention = read_name(tail.group(), tail.start())
        if mention is not None:
            spokesperson = SPOKESPERSON_FOR_RE.search(stripped, 0, tail.start())
            if spokesperson and spokesperson.end() == tail.start():
                return Mention(
                    stripped[spokesperson.start(2) :],
                    MentionKind.ANONYMOUS,
                    start=spokesperson.start(1),
                    end=len(stripped),
                )
            if mention.kind is MentionKind.NAME and names_an_organization(stripped[: tail.start()]):
                mention = Mention(mention.name, MentionKind.ORGANIZATION, start=mention.start)
            role, begin = role_prefix(stripped[: tail.start()])
            if mention.kind is MentionKind.NAME and role and not mention.role:
                return Mention(
                    mention.name, mention.kind, role, mention.gender, begin, len(stripped)
                )
            skipped = len(tail.group()) - len(tail.group().lstrip())
            return Mention(
                mention.name,
                mention.kind,
                mention.role,
                mention.gender,
                tail.start() + skipped,
                len(stripped),
            )
    return read_common_noun_phrase(stripped)


@lru_cache(maxsize=256)  # "he said", "Kerry said": the same words, in many sentences
def read_mention_before(text: str) -> Mention | None:
    """The speaker phrase that ends `text`, with an appositive role if there is one."""
    stripped = text.rstrip()
    if stripped.endswith(","):
        body = stripped[:-1]
        comma = body.rfind(",")
        if comma > 0:
            inner = body[comma + 1 :].strip()
            outer = body[:comma]
            inner_mention = _read_plain_before(inner) if inner[:1].isupper() else None
            if (
                inner_mention is not None
                and inner_mention.kind in (MentionKind.NAME, MentionKind.ORGANIZATION)
                and inner_mention.start == 0
            ):
                # "the Russian ambassador to the U.N., Vitaly Churkin,"
                organization = inner_mention.kind is MentionKind.ORGANIZATION
                if organization or names_an_organization(outer):
                    return Mention(
                        inner_mention.name,
                        MentionKind.ORGANIZATION,
                        None,
                        None,
                        comma + 1 + len(body[comma + 1 :]) - len(body[comma + 1 :].lstrip()),
                        len(stripped),
                    )
                role_phrase = appositive_start(outer)
                if role_phrase is not None:
                    role, at = role_phrase
                    return Mention(
                        inner_mention.name,
                        MentionKind.NAME,
                        role,
                        inner_mention.gender,
                        at,
                        len(stripped),
                    )
            return _read_name_with_appositives(body)
        return None
    if " who" in stripped:
        relative = _TRAILING_RELATIVE_RE.search(stripped)
        if relative is not None:
            # "A council aide who asked not to be named because …": the clause is no speaker
            subject = _read_plain_before(stripped[: relative.start()])
            if subject is None or subject.kind is MentionKind.PRONOUN:
                return None
            if subject.kind is MentionKind.NAME and " " not in subject.name and not subject.role:
                return None  # "Farmers who packed the hall": a capitalised common noun
            return replace(subject, end=len(stripped))
    return _read_plain_before(stripped)


# A relative clause with no comma running on to the verb ("officials who asked not to be named").
_TRAILING_RELATIVE_RE = re.compile(r"[ \u00a0](?:who|whose)[ \u00a0][^,;:\u201c\u201d\"]*$")


def _read_name_with_appositives(body: str) -> Mention | None:
    """ "Ann Lee, an analyst with X, who advised Y" -> Ann Lee, analyst with X."""
    end = len(body)
    roles: list[str] = []
    which = False
    for _ in range(4):
        comma = body.rfind(",", 0, end)
        chunk = body[comma + 1 : end].strip()
        if comma > 0 and is_appositive(chunk):
            if len(chunk.split()) > 24:
                return None
            role_clause = ROLE_CLAUSE_RE.match(chunk)
            if role_clause:
                roles.append(role_of_clause(role_clause))  # "who is the port director"
            elif chunk.split(" ", 1)[0].lower() not in RELATIVE_WORDS and not chunk.isdigit():
                roles.append(chunk)
            which = chunk.split(" ", 1)[0].lower() == "which"
            end = comma
            continue
        if end == len(body):
            return None
        named = _read_plain_before(body[:end])
        if named is None or named.kind is MentionKind.PRONOUN:
            return None
        if named.kind in (MentionKind.ANONYMOUS, MentionKind.NOMINAL):
            # "A senior official, who asked not to be named,"
            return Mention(named.name, named.kind, None, None, named.start, len(body) + 1)
        role = named.role or (strip_determiner(roles[-1]) if roles else None)
        kind = named.kind
        if which and kind is MentionKind.NAME and named.gender is None and not named.role:
            kind, role = MentionKind.ORGANIZATION, None  # "Clydeport Marine, which builds …,"
        return Mention(named.name, kind, role, named.gender, named.start, len(body) + 1)
    return None


_NUMBER_SLASH_RE = re.compile(r"(?<=\d)/(?=\d)")


@lru_cache(maxsize=256)
def read_mention_after(text: str) -> Mention | None:
    """The speaker phrase that opens `text` ("Kerry.", "Dmitri Trenin, an analyst with ...")."""
    lead = _NUMBER_SLASH_RE.sub("-", text.lstrip())  # "9/11 widow" reads as one word
    offset = len(text) - len(lead)
    first = lead.split(" ", 1)[0].lower().rstrip(".,;:")
    if first in PRONOUNS:
        return Mention(
            first,
            MentionKind.PRONOUN,
            gender=PRONOUNS[first],
            start=offset,
            end=offset + len(first),
        )
    run_words = _speaker_words(lead)
    if not run_words:
        return None
    run_end = run_words[-1].end()
    run = lead[:run_end].rstrip(".")
    if run_words[-1].group().endswith(".") and not re.search(
        r"(?:\b[A-Z]\.|Jr\.|Sr\.)$", run_words[-1].group()
    ):
        run_end -= 1
    mention = _read_plain_before(run)
    if mention is None:
        return None
    rest = lead[run_end:]
    if mention.kind is MentionKind.NAME and not mention.role:
        role = role_after(rest)
        if role is not None:
            mention = Mention(mention.name, mention.kind, role, mention.gender)
    return Mention(
        mention.name,
        mention.kind,
        mention.role,
        mention.gender,
        offset + mention.start,
        offset + run_end,
    )


def _speaker_words(lead: str) -> list[re.Match[str]]:
    """The words of the speaker phrase opening `lead`: a name with any title
    ("Secretary of State John Kerry"), or a common noun phrase ("the council")."""
    run_words: list[re.Match[str]] = []
    for match in _WORD_RE.finditer(lead):
        if run_words and lead[run_words[-1].end() : match.start()].strip():
            break
        word = match.group()
        low = word.lower().rstrip(".")
        plain = (low.isalpha() or low[:1].isdigit()) and low not in NOT_NAMES
        plain = plain and low not in SPEECH_VERBS
        plain = plain and low not in PREPOSITIONS and len(run_words) < 4
        if (
            word[0].isupper()
            or low in ROLE_WORDS
            or low in SOURCE_DETERMINERS
            or low in ANONYMOUS_HEADS
            or low in _NAME_LINKS
            or plain
        ):
            run_words.append(match)
            if len(run_words) >= 10:
                break
            continue
        break
    if len(run_words) == 1 and run_words[0].group().lower() in SOURCE_DETERMINERS:
        # "the ruling", "a senior official familiar with …": a common noun phrase
        for match in list(_WORD_RE.finditer(lead))[len(run_words) : len(run_words) + 4]:
            if (
                lead[run_words[-1].end() : match.start()].strip()
                or match.group().lower() in PREPOSITIONS
            ):
                break
            run_words.append(match)
    named = any(w.group()[0].isupper() and w.group().lower() not in NOT_NAMES for w in run_words)
    if named and run_words[0].group().lower() in SOURCE_DETERMINERS:
        # "one Democratic source on the panel": an unnamed source, not "Democratic"
        named = not any(w.group().lower() in ANONYMOUS_HEADS for w in run_words)
    if not named:
        # no name follows: keep the words a speaker phrase is made of ("the council")
        opened = bool(run_words) and run_words[0].group().lower() in SOURCE_DETERMINERS
        for i, match in enumerate(run_words):
            low = match.group().lower().rstrip(".")
            if i > int(opened) and low not in ROLE_WORDS | ANONYMOUS_HEADS | ORGANIZATION_HEADS:
                run_words = run_words[:i]
                break
    while run_words and (
        run_words[-1].group().lower() in _NAME_LINKS
        or (named and run_words[-1].group()[0].islower())
    ):
        run_words.pop()
    return run_words


__all__ = ["NOT_NAMES", "Mention", "MentionKind", "gender_of_first_name", "read_name"]
