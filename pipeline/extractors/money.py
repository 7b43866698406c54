"""Money amounts: exact value, ISO 4217 currency, bounds, ranges and linked conversions.

``parse_amount`` reads one amount ("6.4 billion tenge", "US$12.7 million", "KZT1.2bn",
"$2-3 billion", "between 5 and 7 million tenge"); ``find_amounts`` finds every amount in an
article, resolves ambiguous currency forms from the article's context and links stated
conversions ("X (approximately Y)", "X, or Y,", "X, equivalent to Y").

Ambiguous forms ("$", "som", "dinar", "pound", "rupees") are resolved by the first rule that
applies, recorded in ``currency_rule``:

1. ``explicit``  the form names one currency ("US$", "tenge", "KZT");
2. ``article``   another amount in the article names one of its currencies unambiguously;
3. ``country``   the dateline's country (else the article's most-mentioned country) uses one
                 of its currencies, by CLDR territory data (babel);
4. ``default``   the form's usual reading ("$" is USD, "som" KGS, "pound" GBP);
5. ``unresolved`` no default exists ("dinar"): the currency is null.

One rule overrides rules 2-4: ``conversion``. An amount restated in another currency ("X (about
$Y)") takes the reading whose implied exchange rate is plausible (``data/usd_rates.tsv``).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import lru_cache

import babel
import babel.numbers
import pycountry

from ..record import Amount
from ..record import Span as Evidence
from ..resources import read_table
from .intervals import Ranges
from .numbers import number_pattern, parse_number, scale_words


@dataclass(frozen=True)
class CurrencyForm:
    """What a currency word or symbol may mean; ``default`` None means no usual reading."""

    candidates: tuple[str, ...]
    default: str | None
    scale: Decimal = Decimal(1)


@lru_cache(maxsize=1)
def currency_forms() -> dict[str, CurrencyForm]:
    """Every known currency form; symbol and code keys as written, word keys case-folded."""
    forms: dict[str, CurrencyForm] = {}
    locale = babel.Locale("en")
    for currency in pycountry.currencies:
        code = currency.alpha_3
        if code.startswith("X") and code not in {"XOF", "XAF"}:
            continue  # precious metals, testing and fund codes
        forms[code] = CurrencyForm((code,), code)
        for count in (1, 2):
            name = babel.numbers.get_currency_name(code, count=count, locale=locale)
            if name and name != code:
                forms[name.casefold()] = CurrencyForm((code,), code)
    for row in read_table("currency_aliases.tsv", ("alias", "currencies", "scale")):
        codes = row["currencies"].split()
        default = None if codes[0] == "-" else codes[0]
        candidates = tuple(c for c in codes if c != "-")
        forms[_form_key(row["alias"])] = CurrencyForm(candidates, default, Decimal(row["scale"]))
    return forms


def _is_symbolic(alias: str) -> bool:
    """Symbols, codes and short abbreviations ("Rs", "Dhs") match as written; words in any case."""
    bare = alias.replace(".", "").replace(" ", "").replace("'", "")
    mixed_case = any(c.isupper() for c in bare[1:])  # "KSh", "USD"
    return not bare.isalpha() or mixed_case or (len(bare) <= 3 and bare.istitle())


def _form_key(alias: str) -> str:
    return alias if _is_symbolic(alias) else alias.casefold()


def lookup_form(text: str) -> CurrencyForm | None:
    forms = currency_forms()
    return forms.get(text) or forms.get(text.casefold()) or forms.get(" ".join(text.split()).casefold())


@lru_cache(maxsize=1)
def money_bounds() -> dict[str, tuple[bool, str | None]]:
    table = read_table("money_bounds.tsv", ("phrase", "approximate", "bound"))
    return {
        r["phrase"].casefold(): (r["approximate"] == "yes", None if r["bound"] == "none" else r["bound"])
        for r in table
    }


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@lru_cache(maxsize=1)
def money_regex() -> re.Pattern:
    """The amount finder, assembled from the currency, number and bound lexicons."""
    forms = currency_forms()
    symbolic = [k for k in forms if _is_symbolic(k) and k not in ENGLISH_WORD_CODES]
    words = [k for k in forms if not _is_symbolic(k)]
    signs = [a for a in symbolic if not a.replace(".", "").replace(" ", "").isalpha()]
    pre = _alternation(symbolic)
    # After the number: names, codes, and signs ("20€", "10$") unless a number follows the sign,
    # which then opens the next amount ("in 2025 $5 million").
    post = (
        rf"(?:(?i:{_alternation(words)})|{_alternation(a for a in symbolic if a not in signs)}"
        rf"|(?:{_alternation(signs)})(?!\s?\d))"
    )
    num = number_pattern()
    bound = _alternation(money_bounds())
    range_sep = r"\s?(?:-|–|—|to|and)\s?"
    return re.compile(
        rf"""
        (?<![\w$€£¥])
        (?P<bound>(?i:{bound})\s+)?                      # about / more than / up to
        (?P<between>(?i:between|from)\s+)?               # between 5 and 7 million tenge
        (?:
            (?P<pre>{pre})\s?                            # US$ / USD / KZT glued or spaced
            (?P<n1>(?i:{num}))
            (?:{range_sep}(?P<pre2>{pre})?\s?(?P<n2>(?i:{num})))?
          |
            (?P<n3>(?i:{num}|an?(?=\s)))                  # "a dollar": one
            (?:{range_sep}(?P<n4>(?i:{num})))?
            \s?(?P<post>{post})                          # tenge / dollars / KZT / €
        )
        (?![\w])
        """,
        re.VERBOSE,
    )


# ISO 4217 codes that are also English words in capitals ("ALL 5 solutions"): never currencies.
ENGLISH_WORD_CODES = frozenset({"ALL", "TOP", "CUP", "MOP", "BOB", "PEN", "SOS"})


@dataclass(frozen=True)
class _Parsed:
    start: int
    end: int
    value: Decimal
    form: CurrencyForm
    approximate: bool
    min: Decimal | None
    max: Decimal | None


def _scale_suffix(number_text: str) -> str | None:
    match = re.search(r"([A-Za-z]+)\s*$", number_text)
    if match and match.group(1).casefold() in scale_words():
        return match.group(1)
    return None


def _range_values(first: str, second: str | None) -> tuple[Decimal | None, Decimal | None]:
    """Values of "2-3 billion": a scale on the second number also applies to a bare first one."""
    if second is None:
        return (Decimal(1) if first.casefold() in {"a", "an"} else parse_number(first)), None
    scale = _scale_suffix(second)
    if scale and not re.search(r"[A-Za-z]", first):
        first = f"{first} {scale}"
    return parse_number(first), parse_number(second)


def _weight_not_money(match: re.Match) -> bool:
    """ "85 million pounds of copper" weighs; "£85 million of loans" and "85 million pounds in
    loans" are money. Only the word "pound(s)" names both."""
    word = (match.group("post") or "").casefold()
    return word in {"pound", "pounds"} and re.match(r"\s+of\s+[a-z]", match.string[match.end() :]) is not None


def _parse_match(match: re.Match) -> list[_Parsed]:
    """One amount, or two when a "range" runs downwards ("fell from Rs 12,000 to Rs 4,500")."""
    groups = match.groupdict()
    form = lookup_form(groups["pre"] or groups["post"])
    pre = groups["pre"] is not None
    low, high = _range_values(*((groups["n1"], groups["n2"]) if pre else (groups["n3"], groups["n4"])))
    if form is None or low is None or _weight_not_money(match):
        return []
    low *= form.scale
    high = high * form.scale if high is not None else None
    approximate, bound = False, None
    if groups["bound"]:
        approximate, bound = money_bounds()[" ".join(groups["bound"].split()).casefold()]
    if high is not None and high >= low:
        return [_Parsed(match.start(), match.end(), low, form, approximate, low, high)]
    if high is not None:
        first_end = match.end("n1" if pre else "n3")
        second_start = match.start("pre2") if pre and groups["pre2"] else match.start("n2" if pre else "n4")
        return [
            _Parsed(match.start(), first_end, low, form, approximate, None, None),
            _Parsed(second_start, match.end(), high, form, False, None, None),
        ]
    return [
        _Parsed(
            match.start(),
            match.end(),
            low,
            form,
            approximate,
            low if bound == "min" else None,
            low if bound == "max" else None,
        )
    ]


def parse_amount(text: str) -> Amount | None:
    """Read one amount written alone, with the currency's default reading.

    >>> a = parse_amount("6.4 billion tenge")
    >>> a.value, a.currency, a.approximate
    (Decimal('6400000000'), 'KZT', False)
    >>> a = parse_amount("approximately US$12.7 million")
    >>> a.value, a.currency, a.approximate
    (Decimal('12700000'), 'USD', True)
    >>> a = parse_amount("$2-3 billion")
    >>> a.min, a.max
    (Decimal('2000000000'), Decimal('3000000000'))
    >>> parse_amount("USD34.6 million").value
    Decimal('34600000')
    """
    amounts = find_amounts_in_text(text)
    return amounts[0] if amounts else None


def find_amounts_in_text(
    text: str,
    *,
    country_hints: tuple[str, ...] = (),
    skip: Iterable[tuple[int, int]] = (),
) -> list[Amount]:
    """Every amount in ``text``, currencies resolved, conversions linked.

    Args:
        country_hints: ISO 3166 codes that set the context, most telling first (dateline).
        skip: character ranges (boilerplate) where nothing is extracted.
    """
    skipped = Ranges(skip)
    parsed = [p for m in money_regex().finditer(text) for p in _parse_match(m) if not skipped.covers(p.start)]
    parsed = _merge_minor_units(text, parsed)
    explicit = [p.form.candidates[0] for p in parsed if len(p.form.candidates) == 1]
    amounts = [_to_amount(text, p, *resolve_currency(p.form, explicit, country_hints)) for p in parsed]
    amounts = _resolve_by_conversion(text, parsed, amounts)
    return _link_conversions(text, amounts)


def _resolve_by_conversion(text: str, parsed: list[_Parsed], amounts: list[Amount]) -> list[Amount]:
    """An ambiguous form restated in another currency takes the reading whose implied rate is
    plausible: "142 million manat, or about $40.6 million" is Turkmen manat (3.5 per dollar),
    not Azerbaijani (1.7)."""
    resolved = list(amounts)
    for index in range(1, len(amounts)):
        if not CONVERSION_GAP.match(text[amounts[index - 1].span.end : amounts[index].span.start]):
            continue
        for mine, other in ((index - 1, index), (index, index - 1)):
            form, amount, partner = parsed[mine].form, resolved[mine], resolved[other]
            if len(form.candidates) < 2 or partner.currency is None or not partner.value or not amount.value:
                continue
            first = mine < other
            rate = amount.value / partner.value if first else partner.value / amount.value
            distances = {
                code: distance
                for code in form.candidates
                if (distance := _rate_distance(code, partner.currency, rate, code_first=first)) is not None
            }
            best = min(distances, key=distances.get, default=None)
            if best is not None and best != amount.currency and distances[best] < math.log(3):
                resolved[mine] = replace(amount, currency=best, currency_rule="conversion")
    return resolved


def _rate_distance(code: str, partner: str, rate: Decimal, *, code_first: bool) -> float | None:
    """How far (log ratio) ``rate`` is from the reference rate of the pair."""
    rates = usd_rates()
    if code not in rates or partner not in rates:
        return None
    expected = rates[code] / rates[partner] if code_first else rates[partner] / rates[code]
    return abs(math.log(float(rate / expected)))


MINOR_GAP = re.compile(r"^\s*(?:and\s+)?$", re.IGNORECASE)


def _merge_minor_units(text: str, parsed: list[_Parsed]) -> list[_Parsed]:
    """ "3 dollars 50 cents" and "thirteen dollars and forty-five cents" are one amount."""
    merged: list[_Parsed] = []
    for item in parsed:
        last = merged[-1] if merged else None
        if (
            last is not None
            and item.form.scale < 1 <= last.form.scale
            and last.min is None
            and last.max is None
            and MINOR_GAP.match(text[last.end : item.start])
            and (set(item.form.candidates) & set(last.form.candidates))
        ):
            merged[-1] = replace(last, end=item.end, value=last.value + item.value)
        else:
            merged.append(item)
    return merged


def resolve_currency(
    form: CurrencyForm, explicit: list[str], country_hints: tuple[str, ...]
) -> tuple[str | None, str]:
    """Currency code and the rule that chose it (see the module docstring)."""
    if len(form.candidates) == 1 and form.default:
        return form.default, "explicit"
    for code in explicit:
        if code in form.candidates:
            return code, "article"
    for country in country_hints[:2]:  # the dateline's and the most mentioned, not any passing one
        for code in _territory_currencies(country):
            if code in form.candidates:
                return code, "country"
    if form.default:
        return form.default, "default"
    return None, "unresolved"


@lru_cache(maxsize=256)
def _territory_currencies(country: str) -> tuple[str, ...]:
    try:
        return tuple(babel.numbers.get_territory_currencies(country, tender=True))
    except Exception:  # noqa: BLE001 - babel raises several types for unknown territories
        return ()


def _to_amount(text: str, p: _Parsed, currency: str | None, rule: str) -> Amount:
    surface = text[p.start : p.end]
    return Amount(
        text=surface,
        span=Evidence(p.start, p.end, surface),
        value=p.value,
        currency=currency,
        currency_rule=rule,
        approximate=p.approximate,
        min=p.min,
        max=p.max,
    )


# Text between two amounts that states the second restates the first.
CONVERSION_GAP = re.compile(
    r"""^\s*(?:
        \(                                             # X (Y) / X (approximately Y)
      | ,?\s*(?:or|i\.e\.|equivalent\s+to|equal\s+to|equivalent\s+of|worth)\s*  # X, or Y / X, equivalent to Y
      | ,?\s*which\s+is\s+(?:equivalent\s+to\s+)?      # X, which is about Y
      | /                                              # X/Y
    )\s*$""",
    re.VERBOSE | re.IGNORECASE,
)


@lru_cache(maxsize=1)
def usd_rates() -> dict[str, Decimal]:
    return {
        r["currency"]: Decimal(r["per_usd"]) for r in read_table("usd_rates.tsv", ("currency", "per_usd"))
    }


def _conversion_pairs(text: str, amounts: list[Amount]):
    """(index, first, second, rate) for each amount that states another one in a different
    currency ("X (approximately Y)"); ``rate`` is units of the first per unit of the second."""
    for index in range(1, len(amounts)):
        first, second = amounts[index - 1], amounts[index]
        gap = text[first.span.end : second.span.start]
        if (
            CONVERSION_GAP.match(gap)
            and None not in (first.currency, second.currency)
            and first.currency != second.currency
            and second.value
        ):
            yield index, first, second, first.value / second.value


def _link_conversions(text: str, amounts: list[Amount]) -> list[Amount]:
    linked = list(amounts)
    for index, first, second, rate in _conversion_pairs(text, amounts):
        if plausible_rate(first.currency, second.currency, rate) is not False:
            linked[index] = replace(second, equivalent_of=index - 1, implied_rate=_round_rate(rate))
    return linked


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
