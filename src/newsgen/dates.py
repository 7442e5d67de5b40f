"""Dates as news pages print them: "Sept. 18, 2015", "18 September 2015", ISO 8601.

`find_date_line` reads a whole head line such as "Updated 3:15 PM EDT, Fri
September 18, 2015" and returns its date only when the line is nothing but a
date (with its time, weekday and a "Published"/"Updated" label), so a body
sentence that mentions a date is never taken for the article's date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?"
    r"|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DATE_FORMS = (
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b{_DAY}\s+{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(r"\b(?P<year>\d{4})-(?P<month>\d\d)-(?P<day>\d\d)\b"),
)
_DIGIT = re.compile(r"\d")
_ISO = re.compile(
    r"\b\d{4}-\d\d-\d\d[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?(?![\w:])"
)
_TIME = re.compile(
    r"\b(?P<hour>[0-2]?\d)(?:[:.](?P<minute>[0-5]\d))?\s*"
    r"(?P<ampm>[ap]\.?\s?m\.?)?(?:\s*(?P<zone>(?:GMT|UTC)[+-]\d{1,2}(?::?\d\d)?|[A-Z]{2,4}\b))?",
    re.IGNORECASE,
)
# Offsets of the zones news pages print after a time; an unknown zone gives a naive time.
_ZONES = {
    "UTC": 0, "GMT": 0, "Z": 0, "BST": 1, "CET": 1, "CEST": 2, "EET": 2, "EEST": 3,
    "MSK": 3, "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6,
    "PST": -8, "PDT": -7, "IST": 5.5, "JST": 9, "AEST": 10, "AEDT": 11,
}  # fmt: skip
# What else a date line may say besides the date and the time.
_LINE_WORDS = re.compile(
    r"\b(?:first|last|published|updated|posted|modified|originally|on|at|date|"
    r"mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|et|pt"
    r"|\d+\s+(?:mins?|minutes?|hours?|hrs?|days?)\s+ago)\b\.?",
    re.IGNORECASE,
)
_UPDATED = re.compile(r"(?:last\s+)?(?:updated|modified)\b", re.IGNORECASE)
_UPDATED_SPLIT = re.compile(r"(?=\b(?:last\s+)?(?:updated|modified)\b)", re.IGNORECASE)
_LINE_PUNCTUATION = re.compile(r"[\s,|·:;/()\-\u2013—]+")


@dataclass(frozen=True, slots=True)
class DateLine:
    """A head line that only gives a date; `updated` when it says "Updated"."""

    date: dt.datetime
    updated: bool


def parse_date(text: str) -> dt.datetime | None:
    """The first date (and its time, if the text gives one) in `text`, else None."""
    iso = _ISO.search(text)
    if iso:
        return _parse_iso(iso.group())
    found = _search_date(text)
    if found is None:
        return None
    day, span = found
    date, _ = _with_time(day, text[: span[0]] + " " + text[span[1] :])
    return date


def find_date_line(line: str) -> DateLine | None:
    """The date of a head line that is only a date ("Published Sept. 18, 2015"), else None.

    In "Published X Updated Y" (or "X | Updated 3 hours ago") the first date wins.
    """
    if len(line) > 160 or not _DIGIT.search(line):
        return None  # (every date form has a day or a year in digits)
    for part in _UPDATED_SPLIT.split(line):
        date = _date_of_line_part(part)
        if date is not None:
            return DateLine(date, updated=bool(_UPDATED.match(part.strip())))
    return None


def _date_of_line_part(part: str) -> dt.datetime | None:
    iso = _ISO.search(part)
    if iso:
        date = _parse_iso(iso.group())
        leftover = part[: iso.start()] + " " + part[iso.end() :]
    else:
        found = _search_date(part)
        if found is None:
            return None
        day, span = found
        leftover = part[: span[0]] + " " + part[span[1] :]
        date, time_span = _with_time(day, leftover)
        if time_span is not None:
            leftover = leftover[: time_span[0]] + " " + leftover[time_span[1] :]
    if date is None or _LINE_PUNCTUATION.sub("", _LINE_WORDS.sub("", leftover)):
        return None
    return date


def _search_date(text: str) -> tuple[dt.date, tuple[int, int]] | None:
    matches = [m for form in _DATE_FORMS for m in form.finditer(text)]
    for match in sorted(matches, key=lambda m: m.start()):
        month_text = match.group("month")
        month = int(month_text) if month_text.isdigit() else _MONTHS[month_text[:3].lower()]
        try:
            return dt.date(int(match.group("year")), month, int(match.group("day"))), match.span()
        except ValueError:
            continue
    return None


def _with_time(day: dt.date, text: str) -> tuple[dt.datetime | None, tuple[int, int] | None]:
    """`day` at the first time of `text` (and the time's span), or at midnight."""
    for match in _TIME.finditer(text):
        if not (match.group("minute") or match.group("ampm")):
            continue
        hour, minute = int(match.group("hour")), int(match.group("minute") or 0)
        ampm = (match.group("ampm") or "").lower()
        if ampm.startswith("p") and hour < 12:
            hour += 12
        elif ampm.startswith("a") and hour == 12:
            hour = 0
        if hour > 23:
            return None, None
        moment = dt.datetime(day.year, day.month, day.day, hour, minute)
        return moment.replace(tzinfo=_zone(match.group("zone"))), match.span()
    return dt.datetime(day.year, day.month, day.day), None


def _zone(text: str | None) -> dt.tzinfo | None:
    if not text:
        return None
    offset = re.fullmatch(r"(?:GMT|UTC)([+-])(\d{1,2})(?::?(\d\d))?", text.upper())
    if offset:
        sign = -1 if offset.group(1) == "-" else 1
        minutes = int(offset.group(2)) * 60 + int(offset.group(3) or 0)
        return dt.timezone(dt.timedelta(minutes=sign * minutes))
    hours = _ZONES.get(text.upper())
    return dt.timezone(dt.timedelta(hours=hours)) if hours is not None else None


def _parse_iso(text: str) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(text.replace(" ", "T", 1))
    except ValueError:
        return None
