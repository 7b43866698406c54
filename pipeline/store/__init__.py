"""Who's who across batches: a store of people, roles and facts over time.

``open_store(target)`` opens (and migrates) a SQLite file or, for a ``postgresql://`` DSN, a
PostgreSQL database. ``Store.add(record)`` adds one record of ``schemas/record.schema.json``;
the query methods answer ``pressfeed who``, ``people``, ``changes`` and ``orgs``.

>>> store = open_store(":memory:")
>>> store.add({"id": "a1", "source": {"sha256": None}, "published": "2026-01-28", "dateline": None,
...     "people": [{"name": "Serik Zhumangarin", "aliases": [], "roles": [],
...                 "mentions": [{"start": 0, "end": 17, "text": "Serik Zhumangarin"}]}]})
'added'
>>> store.who("zhumangarin")[0]["articles"]
['a1']
"""

from __future__ import annotations

from typing import Any

from . import queries
from .backends import StoreError, connect
from .facts import build_facts
from .versioning import migrate
from .writer import ADDED, REPLACED, UNCHANGED, Writer

__all__ = ["ADDED", "REPLACED", "UNCHANGED", "Store", "StoreError", "open_store"]


class Store:
    """One store on one backend (see :func:`open_store`)."""

    def __init__(self, db):
        self.db = db
        self.version = migrate(db)
        self._writer = Writer(db)

    def add(self, record: dict[str, Any]) -> str:
        """Add one record: ``'added'``, ``'replaced'`` (changed text) or ``'unchanged'``."""
        return self._writer.add(build_facts(record))

    def transaction(self):
        """Group several ``add`` calls into one transaction (faster for bulk loads)."""
        return self.db.transaction()

    def who(self, name: str) -> list[dict]:
        return queries.who(self.db, name)

    def people(self, **filters) -> list[dict]:
        return queries.people(self.db, **filters)

    def changes(self, since: str) -> dict[str, Any]:
        return queries.changes(self.db, since)

    def orgs(self, **filters) -> list[dict]:
        return queries.orgs(self.db, **filters)

    def size_bytes(self) -> int:
        return self.db.size_bytes()

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def open_store(target: str) -> Store:
    """Open the store at ``target`` (a SQLite path or a ``postgresql://`` DSN), migrating it.

    Raises:
        StoreError: the store cannot be opened, or its schema is newer than this program.
    """
    db = connect(target)
    try:
        return Store(db)
    except BaseException:
        db.close()
        raise
