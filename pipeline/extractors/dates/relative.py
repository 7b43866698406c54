"""Rule family "relative": dates named from the publication date ("yesterday", "on Tuesday",
"next month", "earlier this year", "the past five years", "two months ago"). Without a
publication date they have no value. Weekdays follow the tense of the governing verb
(:mod:`.tense`): reported ones are the latest such day on or before publication.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from .absolute import nth_weekday_in
from .values import (
    Context,
    DateValue,
    day_interval,
    day_value,
    interval,
    is_backward,
    month_value,
    quarter_value,
    safe,
    shift_months,
    step,
    year_value,
)
from .vocabulary import build_vocabulary, day_number, number

ANCHOR = ("anchor",)
RELATIVE_DAYS = {
    "today": 0,
    "yesterday": -1,
    "tomorrow": 1,
    "the day after tomorrow": 2,
    "the day before yesterday": -2,
}


def _rel(text: str | None) -> int:
    return build_vocabulary().words["relative"][text.casefold()] if text else 0


def relative_day(m: re.Match, ctx: Context) -> DateValue | None:
    if ctx.base is None:
        return None
    offset = RELATIVE_DAYS[" ".join(m["word"].casefold().split())]
    return day_value(ctx.base + timedelta(days=offset), ANCHOR)


def weekday_of_week(base: date, weekday: int, weeks: int) -> DateValue:
    """``weekday`` of the week ``weeks`` from the publication week (weeks start on Monday)."""
    monday = base - timedelta(days=base.weekday()) + timedelta(weeks=weeks)
    return day_value(monday + timedelta(days=weekday), ANCHOR)


def weekday(m: re.Match, ctx: Context) -> DateValue | None:
    """ "said on Tuesday": the latest Tuesday on or before publication (the day itself when it
    is a Tuesday); "will meet on Tuesday" and a verbless "Tuesday": the next one; "next/last
    Tuesday": the Tuesday of the week after/before; "this Tuesday": that of this week."""
    if ctx.base is None:
        return None
    target = build_vocabulary().weekday(m["wd"])
    rel = (m["rel"] or "").casefold()
    if rel in {"next", "following", "last", "previous"}:
        return weekday_of_week(ctx.base, target, _rel(rel))
    delta = (target - ctx.base.weekday()) % 7
    this = rel in {"this", "current"}
    if rel == "past" or (is_backward(ctx.tense) and rel not in {"coming", "upcoming"}):
        back = delta - 7 if delta else (-7 if rel == "past" else 0)
        return day_value(ctx.base + timedelta(days=back), ANCHOR)
    return day_value(ctx.base + timedelta(days=delta or (0 if this else 7)), ANCHOR)


def weekday_of_relative_week(m: re.Match, ctx: Context) -> DateValue | None:
    """ "Wednesday of next week", "last week's Sunday", "next week on Tuesday"."""
    if ctx.base is None:
        return None
    return weekday_of_week(ctx.base, build_vocabulary().weekday(m["wd"]), _rel(m["rel"]))


def weekday_after_next(m: re.Match, ctx: Context) -> DateValue | None:
    """ "Friday after next": a week after the coming Friday."""
    if ctx.base is None:
        return None
    delta = (build_vocabulary().weekday(m["wd"]) - ctx.base.weekday()) % 7 or 7
    return day_value(ctx.base + timedelta(days=delta + 7), ANCHOR)


def relative_period(m: re.Match, ctx: Context) -> DateValue | None:
    """ "next month", "last year", "this quarter" (weeks are the weeks family's)."""
    if ctx.base is None:
        return None
    n = _rel(m["rel"])
    unit = m["unit"].casefold().replace("yr", "year")
    if unit == "year":
        return year_value(ctx.base.year + n, ANCHOR)
    if unit == "month":
        d = shift_months(ctx.base, n)
        return month_value(d.year, d.month, ANCHOR)
    d = shift_months(ctx.base, 3 * n)
    return quarter_value(d.year, (d.month - 1) // 3 + 1, ANCHOR)


def period_bounds(base: date, unit: str) -> tuple[date, date]:
    """First and last day of the week, month, quarter or year holding ``base``."""
    unit = unit.casefold()
    if unit == "week":
        monday = base - timedelta(days=base.weekday())
        return monday, monday + timedelta(days=6)
    if unit == "month":
        return base.replace(day=1), base.replace(day=calendar.monthrange(base.year, base.month)[1])
    if unit == "quarter":
        first = date(base.year, 3 * ((base.month - 1) // 3) + 1, 1)
        return first, month_value(first.year, first.month + 2).end
    return date(base.year, 1, 1), date(base.year, 12, 31)


def earlier_later(m: re.Match, ctx: Context) -> DateValue | None:
    """ "earlier this year" runs from 1 January to the publication day, "later this month" from
    the publication day to the month's end (corpus convention)."""
    if ctx.base is None:
        return None
    first, last = period_bounds(ctx.base, m["unit"])
    if m["side"].casefold() == "earlier":
        return day_interval(first, ctx.base)
    return day_interval(ctx.base, last)


def end_of_period(m: re.Match, ctx: Context) -> DateValue | None:
    """ "by the end of the week" is its Sunday, "the end of the month" its last day."""
    if ctx.base is None:
        return None
    return day_value(period_bounds(ctx.base, m["unit"])[1], ANCHOR)


def past_span(m: re.Match, ctx: Context) -> DateValue | None:
    """ "over the past five years": from five years before publication to it."""
    n = number(m["n"])
    if ctx.base is None or n is None:
        return None
    return day_interval(step(ctx.base, -n, m["unit"]), ctx.base)


def coming_span(m: re.Match, ctx: Context) -> DateValue | None:
    """ "the coming five years" runs from the publication date; "the next two days" are the two
    days after it; "the coming years" has an open end."""
    count = m["n"] or m["n2"]
    if ctx.base is None or not (count or m["unit"].casefold().endswith("s")):
        return None
    n = number(count) if count else None
    if count and n is None:
        return None
    days = m["unit"].casefold().startswith("day")
    start = ctx.base + timedelta(days=1) if days and n else ctx.base
    end = day_value(step(ctx.base, n, m["unit"]), ANCHOR) if n else None
    return interval(day_value(start, ANCHOR), end)


def offset(m: re.Match, ctx: Context) -> DateValue | None:
    """ "in two months", "three weeks hence", "two months ago": the publication day moved that
    far (both peer suites read a day); years and decades stay years ("in two years": 2028)."""
    n = number(m["n"])
    if ctx.base is None or n is None:
        return None
    sign = -1 if m.groupdict().get("ago") else 1
    d = step(ctx.base, sign * n, m["unit"])
    if m["unit"].casefold().rstrip("s") in {"year", "decade"}:
        return year_value(d.year, ANCHOR)
    return day_value(d, ANCHOR)


def nth_weekday_from(start: date, weekday: int, n: int, *, backward: bool = False) -> date:
    """The ``n``-th ``weekday`` after ``start`` (before it when ``backward``), never ``start``.

    >>> nth_weekday_from(date(2013, 2, 12), 6, 2), nth_weekday_from(date(2013, 2, 12), 3, 2, backward=True)
    (datetime.date(2013, 2, 24), datetime.date(2013, 1, 31))
    """
    sign = -1 if backward else 1
    first = (sign * (weekday - start.weekday())) % 7 or 7
    return start + timedelta(days=sign * (first + 7 * (n - 1)))


def counted_weekday(m: re.Match, ctx: Context) -> DateValue | None:
    """ "two Fridays from now" is the second Friday after publication, "3 Sundays ago" the
    third before it."""
    n = number(m["n"])
    if ctx.base is None or not n:
        return None
    weekday = build_vocabulary().weekday(m["wd"][:-1])  # "Fridays"
    return day_value(nth_weekday_from(ctx.base, weekday, n, backward=bool(m["ago"])), ANCHOR)


def offset_from_day(m: re.Match, ctx: Context) -> DateValue | None:
    """ "three days after Easter", "two weeks before 14 March": a named day moved that far."""
    n, day = number(m["n"]), ctx.point(m["date"])
    if n is None or day is None or day.precision != "day":
        return None
    sign = -1 if m["dir"].casefold() == "before" else 1
    return day_value(step(day.start, sign * n, m["unit"]), day.inferred)


def weekday_from_day(m: re.Match, ctx: Context) -> DateValue | None:
    """ "the third Tuesday after Christmas 2014", "the Friday before Christmas", "the first
    Tuesday after the first Monday in November" (a US election day)."""
    day = ctx.point(m["date"])
    if day is None or day.precision != "day":
        return None
    vocab, word = build_vocabulary(), (m["n"] or "first").casefold()
    backward = m["dir"].casefold() == "before"
    if word == "last" and not backward:
        return None  # "the last Friday after" names no day
    n = 1 if word == "last" else vocab.words["ordinal"].get(word) or int(word[0])
    return day_value(nth_weekday_from(day.start, vocab.weekday(m["wd"]), n, backward=backward), day.inferred)


def within(m: re.Match, ctx: Context) -> DateValue | None:
    """ "within five years": from the publication date to that far ahead."""
    n = number(m["n"])
    if ctx.base is None or n is None:
        return None
    return day_interval(ctx.base, step(ctx.base, n, m["unit"]))


def _relative_month_start(m: re.Match, base: date) -> date:
    return shift_months(base.replace(day=1), _rel(m["rel"]))


def day_of_relative_month(m: re.Match, ctx: Context) -> DateValue | None:
    """ "the 20th of next month"."""
    if ctx.base is None:
        return None
    start = _relative_month_start(m, ctx.base)
    return safe(lambda: day_value(start.replace(day=day_number(m["d"])), ANCHOR))


def nth_weekday_relative_month(m: re.Match, ctx: Context) -> DateValue | None:
    """ "the first Monday of this month", "second Monday of last month"."""
    if ctx.base is None:
        return None
    start = _relative_month_start(m, ctx.base)
    return nth_weekday_in(start.year, start.month, m["n"], build_vocabulary().weekday(m["wd"]), ANCHOR)


def month_after_next(m: re.Match, ctx: Context) -> DateValue | None:
    """ "March after next": the March after the coming one."""
    if ctx.base is None:
        return None
    month = build_vocabulary().month(m["m"])
    return month_value(ctx.base.year + (month <= ctx.base.month) + 1, month, ANCHOR)


def relative_month(m: re.Match, ctx: Context) -> DateValue | None:
    """ "last March" is the latest March before the publication date, "next March" the first
    after it, "this March" the one of its year."""
    if ctx.base is None:
        return None
    month, rel = build_vocabulary().month(m["m"]), m["rel"].casefold()
    base = ctx.base
    if rel == "this":
        return month_value(base.year, month, ANCHOR)
    year = base.year - (month >= base.month) if rel == "last" else base.year + (month <= base.month)
    return month_value(year, month, ANCHOR)


def year_to_date(m: re.Match, ctx: Context) -> DateValue | None:
    """ "year to date", "so far this year": 1 January to the publication day."""
    if ctx.base is None:
        return None
    return day_interval(date(ctx.base.year, 1, 1), ctx.base)


HANDLERS = {
    f.__name__: f
    for f in (
        relative_day,
        weekday,
        weekday_of_relative_week,
        weekday_after_next,
        relative_period,
        earlier_later,
        end_of_period,
        past_span,
        coming_span,
        offset,
        counted_weekday,
        offset_from_day,
        weekday_from_day,
        within,
        day_of_relative_month,
        nth_weekday_relative_month,
        month_after_next,
        relative_month,
        year_to_date,
    )
}
