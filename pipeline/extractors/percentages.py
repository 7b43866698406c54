"""Percentages of money: changes and growth rates of amounts, which the record leaves out.

A percentage is a quantity ("reduced grid losses to 5.8 percent", "a 50 percent interest",
"volumes rose 9 percent"), unless it measures money, which the gold annotates as the amounts
alone. ``of_money(text, start, end, amounts)`` is true for the percentage at ``start:end`` when

- an amount of the same clause comes just before it, with a change word ("$1.14 billion, up
  4.6 percent"; "$1.47 billion in 2025, up 11 percent") or a comparison after it ("$1,950 per
  container ..., around 15 percent below current rates");
- it changes an amount after it ("increased 6.2% year on year to ¥1.21 trillion", "up 8.4%
  from ₹4,439 crore");
- it is the growth of a money measure ("organic net sales growth of 2 to 4 percent", "revenue
  growth guidance to between 7.5% and 8.5%"), words of ``data/money_measures.tsv``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..resources import read_words
from .regex_trie import trie_alternation

# Between an amount and a percentage that changes it: no other number but a year, no clause end.
_BETWEEN = re.compile(r"^(?:[^\d.;:!?]|\b(?:19|20)\d\d\b)*$")
_CHANGE_BEFORE = re.compile(
    r"(?:\b(?:up|down|rising|falling|rose|fell|grew|an?\s+(?:increase|rise|decline|drop|fall|gain)\s+of)"
    r"(?:\s+by)?),?\s*(?:about|around|some|nearly|almost|roughly)?\s*$",
    re.IGNORECASE,
)
_NEW_CLAUSE = re.compile(r"\b(?:while|whereas|but|and|as|which|who)\b", re.IGNORECASE)
_COMPARISON_AFTER = re.compile(r"^\s*(?:below|above|higher|lower|cheaper|more|less)\b", re.IGNORECASE)
_TO_AMOUNT = re.compile(r"^\s*(?:[a-z-]+\s+){0,3}(?P<word>to|from)\s+", re.IGNORECASE)
_OTHER_PERCENT = re.compile(r"\d+(?:\.\d+)?\s*(?:%|percent|per cent)?\s*(?:to|and|-|–)\s*$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _growth_of_money() -> re.Pattern:
    measures = trie_alternation(read_words("money_measures.tsv", "measure"))
    return re.compile(
        rf"\b(?:{measures})\s+(?:growth|increase|decline)(?:\s+(?:guidance|forecast|outlook|target))?"
        r"(?:\s+(?:of|to|at|between|by|was|is|will be|of about|of around)){0,3}\s*$",
        re.IGNORECASE,
    )


def of_money(text: str, start: int, end: int, amounts: list[tuple[int, int]]) -> bool:
    """Whether the percentage at ``text[start:end]`` measures an amount (module docstring).

    >>> text = "Net sales of $1.14 billion, up 4.6 percent from a year ago; volume up 3 percent."
    >>> of_money(text, 31, 42, [(13, 26)]), of_money(text, 70, 79, [(13, 26)])
    (True, False)
    """
    return (
        _after_amount(text, start, end, amounts)
        or _changes_next(text, end, amounts)
        or _money_growth(text, start)
    )


def _after_amount(text: str, start: int, end: int, amounts: list[tuple[int, int]]) -> bool:
    """The change words follow the amount closely ("$1.47 billion in 2025, up 11 percent"), not
    another subject ("$214 million last year, while tourist numbers rose 27 percent")."""
    last = max((e for s, e in amounts if e <= start and start - e <= 60), default=None)
    between = text[last:start] if last is not None else ""
    if last is None or not _BETWEEN.match(between) or _NEW_CLAUSE.search(between):
        return False
    if len(between) <= 25 and _CHANGE_BEFORE.search(between):
        return True
    return _COMPARISON_AFTER.match(text[end : end + 20]) is not None


def _changes_next(text: str, end: int, amounts: list[tuple[int, int]]) -> bool:
    match = _TO_AMOUNT.match(text[end : end + 40])
    if match is None:
        return False
    return any(s in {end + match.end(), end + match.start("word")} for s, _ in amounts)


def _money_growth(text: str, start: int) -> bool:
    before = _OTHER_PERCENT.sub("", text[max(0, start - 80) : start])
    return _growth_of_money().search(before) is not None
