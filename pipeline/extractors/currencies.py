"""Currency forms and the policy that turns a written form into an ISO 4217 code.

``currency_forms()`` knows every way releases write a currency: ISO codes (pycountry), CLDR
English names in the singular and plural, current and withdrawn (babel: "Kazakhstani tenge",
"Dutch guilders"), and ``data/currency_aliases.tsv`` (symbols, short names, minor units).
``resolve_currency`` picks one code for a form by the first rule that applies, and names the
rule in ``currency_rule`` (the README's currency policy):

1. ``explicit``   the form names one currency ("US$", "tenge", "KZT", "Kazakh tenge",
                  "Australian dollars": a country adjective picks that country's currency);
2. ``article``    the article names exactly one of the form's currencies unambiguously
                  elsewhere ("C$40 million ... a further $10 million"), unless that is the
                  form's usual reading and the dateline has a reading of its own ("US$9.5
                  million ... $80 million" datelined Toronto: "US$" marks "$" as CAD);
3. ``dateline``   the dateline's country has a currency of that form: "$" is the local dollar
                  where local outlets write "$" (Ottawa: CAD, Sydney: AUD), "pound" in Cairo EGP,
                  "dinar" in Kuwait City KWD, "som" in Tashkent UZS, "franc" in Kigali RWF;
4. ``default``    the form's usual reading ("$" USD, "pound" GBP, "som" KGS, "rupee" INR);
5. ``mentioned``  a form with no usual reading ("dinar") takes the currency of that name of the
                  article's most-mentioned country;
6. ``unresolved`` otherwise: the currency is null.

A place that is only mentioned never changes a reading that has a default: a US agency's "$"
stays USD however often Australia is named. The ``conversion`` rule (``conversions.py``) can
still override rules 2-5 when a stated conversion's implied rate clearly fits another reading.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import lru_cache

import babel
import babel.numbers
import pycountry

from ..diskcache import cached_table
from ..resources import DataFileError, read_mapping, read_table

# Codes of funds, metals and tests ("XAU"); the CFA and CFP francs and the East Caribbean
# dollar are real currencies.
KEPT_X_CODES = frozenset({"XOF", "XAF", "XCD", "XPF"})
# ISO 4217 codes that are also English words in capitals ("ALL 5 solutions"): never currencies.
ENGLISH_WORD_CODES = frozenset({"ALL", "TOP", "CUP", "MOP", "BOB", "PEN", "SOS"})
EVER = (date(1800, 1, 1), date(2100, 1, 1))


@dataclass(frozen=True)
class CurrencyForm:
    """What a currency word or symbol may mean; ``default`` None means no usual reading.

    ``scale`` is 1, or the value of a minor unit (0.01 for cents, 0.001 for baisa);
    ``glued`` forms ("R" in "R4.1bn") count only when attached to a number written with a scale
    word or separators; ``head`` is the currency word a country adjective may qualify.
    """

    candidates: tuple[str, ...]
    default: str | None
    scale: Decimal = Decimal(1)
    glued: bool = False
    head: str | None = None


def _is_symbolic(alias: str) -> bool:
    """Symbols, codes and short abbreviations ("Rs", "Dhs") match as written; words in any case."""
    bare = alias.replace(".", "").replace(" ", "").replace("'", "")
    mixed_case = any(c.isupper() for c in bare[1:])  # "KSh", "USD"
    return not bare.isalpha() or mixed_case or (len(bare) <= 3 and bare.istitle())


def form_key(alias: str) -> str:
    return alias if _is_symbolic(alias) else " ".join(alias.split()).casefold()


def is_symbolic(key: str) -> bool:
    return _is_symbolic(key)


@lru_cache(maxsize=1)
def cldr_names() -> dict[str, tuple[str, str]]:
    """CLDR English names (singular, plural) of every currency babel knows, withdrawn ones too
    (kept on disk: reading them from babel costs a cold start about 0.02 s)."""
    return cached_table("cldr-currency-names", _cldr_names, packages=("babel",))


def _cldr_names() -> dict[str, tuple[str, str]]:
    locale = babel.Locale("en")
    names: dict[str, tuple[str, str]] = {}
    for code in babel.numbers.list_currencies():
        if code.startswith("X") and code not in KEPT_X_CODES:
            continue
        one = babel.numbers.get_currency_name(code, count=1, locale=locale)
        many = babel.numbers.get_currency_name(code, count=2, locale=locale)
        if one and one != code and "(" not in one and "(" not in many:
            names[code] = (one, many)
    return names


@lru_cache(maxsize=1)
def current_codes() -> frozenset[str]:
    return frozenset(
        c.alpha_3 for c in pycountry.currencies if not c.alpha_3.startswith("X") or c.alpha_3 in KEPT_X_CODES
    )


@lru_cache(maxsize=1)
def currency_forms() -> dict[str, CurrencyForm]:
    """Every known currency form; symbol and code keys as written, word keys case-folded."""
    forms: dict[str, CurrencyForm] = {}
    current = current_codes()
    # Withdrawn currencies first, so a current currency of the same name wins.
    for code, (one, many) in sorted(cldr_names().items(), key=lambda kv: kv[0] in current):
        for name in (one, many):
            forms[form_key(name)] = CurrencyForm((code,), code, head=name.split()[-1].casefold())
    for code in current:
        forms[code] = CurrencyForm((code,), code)
    aliases: set[str] = set()
    # symbols keep their case ("P" pula before a number, "p" pence after it); words fold
    for row in read_table("currency_aliases.tsv", ("alias", "currencies", "scale", "written"), fold=False):
        codes = row["currencies"].split()
        default = None if codes[0] == "-" else codes[0]
        candidates = tuple(c for c in codes if c != "-")
        key = form_key(row["alias"])
        if key in aliases:
            raise DataFileError(f"currency_aliases.tsv: duplicate alias {row['alias']!r}")
        aliases.add(key)
        head = None if _is_symbolic(key) else key.split()[-1]
        forms[key] = CurrencyForm(candidates, default, Decimal(row["scale"]), row["written"] == "glued", head)
    return forms


def lookup_form(text: str) -> CurrencyForm | None:
    """The form of a currency as written ("US$", "Tenge", "US  dollars"), else None.

    >>> lookup_form("Kazakhstani tenge").candidates, lookup_form("$").default
    (('KZT',), 'USD')
    """
    forms = currency_forms()
    return forms.get(text) or forms.get(text.casefold()) or forms.get(" ".join(text.split()).casefold())


@lru_cache(maxsize=1)
def name_families() -> dict[str, tuple[str, ...]]:
    """Currency head words ("dollar", "dollars", "franc") -> the current codes whose English
    name ends with it ("Namibian Dollar" is a dollar), for the dateline and mentioned rules."""
    families: dict[str, list[str]] = {}
    current = current_codes()
    for code, (one, many) in sorted(cldr_names().items()):
        if code not in current:
            continue
        for name in {one.split()[-1].casefold(), many.split()[-1].casefold()}:
            families.setdefault(name, []).append(code)
    return {word: tuple(codes) for word, codes in families.items()}


@lru_cache(maxsize=1)
def qualifier_countries() -> dict[str, str]:
    """Country adjectives and names that may stand before a currency name -> ISO 3166 code
    ("Kazakh" -> KZ, "Hong Kong" -> HK), case-folded. From ``data/demonyms.tsv``,
    ``data/currency_qualifiers.tsv``, ``data/country_aliases.tsv`` and pycountry's names."""
    table: dict[str, str] = {}
    for country in pycountry.countries:
        for attr in ("name", "common_name"):
            name = getattr(country, attr, None)
            if name and "," not in name and "(" not in name:
                table[name.casefold()] = country.alpha_2
    table.update(read_mapping("country_aliases.tsv", ("alias", "iso2")))
    for demonym, country in read_mapping("demonyms.tsv", ("demonym", "country")).items():
        code = table.get(country.casefold())
        if code is None:
            raise DataFileError(f"demonyms.tsv: country {country!r} of {demonym!r} is unknown")
        table[demonym] = code
    table.update(read_mapping("currency_qualifiers.tsv", ("qualifier", "iso2")))
    return {k: v for k, v in table.items() if k.isascii() or k.replace(" ", "").isalpha()}


@lru_cache(maxsize=512)
def country_currencies(country: str, *, ever: bool = False) -> tuple[str, ...]:
    """Currencies of a territory by CLDR: legal tender today, or ever (``ever=True``)."""
    try:
        if ever:
            return tuple(babel.numbers.get_territory_currencies(country, *EVER, tender=True))
        return tuple(babel.numbers.get_territory_currencies(country, tender=True))
    except Exception:  # noqa: BLE001 - babel raises several types for unknown territories
        return ()


def qualified_currency(qualifier: str, form: CurrencyForm) -> str | None:
    """The currency a country adjective names with a currency word: "Kazakh" + "tenge" -> KZT,
    "Australian" + "dollars" -> AUD, "Dutch" + "guilders" -> NLG (withdrawn: CLDR's history).

    >>> qualified_currency("Kazakh", lookup_form("tenge"))
    'KZT'
    >>> qualified_currency("Kazakh", lookup_form("dollars")) is None
    True
    >>> qualified_currency("Namibian", lookup_form("dollars"))
    'NAD'
    """
    country = qualifier_countries().get(" ".join(qualifier.split()).casefold())
    if country is None or form.head is None:
        return None
    names = cldr_names()
    for ever in (False, True):
        for code in country_currencies(country, ever=ever):
            if code in names and form.head in {n.split()[-1].casefold() for n in names[code]}:
                return code
    return None


@dataclass(frozen=True)
class CurrencyContext:
    """What the article says about its currencies: the codes its amounts name unambiguously,
    its dateline's country and its most-mentioned country (ISO 3166)."""

    explicit: frozenset[str] = frozenset()
    dateline: str | None = None
    mentioned: str | None = None


def resolve_currency(form: CurrencyForm, context: CurrencyContext) -> tuple[str | None, str]:
    """Currency code and the rule that chose it (see the module docstring).

    >>> resolve_currency(lookup_form("$"), CurrencyContext(dateline="CA"))
    ('CAD', 'dateline')
    >>> resolve_currency(lookup_form("$"), CurrencyContext(mentioned="AU"))
    ('USD', 'default')
    >>> resolve_currency(lookup_form("dinars"), CurrencyContext(mentioned="KW"))
    ('KWD', 'mentioned')
    """
    if len(form.candidates) == 1 and form.default:
        return form.default, "explicit"
    local = _local_reading(form, context.dateline)
    named = [code for code in form.candidates if code in context.explicit]
    # "US$9.5 million ... $80 million" datelined Toronto: marking the usual reading marks the
    # bare form as the local one
    if len(named) == 1 and not (local is not None and named[0] == form.default != local):
        return named[0], "article"
    if local is not None:
        return local, "dateline"
    if form.default:
        return form.default, "default"
    local = _local_reading(form, context.mentioned)
    if local is not None:
        return local, "mentioned"
    return None, "unresolved"


def _local_reading(form: CurrencyForm, country: str | None) -> str | None:
    """The country's own currency among the form's readings; a currency word also reads as any
    currency of that name ("francs" in Kigali are Rwandan francs)."""
    if country is None:
        return None
    readings = set(form.candidates) | set(name_families().get(form.head or "", ()))
    return next((code for code in country_currencies(country) if code in readings), None)
