"""Stated conversions between adjacent amounts: "6.4 billion tenge (approximately US$12.7 million)".

Two amounts in different currencies are a conversion pair when the text between them is a
conversion gap: an opening bracket or dash, "/", a phrase of ``data/conversion_phrases.tsv``
("or", "equivalent to", "the equivalent of", "which is"), or both ("(or about", "– roughly");
a bare comma only when the second amount is approximate ("X, about Y,"). Bound words
("about", "roughly", "approximately") belong to the second amount, so "or about" is "or".
Either currency may come first ("US$12.7 million (6.4 billion tenge)"). The second amount of
a pair is linked to the first (``equivalent_of``) when the implied rate is within three times
the reference rate of ``data/usd_rates.tsv``; otherwise a warning says why it was not.
The same rates let a conversion decide an ambiguous currency (the ``conversion`` rule).
"""

from __future__ import annotations

import math
import re
from dataclasses import replace
from decimal import Decimal
from functools import lru_cache

from ..record import Amount
from ..resources import read_table, read_words
from .regex_trie import trie_alternation

# A conversion must fit its reading clearly better to change a currency: by this factor on
# the implied rate ("142 million manat, or about $40.6 million" is 3.5 per dollar: TMT, twice
# as close as AZN's 1.7), so "$5 million (€3.3 million)" stays USD rather than CAD.
CLEARLY_BETTER = math.log(1.8)
PLAUSIBLE = math.log(3)


@lru_cache(maxsize=1)
def conversion_gap() -> re.Pattern:
    """The text between an amount and its stated conversion.

    >>> gap = conversion_gap()
    >>> [bool(gap.match(g)) for g in [" (", ", or ", " – ", " [or ", ", equivalent to ", " and "]]
    [True, True, True, True, True, False]
    """
    phrases = trie_alternation(read_words("conversion_phrases.tsv", "phrase"))
    return re.compile(
        rf"""^\s*(?:
            (?P<open>[(\[/–—]|-(?=\s)|,)\s*      # X (Y) / X [Y] / X – Y / X/Y / X, Y
            (?:(?:{phrases})\s*)?                # X (or about Y) / X, equivalent to Y
          | (?:{phrases})\s*                     # X or Y
        )$""",
        re.VERBOSE | re.IGNORECASE,
    )


def is_conversion_gap(gap: str, second: Amount) -> bool:
    """Whether ``gap`` states that ``second`` restates the amount before it."""
    match = conversion_gap().match(gap)
    if match is None:
        return False
    bare_comma = match.group("open") == "," and gap.strip() == ","
    return not bare_comma or second.approximate


@lru_cache(maxsize=1)
def usd_rates() -> dict[str, Decimal]:
    return {
        r["currency"]: Decimal(r["per_usd"]) for r in read_table("usd_rates.tsv", ("currency", "per_usd"))
    }


def rate_distance(code: str, partner: str, rate: Decimal, *, code_first: bool) -> float | None:
    """How far (log ratio) ``rate`` is from the reference rate of the pair."""
    rates = usd_rates()
    if code not in rates or partner not in rates or rate <= 0:
        return None
    expected = rates[code] / rates[partner] if code_first else rates[partner] / rates[code]
    return abs(math.log(float(rate / expected)))


def resolve_by_conversion(
    text: str, candidates: list[tuple[str, ...]], amounts: list[Amount]
) -> list[Amount]:
    """An ambiguous form restated in another currency takes the reading whose implied rate fits
    clearly better: "142 million manat, or about $40.6 million" is Turkmen manat, not Azerbaijani.

    ``candidates[i]`` are the readings of amount ``i``'s form.
    """
    resolved = list(amounts)
    for index in range(1, len(amounts)):
        if not is_conversion_gap(
            text[amounts[index - 1].span.end : amounts[index].span.start], amounts[index]
        ):
            continue
        for mine, other in ((index - 1, index), (index, index - 1)):
            choice = _better_reading(candidates[mine], resolved[mine], resolved[other], first=mine < other)
            if choice is not None:
                resolved[mine] = replace(resolved[mine], currency=choice, currency_rule="conversion")
    return resolved


def _better_reading(readings: tuple[str, ...], amount: Amount, partner: Amount, *, first: bool) -> str | None:
    if len(readings) < 2 or partner.currency is None or not partner.value or not amount.value:
        return None
    rate = amount.value / partner.value if first else partner.value / amount.value
    distances = {
        code: distance
        for code in readings
        if (distance := rate_distance(code, partner.currency, rate, code_first=first)) is not None
    }
    best = min(distances, key=distances.get, default=None)
    if best is None or best == amount.currency or distances[best] >= PLAUSIBLE:
        return None
    current = distances.get(amount.currency) if amount.currency else None
    if current is not None and current - distances[best] < CLEARLY_BETTER:
        return None
    return best


def _conversion_pairs(text: str, amounts: list[Amount]):
    """(index, first, second, rate) for each amount that states the one before it in another
    currency; ``rate`` is units of the first per unit of the second."""
    for index in range(1, len(amounts)):
        first, second = amounts[index - 1], amounts[index]
        if (
            is_conversion_gap(text[first.span.end : second.span.start], second)
            and None not in (first.currency, second.currency)
            and first.currency != second.currency
            and second.value
        ):
            yield index, first, second, first.value / second.value


def link_conversions(text: str, amounts: list[Amount]) -> list[Amount]:
    """Set ``equivalent_of`` and ``implied_rate`` on every plausible stated conversion."""
    linked = list(amounts)
    for index, first, second, rate in _conversion_pairs(text, amounts):
        if plausible_rate(first.currency, second.currency, rate) is not False:
            linked[index] = replace(second, equivalent_of=index - 1, implied_rate=_round_rate(rate))
            linked[index - 1], linked[index] = _shared(linked[index - 1], linked[index])
    return linked


def _shared(first: Amount, second: Amount) -> tuple[Amount, Amount]:
    """A conversion states the same sum: a unit written once holds for both ("PLN 80 million
    (€18.6 million) per investment project"), and so does a bound when the conversion is exact
    ("more than 450 trillion rupiah ($27.7 billion)", "not exceed PLN 80 million (€18.6
    million)"); an approximate one bounds nothing ("up to 63 million lari (about $23.3
    million)": the bound is on the lari only)."""
    per = first.per or second.per
    bound = (first.min is None) != (first.max is None)  # a bound, not a range
    if bound and not second.approximate and second.min is None and second.max is None:
        second = replace(
            second,
            min=second.value if first.min is not None else None,
            max=second.value if first.max is not None else None,
        )
    return replace(first, per=per), replace(second, per=per)


def plausible_rate(base: str, quote: str, rate: Decimal) -> bool | None:
    """Whether ``rate`` units of ``base`` per ``quote`` is within 3x of the reference rates.

    None when a currency has no reference rate.

    >>> plausible_rate("KZT", "USD", Decimal("504"))
    True
    >>> plausible_rate("KZT", "USD", Decimal("5"))
    False
    """
    rates = usd_rates()
    if base not in rates or quote not in rates:
        return None
    expected = rates[base] / rates[quote]
    return expected / 3 <= rate <= expected * 3


def implausible_pairs(text: str, amounts: list[Amount]) -> list[str]:
    """Warnings for adjacent conversions whose implied rate is off (these are not linked)."""
    return [
        f"amounts {first.text!r} and {second.text!r} look like a conversion but imply "
        f"{_round_rate(rate)} {first.currency} per {second.currency}; not linked"
        for _, first, second, rate in _conversion_pairs(text, amounts)
        if plausible_rate(first.currency, second.currency, rate) is False
    ]


def _round_rate(rate: Decimal) -> Decimal:
    return rate.quantize(Decimal("0.0001")).normalize() if rate < 1000 else rate.quantize(Decimal(1))
