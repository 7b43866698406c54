"""``pressfeed review``: a self-contained HTML page showing every fact beside its evidence."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from ..constants import EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE


def register(sub) -> None:
    p = sub.add_parser(
        "review",
        help="write an HTML page showing every fact of a feed beside its evidence",
        description="Example: pressfeed review out/feed.jsonl corpus/ -o out/review.html. Texts come "
        "from the feed (pressfeed run --with-text) or else from the INPUTs, matched by article id.",
    )
    p.add_argument("feed", metavar="FEED", help="a JSON Lines feed written by pressfeed run")
    p.add_argument(
        "inputs", nargs="*", metavar="INPUT", help="the articles of the feed, as given to pressfeed run"
    )
    p.add_argument("-o", "--output", required=True, help="the HTML page to write")
    p.add_argument("--title", help="page title (default: the feed's file name)")
    p.set_defaults(func=run)


def _write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to a temporary file beside ``path``, then move it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        temp.write_text(text, encoding="utf-8", newline="\n")
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def run(args) -> int:
    from ..review import build_page
    from ..review.load import build_views, read_feed, read_input_texts

    feed = Path(args.feed)
    if not feed.is_file():
        print(f"pressfeed review: {feed}: no such file", file=sys.stderr)
        return EXIT_USAGE
    records, problems = read_feed(feed)
    wanted = {r["id"] for r in records if not isinstance(r.get("text"), str)}
    texts, input_problems = read_input_texts(args.inputs, wanted) if args.inputs and wanted else ({}, [])
    problems += input_problems
    views = build_views(records, texts)
    page = build_page(views, title=args.title or feed.name, problems=problems)
    _write_atomic(Path(args.output), page)
    for problem in problems:
        print(f"pressfeed review: {problem}", file=sys.stderr)
    missing = sum(v.text is None for v in views)
    print(
        f"pressfeed review: {len(views)} articles ({missing} without text) -> {args.output} "
        f"({len(page.encode('utf-8')) / 1e6:.1f} MB)",
        file=sys.stderr,
    )
    return EXIT_SOME_FAILED if problems else EXIT_OK
