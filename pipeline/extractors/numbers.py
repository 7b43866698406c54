"""Numbers as written in news: digits with separators, scale words and spelled-out forms.

``parse_number`` turns the text of a number into an exact ``Decimal``; ``NUMBER_PATTERN`` is
the regular expression (built from ``data/number_words.tsv`` and ``data/scale_words.tsv``) that
the money and quantity extractors embed to find them.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from ..resources import read_table
from .regex_trie import trie_alternation

# A digit group: "1,200.5", "1 200", "3.5", "12". Thousands separators are a comma, a space or
# a no-break/thin space, always followed by exactly three digits ("in 2025 200 students" is the
# price of accepting "1 200"; news rarely writes two bare numbers side by side).
DIGITS = r"""
    (?:\d{1,3}(?:(?:,|[ \u00a0\u202f])\d{3})+(?:\.\d+)?   # grouped: 1,200.5 / 1 200
      |\d+(?:\.\d+)?                                       # plain: 1200 / 3.5
      |\.\d+)                                              # bare decimal: .5
"""


@lru_cache(maxsize=1)
def number_words() -> dict[str, Decimal]:
    return {
        r["word"].casefold(): Decimal(r["value"]) for r in read_table("number_words.tsv", ("word", "value"))
    }


@lru_cache(maxsize=1)
def scale_words() -> dict[str, Decimal]:
    return {
        r["word"].casefold(): Decimal(r["multiplier"])
        for r in read_table("scale_words.tsv", ("word", "multiplier"))
    }


# Scale words that are also common words or unit symbols ("m" is a metre, "b" a letter) count
# only when glued to digits ("$5m", "KZT1.2bn").
GLUED_ONLY_SCALES = frozenset({"k", "m", "b", "mil", "tr"})


@lru_cache(maxsize=1)
def number_pattern() -> str:
    """Regex source (VERBOSE) for one number with an optional scale word.

    >>> rx = re.compile(number_pattern(), re.VERBOSE | re.IGNORECASE)
    >>> rx.fullmatch("6.4 billion") is not None, rx.fullmatch("half a million") is not None
    (True, True)
    """
    words = [w for w in number_words() if w not in {"a", "an", "half", "quarter"}]
    spelled = trie_alternation(words)
    long_scales = trie_alternation(w for w in scale_words() if w not in GLUED_ONLY_SCALES)
    glued_scales = trie_alternation(GLUED_ONLY_SCALES)
    return rf"""
    (?:
        {DIGITS}
        (?:[\s-]?(?:{long_scales})\b | (?:{glued_scales})\b)?       # 6.4 billion, $5-million, 1.2bn, 5m
      | (?:(?:half|a\s+quarter)\s+(?:of\s+)?an?\s+|an?\s+)(?:{long_scales})\b   # half a million
      | (?:{spelled})(?:[-\s](?:{spelled}))*                        # twenty-five
        (?:\s(?:{long_scales})\b)*                                  # five million
    )
    """


_TOKEN_RE = re.compile(r"\d[\d,.\u00a0\u202f ]*\d|\d|[A-Za-z]+")


def parse_number(text: str) -> Decimal | None:
    """Exact value of a written number, or None when ``text`` is not one.

    >>> parse_number("6.4 billion")
    Decimal('6400000000')
    >>> parse_number("1,200.5"), parse_number("1 200"), parse_number("KZT1.2bn".lstrip("KZT"))
    (Decimal('1200.5'), Decimal('1200'), Decimal('1200000000'))
    >>> parse_number("half a million"), parse_number("twenty-five"), parse_number("a billion")
    (Decimal('500000'), Decimal('25'), Decimal('1000000000'))
    >>> parse_number("banana") is None
    True
    """
    words, scales = number_words(), scale_words()
    total = Decimal(0)
    current: Decimal | None = None
    factor = Decimal(1)
    seen_any = False
    for raw in _TOKEN_RE.findall(text.replace("-", " ")):
        word = raw.casefold()
        if raw[0].isdigit():
            value = _parse_digits(raw)
            if value is None or current is not None:
                return None
            current, seen_any = value, True
        elif word in ("half", "quarter"):
            factor *= words[word]
        elif word in ("of", "and"):  # "half of a million", "six hundred and fifty"
            continue
        elif word in ("a", "an"):
            current = current if current is not None else Decimal(1)
        elif word in words:
            current = (current or Decimal(0)) + words[word]
            seen_any = True
        elif word == "hundred":
            current = (current if current is not None else Decimal(1)) * 100
        elif word in scales:
            total += (current if current is not None else Decimal(1)) * scales[word]
            current, seen_any = None, True
        else:
            return None
    if not seen_any:
        return None
    value = (total + (current or Decimal(0))) * factor
    return value.normalize() if value != value.to_integral_value() else Decimal(int(value))


def _parse_digits(raw: str) -> Decimal | None:
    cleaned = re.sub(r"[,\u00a0\u202f ]", "", raw)
    try:
        return Decimal(cleaned)
    except InvalidOperation:
        return None
