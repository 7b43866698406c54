"""``pressfeed validate``: check every record of a feed against the schema and its spans."""

from __future__ import annotations

import sys
from pathlib import Path

from ..constants import EXIT_FAILED, EXIT_OK, EXIT_USAGE


def register(sub) -> None:
    p = sub.add_parser(
        "validate",
        help="check every record of a feed (JSON Lines or JSON Feed) against the schema",
        description="Example: pressfeed validate out/feed.jsonl. Spans are checked against the "
        "article when the record carries its text (run --with-text, or a JSON Feed's content_text).",
    )
    p.add_argument("feed", help="a JSON Lines feed or JSON Feed document written by pressfeed run")
    p.set_defaults(func=run)


def run(args) -> int:
    from ..checks import iter_feed

    path = Path(args.feed)
    if not path.is_file():
        print(f"pressfeed validate: {path}: no such file", file=sys.stderr)
        return EXIT_USAGE
    bad = total = 0
    for where, problems in iter_feed(path):
        total += 1
        for problem in problems[:5]:
            print(f"{where}: {problem}")
        bad += bool(problems)
    print(f"{total} records, {total - bad} valid, {bad} invalid")
    if total == 0:
        print(f"pressfeed validate: {path} holds no records", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK if bad == 0 else EXIT_FAILED
