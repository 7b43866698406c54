"""Feed writers: JSON Lines (default), a JSON Feed 1.1 document, and flat CSV tables.

Writers are context managers: leaving the ``with`` block for any reason (end, error,
Ctrl-C) closes the feed so that it holds, validly, every record written so far.
"""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path
from typing import Any, TextIO


def dumps(record: dict[str, Any]) -> str:
    """One canonical JSON line: byte-identical output for identical records."""
    return json.dumps(record, ensure_ascii=False, sort_keys=False, separators=(",", ":"))


def guess_format(path: str) -> str:
    if path.endswith(".json"):
        return "jsonfeed"
    if path.endswith(".csv") or path.endswith("/") or Path(path).is_dir():
        return "csv"
    return "jsonl"


class JsonlWriter:
    """JSON Lines, one record per line, flushed line by line."""

    def __init__(self, path: str, *, atomic: bool = False):
        self.path, self.atomic = path, atomic
        self.target = f"{path}.tmp" if atomic else path

    def __enter__(self) -> JsonlWriter:
        self.handle: TextIO = open(self.target, "w", encoding="utf-8", newline="\n")  # noqa: SIM115
        return self

    def write_line(self, line: str) -> None:
        self.handle.write(line.rstrip("\n") + "\n")
        self.handle.flush()

    def write(self, record: dict[str, Any]) -> None:
        self.write_line(dumps(record))

    def __exit__(self, exc_type, exc, tb) -> None:
        self.handle.close()
        if self.atomic and exc_type is None:
            os.replace(self.target, self.path)


class JsonFeedWriter:
    """A JSON Feed 1.1 document; each item carries its extraction under ``_pressfeed``."""

    def __init__(self, path: str, *, title: str = "pressfeed extraction"):
        self.path, self.title, self.count = path, title, 0

    def __enter__(self) -> JsonFeedWriter:
        self.handle: TextIO = open(self.path, "w", encoding="utf-8")  # noqa: SIM115
        head = {"version": "https://jsonfeed.org/version/1.1", "title": self.title}
        self.handle.write(json.dumps(head, ensure_ascii=False)[:-1] + ',"items":[\n')
        return self

    def write(self, record: dict[str, Any]) -> None:
        item = {
            "id": record["id"],
            "title": record.get("title"),
            "url": record["source"].get("url"),
            "_pressfeed": record,
        }
        if record.get("published"):
            item["date_published"] = f"{record['published']}T00:00:00Z"
        item = {k: v for k, v in item.items() if v is not None}
        self.handle.write(("," if self.count else "") + json.dumps(item, ensure_ascii=False) + "\n")
        self.count += 1

    def write_line(self, line: str) -> None:
        self.write(json.loads(line))

    def __exit__(self, exc_type, exc, tb) -> None:
        self.handle.write("]}\n")
        self.handle.close()


CSV_TABLES: dict[str, list[str]] = {
    "people_roles": [
        "article_id",
        "person",
        "title",
        "organization",
        "country",
        "qualifier",
        "start",
        "end",
        "text",
    ],
    "organizations": ["article_id", "name", "country", "start", "end", "text"],
    "locations": ["article_id", "name", "country", "start", "end", "text"],
    "amounts": [
        "article_id",
        "index",
        "value",
        "currency",
        "currency_rule",
        "approximate",
        "min",
        "max",
        "equivalent_of",
        "start",
        "end",
        "text",
    ],
    "quantities": ["article_id", "value", "unit", "noun", "per", "start", "end", "text"],
    "dates": ["article_id", "value", "precision", "start_date", "end_date", "start", "end", "text"],
}


class CsvWriter:
    """One CSV table per fact type in a directory, one row per fact with offsets."""

    def __init__(self, directory: str):
        self.directory = Path(directory)

    def __enter__(self) -> CsvWriter:
        self.directory.mkdir(parents=True, exist_ok=True)
        self.handles = {
            n: open(self.directory / f"{n}.csv", "w", newline="", encoding="utf-8")  # noqa: SIM115
            for n in CSV_TABLES
        }
        self.writers = {n: csv.writer(h) for n, h in self.handles.items()}
        for name, header in CSV_TABLES.items():
            self.writers[name].writerow(header)
        return self

    def write_line(self, line: str) -> None:
        self.write(json.loads(line))

    def write(self, r: dict[str, Any]) -> None:
        rid, rows = r["id"], self.writers
        for p in r["people"]:
            for role in p["roles"]:
                s = role["span"]
                rows["people_roles"].writerow(
                    [
                        rid,
                        p["name"],
                        role["title"],
                        role["organization"],
                        role["country"],
                        role["qualifier"],
                        s["start"],
                        s["end"],
                        s["text"],
                    ]
                )
        for kind in ("organizations", "locations"):
            for o in r[kind]:
                for m in o["mentions"]:
                    rows[kind].writerow([rid, o["name"], o["country"], m["start"], m["end"], m["text"]])
        for i, a in enumerate(r["amounts"]):
            rows["amounts"].writerow(
                [
                    rid,
                    i,
                    a["value"],
                    a["currency"],
                    a["currency_rule"],
                    a["approximate"],
                    a["min"],
                    a["max"],
                    a["equivalent_of"],
                    a["span"]["start"],
                    a["span"]["end"],
                    a["text"],
                ]
            )
        for q in r["quantities"]:
            rows["quantities"].writerow(
                [
                    rid,
                    q["value"],
                    q["unit"],
                    q["noun"],
                    q["per"],
                    q["span"]["start"],
                    q["span"]["end"],
                    q["text"],
                ]
            )
        for d in r["dates"]:
            rows["dates"].writerow(
                [
                    rid,
                    d["value"],
                    d["precision"],
                    d["start"],
                    d["end"],
                    d["span"]["start"],
                    d["span"]["end"],
                    d["text"],
                ]
            )

    def __exit__(self, exc_type, exc, tb) -> None:
        for handle in self.handles.values():
            handle.close()


def open_writer(path: str, fmt: str, *, atomic: bool = False):
    if fmt == "jsonfeed":
        return JsonFeedWriter(path)
    if fmt == "csv":
        return CsvWriter(path)
    return JsonlWriter(path, atomic=atomic)
