"""``pressfeed schema``: the record's JSON Schema."""

from __future__ import annotations

import json

from ..constants import EXIT_OK


def register(sub) -> None:
    p = sub.add_parser(
        "schema",
        help="print the record JSON Schema",
        description="Example: pressfeed schema > record.schema.json",
    )
    p.set_defaults(func=run)


def run(args) -> int:
    from ..schema import load_schema

    print(json.dumps(load_schema(), indent=2, ensure_ascii=False))
    return EXIT_OK
