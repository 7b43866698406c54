"""Rule family "holidays": named days of the calendar ("Christmas", "Independence Day of this
year", "Easter 2025", "Thanksgiving"), from the holiday rows of the vocabulary: a fixed day
(``12-25``), a day counted from Easter Sunday (``easter-2``) or the N-th weekday of a month
(``nth:4:3:11``, the fourth Thursday of November).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from .absolute import nth_weekday_in
from .values import Context, DateValue, day_value, is_backward, named_day_year, nearest_year, safe
from .vocabulary import build_vocabulary


def easter(year: int) -> date:
    """Easter Sunday of the Gregorian calendar (the anonymous computus).

    >>> easter(2013), easter(2026)
    (datetime.date(2013, 3, 31), datetime.date(2026, 4, 5))
    """
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return date(year, month, day + 1)


def holiday_date(rule: str, year: int) -> date | None:
    """The day a holiday row's value names in ``year``."""
    if rule.startswith("easter"):
        return easter(year) + timedelta(days=int(rule[6:] or 0))
    if rule.startswith("nth:"):
        _, n, weekday, month = rule.split(":")
        found = nth_weekday_in(year, int(month), "last" if n == "-1" else f"{n}th", int(weekday))
        return found.start if found else None
    month, day = (int(x) for x in rule.split("-"))
    return safe(lambda: date(year, month, day))


def holiday(m: re.Match, ctx: Context) -> DateValue | None:
    """ "Christmas 2025" is that year's; "this Christmas" or "Christmas of this year" the
    publication year's; "next/last Christmas" the first after/before publication; a bare
    "Christmas" the coming one, unless a past verb reports it."""
    rule = build_vocabulary().words["holiday"][" ".join(m["h"].casefold().replace("’", "'").split())]
    if m["year"]:
        return _on(rule, int(m["year"]), ())
    if ctx.base is None:
        return None
    rel = (m["rel"] or "").casefold()
    if rel in {"this", "current"} or m["this_year"]:
        return _on(rule, ctx.base.year, ("year",))
    this_year = holiday_date(rule, ctx.base.year)
    if this_year is None:
        return None
    if not rel:
        year = named_day_year(this_year, ctx.base, tense=ctx.tense)
    elif rel in {"next", "coming", "upcoming"}:
        year = ctx.base.year + (this_year < ctx.base)
    elif rel in {"last", "past", "previous"} or is_backward(ctx.tense):
        year = ctx.base.year - (this_year > ctx.base)
    else:
        year = nearest_year(this_year.month, this_year.day, ctx.base)
    return _on(rule, year, ("year",))


def _on(rule: str, year: int, inferred: tuple[str, ...]) -> DateValue | None:
    found = holiday_date(rule, year)
    return None if found is None else day_value(found, inferred)


HANDLERS = {f.__name__: f for f in (holiday,)}
