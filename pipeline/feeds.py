"""Feed writers: JSON Lines (default), a JSON Feed 1.1 document, and flat CSV tables.

:func:`open_feed` writes to temporary files beside the targets and moves them over the targets
when the run ends or is interrupted (Ctrl-C), so a feed is always whole and valid; a run that
fails for another reason leaves an existing feed untouched. ``-`` writes to standard output.
"""

from __future__ import annotations

import csv
import json
import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

from .errors import OutputError

JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"


def dumps(record: dict[str, Any]) -> str:
    """One canonical JSON line: byte-identical output for identical records."""
    return json.dumps(record, ensure_ascii=False, sort_keys=False, separators=(",", ":"))


def guess_format(path: str) -> str:
    if path == "-":
        return "jsonl"
    if path.endswith(".json"):
        return "jsonfeed"
    if path.endswith(".csv") or path.endswith("/") or Path(path).is_dir():
        return "csv"
    return "jsonl"


class AtomicFile:
    """A text file written beside its target under a temporary name, moved over it at the end.

    Until :meth:`commit`, an existing target is untouched: a run that fails leaves it as it was.
    """

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.temp: Path | None = None

    def open(self) -> TextIO:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, temp = tempfile.mkstemp(dir=self.path.parent, prefix=f".{self.path.name}.", suffix=".tmp")
        except OSError as err:
            raise OutputError(
                f"cannot write {self.path}: {err.strerror or err}; choose a writable path for -o/--errors"
            ) from err
        self.temp = Path(temp)
        self.handle = os.fdopen(fd, "w", encoding="utf-8", newline="\n")
        return self.handle

    def commit(self) -> None:
        self.handle.close()
        os.chmod(self.temp, _mode_for(self.path))
        os.replace(self.temp, self.path)

    def discard(self) -> None:
        self.handle.close()
        self.temp.unlink(missing_ok=True)


def _mode_for(path: Path) -> int:
    """The existing file's permissions, else the usual ones (mkstemp makes files private)."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0o022)
        os.umask(umask)
        return 0o666 & ~umask


class JsonlWriter:
    """JSON Lines, one record per line."""

    def __init__(self, handle: TextIO):
        self.handle = handle

    def write_line(self, line: str) -> None:
        self.handle.write(line.rstrip("\n") + "\n")

    def write(self, record: dict[str, Any], text: str | None = None) -> None:
        self.write_line(dumps(record))

    def close(self) -> None:
        self.handle.flush()


class JsonFeedWriter:
    """A JSON Feed 1.1 document; each item carries the article as ``content_text`` (the spec
    asks every item for content) and its extraction under ``_pressfeed``."""

    def __init__(self, handle: TextIO, *, title: str = "pressfeed extraction"):
        self.handle, self.count = handle, 0
        head = {"version": JSON_FEED_VERSION, "title": title}
        self.handle.write(json.dumps(head, ensure_ascii=False)[:-1] + ',"items":[\n')

    def write(self, record: dict[str, Any], text: str | None = None) -> None:
        item = {
            "id": record["id"],
            "title": record.get("title"),
            "url": record["source"].get("url"),
            "content_text": text if text is not None else record.get("text", ""),
            "_pressfeed": record,
        }
        if record.get("published"):
            item["date_published"] = f"{record['published']}T00:00:00Z"
        item = {k: v for k, v in item.items() if v is not None}
        self.handle.write(("," if self.count else "") + json.dumps(item, ensure_ascii=False) + "\n")
        self.count += 1

    def write_line(self, line: str) -> None:
        self.write(json.loads(line))

    def close(self) -> None:
        self.handle.write("]}\n")
        self.handle.flush()


# One table per kind of fact; booleans are written true/false, absent values as empty cells.
CSV_TABLES: dict[str, tuple[str, ...]] = {
    "articles": (
        "article_id",
        "title",
        "published",
        "published_source",
        "dateline",
        "dateline_country",
        "url",
        "sha256",
        "warnings",
    ),
    "people": ("article_id", "name", "aliases", "mentions"),
    "people_roles": (
        "article_id",
        "person",
        "title",
        "organization",
        "country",
        "qualifier",
        "start",
        "end",
        "text",
    ),
    "organizations": ("article_id", "name", "country", "country_rule", "start", "end", "text"),
    "locations": ("article_id", "name", "country", "start", "end", "text"),
    "amounts": (
        "article_id",
        "index",
        "value",
        "currency",
        "currency_rule",
        "approximate",
        "min",
        "max",
        "per",
        "equivalent_of",
        "implied_rate",
        "start",
        "end",
        "text",
    ),
    "quantities": (
        "article_id",
        "value",
        "unit",
        "noun",
        "per",
        "base_value",
        "base_unit",
        "start",
        "end",
        "text",
    ),
    "dates": ("article_id", "value", "precision", "start_date", "end_date", "start", "end", "text"),
}
LIST_SEPARATOR = "; "  # aliases and warnings in one cell


def _cell(value: Any) -> Any:
    """CSV cell: true/false for booleans (not Python's True/False), empty for null."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else value


def csv_rows(r: dict[str, Any]) -> Iterator[tuple[str, list[Any]]]:
    """(table, row) pairs of one record, in table order."""
    rid, dateline = r["id"], r.get("dateline") or {}
    yield (
        "articles",
        [
            rid,
            r.get("title"),
            r.get("published"),
            r.get("published_source"),
            dateline.get("place"),
            dateline.get("country"),
            r["source"].get("url"),
            r["source"].get("sha256"),
            LIST_SEPARATOR.join(r.get("warnings", [])),
        ],
    )
    for p in r["people"]:
        yield "people", [rid, p["name"], LIST_SEPARATOR.join(p["aliases"]), len(p["mentions"])]
        for role in p["roles"]:
            s = role["span"]
            org, country, qualifier = role["organization"], role["country"], role["qualifier"]
            yield (
                "people_roles",
                [rid, p["name"], role["title"], org, country, qualifier, s["start"], s["end"], s["text"]],
            )
    for o in r["organizations"]:
        for m in o["mentions"]:
            row = [rid, o["name"], o["country"], o.get("country_rule"), m["start"], m["end"], m["text"]]
            yield "organizations", row
    for o in r["locations"]:
        for m in o["mentions"]:
            yield "locations", [rid, o["name"], o["country"], m["start"], m["end"], m["text"]]
    for i, a in enumerate(r["amounts"]):
        fields = (
            "value",
            "currency",
            "currency_rule",
            "approximate",
            "min",
            "max",
            "equivalent_of",
            "implied_rate",
        )
        yield (
            "amounts",
            [rid, i, *(a.get(f) for f in fields), a["span"]["start"], a["span"]["end"], a["text"]],
        )
    for q in r["quantities"]:
        fields = ("value", "unit", "noun", "per", "base_value", "base_unit")
        yield (
            "quantities",
            [rid, *(q.get(f) for f in fields), q["span"]["start"], q["span"]["end"], q["text"]],
        )
    for d in r["dates"]:
        spot = [d["span"]["start"], d["span"]["end"], d["text"]]
        yield "dates", [rid, d["value"], d["precision"], d["start"], d["end"], *spot]


class CsvWriter:
    """One CSV table per kind of fact, one row per fact with its offsets (``CSV_TABLES``)."""

    def __init__(self, handles: dict[str, TextIO]):
        self.writers = {name: csv.writer(handle) for name, handle in handles.items()}
        for name, header in CSV_TABLES.items():
            self.writers[name].writerow(header)

    def write_line(self, line: str) -> None:
        self.write(json.loads(line))

    def write(self, record: dict[str, Any], text: str | None = None) -> None:
        for table, row in csv_rows(record):
            self.writers[table].writerow([_cell(v) for v in row])

    def close(self) -> None:
        pass


@contextmanager
def open_feed(path: str, fmt: str, *, errors: str | None = None):
    """``(writer, errors handle or None)`` for a run; see the module docstring for when the
    targets are replaced. ``path`` ``-`` is standard output (JSON Lines or JSON Feed)."""
    files: list[AtomicFile] = []

    def atomic(target: str | Path) -> TextIO:
        file = AtomicFile(target)
        handle = file.open()
        files.append(file)
        return handle

    try:
        if fmt == "csv":
            writer = CsvWriter({name: atomic(Path(path) / f"{name}.csv") for name in CSV_TABLES})
        else:
            handle = sys.stdout if path == "-" else atomic(path)
            writer = JsonFeedWriter(handle) if fmt == "jsonfeed" else JsonlWriter(handle)
        errors_handle = atomic(errors) if errors else None
    except BaseException:
        for file in files:
            file.discard()
        raise
    try:
        yield writer, errors_handle
    except KeyboardInterrupt:
        _finish(writer, files, keep=True)
        raise
    except BaseException:
        _finish(writer, files, keep=False)
        raise
    _finish(writer, files, keep=True)


def _finish(writer, files: list[AtomicFile], *, keep: bool) -> None:
    if keep:
        writer.close()
    for file in files:
        if keep:
            file.commit()
        else:
            file.discard()
