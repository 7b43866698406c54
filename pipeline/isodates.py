"""Calendar bounds of the ISO 8601 values pressfeed writes for dates.

A value is a day (``2026-01-28``), a week (``2026-W05``), a month (``2026-01``), a quarter
(``2026-Q1``), a half (``2026-H1``), a year (``2026``), a decade (``199`` for the 1990s) or an
interval ``A/B`` of two of those, where ``..`` is an open end. :func:`iso_bounds` gives the
first and last day a value covers; :func:`is_iso_value` tells whether a string is one of these.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

_POINT = re.compile(
    r"""^(?:
        (?P<year>\d{4})
        (?:-(?:(?P<month>\d{2})(?:-(?P<day>\d{2}))?   # 2026-01, 2026-01-28
              |Q(?P<quarter>[1-4])                     # 2026-Q1
              |H(?P<half>[12])                         # 2026-H1
              |W(?P<week>\d{2})))?                     # 2026-W05
        |(?P<decade>\d{3})                             # 199 = the 1990s
    )$""",
    re.VERBOSE,
)


def _point_bounds(value: str) -> tuple[date, date] | None:
    m = _POINT.match(value)
    if not m:
        return None
    if m["decade"]:
        first = int(m["decade"]) * 10
        return date(first, 1, 1), date(first + 9, 12, 31)
    year = int(m["year"])
    if m["day"]:
        day = date(year, int(m["month"]), int(m["day"]))
        return day, day
    if m["month"]:
        month = int(m["month"])
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    if m["quarter"] or m["half"]:
        span = 3 if m["quarter"] else 6
        first = (int(m["quarter"] or m["half"]) - 1) * span + 1
        last = first + span - 1
        return date(year, first, 1), date(year, last, calendar.monthrange(year, last)[1])
    if m["week"]:
        monday = date.fromisocalendar(year, int(m["week"]), 1)
        return monday, monday + timedelta(days=6)
    return date(year, 1, 1), date(year, 12, 31)


def iso_bounds(value: str) -> tuple[date | None, date | None] | None:
    """First and last day of an ISO value; ``None`` ends are open; ``None`` if not a value.

    >>> iso_bounds("2026-02")
    (datetime.date(2026, 2, 1), datetime.date(2026, 2, 28))
    >>> iso_bounds("2024-10/2024-12")
    (datetime.date(2024, 10, 1), datetime.date(2024, 12, 31))
    >>> iso_bounds("2019/..")
    (datetime.date(2019, 1, 1), None)
    >>> iso_bounds("2026-W05")
    (datetime.date(2026, 1, 26), datetime.date(2026, 2, 1))
    >>> iso_bounds("2026-05-01/2026-05-02/2026-05-03") is None
    True
    """
    try:
        if "/" not in value:
            return _point_bounds(value)
        left, sep, right = value.partition("/")
        if "/" in right or (left == ".." and right == ".."):
            return None
        first = None if left == ".." else _point_bounds(left)
        last = None if right == ".." else _point_bounds(right)
        if (left != ".." and first is None) or (right != ".." and last is None):
            return None
        start, end = (first[0] if first else None), (last[1] if last else None)
        if start and end and start > end:
            return None
        return start, end
    except ValueError:  # 2026-02-30, week 54
        return None


def is_iso_value(value: str) -> bool:
    """Whether ``value`` is a date value of the record's forms.

    >>> is_iso_value("2025-Q3"), is_iso_value("../2030"), is_iso_value("May 2026")
    (True, True, False)
    """
    return iso_bounds(value) is not None
