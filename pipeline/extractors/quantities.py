"""Quantities: measures in physical units (via pint), counted nouns and rates.

"1.2 million tonnes" -> 1200000 tonne (base 1.2e9 kilogram); "610 Afghan students" -> 610,
counted "student"; "60 grants per year" and "30 grants are offered annually" -> per year;
"a 25% stake" -> 25 percent of a "stake". Numbers inside money amounts and dates, ordinals,
bare years and durations ("five years") are left to their own extractors or ignored.
One pint ``UnitRegistry`` per process, with pressfeed's definitions from ``data/units.txt``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from functools import lru_cache

import pint
from spacy.tokens import Doc, Span, Token

from ..record import Quantity
from ..record import Span as Evidence
from ..resources import data_path, read_mapping
from .intervals import Ranges
from .numbers import number_words, parse_number, scale_words
from .tokens import doc_text, is_hyphen_link, pos, sentence_of

DURATION_NOUNS = frozenset(
    {
        "year",
        "month",
        "week",
        "day",
        "hour",
        "minute",
        "second",
        "decade",
        "century",
        "quarter",
        "time",
        "times",
    }
)
MODIFIER_POS = frozenset({"ADJ", "PROPN", "NUM"})


@lru_cache(maxsize=1)
def build_registry() -> pint.UnitRegistry:
    """The process-wide unit registry: pint's defaults plus ``data/units.txt``."""
    registry = pint.UnitRegistry(non_int_type=Decimal)
    registry.load_definitions(str(data_path("units.txt")))
    return registry


@lru_cache(maxsize=1)
def unit_regex() -> tuple[re.Pattern, dict[str, str]]:
    units = read_mapping("units.tsv", ("surface", "unit"))
    ordered = sorted(units, key=len, reverse=True)
    alternation = "|".join(re.escape(u) for u in ordered)
    return re.compile(rf"-?\s?(?P<unit>{alternation})(?![\w])", re.IGNORECASE), units


def unit_surfaces() -> frozenset[str]:
    """Every unit word and symbol, case-folded ("mw", "tonnes")."""
    return frozenset(unit_regex()[1])


@lru_cache(maxsize=1)
def rate_regex() -> tuple[re.Pattern, dict[str, str]]:
    rates = read_mapping("rates.tsv", ("phrase", "per"))
    alternation = "|".join(re.escape(r) for r in sorted(rates, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternation})(?!\w)", re.IGNORECASE), rates


def _is_number_token(token: Token) -> bool:
    lower = token.lower_
    return (
        (token.like_num and lower not in {"a", "an"})
        or lower in scale_words()
        or (lower in number_words() and lower not in {"a", "an", "half", "quarter"})
    )


ORDINAL_WORDS = frozenset(
    ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"]
)


def _is_ordinal(token: Token) -> bool:
    """ "the first 100 MW phase": an ordinal before a number does not belong to it."""
    return (
        token.lower_ in ORDINAL_WORDS
        or token.ent_type_ == "ORDINAL"
        or (token.text[:1].isdigit() and token.lower_.endswith(("st", "nd", "rd", "th")))
    )


def _continues_number(doc: Doc, i: int) -> bool:
    """Token ``i`` extends the number before it: a scale word, "twenty-five", "two hundred"."""
    token, previous = doc[i], doc[i - 1]
    if token.lower_ in scale_words() and token.lower_ not in {"m", "b", "k"}:
        return True
    spelled = token.lower_ in number_words()
    if token.text == "-" and not token.whitespace_ and not previous.whitespace_:
        return previous.lower_ in number_words() and i + 1 < len(doc) and doc[i + 1].lower_ in number_words()
    return spelled and (previous.lower_ in number_words() or previous.text == "-")


def _number_span(doc: Doc, start: int) -> Span:
    end = start + 1
    while end < len(doc) and _continues_number(doc, end):
        end += 1
    return doc[start:end]


def _is_year(span: Span, value: Decimal) -> bool:
    return len(span) == 1 and re.fullmatch(r"1[89]\d\d|20\d\d", span.text) is not None


Lemmatize = Callable[[Token], str]


def plain_lemma(token: Token) -> str:
    return (token.lemma_ or token.text).lower()


def find_quantities(
    doc: Doc,
    *,
    skip: list[tuple[int, int]],
    money: list[tuple[int, int]] = (),
    lemmatize: Lemmatize = plain_lemma,
) -> list[Quantity]:
    """Quantities in ``doc`` outside the character ranges in ``skip`` (money, dates, boilerplate).

    ``money``: character ranges of amounts; a percentage that changes one ("rose 14 percent to
    £1.18 billion") is money, not a quantity.
    """
    quantities: list[Quantity] = []
    skipped, money_starts = Ranges(skip), frozenset(s for s, _ in money)
    i = 0
    while i < len(doc):
        token = doc[i]
        if (
            not _is_number_token(token)
            or (i > 0 and _is_number_token(doc[i - 1]) and not _is_ordinal(doc[i - 1]))
            or skipped.covers(token.idx)
            or token.ent_type_ == "ORDINAL"
        ):
            i += 1
            continue
        number = _number_span(doc, i)
        if _is_anaphoric(doc, number):
            i = number.end
            continue
        value = parse_number(number.text)
        quantity = (
            None
            if value is None or _is_year(number, value)
            else _read_quantity(doc, number, value, lemmatize)
        )
        if quantity is not None and not (
            quantity.unit == "percent" and _changes_amount(doc, quantity, money_starts)
        ):
            quantities.append(quantity)
        i = number.end
    return quantities


def _changes_amount(doc: Doc, quantity: Quantity, money_starts: frozenset[int]) -> bool:
    """ "up 14 percent to £1.18 billion", "down 3 percent from $2 million"."""
    after = doc_text(doc)[quantity.span.end : quantity.span.end + 12]
    match = re.match(r"\s+(?:to|from)\s+", after)
    return match is not None and quantity.span.end + match.end() in money_starts


def _is_anaphoric(doc: Doc, number: Span) -> bool:
    """ "the two sides", "the two railways": items already named, not a new count."""
    return number.start > 0 and doc[number.start - 1].lower_ == "the" and number.text.isalpha()


def _read_quantity(doc: Doc, number: Span, value: Decimal, lemmatize: Lemmatize) -> Quantity | None:
    unit_match = _unit_after(doc, number)
    if unit_match is not None:
        unit_end, unit = unit_match
        noun = None
        end_token = _token_ending_at(doc, unit_end)
        if unit == "percent" and end_token is not None and end_token.i + 1 < len(doc):
            nxt = doc[end_token.i + 1]
            if pos(nxt) == "NOUN" and lemmatize(nxt) in {
                "stake",
                "share",
                "interest",
                "rise",
                "increase",
                "growth",
                "decline",
            }:
                noun, unit_end = lemmatize(nxt), nxt.idx + len(nxt.text)
        return _make(doc, number, value, unit, noun, unit_end)
    noun_token = _counted_noun(doc, number.end)
    if noun_token is None or lemmatize(noun_token) in DURATION_NOUNS:
        return None
    return _make(doc, number, value, None, lemmatize(noun_token), noun_token.idx + len(noun_token))


def _unit_after(doc: Doc, number: Span) -> tuple[int, str] | None:
    pattern, units = unit_regex()
    match = pattern.match(doc_text(doc), number.end_char)
    if match is None:
        return None
    unit = units.get(match.group("unit").casefold())
    return (match.end(), unit) if unit is not None else None


def _counted_noun(doc: Doc, start: int) -> Token | None:
    """The noun a number counts: "610 Afghan students" -> students (skips up to 3 modifiers)."""
    i = start
    for _ in range(6):
        if i < len(doc) and is_hyphen_link(doc, i):
            if i == start:
                return None  # "a 25-year agreement": the number is part of an adjective
            i += 1  # "two wide-body freighters"
            continue
        if i >= len(doc) or doc[i].is_punct or doc[i].is_space:
            return None
        token = doc[i]
        nxt = doc[i + 1] if i + 1 < len(doc) else None
        noun_follows = nxt is not None and (pos(nxt) == "NOUN" or is_hyphen_link(doc, i + 1))
        if nxt is not None and nxt.tag_ == "POS" and i + 2 < len(doc) and pos(doc[i + 2]) == "NOUN":
            i += 2  # "120 master's students"
            continue
        if pos(token) == "NOUN" and not noun_follows:
            return _coordinated_head(doc, i) or token
        if (
            pos(token) in MODIFIER_POS
            or pos(token) == "NOUN"
            or token.tag_ in {"VB", "VBP"}
            and nxt is not None
            and nxt.tag_ == "NNS"
        ):
            i += 1  # "150 combine harvesters", the model's verb "combine"
            continue
        return None
    return None


def _coordinated_head(doc: Doc, i: int) -> Token | None:
    """The plural noun that singular modifiers joined by commas and "and" lead to: "14 road,
    water and irrigation projects" counts projects."""
    if doc[i].tag_ != "NN":
        return None
    k = i + 1
    while (
        k < len(doc)
        and k - i < 8
        and (doc[k].text == "," or doc[k].lower_ in {"and", "or"} or doc[k].tag_ == "NN")
    ):
        k += 1
    return doc[k] if k < len(doc) and doc[k].tag_ == "NNS" and k - i > 2 else None


def _token_ending_at(doc: Doc, char: int) -> Token | None:
    span = doc.char_span(char - 1, char, alignment_mode="expand")
    return span[-1] if span is not None else None


def _rate_after(doc: Doc, end_char: int) -> tuple[str, int] | None:
    """A rate phrase later in the same clause ("... are offered annually")."""
    token = _token_ending_at(doc, end_char)
    if token is None:
        return None
    sentence_end = sentence_of(doc, token.i).end_char
    window = doc_text(doc)[end_char:sentence_end]
    pattern, rates = rate_regex()
    match = pattern.search(window)
    if match is None:
        return None
    before = window[: match.start()]
    if re.search(r"\d|[,;:]", before) or len(before.split()) > 5:
        return None
    return rates[match.group().casefold()], end_char + match.end()


def _make(
    doc: Doc, number: Span, value: Decimal, unit: str | None, noun: str | None, end_char: int
) -> Quantity:
    per, text_end = None, end_char
    rate = _rate_after(doc, end_char)
    if rate is not None:
        per, rate_end = rate
        if len(doc_text(doc)[end_char:rate_end].split()) <= 2:  # "60 grants per year": one span
            text_end = rate_end
    base_value, base_unit = _to_base(value, unit)
    start = number.start_char
    text = doc_text(doc)[start:text_end]
    return Quantity(
        text=text,
        span=Evidence(start, text_end, text),
        value=value,
        unit=unit,
        noun=noun,
        per=per,
        base_value=base_value,
        base_unit=base_unit,
    )


def _to_base(value: Decimal, unit: str | None) -> tuple[Decimal | None, str | None]:
    if unit is None or unit in {"percent", "percentage_point"}:
        return None, None
    registry = build_registry()
    base = registry.Quantity(value, unit).to_base_units()
    return Decimal(str(base.magnitude)).normalize(), str(base.units)
