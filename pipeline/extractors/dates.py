"""Dates in an article, resolved against its publication date, and that date's inference.

Candidates are the model's DATE entities plus forms it misses (``28.01.2026``, ``Q1 2025``,
``FY2025``, ``the 1990s``, ``on Tuesday``), widened to a bound word before them ("since",
"by", "until", "over"). Each is normalized by :mod:`date_grammar`; rates ("annually", "every
two years") and bare durations ("five years") are not dates. dateparser reads what the grammar
does not, on the candidate text only, with one parser per reference date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache

from dateparser.date import DateDataParser
from spacy.tokens import Doc, Span

from ..components.article import LAYOUT_KEY
from ..lexicons import build_lexicons
from ..record import DateFact
from ..record import Span as Evidence
from ..resources import read_mapping, read_table
from .date_grammar import (
    DAY_NAME,
    DAY_WORD_PATTERN,
    REL_WORD,
    DateValue,
    clean_expression,
    day_value,
    interval,
    month_value,
    open_bound,
    parse_date,
    year_value,
)
from .intervals import Ranges, near, sorted_starts
from .tokens import doc_text, sentence_of

MONTH_CAP = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
WEEKDAY_ABBR = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\.?"
)
FRAGMENTS = {
    "MONTH": MONTH_CAP,
    "WEEKDAY": rf"(?i:{DAY_NAME})",
    "WEEKDAY_ABBR": WEEKDAY_ABBR,
    "REL": rf"(?i:{REL_WORD})",
    "NUMBER": r"(?:one|two|three|four|five|six|seven|eight|nine|ten|a\s+few|several|a|an)",
    "DAY_WORD": DAY_WORD_PATTERN,
}


@lru_cache(maxsize=1)
def candidate_patterns() -> tuple[tuple[str, re.Pattern, str], ...]:
    """(name, pattern, example) rows of ``date_patterns.tsv``, fragments filled in."""
    rows = read_table("date_patterns.tsv", ("name", "example", "pattern"))
    return tuple((row["name"], re.compile(_fill_fragments(row["pattern"])), row["example"]) for row in rows)


def _fill_fragments(pattern: str) -> str:
    return re.sub(r"\{([A-Z_]+)\}", lambda m: FRAGMENTS[m.group(1)], pattern)


BOUND_WORDS = ("since", "by", "until", "till", "through", "before", "from", "between", "over", "starting")


@lru_cache(maxsize=1)
def date_words() -> dict[str, str]:
    return read_mapping("date_words.tsv", ("phrase", "kind"))


@lru_cache(maxsize=1)
def _future_re() -> re.Pattern:
    words = [w for w, kind in date_words().items() if kind == "future"]
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.IGNORECASE)


def is_future(sentence: Span) -> bool:
    """The clause speaks of the future ("signing scheduled for February 2026")."""
    return bool(_future_re().search(sentence.text))


PAST_AUXILIARIES = frozenset({"was", "were", "had"})


def is_past(sentence: Span) -> bool:
    """The clause reports a past event: a verb in the past tense other than the reporting verb
    ("the ministry said" reports; "Talks are set for Monday" is still upcoming)."""
    if is_future(sentence):
        return False
    speech = build_lexicons().speech_verbs
    auxiliary_before = False  # "was", "were" or "had" earlier in the sentence
    for token in sentence:
        if token.lower_ not in speech and (token.tag_ == "VBD" or (token.tag_ == "VBN" and auxiliary_before)):
            return True
        auxiliary_before = auxiliary_before or token.lower_ in PAST_AUXILIARIES
    return False


def _reported_right_here(doc: Doc, span: Span) -> bool:
    """A past-tense verb right beside the date ("on Wednesday opened", "was granted in
    December") settles its tense, whatever a later clause says ("... that will track")."""
    before = doc[max(span.start - 3, 0) : span.start]
    speech = build_lexicons().speech_verbs
    verb_after = span.end < len(doc) and doc[span.end].tag_ == "VBD" and doc[span.end].lower_ != "had"
    passive_before = any(
        t.tag_ == "VBN" and t.i > 0 and doc[t.i - 1].lower_ in {"was", "were", "been"} for t in before
    )
    if any(t.lower_ in {"will", "would", "shall", "to"} for t in before):
        return False
    return (verb_after and doc[span.end].lower_ not in speech) or passive_before


@lru_cache(maxsize=32)
def _dateparser_for(base: date | None) -> DateDataParser:
    """One configured parser per reference date; English only; no clock when base is None."""
    settings = {"PREFER_DATES_FROM": "past", "REQUIRE_PARTS": ["year"] if base is None else []}
    if base is not None:
        settings["RELATIVE_BASE"] = datetime(base.year, base.month, base.day)
    return DateDataParser(languages=["en"], settings=settings)


@lru_cache(maxsize=4096)
def _parse_with_dateparser(text: str, base: date | None) -> DateValue | None:
    """dateparser for the forms the grammar lacks; only on text naming a month or a numeric
    date, so durations ("15 years", "25-year") never become dates."""
    has_year = re.search(r"\b(?:1[89]|20)\d\d\b", text)
    if not (re.search(MONTH_CAP, text) or re.search(r"\d[./-]\d{1,2}[./-]\d", text)):
        return None
    if base is None and not has_year:
        return None
    data = _dateparser_for(base).get_date_data(text)
    if data.date_obj is None:
        return None
    d = data.date_obj.date()
    if not has_year and abs(d.year - base.year) > 1:  # "14th April 15" is not 1915
        return None
    inferred = () if has_year else ("year",)
    if data.period == "month":
        return month_value(d.year, d.month, inferred)
    if data.period == "year":
        return year_value(d.year)
    return day_value(d, inferred) if data.period == "day" else None


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    text: str
    future: bool
    past: bool
    verbless: bool = False  # its sentence has no verb ("Or in a week?")
    reported_here: bool = False  # a past-tense verb stands right beside it


def find_candidates(doc: Doc, *, skip: list[tuple[int, int]]) -> list[Candidate]:
    """Date expressions in ``doc``, longest first where they overlap, in text order."""
    text = doc_text(doc)
    found = [m.span() for _, pattern, _ in candidate_patterns() for m in pattern.finditer(text)]
    ranges = [_trim_number(text, e.start_char, e.end_char) for e in doc.ents if e.label_ == "DATE"]
    found_index = sorted_starts(found)
    reach = max((e - s for s, e in found), default=0)
    ranges = [r for r in ranges if not _splits_ours(r, near(found_index, *r, reach))] + found
    ranges = [_widen(text, s, e) for s, e in ranges]
    skipped, chosen = Ranges(skip), Ranges()
    for start, end in sorted(ranges, key=lambda r: (-(r[1] - r[0]), r[0])):
        if not skipped.overlaps(start, end) and not chosen.overlaps(start, end):
            chosen.add(start, end)
    candidates = []
    tenses: dict[tuple[int, int], tuple[bool, bool, bool]] = {}  # per sentence: asked once
    for start, end in zip(chosen.starts, chosen.ends, strict=True):
        lead = LEAD_RE.match(text, start, end)
        start += lead.end() - lead.start() if lead else 0
        span = doc.char_span(start, end, alignment_mode="expand")
        sentence = sentence_of(doc, span.start) if span is not None else doc[:]
        key = (sentence.start, sentence.end)
        if key not in tenses:
            verbless = not any(t.tag_.startswith("VB") or t.tag_ == "MD" for t in sentence)
            tenses[key] = (is_future(sentence), is_past(sentence), verbless)
        future, past, verbless = tenses[key]
        reported_here = span is not None and _reported_right_here(doc, span)
        if reported_here:
            future, past = False, True  # "on Wednesday opened a centre that will track ..."
        candidates.append(Candidate(start, end, text[start:end], future, past, verbless, reported_here))
    return candidates


# A preposition before the expression, not part of it ("on", "in" unless "in two years").
LEAD_RE = re.compile(rf"(?i)(?:on|in(?!\s+(?:\d+|{FRAGMENTS['NUMBER']})\s+[a-z]+$)|during|at|of)\s+")


def _splits_ours(span: tuple[int, int], found: list[tuple[int, int]]) -> bool:
    """A model span holding two of our expressions or cutting one ("2019 Q3 and 2020" of
    "2019 Q3 and 2020 Q1") gives way to ours; one that only starts inside ours keeps ("December
    27" of "$12 December 27", where the amount takes the "12"). ``found``: ours near the span."""
    touched = 0
    for s, e in found:
        touched += s < span[1] and span[0] < e
        if touched >= 2 or span[0] <= s < span[1] < e:
            return True
    return False


def _trim_number(text: str, start: int, end: int) -> tuple[int, int]:
    """Leave out a count the model runs into a date: "14 March" of "on 14 March 25 delegates"."""
    match = re.search(rf"(?i)\d(?:st|nd|rd|th)?\s+{MONTH_CAP}(\s+\d{{1,3}})$", text[start:end])
    return (start, end - len(match.group(1))) if match else (start, end)


def _widen(text: str, start: int, end: int) -> tuple[int, int]:
    """Take in a bound word right before the expression ("since 2019", "over the past ...")."""
    before = text[max(0, start - 24) : start]
    for word in sorted(BOUND_WORDS, key=len, reverse=True):
        match = re.search(rf"(?i)\b{re.escape(word)}\s+(?:in\s+)?$", before)  # "starting in May"
        if match:
            return start - (len(before) - match.start()), end
    return start, end


def resolve(candidate: Candidate, base: date | None, *, fiscal_start: int = 1) -> DateValue | None:
    """The candidate's value, or None for rates, durations and unreadable text.

    Args:
        base: the publication date (or, for year-less dates only, an anchor).
        fiscal_start: first month of the fiscal year where the article is set.
    """
    cleaned = clean_expression(candidate.text)
    bound, word = None, None
    for word in sorted(BOUND_WORDS, key=len, reverse=True):
        if cleaned.casefold().startswith(word + " "):
            kind = date_words().get(word)
            rest = cleaned[len(word) + 1 :]
            if kind in {"open_end", "open_start"} and parse_date(rest, base=base):
                bound, cleaned = kind, rest
            elif word == "over" and parse_date(rest, base=base):
                cleaned = rest  # "over 2026–2028"; "over the past ..." is the grammar's
            break
    if date_words().get(cleaned.casefold()) == "rate":
        return None
    if re.match(r"(?i)^in\s+\S+\s+(?:days?|weeks?|months?|years?)$", cleaned) and not (
        candidate.future or candidate.verbless
    ):
        return None  # "earn in five years" is a span of time; "will open in two years" a date
    if word == "since" and bound:
        tense = "past"
    elif bound == "open_start" and not candidate.reported_here:
        tense = "future"  # a deadline: "to finish the pipeline by the end of September"
    elif candidate.future:
        tense = "future"
    else:
        tense = "reported" if candidate.past else "any"
    value = parse_fiscal(cleaned, fiscal_start) or parse_date(cleaned, base=base, tense=tense)
    if value is None and cleaned.casefold() not in date_words():
        value = _parse_with_dateparser(cleaned, base)
    if value is not None and bound is not None:
        value = open_bound(value, bound)
    return value


FISCAL_RE = re.compile(
    r"^(?:FY\s?|fiscal\s+(?:year\s+)?)(?P<y1>\d{4}|\d{2})(?:\s*[-–/]\s*(?P<y2>\d{4}|\d{2}))?$",
    re.IGNORECASE,
)


def parse_fiscal(text: str, start_month: int) -> DateValue | None:
    """A fiscal year named by the two calendar years it straddles, in a country whose fiscal
    year does not follow the calendar: "fiscal year 2023-24" in Pakistan runs July 2023 to June
    2024. None otherwise: "FY2025" does not say whose calendar (a company's or a state's), so
    the grammar keeps it as the year 2025.

    >>> parse_fiscal("fiscal year 2023-24", 7).value
    '2023-07/2024-06'
    >>> parse_fiscal("FY2025", 4) is None
    True
    """
    match = FISCAL_RE.match(text)
    if match is None or start_month == 1 or not match["y2"]:
        return None
    start_year = int(match["y1"]) if len(match["y1"]) == 4 else 2000 + int(match["y1"])
    end = month_value(start_year + 1, start_month - 1)
    return interval(month_value(start_year, start_month), end)


def find_dates(
    doc: Doc,
    candidates: list[Candidate],
    base: date | None,
    *,
    anchor: date | None = None,
    fiscal_start: int = 1,
) -> list[DateFact]:
    """Date facts of the candidates, resolved against ``base`` (the publication date).

    Without one, ``anchor`` (the article's latest past date) still gives year-less dates
    their year, marked inferred; relative expressions ("next month") are then left out.
    """
    facts = []
    for candidate in _join_ranges(doc, candidates, base):
        value = resolve(candidate, base, fiscal_start=fiscal_start)
        if value is None and base is None and anchor is not None:
            value = resolve(candidate, anchor, fiscal_start=fiscal_start)
            if value is not None and "anchor" in value.inferred:
                value = None
        if value is None:
            continue
        text = candidate.text
        facts.append(
            DateFact(
                text=text,
                span=Evidence(candidate.start, candidate.end, text),
                value=value.value,
                precision=value.precision,
                start=value.start.isoformat() if value.start else None,
                end=value.end.isoformat() if value.end else None,
                inferred=value.inferred,
            )
        )
    return facts


RANGE_GAP = re.compile(r"\s*(?:[-–—]|\b(?i:to|through|until|till|and)\b)\s*")


def _join_ranges(doc: Doc, candidates: list[Candidate], base: date | None) -> list[Candidate]:
    """Two candidates joined by "to", "-" or "between ... and" that read as one interval
    ("Nov 18-Dec 19, 2015", "between today and tomorrow") become one candidate. A chain of
    three or more ("May 1 - May 2 - May 3") is no range: its dates stay apart, and no joined
    candidate is joined again (that grew one candidate per date and parsed it every time)."""
    text = doc_text(doc)
    linked = [
        bool(RANGE_GAP.fullmatch(text, a.end, b.start)) if a.end <= b.start else False
        for a, b in zip(candidates, candidates[1:], strict=False)
    ]
    joined: list[Candidate] = []
    skip_next = False
    for index, candidate in enumerate(candidates):
        if skip_next:
            skip_next = False
            continue
        pair = index + 1 < len(candidates) and linked[index]
        chained = (index > 0 and linked[index - 1]) or (index + 2 < len(candidates) and linked[index + 1])
        merged = _joined(text, candidate, candidates[index + 1], base) if pair and not chained else None
        joined.append(merged or candidate)
        skip_next = merged is not None
    return joined


def _joined(text: str, first: Candidate, second: Candidate, base: date | None) -> Candidate | None:
    """The two as one interval candidate, or None when they do not read as one."""
    is_and = text[first.end : second.start].strip().casefold() == "and"
    if is_and != first.text.casefold().startswith("between "):
        return None
    merged = Candidate(
        first.start,
        second.end,
        text[first.start : second.end],
        first.future or second.future,
        first.past or second.past,
    )
    value = resolve(merged, base)
    return merged if value is not None and value.precision == "interval" else None


def infer_publication(doc: Doc, candidates: list[Candidate]) -> tuple[date | None, str | None, str | None]:
    """Publication date from the dateline or first paragraph when metadata gives none.

    Returns (date, source, note): source "text" when the text states the full date, "inferred"
    when a month and day are given and the year comes from the article's other dates: the
    latest year that keeps past-tense dates before and future-tense dates after it.
    """
    layout = doc.spans.get(LAYOUT_KEY, [])
    first = next((s for s in layout if s.label_ == "paragraph"), None)
    dateline = next((s for s in layout if s.label_ == "dateline_date"), None)
    lead = [
        c
        for c in candidates
        if dateline is not None and c.start >= dateline.start_char and c.end <= dateline.end_char
    ]
    lead += [c for c in candidates if first is not None and first.start_char <= c.start < first.end_char]
    for candidate in lead:
        value = resolve(candidate, None)
        if value is not None and value.precision == "day":
            return value.start, "text", None
        if (
            value is not None
            and value.precision == "interval"
            and value.end
            and value.start
            and ((value.end - value.start).days <= 7)
        ):
            note = f"publication date {value.end} inferred: the end of {candidate.text!r}"
            return value.end, "inferred", note
    for candidate in (c for c in lead if not c.future):  # an upcoming event is no dateline
        month_day = re.match(rf"^(?:on\s+)?({MONTH_CAP})\s+(\d{{1,2}})$", candidate.text.strip())
        if month_day:
            year = _infer_year(candidates, month_day.group(0))
            if year is not None:
                value = resolve(
                    Candidate(0, 0, f"{month_day.group(1)} {month_day.group(2)}, {year}", False, False), None
                )
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
        if candidate.past and (value := resolve(candidate, None)) and value.precision == "day"
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
        if candidate.past and (value := resolve(candidate, None)) and value.end
    ]
    return max(ends, default=None)


@lru_cache(maxsize=1)
def fiscal_starts() -> dict[str, int]:
    return {
        row["country"]: int(row["start_month"])
        for row in read_table("fiscal_years.tsv", ("country", "start_month"))
    }


def _infer_year(candidates: list[Candidate], month_day: str) -> int | None:
    bounds: list[tuple[str, date]] = []
    for candidate in candidates:
        value = resolve(candidate, None)
        if value is None or value.start is None or value.end is None:
            continue
        if candidate.future:
            bounds.append(("upper", value.end))
        elif candidate.past:
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
