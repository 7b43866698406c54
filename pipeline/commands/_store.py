"""Options and output shared by the store commands (who, people, changes, orgs, store)."""

from __future__ import annotations

import json
import sys
from contextlib import contextmanager

from ..constants import EXIT_FAILED

STORE_HELP = "the store: a SQLite file, or postgresql://USER@HOST:PORT/DB"


def add_store(parser) -> None:
    parser.add_argument("--store", required=True, metavar="DB", help=STORE_HELP)


def add_json(parser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")


@contextmanager
def opened(args, prog: str):
    """The store of ``--store``; a store that cannot be opened ends the command with a message."""
    from ..store import StoreError, open_store

    try:
        store = open_store(args.store)
    except StoreError as err:
        print(f"{prog}: {err}", file=sys.stderr)
        raise SystemExit(EXIT_FAILED) from err
    with store:
        yield store


def dump(value) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)


def _period(first, last) -> str:
    if first is None:
        return "date unknown"
    return first if first == last else f"{first}..{last}"


def post(role: dict) -> str:
    """'Minister of Energy, Ministry of Energy (KZ)'."""
    text = role["title"]
    if role.get("organization"):
        text += f", {role['organization']}"
    if role.get("country"):
        text += f" ({role['country']})"
    return text


def print_person(person: dict, *, why: bool, out=None) -> None:
    out = out or sys.stdout
    aliases = f"  aka {', '.join(person['aliases'])}" if person["aliases"] else ""
    print(f"{person['name']} (#{person['id']}){aliases}", file=out)
    for role in person["roles"]:
        qualifiers = f" [{', '.join(role['qualifiers'])}]" if role["qualifiers"] else ""
        seen = _period(role["first_seen"], role["last_seen"])
        print(f"  {post(role)}{qualifiers}: {seen}; {', '.join(role['articles'])}", file=out)
    print(f"  articles: {', '.join(person['articles'])}", file=out)
    if why:
        for merge in person["merges"]:
            print(f"  why {merge['article']} ({merge['name']}): {merge['reason']}", file=out)
