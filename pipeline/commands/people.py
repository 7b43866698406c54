"""``pressfeed people``: people with their latest posts, filtered by organization, country, title, date."""

from __future__ import annotations

from ..constants import EXIT_OK
from ._args import iso_day
from ._store import add_json, add_store, dump, opened, post


def register(sub) -> None:
    p = sub.add_parser(
        "people",
        help="people with their latest posts (filters: --org, --country, --title, --since)",
        description="Example: pressfeed people --store people.db --country KZ --title minister "
        "--since 2026-01-01",
    )
    add_store(p)
    p.add_argument("--org", metavar="X", help="posts at an organization whose name contains X")
    p.add_argument("--country", metavar="CC", help="posts of this ISO country (else the article's dateline)")
    p.add_argument("--title", metavar="WORD", help="posts whose title contains WORD")
    p.add_argument("--since", type=iso_day, metavar="DATE", help="posts last seen on or after DATE")
    p.add_argument("--limit", type=int, default=100, help="at most this many people (0: all; default 100)")
    add_json(p)
    p.set_defaults(func=run)


def run(args) -> int:
    filters = {"org": args.org, "country": args.country, "title": args.title, "since": args.since}
    with opened(args, "pressfeed people") as store:
        found = store.people(**filters, limit=args.limit)
    if args.json:
        print(dump(found))
        return EXIT_OK
    for person in found:
        latest = [r for r in person["roles"] if r["last_seen"] == person["roles"][0]["last_seen"]]
        posts = "; ".join(post(r) for r in latest) or "no post"
        print(f"{person['name']} (#{person['id']}), last seen {person['last_seen']}: {posts}")
    return EXIT_OK
