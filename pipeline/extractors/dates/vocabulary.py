"""The date vocabulary, read once from ``data/date_vocabulary.tsv``, and the regex fragments
built from it.

Both the grammar (:mod:`.grammar` and the rule families) and candidate finding
(:mod:`.candidates`) take their month, weekday, ordinal, number, relative, part, season and
holiday words from here, so a word added to the file is known everywhere at once. Fragments are
named by ``{NAME}`` placeholders in the rule and pattern tables and filled by :func:`fill`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType

from ...resources import DataFileError, read_table

KINDS = frozenset(
    {
        "month",
        "month_abbr",
        "weekday",
        "weekday_abbr",
        "ordinal",
        "number",
        "relative",
        "part",
        "season",
        "holiday",
        "split_year",
    }
)
NUMERIC_KINDS = frozenset({"month", "month_abbr", "weekday", "weekday_abbr", "ordinal", "number", "relative"})


@dataclass(frozen=True)
class Vocabulary:
    """Words by kind: ``words["month"]["jan"] == 1``; values are ints for numeric kinds."""

    words: MappingProxyType

    def of(self, *kinds: str) -> dict:
        """The words of ``kinds`` merged: ``of("month", "month_abbr")``."""
        merged: dict = {}
        for kind in kinds:
            merged |= self.words[kind]
        return merged

    def month(self, text: str) -> int:
        """>>> build_vocabulary().month("Sept.")
        9
        """
        return self.of("month", "month_abbr")[text.rstrip(".").casefold()]

    def weekday(self, text: str) -> int:
        """>>> build_vocabulary().weekday("Thurs")
        3
        """
        return self.of("weekday", "weekday_abbr")[text.rstrip(".").casefold()]


@lru_cache(maxsize=1)
def build_vocabulary() -> Vocabulary:
    """The vocabulary file as a :class:`Vocabulary`; unknown kinds or bad numbers fail loudly."""
    words: dict[str, dict] = {kind: {} for kind in KINDS}
    for row in read_table("date_vocabulary.tsv", ("phrase", "kind", "value")):
        kind = row["kind"]
        if kind not in KINDS:
            raise DataFileError(f"date_vocabulary.tsv: unknown kind {kind!r} of {row['phrase']!r}")
        value = row["value"]
        if kind in NUMERIC_KINDS:
            try:
                value = int(value)
            except ValueError:
                raise DataFileError(f"date_vocabulary.tsv: {row['phrase']!r} needs a number") from None
        words[kind][row["phrase"].casefold()] = value
    return Vocabulary(MappingProxyType({k: MappingProxyType(v) for k, v in words.items()}))


def _alternation(words, *, capitalized: bool = False, dot: bool = False) -> str:
    """Longest first, so "thurs" is tried before "thu"; spaces match any whitespace."""
    forms = sorted(words, key=len, reverse=True)
    if capitalized:
        forms = [w[:1].upper() + w[1:] for w in forms]
    body = "|".join(
        re.escape(w).replace(r"\ ", r"\s+").replace(r"\-", r"[-\s]").replace("'", "['’]") for w in forms
    )
    return f"(?:{body})" + (r"\.?" if dot else "")


@lru_cache(maxsize=1)
def fragments() -> MappingProxyType:
    """Regex fragments by name. Lower-case ones are for case-insensitive patterns (the grammar);
    ``*_CAP`` ones keep a capital, so "may" and "march" the verbs never start a candidate."""
    v = build_vocabulary()
    months, weekdays = v.of("month", "month_abbr"), v.of("weekday", "weekday_abbr")
    numbers = v.of("number")
    table = {
        "MONTH": _alternation(months, dot=True),
        "MONTH_CAP": _alternation(months, capitalized=True, dot=True),
        "WEEKDAY": _alternation(v.of("weekday")),
        "WEEKDAY_ANY": _alternation(weekdays, dot=True),
        "WEEKDAY_ABBR": _alternation(weekdays, capitalized=True, dot=True),
        "WEEKDAYS": _alternation([w + "s" for w in v.of("weekday")]),
        "ORDINAL": _alternation(v.of("ordinal")),
        "NTH": r"(?:" + _alternation(v.of("ordinal")) + r"|[1-5](?:st|nd|rd|th)|last)",
        "NUMBER": _alternation([*numbers, "several", "a few"]),
        "REL": _alternation(v.of("relative")),
        "SEASON": _alternation(v.of("season")),
        "HOLIDAY": _alternation(v.of("holiday")),
        "HOLIDAY_PHRASE": _alternation([w for w in v.of("holiday") if " " in w]),
        "SPLIT_YEAR": _alternation(v.of("split_year")),
        "YEAR": r"(?:1[89]\d\d|20\d\d|21\d\d)",
        "UNIT": r"(?:day|week|month|year|decade)s?",
    }
    table["DAY"] = rf"(?:[0-3]?\d(?:st|nd|rd|th)?|{table['ORDINAL']})"
    table["COUNT"] = rf"(?:\d+|{table['NUMBER']})"
    return MappingProxyType(table)


def fill(pattern: str, names: MappingProxyType | None = None) -> str:
    """Replace each ``{NAME}`` by its fragment; an unknown name fails loudly.

    >>> bool(re.fullmatch(fill("{MONTH} {YEAR}"), "sept. 2025"))
    True
    """
    names = names or fragments()

    def one(m: re.Match) -> str:
        if m.group(1) not in names:
            raise DataFileError(f"unknown fragment {{{m.group(1)}}} in {pattern!r}")
        return names[m.group(1)]

    return re.sub(r"\{([A-Z_]+)\}", one, pattern)


def number(text: str) -> int | None:
    """A small count in digits or words; None for "several" (no number).

    >>> number("three"), number("12"), number("a few")
    (3, 12, None)
    """
    text = " ".join(text.casefold().split())
    if text.isdigit():
        return int(text)
    return build_vocabulary().words["number"].get(text)


def day_number(text: str) -> int:
    """ "21st", "twenty-first" or "twenty first" as 21."""
    word = "-".join(text.casefold().split())
    ordinals = build_vocabulary().words["ordinal"]
    if word in ordinals:
        return ordinals[word]
    return int(re.match(r"\d+", text).group())
