"""``pressfeed store``: add feeds to the people store, or export it (JSON Lines or CSV)."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from ..constants import EXIT_OK, EXIT_SOME_FAILED
from ._store import add_store, opened


def register(sub) -> None:
    p = sub.add_parser(
        "store",
        help="add feeds to the people store (store add) or export it (store export)",
        description="Examples: pressfeed store add out/feed.jsonl --store people.db; "
        "pressfeed store export --store people.db -o people.jsonl; "
        "pressfeed store export --store people.db -o tables/ --format csv",
    )
    actions = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    add = actions.add_parser(
        "add",
        help="add the records of feeds",
        description="Example: pressfeed store add feed.jsonl --store people.db",
    )
    add.add_argument(
        "feeds", nargs="+", metavar="FEED", help="JSON Lines feeds (or .json JSON Feeds) of pressfeed run"
    )
    add_store(add)
    add.set_defaults(func=run_add)
    export = actions.add_parser(
        "export",
        help="export people (JSON Lines) or role and amount facts (CSV)",
        description="Example: pressfeed store export --store people.db -o tables/ --format csv",
    )
    add_store(export)
    export.add_argument("-o", "--output", required=True, help="a .jsonl file, or a folder for CSV")
    export.add_argument("--format", choices=("jsonl", "csv"), help="default: csv for a folder, else jsonl")
    export.set_defaults(func=run_export)


def run_add(args) -> int:
    from ..schema import validate
    from ..store.io import iter_feed

    counts: Counter = Counter()
    with opened(args, "pressfeed store add") as store:
        for feed in args.feeds:
            for place, record, error in iter_feed(Path(feed)):
                problems = [error] if error else validate(record)
                if problems:
                    counts["failed"] += 1
                    print(f"{place}: {problems[0]}", file=sys.stderr)
                    continue
                counts[store.add(record)] += 1
    total = sum(counts.values())
    print(
        f"pressfeed store add: {total} records: {counts['added']} added, {counts['replaced']} replaced, "
        f"{counts['unchanged']} unchanged, {counts['failed']} failed",
        file=sys.stderr,
    )
    return EXIT_SOME_FAILED if counts["failed"] else EXIT_OK


def run_export(args) -> int:
    from ..store.io import export_csv, export_jsonl

    output = Path(args.output)
    fmt = args.format or ("csv" if args.output.endswith("/") or output.is_dir() else "jsonl")
    with opened(args, "pressfeed store export") as store:
        if fmt == "csv":
            counts = export_csv(store.db, output)
            summary = ", ".join(f"{name} {n} rows" for name, n in counts.items())
        else:
            output.parent.mkdir(parents=True, exist_ok=True)
            summary = f"{export_jsonl(store.db, output)} people"
    print(f"pressfeed store export: {output}: {summary}", file=sys.stderr)
    return EXIT_OK
