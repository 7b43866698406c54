"""Rule family "ranges": two dates joined by one connector ("2021–2025", "from March to May
2025", "Nov 18-Dec 19, 2015", "between 2020 and 2024", "9 to 12 June").

A range is split once, at one connector, and each end is read as a single date (never a range:
nested intervals are rejected). The connector is the only word connector ("to", "through",
"until", "till"; "and" after "between"), else the only dash; text with two or more connectors
of the chosen kind ("May 1 - May 2 - May 3") is no range. So reading a range costs two reads of
a point date, whatever its length.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from .absolute import resolve_year
from .values import (
    Context,
    DateValue,
    day_value,
    interval,
    month_value,
    nearest_year,
    safe,
    with_inferred,
    year_value,
)
from .vocabulary import build_vocabulary, day_number, fragments

WORD_CONNECTOR = re.compile(r"\s+(?:to|through|thru|until|till)\s+", re.IGNORECASE)
AND_CONNECTOR = re.compile(r"\s+and\s+", re.IGNORECASE)
SPACED_DASH = re.compile(r"\s*[–—]\s*|\s+-\s+")
HYPHEN = re.compile(r"-")


def year_range(m: re.Match, ctx: Context) -> DateValue | None:
    """ "2021–2025", "between 2027 and 2029", "2024/25"; "2014-10" is October 2014."""
    first = int(m["y1"])
    second = int(m["y2"]) if len(m["y2"]) == 4 else first // 100 * 100 + int(m["y2"])
    if second < first:
        month = int(m["y2"])
        joined = re.fullmatch(r"\d{4}[-/]\d\d", m.group().strip())
        return month_value(first, month) if joined and 1 <= month <= 12 else None
    if second == first:
        return None
    return interval(year_value(first), year_value(second))


def month_year_range(m: re.Match, ctx: Context) -> DateValue | None:
    """ "from October 2026 to March 2027"."""
    vocab = build_vocabulary()
    first = month_value(int(m["y1"]), vocab.month(m["m1"]))
    return interval(first, month_value(int(m["y2"]), vocab.month(m["m2"])))


def month_range(m: re.Match, ctx: Context) -> DateValue | None:
    """ "from June to August", "January-August" (the year that puts the end nearest), "from July
    to September next year", "Nov-Feb 2017" (the year names the end: the winter before)."""
    vocab = build_vocabulary()
    first, last = vocab.month(m["m1"]), vocab.month(m["m2"])
    if m["rel"]:
        if ctx.base is None:
            return None
        year = ctx.base.year + vocab.words["relative"][m["rel"].casefold()]
        inferred = ("anchor",)
    elif m["year"]:
        year, inferred = int(m["year"]) - (last < first), ()
    elif ctx.base is not None:
        year, inferred = nearest_year(last, None, ctx.base, tense=ctx.tense) - (last < first), ("year",)
    else:
        return None
    return interval(month_value(year, first, inferred), month_value(year + (last < first), last, inferred))


def day_range(m: re.Match, ctx: Context) -> DateValue | None:
    """ "March 3-4", "from May 14 to 15", "9-12 June 2026", "October 14-15, 2024"."""
    month = build_vocabulary().month(m["m"])
    d1, d2 = day_number(m["d1"]), day_number(m["d2"])
    found = resolve_year(m["year"], month, d1, ctx)
    if found is None or d2 <= d1:
        return None
    year, inferred = found
    return safe(
        lambda: interval(
            day_value(date(year, month, d1), inferred), day_value(date(year, month, d2), inferred)
        )
    )


def _connector(body: str, between: bool) -> re.Match | None:
    """The one connector of ``body``, or None when there is none or more than one."""
    kinds = (AND_CONNECTOR,) if between else (WORD_CONNECTOR, SPACED_DASH, HYPHEN)
    for kind in kinds:
        found = list(kind.finditer(body))
        if found:
            return found[0] if len(found) == 1 else None
    return None


def split_range(m: re.Match, ctx: Context) -> DateValue | None:
    """Any two dates joined by one connector: "Nov 18-Dec 19, 2015", "from 26 June to 28 June
    2020", "between now and June 30". The first end takes the year (and month) the second
    states when it gives none."""
    between = bool(m["lead"]) and m["lead"].casefold() == "between"
    body = m["body"]
    split = _connector(body, between)
    if split is None:
        return None
    left, right = body[: split.start()].strip(), body[split.end() :].strip()
    last = _end(right, ctx)
    if last is None or last.start is None or not left:
        return None
    first = _first_end(left, last, ctx)
    if first is None or first.start is None or first.start > last.start:
        return None
    return interval(first, last)


def _end(text: str, ctx: Context) -> DateValue | None:
    """One end of a range; "now" is the publication date there ("between now and May")."""
    if text.casefold() == "now":
        return day_value(ctx.base, ("anchor",)) if ctx.base else None
    return ctx.point(text)


def _first_end(left: str, last: DateValue, ctx: Context) -> DateValue | None:
    """The range's first end, completed from the last: "Nov 18" of "Nov 18-Dec 19, 2015"."""
    if left.casefold() == "now":
        return _end(left, ctx)
    year_given = re.search(fragments()["YEAR"], left)
    if re.fullmatch(rf"(?i)(?:the\s+)?{fragments()['DAY']}", left):  # "9" of "9 to 12 of June"
        left = f"{left} {calendar.month_name[last.start.month]}"
    if not year_given and last.precision in {"day", "month"}:
        first = ctx.point(f"{left} {last.start.year}")
        if first is not None and first.start is not None and first.start > last.start:
            first = ctx.point(f"{left} {last.start.year - 1}")
        if first is not None:
            return with_inferred(first, last.inferred)
    if re.search(r"[a-z]", left, re.IGNORECASE) is None and not year_given:
        return None
    return _end(left, ctx)


HANDLERS = {f.__name__: f for f in (year_range, month_year_range, month_range, day_range, split_range)}
