"""Reading the noun phrase that names a speaker: a name with its title or
appositive role, a pronoun, an organization, or an unnamed source.

`read_mention_before(text)` reads the phrase that ends `text` (the words before
a speech verb, "the Russian ambassador to the U.N., Vitaly Churkin,");
`read_mention_after(text)` the phrase that opens it (the words after a verb,
"Dmitri Trenin, an analyst with the Carnegie Moscow Center.").
"""

from __future__ import annotations

import re

from newsgen.quotes.lexicon import (
    ANONYMOUS_HEADS,
    ORGANIZATION_HEADS,
    PRONOUNS,
    ROLE_WORDS,
    SOURCE_DETERMINERS,
    SPEECH_VERBS,
    TITLE_WORDS,
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

_NAME_LINK = r"(?:of|the|de|van|von|bin|al|la|le|du|del|der|da|di|dos|ibn)"
_NAME_TOKEN = rf"(?:\b[A-Z][\w\u2019'.-]*|\b{_NAME_LINK}(?=\s+(?:the\s+)?[A-Z]))"
_NAME_TAIL_RE = re.compile(rf"{_NAME_TOKEN}(?:[ \u00a0]+{_NAME_TOKEN})*$")
_NAME_HEAD_RE = re.compile(rf"{_NAME_TOKEN}(?:[ \u00a0]+{_NAME_TOKEN})*")
_WORD_RE = re.compile(r"[\w\u2019'.&-]+")
_POSSESSIVE_RE = re.compile(r"[\u2019']s?$")
_PREPOSITIONS = word_set("for of with at from in on close to")
_STATEMENT_HEADS = word_set("statement report survey poll study letter ad piece article")


def _role_prefix(text: str) -> tuple[str | None, int]:
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


def _read_common_noun_phrase(text: str) -> Mention | None:
    """ "a senior defense official", "officials", "the ministry", "the president"."""
    words = list(_WORD_RE.finditer(text))
    if not words or text[words[-1].end() :].strip():
        return None
    chosen: list[re.Match[str]] = []
    for match in reversed(words[-8:]):
        low = match.group().lower()
        between = text[match.end() : chosen[0].start()] if chosen else ""
        if (
            "," in between
            or ";" in between
            or low in ("that", "and", "but", "because", "when", "as")
        ):
            break
        chosen.insert(0, match)
        if low in SOURCE_DETERMINERS:
            earlier = [w for w in words if w.end() <= match.start()]
            if not earlier or earlier[-1].group().lower() not in _PREPOSITIONS:
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
    if phrase[:1].isupper() and det is not None:
        phrase = phrase[0].lower() + phrase[1:]
    if head in ANONYMOUS_HEADS:
        return Mention(phrase, MentionKind.ANONYMOUS, start=start, end=chosen[-1].end())
    if head in ORGANIZATION_HEADS and det in ("the", None) and head not in _STATEMENT_HEADS:
        return Mention(phrase, MentionKind.ORGANIZATION, start=start, end=chosen[-1].end())
    if head in _STATEMENT_HEADS:
        return Mention(phrase, MentionKind.NOMINAL, start=start, end=chosen[-1].end())
    if det is not None and head.isalpha() and head not in NOT_NAMES:
        return Mention(phrase, MentionKind.NOMINAL, start=start, end=chosen[-1].end())
    return None


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
    if tail and any(word[:1].isupper() for word in tail.group().split()):
        mention = read_name(tail.group(), tail.start())
        if mention is not None:
            spokesperson = _SPOKESPERSON_FOR_RE.search(stripped, 0, tail.start())
            if spokesperson and spokesperson.end() == tail.start():
                return Mention(
                    stripped[spokesperson.start(2) :],
                    MentionKind.ANONYMOUS,
                    start=spokesperson.start(1),
                    end=len(stripped),
                )
            if mention.kind is MentionKind.NAME and _names_an_organization(
                stripped[: tail.start()]
            ):
                mention = Mention(mention.name, MentionKind.ORGANIZATION, start=mention.start)
            role, begin = _role_prefix(stripped[: tail.start()])
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
    return _read_common_noun_phrase(stripped)


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
                if organization or _names_an_organization(outer):
                    return Mention(
                        inner_mention.name,
                        MentionKind.ORGANIZATION,
                        None,
                        None,
                        comma + 1 + len(body[comma + 1 :]) - len(body[comma + 1 :].lstrip()),
                        len(stripped),
                    )
                role_phrase = _appositive_start(outer)
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
    return _read_plain_before(stripped)


_RELATIVE_WORDS = ("who", "which", "whose", "where")
# A role given in a relative clause: "who is the port director", "who heads X".
_ROLE_CLAUSE_RE = re.compile(
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


def _role_of_clause(clause: re.Match[str]) -> str:
    if clause.group(1):
        return clause.group(1)
    verb, rest = clause.group(2).split(" ", 1)
    return f"{_ROLE_VERBS[verb]} {rest}"


def _is_appositive(chunk: str) -> bool:
    """ "an analyst with X", "who served under Y", "one of the states suing": not a name
    ("The Larder Network" is one)."""
    words = chunk.split()
    if not words:
        return False
    if words[0] in ("A", "An", "The"):
        return any(w.islower() and w not in ("of", "the", "and", "for", "on") for w in words)
    return words[0][:1].islower() or (len(words) == 1 and words[0].isdigit())


def _read_name_with_appositives(body: str) -> Mention | None:
    """ "Ann Lee, an analyst with X, who advised Y" -> Ann Lee, analyst with X."""
    end = len(body)
    roles: list[str] = []
    which = False
    for _ in range(4):
        comma = body.rfind(",", 0, end)
        chunk = body[comma + 1 : end].strip()
        if comma > 0 and _is_appositive(chunk):
            if len(chunk.split()) > 24:
                return None
            role_clause = _ROLE_CLAUSE_RE.match(chunk)
            if role_clause:
                roles.append(_role_of_clause(role_clause))  # "who is the port director"
            elif chunk.split(" ", 1)[0].lower() not in _RELATIVE_WORDS and not chunk.isdigit():
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


_SPOKESPERSON_FOR_RE = re.compile(
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


def _names_an_organization(text: str) -> bool:
    """ "The company" before "Keystone Cell Works", "Campaign group" before "River Guardians"."""
    tail = text[text.rfind(",") + 1 :]
    return len(tail.split()) <= 3 and bool(_ORGANIZATION_NOUN_RE.search(tail))


def _appositive_start(text: str) -> tuple[str, int] | None:
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
        phrase = " ".join(words[1:] if words[0][0].islower() else words)
        return phrase, base + len(text[base:]) - len(text[base:].lstrip())
    return None


_NUMBER_SLASH_RE = re.compile(r"(?<=\d)/(?=\d)")
_LEAD_RE = re.compile(r"^\s*((?:(?:[\w\u2019'.&-]+)[ \u00a0]*){1,10})")


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
    run_words: list[re.Match[str]] = []
    for match in _WORD_RE.finditer(lead):
        if run_words and lead[run_words[-1].end() : match.start()].strip():
            break
        word = match.group()
        low = word.lower().rstrip(".")
        plain = (low.isalpha() or low[:1].isdigit()) and low not in NOT_NAMES
        plain = plain and low not in SPEECH_VERBS
        plain = plain and low not in _PREPOSITIONS and len(run_words) < 4
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
                or match.group().lower() in _PREPOSITIONS
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
        appositive = re.match(
            r",\s*((?:an?|the|who is|who was)\s[^,.;]*(?:\.[A-Z][^,;]*?)?)(?:,|\.|;|$)", rest
        ) or _BARE_ROLE_RE.match(rest)
        if appositive and (appositive.re is not _BARE_ROLE_RE or _is_role_phrase(appositive[1])):
            role = appositive.group(1)
            role = re.sub(r"^who (?:is|was)\s+", "", role)
            mention = Mention(mention.name, mention.kind, strip_determiner(role), mention.gender)
    return Mention(
        mention.name,
        mention.kind,
        mention.role,
        mention.gender,
        offset + mention.start,
        offset + run_end,
    )


_NAME_LINKS = word_set("of the de van von bin al la le du del der da")
# ", chief economist at Nile Research," / ", owner of Sweet Lane Bakery.": a role
# given without an article.
_BARE_ROLE_RE = re.compile(r",\s*([a-z][^,.;]*(?:\.[A-Z][^,;]*?)?)(?:,|\.|;|$)")
_ROLE_NOUN_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent", "ee")


def _is_role_phrase(phrase: str) -> bool:
    """ "chief economist at X", "owner of Y", "transport researcher": a role, not a clause."""
    words = phrase.split()
    for word in words[:3]:
        if word in ("that", "who", "which") or word.endswith(("ing", "ed")):
            return False
        if word in ROLE_WORDS or word in ANONYMOUS_HEADS or word.endswith(_ROLE_NOUN_ENDINGS):
            return True
    return False


__all__ = ["NOT_NAMES", "Mention", "MentionKind", "gender_of_first_name", "read_name"]
