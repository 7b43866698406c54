"""The edge of the review page: read a feed's records and the texts their offsets index.

A record's text comes from the feed (``pressfeed run --with-text``) or else from the inputs
given to ``pressfeed review``, matched by article id. Bad feed lines and unreadable inputs
become messages; nothing is dropped without one.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .page import ArticleView

FROM_FEED = "from the feed"
CHANGED = "the input text is not the one the feed was made from (SHA-256 differs): spans may not match"
NO_TEXT = "not available: run pressfeed run with --with-text, or pass the inputs to pressfeed review"


@dataclass(frozen=True)
class InputText:
    text: str
    sha256: str
    source: str


def read_feed(path: Path) -> tuple[list[dict], list[str]]:
    """The valid records of a JSON Lines feed, and one message per line that is not one."""
    from ..schema import validate

    records, problems = [], []
    with path.open(encoding="utf-8", errors="replace") as handle:
        for line_no, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            where = f"{path}:{line_no}"
            try:
                record = json.loads(line)
            except json.JSONDecodeError as err:
                problems.append(f"{where}: malformed JSON: {err}")
                continue
            found = validate(record) if isinstance(record, dict) else ["(record): not a JSON object"]
            if found:
                problems.append(f"{where}: not a valid record: {'; '.join(found[:3])}")
                continue
            records.append(record)
    return records, problems


def read_input_texts(specs: list[str], wanted: set[str]) -> tuple[dict[str, InputText], list[str]]:
    """Texts of the articles named by ``specs`` whose ids are ``wanted``; messages for failures."""
    from ..readers import Article, iter_inputs

    texts: dict[str, InputText] = {}
    problems = []
    for item in iter_inputs(specs):
        if not isinstance(item, Article):
            problems.append(f"{item.source}: {item.stage} failed: {item.error_type}: {item.message}")
        elif item.meta.id in wanted:
            texts[item.meta.id] = InputText(item.text, item.sha256, item.meta.path or "")
    return texts, problems


def build_views(records: Iterable[dict], texts: dict[str, InputText]) -> list[ArticleView]:
    """Each record with its text: the feed's own, else the input's of the same id.

    >>> views = build_views([{"id": "a", "source": {"sha256": "0" * 64}}],
    ...                     {"a": InputText("Text", "1" * 64, "a.txt")})
    >>> views[0].origin, views[0].notes == (CHANGED,)
    ('from a.txt', True)
    """
    views = []
    for record in records:
        if isinstance(record.get("text"), str):
            views.append(ArticleView(record, record["text"], FROM_FEED))
            continue
        given = texts.get(record["id"])
        if given is None:
            views.append(ArticleView(record, None, NO_TEXT, ("no text: evidence cannot be shown",)))
            continue
        expected = (record.get("source") or {}).get("sha256")
        notes = ()
        if expected and expected != given.sha256:
            notes = (CHANGED,)
        views.append(ArticleView(record, given.text, f"from {given.source}", notes))
    return views
