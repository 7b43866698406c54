"""Date candidates: where an article states a date, before any value is read.

Candidates are the model's DATE entities plus the forms it misses, found by the patterns of
``data/date_patterns.tsv`` (``28.01.2026``, ``Q1 2025``, ``FY2025``, ``the 1990s``, ``on
Tuesday``), all competing, the longest winning; each is widened to a bound word before it
("since", "by", "until", "over"). The patterns take their words from :mod:`.vocabulary`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc

from ...compiled import compiled
from ...resources import read_mapping, read_table
from ..intervals import Ranges, near, sorted_starts
from ..regex_starts import MultiFinder, build_multi_finder
from ..tokens import doc_text, model_entities
from .vocabulary import fill, fragments

BOUND_WORDS = ("since", "by", "until", "till", "through", "before", "from", "between", "over", "starting")


@lru_cache(maxsize=1)
def _candidate_fragments():
    """Fragments as the candidate patterns use them: month names only capitalized ("may" the
    verb is no month), other words in any case."""
    f = fragments()
    return {
        "MONTH": f["MONTH_CAP"],
        "WEEKDAY": f"(?i:{f['WEEKDAY']})",
        "WEEKDAYS": f"(?i:{f['WEEKDAYS']})",
        "WEEKDAY_ABBR": f["WEEKDAY_ABBR"],
        "REL": f"(?i:{f['REL']})",
        "NUMBER": f"(?i:{f['NUMBER']})",
        "DAY_WORD": f"(?i:{f['ORDINAL']})",
        "NTH": f"(?i:{f['NTH']})",
        # a one-word holiday only capitalized ("Easter", not "easter eggs"); phrases in any case
        "HOLIDAY": f"(?:(?=[A-Z])(?i:{f['HOLIDAY']})|(?i:{f['HOLIDAY_PHRASE']}))",
        # beside a count and "after"/"before" any holiday is one ("three days after easter")
        "HOLIDAY_ANY": f"(?i:{f['HOLIDAY']})",
        "SEASON": f"(?i:{f['SEASON']})",
        "SPLIT_YEAR": f"(?i:{f['SPLIT_YEAR']})",
        "YEAR": f["YEAR"],
    }


@lru_cache(maxsize=1)
def candidate_patterns() -> tuple[tuple[str, re.Pattern, str], ...]:
    """(name, pattern, example) rows of ``date_patterns.tsv``, fragments filled in."""
    rows = read_table("date_patterns.tsv", ("name", "example", "evidence", "pattern"))
    return tuple(
        (row["name"], compiled(fill(row["pattern"], _candidate_fragments())), row["example"]) for row in rows
    )


@lru_cache(maxsize=1)
def candidate_finder() -> MultiFinder:
    """The patterns run together, each tried only where it can start (:mod:`..regex_starts`):
    the matches of one ``finditer`` per pattern at an eighth of the cost."""
    return build_multi_finder(pattern for _, pattern, _ in candidate_patterns())


@lru_cache(maxsize=1)
def pattern_evidence() -> dict[str, tuple[str, ...]]:
    """The failures each row of ``date_patterns.tsv`` answers, by row name."""
    rows = read_table("date_patterns.tsv", ("name", "example", "evidence", "pattern"))
    return {row["name"]: tuple(row["evidence"].split()) for row in rows}


@lru_cache(maxsize=1)
def date_words() -> dict[str, str]:
    """Words around date expressions: rates, future cues and bounds (``date_words.tsv``)."""
    return read_mapping("date_words.tsv", ("phrase", "kind"))


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    text: str
    tense: str = "any"  # of the governing verb: "future", "reported", "present" or "any"
    verbless: bool = False  # its sentence has no verb ("Or in a week?")


def find_spans(doc: Doc, *, skip: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Character ranges of date expressions in ``doc``, longest first where they overlap, in
    text order, a leading "on"/"in"/"during" left out."""
    text = doc_text(doc)
    found = [span for spans in candidate_finder().spans(text) for span in spans]
    ranges = [_trim_number(text, e.start_char, e.end_char) for e in model_entities(doc) if e.label_ == "DATE"]
    index, reach = sorted_starts(found), max((e - s for s, e in found), default=0)
    ranges = [_cut_at_and(text, r, near(index, r[0], r[1], 0)) for r in ranges]
    ranges = [r for r in ranges if not _splits_ours(r, near(index, *r, reach))] + found
    ranges = [_widen(text, s, e) for s, e in ranges]
    skipped, chosen = Ranges(skip), Ranges()  # bisection: 60,000 dates were 60,000 squared checks
    for start, end in sorted(ranges, key=lambda r: (-(r[1] - r[0]), r[0])):
        if not skipped.overlaps(start, end) and not chosen.overlaps(start, end):
            chosen.add(start, end)
    spans = []
    for start, end in zip(chosen.starts, chosen.ends, strict=True):
        match = _lead().match(text[start:end])
        spans.append((start + (match.end() if match else 0), end))
    return spans


@lru_cache(maxsize=1)
def _lead() -> re.Pattern:
    """A preposition opening a span, left out ("on Tuesday"); "in two years" keeps its "in"."""
    return re.compile(fill(r"(?i)(?:on|in(?!\s+{COUNT}\s+[a-z]+$)|during|at|of|about|around|circa)\s+"))


def _splits_ours(span: tuple[int, int], found: list[tuple[int, int]]) -> bool:
    """A model span holding two of our expressions or cutting one ("2019 Q3 and 2020" of
    "2019 Q3 and 2020 Q1") gives way to ours; one that only starts inside ours keeps ("December
    27" of "$12 December 27", where the amount takes the "12"). ``found``: ours near the span."""
    touched = sum(s < span[1] and span[0] < e for s, e in found)
    cut_at_end = any(span[0] <= s < span[1] < e for s, e in found)
    return touched >= 2 or cut_at_end


def _cut_at_and(text: str, span: tuple[int, int], found: list[tuple[int, int]]) -> tuple[int, int]:
    """A model span that runs a date into one of ours with "and" ends before the "and": "the
    fourth quarter" of "the fourth quarter and fiscal year ended June 30, 2025". ``found``: ours
    starting inside the span."""
    for s, e in sorted(found):
        if span[0] < s and e == span[1]:
            joint = re.search(r"\s+and\s+$", text[span[0] : s])
            return (span[0], span[0] + joint.start()) if joint else span
    return span


def _trim_number(text: str, start: int, end: int) -> tuple[int, int]:
    """Leave out a count the model runs into a date: "14 March" of "on 14 March 25 delegates"."""
    month = _candidate_fragments()["MONTH"]
    match = re.search(rf"(?i)\d(?:st|nd|rd|th)?\s+{month}(\s+\d{{1,3}})$", text[start:end])
    return (start, end - len(match.group(1))) if match else (start, end)


@lru_cache(maxsize=1)
def _bound_before() -> re.Pattern:
    """A bound word ending the text before a date: at most one can, since each must stand
    right before the date or before its "in"."""
    words = "|".join(re.escape(w) for w in sorted(BOUND_WORDS, key=len, reverse=True))
    return re.compile(rf"(?i)\b(?:{words})\s+(?:in\s+)?$")  # "starting in May"


def _widen(text: str, start: int, end: int) -> tuple[int, int]:
    """Take in a bound word right before the expression ("since 2019", "over the past ...")."""
    before = text[max(0, start - 24) : start]
    match = _bound_before().search(before)
    return (start - (len(before) - match.start()), end) if match else (start, end)
