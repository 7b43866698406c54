"""Dates of an article: candidates, their tense, their values and the publication date.

Modules: :mod:`.vocabulary` (the one word list), :mod:`.values` (ISO values and calendar
arithmetic), :mod:`.grammar` (the ordered rule table), one module per rule family
(:mod:`.absolute`, :mod:`.relative`, :mod:`.ranges`, :mod:`.fiscal`, :mod:`.weeks`,
:mod:`.holidays`), :mod:`.candidates` (where dates are), :mod:`.tense` (the governing verb),
:mod:`.resolve` (candidates to facts) and :mod:`.publication` (the publication date).
"""

from .candidates import Candidate, candidate_patterns
from .fiscal import ArticleFiscal, country_dates, find_fiscal_calendar, slash_order_for
from .grammar import match_rule, parse_date, rules
from .publication import infer_publication, latest_past_anchor
from .resolve import DateSetting, date_setting, find_candidates, find_dates, resolve
from .values import DateValue, nearest_year

__all__ = [
    "ArticleFiscal",
    "Candidate",
    "DateSetting",
    "DateValue",
    "candidate_patterns",
    "country_dates",
    "date_setting",
    "find_candidates",
    "find_dates",
    "find_fiscal_calendar",
    "infer_publication",
    "latest_past_anchor",
    "match_rule",
    "nearest_year",
    "parse_date",
    "resolve",
    "rules",
    "slash_order_for",
]
