"""Two thin database backends for the store: SQLite (default, a file) and PostgreSQL (a DSN).

Both take the store's SQL as written (``?`` placeholders, portable types) and offer the same
five things: ``execute``, ``executemany``, ``transaction`` (re-entrant, holding the write lock
that serializes writers), ``size_bytes`` and ``close``. Nothing else differs.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any


class StoreError(RuntimeError):
    """The store cannot be opened or used (bad path, server unreachable, missing driver)."""


class _Backend:
    """What both backends share: a re-entrant ``transaction`` around each one's outermost one."""

    depth = 0

    @contextmanager
    def transaction(self) -> Iterator[None]:
        if self.depth:  # inside an outer transaction, which commits or rolls back for us
            self.depth += 1
            try:
                yield
            finally:
                self.depth -= 1
            return
        with self._outermost():
            self.depth = 1
            try:
                yield
            finally:
                self.depth = 0


class SqliteBackend(_Backend):
    dialect = "sqlite"

    def __init__(self, path: str):
        if path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        try:
            self.conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=60)
            self.conn.execute("PRAGMA journal_mode=WAL")
        except sqlite3.Error as err:
            raise StoreError(f"cannot open SQLite store {path}: {err}") from err
        self.conn.execute("PRAGMA synchronous=NORMAL")
        self.path = path

    def execute(self, sql: str, params: Sequence[Any] = ()) -> sqlite3.Cursor:
        return self.conn.execute(sql, params)

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        self.conn.executemany(sql, rows)

    @contextmanager
    def _outermost(self) -> Iterator[None]:
        self.conn.execute("BEGIN IMMEDIATE")  # the write lock: one writer at a time
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")

    def size_bytes(self) -> int:
        if self.path == ":memory:":
            return 0
        return sum(p.stat().st_size for p in Path(self.path).parent.glob(Path(self.path).name + "*"))

    def close(self) -> None:
        self.conn.close()


_PLACEHOLDER = re.compile(r"\?")


class PostgresBackend(_Backend):
    dialect = "postgresql"

    def __init__(self, dsn: str):
        try:
            import psycopg
        except ImportError as err:
            raise StoreError("a PostgreSQL store needs psycopg: pip install 'pressfeed[postgres]'") from err
        try:
            self.conn = psycopg.connect(dsn, autocommit=True)
        except psycopg.Error as err:
            raise StoreError(f"cannot connect to PostgreSQL store: {err}".strip()) from err

    @staticmethod
    def _sql(sql: str) -> str:
        return _PLACEHOLDER.sub("%s", sql)

    def execute(self, sql: str, params: Sequence[Any] = ()):
        return self.conn.execute(self._sql(sql), params)

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if rows:
            with self.conn.cursor() as cursor:
                cursor.executemany(self._sql(sql), rows)

    @contextmanager
    def _outermost(self) -> Iterator[None]:
        with self.conn.transaction():
            # the write lock: one writer at a time, readers go on (person ids are MAX + 1)
            self.conn.execute("SELECT pg_advisory_xact_lock(17017)")
            yield

    def size_bytes(self) -> int:
        return int(self.conn.execute("SELECT pg_database_size(current_database())").fetchone()[0])

    def close(self) -> None:
        self.conn.close()


def connect(target: str) -> SqliteBackend | PostgresBackend:
    """A backend for ``target``: a ``postgresql://`` (or ``postgres://``) DSN, else a SQLite path."""
    if target.startswith(("postgresql://", "postgres://")):
        return PostgresBackend(target)
    return SqliteBackend(target)
