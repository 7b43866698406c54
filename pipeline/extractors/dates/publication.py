"""The publication date of an article without metadata, inferred from its text.

The dateline or the first paragraph states it ("ASTANA, March 3, 2025"); else a month and day
there take their year from the article's other dates (the latest year that keeps past-tense
dates before it and future-tense dates after it); else the latest day reported in the past.
"""

from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Doc

from ...components.article import LAYOUT_KEY
from .candidates import Candidate
from .grammar import parse_date
from .resolve import resolve
from .values import is_backward
from .vocabulary import fragments

LEAD_CHARS = 400  # a header block or dateline states the date within this much of the body's start


def _lead(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """Candidates of the dateline, then of the opening: the first paragraph, a header block
    ("London\n27 March 2025") or a dateline the layout missed ("Warsaw, 9 February 2026 —")
    within the first characters after the headline, then the headline itself ("Contracts For
    March 12, 2026")."""
    layout = doc.spans.get(LAYOUT_KEY, [])
    first = next((s for s in layout if s.label_ == "paragraph"), None)
    dateline = next((s for s in layout if s.label_ == "dateline_date"), None)
    headline = next((s for s in layout if s.label_ == "headline"), None)
    body_start = headline.end_char if headline is not None else 0
    opening_end = max(first.end_char if first is not None else 0, body_start + LEAD_CHARS)

    def in_dateline(c: Candidate) -> bool:
        return dateline is not None and c.start >= dateline.start_char and c.end <= dateline.end_char

    lead = [c for c in candidates if in_dateline(c)]
    lead += [c for c in candidates if body_start <= c.start < opening_end and not in_dateline(c)]
    return lead + [c for c in candidates if c.end <= body_start]


def infer_publication(doc: Doc, candidates: list[Candidate]) -> tuple[date | None, str | None, str | None]:
    """Publication date from the dateline or first paragraph when metadata gives none.

    Returns (date, source, note): source "text" when the text states the full date, "inferred"
    when a month and day are given and the year comes from the article's other dates.
    """
    lead = _lead(doc, candidates)
    for candidate in lead:
        value = resolve(candidate, None)
        if value is not None and value.precision == "day":
            return value.start, "text", None
        short = value is not None and value.start and value.end and (value.end - value.start).days <= 7
        if short and value.precision in {"interval", "week"}:
            note = f"publication date {value.end} inferred: the end of {candidate.text!r}"
            return value.end, "inferred", note
    month = fragments()["MONTH_CAP"]
    for candidate in (c for c in lead if c.tense != "future"):  # an upcoming event is no dateline
        month_day = re.match(rf"^(?:on\s+)?({month})\s+(\d{{1,2}})$", candidate.text.strip())
        if month_day is None:
            continue
        year = _infer_year(candidates, month_day.group(0))
        value = parse_date(f"{month_day.group(1)} {month_day.group(2)}, {year}", base=None) if year else None
        if value is not None:
            note = (
                f"publication date {value.value} inferred: {candidate.text!r} "
                "with the year from the article's dates"
            )
            return value.start, "inferred", note
    return _latest_past_day(candidates)


def _latest_past_day(candidates: list[Candidate]) -> tuple[date | None, str | None, str | None]:
    """Last resort: the latest full date the article reports in the past tense."""
    days = [
        (value.start, candidate.text)
        for candidate in candidates
        if is_backward(candidate.tense) and (value := resolve(candidate, None)) and value.precision == "day"
    ]
    if not days:
        return None, None, None
    latest, text = max(days)
    return latest, "inferred", f"publication date {latest} inferred: the latest past date, {text!r}"


def latest_past_anchor(candidates: list[Candidate]) -> date | None:
    """The end of the latest date the article states in the past tense, for year-less dates
    when no publication date is known."""
    ends = [
        value.end
        for candidate in candidates
        if is_backward(candidate.tense) and (value := resolve(candidate, None)) and value.end
    ]
    return max(ends, default=None)


def _infer_year(candidates: list[Candidate], month_day: str) -> int | None:
    bounds: list[tuple[str, date]] = []
    for candidate in candidates:
        value = resolve(candidate, None)
        if value is None or value.start is None or value.end is None:
            continue
        if candidate.tense == "future":
            bounds.append(("upper", value.end))
        elif is_backward(candidate.tense):
            bounds.append(("lower", value.start))
    years = sorted({b.year for _, b in bounds} | {b.year + 1 for _, b in bounds})
    if not years:
        return None

    def satisfied(year: int) -> int:
        value = parse_date(f"{month_day}, {year}", base=None)
        if value is None or value.start is None:
            return -1
        return sum(
            1
            for kind, bound in bounds
            if (kind == "lower" and value.start >= bound) or (kind == "upper" and value.start <= bound)
        )

    return max(years, key=lambda y: (satisfied(y), y))
