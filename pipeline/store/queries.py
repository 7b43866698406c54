"""Reading the store: who is who, people by post, changes since a date, organizations, export.

Every function takes a backend and returns plain JSON-ready values. A person object has
``id``, ``name``, ``aliases``, ``first_seen``, ``last_seen``, ``roles`` (each with ``title``,
``organization``, ``country``, ``qualifiers``, ``first_seen``, ``last_seen``, ``articles``),
``articles`` and, from ``who`` and the export, ``merges`` (per appearance: article, name and the
merge decision). Sorting is done here, not by SQL, so SQLite and PostgreSQL answer alike.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator, Sequence
from typing import Any

from .names import fold_key, fold_token, name_key, text_key

CHUNK = 500  # ids per IN (...) query


def _in(ids: Sequence[Any]) -> str:
    return "(" + ", ".join("?" for _ in ids) + ")"


def _day(value: str | None) -> tuple[bool, str]:
    """Sort key: dated first, in date order; undated last."""
    return (value is None, value or "")


def find_persons(db, name: str) -> list[int]:
    """Ids of persons known by ``name``: the full name, else its transliteration fold, else a
    surname (the last word, or the last words of a full name)."""
    key = name_key(name)
    if " " in key:
        lookups = (("name_key", key), ("fold_key", fold_key(name)))
    else:
        lookups = (("name_key", key), ("surname_key", fold_token(key)))
    for column, value in lookups:
        rows = db.execute(f"SELECT DISTINCT person_id FROM appearances WHERE {column} = ?", (value,))
        if found := sorted(r[0] for r in rows.fetchall()):
            return found
    if " " in key:  # a surname of several words (Owusu-Ansah): a slower scan, as a last resort
        rows = db.execute(
            "SELECT DISTINCT person_id FROM appearances WHERE fold_key LIKE ?", ("% " + fold_key(name),)
        )
        return sorted(r[0] for r in rows.fetchall())
    return []


def _role_objects(db, ids: Sequence[int]) -> dict[int, list[dict]]:
    facts: dict[tuple[int, int], list] = defaultdict(list)
    sql = (
        "SELECT person_id, role_id, published, article_id, qualifier FROM role_facts "
        f"WHERE person_id IN {_in(ids)}"
    )
    for person_id, role_id, published, article_id, qualifier in db.execute(sql, ids):
        facts[person_id, role_id].append((_day(published), article_id, qualifier))
    roles: dict[int, list[dict]] = defaultdict(list)
    sql = (
        "SELECT pr.person_id, pr.role_id, r.title, r.organization, r.country, pr.first_seen, pr.last_seen "
        f"FROM person_roles pr JOIN roles r ON r.id = pr.role_id WHERE pr.person_id IN {_in(ids)}"
    )
    for person_id, role_id, title, org, country, first, last in db.execute(sql, ids).fetchall():
        stated = sorted(facts[person_id, role_id])
        roles[person_id].append({
            "title": title, "organization": org, "country": country,
            "qualifiers": sorted({q for _, _, q in stated if q}),
            "first_seen": first, "last_seen": last,
            "articles": list(dict.fromkeys(a for _, a, _ in stated)),
        })  # fmt: skip
    for items in roles.values():
        items.sort(key=lambda r: (r["last_seen"] or "", r["first_seen"] or "", r["title"]), reverse=True)
    return roles


def person_objects(db, ids: Sequence[int], *, merges: bool = True) -> list[dict]:
    """Person objects for ``ids``, in the order given; ``merges=False`` leaves out the merge
    decisions (``people`` lists many persons; ``who`` explains one)."""
    out: list[dict] = []
    for start in range(0, len(ids), CHUNK):
        out.extend(_person_chunk(db, list(ids[start : start + CHUNK]), merges=merges))
    return out


def _person_chunk(db, ids: list[int], *, merges: bool) -> list[dict]:
    if not ids:
        return []
    sql = f"SELECT id, name, first_seen, last_seen FROM persons WHERE id IN {_in(ids)}"
    people = {
        r[0]: {"id": r[0], "name": r[1], "aliases": [], "first_seen": r[2], "last_seen": r[3]}
        for r in db.execute(sql, ids)
    }
    seen: dict[int, list] = defaultdict(list)
    decoded: dict[str, list] = {}
    columns = "person_id, published, article_id, name, aliases" + (", reason" if merges else "")
    for person_id, published, article_id, name, aliases, *reason in db.execute(
        f"SELECT {columns} FROM appearances WHERE person_id IN {_in(ids)}", ids
    ):
        if aliases not in decoded:
            decoded[aliases] = json.loads(aliases)
        seen[person_id].append((_day(published), article_id, name, decoded[aliases], published, *reason))
    roles = _role_objects(db, ids)
    for person_id, person in people.items():
        appearances = sorted(seen[person_id])
        names = {a[2] for a in appearances} | {alias for a in appearances for alias in a[3]}
        person["aliases"] = sorted(names - {person["name"]})
        person["roles"] = roles.get(person_id, [])
        person["articles"] = [a[1] for a in appearances]
        if merges:
            person["merges"] = [
                {"article": a[1], "name": a[2], "published": a[4], "reason": a[5]} for a in appearances
            ]
    return [people[i] for i in ids if i in people]


def who(db, name: str) -> list[dict]:
    """Everyone known by ``name`` (usually one person)."""
    return person_objects(db, find_persons(db, name))


FEW_POSTS = 2000  # matching posts few enough to rank them all, rather than walk posts by date


def people(db, *, org=None, country=None, title=None, since=None, limit: int = 100, objects: bool = True):
    """People whose posts match every filter given, most recently seen first.

    ``org`` and ``title`` match part of the organization or title (case and accents ignored),
    ``country`` the role's country or else the dateline country of an article stating it,
    ``since`` posts last seen on or after that day. ``limit`` 0 means all. Returns person
    objects, or with ``objects=False`` only their ids.
    """
    role_where, role_params = [], []
    for column, value in (("org_key", org), ("title_key", title)):
        if value:
            role_where.append(f"{column} LIKE ?")
            role_params.append(f"%{text_key(value)}%")
    where, params = [], []
    if country:
        where.append("country_hint = ?")
        params.append(country.upper())
    if since:
        where.append("last_seen >= ?")
        params.append(since)
    if not role_where and not where:
        sql = "SELECT id FROM persons ORDER BY last_seen DESC NULLS LAST, id" + (" LIMIT ?" if limit else "")
        ids = [r[0] for r in db.execute(sql, [limit] if limit else []).fetchall()]
        return person_objects(db, ids, merges=False) if objects else ids
    if role_where:
        sql = f"SELECT id FROM roles WHERE {' AND '.join(role_where)}"
        roles = [r[0] for r in db.execute(sql, role_params).fetchall()]
        if not roles:
            return []
        where.append(f"role_id IN {_in(roles)}")
        params.extend(roles)
    ids = _ranked_people(db, " AND ".join(where), params, limit)
    return person_objects(db, ids, merges=False) if objects else ids


def _ranked_people(db, where: str, params: list, limit: int) -> list[int]:
    """Person ids by their latest matching post. Few matching posts are ranked at once; many
    are walked newest first (index on last_seen) until ``limit`` people are found."""
    count = db.execute(f"SELECT COUNT(*) FROM person_roles WHERE {where}", params).fetchone()[0]
    if not limit or count <= FEW_POSTS:
        sql = (
            f"SELECT person_id FROM person_roles WHERE {where} GROUP BY person_id "
            "ORDER BY MAX(last_seen) DESC NULLS LAST, person_id"
        )
        ids = [r[0] for r in db.execute(sql, params).fetchall()]
        return ids[:limit] if limit else ids
    sql = (
        f"SELECT person_id FROM person_roles WHERE {where} "
        "ORDER BY last_seen DESC NULLS LAST, person_id LIMIT ?"
    )
    fetch = limit * 4
    while True:
        rows = db.execute(sql, [*params, fetch]).fetchall()
        ids = list(dict.fromkeys(r[0] for r in rows))  # a person's first row is its latest post
        if len(ids) >= limit or len(rows) < fetch:
            return ids[:limit]
        fetch *= 4


def changes(db, since: str) -> dict[str, Any]:
    """Posts first seen on or after ``since``, and posts of people seen since then that were
    last seen before it (no longer seen)."""
    select = (
        "SELECT p.id, p.name, r.title, r.organization, r.country, pr.first_seen, pr.last_seen "
        "FROM person_roles pr JOIN roles r ON r.id = pr.role_id JOIN persons p ON p.id = pr.person_id "
    )
    keys = ("person_id", "name", "title", "organization", "country", "first_seen", "last_seen")
    new = db.execute(select + "WHERE pr.first_seen >= ?", (since,)).fetchall()
    gone = db.execute(select + "WHERE pr.last_seen < ? AND p.last_seen >= ?", (since, since)).fetchall()
    order = lambda rows, col: sorted(rows, key=lambda r: (r[col], r[0], r[2]))  # noqa: E731
    return {
        "since": since,
        "new": [dict(zip(keys, r, strict=True)) for r in order(new, 5)],
        "no_longer_seen": [dict(zip(keys, r, strict=True)) for r in order(gone, 6)],
    }


def _org_counts(db, name: str | None) -> dict[str, int]:
    """Articles naming each organization (in ``organizations`` or in a post)."""
    like, params = (" AND org_key LIKE ?", [f"%{text_key(name)}%"]) if name else ("", [])
    sql = f"SELECT org_key, COUNT(*) FROM org_facts WHERE org_key <> ''{like} GROUP BY org_key"
    return dict(db.execute(sql, params).fetchall())


def orgs(db, *, name: str | None = None, limit: int = 50) -> list[dict]:
    """Organizations (most articles first) with the people holding posts there (latest first)
    and the amounts credited to them (in date order)."""
    counts = _org_counts(db, name)
    keys = sorted(counts, key=lambda k: (-counts[k], k))[: limit or None]
    result = {k: {"name": None, "key": k, "articles": counts[k], "people": [], "amounts": []} for k in keys}
    for start in range(0, len(keys), CHUNK):
        _fill_orgs(db, keys[start : start + CHUNK], result)
    return [result[k] for k in keys]


def _fill_orgs(db, keys: list[str], result: dict[str, dict]) -> None:
    sql = f"SELECT org_key, name, COUNT(*) FROM org_facts WHERE org_key IN {_in(keys)} GROUP BY org_key, name"
    for key, name, _count in sorted(db.execute(sql, keys).fetchall(), key=lambda r: (r[0], -r[2], r[1])):
        result[key]["name"] = result[key]["name"] or name
    sql = (
        "SELECT r.org_key, r.organization, p.id, p.name, r.title, pr.first_seen, pr.last_seen "
        "FROM person_roles pr JOIN roles r ON r.id = pr.role_id JOIN persons p ON p.id = pr.person_id "
        f"WHERE r.org_key IN {_in(keys)}"
    )
    rows = sorted(db.execute(sql, keys).fetchall(), key=lambda r: (r[2], r[4]))
    rows.sort(key=lambda r: r[6] or "", reverse=True)  # stable sorts: latest first, undated last
    rows.sort(key=lambda r: r[0])
    for key, org, pid, pname, title, first, last in rows:
        result[key]["name"] = result[key]["name"] or org
        result[key]["people"].append(
            {"id": pid, "name": pname, "title": title, "first_seen": first, "last_seen": last}
        )
    sql = (
        "SELECT org_key, article_id, published, value, currency, span_start, span_end, span_text "
        f"FROM amount_facts WHERE org_key IN {_in(keys)}"
    )
    for key, article, published, value, currency, start, end, text in sorted(
        db.execute(sql, keys).fetchall(), key=lambda r: (r[0], _day(r[2]), r[1], r[5])
    ):
        result[key]["amounts"].append({
            "text": text, "value": value, "currency": currency, "article": article, "published": published,
            "span": {"start": start, "end": end, "text": text},
        })  # fmt: skip


def iter_person_objects(db) -> Iterator[dict]:
    """Every person, in id order, a chunk at a time."""
    last = 0
    while True:
        sql = "SELECT id FROM persons WHERE id > ? ORDER BY id LIMIT ?"
        ids = [r[0] for r in db.execute(sql, (last, CHUNK)).fetchall()]
        if not ids:
            return
        yield from person_objects(db, ids)
        last = ids[-1]


ROLE_COLUMNS = (
    "person_id", "person", "title", "organization", "country", "qualifier",
    "article_id", "published", "span_start", "span_end", "evidence",
)  # fmt: skip
AMOUNT_COLUMNS = (
    "article_id",
    "published",
    "value",
    "currency",
    "organization",
    "span_start",
    "span_end",
    "evidence",
)


def iter_role_rows(db) -> Iterator[tuple]:
    """One row per role stated in an article (``ROLE_COLUMNS``), by person then date."""
    sql = (
        "SELECT p.id, p.name, r.title, r.organization, r.country, f.qualifier, f.article_id, f.published, "
        "f.span_start, f.span_end, f.span_text FROM role_facts f JOIN roles r ON r.id = f.role_id "
        "JOIN persons p ON p.id = f.person_id "
        "ORDER BY p.id, COALESCE(f.published, ''), f.article_id, f.span_start"
    )
    yield from db.execute(sql)


def iter_amount_rows(db) -> Iterator[tuple]:
    """One row per money amount (``AMOUNT_COLUMNS``), the organization by its first name."""
    sql = (
        "SELECT m.article_id, m.published, m.value, m.currency, o.name, m.span_start, m.span_end, "
        "m.span_text FROM amount_facts m "
        "LEFT JOIN org_facts o ON o.article_id = m.article_id AND o.org_key = m.org_key "
        "ORDER BY m.article_id, m.idx"
    )
    yield from db.execute(sql)
