"""``pressfeed validate``: check every record of a feed against the schema."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from ..constants import EXIT_FAILED, EXIT_OK, EXIT_USAGE


def register(sub) -> None:
    p = sub.add_parser(
        "validate",
        help="check every record of a JSON Lines feed against the schema",
        description="Example: pressfeed validate out/feed.jsonl",
    )
    p.add_argument("feed", help="a JSON Lines feed written by pressfeed run")
    p.set_defaults(func=run)


def run(args) -> int:
    from ..schema import validate

    path = Path(args.feed)
    if not path.is_file():
        print(f"pressfeed validate: {path}: no such file", file=sys.stderr)
        return EXIT_USAGE
    bad = total = 0
    with path.open(encoding="utf-8") as handle:
        for line_no, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            total += 1
            try:
                problems = validate(json.loads(line))
            except json.JSONDecodeError as err:
                problems = [f"malformed JSON: {err}"]
            for problem in problems[:5]:
                print(f"{path}:{line_no}: {problem}")
            bad += bool(problems)
    print(f"{total} records, {total - bad} valid, {bad} invalid")
    return EXIT_OK if bad == 0 else EXIT_FAILED
