"""Attribution rules: each reads a quote's context and may name who said it.

They are tried in `ATTRIBUTION_RULES` order, highest priority first, and the
first that answers wins. Each rule is a small function of one `QuoteContext`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from newsgen.quotes.context import QuoteContext
from newsgen.quotes.lexicon import (
    SPEECH_VERBS,
    VERB_AUXILIARIES,
    WEAK_SPEECH_VERBS,
    word_set,
    words_pattern,
)
from newsgen.quotes.mentions import read_mention_after, read_mention_before
from newsgen.quotes.names import Mention, MentionKind, read_name
from newsgen.quotes.registry import Registry

_WORD_RE = re.compile(r"[\w\u2019'-]+")
_SPEECH_VERB_RE = re.compile(words_pattern(SPEECH_VERBS, r"[\w\u2019'-]") + r"(?![\w\u2019'-])")
_LEADING_PUNCT_RE = re.compile(r"^[\s,;:.?!—\u2013-]*")
_ACCORDING_RE = re.compile(r"\baccording to\b", re.IGNORECASE)
_DASH_CREDIT_RE = re.compile(
    r"^[\s\u00a0]*[\u2015—\u2013]+[\s\u00a0]*([A-Z](?:[^,.;:!?]|(?<=\b[A-Z])\.){1,60}?)[\s\u00a0.]*$"
)
_STRONG_KINDS = (MentionKind.NAME, MentionKind.PRONOUN, MentionKind.ORGANIZATION)


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who a rule says spoke, the verb it used and where the speaker is named
    (`position`: offset in the paragraph, for telling recent mentions apart)."""

    mention: Mention
    verb: str | None
    rule: str
    position: int
    from_before: bool = False


Rule = Callable[[QuoteContext], Attribution | None]
ATTRIBUTION_RULES: Registry[Rule] = Registry()


# A determiner or a possessive before "remarks", "claims", "report" makes it a noun.
_NOUN_BEFORE_RE = re.compile(
    r"(?:\b(?:the|a|an|of|his|her|their|its|our|my|your|these|those|such|this|that)|[\w.][\u2019']s?)"
    r"[ \u00a0]+$",
    re.IGNORECASE,
)


# "of Republican claims": a modifier after "of" makes the word a noun too.
_OF_MODIFIER_RE = re.compile(r"\bof[ \u00a0]+(?!them\b|us\b|whom\b|which\b)[\w-]+[ \u00a0]+$")


@lru_cache(maxsize=64)  # several rules read the same words around one quote
def find_speech_verbs(text: str) -> tuple[re.Match[str], ...]:
    """Speech verbs of `text`, leaving out the same words used as nouns ("his remarks")."""
    return find_verbs_among(text, _SPEECH_VERB_RE)


def find_verbs_among(text: str, verbs: re.Pattern[str]) -> tuple[re.Match[str], ...]:
    """What `find_speech_verbs` finds in `text`, of the words `verbs` matches
    (made by `speech_verbs_pattern`): the same filter, fewer words to look at."""
    return tuple(verb for verb in verbs.finditer(text) if is_verb_use(text, verb.start()))


def is_verb_use(text: str, start: int, begin: int = 0) -> bool:
    """Whether the speech-verb word at `start` of `text` is a verb, not the same word
    as a noun ("his remarks"), judged from the words from `begin` (its sentence's
    start, after a space) on."""
    return not _NOUN_BEFORE_RE.search(
        text, max(begin, start - 12), start
    ) and not _OF_MODIFIER_RE.search(text, max(begin, start - 30), start)


def speech_verbs_pattern(words: frozenset[str]) -> re.Pattern[str]:
    """A pattern for some `SPEECH_VERBS`, matching them where `find_speech_verbs` would."""
    if not words <= SPEECH_VERBS:
        raise ValueError(f"not speech verbs: {sorted(words - SPEECH_VERBS)}")
    return re.compile(words_pattern(words, r"[\w\u2019'-]") + r"(?![\w\u2019'-])")


def strip_auxiliaries(text: str) -> str:
    """'Kerry has previously ' -> 'Kerry'."""
    words = text.rstrip()
    while words:
        last = words.split()[-1]  # the word ending `words`, if it is all letters
        if not _WORD_ONLY_RE.fullmatch(last) or last.lower() not in VERB_AUXILIARIES:
            return words
        words = words[: max(0, len(words) - len(last) - 1)].rstrip()
    return words


_WORD_ONLY_RE = re.compile(r"[\w\u2019']+")


def _acceptable(mention: Mention | None, verb: str) -> bool:
    if mention is None:
        return False
    return verb.lower() not in WEAK_SPEECH_VERBS or mention.kind in _STRONG_KINDS


def _speaker_before_verb(text: str, verb: re.Match[str]) -> Mention | None:
    head = strip_auxiliaries(text[: verb.start()])
    mention = read_mention_before(head)
    return mention if _acceptable(mention, verb.group()) else None


_CONJUNCTIONS = word_set(
    "after because when while since although though until once before if unless and but"
)


def _loose_prefix(text: str) -> bool:
    """Up to three plain words before a speaker ("Tulsa police" Chief Chuck Jordan),
    not a conjunction opening a clause of its own ("after she described it")."""
    words = text.split()
    return (
        len(words) <= 3
        and not any(mark in text for mark in ",.;:?!")
        and not any(word.lower() in _CONJUNCTIONS for word in words)
    )


def attribute_after_speaker_verb(ctx: QuoteContext) -> Attribution | None:
    """“…,” Secretary of State John Kerry said Friday. / “…,” he added."""
    after = ctx.after
    lead = _LEADING_PUNCT_RE.match(after)
    begin = lead.end() if lead else 0
    for verb in find_speech_verbs(after)[:2]:
        mention = _speaker_before_verb(after, verb)
        if mention is not None and _loose_prefix(after[begin : mention.start]):
            return Attribution(
                mention, verb.group().lower(), "after_speaker_verb", _offset(ctx, after, mention)
            )
    return None


def attribute_after_verb_speaker(ctx: QuoteContext) -> Attribution | None:
    """“…,” said Kerry. / “…,” wrote Dmitri Trenin, an analyst with …"""
    after = ctx.after
    lead = _LEADING_PUNCT_RE.match(after)
    begin = lead.end() if lead else 0
    verbs = find_speech_verbs(after)
    if not verbs or verbs[0].start() != begin:
        return None
    mention = read_mention_after(after[verbs[0].end() :])
    if mention is None or (mention.kind is MentionKind.PRONOUN and mention.name == "i"):
        return None
    return Attribution(
        mention, verbs[0].group().lower(), "after_verb_speaker", _offset(ctx, after, mention)
    )


def attribute_dash_credit(ctx: QuoteContext) -> Attribution | None:
    """“…” ― Jane Doe (a credit line after the quote)."""
    match = _DASH_CREDIT_RE.match(ctx.after)
    if not match or ctx.before.strip():
        return None
    mention = read_name(match.group(1).strip())
    if mention is None:
        return None
    return Attribution(mention, None, "dash_credit", _offset(ctx, ctx.after, mention))


def attribute_before_speaker_verb(ctx: QuoteContext) -> Attribution | None:
    """Kerry said: “…” / He added, “…” / Kerry warned that … “could escalate”."""
    before = ctx.before
    for verb in reversed(find_speech_verbs(before)):
        word = verb.group().lower()
        if word.endswith("ing") and before[: verb.start()].rstrip().endswith(","):
            # ", saying it hoped …": the speaker is the subject of the sentence.
            subject = read_mention_after(before)
            if subject is not None and _acceptable(subject, word):
                return Attribution(
                    subject, word, "before_participle", ctx.before_start + subject.start, True
                )
            continue
        mention = _speaker_before_verb(before, verb)
        if mention is not None and mention.name != "i":
            return Attribution(
                mention, word, "before_speaker_verb", ctx.before_start + mention.start, True
            )
        if _COORDINATED_RE.search(before, 0, verb.start()):
            # "Lee did not commit but said she was “open to anything”": the subject's
            lead = _OPENING_PHRASE_RE.match(before)
            begin = lead.end() if lead else 0
            clause = before[begin : verb.start()]
            subject = read_mention_after(clause)
            if (
                subject is not None
                and subject.kind in _STRONG_KINDS
                and subject.name != "i"
                and _verb_follows(clause[subject.end :])
            ):
                at = ctx.before_start + begin + subject.start
                return Attribution(subject, word, "before_speaker_verb", at, True)
    return None


def _verb_follows(text: str) -> bool:
    """The words after a subject open with its verb ("did not commit", "paused")."""
    first = _TOKEN_RE.search(text)
    if first is None:
        return False
    word = first.group()
    return word in _AUXILIARY_WORDS or word in ("did", "does") or _looks_like_verb(word, "")


# A second verb of the same subject ("… but said", "… and added").
_COORDINATED_RE = re.compile(r"[ \u00a0](?:but|and)[ \u00a0]+$")


def attribute_according_to(ctx: QuoteContext) -> Attribution | None:
    """“…,” according to the ministry. / According to Smith, “…”"""
    for text, base in ((ctx.after, None), (ctx.before, ctx.before_start)):
        match = _ACCORDING_RE.search(text)
        if match is None:
            continue
        mention = read_mention_after(text[match.end() :])
        if mention is not None:
            position = (base if base is not None else _offset(ctx, text, mention)) + match.end()
            return Attribution(mention, "according to", "according_to", position, base is not None)
    return None


def attribute_after_clause(ctx: QuoteContext) -> Attribution | None:
    """“mechanisms for deconfliction” in Syria, the Pentagon said in a statement."""
    after = ctx.after
    for verb in find_speech_verbs(after):
        mention = _speaker_before_verb(after, verb)
        if mention is None:
            continue
        lead = after[: mention.start].rstrip()
        if lead.endswith(",") or not lead.strip(" ,.;:—\u2013-"):
            return Attribution(
                mention, verb.group().lower(), "after_clause", _offset(ctx, after, mention)
            )
    return None


# "Lee's claim that …", "Lee's repeated emphasis that …": what someone said, as a noun.
_POSSESSIVE_STATEMENT_RE = re.compile(
    r"((?:[A-Z][\w.-]*[ \u00a0]+){0,3}[A-Z][\w.-]*)[\u2019']s?(?:[ \u00a0]+[a-z-]+){0,2}?[ \u00a0]+"
    r"(?:claims?|statements?|remarks|comments?|words|assertions?|warnings?|promises?|pledges?|"
    r"descriptions?|tweets?|arguments?|accusations?|suggestions?|messages?|responses?|answers?|"
    r"vows?|insistence|predictions?|emphasis|missive|speech|testimony|complaint|memo|letter)\b"
)


def attribute_possessive_statement(ctx: QuoteContext) -> Attribution | None:
    """Critics seized on Lee's claim that there were “thousands of cases.”"""
    matches = list(_POSSESSIVE_STATEMENT_RE.finditer(ctx.sentence_before))
    if not matches:
        return None
    mention = read_name(matches[-1].group(1))
    if mention is None:
        return None
    return Attribution(
        mention, None, "possessive_statement", ctx.sentence_start + matches[-1].start(), True
    )


# An opening adverbial before the subject ("In July, ", "At Monday's debate, ").
_OPENING_PHRASE_RE = re.compile(
    r"^\s*(?:(?:In|At|On|During|After|Before|Since|Earlier|Later|Last|This|Meanwhile|But|And|Yet|"
    r"Still|However|Now|Then|Separately|Speaking|Asked|Instead|When|While|As|If|Although|Though|"
    r"Because|Once)\b[^,;:\u201c\"]{0,100},\s*)?"
)
# Common verbs of the past tense that do not end in -ed.
_IRREGULAR_PAST = word_set(
    "said told wrote made took gave went put spoke sent saw thought felt kept left brought "
    "sought ran won lost held led set gone done seen known shown given taken spoken written "
    "begun began came become became struck hit cast drew drawn threw thrown bit bitten"
)


_NOT_VERBS = word_set("need red bed seed speed feed hundred")
_NOT_PREDICATES = word_set("a an the of to in on at for with by from and or")


def _looks_like_verb(word: str, gap: str) -> bool:
    """A verb after a subject, told from a noun without a tagger ("Kerry warned",
    "Lee has gone", "Lee openly admires"; not "Lee supporters")."""
    if word in SPEECH_VERBS or word in _IRREGULAR_PAST or word.endswith("ed"):
        return word not in _NOT_VERBS
    if gap.strip():
        return word.endswith(("ing", "en", "s")) and not word.endswith("ss")
    return False


_AUXILIARY_WORDS = word_set(
    "is was has had have are were been also again once then later already still not now just"
)
_TOKEN_RE = re.compile(r"[\w\u2019'.-]+")


def _subject_verb(
    sentence: str, begin: int, predicate: bool = False
) -> tuple[int, re.Match[str]] | None:
    """The first word after `begin` that reads as the sentence's main verb, and
    where the words between subject and verb ("has repeatedly") start. With
    `predicate`, "was" followed by any word will do ("she was blunt:")."""
    gap = ""
    gap_start = begin
    for count, token in enumerate(_TOKEN_RE.finditer(sentence, begin)):
        word = token.group()
        if count > 14 or word in ("that", "who", "which", "whose"):
            return None
        if word in _AUXILIARY_WORDS or (word.endswith("ly") and word.islower()):
            gap_start = gap_start if gap else token.start()
            gap += word + " "
            continue
        if count > 0 and word.islower() and _looks_like_verb(word, gap):
            return (gap_start if gap else token.start()), token
        if predicate and gap and count > 0 and word.islower() and word not in _NOT_PREDICATES:
            return gap_start, token
        gap = ""
    return None


def read_sentence_subject(
    sentence: str, predicate: bool = False
) -> tuple[Mention, int, re.Match[str]] | None:
    """The subject of `sentence` (after any opening phrase), where it starts and
    its verb: "In July, Lee's lawyer, Ann Ruiz, had asked …" -> Ann Ruiz."""
    lead = _OPENING_PHRASE_RE.match(sentence)
    begin = lead.end() if lead else 0
    found = _subject_verb(sentence, begin, predicate)
    if found is None:
        return None
    end, verb = found
    subject = sentence[begin:end]
    mention = read_mention_before(subject)
    if mention is None or mention.name in ("i", "we", "they") or subject[: mention.start].strip():
        return None
    return mention, begin + mention.start, verb


def attribute_sentence_subject(ctx: QuoteContext) -> Attribution | None:
    """Trump is promising lower taxes and “jobs, jobs, jobs.” (a partial quote
    in a sentence whose subject is a person, an organization or a source)."""
    if not ctx.before.strip():
        return None
    found = read_sentence_subject(ctx.sentence_before, ctx.before.rstrip().endswith(":"))
    if found is None:
        return None
    mention, at, verb = found
    return Attribution(mention, verb.group(), "sentence_subject", ctx.sentence_start + at, True)


# A subordinate clause that runs on to the quote ("… after she blamed it on “bias”").
_CLAUSE_OPENING_RE = re.compile(
    r"\b(?:after|because|when|while|since|although|though|until|once|as)[ \u00a0]+"
    r"(?=[^,;:\u2013\u2014]*$)"
)


def attribute_clause_subject(ctx: QuoteContext) -> Attribution | None:
    """Lee called it “a disgrace” after she blamed the crash on “bias”: a partial
    quote in a subordinate clause belongs to the clause's own subject."""
    opening = _CLAUSE_OPENING_RE.search(ctx.before)
    if opening is None:
        return None
    found = read_sentence_subject(ctx.before[opening.end() :])
    if found is None:
        return None
    mention, at, verb = found
    position = ctx.before_start + opening.end() + at
    return Attribution(mention, verb.group(), "clause_subject", position, True)


def _offset(ctx: QuoteContext, after: str, mention: Mention) -> int:
    return ctx.span.end + 1 + mention.start


ATTRIBUTION_RULES.register(attribute_dash_credit, "dash_credit", 90)
ATTRIBUTION_RULES.register(attribute_after_speaker_verb, "after_speaker_verb", 80)
ATTRIBUTION_RULES.register(attribute_after_verb_speaker, "after_verb_speaker", 70)
ATTRIBUTION_RULES.register(attribute_before_speaker_verb, "before_speaker_verb", 60)
ATTRIBUTION_RULES.register(attribute_according_to, "according_to", 50)
ATTRIBUTION_RULES.register(attribute_after_clause, "after_clause", 40)
ATTRIBUTION_RULES.register(attribute_possessive_statement, "possessive_statement", 20)
ATTRIBUTION_RULES.register(attribute_clause_subject, "clause_subject", 15)
ATTRIBUTION_RULES.register(attribute_sentence_subject, "sentence_subject", 10)


def attribute_context(ctx: QuoteContext) -> Attribution | None:
    """The answer of the first rule that finds a speaker for this quote."""
    for entry in ATTRIBUTION_RULES:
        found = entry.item(ctx)
        if found is not None:
            return found
    return None
