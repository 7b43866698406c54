"""Schema migrations: ``migrations/NNNN_name.sql`` files applied in order, recorded in ``schema_version``.

Each file runs once, inside the write lock and one transaction, and its number goes into
``schema_version``; opening a store applies whatever is missing. A store newer than this
program (a version it does not know) is refused rather than misread.
"""

from __future__ import annotations

import re
from importlib import resources

from .backends import StoreError

_FILE = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")


def migrations() -> list[tuple[int, str, str]]:
    """``(version, name, sql)`` for every migration file, in version order."""
    found = []
    for entry in resources.files("pressfeed.store").joinpath("migrations").iterdir():
        if match := _FILE.match(entry.name):
            found.append((int(match[1]), match[2], entry.read_text(encoding="utf-8")))
    found.sort()
    versions = [v for v, _, _ in found]
    if versions != list(range(1, len(found) + 1)):
        raise StoreError(f"migration files are not numbered 1..{len(found)}: {versions}")
    return found


def statements(sql: str) -> list[str]:
    """Split a migration into statements (``--`` comments dropped; no ``;`` inside one).

    >>> statements("-- a table\\nCREATE TABLE t (x INTEGER); -- x\\nCREATE INDEX i ON t (x);")
    ['CREATE TABLE t (x INTEGER)', 'CREATE INDEX i ON t (x)']
    """
    text = "\n".join(line.split("--", 1)[0] for line in sql.splitlines())
    return [s.strip() for s in text.split(";") if s.strip()]


def current_version(db) -> int:
    return int(db.execute("SELECT COALESCE(MAX(version), 0) FROM schema_version").fetchone()[0])


def migrate(db) -> int:
    """Bring the store's schema up to date; returns its version."""
    known = migrations()
    with db.transaction():
        db.execute(
            "CREATE TABLE IF NOT EXISTS schema_version "
            "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
        )
        version = current_version(db)
        if version > len(known):
            raise StoreError(f"the store has schema version {version}; this pressfeed knows {len(known)}")
        for number, name, sql in known[version:]:
            for statement in statements(sql):
                db.execute(statement)
            db.execute(
                "INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, CURRENT_TIMESTAMP)",
                (number, name),
            )
    return current_version(db)
