"""Normalize one date expression against a reference (publication) date.

``parse_date("Jan. 28", base=date(2026, 2, 3))`` gives value ``2026-01-28`` at day precision
with the year marked as inferred. Values are ISO 8601 cut to their precision (``2026-01-28``,
``2026-02``, ``2025-Q1``, ``2025-H1``, ``2025``, decade ``199``); intervals are ``start/end``
with ``..`` for an open end. Every value carries calendar ``start``/``end`` bounds for
filtering. Nothing here reads the clock: relative expressions need ``base``.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from itertools import islice

from .numbers import parse_number

MONTHS = {name.casefold(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS |= {name.casefold(): i for i, name in enumerate(calendar.month_abbr) if name}
MONTHS["sept"] = 9
WEEKDAYS = {name.casefold(): i for i, name in enumerate(calendar.day_name)}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}


@dataclass(frozen=True)
class DateValue:
    value: str
    precision: str
    start: date | None
    end: date | None
    inferred: tuple[str, ...] = ()


def day_value(d: date, inferred: tuple[str, ...] = ()) -> DateValue:
    return DateValue(d.isoformat(), "day", d, d, inferred)


def month_value(year: int, month: int, inferred: tuple[str, ...] = ()) -> DateValue:
    last = calendar.monthrange(year, month)[1]
    return DateValue(
        f"{year:04d}-{month:02d}", "month", date(year, month, 1), date(year, month, last), inferred
    )


def year_value(year: int, inferred: tuple[str, ...] = ()) -> DateValue:
    return DateValue(f"{year:04d}", "year", date(year, 1, 1), date(year, 12, 31), inferred)


def quarter_value(year: int, quarter: int, inferred: tuple[str, ...] = ()) -> DateValue:
    first = 3 * quarter - 2
    end = month_value(year, first + 2).end
    return DateValue(f"{year:04d}-Q{quarter}", "quarter", date(year, first, 1), end, inferred)


def half_value(year: int, half: int, inferred: tuple[str, ...] = ()) -> DateValue:
    start, end = (
        (date(year, 1, 1), date(year, 6, 30)) if half == 1 else (date(year, 7, 1), date(year, 12, 31))
    )
    return DateValue(f"{year:04d}-H{half}", "half", start, end, inferred)


def interval(first: DateValue | None, last: DateValue | None) -> DateValue:
    """An interval between two values; None is an open end."""
    left = _interval_side(first.value) if first else ".."
    right = _interval_side(last.value) if last else ".."
    inferred = tuple(sorted({*(first.inferred if first else ()), *(last.inferred if last else ())}))
    return DateValue(
        f"{left}/{right}", "interval", first.start if first else None, last.end if last else None, inferred
    )


def _interval_side(value: str) -> str:
    return value.split("/")[0] if "/" not in value else value


def _shift_months(d: date, months: int) -> date:
    month_index = d.year * 12 + d.month - 1 + months
    year, month = divmod(month_index, 12)
    return date(year, month + 1, min(d.day, calendar.monthrange(year, month + 1)[1]))


def nearest_year(month: int, day: int | None, base: date, *, tense: str = "any") -> int:
    """Year putting month/day nearest ``base``; the clause's tense settles what is near.

    ``tense`` is "future" (upcoming: a date more than a month back moves a year on), "past"
    ("since January": never after ``base``) or "any".

    >>> nearest_year(1, 28, date(2026, 2, 3))
    2026
    >>> nearest_year(12, 20, date(2026, 1, 5))
    2025
    >>> nearest_year(2, None, date(2026, 1, 20), tense="future")
    2026
    >>> nearest_year(1, None, date(2025, 10, 8), tense="past")
    2025
    """

    def target(year: int) -> date:
        return date(year, month, min(day or 15, calendar.monthrange(year, month)[1]))

    best = min((base.year - 1, base.year, base.year + 1), key=lambda y: abs((target(y) - base).days))
    if tense == "future" and target(best) < base - timedelta(days=31):
        return best + 1
    if tense == "past" and date(best, month, min(day or 1, 28)) > base:
        return best - 1
    return best


def _number(text: str) -> int | None:
    if text.casefold() in {"a", "an"}:
        return 1
    value = parse_number(text)
    return int(value) if value is not None and value == int(value) else None


def _year(text: str) -> int:
    return int(text)


# --- the grammar: (pattern, handler) pairs tried in order on the cleaned expression ---

MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
DAY_WORDS = {
    word: i + 1
    for i, word in enumerate(
        [
            "first",
            "second",
            "third",
            "fourth",
            "fifth",
            "sixth",
            "seventh",
            "eighth",
            "ninth",
            "tenth",
            "eleventh",
            "twelfth",
            "thirteenth",
            "fourteenth",
            "fifteenth",
            "sixteenth",
            "seventeenth",
            "eighteenth",
            "nineteenth",
            "twentieth",
        ]
    )
} | {
    "twenty-first": 21,
    "twenty-second": 22,
    "twenty-third": 23,
    "twenty-fourth": 24,
    "twenty-fifth": 25,
    "twenty-sixth": 26,
    "twenty-seventh": 27,
    "twenty-eighth": 28,
    "twenty-ninth": 29,
    "thirtieth": 30,
    "thirty-first": 31,
}
DAY_WORDS |= {word.replace("-", " "): day for word, day in DAY_WORDS.items() if "-" in word}
DAY_WORD_PATTERN = "(?:" + "|".join(re.escape(w) for w in sorted(DAY_WORDS, key=len, reverse=True)) + ")"
DAY = rf"(?:(?:[0-3]?\d)(?:st|nd|rd|th)?|{DAY_WORD_PATTERN})"
YEAR = r"(?:1[89]\d\d|20\d\d|21\d\d)"
NUMWORD = (
    r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty"
    r"|several|few|a\s+few|a|an)"
)
UNIT = r"(?:day|week|month|year|decade)s?"

Handler = Callable[[re.Match, date | None, bool], DateValue | None]
RULES: list[tuple[re.Pattern, Handler]] = []


def rule(pattern: str) -> Callable[[Handler], Handler]:
    def register(handler: Handler) -> Handler:
        RULES.append((re.compile(pattern, re.IGNORECASE | re.VERBOSE), handler))
        return handler

    return register


def _month(text: str) -> int:
    return MONTHS[text.rstrip(".").casefold()]


def _day_num(text: str) -> int:
    if text.casefold() in DAY_WORDS:
        return DAY_WORDS[text.casefold()]
    return int(re.match(r"\d+", text).group())


WEEK_REL = {"this": 0, "current": 0, "next": 1, "following": 1, "last": -1, "previous": -1, "past": -1}
DAY_NAME = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
REL_WORD = "(?:" + "|".join(WEEK_REL) + ")"


@rule(r"^(?P<word>today|yesterday|tomorrow|the\s+day\s+after\s+tomorrow|the\s+day\s+before\s+yesterday)$")
def _relative_day(m, base, tense):
    if base is None:
        return None
    offsets = {
        "today": 0,
        "yesterday": -1,
        "tomorrow": 1,
        "the day after tomorrow": 2,
        "the day before yesterday": -2,
    }
    offset = offsets[" ".join(m["word"].casefold().split())]
    return day_value(base + timedelta(days=offset), ("anchor",))


@rule(rf"^(?:(?P<rel>{REL_WORD}|coming)\s+)?(?P<wd>{DAY_NAME})$")
def _weekday(m, base, tense):
    if base is None:
        return None
    target = WEEKDAYS[m["wd"].casefold()]
    rel = (m["rel"] or "").casefold()
    if rel in {"next", "following", "last", "previous"}:  # "next Wednesday": next week's
        return _weekday_of_week(base, target, WEEK_REL[rel])
    delta = (target - base.weekday()) % 7
    # A weekday the text reports in the past lies before the publication date; otherwise (a
    # plan, a schedule, no verb at all) it is the coming one.
    backward = rel == "past" or (tense in {"past", "reported"} and rel != "coming")
    if backward:
        delta = delta - 7 if delta else (0 if rel == "this" else -7)
    else:
        delta = delta or (0 if rel == "this" else 7)
    return day_value(base + timedelta(days=delta), ("anchor",))


def _weekday_of_week(base: date, weekday: int, weeks: int) -> DateValue:
    monday = base - timedelta(days=base.weekday()) + timedelta(weeks=weeks)
    return day_value(monday + timedelta(days=weekday), ("anchor",))


@rule(rf"^(?P<wd>{DAY_NAME}),?\s+(?:of\s+|from\s+|on\s+)?(?:the\s+)?(?P<rel>{REL_WORD})\s+week$")
def _weekday_week_after(m, base, tense):
    """ "Wednesday of next week", "Sunday from last week"."""
    if base is None:
        return None
    return _weekday_of_week(base, WEEKDAYS[m["wd"].casefold()], WEEK_REL[m["rel"].casefold()])


@rule(rf"^(?:the\s+)?(?P<rel>{REL_WORD})\s+week(?:'s|\s*[-,]?\s*(?:on\s+)?)\s*(?P<wd>{DAY_NAME})$")
def _weekday_week_before(m, base, tense):
    """ "last week's Sunday", "next week on Tuesday"."""
    return _weekday_week_after(m, base, tense)


@rule(rf"^(?P<wd>{DAY_NAME})\s+after\s+next$")
def _weekday_after_next(m, base, tense):
    """ "Friday after next": a week after the coming Friday."""
    if base is None:
        return None
    delta = (WEEKDAYS[m["wd"].casefold()] - base.weekday()) % 7 or 7
    return day_value(base + timedelta(days=delta + 7), ("anchor",))


@rule(
    r"^(?:(?:earlier|later)\s+)?(?:the\s+)?(?P<rel>this|last|next|coming|upcoming|past|previous|current|following)\s+(?:calendar\s+)?(?P<unit>week|month|year|yr|quarter)$"
)
def _relative_period(m, base, tense):
    if base is None:
        return None
    rel = m["rel"].split()[-1].casefold()
    step = WEEK_REL.get(rel, 1)  # coming, upcoming: 1
    unit = m["unit"].casefold().replace("yr", "year")
    if unit == "year":
        return year_value(base.year + step, ("anchor",))
    if unit == "month":
        d = _shift_months(base, step)
        return month_value(d.year, d.month, ("anchor",))
    if unit == "quarter":
        d = _shift_months(base, 3 * step)
        return quarter_value(d.year, (d.month - 1) // 3 + 1, ("anchor",))
    monday = base - timedelta(days=base.weekday()) + timedelta(weeks=step)
    return interval(day_value(monday, ("anchor",)), day_value(monday + timedelta(days=6), ("anchor",)))


@rule(
    rf"^(?:over|in|during|for|within)?\s*the\s+(?:past|last|previous)\s+(?P<n>{NUMWORD})\s+(?P<unit>{UNIT})$"
)
def _past_span(m, base, tense):
    n = _number(m["n"])
    if base is None or n is None:
        return None
    start = _step(base, -n, m["unit"])
    return interval(day_value(start, ("anchor",)), day_value(base, ("anchor",)))


@rule(
    rf"^(?:in|over|during|for)?\s*(?:the\s+)?(?:(?:coming|next|following|upcoming)\s+(?:(?P<n>{NUMWORD})\s+)?|(?P<n2>{NUMWORD})\s+(?:coming|upcoming)\s+)(?P<unit>{UNIT})$"
)
def _coming_span(m, base, tense):
    """ "the coming five years" runs from the publication date; "the next two days" are the
    two days after it."""
    if base is None or not (m["n"] or m["n2"] or m["unit"].casefold().endswith("s")):
        return None
    n = _number(m["n"] or m["n2"]) if (m["n"] or m["n2"]) else None
    days = m["unit"].casefold().startswith("day")
    start = base + timedelta(days=1) if days and n else base
    end = day_value(_step(base, n, m["unit"]), ("anchor",)) if n else None
    return interval(day_value(start, ("anchor",)), end)


def _step(base: date, n: int, unit: str) -> date:
    unit = unit.casefold().rstrip("s")
    if unit == "day":
        return base + timedelta(days=n)
    if unit == "week":
        return base + timedelta(weeks=n)
    months = {"month": 1, "year": 12, "decade": 120}[unit] * n
    return _shift_months(base, months)


@rule(rf"^in\s+(?P<n>{NUMWORD})\s+(?P<unit>{UNIT})$")
def _in_span(m, base, tense):
    """ "in two years" from the publication date, at the grain of its unit."""
    return _offset(m, base, sign=1)


@rule(rf"^within\s+(?P<n>{NUMWORD})\s+(?P<unit>{UNIT})$")
def _within(m, base, tense):
    """ "within five years": from the publication date to that far ahead."""
    n = _number(m["n"])
    if base is None or n is None:
        return None
    return interval(day_value(base, ("anchor",)), day_value(_step(base, n, m["unit"]), ("anchor",)))


@rule(rf"^(?:in\s+)?(?P<n>{NUMWORD})\s+(?P<unit>{UNIT})\s+(?:hence|from\s+(?:now|today)|after\s+today)$")
def _hence(m, base, tense):
    """ "three weeks hence", "two days from today"."""
    return _offset(m, base, sign=1)


@rule(rf"^(?P<n>{NUMWORD})\s+(?P<unit>{UNIT})\s+ago$")
def _ago(m, base, tense):
    return _offset(m, base, sign=-1)


def _offset(m, base: date | None, *, sign: int) -> DateValue | None:
    """``base`` moved n units on (or back), at the grain of the unit."""
    n = _number(m["n"])
    if base is None or n is None:
        return None
    d = _step(base, sign * n, m["unit"])
    unit = m["unit"].casefold().rstrip("s")
    if unit in {"year", "decade"}:
        return year_value(d.year, ("anchor",))
    return month_value(d.year, d.month, ("anchor",)) if unit == "month" else day_value(d, ("anchor",))


@rule(r"^(?:the\s+)?(?P<decade>1[89]\d|20\d)0['’]?s$")
def _decade(m, base, tense):
    decade = int(m["decade"])
    return DateValue(str(decade), "decade", date(decade * 10, 1, 1), date(decade * 10 + 9, 12, 31))


def _year_or_base(text: str | None, base: date | None) -> tuple[int, tuple[str, ...]] | None:
    if text:
        return _year(text), ()
    return (base.year, ("year",)) if base else None


@rule(
    rf"^(?:the\s+)?(?:(?P<year0>{YEAR})\s*[-\s]\s*)?(?:Q(?P<q>[1-4])|(?P<qw>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter)(?:\s*-?\s*(?:of\s+)?(?:the\s+year\s+)?(?P<year>{YEAR})|\s+of\s+the\s+year)?$"
)
def _quarter(m, base, tense):
    if m["year0"] and m["year"]:
        return None
    found = _year_or_base(m["year"] or m["year0"], base)
    if found is None:
        return None
    quarter = int(m["q"]) if m["q"] else ORDINALS[m["qw"].casefold()]
    return quarter_value(found[0], quarter, found[1])


@rule(
    rf"^(?:the\s+)?(?:H(?P<h>[12])|(?P<hw>first|second)\s+half)(?:\s*(?:of\s+)?(?:the\s+year\s+)?(?P<year>{YEAR})|\s+of\s+the\s+year)?$"
)
def _half(m, base, tense):
    found = _year_or_base(m["year"], base)
    if found is None:
        return None
    half = int(m["h"]) if m["h"] else ORDINALS[m["hw"].casefold()]
    return half_value(found[0], half, found[1])


@rule(r"^(?:FY\s?|fiscal\s+(?:year\s+)?)(?P<y1>\d{4}|\d{2})(?:\s*[-–/]\s*(?P<y2>\d{4}|\d{2}))?$")
def _fiscal(m, base, tense):
    """Fiscal years differ by country; the year named is kept at year precision."""
    first = int(m["y1"]) if len(m["y1"]) == 4 else 2000 + int(m["y1"])
    if m["y2"]:
        second = int(m["y2"]) if len(m["y2"]) == 4 else first // 100 * 100 + int(m["y2"])
        return interval(year_value(first), year_value(second))
    return year_value(first)


@rule(rf"^(?:between\s+|from\s+)?(?P<y1>{YEAR})\s*(?:-|–|—|to|and|through|until)\s*(?P<y2>{YEAR}|\d\d)$")
def _year_range(m, base, tense):
    first = int(m["y1"])
    second = int(m["y2"]) if len(m["y2"]) == 4 else first // 100 * 100 + int(m["y2"])
    if second < first:  # "2014-10" is October 2014, not a range back to 2010
        month = int(m["y2"])
        joined = re.fullmatch(r"\d{4}[-/]\d\d", m.group().strip())
        return month_value(first, month) if joined and 1 <= month <= 12 else None
    return interval(year_value(first), year_value(second))


@rule(
    rf"^(?:between\s+|from\s+)?(?P<m1>{MONTH})\s+(?P<y1>{YEAR})\s*(?:-|–|—|to|and|through|until)\s*(?P<m2>{MONTH})\s+(?P<y2>{YEAR})$"
)
def _month_year_range(m, base, tense):
    return interval(month_value(int(m["y1"]), _month(m["m1"])), month_value(int(m["y2"]), _month(m["m2"])))


@rule(
    rf"^(?:between\s+|from\s+)?(?P<m1>{MONTH})\s*(?:-|–|—|to|and|through|until)\s*(?P<m2>{MONTH})(?:,?\s+(?P<year>{YEAR})|\s+(?P<rel>next|this|last)\s+year)?$"
)
def _month_range(m, base, tense):
    first, last = _month(m["m1"]), _month(m["m2"])
    if m["rel"] and base is None:
        return None
    if m["rel"]:  # "from July to September next year"
        year, inferred = base.year + {"next": 1, "this": 0, "last": -1}[m["rel"].casefold()], ("anchor",)
    elif m["year"]:
        year, inferred = int(m["year"]), ()
    elif base is not None:
        # the year that puts the range's end nearest: "January-August" in September
        year, inferred = nearest_year(last, None, base, tense=tense) - (last < first), ("year",)
    else:
        return None
    if m["year"] and last < first:  # "Nov-Feb 2017": the year names the end, the winter before
        year -= 1
    last_year = year + (last < first)
    return interval(month_value(year, first, inferred), month_value(last_year, last, inferred))


@rule(
    rf"^(?:from\s+)?(?P<m>{MONTH})\s+(?P<d1>{DAY})\s*(?:-|–|—|to|and|through)\s*(?P<d2>{DAY})(?:,?\s+(?P<year>{YEAR}))?$"
)
def _day_range(m, base, tense):
    month = _month(m["m"])
    d1, d2 = _day_num(m["d1"]), _day_num(m["d2"])
    found = _resolve_year(m["year"], month, d1, base, tense)
    if found is None or d2 < d1:
        return None
    year, inferred = found
    return _safe(
        lambda: interval(
            day_value(date(year, month, d1), inferred), day_value(date(year, month, d2), inferred)
        )
    )


def _resolve_year(text, month, day, base, tense) -> tuple[int, tuple[str, ...]] | None:
    if text:
        return int(text), ()
    if base is None:
        return None
    return nearest_year(month, day, base, tense=tense), ("year",)


def _safe(build: Callable[[], DateValue]) -> DateValue | None:
    try:
        return build()
    except ValueError:
        return None


@rule(rf"^(?P<m>{MONTH})\s+(?P<d>{DAY}),?(?:\s+(?P<year>{YEAR}))?$")
def _month_day(m, base, tense):
    month, day = _month(m["m"]), _day_num(m["d"])
    found = _resolve_year(m["year"], month, day, base, tense)
    return None if found is None else _safe(lambda: day_value(date(found[0], month, day), found[1]))


@rule(rf"^(?:the\s+)?(?P<d>{DAY})\s+(?:of\s+)?(?P<m>{MONTH}),?(?:\s+(?P<year>{YEAR}))?$")
def _day_month(m, base, tense):
    return _month_day(m, base, tense)


@rule(r"^(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)$")
def _iso(m, base, tense):
    return _safe(lambda: day_value(date(int(m["y"]), int(m["m"]), int(m["d"]))))


@rule(r"^(?P<y>\d{4})\s(?P<m>\d\d?)\s(?P<d>\d\d?)$")
def _spaced_ymd(m, base, tense):
    return _iso(m, base, tense)


@rule(r"^(?P<d>\d\d?)(?P<sep>[./-])(?P<m>\d\d?)(?P=sep)(?P<y>\d{4}|\d\d)$")
def _numeric_dmy(m, base, tense):
    """28.01.2026: day first, as in most of the world; 01/28/2026 (US order) when day > 12."""
    first, second = int(m["d"]), int(m["m"])
    day, month = (second, first) if second > 12 else (first, second)
    return _safe(lambda: day_value(date(_full_year(m["y"]), month, day)))


def _full_year(text: str) -> int:
    """ "2015"; a two-digit year is this century's up to 69 ("'15" is 2015)."""
    year = int(text.lstrip("'’"))
    return year if year >= 100 else (2000 + year if year < 70 else 1900 + year)


@rule(rf"^(?P<y>{YEAR})[-/](?P<m>0?[1-9]|1[0-2])$|^(?P<m2>0?[1-9]|1[0-2])[-/](?P<y2>{YEAR})$")
def _numeric_month(m, base, tense):
    """ "2014-10", "2/2013": a month (a year range such as "2011-12" is read before this)."""
    return month_value(int(m["y"] or m["y2"]), int(m["m"] or m["m2"]))


@rule(rf"^(?P<year>{YEAR})\s+(?P<m>{MONTH})\s+(?P<d>{DAY})$")
def _year_month_day(m, base, tense):
    """ "2019-aug-01" (separators are spaces once cleaned)."""
    return _month_day(m, base, tense)


@rule(rf"^(?:the\s+)?end\s+of\s+(?P<m>{MONTH})$")
def _end_of_month(m, base, tense):
    """ "by the end of September": the last day of the nearest September (tense decides)."""
    if base is None:
        return None
    month = _month(m["m"])
    year = nearest_year(month, None, base, tense=tense)
    return day_value(month_value(year, month).end, ("year",))


@rule(
    rf"^(?:the\s+)?end\s+of\s+(?:(?P<m>{MONTH}),?\s+)?(?:(?P<year>{YEAR})|(?P<this>(?:this|the|the\s+current)\s+year|year))$"
)
def _end_of(m, base, tense):
    """ "by the end of 2027" is a deadline: the last day of the year (or month); "the end of
    the year" is that of the publication year."""
    if m["this"] and base is None:
        return None
    year = base.year if m["this"] else int(m["year"])
    if m["m"]:
        return day_value(month_value(year, _month(m["m"])).end)
    return day_value(date(year, 12, 31))


@rule(
    rf"^(?:(?:early|mid|late|the\s+end\s+of|the\s+start\s+of|the\s+beginning\s+of)[\s-]+)?(?P<m>{MONTH}),?\s+(?P<year>{YEAR})$"
)
def _month_year(m, base, tense):
    return month_value(int(m["year"]), _month(m["m"]))


WEEKDAY = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?"
)
NTH = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "last": -1}


def _weekday_number(text: str) -> int:
    word = text.rstrip(".").casefold()
    return next(i for name, i in WEEKDAYS.items() if name.startswith(word[:3]))


@rule(
    rf"^(?P<wd>{WEEKDAY}),?\s+(?:(?P<m>{MONTH})\s+(?P<d>{DAY})|(?:the\s+)?(?P<d2>{DAY})(?:\s+(?:of\s+)?(?P<m2>{MONTH}))?)(?:,?\s+(?P<year>{YEAR}))?$"
)
def _weekday_date(m, base, tense):
    """ "Friday, July 18": the weekday names the year (or the month) when the text does not."""
    weekday, day = _weekday_number(m["wd"]), _day_num(m["d"] or m["d2"])
    month_text = m["m"] or m["m2"]
    if m["year"]:
        years = [int(m["year"])]
    elif base is not None:
        years = [base.year, base.year + 1, base.year - 1]
    else:
        return None
    backward = tense in {"past", "reported"}
    if month_text:
        month = _month(month_text)
        starts = [date(y, month, 1) for y in years]
    else:  # "Tuesday the 19th": the nearest month, forward unless reported in the past
        steps = range(0, -12, -1) if backward else range(12)
        starts = [_shift_months(base.replace(day=1), k) for k in steps]
    for start in starts:
        candidate = _safe(lambda s=start: day_value(s.replace(day=day)))
        if candidate and candidate.start.weekday() == weekday:
            return replace(candidate, inferred=() if m["year"] else ("year",))
    return None


@rule(
    rf"^(?:the\s+)?(?P<n>first|second|third|fourth|1st|2nd|3rd|4th|last)\s+(?P<wd>{WEEKDAY})\s+(?:of|in)\s+(?P<m>{MONTH})(?:,?\s+(?P<year>{YEAR}))?$"
)
def _nth_weekday(m, base, tense):
    """ "the first Tuesday of October", "the last Sunday of March 2014"."""
    month = _month(m["m"])
    found = _year_or_base(m["year"], base)
    if found is None:
        return None
    year, inferred = found
    if not m["year"] and base is not None:
        year = nearest_year(month, None, base, tense=tense)
    return _nth_weekday_in(year, month, m, inferred)


def _nth_weekday_in(year: int, month: int, m: re.Match, inferred: tuple[str, ...]) -> DateValue:
    weekday, n = _weekday_number(m["wd"]), NTH[m["n"].casefold()]
    days = [
        d
        for d in range(1, calendar.monthrange(year, month)[1] + 1)
        if date(year, month, d).weekday() == weekday
    ]
    return day_value(date(year, month, days[n - 1] if n > 0 else days[-1]), inferred)


REL_MONTH = rf"(?:the\s+)?(?P<rel>{REL_WORD})\s+month|the\s+month"


def _relative_month_start(m, base: date) -> date:
    step = WEEK_REL[m["rel"].casefold()] if m["rel"] else 0
    return _shift_months(base.replace(day=1), step)


@rule(rf"^(?:the\s+)?(?P<d>{DAY})(?:\s+day)?\s+of\s+(?:{REL_MONTH})$")
def _day_of_relative_month(m, base, tense):
    """ "the 20th of next month"."""
    if base is None:
        return None
    start = _relative_month_start(m, base)
    return _safe(lambda: day_value(start.replace(day=_day_num(m["d"])), ("anchor",)))


@rule(
    rf"^(?:the\s+)?(?P<n>first|second|third|fourth|1st|2nd|3rd|4th|last)\s+(?P<wd>{WEEKDAY})\s+(?:of|in)\s+(?:{REL_MONTH})$"
)
def _nth_weekday_relative_month(m, base, tense):
    """ "the first Monday of this month", "second Monday of last month"."""
    if base is None:
        return None
    start = _relative_month_start(m, base)
    return _nth_weekday_in(start.year, start.month, m, ("anchor",))


@rule(rf"^(?P<m>{MONTH})\s+after\s+next$")
def _month_after_next(m, base, tense):
    """ "March after next": the March after the coming one."""
    if base is None:
        return None
    month = _month(m["m"])
    year = base.year + (month <= base.month) + 1
    return month_value(year, month, ("anchor",))


@rule(rf"^(?P<m>{MONTH})\s+(?P<d>{DAY}),?\s+(?P<wd>{WEEKDAY})$")
def _date_then_weekday(m, base, tense):
    """ "Jul 18, Fri": the weekday names the year."""
    if base is None:
        return None
    month, day, weekday = _month(m["m"]), _day_num(m["d"]), _weekday_number(m["wd"])
    for year in (base.year, base.year + 1, base.year - 1):
        found = _safe(lambda y=year: day_value(date(y, month, day), ("year",)))
        if found and found.start.weekday() == weekday:
            return found
    return None


@rule(r"^(?:the\s+)?year[\s-]to[\s-]date$|^so\s+far\s+this\s+year$")
def _year_to_date(m, base, tense):
    if base is None:
        return None
    return interval(day_value(date(base.year, 1, 1), ("anchor",)), day_value(base, ("anchor",)))


@rule(rf"^(?:the\s+)?last\s+day\s+(?:of|in)\s+(?P<m>{MONTH})(?:,?\s+(?P<year>{YEAR}))?$")
def _last_day(m, base, tense):
    month = _month(m["m"])
    found = _resolve_year(m["year"], month, 28, base, tense)
    return None if found is None else day_value(month_value(found[0], month).end, found[1])


@rule(rf"^(?P<rel>next|last|this)\s+(?P<m>{MONTH})$")
def _relative_month(m, base, tense):
    """ "last March" is the latest March before the publication date, "next March" the first
    after it, "this March" the one of its year."""
    if base is None:
        return None
    month, rel = _month(m["m"]), m["rel"].casefold()
    if rel == "this":
        return month_value(base.year, month, ("anchor",))
    year = base.year - (month >= base.month) if rel == "last" else base.year + (month <= base.month)
    return month_value(year, month, ("anchor",))


@rule(r"^(?:the\s+)?(?P<d>[0-3]?\d(?:st|nd|rd|th))$")
def _day_of_month(m, base, tense):
    """ "on the 15th": that day of the publication month, or of the next one when past."""
    if base is None:
        return None
    day = _day_num(m["d"])
    month_start = base.replace(day=1)
    if day < base.day and tense not in {"past", "reported"}:
        month_start = _shift_months(month_start, 1)
    return _safe(lambda: day_value(month_start.replace(day=day), ("month", "year")))


@rule(rf"^(?:(?:early|mid|late)[\s-]+)?(?P<m>{MONTH})$")
def _month_alone(m, base, tense):
    if base is None:
        return None
    month = _month(m["m"])
    return month_value(nearest_year(month, None, base, tense=tense), month, ("year",))


@rule(
    rf"^(?:the\s+)?(?:(?:early|mid|late)[\s-]+|(?:the\s+)?(?:end|start|beginning|middle)\s+of\s+(?:the\s+year\s+)?)?(?P<year>{YEAR})$"
)
def _year_alone(m, base, tense):
    return year_value(int(m["year"]))


@rule(rf"^the\s+first\s+(?P<n>{NUMWORD})\s+months\s+of\s+(?:the\s+year|(?P<year>{YEAR}))$")
def _first_months(m, base, tense):
    n = _number(m["n"])
    found = _year_or_base(m["year"], base)
    if n is None or found is None or not 1 <= n <= 12:
        return None
    return interval(month_value(found[0], 1, found[1]), month_value(found[0], n, found[1]))


# Written variants reduced to the grammar's forms: "Feb13" and "14april" are spaced,
# "05-Aug-2016" and "2019/aug/01" lose their separators, "june of 1992" and "june the 28th"
# lose their "of" and "the".
SPELLING_FIXES = [
    (re.compile(rf"(?i)\b({MONTH})(?=\d)"), r"\1 "),
    (re.compile(rf"(?i)(\d(?:st|nd|rd|th)?)(?={MONTH}\b)"), r"\1 "),
    (re.compile(rf"(?i)(?<=\d)[-/]({MONTH})[-/](?=\d)"), r" \1 "),
    (re.compile(rf"(?i)\b({MONTH})[-/](?={YEAR}\b)"), r"\1 "),
    (re.compile(rf"(?i)\b({MONTH}|{DAY})\s+of\s+(?={YEAR}\b)"), r"\1 "),
    (re.compile(rf"(?i)\b({MONTH})\s+the\s+(?=\d|{DAY_WORD_PATTERN})"), r"\1 "),
    (re.compile(r"(?<=\d)\s+,"), ","),
    (re.compile(rf"(?i)(?<=[a-z])\s+in\s+(?={YEAR}$)"), " "),
    (re.compile(rf"(?i)^(?:the\s+)?year\s+(?:of\s+)?(?={YEAR}$)"), ""),
]


def clean_expression(text: str) -> str:
    """Drop prepositions and punctuation around a date expression."""
    text = " ".join(text.replace("\u00a0", " ").split()).strip(" ,.;:()")
    for pattern, replacement in SPELLING_FIXES:
        text = pattern.sub(replacement, text)
    if re.match(rf"(?i)^in\s+{NUMWORD}\s+{UNIT}$", text):
        return text  # "in two years" is an offset, not a preposition
    return re.sub(r"^(?:on|in|at|during|of)\s+", "", text, flags=re.IGNORECASE)


def parse_date(text: str, *, base: date | None, tense: str = "any") -> DateValue | None:
    """Normalize one date expression, or return None.

    Args:
        base: the publication date relative expressions resolve against.
        tense: "future", "past" or "any": which way a year-less date leans (see nearest_year).

    >>> parse_date("Jan. 28", base=date(2026, 2, 1)).value
    '2026-01-28'
    >>> v = parse_date("February 2026", base=None); (v.value, v.precision, str(v.end))
    ('2026-02', 'month', '2026-02-28')
    >>> parse_date("the past five years", base=date(2026, 1, 28)).value
    '2021-01-28/2026-01-28'
    >>> parse_date("Q1 2025", base=None).value, parse_date("2021–2025", base=None).value
    ('2025-Q1', '2021/2025')
    >>> parse_date("annually", base=date(2026, 1, 1)) is None
    True
    """
    cleaned = clean_expression(text)
    for pattern, handler in RULES:
        match = pattern.match(cleaned)
        if match:
            return handler(match, base, tense)
    return _range(cleaned, base, tense)


RANGE_SPLIT = re.compile(r"\s*(?:[-–—]|\b(?:to|through|until|till|and)\b)\s*", re.IGNORECASE)


MAX_RANGE_CONNECTORS = 3  # "mid-2025 to end-2026" has three; a longer chain is no range


def _range(text: str, base: date | None, tense: str) -> DateValue | None:
    """Two dates joined by "to", "-" or "between ... and": "Nov 18-Dec 19, 2015",
    "from 26 June to 28 June 2020", "9 to 12 of June". The first end takes the year (and
    month) the second states when it gives none. Each end is one date, never a range itself:
    a chain ("May 1 - May 2 - May 3") is no range, and splitting it every way would take
    exponential time.

    >>> _range("Nov 18-Dec 19, 2015", None, "any").value
    '2015-11-18/2015-12-19'
    >>> _range("May 1 - May 2 - May 3 - May 4, 2026", None, "any") is None
    True
    """
    between = re.match(r"(?i)^(from|between)\s+", text)
    body = text[between.end() :] if between else text
    splits = list(islice(RANGE_SPLIT.finditer(body), MAX_RANGE_CONNECTORS + 1))
    if len(splits) > MAX_RANGE_CONNECTORS:
        return None
    for split in splits:
        connector = split.group().strip().casefold()
        if (connector == "and") != bool(between and between.group(1).casefold() == "between"):
            continue
        left, right = body[: split.start()], body[split.end() :]
        last = _range_end(right, base, tense) if left and right else None
        if last is None or last.precision == "interval" or last.start is None:
            continue
        first = _first_end(left, last, base, tense)
        if first is not None and first.start is not None and first.start <= last.start:
            return interval(first, last)
    return None


def _range_end(text: str, base: date | None, tense: str) -> DateValue | None:
    """One end of a range; "now" is the publication date there ("between now and May")."""
    if text.casefold() == "now":
        return day_value(base, ("anchor",)) if base else None
    return parse_date(text, base=base, tense=tense)


def _first_end(left: str, last: DateValue, base: date | None, tense: str) -> DateValue | None:
    """The range's first end, completed from the last: "Nov 18" of "Nov 18-Dec 19, 2015"."""
    if left.casefold() == "now":
        return _range_end(left, base, tense)
    year_given = re.search(YEAR, left)
    if re.fullmatch(rf"(?i)(?:the\s+)?{DAY}", left):  # "9" of "9 to 12 of June"
        left = f"{left} {calendar.month_name[last.start.month]}"
    if not year_given and last.precision in {"day", "month"}:
        first = parse_date(f"{left} {last.start.year}", base=None)
        if first is not None and first.start is not None and first.start > last.start:
            first = parse_date(f"{left} {last.start.year - 1}", base=None)
        if first is not None and first.precision == "interval":
            return None  # an end is one date: "May 1 - May 2" of a chain nests no interval
        if first is not None:
            return replace(first, inferred=last.inferred)
    if re.search(r"[a-z]", left, re.IGNORECASE) is None and not year_given:
        return None
    first = _range_end(left, base, tense)
    return None if first is None or first.precision == "interval" else first


def open_bound(value: DateValue, kind: str) -> DateValue:
    """ "since 2019" -> 2019/..; "by 2030" -> ../2030."""
    if value.precision == "interval":
        return value
    if kind == "open_end":
        return replace(interval(value, None))
    return replace(interval(None, value))
