"""Money amounts: exact value, ISO 4217 currency, bounds, ranges, prices per unit, conversions.

``parse_amount`` reads one amount ("6.4 billion tenge", "US$12.7 million", "KZT1.2bn",
"$2-3 billion", "between 5 and 7 million tenge", "50 billion Kazakh tenge", "₹3,400 crore",
"€12.50 per share", "250 baisa"); ``find_amounts_in_text`` finds every amount in an article,
resolves ambiguous currency forms by the policy of ``currencies.py`` (the rule goes in
``currency_rule``) and links stated conversions (``conversions.py``).

An amount may carry: a bound before it ("more than", ``money_bounds.tsv``) or after it
("or more"); a range ("$2-3 billion", "between X and Y", "from X to Y"; a downward "from X to
Y" is two amounts); a minor unit after it ("3 dollars 50 cents", "$20 and 43c", "thirteen
dollars forty five"); a unit it is the price of (``per``: "per share", "a barrel", "/kWh",
"a year").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import lru_cache

import babel.numbers

from ..compiled import compiled
from ..record import Amount
from ..record import Span as Evidence
from ..resources import read_mapping, read_table, read_words
from .conversions import (
    implausible_pairs,
    is_conversion_gap,
    link_conversions,
    plausible_rate,
    resolve_by_conversion,
    usd_rates,
)
from .currencies import (
    ENGLISH_WORD_CODES,
    CurrencyContext,
    CurrencyForm,
    currency_forms,
    is_symbolic,
    lookup_form,
    qualified_currency,
    qualifier_countries,
    resolve_currency,
)
from .intervals import Ranges
from .numbers import number_pattern, number_words, parse_number, scale_words
from .regex_trie import trie_alternation

__all__ = [
    "currency_forms",
    "find_amount_spans",
    "find_amounts_in_text",
    "implausible_pairs",
    "money_bounds",
    "money_regex",
    "parse_amount",
    "plausible_rate",
    "usd_rates",
]


@lru_cache(maxsize=1)
def money_bounds() -> dict[str, tuple[bool, str | None]]:
    """Bound phrases before an amount -> (approximate, "min" | "max" | None)."""
    return _bounds("before")


@lru_cache(maxsize=1)
def money_bounds_after() -> dict[str, tuple[bool, str | None]]:
    """Bound phrases after an amount ("or more") -> (approximate, "min" | "max" | None)."""
    return _bounds("after")


def _bounds(position: str) -> dict[str, tuple[bool, str | None]]:
    table = read_table("money_bounds.tsv", ("phrase", "approximate", "bound", "position"))
    return {
        r["phrase"].casefold(): (r["approximate"] == "yes", None if r["bound"] == "none" else r["bound"])
        for r in table
        if r["position"] == position
    }


@lru_cache(maxsize=1)
def _form_groups() -> dict[str, list[str]]:
    """The currency forms split by how they attach to a number."""
    groups: dict[str, list[str]] = {"pre": [], "glued": [], "words": [], "codes": [], "signs": []}
    for key, form in currency_forms().items():
        if key in ENGLISH_WORD_CODES:
            continue
        if form.glued:
            groups["glued"].append(key)
        elif not is_symbolic(key):
            groups["words"].append(key)
        else:
            groups["pre"].append(key)
            is_sign = not key.replace(".", "").replace(" ", "").isalpha()
            groups["signs" if is_sign else "codes"].append(key)
    return groups


@lru_cache(maxsize=1)
def money_regex() -> re.Pattern:
    """The amount finder, assembled from the currency, number, qualifier and bound lexicons.

    >>> m = money_regex().search("worth 50 billion Kazakh tenge")
    >>> m.group("n3"), m.group("qual"), m.group("post")
    ('50 billion', 'Kazakh', 'tenge')
    """
    groups = _form_groups()
    glued_pre = [k for k in groups["glued"] if lookup_form(k).scale == 1]
    glued_post = [k for k in groups["glued"] if lookup_form(k).scale != 1]
    pre = trie_alternation(groups["pre"])
    pre_glued = trie_alternation(glued_pre)
    # After the number: names, codes, and signs ("20€", "10$") unless a number follows the sign,
    # which then opens the next amount ("in 2025 $5 million").
    post = (
        rf"(?:(?i:{trie_alternation(groups['words'])})|{trie_alternation(groups['codes'])}"
        rf"|(?:{trie_alternation(groups['signs'])})(?!\s?\d))"
    )
    num = number_pattern()
    bound = trie_alternation(money_bounds())
    qual = trie_alternation(qualifier_countries())
    # "and" joins a range only after "between" ("between 5 and 7 million"; "$100 and fifty" is
    # a minor unit, "$5 million and $3 million" two amounts).
    range_sep = r"[ \t\u00a0]?(?:-|–|—|to|(?(between)and|(?!)))[ \t\u00a0]?"  # not across lines
    return compiled(
        rf"""
        (?<![\w$€£¥])
        (?P<bound>(?i:{bound})\s+)?                      # about / more than / up to
        (?P<between>(?i:between|from)\s+)?               # between 5 and 7 million tenge
        (?:
            (?:(?P<pre>{pre})(?![^\W\d_])\s?|(?P<pre_glued>{pre_glued}))   # US$ / USD / KZT; R4.1bn
                                                     # (never a word's start: "Le" of "Leone")
            (?P<n1>(?i:{num}))
            (?:{range_sep}(?:(?P<pre2>{pre})\s?|{pre_glued})?(?P<n2>(?i:{num})))?
          |
            (?P<n3>(?i:{num}|an?(?=\s+(?-i:[a-z]))))            # "a dollar": one (not "a NOK 3.4 billion")
            (?:{range_sep}(?P<n4>(?i:{num})))?
            (?:
                (?P<post_glued>{trie_alternation(glued_post)})(?!\.[a-z])   # 43c, 38.4p (not 4p.m.)
              | (?:\s?(?:(?P<qual>(?i:{qual}))\s+)?|-)   # Kazakh tenge / 12-cent
                (?P<post>{post})                         # tenge / dollars / KZT / €
            )
        )
        (?![\w])
        """,
        re.VERBOSE,
    )


@dataclass(frozen=True)
class _Parsed:
    start: int
    end: int
    value: Decimal
    form: CurrencyForm
    approximate: bool = False
    min: Decimal | None = None
    max: Decimal | None = None
    code: str | None = None  # named by a country adjective ("Kazakh tenge")
    per: str | None = None
    opener: str | None = None  # "between" / "from" before a single amount, a range's first end


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


def _bare_glued_prefix(groups: dict) -> bool:
    """ "R4.1bn", "R1,500" are rand; "the R21 highway" is not: a one-letter glued symbol needs a
    scale word or separators in its number, and digits ("None of this" is no one naira)."""
    symbol = groups["pre_glued"]
    if symbol is None:
        return False
    return not groups["n1"][:1].isdigit() or (
        len(symbol) == 1 and not re.search(r"[.,]|[A-Za-z]", groups["n1"])
    )


# Words after "a dollar" that leave it an amount ("a dollar a day", "a dollar or two").
AFTER_ONE = frozenset({"a", "an", "per", "each", "and", "or", "to", "for", "in", "at", "of", "more", "less"})


def _currency_as_modifier(match: re.Match, groups: dict) -> bool:
    """ "a yen loan", "a dollar bond", "a euro-denominated note": a currency naming a kind of
    thing, not the amount one."""
    if (groups["n3"] or "").casefold() not in {"a", "an"}:
        return False
    after = re.match(r"[ \t]*-?([a-z]+)", match.string[match.end() :])
    return after is not None and after.group(1) not in AFTER_ONE


def _match_form(groups: dict) -> tuple[CurrencyForm | None, str | None]:
    """The currency form of a match and the code its country adjective names, if any."""
    written = groups["pre"] or groups["pre_glued"] or groups["post_glued"] or groups["post"]
    whole = lookup_form(f"{groups['qual']} {written}") if groups["qual"] else None
    if whole is not None:  # "US cents", "Uzbek soums": a form of its own
        return whole, None
    form = lookup_form(written)
    code = qualified_currency(groups["qual"], form) if form is not None and groups["qual"] else None
    return form, code


def _counted_after(groups: dict, prefixed: bool) -> bool:
    """ "more than S$380 million to three hubs": below the first end, with neither a currency
    nor a scale word, the second number counts something; "from Rs 12,000 to Rs 4,500" and
    "from $12 million to 4.5 million" are changes of one sum."""
    return prefixed and not groups["pre2"] and _scale_suffix(groups["n2"]) is None


def _parse_match(match: re.Match) -> list[_Parsed]:
    """One amount, or two when a "range" runs downwards ("fell from Rs 12,000 to Rs 4,500")."""
    groups = match.groupdict()
    form, code = _match_form(groups)
    prefixed = groups["n1"] is not None
    numbers = (groups["n1"], groups["n2"]) if prefixed else (groups["n3"], groups["n4"])
    low, high = _range_values(*numbers)
    if form is None or low is None or _weight_not_money(match) or _bare_glued_prefix(groups):
        return []
    if _currency_as_modifier(match, groups):
        return []
    low *= form.scale
    high = high * form.scale if high is not None else None
    approximate, bound = False, None
    if groups["bound"]:
        approximate, bound = money_bounds()[" ".join(groups["bound"].split()).casefold()]
    base = _Parsed(match.start(), match.end(), low, form, approximate, code=code)
    if high is not None and high >= low:
        return [replace(base, min=low, max=high)]
    if high is not None and _counted_after(groups, prefixed):
        high = None  # "S$380 million to three hubs": the money goes to things counted
        base = replace(base, end=match.end("n1"))
    if high is not None:
        first_end = match.end("n1" if prefixed else "n3")
        second_start = (
            match.start("pre2") if prefixed and groups["pre2"] else match.start("n2" if prefixed else "n4")
        )
        return [replace(base, end=first_end), _Parsed(second_start, match.end(), high, form, code=code)]
    opener = groups["between"].strip().casefold() if groups["between"] else None
    return [
        replace(base, min=low if bound == "min" else None, max=low if bound == "max" else None, opener=opener)
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
    >>> a = parse_amount("€12.50 per share")
    >>> a.value, a.currency, a.per
    (Decimal('12.5'), 'EUR', 'share')
    >>> parse_amount("250 baisa").value, parse_amount("R4.1bn").currency
    (Decimal('0.250'), 'ZAR')
    """
    amounts = find_amounts_in_text(text)
    return amounts[0] if amounts else None


def find_amounts_in_text(
    text: str,
    *,
    dateline: str | None = None,
    mentioned: tuple[str, ...] = (),
    skip: Iterable[tuple[int, int]] = (),
) -> list[Amount]:
    """Every amount in ``text``, currencies resolved, conversions linked.

    Args:
        dateline: ISO 3166 code of the dateline's country, if any.
        mentioned: ISO 3166 codes of the countries the article names, most mentioned first.
        skip: character ranges (boilerplate) where nothing is extracted.
    """
    parsed = _parse_text(text, tuple((start, end) for start, end in skip))
    context = CurrencyContext(
        explicit=_named_codes(text, parsed),
        dateline=dateline,
        mentioned=next((c for c in mentioned if c != dateline), None),
    )
    amounts = [_to_amount(text, p, *_resolve(p, context)) for p in parsed]
    amounts = resolve_by_conversion(text, [p.form.candidates for p in parsed], amounts)
    return link_conversions(text, amounts)


def _named_codes(text: str, parsed: tuple[_Parsed, ...]) -> frozenset[str]:
    """The currencies the article names unambiguously (evidence for the ``article`` rule), but
    not one stated as a conversion of a bare form that could read as it: in "A$7 million
    (about $4.5 million)" the "$" is another dollar than A$, so A$ is no evidence for "$"."""
    named = {p.code or p.form.default for p in parsed if p.code or len(p.form.candidates) == 1}
    converted = set()
    for first, second in zip(parsed, parsed[1:], strict=False):
        if not is_conversion_gap(text[first.end : second.start], second):
            continue
        for one, other in ((first, second), (second, first)):
            code = one.code or (one.form.default if len(one.form.candidates) == 1 else None)
            if code is not None and not other.code and code in other.form.candidates:
                converted.add(code)
    return frozenset(named - converted)


def find_amount_spans(text: str, *, skip: Iterable[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """Character ranges of the amounts :func:`find_amounts_in_text` finds (no currency is
    resolved: the claims registry needs only where they are).

    >>> text = "a $5 million grant and 3 dollars 50 cents"
    >>> find_amount_spans(text) == [(a.span.start, a.span.end) for a in find_amounts_in_text(text)]
    True
    """
    return [(p.start, p.end) for p in _parse_text(text, tuple((start, end) for start, end in skip))]


@lru_cache(maxsize=4)
def _parse_text(text: str, skip: tuple[tuple[int, int], ...]) -> tuple[_Parsed, ...]:
    """Every amount of ``text`` outside ``skip``, read but not resolved (an article is read
    twice: for its claims, then with its dateline and places)."""
    skipped = Ranges(skip)
    parsed = [p for m in money_regex().finditer(text) for p in _parse_match(m) if not skipped.covers(p.start)]
    parsed = [_with_suffixes(text, p) for p in _join_ranges(text, _merge_minor_units(text, parsed))]
    return tuple(_share_units(text, parsed))


# Between two amounts of one price: "from $18 to $9 per tonne", "SEK 2.10 (SEK 1.60)" (the
# year before, in results), "$5 or $6 a share", "2,800 tenge per tonne, compared with 4,500
# tenge".
SAME_PRICE_GAP = re.compile(
    r"^\s*(?:\(|to|-|–|or|,?\s*compared\s+(?:with|to))\s*(?:\d{4}:\s*)?$", re.IGNORECASE
)


def _share_units(text: str, parsed: list[_Parsed]) -> list[_Parsed]:
    """A unit written once prices both ends of a change or a comparison."""
    shared = list(parsed)
    for i in range(len(shared) - 1, 0, -1):
        first, second = shared[i - 1], shared[i]
        if (first.per is None) == (second.per is None) or not SAME_PRICE_GAP.match(
            text[first.end : second.start]
        ):
            continue
        per = first.per or second.per
        shared[i - 1], shared[i] = replace(first, per=per), replace(second, per=per)
    return shared


def _resolve(p: _Parsed, context: CurrencyContext) -> tuple[str | None, str]:
    return (p.code, "explicit") if p.code else resolve_currency(p.form, context)


MINOR_GAP = re.compile(r"^\s*(?:and\s+)?$", re.IGNORECASE)


def _plain(p: _Parsed) -> bool:
    """A whole amount in the main unit, not a range (a bound is fine: "more than 1 dollar and
    42 cents"): the kind a minor unit extends."""
    whole = p.value == p.value.to_integral_value()
    return p.form.scale >= 1 and whole and (p.min is None or p.max is None)


def _plus(p: _Parsed, end: int, extra: Decimal) -> _Parsed:
    """``p`` extended to ``end`` by a minor amount, its bound moving with it."""
    value = p.value + extra
    return replace(
        p,
        end=end,
        value=value,
        min=value if p.min is not None else None,
        max=value if p.max is not None else None,
    )


def _merge_minor_units(text: str, parsed: list[_Parsed]) -> list[_Parsed]:
    """ "3 dollars 50 cents", "thirteen dollars and forty-five cents", "3 CHF 4 cents" and "$20
    and 43c" are one amount in the first one's currency; so is a bare count of hundredths that
    ends the phrase ("thirteen dollars forty five", "US$3 and fourteen")."""
    merged: list[_Parsed] = []
    starts = [p.start for p in parsed[1:]] + [None] if parsed else []
    for item, next_start in zip(parsed, starts, strict=True):
        last = merged[-1] if merged else None
        if (
            last is not None
            and item.form.scale < 1
            and _plain(last)
            and MINOR_GAP.match(text[last.end : item.start])
        ):
            merged[-1] = _plus(last, item.end, item.value)
        else:
            merged.append(_with_bare_minor(text, item, next_start))
    return merged


RANGE_GAPS = {"between": re.compile(r"\s+and\s+$"), "from": re.compile(r"\s+(?:to|-|–)\s+$")}


def _join_ranges(text: str, parsed: list[_Parsed]) -> list[_Parsed]:
    """ "between 10 dollars and 20 dollars", "from €5 million to €7 million": one range. A
    downward "from X to Y" stays two amounts (a change, not a range)."""
    joined: list[_Parsed] = []
    for item in parsed:
        last = joined[-1] if joined else None
        gap = RANGE_GAPS.get(last.opener or "") if last is not None else None
        if (
            gap is not None
            and gap.match(text[last.end : item.start])
            and set(item.form.candidates) & set(last.form.candidates)
            and item.min is None
            and item.max is None
            and item.value >= last.value
        ):
            joined[-1] = replace(last, end=item.end, min=last.value, max=item.value, opener=None)
        else:
            joined.append(item)
    return joined


@lru_cache(maxsize=1)
def _bare_minor_regex() -> re.Pattern:
    """A count below one hundred after an amount, ending the phrase: "$20 43", "one dollar and
    two and ...", "$100 and fifty."."""
    units = [w for w, v in number_words().items() if 0 < v < 100 and w not in {"a", "an"}]
    spelled = trie_alternation(units)
    return re.compile(
        rf"[ \t]+(?:and[ \t]+)?(?P<n>\d{{1,2}}|(?:{spelled})(?:[-\s](?:{spelled}))?)"
        rf"(?![.,]?\d)(?=\s*(?:$|[.,;:!?)]|and\b))",
        re.IGNORECASE,
    )


def _with_bare_minor(text: str, item: _Parsed, next_start: int | None) -> _Parsed:
    """``item`` with a bare count of hundredths after it, unless an amount follows at once."""
    if not _plain(item) or (next_start is not None and item.end <= next_start <= item.end + 12):
        return item
    match = _bare_minor_regex().match(text, item.end)
    code = item.code or item.form.default
    digits = babel.numbers.get_currency_precision(code) if code else 2
    count = parse_number(match.group("n")) if match else None
    if match is None or count is None or not digits or count >= 10**digits:
        return item
    return _plus(item, match.end(), count / Decimal(10) ** digits)


@lru_cache(maxsize=1)
def _suffix_regexes() -> tuple[re.Pattern, re.Pattern]:
    """Bounds after an amount ("or more"), and per-unit phrases ("per share", "a barrel")."""
    bounds = re.compile(rf"\s+(?P<bound>{trie_alternation(money_bounds_after())})\b", re.IGNORECASE)
    units = read_mapping("units.tsv", ("surface", "unit"))
    rates = read_mapping("rates.tsv", ("phrase", "per"))
    known = f"(?:{trie_alternation(read_words('per_nouns.tsv', 'noun') | set(units))})"
    per = compiled(
        rf"""\s*(?:
            (?P<rate>{trie_alternation(rates)})                    # a year / annually / per day
          | (?:per|/)\s*(?:
                (?P<unit>{trie_alternation(units)})(?![\w-])       # per cubic metre, /kWh
              | (?:[a-z]+\s+(?={known}(?![\w-])))?(?P<word>[a-z][a-z-]*)  # per (equity) share
            )
          | (?:an?|each)\s+(?P<noun>{known})                       # a barrel, each share
        )(?![\w])(?!\s+(?:ago|earlier|later|before|after)\b)""",
        re.VERBOSE | re.IGNORECASE,
    )
    return bounds, per


def _with_suffixes(text: str, p: _Parsed) -> _Parsed:
    """The amount with a bound after it ("$5 million or more") and the unit it prices."""
    bounds, per = _suffix_regexes()
    if p.min is None and p.max is None and (match := bounds.match(text, p.end)):
        approximate, bound = money_bounds_after()[" ".join(match.group("bound").split()).casefold()]
        p = replace(
            p,
            end=match.end(),
            approximate=p.approximate or approximate,
            min=p.value if bound == "min" else None,
            max=p.value if bound == "max" else None,
        )
    match = per.match(text, p.end)
    if match is not None:
        return replace(p, end=match.end(), per=_per_name(match))
    match = per.match(text, p.end + 1) if text[p.end : p.end + 1] == ")" else None
    if match is not None:  # "PLN 80 million (€18.6 million) per investment project"
        return replace(p, per=_per_name(match))
    before = _per_before_regex().search(text, max(0, p.start - 60), p.start)
    if before is None and EACH_AFTER.match(text, p.end):  # "25,000 shares of 60p each"
        before = _each_before_regex().search(text, max(0, p.start - 60), p.start)
    return replace(p, per=before.group("noun").casefold()) if before else p


EACH_AFTER = re.compile(r"\s+each\b")


@lru_cache(maxsize=1)
def _each_before_regex() -> re.Pattern:
    """ "25,000 ordinary shares of 60p each", "200 tickets at $5 each": the things priced."""
    nouns = trie_alternation(read_words("per_nouns.tsv", "noun"))
    return re.compile(rf"\b(?P<noun>{nouns})s\s+(?:of|at)\s+$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _per_before_regex() -> re.Pattern:
    """ "earnings per share were €4.02", "the dividend per share of ₹6", "Basic earnings per
    share: ¥187.42": the unit named before."""
    nouns = trie_alternation(read_words("per_nouns.tsv", "noun"))
    return re.compile(
        rf"\bper[ -](?:[a-z]+[ -])?(?P<noun>{nouns})\b(?:[ (]+[A-Za-z)]+){{0,3}}:?[ ]+$", re.IGNORECASE
    )


def _per_name(match: re.Match) -> str:
    """ "a year", "annually" -> year; a unit of measure by its pint name, as quantities name it
    ("per kWh" -> kilowatt_hour, "a ton" -> tonne, "an ounce" -> troy_ounce, "per litre" ->
    liter); anything else as written, in lower case ("per share" -> share)."""
    if match.group("rate"):
        return read_mapping("rates.tsv", ("phrase", "per"))[" ".join(match.group("rate").split()).casefold()]
    written = " ".join((match.group("unit") or match.group("word") or match.group("noun")).split()).casefold()
    return _pint_unit_names().get(written, written)


@lru_cache(maxsize=1)
def _pint_unit_names() -> dict[str, str]:
    """Unit words and symbols (``data/units.tsv``, case-folded) -> pint unit names."""
    return {
        surface.casefold(): unit for surface, unit in read_mapping("units.tsv", ("surface", "unit")).items()
    }


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
        per=p.per,
    )
