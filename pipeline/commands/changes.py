"""``pressfeed changes``: posts first seen since a date, and posts no longer seen."""

from __future__ import annotations

from ..constants import EXIT_OK
from ._args import iso_day
from ._store import add_json, add_store, dump, opened, post


def register(sub) -> None:
    p = sub.add_parser(
        "changes",
        help="posts first seen since a date (appointments, moves) and posts no longer seen",
        description="Example: pressfeed changes --store people.db --since 2026-01-01. A post is no "
        "longer seen when its holder appears on or after DATE but the post was last seen before it.",
    )
    add_store(p)
    p.add_argument("--since", type=iso_day, required=True, metavar="DATE", help="YYYY-MM-DD")
    add_json(p)
    p.set_defaults(func=run)


def run(args) -> int:
    with opened(args, "pressfeed changes") as store:
        found = store.changes(args.since)
    if args.json:
        print(dump(found))
        return EXIT_OK
    print(f"new since {args.since}:")
    for row in found["new"]:
        print(f"  {row['first_seen']}  {row['name']} (#{row['person_id']}): {post(row)}")
    print(f"no longer seen since {args.since}:")
    for row in found["no_longer_seen"]:
        print(f"  {row['last_seen']}  {row['name']} (#{row['person_id']}): {post(row)}")
    return EXIT_OK
