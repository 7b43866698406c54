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
from dataclasses import replace
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING

from spacy.attrs import LIKE_NUM
from spacy.tokens import Doc, Span, Token

from ..diskcache import cache_dir
from ..record import Quantity
from ..record import Span as Evidence
from ..resources import data_path, read_mapping, read_table
from .intervals import Ranges
from .number_names import in_name
from .numbers import GLUED_ONLY_SCALES, number_words, parse_number, scale_words
from .percentages import of_money
from .regex_trie import trie_alternation
from .tokens import doc_text, is_hyphen_link, pos, sentence_of, words

if TYPE_CHECKING:
    import pint

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
    """The process-wide unit registry: pint's defaults plus ``data/units.txt``.

    pint is imported here, not with the module: importing it costs about 0.15 s (it imports
    Dask when installed), and an article with no unit to convert never needs it. pint keeps
    its parsed definition files in pressfeed's cache folder (0.17 s -> 0.02 s per process);
    where that folder cannot be made, they are parsed as before."""
    import pint

    try:
        registry = pint.UnitRegistry(non_int_type=Decimal, cache_folder=str(cache_dir() / "pint"))
    except OSError:
        registry = pint.UnitRegistry(non_int_type=Decimal)
    registry.load_definitions(str(data_path("units.txt")))
    return registry


@lru_cache(maxsize=1)
def unit_regex() -> tuple[re.Pattern, dict[str, str]]:
    units = read_mapping("units.tsv", ("surface", "unit"))
    # a hyphen may join the words of a unit as it joins the unit to its number ("a
    # 2,400-square-metre centre", "174,000-cubic-meter tanks")
    alternation = trie_alternation([*units, *rate_units()]).replace("\\ ", "[ -]")
    return re.compile(rf"-?\s?(?P<unit>{alternation})(?![\w/])", re.IGNORECASE), units


def _unit_surface(match: re.Match) -> str:
    """The unit as the lexicons key it: case-folded, a hyphen between words read as a space
    ("square-metre"), unless the lexicon keeps the hyphen ("kilowatt-hours")."""
    surface = match.group("unit").casefold()
    if surface in unit_regex()[1] or surface in rate_units():
        return surface
    return surface.replace("-", " ")


@lru_cache(maxsize=1)
def rate_units() -> dict[str, tuple[str, str | None, Decimal]]:
    """Unit symbols with a rate or scale of their own ("bpd", "Moz"): surface -> (unit, per,
    multiplier), from ``data/compound_units.tsv``."""
    table = read_table("compound_units.tsv", ("surface", "unit", "per", "multiplier"))
    return {
        r["surface"].casefold(): (r["unit"], None if r["per"] == "-" else r["per"], Decimal(r["multiplier"]))
        for r in table
    }


@lru_cache(maxsize=1)
def readable_units() -> dict[str, str]:
    """pint unit names and base-unit expressions -> readable names ("watt", "cubic metre")."""
    return read_mapping("unit_names.tsv", ("unit", "name"))


def unit_surfaces() -> frozenset[str]:
    """Every unit word and symbol, case-folded ("mw", "tonnes")."""
    return frozenset(unit_regex()[1])


@lru_cache(maxsize=1)
def rate_regex() -> tuple[re.Pattern, dict[str, str]]:
    rates = read_mapping("rates.tsv", ("phrase", "per"))
    # "a 60,000-tonne-a-year plant": the phrase's words may be hyphenated
    alternation = "|".join(re.escape(r).replace("\\ ", "[ -]") for r in sorted(rates, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternation})(?!\w)", re.IGNORECASE), rates


def _is_number_word(lower: str, *, like_num: bool) -> bool:
    """A word that is or scales a number, from its lower case and spaCy's ``like_num``.

    >>> [_is_number_word(w, like_num=n) for w, n in [("12", True), ("million", False), ("half", False)]]
    [True, True, False]
    """
    return (
        (like_num and lower not in {"a", "an"})
        or (lower in scale_words() and lower not in GLUED_ONLY_SCALES)  # not "Series B"
        or (lower in number_words() and lower not in {"a", "an", "half", "quarter"})
    )


def _number_flags(doc: Doc) -> list[bool]:
    """:func:`_is_number_word` of every token, in one pass (no Token built per word)."""
    like_num = doc.to_array(LIKE_NUM).tolist()
    return [_is_number_word(w, like_num=bool(n)) for w, n in zip(words(doc).lower, like_num, strict=True)]


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
    if token.lower_ == "and":  # "six hundred and fifty"
        return previous.lower_ == "hundred" and i + 1 < len(doc) and doc[i + 1].lower_ in number_words()
    if token.text == "-" and not token.whitespace_ and not previous.whitespace_:
        return previous.lower_ in number_words() and i + 1 < len(doc) and doc[i + 1].lower_ in number_words()
    return spelled and (previous.lower_ in number_words() or previous.text == "-" or previous.lower_ == "and")


def _number_span(doc: Doc, start: int) -> Span:
    end = start + 1
    while end < len(doc) and _continues_number(doc, end):
        end += 1
    if start >= 2 and doc[start].lower_ in scale_words() and _half_a(doc, start - 2):
        start -= 2  # "half a million people": 500,000, not a million
    return doc[start:end]


def _half_a(doc: Doc, i: int) -> bool:
    return doc[i].lower_ == "half" and doc[i + 1].lower_ == "a"


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
    skipped = Ranges(skip)  # bisection: 100,000 amounts were checked for every number
    numeric = _number_flags(doc)
    i = 0
    while i < len(doc):
        if not numeric[i]:
            i += 1
            continue
        token = doc[i]
        if (
            (i > 0 and numeric[i - 1] and not _is_ordinal(doc[i - 1]))
            or skipped.covers(token.idx)
            or token.ent_type_ == "ORDINAL"
        ):
            i += 1
            continue
        number = _number_span(doc, i)
        if _is_anaphoric(doc, number) or _is_time(doc, number) or in_name(doc, number, unit_surfaces()):
            i = number.end
            continue
        value = parse_number(number.text)
        quantity = (
            None
            if value is None or _is_year(number, value)
            else _read_quantity(doc, number, value, lemmatize)
        )
        if quantity is not None and not (
            quantity.unit == "percent"
            and of_money(doc_text(doc), quantity.span.start, quantity.span.end, money)
        ):
            quantities.append(quantity)
        i = number.end
    return _share_rates(doc_text(doc), quantities)


# Between two measures that one rate governs: "85 million pounds of copper and 120,000 ounces
# of gold a year".
SHARED_RATE_GAP = re.compile(r"^(?:\s+of(?:\s+[a-z]+){1,2})?\s+and\s+$")


def _share_rates(text: str, quantities: list[Quantity]) -> list[Quantity]:
    shared = list(quantities)
    for i in range(len(shared) - 1, 0, -1):
        first, second = shared[i - 1], shared[i]
        if (
            first.per is None
            and second.per is not None
            and first.unit is not None
            and second.unit is not None
            and SHARED_RATE_GAP.match(text[first.span.end : second.span.start])
        ):
            shared[i - 1] = replace(first, per=second.per)
    return shared


TIME_WORDS = frozenset({"a.m.", "p.m.", "am", "pm", "a.m", "p.m", "o'clock", "gmt", "utc", "hrs"})


def _is_time(doc: Doc, number: Span) -> bool:
    """ "at 1 p.m. EDT", "10 am": a time of day."""
    return number.end < len(doc) and doc[number.end].lower_ in TIME_WORDS


# "all six projects" and "its two furnaces" are counts in the gold; "our two countries" is not.
ANAPHORIC_DETERMINERS = frozenset({"the", "both", "these", "those", "our"})


# "this one", "each one": the pronoun "one"
PRONOUN_ONE_DETERMINERS = frozenset({"this", "that", "each", "every", "any", "which", "another"})


def _is_anaphoric(doc: Doc, number: Span) -> bool:
    """ "the two sides", "these three railways", "between our two countries": items already
    named, not a new count (spelled-out numbers only: "our 500 employees" counts); "every
    factory like this one" is the pronoun."""
    before = doc[number.start - 1].lower_ if number.start > 0 else ""
    if number.text.lower() == "one" and before in PRONOUN_ONE_DETERMINERS:
        return True
    return before in ANAPHORIC_DETERMINERS and number.text.isalpha()


def _read_quantity(doc: Doc, number: Span, value: Decimal, lemmatize: Lemmatize) -> Quantity | None:
    """A measure ("250 MW"), else a count of the noun after the number ("610 Afghan students").
    A percentage names no noun ("a 50 percent interest": the gold's noun is null)."""
    unit_match = _unit_after(doc, number)
    if unit_match is not None:
        unit_end, unit, per, multiplier = unit_match
        if len(number) > 1 and number[-1].lower_ in scale_words() and unit.startswith(number[-1].lower_):
            value = parse_number(number[:-1].text) or value  # "6.2 billion cubic metres": 6.2 bcm
        return _make(doc, number, value * multiplier, (unit, None, per), unit_end)
    noun_token = _counted_noun(doc, number.end) or _plural_head(doc, number.end)
    if noun_token is None and (counted := _number_of_head(doc, number)) is not None:
        return _make(doc, number, value, (None, lemmatize(counted), None), number.end_char)
    if noun_token is None or lemmatize(noun_token) in DURATION_NOUNS:
        return None
    end_char = noun_token.idx + len(noun_token)
    modified_unit = _unit_at(doc, noun_token)  # "170,000 copper equivalent tonnes"
    if modified_unit is not None:
        return _make(doc, number, value, (modified_unit[0], None, modified_unit[1]), end_char)
    return _make(doc, number, value, (None, lemmatize(noun_token), None), end_char)


NUMBER_OF_REACH = 25  # tokens from "the number of sailings" to its figure ("... to 12 a week")


def _number_of_head(doc: Doc, number: Span) -> Token | None:
    """A bare figure counts what "the number of ..." named before it in the sentence: "raise the
    number of sailings to 12 a week", "the number of students had tripled ... to 1,400"."""
    sentence = sentence_of(doc, number.start)
    for i in range(number.start - 2, max(sentence.start, number.start - NUMBER_OF_REACH) - 1, -1):
        if doc[i].lower_ == "number" and doc[i + 1].lower_ == "of":
            head = _plural_head(doc, i + 2)
            return head if head is not None and head.i < number.start else None
    return None


def _unit_after(doc: Doc, number: Span) -> tuple[int, str, str | None, Decimal] | None:
    """The unit written right after the number: (end, pint unit, per, multiplier of the symbol).
    A scale word that opens a unit belongs to it: "6.2 billion cubic metres" is 6.2 bcm."""
    pattern, units = unit_regex()
    text = doc_text(doc)
    last = number[-1]
    if len(number) > 1 and last.lower_ in scale_words():
        match = pattern.match(text, last.idx - 1) if last.idx > 0 else None
        if match is not None and units.get(_unit_surface(match), "").startswith(last.lower_):
            return match.end(), units[_unit_surface(match)], None, Decimal(1)
    match = pattern.match(text, number.end_char)
    if match is None:
        return None
    surface = _unit_surface(match)
    if surface in rate_units():
        return (match.end(), *rate_units()[surface])
    unit = units.get(surface)
    return (match.end(), unit, None, Decimal(1)) if unit is not None else None


def _unit_at(doc: Doc, token: Token) -> tuple[str, str | None] | None:
    """The unit a counted noun is: "tonnes" in "170,000 copper equivalent tonnes"."""
    surface = token.lower_
    if surface in rate_units():
        return rate_units()[surface][:2]
    unit = unit_regex()[1].get(surface)
    return (unit, None) if unit is not None and unit not in {"percent", "pound"} else None


def _counted_noun(doc: Doc, start: int) -> Token | None:
    """The noun a number counts: "610 Afghan students" -> students (skips up to 3 modifiers)."""
    i = start
    for _ in range(6):
        if i >= len(doc):
            return None
        if is_hyphen_link(doc, i):
            if i == start:
                return _hyphen_count(doc, start)  # "a 126-seat parliament", not "a 25-year deal"
            i += 1  # "two wide-body freighters"
            continue
        token = doc[i]
        if token.is_punct or token.is_space:
            return None
        if _possessive_follows(doc, i):
            i += 2  # "120 master's students"
            continue
        if pos(token) == "NOUN" and not _noun_follows(doc, i):
            if is_hyphen_link(doc, i - 1):  # "four large-scale clean-tech projects"
                return _plural_head(doc, i + 1) or token
            return _coordinated_head(doc, i) or token
        if not _is_modifier(doc, i):
            return None
        i += 1
    return None


def _hyphen_count(doc: Doc, hyphen: int) -> Token | None:
    """ "a 126-seat parliament", "a 6-lane highway": figures glued to a singular noun count it;
    a spelled number ("a one-off payment", "a four-lane road") or a duration ("a 25-year
    agreement") does not."""
    if hyphen + 1 >= len(doc) or not doc[hyphen - 1].text[:1].isdigit():
        return None
    noun = doc[hyphen + 1]
    glued_on = hyphen + 2 < len(doc) and is_hyphen_link(doc, hyphen + 2)  # "30-year-old"
    if noun.tag_ != "NN" or not noun.is_lower or glued_on or noun.lower_ in DURATION_NOUNS:
        return None
    return noun


# Words between a number and the plural noun it counts, by Penn tag: adjectives, nouns,
# participles ("proven", "automated", "high-yielding") and hyphens.
HEAD_MODIFIER_TAGS = frozenset({"JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "VBN", "VBG", "HYPH"})


def _plural_head(doc: Doc, start: int) -> Token | None:
    """The first plural noun after modifiers that ``_counted_noun`` does not pass: "two proven
    ships", "four rubber-tyred gantry cranes", "five regional and international lenders"."""
    if start >= len(doc) or is_hyphen_link(doc, start):
        return None
    joined = False
    for i in range(start, min(start + 8, len(doc))):
        token = doc[i]
        misread = i == start or (i - start <= 3 and _misread_plural(doc, i) and not joined)
        plural = token.tag_ == "NNS" or (misread and token.tag_ == "VBZ" and token.lower_.endswith("s"))
        if plural and not _noun_follows(doc, i):
            return token  # "60 rakes a day": a verb never follows a count, so "rakes" is a noun
        joins = token.lower_ in {"and", "or", ","} and i > start
        joined = joined or joins
        if not (token.tag_ in HEAD_MODIFIER_TAGS or joins or _in_hyphen_compound(doc, i)):
            return None
        if joins and (i + 1 >= len(doc) or doc[i + 1].tag_ not in HEAD_MODIFIER_TAGS):
            return None
    return None


def _in_hyphen_compound(doc: Doc, i: int) -> bool:
    """ "solar-plus-storage", "high-yielding": a word glued to a hyphen, whatever its tag."""
    token = doc[i]
    glued_after = i + 1 < len(doc) and doc[i + 1].text == "-" and not token.whitespace_
    glued_before = i > 0 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_
    return token.text == "-" or glued_after or glued_before


def _possessive_follows(doc: Doc, i: int) -> bool:
    return i + 2 < len(doc) and doc[i + 1].tag_ == "POS" and pos(doc[i + 2]) == "NOUN"


def _noun_follows(doc: Doc, i: int) -> bool:
    return i + 1 < len(doc) and (
        pos(doc[i + 1]) == "NOUN" or is_hyphen_link(doc, i + 1) or _misread_plural(doc, i + 1)
    )


def _misread_plural(doc: Doc, i: int) -> bool:
    """ "1,000 small craft harbours": a plural noun after a noun of a counted phrase that the
    model reads as a verb (VBZ); a count of many never takes a verb in -s."""
    token = doc[i]
    return token.tag_ == "VBZ" and token.lower_.endswith("s") and i > 0 and doc[i - 1].tag_ == "NN"


def _is_modifier(doc: Doc, i: int) -> bool:
    """A word between a number and its noun: "Afghan", "combine" in "150 combine harvesters"
    (the model's verb before a plural noun)."""
    token = doc[i]
    if pos(token) in MODIFIER_POS or pos(token) == "NOUN":
        return True
    return token.tag_ in {"VB", "VBP"} and i + 1 < len(doc) and doc[i + 1].tag_ == "NNS"


def _coordinated_head(doc: Doc, i: int) -> Token | None:
    """The plural noun that singular modifiers joined by commas and "and" lead to: "14 road,
    water and irrigation projects" counts projects."""
    if doc[i].tag_ != "NN":
        return None
    k = i + 1
    while (
        k < len(doc)
        and k - i < 8
        and (doc[k].text == "," or doc[k].lower_ in {"and", "or", "&"} or doc[k].tag_ in {"NN", "JJ"})
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
    # "of CO2 emissions per year" may hold digits inside a word; "for a week" is a duration and
    # "a year ago" a date; what the measure is of may be a list ("of apricots, cherries and
    # grapes a year") or a longer phrase ("of nickel in mixed hydroxide precipitate per year").
    of_what = OF_WHAT.match(before) is not None
    if not of_what and (re.search(r"(?<![A-Za-z])\d|[,;:]", before) or len(before.split()) > 5):
        return None
    if re.search(r"\b(?:for|in|within|over)(?:\s+[a-z]+){0,2}\s*$", before) or re.match(
        r"\s+(?:ago|earlier|later)\b", window[match.end() :]
    ):
        return None
    return rates[match.group().casefold().replace("-", " ")], end_char + match.end()


OF_WHAT = re.compile(r"^\s+of\s+[a-z]+(?:(?:,\s+|\s+(?:and|or|in)\s+|\s+)[a-z][a-z-]*){0,6}\s+$")


PER_NOUN = re.compile(r"\s+per\s+(?P<noun>[a-z]+)\b")


def _per_noun_after(doc: Doc, end_char: int) -> tuple[str, int] | None:
    """ "2.1 tonnes per hectare", "10 litres per person": a rate per a unit or noun."""
    match = PER_NOUN.match(doc_text(doc), end_char)
    if match is None or match.group("noun") in {"cent", "annum"}:
        return None
    noun = match.group("noun")
    return (noun[:-1] if noun.endswith("s") and not noun.endswith("ss") else noun), match.end()


ANNUAL = re.compile(
    r"\b(?:annual|yearly)\b(?:\s+[a-z]+){0,2}\s+(?:capacity|output|production)\b", re.IGNORECASE
)


def _annual(doc: Doc, start_char: int, end_char: int) -> bool:
    """ "an annual capacity of 1.2 million TEU", "45,000 tonnes of annual baking capacity"."""
    text = doc_text(doc)
    before = text[max(0, start_char - 40) : start_char]
    after = text[end_char : end_char + 40]
    return bool(
        re.search(
            r"\bannual\s+(?:[a-z]+\s+)?(?:capacity|output|production)\s+(?:of|to)\s+$", before, re.IGNORECASE
        )
    ) or bool(re.match(r"\s+of\s+" + ANNUAL.pattern, after, re.IGNORECASE))


def _make(doc: Doc, number: Span, value: Decimal, facts: tuple, end_char: int) -> Quantity:
    """The quantity from ``number`` to ``end_char``; ``facts`` is (unit, noun, per)."""
    unit, noun, per = facts
    text_end = end_char
    rate = (_per_noun_after(doc, end_char) or _rate_after(doc, end_char)) if per is None else None
    if rate is None and per is None and _annual(doc, number.start_char, end_char):
        per = "year"
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
    """pint's base value, with the base unit's readable name ("watt", not "kilogram * meter **
    2 / second ** 3"; the magnitudes agree, a watt being exactly that)."""
    if unit is None or unit in {"percent", "percentage_point"}:
        return None, None
    if isinstance(value, Decimal):
        return _base_of(str(value), unit)
    return _convert(value, unit)


@lru_cache(maxsize=4096)
def _base_of(value: str, unit: str) -> tuple[Decimal, str]:
    """:func:`_to_base` of one value as written (``str`` keeps "1.0" and "1" apart) and unit,
    converted by pint once per process."""
    return _convert(Decimal(value), unit)


def _convert(value, unit: str) -> tuple[Decimal, str]:
    base = build_registry().Quantity(value, unit).to_base_units()
    units = str(base.units)
    return Decimal(str(base.magnitude)).normalize(), readable_units().get(units.casefold(), units)
