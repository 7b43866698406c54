"""What ``pressfeed validate`` checks: feeds of either format, records against the schema, and
spans against the article text when the record carries it.

A feed is JSON Lines (one record per line) or a JSON Feed 1.1 document whose items carry
``content_text`` and their record under ``_pressfeed``. A record with a top-level ``text``
(``run --with-text``) has every span checked: ``text[start:end] == span text``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .feeds import JSON_FEED_VERSION
from .schema import validate

MAX_SPAN_PROBLEMS = 5


def iter_spans(value: Any, where: str = "") -> Iterator[tuple[str, dict]]:
    """Every evidence span ``{start, end, text}`` inside a record, with its JSON path.

    >>> [w for w, _ in iter_spans({"dates": [{"span": {"start": 0, "end": 2, "text": "ab"}}]})]
    ['dates/0/span']
    """
    if isinstance(value, dict):
        if isinstance(value.get("start"), int) and isinstance(value.get("end"), int) and "text" in value:
            yield where, value
            return
        for key, child in value.items():
            yield from iter_spans(child, f"{where}/{key}" if where else key)
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from iter_spans(child, f"{where}/{index}")


def span_problems(record: dict[str, Any]) -> list[str]:
    """Spans whose text is not the article's slice (only when the record holds its text)."""
    text = record.get("text")
    if not isinstance(text, str):
        return []
    problems = []
    for where, span in iter_spans({k: v for k, v in record.items() if k != "text"}):
        if text[span["start"] : span["end"]] != span["text"]:
            problems.append(
                f"{where}: text {span['text']!r} is not the article's "
                f"[{span['start']}:{span['end']}] {text[span['start'] : span['end']]!r}"
            )
    return problems


def check_record(record: Any) -> list[str]:
    """Schema violations and span mismatches of one record; empty when it is valid."""
    if not isinstance(record, dict):
        return [f"(record): expected a JSON object, got {type(record).__name__}"]
    problems = validate(record)
    return problems or span_problems(record)


def iter_feed(path: Path) -> Iterator[tuple[str, list[str]]]:
    """``(where, problems)`` for every record of the feed at ``path``, either format."""
    with path.open(encoding="utf-8", errors="replace") as handle:
        head = handle.read(4096)
        handle.seek(0)
        if head.lstrip().startswith("{") and '"version"' in head and JSON_FEED_VERSION in head:
            yield from _json_feed(path, handle.read())
            return
        for line_no, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                problems = check_record(json.loads(line))
            except json.JSONDecodeError as err:
                problems = [f"malformed JSON: {err}"]
            yield f"{path}:{line_no}", problems


def _json_feed(path: Path, text: str) -> Iterator[tuple[str, list[str]]]:
    try:
        document = json.loads(text)
    except json.JSONDecodeError as err:
        yield str(path), [f"malformed JSON Feed: {err}"]
        return
    items = document.get("items")
    if not isinstance(items, list) or not isinstance(document.get("title"), str):
        yield str(path), ["not a JSON Feed 1.1 document: it needs a title and a list of items"]
        return
    for index, item in enumerate(items):
        where = f"{path}: items/{index}"
        if not isinstance(item, dict) or "_pressfeed" not in item:
            yield where, ["no _pressfeed record in the item"]
            continue
        problems = [] if isinstance(item.get("content_text"), str) else ["item has no content_text"]
        record = dict(item["_pressfeed"])
        if isinstance(item.get("content_text"), str) and "text" not in record and item["content_text"]:
            record["text"] = item["content_text"]  # the spans index the item's content
        schema_record = {k: v for k, v in record.items() if k != "text" or "text" in item["_pressfeed"]}
        problems += validate(schema_record) or span_problems(record)
        yield where, problems
