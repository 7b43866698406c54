"""Rule family "weeks": ISO weeks (Monday to Sunday, ``2026-W11``, precision week). "this
week", "last week", "the week of April 10", "week 23", "the last week of July", "the first week
of 2015". A week belongs to the month or year that holds its Thursday (ISO 8601), so "the first
week of 2015" starts on 29 December 2014.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from .relative import period_bounds
from .values import Context, DateValue, day_interval, is_backward, month_value, safe, shift_months, week_value
from .vocabulary import build_vocabulary

ANCHOR = ("anchor",)


def _rel(text: str | None) -> int:
    return build_vocabulary().words["relative"][text.casefold()] if text else 0


def relative_week(m: re.Match, ctx: Context) -> DateValue | None:
    """ "this week" is the publication week, "last week" the one before, "next week" the one
    after (corpus convention: ISO week values)."""
    if ctx.base is None:
        return None
    return week_value(ctx.base + timedelta(weeks=_rel(m["rel"])), ANCHOR)


def week_of(m: re.Match, ctx: Context) -> DateValue | None:
    """ "the week of April 10", "the week beginning February 4", "w/c Feb 4": the ISO week
    holding that day (both peer suites read "the week beginning" a Tuesday so too)."""
    day = ctx.point(m["date"])
    if day is None or day.precision != "day":
        return None
    return week_value(day.start, day.inferred)


def week_number(m: re.Match, ctx: Context) -> DateValue | None:
    """ "week 23", "week 31 of 2018": the ISO week of the stated year, else of the publication
    date's ISO year."""
    if m["year"]:
        year, inferred = int(m["year"]), ()
    elif ctx.base is not None:
        year, inferred = ctx.base.isocalendar()[0], ("year",)
    else:
        return None
    week = int(m["w"])
    monday = safe(lambda: date.fromisocalendar(year, week, 1))
    return None if monday is None else week_value(monday, inferred)


def _nth(text: str) -> int:
    word = text.casefold()
    if word == "last":
        return -1
    return build_vocabulary().words["ordinal"].get(word) or int(word[0])


def _weeks_with_thursday_in(first: date, last: date) -> list[date]:
    """Mondays of the weeks whose Thursday lies between ``first`` and ``last``."""
    thursday = first + timedelta(days=(3 - first.weekday()) % 7)
    mondays = []
    while thursday <= last:
        mondays.append(thursday - timedelta(days=3))
        thursday += timedelta(weeks=1)
    return mondays


def nth_week(m: re.Match, ctx: Context) -> DateValue | None:
    """ "the last week of July", "the first week of 2015", "the last week of this month"."""
    inferred: tuple[str, ...] = ()
    if m["year_only"]:
        year = int(m["year_only"])
        first, last = date(year, 1, 1), date(year, 12, 31)
    elif m["rel"] is not None or m["this_month"]:
        if ctx.base is None:
            return None
        start = shift_months(ctx.base.replace(day=1), _rel(m["rel"]))
        first, last, inferred = start, month_value(start.year, start.month).end, ANCHOR
    else:
        month = build_vocabulary().month(m["m"])
        if m["year"]:
            year = int(m["year"])
        elif ctx.base is not None:
            year, inferred = ctx.base.year, ("year",)
        else:
            return None
        first, last = period_bounds(date(year, month, 1), "month")
    mondays = _weeks_with_thursday_in(first, last)
    n = _nth(m["n"])
    if not mondays or not -len(mondays) <= (n - 1 if n > 0 else n) < len(mondays):
        return None
    return week_value(mondays[n - 1] if n > 0 else mondays[n], inferred)


def weekend(m: re.Match, ctx: Context) -> DateValue | None:
    """ "this weekend", "last weekend", "the weekend": Saturday and Sunday of the week meant
    (the coming one, or the latest when reported in the past)."""
    if ctx.base is None:
        return None
    rel = (m["rel"] or "").casefold()
    monday = ctx.base - timedelta(days=ctx.base.weekday())
    if rel in {"next", "following", "last", "previous", "past"}:
        monday += timedelta(weeks=_rel(rel))
    elif is_backward(ctx.tense) and ctx.base.weekday() < 5:
        monday -= timedelta(weeks=1)
    return day_interval(monday + timedelta(days=5), monday + timedelta(days=6))


HANDLERS = {f.__name__: f for f in (relative_week, week_of, week_number, nth_week, weekend)}
