"""Date values: ISO 8601 strings cut to their precision, with the calendar bounds they cover.

A value is a day (``2026-01-28``), an ISO week (``2026-W05``), a month (``2026-01``), a quarter
(``2025-Q1``), a half (``2025-H1``), a year (``2025``), a decade (``199``) or an interval
``start/end`` of two of those, ``..`` for an open end. Intervals never nest: :func:`interval`
refuses an interval as one of its ends, so no value has two slashes. Nothing here reads the
clock; relative values are built from the publication date a :class:`Context` carries.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from ...isodates import is_iso_value


@dataclass(frozen=True)
class DateValue:
    value: str
    precision: str
    start: date | None
    end: date | None
    inferred: tuple[str, ...] = ()


@dataclass(frozen=True)
class FiscalCalendar:
    """The fiscal year "FY25" and "fiscal 2025" name in an article: it starts in
    ``start_month`` and is named by the calendar year it ends in (FY25 of India runs April 2024
    to March 2025). ``source`` says who set it: "article", "country" or "calendar";
    ``split_start`` is the start a split year ("fiscal year 2023-24") follows."""

    start_month: int = 1
    source: str = "calendar"
    split_start: int = 1


CALENDAR_YEAR = FiscalCalendar()


@dataclass(frozen=True)
class Context:
    """What a rule handler may know besides its match: the publication date (None: unknown),
    the tense of the clause ("future", "reported", "past", "present" or "any"), the article's
    fiscal calendar, the order of slashed numeric dates ("mdy" as in the US, or "dmy"), and
    ``point``, which parses one end of a range (never a range itself)."""

    base: date | None
    tense: str = "any"
    fiscal: FiscalCalendar = CALENDAR_YEAR
    slash_order: str = "mdy"
    point: Callable[[str], DateValue | None] = lambda text: None


def day_value(d: date, inferred: tuple[str, ...] = ()) -> DateValue:
    return DateValue(d.isoformat(), "day", d, d, inferred)


def week_value(d: date, inferred: tuple[str, ...] = ()) -> DateValue:
    """The ISO week holding ``d`` (weeks start on Monday; week 1 holds the first Thursday).

    >>> week_value(date(2026, 3, 12)).value
    '2026-W11'
    """
    year, week, weekday = d.isocalendar()
    monday = d - timedelta(days=weekday - 1)
    return DateValue(f"{year:04d}-W{week:02d}", "week", monday, monday + timedelta(days=6), inferred)


def month_value(year: int, month: int, inferred: tuple[str, ...] = ()) -> DateValue:
    last = calendar.monthrange(year, month)[1]
    return DateValue(
        f"{year:04d}-{month:02d}", "month", date(year, month, 1), date(year, month, last), inferred
    )


def quarter_value(year: int, quarter: int, inferred: tuple[str, ...] = ()) -> DateValue:
    first = 3 * quarter - 2
    end = month_value(year, first + 2).end
    return DateValue(f"{year:04d}-Q{quarter}", "quarter", date(year, first, 1), end, inferred)


def half_value(year: int, half: int, inferred: tuple[str, ...] = ()) -> DateValue:
    start, end = (
        (date(year, 1, 1), date(year, 6, 30)) if half == 1 else (date(year, 7, 1), date(year, 12, 31))
    )
    return DateValue(f"{year:04d}-H{half}", "half", start, end, inferred)


def year_value(year: int, inferred: tuple[str, ...] = ()) -> DateValue:
    return DateValue(f"{year:04d}", "year", date(year, 1, 1), date(year, 12, 31), inferred)


def decade_value(first_year: int) -> DateValue:
    decade = first_year // 10
    return DateValue(str(decade), "decade", date(decade * 10, 1, 1), date(decade * 10 + 9, 12, 31))


def interval(first: DateValue | None, last: DateValue | None) -> DateValue | None:
    """The interval from ``first`` to ``last`` (None: an open end), or None when an end is
    itself an interval, both ends are open or the interval runs backwards.

    >>> interval(month_value(2024, 10), month_value(2024, 12)).value
    '2024-10/2024-12'
    >>> interval(interval(year_value(2020), year_value(2021)), year_value(2022)) is None
    True
    """
    ends = [v for v in (first, last) if v is not None]
    if not ends or any(v.precision == "interval" or "/" in v.value for v in ends):
        return None
    if first is not None and last is not None and first.start > last.end:
        return None
    left = first.value if first else ".."
    right = last.value if last else ".."
    inferred = tuple(sorted({i for v in ends for i in v.inferred}))
    start, end = (first.start if first else None), (last.end if last else None)
    return DateValue(f"{left}/{right}", "interval", start, end, inferred)


def day_interval(first: date, last: date, inferred: tuple[str, ...] = ("anchor",)) -> DateValue | None:
    return interval(day_value(first, inferred), day_value(last, inferred))


def month_span(first: date, months: int, inferred: tuple[str, ...] = ()) -> DateValue | None:
    """``months`` calendar months from the month of ``first``: (2024-10, 3) is 2024-10/2024-12."""
    last = shift_months(first.replace(day=1), months - 1)
    return interval(
        month_value(first.year, first.month, inferred), month_value(last.year, last.month, inferred)
    )


def with_inferred(value: DateValue | None, inferred: tuple[str, ...]) -> DateValue | None:
    return None if value is None else replace(value, inferred=inferred)


def shift_months(d: date, months: int) -> date:
    """>>> shift_months(date(2026, 1, 31), 1)
    datetime.date(2026, 2, 28)
    """
    month_index = d.year * 12 + d.month - 1 + months
    year, month = divmod(month_index, 12)
    return date(year, month + 1, min(d.day, calendar.monthrange(year, month + 1)[1]))


def step(base: date, n: int, unit: str) -> date:
    """``base`` moved ``n`` units ("day", "weeks", "year", "decade")."""
    unit = unit.casefold().rstrip("s")
    if unit == "day":
        return base + timedelta(days=n)
    if unit == "week":
        return base + timedelta(weeks=n)
    return shift_months(base, {"month": 1, "year": 12, "decade": 120}[unit] * n)


def nearest_year(month: int, day: int | None, base: date, *, tense: str = "any") -> int:
    """Year putting month/day nearest ``base``; the clause's tense settles what is near.

    ``tense`` is "future" (upcoming: a date more than a month back moves a year on), "past"
    ("since January": never after ``base``), "reported" (a past verb governs it: a month alone
    not after ``base``), "reported-near" (a past verb right beside it: not more than a week
    after ``base``) or anything else (nearest).

    >>> nearest_year(1, 28, date(2026, 2, 3))
    2026
    >>> nearest_year(12, 20, date(2026, 1, 5))
    2025
    >>> nearest_year(2, None, date(2026, 1, 20), tense="future")
    2026
    >>> nearest_year(1, None, date(2025, 10, 8), tense="past")
    2025
    >>> nearest_year(3, 14, date(2026, 1, 28), tense="reported-near")
    2025
    """

    def target(year: int) -> date:
        return date(year, month, min(day or 15, calendar.monthrange(year, month)[1]))

    best = min((base.year - 1, base.year, base.year + 1), key=lambda y: abs((target(y) - base).days))
    if tense == "future" and target(best) < base - timedelta(days=31):
        return best + 1
    if tense == "past" and date(best, month, min(day or 1, 28)) > base:
        return best - 1
    if tense == "reported" and day is None and date(best, month, 1) > base:
        return best - 1  # "welcomed the adoption in March" (in September): the March before
    if tense == "reported-near" and date(best, month, min(day or 1, 28)) > base + timedelta(days=7):
        return best - 1
    return best


BACKWARD = frozenset({"past", "reported", "reported-near"})


def named_day_year(in_base_year: date, base: date, *, tense: str = "any") -> int:
    """The year of a day the calendar names (a holiday, "the first Tuesday of October") written
    without one: the coming one, unless a past verb reports it (then the latest before).

    >>> base = date(2026, 1, 28)
    >>> named_day_year(date(2026, 10, 6), base), named_day_year(date(2026, 1, 5), base)
    (2026, 2027)
    >>> named_day_year(date(2026, 10, 6), date(2026, 1, 28), tense="reported")
    2025
    """
    if is_backward(tense):
        return base.year - (in_base_year > base)
    return base.year + (in_base_year < base)


def is_backward(tense: str) -> bool:
    """Whether a clause of this tense reports what already happened."""
    return tense in BACKWARD


def safe(build: Callable[[], DateValue | None]) -> DateValue | None:
    """``build()``, or None when the calendar has no such day (February 30)."""
    try:
        return build()
    except ValueError:
        return None


def checked(value: DateValue | None) -> DateValue | None:
    """``value`` when it is one of the record's ISO forms (see :mod:`pressfeed.isodates`)."""
    return value if value is not None and is_iso_value(value.value) else None
