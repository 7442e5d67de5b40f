"""What a quotation looks like on its own: a full quoted sentence (direct), a
few quoted words inside a sentence (partial), a title, or a transcript turn.
"""

from __future__ import annotations

import re

from newsgen.quotes.context import QuoteContext
from newsgen.quotes.lexicon import word_set
from newsgen.quotes.rules import Attribution, find_speech_verbs

_WORDS_RE = re.compile(r"[\w\u2019'-]+")
# Words before a quoted name of a show, book or ad ("on CBS's", "titled", "an episode of").
_TITLE_CUE_RE = re.compile(
    r"(?:[\w.][\u2019']s|\b(?:titled|entitled|on|during an?|(?:episode|edition|broadcast|host|"
    r"star|author|cover) of|show|program|programme|book|film|movie|song|album|ad|spot|column|"
    r"headline|hashtag|slogan|named|known as|(?:calling|calls|called) (?:itself|themselves)))"
    r"[ \u00a0]*$",
    re.IGNORECASE,
)
_MINOR_WORDS = word_set("a an and at by for from in of on or the to with vs")
# A speaker label opening a transcript turn ("SMITH: Well, …").
_TRANSCRIPT_TURN_RE = re.compile(r"^[A-Z][A-Z.'\u2019 -]{1,30}:\s")


def is_direct(ctx: QuoteContext, found: Attribution | None) -> bool:
    """A quote that stands as its own sentence ("Lee said: “…”", "Lee said, “…”")."""
    before = ctx.before.strip()
    if not before:
        return True
    if before.endswith(":"):
        return True
    if found is None or not found.from_before or not before.endswith(","):
        return False
    verbs = find_speech_verbs(ctx.before)
    if not verbs:
        return False
    tail = _WORDS_RE.findall(ctx.before[verbs[-1].end() :])
    return len(tail) <= 5 and "that" not in tail


def is_title(ctx: QuoteContext) -> bool:
    """A name of a show, a book, an ad or a bill: short, every main word capitalised."""
    text = ctx.text.rstrip(" ,.")
    words = _WORDS_RE.findall(text)
    if not words or len(words) > 8 or text[-1:] in "!?" or ctx.before.rstrip().endswith(":"):
        return False
    at_start = not ctx.before.strip() and not ctx.after.strip(" .,")
    if not at_start and not _TITLE_CUE_RE.search(ctx.before):
        return False
    main = [w for w in words if w.lower() not in _MINOR_WORDS]
    return bool(main) and all(w[0].isupper() or w[0].isdigit() for w in main)


def is_transcript_turn(ctx: QuoteContext) -> bool:
    """Quoted words that open with a speaker label ("HOST: Welcome back …")."""
    return bool(_TRANSCRIPT_TURN_RE.match(ctx.text))


def looks_like_speech(ctx: QuoteContext) -> bool:
    """A quoted sentence, not a scare-quoted word or a title."""
    words = _WORDS_RE.findall(ctx.text)
    if ctx.before.strip() and not ctx.before.rstrip().endswith(":"):
        return False
    return len(words) >= 4 or ctx.text.rstrip()[-1:] in ".?!,"
