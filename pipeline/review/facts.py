"""Every fact of a record as review rows: its type, its evidence spans and its normalized value.

:func:`fact_rows` flattens a record (as JSON) into :class:`FactRow` items, one per fact (a
person, each role, each organization, place, amount, quantity and date, and the dateline);
each row lists the spans that are its evidence and the normalized value as (label, text)
pairs, which the page shows in the facts table and in the tooltip of every highlight.
Pure functions: no I/O.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..resources import read_table

TYPE_COLUMNS = ("type", "label", "tag", "colour", "border", "fill")


@dataclass(frozen=True)
class FactType:
    """How one fact type is marked on the page (a row of ``data/review_types.tsv``)."""

    type: str
    label: str
    tag: str
    colour: str
    border: str
    fill: str


@cache
def fact_types() -> tuple[FactType, ...]:
    """The fact types of the page, in legend order, from ``data/review_types.tsv``."""
    rows = read_table("review_types.tsv", TYPE_COLUMNS)
    types = tuple(FactType(**row) for row in rows)
    bad = [t.type for t in types if t.fill not in {"none", "tint", "hatch", "dots"}]
    if bad:
        raise ValueError(f"review_types.tsv: unknown fill for {bad}")
    return types


@dataclass(frozen=True)
class FactRow:
    """One fact: ``key`` is unique in its article ("amounts-2", "roles-0-1", "dateline")."""

    key: str
    type: str
    name: str
    spans: tuple[tuple[int, int, str], ...]
    value: tuple[tuple[str, str], ...]


def fmt_number(value: Any) -> str:
    """A JSON number for people: thousands separated, integral floats without ".0".

    >>> fmt_number(6400000000), fmt_number(3.5), fmt_number(2.0), fmt_number(None)
    ('6,400,000,000', '3.5', '2', '')
    """
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}"


def country_label(code: str | None) -> str:
    """ISO 3166 code with its name: ``KZ (Kazakhstan)``; empty for no country.

    >>> country_label("KZ"), country_label(None)
    ('KZ (Kazakhstan)', '')
    """
    if not code:
        return ""
    import pycountry

    country = pycountry.countries.get(alpha_2=code)
    return f"{code} ({country.name})" if country is not None else code


def _pairs(*items: tuple[str, Any]) -> tuple[tuple[str, str], ...]:
    """(label, text) pairs without the empty ones."""
    return tuple((label, str(text)) for label, text in items if text not in (None, "", ()))


def _span(span: dict) -> tuple[int, int, str]:
    return (span["start"], span["end"], span["text"])


def _people_rows(record: dict) -> Iterator[FactRow]:
    for p, person in enumerate(record.get("people", [])):
        roles = person.get("roles", [])
        yield FactRow(
            f"people-{p}",
            "person",
            person["name"],
            tuple(_span(m) for m in person["mentions"]),
            _pairs(
                ("name", person["name"]),
                ("aliases", ", ".join(person.get("aliases", []))),
                ("mentions", len(person["mentions"])),
                ("roles", "; ".join(r["title"] for r in roles)),
            ),
        )
        for r, role in enumerate(roles):
            yield FactRow(
                f"roles-{p}-{r}",
                "role",
                role["title"],
                (_span(role["span"]),),
                _pairs(
                    ("title", role["title"]),
                    ("person", person["name"]),
                    ("organization", role.get("organization")),
                    ("country", country_label(role.get("country"))),
                    ("qualifier", role.get("qualifier")),
                ),
            )


def _named_rows(record: dict, field: str, kind: str) -> Iterator[FactRow]:
    for i, item in enumerate(record.get(field, [])):
        yield FactRow(
            f"{field}-{i}",
            kind,
            item["name"],
            tuple(_span(m) for m in item["mentions"]),
            _pairs(
                ("name", item["name"]),
                ("country", country_label(item.get("country"))),
                ("mentions", len(item["mentions"])),
            ),
        )


def _money(value: Any, currency: str | None) -> str:
    return f"{fmt_number(value)} {currency or '(currency unresolved)'}"


def amount_value(amount: dict, amounts: list[dict]) -> tuple[tuple[str, str], ...]:
    """The normalized value of one amount; ``amounts`` resolves its conversion link.

    >>> a = [{"text": "6.4 billion tenge", "value": 6400000000, "currency": "KZT"},
    ...      {"text": "$12.7 million", "value": 12700000, "currency": "USD", "currency_rule":
    ...       "conversion", "approximate": True, "min": None, "max": None, "equivalent_of": 0,
    ...       "implied_rate": 503.937}]
    >>> dict(amount_value(a[1], a))["conversion"]
    'equals amount 1, 6.4 billion tenge = 6,400,000,000 KZT; implied rate 503.937 KZT per USD'
    """
    cur = amount.get("currency")
    link = amount.get("equivalent_of")
    conversion = None
    if link is not None and 0 <= link < len(amounts):
        other = amounts[link]
        conversion = (
            f"equals amount {link + 1}, {other['text']} = {_money(other['value'], other['currency'])}"
        )
        if amount.get("implied_rate") is not None:
            rate = fmt_number(amount["implied_rate"])
            conversion += f"; implied rate {rate} {other['currency']} per {cur}"
    low, high = amount.get("min"), amount.get("max")
    bounds = None
    if low is not None or high is not None:
        bounds = (
            f"{fmt_number(low) if low is not None else '…'} – {fmt_number(high) if high is not None else '…'}"
        )
    return _pairs(
        ("value", _money(amount["value"], cur)),
        ("currency rule", amount.get("currency_rule")),
        ("approximate", "yes" if amount.get("approximate") else "no"),
        ("range", bounds),
        ("conversion", conversion),
    )


def _amount_rows(record: dict) -> Iterator[FactRow]:
    amounts = record.get("amounts", [])
    for i, amount in enumerate(amounts):
        yield FactRow(
            f"amounts-{i}", "amount", amount["text"], (_span(amount["span"]),), amount_value(amount, amounts)
        )


def quantity_value(q: dict) -> tuple[tuple[str, str], ...]:
    """The normalized value of one quantity.

    >>> quantity_value({"value": 1.2, "unit": "kilometer", "noun": None, "per": "year",
    ...                 "base_value": 1200, "base_unit": "meter"})
    (('value', '1.2 kilometer'), ('per', 'year'), ('base value', '1,200 meter'))
    """
    what = q.get("unit") or q.get("noun") or ""
    base = None
    if q.get("base_value") is not None:
        base = f"{fmt_number(q['base_value'])} {q.get('base_unit') or ''}".strip()
    return _pairs(
        ("value", f"{fmt_number(q['value'])} {what}".strip()),
        ("unit", q.get("unit") if q.get("noun") and q.get("unit") else None),
        ("counted noun", q.get("noun") if q.get("unit") else None),
        ("per", q.get("per")),
        ("base value", base),
    )


def _quantity_rows(record: dict) -> Iterator[FactRow]:
    for i, q in enumerate(record.get("quantities", [])):
        yield FactRow(f"quantities-{i}", "quantity", q["text"], (_span(q["span"]),), quantity_value(q))


def _date_rows(record: dict) -> Iterator[FactRow]:
    for i, d in enumerate(record.get("dates", [])):
        yield FactRow(
            f"dates-{i}",
            "date",
            d["text"],
            (_span(d["span"]),),
            _pairs(
                ("value", d["value"]),
                ("precision", d["precision"]),
                ("start", d.get("start")),
                ("end", d.get("end")),
                ("inferred", ", ".join(d.get("inferred", []))),
            ),
        )


def _dateline_rows(record: dict) -> Iterator[FactRow]:
    line = record.get("dateline")
    if line:
        yield FactRow(
            "dateline",
            "dateline",
            line["place"],
            (_span(line["span"]),),
            _pairs(
                ("place", line["place"]),
                ("country", country_label(line.get("country"))),
                ("date", line.get("date")),
            ),
        )


def fact_rows(record: dict) -> list[FactRow]:
    """Every fact of ``record`` with its evidence, in the order of the facts table.

    >>> rows = fact_rows({"dateline": {"place": "Almaty", "country": "KZ", "date": None,
    ...     "span": {"start": 0, "end": 6, "text": "ALMATY"}}})
    >>> [(r.key, r.type, r.spans, r.value) for r in rows]
    [('dateline', 'dateline', ((0, 6, 'ALMATY'),), (('place', 'Almaty'), ('country', 'KZ (Kazakhstan)')))]
    """
    return [
        *_dateline_rows(record),
        *_people_rows(record),
        *_named_rows(record, "organizations", "organization"),
        *_named_rows(record, "locations", "location"),
        *_amount_rows(record),
        *_quantity_rows(record),
        *_date_rows(record),
    ]


def search_names(record: dict) -> str:
    """The names a reader searches for: people (and aliases), organizations, places, titles.

    >>> search_names({"people": [{"name": "Ann Lee", "aliases": ["Lee"], "roles": []}],
    ...               "locations": [{"name": "Almaty"}]})
    'ann lee\\nlee\\nalmaty'
    """
    names: list[str] = []
    for person in record.get("people", []):
        names += [person["name"], *person.get("aliases", []), *(r["title"] for r in person.get("roles", []))]
    for field in ("organizations", "locations"):
        names += [item["name"] for item in record.get(field, [])]
    if record.get("dateline"):
        names.append(record["dateline"]["place"])
    return "\n".join(dict.fromkeys(n.casefold() for n in names))
