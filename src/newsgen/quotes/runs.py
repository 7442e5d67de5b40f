"""Where names and pronouns stand in running text: the patterns the cast reads an
article with (capitalised runs, honorifics, subject pronouns, what may follow a
person's name) and the small tests on their matches. Pure functions of the text;
who each mention refers to is `newsgen.quotes.cast`'s business.
"""

from __future__ import annotations

import re

from newsgen.quotes.lexicon import ORGANIZATION_WORDS, ROLE_WORDS, TITLE_WORDS
from newsgen.quotes.names import gender_of_first_name, is_role_noun

# "Kerry", "F.", "G.K.", and the short titles inside a name ("State Del. Ann Lee")
_NAME_WORD = (
    r"(?:(?:[A-Z]\.)+(?=[ \u00a0])"
    r"|(?:Sen|Rep|Gov|Gen|Del|Lt|Col|Capt|Sgt|Adm|Rev|Prof)\.(?=[ \u00a0])"
    r"|[A-Z][\w\u2019'-]*)"
)
# A run of capitalised words: an optional honorific, a `_NAME_WORD`, more of them
# and the small words inside names. Written to open on the capital itself, then
# to look back at it ("(?<=M)rs\." is "Mrs."): a pattern that opens on a plain
# character class lets the scan skip ahead to the next capital (about twice as
# fast as opening on a look-ahead).
CAPITALISED_RUN_RE = re.compile(
    r"[A-Z](?:"
    r"(?:(?<=M)r|(?<=M)rs|(?<=M)s|(?<=D)r|(?<=S)en|(?<=R)ep|(?<=G)ov|(?<=G)en)\.[ \u00a0]+"
    + _NAME_WORD
    + r"|\.(?:[A-Z]\.)*(?=[ \u00a0])"
    r"|(?:(?<=S)en|(?<=R)ep|(?<=G)ov|(?<=G)en|(?<=D)el|(?<=L)t|(?<=C)ol|(?<=C)apt|(?<=S)gt"
    r"|(?<=A)dm|(?<=R)ev|(?<=P)rof)\.(?=[ \u00a0])"
    r"|[\w\u2019'-]*)"
    rf"(?:(?<!\u2019s)(?<!'s)[ \u00a0]+(?:{_NAME_WORD}|"
    r"\b(?:of|the|de|van|von|bin|al|del|da)(?=[ \u00a0]+[A-Z])))*"
)
HONORIFIC_RE = re.compile(r"^(Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen)\.")
POSSESSIVE_END_RE = re.compile(r"[\u2019']s?$")


def strip_possessive(word: str) -> str:
    """ "Kerry's" -> "Kerry", "Davis'" -> "Davis": what `POSSESSIVE_END_RE` strips,
    without a regular expression (most words have no such ending)."""
    end = word[-1:]
    if end == "s":
        return word[:-2] if word[-2:-1] in ("\u2019", "'") else word
    return word[:-1] if end in ("\u2019", "'") else word


# Subject pronouns outside quotations: each refers to someone already named,
# and recording who keeps the chain ("Ms. Ortiz arrived. She said …") alive.
# (Opening on the letter, not on "\b", lets the scan skip ahead: twice as fast.)
SUBJECT_PRONOUN_RE = re.compile(r"[HhSs](?:(?<=\b[Hh])e|(?<=\b[Ss])he)\b(?![\u2019'-])")
# The same pronouns in lower case, found by their last two letters ("she" matches
# at its "he": the letter before tells them apart).
LOWER_PRONOUN_RE = re.compile(r"he(?:(?<=\bhe)|(?<=\bshe))(?![\w\u2019'-])")
# The tail of an organization's name ("Commission on Fair Elections").
ORGANIZATION_LINK_RE = re.compile(r"\b([A-Z][\w.&-]*)[ \u00a0]+(?:on|for|of|and)[ \u00a0]+$")


# "Trump campaign spokesman Jason Miller", "Kerry's deputy Ann Lee": the first name
# only qualifies the person named after it.
QUALIFIER_RE = re.compile(r"[ \u00a0]+((?:[a-z][\w-]*[ \u00a0]+){1,3})[A-Z]")
PERSON_AFTER_RE = re.compile(
    r",\s+(?:a|an|the|who|whose|\d{1,3},)\s|\s+(?:\w+\s+)?(?:said|says|told|added)\b"
    r"|\s+(?:\w+ly\s+)?(?:runs|leads|heads|owns|chairs|founded|directs|manages|represents)\b"
)


def named_like_a_person(text: str, match: re.Match[str], words: list[str]) -> bool:
    """A first name we know, a role word before it, or an appositive or speech verb after it."""
    if any(
        gender_of_first_name(w) or w.lower() in TITLE_WORDS or is_role_noun(w) for w in words[:-1]
    ):
        return True
    if any(w.lower().rstrip(".,") in ORGANIZATION_WORDS for w in words) or len(words) > 4:
        return False
    previous = text[max(0, match.start() - 30) : match.start()].split()
    if previous and (
        previous[-1].lower() in ROLE_WORDS or previous[-1].endswith(("\u2019s", "'s"))
    ):
        return True
    return bool(PERSON_AFTER_RE.match(text, match.end()))
