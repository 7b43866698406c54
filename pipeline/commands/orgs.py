"""``pressfeed orgs``: organizations with the people holding posts there and their amounts."""

from __future__ import annotations

from ..constants import EXIT_OK
from ._store import add_json, add_store, dump, opened


def register(sub) -> None:
    p = sub.add_parser(
        "orgs",
        help="organizations with their people and the money amounts named beside them",
        description="Example: pressfeed orgs --store people.db --name bank. An amount belongs to the "
        "organization mentioned nearest it in the article (within 200 characters).",
    )
    add_store(p)
    p.add_argument("--name", metavar="X", help="organizations whose name contains X")
    p.add_argument("--limit", type=int, default=50, help="at most this many (0: all; default 50)")
    add_json(p)
    p.set_defaults(func=run)


def run(args) -> int:
    with opened(args, "pressfeed orgs") as store:
        found = store.orgs(name=args.name, limit=args.limit)
    if args.json:
        print(dump(found))
        return EXIT_OK
    for org in found:
        print(f"{org['name']} ({org['articles']} articles)")
        for person in org["people"]:
            print(f"  {person['name']} (#{person['id']}): {person['title']}, last seen {person['last_seen']}")
        for amount in org["amounts"]:
            value = f"{amount['value']:,.2f} {amount['currency'] or '?'}"
            print(f"  {amount['text']} = {value} ({amount['article']})")
    return EXIT_OK
