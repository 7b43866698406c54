"""Date facts of an article: candidates with their tense, read by the grammar against the
publication date and the article's fiscal calendar.

Rates ("annually", "every two years") and bare durations ("five years") are not dates.
dateparser reads what the grammar does not, on short candidate texts only, with one parser per
reference date. Two candidates joined by one connector ("Nov 18 - Dec 19, 2015") become one
range; a chain of three or more ("May 1 - May 2 - May 3") is a list, never one value.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date, datetime
from functools import lru_cache
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from ...components.article import LAYOUT_KEY
from ...record import DateFact
from ...record import Span as Evidence
from ..tokens import doc_text, sentence_of
from .candidates import BOUND_WORDS, Candidate, date_words, find_spans
from .fiscal import ArticleFiscal, country_dates, find_fiscal_calendar, slash_order_for
from .grammar import clean_expression, open_bound, parse_date
from .tense import governing_tense, is_verbless
from .values import DateValue, checked, day_value, month_value, year_value
from .vocabulary import fill, fragments

if TYPE_CHECKING:
    from dateparser.date import DateDataParser

MAX_DATEPARSER_CHARS = 40  # longer text is no single date; dateparser is slow on it


@dataclass(frozen=True)
class DateSetting:
    """What an article's country and text say about reading its dates: whose fiscal year
    counts and the order of slashed numeric dates."""

    fiscal: ArticleFiscal = ArticleFiscal()
    slash_order: str = "mdy"


def date_setting(
    text: str,
    countries: tuple[str, ...],
    currencies: tuple[str | None, ...],
    *,
    datelined: bool = True,
) -> DateSetting:
    """The setting of an article whose context countries are ``countries`` (the dateline's
    first, then the most mentioned) and whose amounts are in ``currencies``; without a dateline
    (``datelined`` false) the fiscal year is that of the named country whose currency most
    amounts are in."""
    country = countries[0] if countries else None
    found = tuple(sorted({c for c in currencies if c}))
    fiscal_country = (None if datelined else _money_country(countries, currencies)) or country
    return DateSetting(find_fiscal_calendar(text, fiscal_country, found), slash_order_for(country))


def _money_country(countries: tuple[str, ...], currencies: tuple[str | None, ...]) -> str | None:
    """A context country other than the first whose currency most of the amounts are in: an
    undatelined release in pounds that names Portsmouth (read as American) keeps Britain's
    fiscal year."""
    counted = Counter(c for c in currencies if c)
    if not counted or not countries:
        return None
    main, _ = counted.most_common(1)[0]
    own = country_dates().get(countries[0])
    if own is not None and own.currency == main:
        return None
    return next(
        (c for c in countries[1:] if (info := country_dates().get(c)) and info.currency == main), None
    )


def find_candidates(doc: Doc, *, skip: list[tuple[int, int]]) -> list[Candidate]:
    """Date expressions in ``doc`` with the tense of their governing verb, in text order. A
    headline date in the historic present ("Minister visits Tokyo on Tuesday") takes the
    tense the body gives the same words."""
    candidates = []
    for start, end in find_spans(doc, skip=skip):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            candidates.append(Candidate(start, end, doc_text(doc)[start:end]))
            continue
        sentence = sentence_of(doc, span.start)
        text = doc_text(doc)[start:end]
        candidates.append(Candidate(start, end, text, governing_tense(doc, span), is_verbless(sentence)))
    headline = next((s for s in doc.spans.get(LAYOUT_KEY, []) if s.label_ == "headline"), None)
    if headline is None:
        return candidates
    body = {c.text.casefold(): c.tense for c in candidates if c.start >= headline.end_char}
    return [
        replace(c, tense=body.get(c.text.casefold(), c.tense))
        if c.end <= headline.end_char and c.tense in {"present", "any"}
        else c
        for c in candidates
    ]


def _bound(cleaned: str, base: date | None) -> tuple[str | None, str | None, str]:
    """(bound kind, bound word, rest): "since 2019" is ("open_end", "since", "2019")."""
    for word in sorted(BOUND_WORDS, key=len, reverse=True):
        if cleaned.casefold().startswith(word + " "):
            kind = date_words().get(word)
            rest = cleaned[len(word) + 1 :]
            if kind in {"open_end", "open_start"} and parse_date(rest, base=base):
                return kind, word, rest
            if word == "over" and parse_date(rest, base=base):
                return None, word, rest  # "over 2026–2028"; "over the past ..." is the grammar's
            return None, word, cleaned
    return None, None, cleaned


def _tense(candidate: Candidate, bound: str | None, word: str | None, following: str) -> str:
    if word == "since" and bound:
        return "past"
    if _names_results(following):
        return "reported"  # "fourth-quarter earnings": a period already begun, whatever the verb
    if bound == "open_start" and candidate.tense != "reported":
        return "future"  # a deadline: "to finish the pipeline by the end of September"
    return candidate.tense


def resolve(
    candidate: Candidate,
    base: date | None,
    *,
    fiscal: ArticleFiscal | None = None,
    following: str = "",
    slash_order: str = "mdy",
) -> DateValue | None:
    """The candidate's value, or None for rates, durations and unreadable text.

    Args:
        base: the publication date (or, for year-less dates only, an anchor).
        fiscal: what the article says about fiscal years; ``following`` is the text after the
            candidate ("funds" makes "Fiscal 2026" federal).
        slash_order: "mdy" or "dmy" for slashed numeric dates.
    """
    cleaned = clean_expression(candidate.text)
    bound, word, cleaned = _bound(cleaned, base)
    if date_words().get(cleaned.casefold()) == "rate":
        return None
    offset = re.match(fill(r"(?i)^in\s+\S+\s+{UNIT}$"), cleaned)
    if offset and not (candidate.tense == "future" or candidate.verbless):
        return None  # "earn in five years" is a span of time; "will open in two years" a date
    calendar = (fiscal or ArticleFiscal()).calendar(following)
    tense = _tense(candidate, bound, word, following)
    value = parse_date(cleaned, base=base, tense=tense, fiscal=calendar, slash_order=slash_order)
    if value is None and cleaned.casefold() not in date_words():
        value = _parse_with_dateparser(cleaned, base)
    if value is not None and bound is not None:
        value = open_bound(value, bound)
    return checked(value)


def _names_results(following: str) -> bool:
    """Whether a reporting period's figures follow ("revenue", "earnings call")."""
    words = re.match(r"^[\s-]*([A-Za-z]+(?:\s+[A-Za-z]+)?)", following)
    if words is None:
        return False
    first_two = words.group(1).casefold()
    kinds = date_words()
    return kinds.get(first_two) == "results" or kinds.get(first_two.split()[0]) == "results"


@lru_cache(maxsize=32)
def _dateparser_for(base: date | None) -> DateDataParser:
    """One configured parser per reference date; English only; no clock when base is None.
    (dateparser is imported here: most articles never need it, and it costs a start 0.03 s.)"""
    from dateparser.date import DateDataParser

    settings = {"PREFER_DATES_FROM": "past", "REQUIRE_PARTS": ["year"] if base is None else []}
    if base is not None:
        settings["RELATIVE_BASE"] = datetime(base.year, base.month, base.day)
    return DateDataParser(languages=["en"], settings=settings)


@lru_cache(maxsize=4096)
def _parse_with_dateparser(text: str, base: date | None) -> DateValue | None:
    """dateparser for the forms the grammar lacks; only on short text naming a month or a
    numeric date, so durations ("15 years", "25-year") never become dates."""
    has_year = re.search(r"\b(?:1[89]|20)\d\d\b", text)
    names_month = re.search(fragments()["MONTH_CAP"], text)
    if len(text) > MAX_DATEPARSER_CHARS or not (names_month or re.search(r"\d[./-]\d{1,2}[./-]\d", text)):
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


def find_dates(
    doc: Doc,
    candidates: list[Candidate],
    base: date | None,
    *,
    anchor: date | None = None,
    setting: DateSetting = DateSetting(),
) -> list[DateFact]:
    """Date facts of the candidates, resolved against ``base`` (the publication date).

    Without one, ``anchor`` (the article's latest past date) still gives year-less dates
    their year, marked inferred; relative expressions ("next month") are then left out.
    """
    text = doc_text(doc)
    facts = []
    for candidate in join_ranges(text, candidates, base):
        following = text[candidate.end : candidate.end + 100]
        options = {"fiscal": setting.fiscal, "following": following, "slash_order": setting.slash_order}
        value = resolve(candidate, base, **options)
        if value is None and base is None and anchor is not None:
            value = resolve(candidate, anchor, **options)
            if value is not None and "anchor" in value.inferred:
                value = None
        if value is None:
            continue
        facts.append(
            DateFact(
                text=candidate.text,
                span=Evidence(candidate.start, candidate.end, candidate.text),
                value=value.value,
                precision=value.precision,
                start=value.start.isoformat() if value.start else None,
                end=value.end.isoformat() if value.end else None,
                inferred=value.inferred,
            )
        )
    return facts


RANGE_GAP = re.compile(r"\s*(?:[-–—]|\b(?i:to|through|until|till|and)\b)\s*")


def join_ranges(text: str, candidates: list[Candidate], base: date | None) -> list[Candidate]:
    """Two candidates joined by "to", "-" or "between ... and" that read as one interval
    ("Nov 18-Dec 19, 2015", "between today and tomorrow") become one candidate; a chain of
    three or more joined so ("May 1 - May 2 - May 3") stays a list of dates."""
    linked = [
        i > 0 and RANGE_GAP.fullmatch(text[candidates[i - 1].end : c.start]) is not None
        for i, c in enumerate(candidates)
    ]
    joined: list[Candidate] = []
    for i, candidate in enumerate(candidates):
        in_chain = (i > 1 and linked[i - 1]) or (i + 1 < len(candidates) and linked[i + 1])
        if linked[i] and not in_chain and joined and joined[-1] is candidates[i - 1]:
            merged = _merge(text, candidates[i - 1], candidate, base)
            if merged is not None:
                joined[-1] = merged
                continue
        joined.append(candidate)
    return joined


def _merge(text: str, previous: Candidate, candidate: Candidate, base: date | None) -> Candidate | None:
    gap = text[previous.end : candidate.start]
    is_and = gap.strip().casefold() == "and"
    if is_and != previous.text.casefold().startswith("between "):
        return None
    tense = previous.tense if previous.tense != "any" else candidate.tense
    merged = Candidate(previous.start, candidate.end, text[previous.start : candidate.end], tense)
    value = resolve(merged, base)
    return merged if value is not None and value.precision == "interval" else None
