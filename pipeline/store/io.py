"""Files in and out of the store: feeds to add (JSON Lines or JSON Feed) and exports (JSONL, CSV).

``iter_feed`` yields every record of a feed with its place (``FILE:LINE``), or the error that
kept a line from being a record, so one bad line never stops a batch. Exports are written to a
temporary name and moved into place, so a failed export never damages an existing file.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from . import queries


def iter_feed(path: Path) -> Iterator[tuple[str, dict[str, Any] | None, str | None]]:
    """``(place, record, error)`` for every record of a feed; exactly one of record and error is set."""
    if path.suffix == ".json":
        try:
            items = json.loads(path.read_text(encoding="utf-8"))["items"]
        except (OSError, ValueError, KeyError, TypeError) as err:
            yield str(path), None, f"not a JSON Feed: {err}"
            return
        for n, item in enumerate(items, start=1):
            record = item.get("_pressfeed") if isinstance(item, dict) else None
            yield f"{path}:item {n}", record, None if record else "item without a _pressfeed record"
        return
    try:
        handle = path.open(encoding="utf-8")
    except OSError as err:
        yield str(path), None, f"cannot read: {err.strerror or err}"
        return
    with handle:
        for n, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                yield f"{path}:{n}", json.loads(line), None
            except json.JSONDecodeError as err:
                yield f"{path}:{n}", None, f"malformed JSON: {err}"


@contextmanager
def _atomic(path: Path, **kwargs):
    tmp = path.with_name(path.name + ".tmp")
    try:
        with tmp.open("w", encoding="utf-8", **kwargs) as handle:
            yield handle
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def export_jsonl(db, path: Path) -> int:
    """Every person object, one per line; returns how many."""
    count = 0
    with _atomic(path, newline="\n") as handle:
        for person in queries.iter_person_objects(db):
            handle.write(json.dumps(person, ensure_ascii=False) + "\n")
            count += 1
    return count


def export_csv(db, folder: Path) -> dict[str, int]:
    """``roles.csv`` (one row per role stated, with its evidence) and ``amounts.csv``; row counts."""
    folder.mkdir(parents=True, exist_ok=True)
    counts = {}
    tables = (
        ("roles.csv", queries.ROLE_COLUMNS, queries.iter_role_rows),
        ("amounts.csv", queries.AMOUNT_COLUMNS, queries.iter_amount_rows),
    )
    for name, columns, rows in tables:
        with _atomic(folder / name, newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(columns)
            counts[name] = 0
            for row in rows(db):
                writer.writerow(row)
                counts[name] += 1
    return counts
