"""Dates as pages print them, and head lines that are only a date."""

from __future__ import annotations

import datetime as dt

import pytest

from newsgen.dates import find_date_line, parse_date


def zone(hours: float) -> dt.timezone:
    return dt.timezone(dt.timedelta(hours=hours))


@pytest.mark.parametrize(
    ("line", "date", "updated"),
    [
        ("Published Sept. 18, 2015", dt.datetime(2015, 9, 18), False),
        (
            "Updated 3:15 PM EDT, Fri September 18, 2015",
            dt.datetime(2015, 9, 18, 15, 15, tzinfo=zone(-4)),
            True,
        ),
        ("18 September 2015", dt.datetime(2015, 9, 18), False),
        ("2015-09-18", dt.datetime(2015, 9, 18), False),
        ("2015-09-18T14:02:00Z", dt.datetime(2015, 9, 18, 14, 2, tzinfo=dt.UTC), False),
        ("Fri 18 Sep 2015 14.02 BST", dt.datetime(2015, 9, 18, 14, 2, tzinfo=zone(1)), False),
        ("Published On 9 Sep 2024", dt.datetime(2024, 9, 9), False),
        ("Oct. 21, 2024", dt.datetime(2024, 10, 21), False),
        ("September 18, 2015 at 3:15 p.m. ET", dt.datetime(2015, 9, 18, 15, 15), False),
        (
            "Updated 11:05 AM GMT+2, April 2, 2025",
            dt.datetime(2025, 4, 2, 11, 5, tzinfo=zone(2)),
            True,
        ),
        (
            "March 3, 2025 6:12 PM GMT+1 Updated 3 hours ago",
            dt.datetime(2025, 3, 3, 18, 12, tzinfo=zone(1)),
            False,
        ),
        (
            "Published March 12, 2025 Updated March 13, 2025, 9:14 a.m. ET",
            dt.datetime(2025, 3, 12),
            False,
        ),
        (
            "Last modified on Fri 18 Sep 2015 16.30 BST",
            dt.datetime(2015, 9, 18, 16, 30, tzinfo=zone(1)),
            True,
        ),
    ],
)
def test_find_date_line(line: str, date: dt.datetime, updated: bool) -> None:
    found = find_date_line(line)
    assert found is not None
    assert (found.date, found.date.utcoffset(), found.updated) == (
        date,
        date.utcoffset(),
        updated,
    )


@pytest.mark.parametrize(
    "line",
    [
        "Kerry said on Sept. 18, 2015 that talks would start.",
        "Sept. 31, 2015",
        "The 2015 budget",
        "By Jane Doe",
        "",
    ],
)
def test_lines_that_are_not_only_a_date(line: str) -> None:
    assert find_date_line(line) is None


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Kerry said on Sept. 18, 2015 that", dt.datetime(2015, 9, 18)),
        ("posted 2015-09-18 10:30", dt.datetime(2015, 9, 18, 10, 30)),
        ("no date here", None),
    ],
)
def test_parse_date(text: str, date: dt.datetime | None) -> None:
    assert parse_date(text) == date
