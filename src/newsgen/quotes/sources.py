"""Speakers named outside quotations: sources reported in indirect speech
("A senior official said the talks had stalled") and a paragraph that ends
by introducing the quotation after it ("… Kerry said:").
"""

from __future__ import annotations

import re
from bisect import bisect_right

from newsgen.quotes.cast import Cast, Resolved
from newsgen.quotes.context import SentenceIndex
from newsgen.quotes.mentions import read_mention_after, read_mention_before
from newsgen.quotes.names import MentionKind
from newsgen.quotes.rules import (
    find_speech_verbs,
    is_verb_use,
    read_sentence_subject,
    speech_verbs_pattern,
    strip_auxiliaries,
)
from newsgen.quotes.spans import QuoteSpan

# Verbs that make a sentence with no quotation an indirect-speech source.
_INDIRECT_VERBS = frozenset(
    [
        "said",
        "says",
        "told",
        "tells",
        "added",
        "warned",
        "stated",
        "announced",
        "claimed",
        "confirmed",
    ]
)
# Participles that report the speech of the sentence's subject (", arguing that …").
_INDIRECT_PARTICIPLES = frozenset(["saying", "arguing", "adding", "warning", "insisting"])
_INDIRECT_RE = speech_verbs_pattern(_INDIRECT_VERBS | _INDIRECT_PARTICIPLES)
# The letters every verb of `_INDIRECT_RE` opens with: the pattern is tried only
# where one of them is (found as plain text, which is quicker than its own scan).
_INDIRECT_STEMS = (
    "said",
    "say",
    "told",
    "tells",
    "add",
    "warn",
    "stated",
    "announced",
    "claimed",
    "confirmed",
    "arguing",
    "insisting",
)


def find_indirect_verbs(text: str) -> list[re.Match[str]]:
    """What `_INDIRECT_RE.finditer(text)` finds, the pattern tried only where a stem
    starts: every paragraph is looked through for the stems, and most hold few."""
    starts: list[int] = []
    for stem in _INDIRECT_STEMS:
        at = text.find(stem)
        while at >= 0:
            starts.append(at)
            at = text.find(stem, at + 1)
    if not starts:
        return []
    starts.sort()
    verbs: list[re.Match[str]] = []
    last = 0
    match = _INDIRECT_RE.match  # (its look-behinds see the text before `at`)
    for at in starts:
        if at >= last:
            verb = match(text, at)
            if verb is not None:
                verbs.append(verb)
                last = verb.end()
    return verbs


_INDIRECT_KINDS = (MentionKind.NAME, MentionKind.ORGANIZATION, MentionKind.ANONYMOUS)


def find_indirect_sources(
    index: int, text: str, spans: list[QuoteSpan], sentence_of: SentenceIndex, cast: Cast
) -> list[tuple[int, Resolved]]:
    """Speakers of sentences with no quotation ("A senior official said …")."""
    found: list[tuple[int, Resolved]] = []
    cues = find_indirect_verbs(text)
    if not cues:
        return found
    ends = sentence_of.ends
    # Only the sentences that hold a verb of indirect speech, in order (a sentence
    # starts after a space: its words read the same in the paragraph), each with
    # its verbs (the cues come in order, so each sentence's are found together).
    held: list[tuple[int, list[re.Match[str]]]] = []
    for cue in cues:
        at_end = bisect_right(ends, cue.start())
        if held and held[-1][0] == at_end:
            held[-1][1].append(cue)
        else:
            held.append((at_end, [cue]))
    for at_end, in_sentence in held:
        begin = ends[at_end - 1] if at_end else 0
        end = ends[at_end] if at_end < len(ends) else len(text)
        if not spans or not any(span.start < end and span.end > begin for span in spans):
            verbs = [verb for verb in in_sentence if is_verb_use(text, verb.start(), begin)]
            for verb in verbs:
                word = verb.group().lower()
                head = text[begin : verb.start()]
                if word in _INDIRECT_PARTICIPLES and head.rstrip().endswith(","):
                    # "Banks had asked for probation, arguing that …": the subject speaks
                    subject = read_sentence_subject(text[begin:end])
                    mention = subject[0] if subject is not None else None
                elif word in _INDIRECT_VERBS:
                    mention = read_mention_before(strip_auxiliaries(head))
                else:
                    continue
                if mention is None or mention.kind not in _INDIRECT_KINDS:
                    continue
                if mention.kind is MentionKind.ANONYMOUS and mention.name.split()[0].lower() in (
                    "the",
                    mention.name,
                ):
                    continue
                at = begin + mention.start
                resolved = cast.resolve(mention, index, sentence_of.at(at), at)
                if resolved is not None:
                    found.append((at, resolved))
                break
    return found


def find_introduced_speaker(
    index: int, text: str, spans: list[QuoteSpan], sentence_of: SentenceIndex, cast: Cast
) -> tuple[Resolved, str] | None:
    """Who a paragraph ending "… Kerry said:" introduces, for the quotation after it."""
    stripped = text.rstrip()
    if not stripped.endswith(":") or (spans and spans[-1].end >= len(stripped) - 1):
        return None
    begin = max([0, *(e for e in sentence_of.ends if e < len(stripped))])
    if spans:
        begin = max(begin, spans[-1].end + 1)
    sentence = stripped[begin:-1]
    verbs = find_speech_verbs(sentence)
    if not verbs:
        return None
    verb = verbs[-1]
    mention = read_mention_before(strip_auxiliaries(sentence[: verb.start()]))
    if mention is None:
        mention = read_mention_after(sentence[verb.end() :])
        if mention is None:
            return None
    at = begin + mention.start
    resolved = cast.resolve(mention, index, sentence_of.at(at), at)
    return (resolved, verb.group().lower()) if resolved is not None else None
