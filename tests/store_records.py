"""Hand-made records for the store tests (schema-valid), and the store fixture's backends.

``article(...)`` writes a small article text from its people, so every span is the text at its
offsets, and returns the record ``pressfeed run`` would write for it.
"""

from __future__ import annotations

import hashlib
import os

import pytest

POSTGRES_ENV = "PRESSFEED_TEST_POSTGRES"


def postgres_dsn() -> str:
    """The test server's DSN; skips without one, and fails when CI=true (CI must have it)."""
    dsn = os.environ.get(POSTGRES_ENV)
    if not dsn:
        reason = f"no PostgreSQL server: set {POSTGRES_ENV} (.ci/run starts one)"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    return dsn


def reset_postgres(dsn: str) -> None:
    psycopg = pytest.importorskip("psycopg")
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute("DROP SCHEMA public CASCADE")
        conn.execute("CREATE SCHEMA public")


def person(name: str, *roles: tuple, aliases: tuple[str, ...] = ()) -> dict:
    """A person with roles ``(title, organization, country[, qualifier])``; spans filled in later."""
    return {
        "name": name,
        "aliases": list(aliases),
        "roles": [tuple(r) + (None,) * (4 - len(r)) for r in roles],
    }


def _span(text: str, start: int, piece: str) -> dict:
    assert text[start : start + len(piece)] == piece
    return {"start": start, "end": start + len(piece), "text": piece}


def article(
    id: str,
    published: str | None,
    *people: dict,
    dateline: str | None = None,
    orgs=(),
    amounts=(),
    version="",
) -> dict:
    """A record for an article naming ``people`` (then ``orgs`` and ``amounts`` in one sentence).

    ``version`` changes the text (and so its hash) without changing the facts.
    """
    text, out_people = f"{id} {version}. ", []
    for p in people:
        name_at = len(text)
        text += p["name"]
        roles = []
        for title, org, country, qualifier in p["roles"]:
            text += ", "
            title_at = len(text)
            text += title
            roles.append((title, org, country, qualifier, title_at))
        text += ". "
        out_people.append({
            "name": p["name"], "aliases": p["aliases"], "mentions": [_span(text, name_at, p["name"])],
            "roles": [
                {"title": t, "organization": o, "country": c, "qualifier": q, "span": _span(text, at, t)}
                for t, o, c, q, at in roles
            ],
        })  # fmt: skip
    out_orgs, out_amounts = [], []
    for org in orgs:
        org_at = len(text)
        text += org + " will invest "
        out_orgs.append({"name": org, "country": None, "mentions": [_span(text, org_at, org)]})
        for value, currency, surface in amounts:
            out_amounts.append({
                "text": surface, "span": _span(text + surface, len(text), surface), "value": value,
                "currency": currency, "currency_rule": "explicit", "approximate": False, "min": None,
                "max": None, "per": None, "equivalent_of": None, "implied_rate": None,
            })  # fmt: skip
            text += surface + ". "
        amounts = ()
    return {
        "schema_version": "1.0", "id": id,
        "source": {"path": None, "url": None, "sha256": hashlib.sha256(text.encode()).hexdigest()},
        "title": id, "published": published, "published_source": "metadata" if published else None,
        "dateline": {"place": "X", "country": dateline, "span": _span(text, 0, id[0]), "date": None}
        if dateline else None,
        "people": out_people, "organizations": out_orgs, "locations": [], "amounts": out_amounts,
        "quantities": [], "dates": [], "warnings": [],
    }  # fmt: skip
