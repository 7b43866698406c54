"""``pressfeed who``: one person across articles: names, posts over time, articles, and why."""

from __future__ import annotations

import sys

from ..constants import EXIT_FAILED, EXIT_OK
from ._store import add_json, add_store, opened, print_person


def register(sub) -> None:
    p = sub.add_parser(
        "who",
        help="a person's names, posts (first and last seen), articles, and why they were merged",
        description="Example: pressfeed who 'Serik Zhumangarin' --store people.db --json. "
        "NAME is a full name (case, accents, honorifics and transliteration variants are ignored) "
        "or a surname. With --json, one JSON object per person of that name, one per line.",
    )
    p.add_argument("name", metavar="NAME", help="a full name or a surname")
    add_store(p)
    add_json(p)
    p.set_defaults(func=run)


def run(args) -> int:
    import json

    with opened(args, "pressfeed who") as store:
        found = store.who(args.name)
    if not found:
        print(f"pressfeed who: nobody named {args.name!r} in the store", file=sys.stderr)
        return EXIT_FAILED
    for person in found:
        if args.json:
            print(json.dumps(person, ensure_ascii=False))
        else:
            print_person(person, why=True)
    if len(found) > 1 and not args.json:
        print(f"({len(found)} people named {args.name!r}; see 'why' for what keeps them apart)")
    return EXIT_OK
