"""Rule family "fiscal periods", and the fiscal calendar of an article.

A fiscal year is named by the calendar year it ends in: India's and Japan's run April to March
("FY24" is 2023-04/2024-03, "Q3 FY25" is 2024-10/2024-12), the US federal one October to
September ("Fiscal 2026 funds" is 2025-10/2026-09). Whose calendar applies is settled once per
article by :func:`find_fiscal_calendar`: a year end the article states ("fiscal year ending
June 30", "the nine months ended 30 September") wins over the country's default; a
country whose default is only its government's (``scope`` government in
``date_countries.tsv``) applies it to government releases and to federal funds. A calendar-year
company's "fiscal 2025" is the year 2025. Reporting periods ("the three months ended June 30,
2023") and split years ("the 2024/25 season") are read here too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache

from ...resources import read_table
from ..regex_starts import MultiFinder, build_multi_finder
from .values import (
    CALENDAR_YEAR,
    Context,
    DateValue,
    FiscalCalendar,
    day_value,
    half_value,
    interval,
    is_backward,
    month_span,
    month_value,
    quarter_value,
    shift_months,
    year_value,
)
from .vocabulary import build_vocabulary, fill, number


@dataclass(frozen=True)
class CountryDates:
    fiscal_start: int
    scope: str
    slash_order: str
    currency: str


@lru_cache(maxsize=1)
def country_dates() -> dict[str, CountryDates]:
    """``date_countries.tsv``: fiscal year start, its scope and the slashed-date order."""
    columns = ("country", "fiscal_start", "scope", "slash_order", "currency")
    rows = read_table("date_countries.tsv", columns)
    return {
        r["country"]: CountryDates(int(r["fiscal_start"]), r["scope"], r["slash_order"], r["currency"])
        for r in rows
    }


def slash_order_for(country: str | None) -> str:
    """How slashed numeric dates read in an article set in ``country``: "mdy" in the US and
    where the country is unknown, "dmy" in the rest of the world.

    >>> slash_order_for("US"), slash_order_for("KZ"), slash_order_for(None)
    ('mdy', 'dmy', 'mdy')
    """
    if not country:
        return "mdy"
    info = country_dates().get(country)
    return info.slash_order if info else "dmy"


@lru_cache(maxsize=1)
@cache
def fiscal_cues() -> tuple[tuple[str, str, re.Pattern, str], ...]:
    """(name, kind, pattern, example) rows of ``fiscal_cues.tsv``, fragments filled in (once
    per process)."""
    rows = read_table("fiscal_cues.tsv", ("name", "kind", "example", "pattern"))
    return tuple(
        (r["name"], r["kind"], re.compile(fill(r["pattern"]), re.IGNORECASE), r["example"]) for r in rows
    )


@lru_cache(maxsize=1)
def fiscal_finder() -> MultiFinder:
    """The cues run together, each tried only where it can start (:mod:`..regex_starts`): the
    matches of one ``finditer`` per cue for the cost of about one scan."""
    return build_multi_finder(pattern for _, _, pattern, _ in fiscal_cues())


@dataclass(frozen=True)
class ArticleFiscal:
    """What an article says about fiscal years: a stated start month, the country's default and
    whether the text reads as a government release."""

    stated: int | None = None
    country: CountryDates | None = None
    government: bool = False
    foreign: bool = False

    def calendar(self, following: str = "") -> FiscalCalendar:
        """The calendar for one expression; ``following`` is the text right after it ("funds")."""
        if self.stated is not None:
            return FiscalCalendar(self.stated, "article", self.stated)
        funds = re.match(r"^[\w\s,()&-]{0,80}?\bfunds\b", following, re.IGNORECASE)
        country = self.country or (country_dates()["US"] if funds else None)
        if country is None or country.fiscal_start == 1:
            return CALENDAR_YEAR
        start = country.fiscal_start
        if (country.scope == "all" and not self.foreign) or self.government or funds:
            return FiscalCalendar(start, "country", start)
        return FiscalCalendar(1, "calendar", start)


def find_fiscal_calendar(text: str, country: str | None, currencies: tuple[str, ...] = ()) -> ArticleFiscal:
    """The article's fiscal facts: the first year end it states, its country's default.

    Args:
        country: the dateline's country.
        currencies: the currencies of the article's amounts; when there are some and none is
            the country's own, the company reporting is foreign (a Singapore firm in Chennai).

    >>> find_fiscal_calendar("for the fiscal year ending June 30, 2025", "US").stated
    7
    >>> find_fiscal_calendar("in the nine months ended 30 September", None).stated
    1
    """
    stated, gov, corporate = None, 0, 0
    for (_, kind, pattern, _), spans in zip(fiscal_cues(), fiscal_finder().spans(text), strict=True):
        if kind in ("year_end", "months_to") and stated is None and spans:
            match = pattern.match(text, spans[0][0])  # the first match, as finditer gives it
            month = build_vocabulary().month(match.groupdict().get("m") or match.groupdict().get("m2"))
            stated = (month if kind == "year_end" else month - number(match["n"])) % 12 + 1
        gov += len(spans) if kind == "government" else 0
        corporate += len(spans) if kind == "corporate" else 0
    info = country_dates().get(country or "")
    foreign = info is not None and bool(currencies) and info.currency not in currencies
    return ArticleFiscal(stated, info, government=gov >= 2 and corporate == 0, foreign=foreign)


def _fy_year(text: str) -> int:
    year = int(text)
    return year if year >= 100 else 2000 + year


def _fiscal_year_start(year: int, start_month: int) -> date:
    """First day of the fiscal year named ``year`` (the calendar year it ends in)."""
    return date(year - (start_month > 1), start_month, 1)


def fiscal_year(m: re.Match, ctx: Context) -> DateValue | None:
    """ "FY24", "fiscal 2026", "fiscal year 2025", "2025 fiscal year"."""
    year, start = _fy_year(m["y"]), ctx.fiscal.start_month
    if start == 1:
        return year_value(year)
    return month_span(_fiscal_year_start(year, start), 12)


def fiscal_split_year(m: re.Match, ctx: Context) -> DateValue | None:
    """ "fiscal year 2023-24", "FY2024/25": the two calendar years it straddles; months where
    the fiscal year does not follow the calendar (July 2023 to June 2024 in Pakistan)."""
    first = _fy_year(m["y1"])
    second = int(m["y2"]) if len(m["y2"]) == 4 else first // 100 * 100 + int(m["y2"])
    if second != first + 1:
        return None
    start = ctx.fiscal.split_start
    if start == 1:
        return interval(year_value(first), year_value(second))
    return month_span(date(first, start, 1), 12)


def fiscal_quarter(m: re.Match, ctx: Context) -> DateValue | None:
    """ "Q3 FY25", "FY2025 Q3", "the third quarter of fiscal 2025", "fiscal Q3 2025"."""
    year, start = _fy_year(m["y"]), ctx.fiscal.start_month
    word = m["qw"] or m.groupdict().get("qw2")
    q = int(m["q"]) if m["q"] else build_vocabulary().words["ordinal"][word.casefold()]
    if not 1 <= q <= 4:
        return None
    if start == 1:
        return quarter_value(year, q)
    return month_span(shift_months(_fiscal_year_start(year, start), 3 * (q - 1)), 3)


def fiscal_half(m: re.Match, ctx: Context) -> DateValue | None:
    """ "H1 FY25", "the first half of fiscal 2025"."""
    year, start = _fy_year(m["y"]), ctx.fiscal.start_month
    h = int(m["h"]) if m["h"] else build_vocabulary().words["ordinal"][m["hw"].casefold()]
    if not 1 <= h <= 2:
        return None
    if start == 1:
        return half_value(year, h)
    return month_span(shift_months(_fiscal_year_start(year, start), 6 * (h - 1)), 6)


PERIOD_MONTHS = {
    "quarter": 3,
    "half-year": 6,
    "half year": 6,
    "year": 12,
    "fiscal year": 12,
    "financial year": 12,
}


def months_ended(m: re.Match, ctx: Context) -> DateValue | None:
    """ "the three months ended June 30, 2023" is 2023-04/2023-06; "the nine months ended 30
    September 2024" 2024-01/2024-09; "the year ended 31 March 2025" 2024-04/2025-03."""
    months = number(m["n"]) if m["n"] else PERIOD_MONTHS.get(" ".join(m["period"].casefold().split()))
    end = ctx.point(m["date"])
    if months is None or not 1 <= months <= 24 or end is None or end.precision not in {"day", "month"}:
        return None
    first = shift_months(end.start.replace(day=1), 1 - months)
    return interval(
        month_value(first.year, first.month, end.inferred),
        month_value(end.start.year, end.start.month, end.inferred),
    )


def split_year(m: re.Match, ctx: Context) -> DateValue | None:
    """ "the 2024/25 season", "the 2023-24 academic year": the two years it straddles (a
    financial year is a fiscal one); the months when the text states them ("2025-26 kharif
    marketing season (October-September)" is 2025-10/2026-09)."""
    kind = build_vocabulary().words["split_year"][" ".join(m["w"].casefold().split())]
    if kind == "fiscal":
        return fiscal_split_year(m, ctx)
    first = int(m["y1"])
    second = int(m["y2"]) if len(m["y2"]) == 4 else first // 100 * 100 + int(m["y2"])
    if second != first + 1:
        return None
    if m["m1"]:
        vocab = build_vocabulary()
        first_month, last_month = vocab.month(m["m1"]), vocab.month(m["m2"])
        if last_month >= first_month:
            return None
        return interval(month_value(first, first_month), month_value(second, last_month))
    return interval(year_value(first), year_value(second))


def _start(ctx: Context) -> int:
    """The fiscal year an unnumbered "fiscal year" means: the article's or its country's."""
    return ctx.fiscal.start_month if ctx.fiscal.start_month != 1 else ctx.fiscal.split_start


def fiscal_year_of(day: date, start_month: int) -> int:
    """The fiscal year (named by its last calendar year) holding ``day``."""
    return day.year + (start_month > 1 and day.month >= start_month)


def fiscal_relative_year(m: re.Match, ctx: Context) -> DateValue | None:
    """ "this financial year" (in a UK government release, April to March), "the current
    fiscal year", "next fiscal year": counted from the fiscal year holding publication."""
    if ctx.base is None:
        return None
    start = _start(ctx) if ctx.fiscal.source != "calendar" or "financial" in m.group().casefold() else 1
    rel = build_vocabulary().words["relative"][m["rel"].casefold()]
    year = fiscal_year_of(ctx.base, start) + rel
    if start == 1:
        return year_value(year, ("anchor",))
    return month_span(_fiscal_year_start(year, start), 12, ("anchor",))


def fiscal_year_end(m: re.Match, ctx: Context) -> DateValue | None:
    """ "the end of the current fiscal year": its last day."""
    if ctx.base is None:
        return None
    value = fiscal_relative_year(m, ctx) if m["rel"] else None
    if value is None:
        start = ctx.fiscal.start_month
        year = fiscal_year_of(ctx.base, start)
        value = year_value(year) if start == 1 else month_span(_fiscal_year_start(year, start), 12)
    return day_value(value.end, ("anchor",))


def fiscal_year_range(m: re.Match, ctx: Context) -> DateValue | None:
    """ "fiscal 2026 through 2031": from the first fiscal year's start to the last one's end."""
    first, last, start = int(m["y1"]), int(m["y2"]), ctx.fiscal.start_month
    if last <= first:
        return None
    if start == 1:
        return interval(year_value(first), year_value(last))
    end = shift_months(_fiscal_year_start(last, start), 11)
    return interval(month_value(*_ym(_fiscal_year_start(first, start))), month_value(end.year, end.month))


def _ym(d: date) -> tuple[int, int]:
    return d.year, d.month


def fiscal_period_of_year(number: int, months: int, ctx: Context, inferred=("year",)) -> DateValue | None:
    """Quarter or half ``number`` of the fiscal year holding publication, or of the one before
    when the clause reports it and it had not begun ("reported fourth-quarter results")."""
    start = _start(ctx)
    year = fiscal_year_of(ctx.base, start)
    first = shift_months(_fiscal_year_start(year, start), months * (number - 1))
    if is_backward(ctx.tense) and first > ctx.base:
        first = shift_months(first, -12)
    return month_span(first, months, inferred)


HANDLERS = {
    f.__name__: f
    for f in (
        fiscal_year,
        fiscal_split_year,
        fiscal_quarter,
        fiscal_half,
        months_ended,
        split_year,
        fiscal_relative_year,
        fiscal_year_end,
        fiscal_year_range,
    )
}
