"""Record -> store facts: the people, roles, organizations and amounts of one article, with keys.

``build_facts(record)`` is pure: it reads a record as ``schemas/record.schema.json`` defines it
and returns frozen rows that carry the article id, publication date and evidence span of each
fact. Organizations named only in a post are added, with the post as evidence. Money amounts
are credited to the organization of ``organizations`` named nearest them (within
``AMOUNT_ORG_GAP`` characters), the way a release puts "Tianshan Green Energy will invest $112
million" in one clause.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from .names import fold_key, name_key, text_key

AMOUNT_ORG_GAP = 200  # characters between an amount and an organization's mention, at most


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class RoleFact:
    title: str
    organization: str | None
    country: str | None
    qualifier: str | None
    span: Span

    @property
    def key(self) -> tuple[str, str, str]:
        return text_key(self.title), text_key(self.organization), self.country or ""


@dataclass(frozen=True)
class Appearance:
    idx: int
    name: str
    aliases: tuple[str, ...]
    name_key: str
    fold_key: str
    span: Span
    roles: tuple[RoleFact, ...]

    @property
    def surname_key(self) -> str:
        return self.fold_key.rsplit(" ", 1)[-1]  # folded: `who Jumangarin` finds Zhumangarin


@dataclass(frozen=True)
class OrgFact:
    name: str
    key: str
    country: str | None
    spans: tuple[Span, ...]


@dataclass(frozen=True)
class AmountFact:
    idx: int
    value: float
    currency: str | None
    org_key: str | None
    span: Span


@dataclass(frozen=True)
class ArticleFacts:
    id: str
    text_hash: str
    published: str | None
    title: str | None
    url: str | None
    dateline_country: str | None
    people: tuple[Appearance, ...]
    organizations: tuple[OrgFact, ...]
    amounts: tuple[AmountFact, ...]


def _span(obj: dict[str, Any]) -> Span:
    return Span(int(obj["start"]), int(obj["end"]), str(obj["text"]))


def _appearance(idx: int, person: dict[str, Any]) -> Appearance:
    roles = tuple(
        RoleFact(r["title"], r.get("organization"), r.get("country"), r.get("qualifier"), _span(r["span"]))
        for r in person.get("roles", ())
    )
    name = person["name"]
    return Appearance(
        idx, name, tuple(person.get("aliases", ())), name_key(name), fold_key(name),
        _span(person["mentions"][0]), roles,
    )  # fmt: skip


def _organizations(record: dict[str, Any]) -> tuple[OrgFact, ...]:
    seen: dict[str, OrgFact] = {}
    for org in record.get("organizations", ()):
        key = text_key(org["name"])
        if key and key not in seen:
            seen[key] = OrgFact(org["name"], key, org.get("country"), tuple(map(_span, org["mentions"])))
    return tuple(seen.values())


def _post_organizations(people: tuple[Appearance, ...], named: tuple[OrgFact, ...]) -> tuple[OrgFact, ...]:
    """Organizations named only in a post ("spokesperson for Kazakhstan Temir Zholy"), with the
    post as evidence, so that every organization of the article is counted."""
    seen = {o.key for o in named}
    found = []
    for person in people:
        for role in person.roles:
            key = text_key(role.organization)
            if key and key not in seen:
                seen.add(key)
                found.append(OrgFact(role.organization, key, None, (role.span,)))
    return tuple(found)


def nearest_org(span: Span, orgs: tuple[OrgFact, ...], *, gap: int = AMOUNT_ORG_GAP) -> str | None:
    """The key of the organization mentioned nearest ``span``, within ``gap`` characters.

    >>> acme = OrgFact("Acme", "acme", None, (Span(0, 4, "Acme"),))
    >>> beta = OrgFact("Beta", "beta", None, (Span(300, 304, "Beta"),))
    >>> nearest_org(Span(20, 30, "$5 million"), (acme, beta)), nearest_org(Span(250, 260, "x"), (acme,))
    ('acme', None)
    """
    best: tuple[int, str] | None = None
    for org in orgs:
        for mention in org.spans:
            distance = max(mention.start - span.end, span.start - mention.end, 0)
            if distance <= gap and (best is None or distance < best[0]):
                best = (distance, org.key)
    return best[1] if best else None


def text_hash(record: dict[str, Any]) -> str:
    """The article's text hash (``source.sha256``), or a hash of the record when it has none."""
    sha = (record.get("source") or {}).get("sha256")
    if sha:
        return sha
    return hashlib.sha256(json.dumps(record, sort_keys=True).encode("utf-8")).hexdigest()


def build_facts(record: dict[str, Any]) -> ArticleFacts:
    """The store's rows for one record.

    Raises:
        KeyError, TypeError, ValueError: the record lacks a field the schema requires.
    """
    orgs = _organizations(record)
    people = tuple(_appearance(i, p) for i, p in enumerate(record["people"]))
    amounts = tuple(
        AmountFact(
            i, float(a["value"]), a.get("currency"), nearest_org(_span(a["span"]), orgs), _span(a["span"])
        )
        for i, a in enumerate(record.get("amounts", ()))
    )
    dateline = record.get("dateline") or {}
    return ArticleFacts(
        id=str(record["id"]),
        text_hash=text_hash(record),
        published=record.get("published"),
        title=record.get("title"),
        url=(record.get("source") or {}).get("url"),
        dateline_country=dateline.get("country"),
        people=people,
        organizations=orgs + _post_organizations(people, orgs),
        amounts=amounts,
    )
