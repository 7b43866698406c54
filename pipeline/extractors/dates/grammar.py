"""The value grammar: one date expression -> :class:`.values.DateValue`, by the ordered rule
table ``data/date_rules.tsv``.

Each row names a rule, its family module and handler, a pattern (with the fragments of
:mod:`.vocabulary`) and examples. :func:`parse_date` cleans the expression, tries the rows in
file order and returns the first match's value. The table is read once per process; the
handlers are looked up in the family modules' ``HANDLERS`` maps, so an unknown handler or family
fails at load time. A range's ends are read with the ranges family left out: values never nest.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from ...compiled import compiled
from ...resources import DataFileError, read_table
from . import absolute, fiscal, holidays, ranges, relative, weeks
from .values import CALENDAR_YEAR, Context, DateValue, FiscalCalendar, checked, interval
from .vocabulary import fill, fragments

FAMILIES: dict[str, dict[str, Callable]] = {
    "absolute": absolute.HANDLERS,
    "relative": relative.HANDLERS,
    "ranges": ranges.HANDLERS,
    "fiscal": fiscal.HANDLERS,
    "weeks": weeks.HANDLERS,
    "holidays": holidays.HANDLERS,
}
# Rules that read a date inside their match ("the week of <date>", "<range end> to <range
# end>", "three days after <date>"); that date is read without them, so reading never recurses
# twice.
NESTING = frozenset({"ranges", "week_of", "months_ended", "offset_from_day", "weekday_from_day"})


@dataclass(frozen=True)
class Rule:
    name: str
    family: str
    handler: Callable
    pattern: re.Pattern
    examples: str


@lru_cache(maxsize=1)
def rules() -> tuple[Rule, ...]:
    """The rule table, compiled; fails loudly on an unknown family or handler."""
    table = []
    for row in read_table("date_rules.tsv", ("name", "family", "handler", "pattern", "examples")):
        handlers = FAMILIES.get(row["family"])
        if handlers is None or row["handler"] not in handlers:
            raise DataFileError(
                f"date_rules.tsv: rule {row['name']!r}: no handler {row['family']}.{row['handler']}"
            )
        pattern = compiled(fill(row["pattern"]), re.IGNORECASE)
        table.append(Rule(row["name"], row["family"], handlers[row["handler"]], pattern, row["examples"]))
    return tuple(table)


# Written variants reduced to the grammar's forms: "Feb13" and "14april" are spaced,
# "05-Aug-2016" and "2019/aug/01" lose their separators, "june of 1992" and "june the 28th"
# lose their "of" and "the".
@lru_cache(maxsize=1)
def _spelling_fixes() -> tuple[tuple[re.Pattern, str], ...]:
    month, day, year = fragments()["MONTH"], fragments()["DAY"], fragments()["YEAR"]
    ordinal = fragments()["ORDINAL"]
    fixes = [
        (rf"\b({month})(?=\d)", r"\1 "),
        (rf"(\d(?:st|nd|rd|th)?)(?={month}\b)", r"\1 "),
        (rf"(?<=\d)[-/]({month})[-/](?=\d)", r" \1 "),
        (rf"\b({month})[-/](?={year}\b)", r"\1 "),
        (rf"\b({month}|{day})\s+of\s+(?={year}\b)", r"\1 "),
        (rf"\b({month})\s+the\s+(?=\d|{ordinal})", r"\1 "),
        (r"(?<=\d)\s+,", ","),
        (rf"(?<=[a-z])\s+in\s+(?={year}$)", " "),
        (rf"^(?:the\s+)?year\s+(?:of\s+)?(?={year}$)", ""),
    ]
    return tuple((re.compile(p, re.IGNORECASE), r) for p, r in fixes)


def clean_expression(text: str) -> str:
    """Drop prepositions and punctuation around a date expression.

    >>> clean_expression("on 05-Aug-2016.")
    '05 Aug 2016'
    """
    text = " ".join(text.replace("\u00a0", " ").split()).strip(" ,.;:()")
    text = re.sub(r"['’]s$", "", text)  # "last month's tender"
    for pattern, replacement in _spelling_fixes():
        text = pattern.sub(replacement, text)
    if re.match(fill(r"(?i)^in\s+{COUNT}\s+{UNIT}$"), text):
        return text  # "in two years" is an offset, not a preposition
    return re.sub(r"^(?:on|in|at|during|of)\s+", "", text, flags=re.IGNORECASE)


def match_rule(
    text: str,
    *,
    base: date | None,
    tense: str = "any",
    fiscal: FiscalCalendar = CALENDAR_YEAR,
    slash_order: str = "mdy",
    nested: bool = True,
) -> tuple[str | None, DateValue | None]:
    """The name of the rule that reads ``text`` and its value (None, None: no rule matches).

    Args:
        nested: whether rules that read a date inside their match may apply (not for the ends
            of a range).
    """
    cleaned = clean_expression(text)
    point = lambda side: match_rule(  # noqa: E731 - one end of a range, read flat
        side, base=base, tense=tense, fiscal=fiscal, slash_order=slash_order, nested=False
    )[1]
    ctx = Context(base=base, tense=tense, fiscal=fiscal, slash_order=slash_order, point=point)
    for rule in rules():
        if not nested and (rule.family in NESTING or rule.handler.__name__ in NESTING):
            continue
        match = rule.pattern.match(cleaned)
        if match:
            return rule.name, checked(rule.handler(match, ctx))
    return None, None


def parse_date(text: str, *, base: date | None, tense: str = "any", **context) -> DateValue | None:
    """Normalize one date expression, or return None.

    Args:
        base: the publication date relative expressions resolve against.
        tense: "future", "reported", "past" or "any": which way a year-less date leans.
        context: ``fiscal`` (a :class:`.values.FiscalCalendar`) and ``slash_order``.

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
    return match_rule(text, base=base, tense=tense, **context)[1]


def open_bound(value: DateValue, kind: str) -> DateValue | None:
    """ "since 2019" -> 2019/..; "by 2030" -> ../2030; an interval stays as it is."""
    if value.precision == "interval":
        return value
    bounded = interval(value, None) if kind == "open_end" else interval(None, value)
    return bounded
