"""The people and organizations of one article, and who a mention refers to.

Full names are introduced as the text goes ("Secretary of State John Kerry");
later surnames ("Kerry"), honorifics ("Mr. Kerry"), role nouns ("the senator")
and pronouns ("he") are resolved to them: pronouns by gender and recency,
preferring the first person named in the most recent sentence that names a
compatible one (usually its subject).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field

from newsgen.article import SpeakerKind
from newsgen.quotes.context import SentenceIndex
from newsgen.quotes.lexicon import ORGANIZATION_WORDS, PRONOUNS, ROLE_WORDS
from newsgen.quotes.names import (
    NOT_NAMES,
    Mention,
    MentionKind,
    one_edit_apart,
    read_name,
)
from newsgen.quotes.nicknames import Nickname
from newsgen.quotes.runs import (
    CAPITALISED_RUN_RE,
    HONORIFIC_RE,
    LOWER_PRONOUN_RE,
    ORGANIZATION_LINK_RE,
    PERSON_AFTER_RE,
    POSSESSIVE_END_RE,
    QUALIFIER_RE,
    SUBJECT_PRONOUN_RE,
    named_like_a_person,
    strip_possessive,
)

# Heads of a definite description that can mean any business ("the company said").
_BUSINESS_HEADS = frozenset(["company", "firm", "business", "utility", "operator", "group"])


@dataclass(frozen=True, slots=True)
class Resolved:
    """Who a mention turned out to be."""

    name: str
    role: str | None
    kind: SpeakerKind
    anonymous: bool


@dataclass(slots=True)
class _Person:
    name: str
    role: str | None
    gender: str | None
    spoke: bool = False


@dataclass(slots=True)
class Cast:
    """Everyone an article names, built up while it is read from top to bottom."""

    people: dict[str, _Person] = field(default_factory=dict)
    # surname -> the full names that carry it, in order of first mention
    surnames: dict[str, list[str]] = field(default_factory=dict)
    mentions: dict[str, int] = field(default_factory=dict)
    # (paragraph, sentence, offset, name) of each mention of a person, in reading order
    timeline: list[tuple[int, int, int, str]] = field(default_factory=list)
    sources: list[Resolved] = field(default_factory=list)
    organizations: list[str] = field(default_factory=list)
    # Two- or three-word capitalised runs with no sign yet of being a person
    # ("Newt Gingrich"), by last word: a later bare "Gingrich" makes them one.
    candidates: dict[str, str] = field(default_factory=dict)
    # (paragraph, last word) of the latest candidate, for a pronoun nobody else fits
    recent_candidate: tuple[int, int, int, str] | None = None
    scanning: tuple[int, int, int] = (0, 0, 0)  # (paragraph, sentence, offset) being scanned
    headline_organizations: list[str] = field(default_factory=list)
    # "Bobby Scott" -> "Robert C. Scott", from a nickname given inside the full name
    nicknames: dict[str, str] = field(default_factory=dict)

    def add_person(self, name: str, role: str | None, gender: str | None) -> _Person:
        name = self.nicknames.get(name, name)
        surname = name.split()[-1].lower()
        if " " not in name and surname not in self.surnames and surname not in self.candidates:
            surname = self._misspelt_surname(surname)
        if " " not in name and surname not in self.surnames and surname in self.candidates:
            name = self.candidates.pop(surname)
        known = self.people.get(name)
        if known is None and len(name.split()) == 1 and surname in self.surnames:
            known = self.people[self.owner_of(surname, gender)]
        if known is None:
            known = _Person(name, role, gender)
            self.people[name] = known
            self.surnames.setdefault(surname, []).append(name)
        if role and (not known.role or (len(role) > len(known.role) and known.role in role)):
            known.role = role
        if gender and not known.gender:
            known.gender = gender
        return known

    def _misspelt_surname(self, word: str) -> str:
        """ "McAlister" after "Ann McAllister": the one surname already met (person
        or candidate) that a bare surname misses by a single letter, or `word`."""
        if len(word) < 5:
            return word
        close = [
            known
            for known in (*self.surnames, *self.candidates)
            if len(known) >= 5 and known + "s" != word and one_edit_apart(word, known)
        ]
        return close[0] if len(close) == 1 else word

    def owner_of(self, surname: str, gender: str | None = None) -> str:
        """Who a bare surname means: of the people sharing it (of the `gender` an
        honorific gives, "Ms. Scott"), the one the article mentions most, or on a
        tie the one it named first ("Cruz" after "his father, Rafael Cruz" is
        still Ted Cruz; "Scott" after a passing "Sen. Tim Scott" is still the
        Bobby Scott the story is about)."""
        names = self.surnames[surname]
        if len(names) == 1:
            return names[0]
        full = [n for n in names if " " in n] or names
        if gender is not None:
            full = [n for n in full if self.people[n].gender in (gender, None)] or full
        return max(full, key=lambda n: (self.mentions.get(n, 0), -names.index(n)))

    def note_mention(self, paragraph: int, sentence: int, offset: int, name: str) -> None:
        self.mentions[name] = self.mentions.get(name, 0) + 1
        entry = (paragraph, sentence, offset, name)
        if not self.timeline or self.timeline[-1] < entry:
            self.timeline.append(entry)
            return
        at = bisect_left(self.timeline, entry)  # (the timeline is kept in order)
        if at == len(self.timeline) or self.timeline[at] != entry:
            self.timeline.insert(at, entry)

    def scan_names(
        self,
        paragraph: int,
        text: str,
        sentence_of: SentenceIndex,
        hidden: list[tuple[int, int]],
        nicknames: Sequence[Nickname] = (),
    ) -> None:
        """Record every person named in `text` outside the `hidden` (quoted) ranges,
        who each subject pronoun there refers to, and the `nicknames` given inside
        a name (blanked out of `text`)."""
        # The text around the quotations, read piece by piece (a quotation opens
        # with a mark no name can run through, so the pieces read as the whole).
        if not hidden:  # (most paragraphs: no quotation, one piece)
            if text:
                self._scan_piece(paragraph, text, 0, len(text), sentence_of, nicknames)
            return
        edges = [0, *(edge for span in hidden for edge in span), len(text)]
        for begin, end in zip(edges[::2], edges[1::2], strict=True):
            if begin < end:
                self._scan_piece(paragraph, text, begin, end, sentence_of, nicknames)

    def _scan_piece(
        self,
        paragraph: int,
        text: str,
        begin: int,
        end: int,
        sentence_of: SentenceIndex,
        nicknames: Sequence[Nickname],
    ) -> None:
        runs = list(CAPITALISED_RUN_RE.finditer(text, begin, end))
        pronouns = self._find_pronouns(text, begin, end, runs)
        events: Sequence[re.Match[str] | tuple[int, str]]
        if pronouns:  # runs and pronouns in reading order (a run first where both start)
            ordered: list[tuple[int, int, re.Match[str] | tuple[int, str]]] = [
                *((run.start(), 0, run) for run in runs),
                *((p[0], 1, p) for p in pronouns),
            ]
            ordered.sort(key=lambda event: (event[0], event[1]))
            events = [event for _, _, event in ordered]
        else:
            events = runs  # (most pieces: no pronoun, nothing to sort)
        for match in events:
            if isinstance(match, tuple):
                at, subject = match
                pronoun = Mention(subject, MentionKind.PRONOUN, gender=PRONOUNS[subject])
                self._resolve_pronoun(pronoun, paragraph, sentence_of.at(at), at)
                continue
            word = match.group()
            if " " not in word and "\u00a0" not in word:
                if word.rstrip("\u2019's").lower() in NOT_NAMES:
                    continue  # "The", "Tuesday": never a name (as `_person_named` would find)
                if self._names_nobody(text, match, word):
                    continue
            sentence = sentence_of.at(match.start())
            self.scanning = (paragraph, sentence, match.start())
            person = self._person_named(text, match)
            if person is not None:
                self.note_mention(paragraph, sentence, match.start(), person.name)
                for nickname in nicknames:
                    if match.start() < nickname.start < match.end():
                        self._note_nickname(nickname, person.name)

    @staticmethod
    def _find_pronouns(
        text: str, begin: int, end: int, runs: list[re.Match[str]]
    ) -> list[tuple[int, str]]:
        """Where the subject pronouns of `text[begin:end]` start, and which: what
        `SUBJECT_PRONOUN_RE` finds there. "He" and "She" are found inside the
        capitalised `runs`, which hold every capital; "he" and "she" by their
        letters "he" (a scan for two letters is three times as fast)."""
        found: list[tuple[int, str]] = []
        # (the runs lie in `text[begin:end]`: with no "He" or "She" there, none holds one)
        capitals = text.find("He", begin, end) >= 0 or text.find("She", begin, end) >= 0
        for run in runs if capitals else ():
            word = run.group()
            if "He" in word or "She" in word:
                found.extend(
                    (pronoun.start(), pronoun.group().lower())
                    for pronoun in SUBJECT_PRONOUN_RE.finditer(text, run.start(), run.end())
                    if pronoun.group()[0] in "HS"  # (lower case ones are found below)
                )
        for pronoun in LOWER_PRONOUN_RE.finditer(text, begin, end):
            at = pronoun.start()
            if text[at - 1 : at] != "s":
                found.append((at, "he"))
            elif at > begin:
                found.append((at - 1, "she"))
        return found

    def _names_nobody(self, text: str, match: re.Match[str], word: str) -> bool:
        """A quick answer for most capitalised words ("Tuesday", "Geneva"): one word,
        no honorific, no surname or candidate met so far, nor a misspelling of one
        (`_person_named` would find no person)."""
        if "." in word and HONORIFIC_RE.match(word):
            return False
        last = strip_possessive(word).lower()
        if last in self.surnames or last in self.candidates:
            return False
        return len(last) < 5 or not (  # (no misspelling is looked for in a short word)
            PERSON_AFTER_RE.match(text, match.end()) and self._misspelt_surname(last) != last
        )

    def _note_nickname(self, nickname: Nickname, name: str) -> None:
        """ "Bobby Scott" is "Robert C. Scott" once the text has named him so."""
        surname = POSSESSIVE_END_RE.sub("", nickname.surname)
        if name.split()[-1] == surname:
            self.nicknames.setdefault(f"{nickname.nickname} {surname}", name)

    def _person_named(self, text: str, match: re.Match[str]) -> _Person | None:
        words = match.group().split()
        first = words[0]
        honorific = HONORIFIC_RE.match(first)
        if len(words) == 1 and first.rstrip("\u2019's").lower() in NOT_NAMES:
            return None
        if text.endswith((" on ", " for ", " of ", " and "), 0, match.start()):
            link = ORGANIZATION_LINK_RE.search(text, max(0, match.start() - 40), match.start())
            if link and link.group(1).lower() in ORGANIZATION_WORDS:
                return None  # "Commission on Fair Elections": the rest of a name
        if honorific or (len(words) > 1 and named_like_a_person(text, match, words)):
            mention = read_name(match.group())
            if mention is not None and mention.kind is MentionKind.NAME:
                return self.add_person(mention.name, mention.role, mention.gender)
        last = strip_possessive(words[-1]).lower()
        if len(words) > 1:
            known = self._known_by_name(words, last)
            if known is None:
                self._note_candidate(words, last)
            return known
        if last not in self.surnames:
            if last in self.candidates:
                return self.add_person(last.title(), None, None)
            if PERSON_AFTER_RE.match(text, match.end()) and self._misspelt_surname(last) != last:
                return self.add_person(last, None, None)  # "McAlister said", misspelt
            return None
        qualifier = QUALIFIER_RE.match(text, match.end())
        if qualifier and any(w in ROLE_WORDS for w in qualifier.group(1).split()):
            return None
        if text.endswith(("the ", "The ", "a ", "an "), 0, match.start()):
            return None  # "the Clinton campaign", "a Trump rally": a modifier, not a mention
        return self.people[self.owner_of(last)]

    def _known_by_name(self, words: list[str], last: str) -> _Person | None:
        """Someone already named, named again in full or by the end of their name
        ("Suu Kyi" after "Aung San Suu Kyi") with no title or verb to show it."""
        name = " ".join([*words[:-1], POSSESSIVE_END_RE.sub("", words[-1])])
        if name in self.people:
            return self.people[name]
        for full in self.surnames.get(last, ()):
            if full.endswith(" " + name):
                return self.people[full]
        return None

    def _note_candidate(self, words: list[str], last: str) -> None:
        """Keep the plain words ending a run ("Speaker of the House Newt Gingrich")."""
        tail: list[str] = []
        for word in reversed(words):
            low = word.lower()
            if (
                low in NOT_NAMES
                or low in ORGANIZATION_WORDS
                or low in ROLE_WORDS
                or not word[:1].isupper()
                or len(tail) == 3
            ):
                break
            tail.insert(0, POSSESSIVE_END_RE.sub("", word))
        if len(tail) > 1:
            self.candidates.setdefault(last, " ".join(tail))
            self.recent_candidate = (*self.scanning, last)

    def knows(self, mention: Mention) -> bool:
        """Whether a bare subject is someone the article has named (or a pronoun):
        a capitalised word opening a sentence is often no name at all."""
        if mention.kind is MentionKind.ORGANIZATION:
            return True
        if mention.kind is not MentionKind.NAME:
            return mention.kind is MentionKind.PRONOUN or len(mention.name.split()) > 1
        words = mention.name.split()
        if words[0].lower() in NOT_NAMES:
            return False
        if len(words) > 1:
            return not any(w.lower() in ROLE_WORDS for w in words)
        low = words[0].lower()
        if low in self.surnames or low in self.candidates:
            return True
        return self._misspelt_surname(low) != low

    def resolve(
        self, mention: Mention, paragraph: int, sentence: int, offset: int
    ) -> Resolved | None:
        """The speaker a mention refers to (None for "I" or an unresolvable pronoun)."""
        if mention.kind is MentionKind.NAME:
            person = self.add_person(mention.name, mention.role, mention.gender)
            person.spoke = True
            self.note_mention(paragraph, sentence, offset, person.name)
            return Resolved(person.name, person.role, SpeakerKind.PERSON, False)
        if mention.kind is MentionKind.PRONOUN:
            return self._resolve_pronoun(mention, paragraph, sentence, offset)
        if mention.kind is MentionKind.ORGANIZATION:
            name = self._earlier_organization(mention.name) or mention.name
            if name not in self.organizations:
                self.organizations.append(name)
            return Resolved(name, None, SpeakerKind.ORGANIZATION, False)
        if mention.kind is MentionKind.ANONYMOUS:
            return self._resolve_source(mention)
        return self._resolve_nominal(mention, paragraph, sentence, offset)

    def _earlier_organization(self, name: str) -> str | None:
        """ "the ministry" after "Sudan's health ministry", "the water authority" after
        "Aldwin Water Authority": the same organization. "The company" with no company
        named in the text is the organization the headline names."""
        words = name.lower().split()
        if len(words) < 2 or words[0] != "the":
            return None
        head, modifiers = words[-1], words[1:-1]
        for known in reversed(self.organizations):
            known_words = known.lower().split()
            if (
                known_words[-1] == head
                and all(word in known_words for word in modifiers)
                and known.lower() != name.lower()
            ):
                return known
        if len(words) == 2 and head in _BUSINESS_HEADS and self.headline_organizations:
            return self.headline_organizations[0]
        return None

    def read_headline(self, text: str) -> None:
        """Keep the organizations a headline or dek in sentence case names
        ("Severn Vale Water fined £12m …"), for "the company" in the text."""
        long_words = [w for w in text.split() if len(w) > 3]
        if sum(w[0].isupper() for w in long_words) * 2 > len(long_words):
            return  # Title Case: every word is capitalised, no sign of a name
        for run in CAPITALISED_RUN_RE.finditer(text):
            words = run.group().split()
            if not 2 <= len(words) <= 4:
                continue
            mention = read_name(run.group())
            if mention is None or mention.kind is MentionKind.ORGANIZATION:
                if mention is not None:
                    self.headline_organizations.append(mention.name)
            elif mention.gender is None and not mention.role and mention.name == run.group():
                self.headline_organizations.append(mention.name)  # a name that is no person's

    def _resolve_pronoun(
        self, mention: Mention, paragraph: int, sentence: int, offset: int
    ) -> Resolved | None:
        if mention.gender in ("male", "female"):
            name = self._recent_person(mention.gender, (paragraph, sentence, offset))
            if name is None:
                name = self._promote_recent_candidate(paragraph)
            if name is None:
                return None
            person = self.people[name]
            if person.gender is None:
                person.gender = mention.gender
            self.note_mention(paragraph, sentence, offset, name)
            return Resolved(person.name, person.role, SpeakerKind.PERSON, False)
        if mention.gender == "plural" and self.sources:
            return self.sources[-1]
        return None

    def _promote_recent_candidate(self, paragraph: int) -> str | None:
        """ "Ada Moreno met the crews. “…,” she said.": with nobody else named, the
        capitalised name just before is a person after all."""
        if self.recent_candidate is None or paragraph - self.recent_candidate[0] > 1:
            return None
        at_paragraph, at_sentence, offset, last = self.recent_candidate
        self.recent_candidate = None
        if last not in self.candidates:
            return None
        person = self.add_person(self.candidates.pop(last), None, None)
        self.note_mention(at_paragraph, at_sentence, offset, person.name)
        return person.name

    def _recent_person(self, gender: str, before: tuple[int, int, int]) -> str | None:
        chosen_sentence: tuple[int, int] | None = None
        chosen: str | None = None
        for paragraph, sentence, offset, name in reversed(self.timeline):
            if (paragraph, sentence, offset) >= before:
                continue
            if chosen_sentence is not None and (paragraph, sentence) != chosen_sentence:
                break
            person = self.people[name]
            if person.gender in (gender, None):
                chosen_sentence = (paragraph, sentence)
                chosen = name
        return chosen

    def _resolve_source(self, mention: Mention) -> Resolved:
        words = mention.name.split()
        if words[0].lower() == "the":
            head = words[-1].lower()
            for source in reversed(self.sources):
                if source.name.split()[-1].lower().rstrip("s") == head.rstrip("s"):
                    return source
        resolved = Resolved(mention.name, None, SpeakerKind.ANONYMOUS, True)
        self.sources.append(resolved)
        return resolved

    def _resolve_nominal(
        self, mention: Mention, paragraph: int, sentence: int, offset: int
    ) -> Resolved:
        head = mention.name.split()[-1].lower()
        for _, _, _, name in reversed(self.timeline):
            role = self.people[name].role
            if role and head in role.lower().split():
                self.note_mention(paragraph, sentence, offset, name)
                return Resolved(name, role, SpeakerKind.PERSON, False)
        return Resolved(mention.name, None, SpeakerKind.PERSON, False)
