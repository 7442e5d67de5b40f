"""The head of a raw article: everything above its first body paragraph.

A page copied from a news site starts with a few short lines in no fixed
order: a photo credit, maybe a kicker ("Analysis"), the headline, a dek (often
as "Analysis: Shift in tone ..."), a byline, an outlet line, a date. The
segmenter reads the lines from the top, one at a time, and stops at the first
line that is none of these: the body starts there.

Rules, in order, for each non-blank line:
1. boilerplate (`newsgen.boilerplate`) -> removed;
2. a photo credit -> `photo_credit` (a caption before it is removed);
3. before the headline: a kicker alone, a byline or a date; else the headline
   (a line of at most `MAX_HEADLINE` characters; a kicker prefix is split off).
   When front-matter gives the headline, this line is it only if it repeats it;
   otherwise the headline is taken as read and the line goes on to rule 4;
4. after it: a subheadline (the second and last line of the headline's block),
   "Kicker: dek",
   a kicker alone, a byline, an outlet line under the byline, a date, or a
   short line followed closely by a byline/date (a dek); else the body starts.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from newsgen.boilerplate import BoilerplateRule, match_boilerplate
from newsgen.credits import (
    is_affiliation_line,
    is_person_name,
    is_role_line,
    parse_byline,
    parse_photo_credit,
)
from newsgen.dates import DateLine, find_date_line

MAX_HEADLINE = 200
MAX_DEK = 300

KICKERS = (
    "Analysis", "News analysis", "Opinion", "Explainer", "Exclusive", "Comment",
    "Commentary", "Review", "Fact check", "Fact-check", "Factbox", "Feature", "Interview",
    "Editorial", "Perspective", "Insight", "Special report", "Obituary", "Breaking",
    "Breaking news", "Live", "Update", "Focus", "Profile", "Q&A", "Column", "Essay",
    "Investigation", "Long read", "First person", "Letter", "Letters", "Podcast", "Video",
)  # fmt: skip
_KICKER_WORDS = "|".join(re.escape(k) for k in sorted(KICKERS, key=len, reverse=True))
_KICKER_ALONE = re.compile(rf"(?P<kicker>{_KICKER_WORDS})\s*[:|]?", re.IGNORECASE)
_KICKER_PREFIX = re.compile(
    rf"(?P<kicker>{_KICKER_WORDS})\s*(?::|\||\s[—\u2013-]\s)\s*(?P<rest>\S.*)", re.IGNORECASE
)
_PLACE_WORD = r"[A-Z][\w.'\u2019-]*"
_REPORTING_FROM = re.compile(
    rf"[Rr]eporting from (?P<place>{_PLACE_WORD}(?:,?\s(?:and\s)?{_PLACE_WORD}){{0,4}})"
)
# Reuters' "ANALYSIS-Fed seen ..." puts the kicker in capitals before a bare hyphen.
_KICKER_CAPS = re.compile(rf"(?P<kicker>{_KICKER_WORDS.upper()})-(?P<rest>\S.*)")


@dataclass(frozen=True, slots=True)
class Head:
    """What the head gave; `body_start` is the index of the first body line."""

    headline: str | None
    body_start: int
    kicker: str | None = None
    dek: str | None = None
    byline: tuple[str, ...] = ()
    photo_credit: str | None = None
    date: dt.datetime | None = None
    # Where the story was reported from, when the head says so ("Reporting from Sacramento").
    dateline: str | None = None
    removed: tuple[str, ...] = field(default=())


def split_kicker(text: str) -> tuple[str | None, str]:
    """("Analysis", "Shift in tone ...") for "Analysis: Shift in tone ...", else (None, text)."""
    match = _KICKER_PREFIX.fullmatch(text) or _KICKER_CAPS.fullmatch(text)
    if match is None:
        return None, text
    return _kicker_name(match.group("kicker")), match.group("rest").strip()


def _kicker_name(text: str) -> str:
    return text.title() if text.isupper() else text


def segment_head(
    lines: Sequence[str], rules: Sequence[BoilerplateRule], headline: str | None = None
) -> Head:
    """Read the head of `lines` (a raw article split at line ends).

    `headline` is one given elsewhere (front-matter): no line is then taken for the
    headline but one that repeats it (removed from the text, its kicker prefix kept);
    the first line that could have been the headline is read as a line after it.
    """
    given, headline = headline, None
    headline_index = -1
    kicker = dek = photo_credit = dateline = None
    byline: list[str] = []
    date: DateLine | None = None
    removed: list[str] = []
    last_was_byline = False
    index = 0
    for index, raw in enumerate(lines):
        text = raw.strip()
        if not text:
            continue
        was_byline, last_was_byline = last_was_byline, False
        credit = parse_photo_credit(text)
        if credit is not None:
            if photo_credit is None:
                photo_credit = credit.credit
            else:
                removed.append(credit.credit)
            if credit.caption:
                removed.append(credit.caption)
            continue
        if match_boilerplate(text, rules):
            removed.append(text)
            continue
        line_byline = parse_byline(text)
        if line_byline is not None:
            byline.extend(name for name in line_byline.names if name not in byline)
            for part in line_byline.rest:
                date = _better_date(date, find_date_line(part))
            last_was_byline = True
            continue
        line_date = find_date_line(text)
        if line_date is not None:
            date = _better_date(date, line_date)
            continue
        alone = _KICKER_ALONE.fullmatch(text)
        if alone and kicker is None:
            kicker = _kicker_name(alone.group("kicker"))
            continue
        if headline is None and given is not None:
            line_kicker, line_rest = split_kicker(text)
            headline = given
            if _same_headline(line_rest, given) or _same_headline(text, given):
                kicker = kicker or line_kicker
                headline_index = index
                continue
            headline_index = -2  # given, not in the text: this line is no subheadline
        if headline is None:
            if len(text) > MAX_HEADLINE:
                return Head(None, index, removed=tuple(removed))
            line_kicker, headline = split_kicker(text)
            kicker = kicker or line_kicker
            headline_index = index
            continue
        if was_byline and (is_affiliation_line(text) or is_role_line(text)):
            last_was_byline = True  # "BBC News, Washington", "Social affairs correspondent"
            continue
        reporting_from = _REPORTING_FROM.fullmatch(text)
        if reporting_from:
            dateline = reporting_from.group("place")
            continue
        if not byline and is_person_name(text) and _byline_detail_follows(lines, index + 1):
            byline.append(text)  # a byline without "By": a name, then a role or a date
            last_was_byline = True
            continue
        if dek is None and len(text) <= MAX_DEK and not byline and date is None:
            line_kicker, line_dek = split_kicker(text)
            if (
                line_kicker is not None
                or _is_subheadline(lines, index, headline_index)
                or _head_follows(lines, index + 1, rules)
            ):
                kicker = kicker or line_kicker
                dek = line_dek
                continue
        break
    else:
        index = len(lines)
    return Head(
        headline=headline,
        body_start=index,
        kicker=kicker,
        dek=dek,
        byline=tuple(byline),
        photo_credit=photo_credit,
        date=date.date if date else None,
        dateline=dateline,
        removed=tuple(removed),
    )


def _same_headline(line: str, headline: str) -> bool:
    """Whether `line` repeats `headline`, whatever its spacing and capitals."""
    return " ".join(line.split()).casefold() == " ".join(headline.split()).casefold()


def _better_date(current: DateLine | None, found: DateLine | None) -> DateLine | None:
    """The publication date wins over an "Updated" one; otherwise the first date seen."""
    if found is None:
        return current
    if current is None or (current.updated and not found.updated):
        return found
    return current


def _head_follows(lines: Sequence[str], start: int, rules: Sequence[BoilerplateRule]) -> bool:
    """Whether a byline, date or photo credit comes within the next three non-blank lines."""
    seen = 0
    for raw in lines[start:]:
        text = raw.strip()
        if not text or match_boilerplate(text, rules):
            continue
        if parse_byline(text) or find_date_line(text) or parse_photo_credit(text):
            return True
        seen += 1
        if seen == 3:
            return False
    return False


def _byline_detail_follows(lines: Sequence[str], start: int) -> bool:
    """Whether the next non-blank line is a byline's role, outlet or date line."""
    for raw in lines[start:]:
        text = raw.strip()
        if text:
            return bool(is_role_line(text) or is_affiliation_line(text) or find_date_line(text))
    return False


def _is_subheadline(lines: Sequence[str], index: int, headline_index: int) -> bool:
    """A second line of the headline's block that ends the block ("Headline\nSubheadline")."""
    return (
        index == headline_index + 1
        and len(lines[index].strip()) <= MAX_HEADLINE
        and (index + 1 == len(lines) or not lines[index + 1].strip())
    )
