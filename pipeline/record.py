"""The record contract: frozen dataclasses for every fact, serialized by :meth:`Record.to_json`.

``schemas/record.schema.json`` is the source of truth for the JSON shape; a test checks that
these classes and the schema agree. Money values are ``Decimal`` inside and exact JSON numbers
outside (6.4 billion is 6400000000, never 6399999999.999).
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, is_dataclass
from decimal import Decimal
from typing import Any

SCHEMA_VERSION = "1.0"


@dataclass(frozen=True)
class Span:
    """Evidence: ``text == article[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Role:
    title: str
    organization: str | None
    country: str | None
    span: Span
    qualifier: str | None = None


@dataclass(frozen=True)
class Person:
    name: str
    aliases: tuple[str, ...]
    mentions: tuple[Span, ...]
    roles: tuple[Role, ...]


@dataclass(frozen=True)
class Organization:
    name: str
    country: str | None
    mentions: tuple[Span, ...]
    aliases: tuple[str, ...] = ()  # other written forms: "NIB" of "Nordic Investment Bank"
    country_rule: str = "none"  # the evidence that decided ``country`` (extractors/org_countries.py)


@dataclass(frozen=True)
class Location:
    name: str
    country: str | None
    mentions: tuple[Span, ...]
    aliases: tuple[str, ...] = ()  # other written forms: "U.S." of "United States"


@dataclass(frozen=True)
class Amount:
    text: str
    span: Span
    value: Decimal
    currency: str | None
    currency_rule: str
    approximate: bool
    min: Decimal | None = None
    max: Decimal | None = None
    per: str | None = None
    equivalent_of: int | None = None
    implied_rate: Decimal | None = None


@dataclass(frozen=True)
class Quantity:
    text: str
    span: Span
    value: Decimal
    unit: str | None
    noun: str | None
    per: str | None = None
    base_value: Decimal | None = None
    base_unit: str | None = None


@dataclass(frozen=True)
class DateFact:
    text: str
    span: Span
    value: str
    precision: str
    start: str | None
    end: str | None
    inferred: tuple[str, ...] = ()


@dataclass(frozen=True)
class Dateline:
    place: str
    country: str | None
    span: Span
    date: str | None = None


@dataclass(frozen=True)
class Source:
    path: str | None = None
    url: str | None = None
    sha256: str | None = None


@dataclass(frozen=True)
class Record:
    id: str
    source: Source
    title: str | None
    published: str | None
    published_source: str | None
    dateline: Dateline | None
    people: tuple[Person, ...] = ()
    organizations: tuple[Organization, ...] = ()
    locations: tuple[Location, ...] = ()
    amounts: tuple[Amount, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    dates: tuple[DateFact, ...] = ()
    warnings: tuple[str, ...] = ()
    schema_version: str = field(default=SCHEMA_VERSION)
    text: str | None = None  # the analysed text, kept only on request (pressfeed run --with-text)

    def to_json(self) -> dict[str, Any]:
        """Plain JSON-ready dict, keys in declaration order; ``text`` only when kept."""
        data = _to_json(self)
        if data["text"] is None:
            del data["text"]
        return data


def _to_json(value: Any) -> Any:
    if is_dataclass(value):
        return {f.name: _to_json(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, tuple | list):
        return [_to_json(v) for v in value]
    if isinstance(value, Decimal):
        return _decimal_to_json(value)
    return value


def _decimal_to_json(value: Decimal) -> int | float:
    """Integral values stay exact ints; others become the nearest float.

    >>> _decimal_to_json(Decimal("6.4") * Decimal("1e9"))
    6400000000
    >>> _decimal_to_json(Decimal("3.5"))
    3.5
    """
    if value == value.to_integral_value():
        return int(value)
    return float(value)
