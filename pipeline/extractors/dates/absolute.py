"""Rule family "absolute": dates the text states on the calendar ("14 March 2025", "Q1 2025",
"the 1990s", "Friday, July 18"), at most missing the year, which the publication date and the
clause's tense supply. Handlers take the rule's match and a :class:`.values.Context`.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from .fiscal import fiscal_period_of_year
from .values import (
    Context,
    DateValue,
    day_value,
    decade_value,
    half_value,
    interval,
    is_backward,
    month_value,
    named_day_year,
    nearest_year,
    quarter_value,
    safe,
    shift_months,
    with_inferred,
    year_value,
)
from .vocabulary import build_vocabulary, day_number, number


def year_or_base(text: str | None, ctx: Context) -> tuple[int, tuple[str, ...]] | None:
    """The stated year, else the publication year marked inferred."""
    if text:
        return int(text), ()
    return (ctx.base.year, ("year",)) if ctx.base else None


def resolve_year(text: str | None, month: int, day: int | None, ctx: Context):
    """The stated year, else the one the tense puts nearest the publication date."""
    if text:
        return int(text), ()
    if ctx.base is None:
        return None
    return nearest_year(month, day, ctx.base, tense=ctx.tense), ("year",)


def full_year(text: str, base: date | None = None) -> int:
    """A two-digit year is the nearest one not more than ten years after the publication
    year ("3/3/15" in 2013 is 2015; "03/18/40" in 2018 is 1940); 2000-based without one."""
    year = int(text.lstrip("'’"))
    if year >= 100:
        return year
    pivot = (base.year if base else 2000) % 100 + 10
    century = (base.year if base else 2000) // 100 * 100
    return century + year if year <= pivot else century - 100 + year


def month_day(m: re.Match, ctx: Context) -> DateValue | None:
    """ "Jan. 28", "14 March 2025", "the first of march", "March the 3rd"."""
    month, day = build_vocabulary().month(m["m"]), day_number(m["d"])
    found = resolve_year(m["year"], month, day, ctx)
    return None if found is None else safe(lambda: day_value(date(found[0], month, day), found[1]))


def iso_day(m: re.Match, ctx: Context) -> DateValue | None:
    return safe(lambda: day_value(date(int(m["y"]), int(m["m"]), int(m["d"]))))


def numeric_day(m: re.Match, ctx: Context) -> DateValue | None:
    """28.01.2026 is day first, as in most of the world; with slashes the order is month first
    in the US and where the country is unknown (02/03/2026 is February 3), day first elsewhere;
    either way a number above 12 can only be the day."""
    first, second = int(m["a"]), int(m["b"])
    month_first = m["sep"] == "/" and ctx.slash_order == "mdy"
    month, day = (first, second) if month_first else (second, first)
    if month > 12:
        month, day = day, month
    return safe(lambda: day_value(date(full_year(m["y"], ctx.base), month, day)))


def numeric_month(m: re.Match, ctx: Context) -> DateValue | None:
    """ "2014-10", "2/2013": a month (a year range such as "2011-12" is read before this)."""
    return month_value(int(m["y"] or m["y2"]), int(m["m"] or m["m2"]))


def month_year(m: re.Match, ctx: Context) -> DateValue | None:
    """ "February 2026", "early March 2025", "2017 april"."""
    return month_value(int(m["year"]), build_vocabulary().month(m["m"]))


def month_alone(m: re.Match, ctx: Context) -> DateValue | None:
    """ "in September": the nearest September, the tense deciding which way."""
    if ctx.base is None:
        return None
    month = build_vocabulary().month(m["m"])
    return month_value(nearest_year(month, None, ctx.base, tense=ctx.tense), month, ("year",))


def year_alone(m: re.Match, ctx: Context) -> DateValue | None:
    return year_value(int(m["year"]))


def decade(m: re.Match, ctx: Context) -> DateValue | None:
    return decade_value(int(m["decade"]) * 10)


def period_year(m: re.Match, ctx: Context) -> tuple[int, tuple[str, ...]] | None:
    """The year a quarter or half is of: stated ("Q1 2025", "2017 Q1"), named from the
    publication year ("of this year", "of next year") or, unsaid, the publication year
    marked inferred."""
    groups = m.groupdict()
    if groups.get("rel"):
        step = build_vocabulary().words["relative"][groups["rel"].casefold()]
        return (ctx.base.year + step, ("anchor",)) if ctx.base else None
    return year_or_base(groups.get("year") or groups.get("year0"), ctx)


def quarter(m: re.Match, ctx: Context) -> DateValue | None:
    """ "Q1 2025", "2017 Q1", "the third quarter", "fourth quarter of the year", "the third
    quarter of this year"."""
    groups = m.groupdict()
    if groups.get("year0") and m["year"]:
        return None
    found = period_year(m, ctx)
    if found is None:
        return None
    if groups.get("qm"):  # "the December quarter" (Australia) ends in December
        number = (build_vocabulary().month(m["qm"]) - 1) // 3 + 1
    else:
        number = int(m["q"]) if m["q"] else build_vocabulary().words["ordinal"][m["qw"].casefold()]
    if found[1] == ("year",) and ctx.fiscal.source == "article" and ctx.fiscal.start_month != 1:
        return fiscal_period_of_year(number, 3, ctx)  # "the fourth quarter" of a stated fiscal year
    return _reported_period(
        quarter_value(found[0], number, found[1]), ctx, lambda y: quarter_value(y, number, found[1])
    )


def _reported_period(value: DateValue, ctx: Context, in_year) -> DateValue:
    """A year-less quarter or half reported in the past has begun by the publication date:
    "reported fourth-quarter revenue" in February is last year's fourth quarter."""
    guessed = "year" in value.inferred  # "of this year" says which
    if guessed and ctx.base is not None and is_backward(ctx.tense) and value.start > ctx.base:
        return in_year(value.start.year - 1)
    return value


def half(m: re.Match, ctx: Context) -> DateValue | None:
    """ "H1 2026", "the second half of 2028", "first half of the year", "the second half of
    next year"."""
    found = period_year(m, ctx)
    if found is None:
        return None
    number = int(m["h"]) if m["h"] else build_vocabulary().words["ordinal"][m["hw"].casefold()]
    fiscal_year = m["fy"] or (found[1] == ("year",) and ctx.fiscal.source == "article")
    if fiscal_year and ctx.base is not None and (ctx.fiscal.start_month != 1 or ctx.fiscal.split_start != 1):
        return fiscal_period_of_year(number, 6, ctx)  # "the second half of the fiscal year"
    return _reported_period(
        half_value(found[0], number, found[1]), ctx, lambda y: half_value(y, number, found[1])
    )


def first_months(m: re.Match, ctx: Context) -> DateValue | None:
    """ "the first nine months of the year", "first six months of 2025": January to month N."""
    n = number(m["n"])
    found = year_or_base(m["year"], ctx)
    if n is None or found is None or not 1 <= n <= 12:
        return None
    return interval(month_value(found[0], 1, found[1]), month_value(found[0], n, found[1]))


def end_of_month(m: re.Match, ctx: Context) -> DateValue | None:
    """ "the end of September": its last day (corpus convention), the tense choosing the year."""
    month = build_vocabulary().month(m["m"])
    found = resolve_year(m["year"], month, None, ctx)
    if found is None:
        return None
    return day_value(month_value(found[0], month).end, found[1])


def end_of_year(m: re.Match, ctx: Context) -> DateValue | None:
    """ "the end of 2027" is its last day; "the end of the year" that of the publication year,
    "the end of next year" that of the year after."""
    if m["year"]:
        return day_value(date(int(m["year"]), 12, 31))
    if ctx.base is None:
        return None
    step = build_vocabulary().words["relative"][m["rel"].casefold()] if m["rel"] else 0
    return day_value(date(ctx.base.year + step, 12, 31), () if not step else ("anchor",))


def weekday_date(m: re.Match, ctx: Context) -> DateValue | None:
    """ "Friday, July 18": the weekday names the year (or the month) when the text does not."""
    vocab = build_vocabulary()
    weekday, day = vocab.weekday(m["wd"]), day_number(m["d"] or m["d2"])
    month_text = m["m"] or m["m2"]
    if m["year"]:
        years = [int(m["year"])]
    elif ctx.base is not None:
        years = [ctx.base.year, ctx.base.year + 1, ctx.base.year - 1]
    else:
        return None
    if month_text:
        starts = [date(y, vocab.month(month_text), 1) for y in years]
    else:  # "Tuesday the 19th": the nearest month, forward unless reported in the past
        backward = is_backward(ctx.tense)
        steps = range(0, -12, -1) if backward else range(12)
        starts = [shift_months(ctx.base.replace(day=1), k) for k in steps]
    for start in starts:
        found = safe(lambda s=start: day_value(s.replace(day=day)))
        if found and found.start.weekday() == weekday:
            return with_inferred(found, () if m["year"] else ("year",))
    return None


def nth_weekday_in(year: int, month: int, nth: str, weekday: int, inferred=()) -> DateValue | None:
    """The ``nth`` ("first", "2nd", "last") ``weekday`` of a month."""
    word = nth.casefold()
    n = -1 if word == "last" else build_vocabulary().words["ordinal"].get(word) or int(word[0])
    days = [
        d
        for d in range(1, calendar.monthrange(year, month)[1] + 1)
        if date(year, month, d).weekday() == weekday
    ]
    if not -len(days) <= (n - 1 if n > 0 else n) < len(days):
        return None
    return day_value(date(year, month, days[n - 1] if n > 0 else days[-1]), inferred)


def nth_weekday(m: re.Match, ctx: Context) -> DateValue | None:
    """ "the first Tuesday of October", "the last Sunday of March 2014": without a year, the
    coming one unless reported, as for the holidays defined so (Thanksgiving is the fourth
    Thursday of November)."""
    vocab = build_vocabulary()
    month, weekday = vocab.month(m["m"]), vocab.weekday(m["wd"])
    if m["year"]:
        return nth_weekday_in(int(m["year"]), month, m["n"], weekday)
    if ctx.base is None:
        return None
    this_year = nth_weekday_in(ctx.base.year, month, m["n"], weekday)
    if this_year is None:
        return None
    year = named_day_year(this_year.start, ctx.base, tense=ctx.tense)
    return nth_weekday_in(year, month, m["n"], weekday, ("year",))


def nth_day_of_month(m: re.Match, ctx: Context) -> DateValue | None:
    """ "the third day of October" is October 3."""
    month, day = build_vocabulary().month(m["m"]), day_number(m["n"])
    found = resolve_year(m["year"], month, day, ctx)
    return None if found is None else safe(lambda: day_value(date(found[0], month, day), found[1]))


def last_day(m: re.Match, ctx: Context) -> DateValue | None:
    month = build_vocabulary().month(m["m"])
    found = resolve_year(m["year"], month, 28, ctx)
    return None if found is None else day_value(month_value(found[0], month).end, found[1])


def date_then_weekday(m: re.Match, ctx: Context) -> DateValue | None:
    """ "Jul 18, Fri": the weekday names the year."""
    if ctx.base is None:
        return None
    vocab = build_vocabulary()
    month, day, weekday = vocab.month(m["m"]), day_number(m["d"]), vocab.weekday(m["wd"])
    for year in (ctx.base.year, ctx.base.year + 1, ctx.base.year - 1):
        found = safe(lambda y=year: day_value(date(y, month, day), ("year",)))
        if found and found.start.weekday() == weekday:
            return found
    return None


def day_of_this_month(m: re.Match, ctx: Context) -> DateValue | None:
    """ "on the 15th": that day of the publication month, or of the next one when past."""
    if ctx.base is None:
        return None
    day = day_number(m["d"])
    month_start = ctx.base.replace(day=1)
    if day < ctx.base.day and not is_backward(ctx.tense):
        month_start = shift_months(month_start, 1)
    elif day > ctx.base.day + 7 and is_backward(ctx.tense):
        month_start = shift_months(month_start, -1)
    return safe(lambda: day_value(month_start.replace(day=day), ("month", "year")))


def season(m: re.Match, ctx: Context) -> DateValue | None:
    """ "spring 2025", "the summer of 2024": the season's months (winter starts in December of
    the year before the one named: "winter 2025" is 2024-12/2025-02)."""
    first, last = (int(x) for x in build_vocabulary().words["season"][m["s"].casefold()].split("-"))
    found = year_or_base(m["year"], ctx)
    if found is None:
        return None
    year, inferred = found
    start = date(year - (first > last), first, 1)
    return interval(month_value(start.year, first, inferred), month_value(year, last, inferred))


HANDLERS = {
    f.__name__: f
    for f in (
        month_day,
        iso_day,
        numeric_day,
        numeric_month,
        month_year,
        month_alone,
        year_alone,
        decade,
        quarter,
        half,
        first_months,
        end_of_month,
        end_of_year,
        weekday_date,
        nth_weekday,
        nth_day_of_month,
        last_day,
        date_then_weekday,
        day_of_this_month,
        season,
    )
}
