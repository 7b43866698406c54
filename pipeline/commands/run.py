"""``pressfeed run``: extract a batch of articles into a feed."""

from __future__ import annotations

import sys

from ..constants import DEFAULT_ARTICLE_TIMEOUT, EXIT_USAGE, FORMATS
from ._args import add_model, iso_day, positive


def register(sub) -> None:
    p = sub.add_parser(
        "run",
        help="extract a batch of articles into a feed",
        description="Example: pressfeed run corpus/ -o out/feed.jsonl --workers 2",
    )
    p.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help=".txt/.html/.jsonl files, directories (recursive), globs, or - for stdin",
    )
    p.add_argument(
        "-o", "--output", required=True, help="feed to write (.jsonl, .json feed, CSV dir/, or - for stdout)"
    )
    p.add_argument("--format", choices=FORMATS, help="jsonl, jsonfeed or csv (default: from -o)")
    p.add_argument("--errors", help="error records file (default: OUTPUT.errors.jsonl)")
    p.add_argument("--workers", type=positive, default=1, help="worker processes (default: 1)")
    p.add_argument("--engine", choices=("local", "dask"), default="local", help="local processes or Dask")
    p.add_argument("--scheduler", help="Dask scheduler address (default: a local cluster)")
    p.add_argument("--resume", action="store_true", help="reuse records of unchanged articles in OUTPUT")
    p.add_argument("--with-text", action="store_true", help="store the analysed text in each record")
    p.add_argument("--published", type=iso_day, help="publication date for articles without one")
    p.add_argument(
        "--store", metavar="DB", help="also add each record to this people store (see pressfeed store)"
    )
    add_model(p)
    p.add_argument("--quiet", action="store_true", help="no progress bar and no summary")
    p.add_argument(
        "--article-timeout",
        type=float,
        default=DEFAULT_ARTICLE_TIMEOUT,
        metavar="SECONDS",
        help="time budget per 100,000 characters of an article; past it the article is an error "
        "record (default: %(default)g; 0 for none)",
    )
    p.set_defaults(func=run)


def run(args) -> int:
    from ..feeds import guess_format
    from ..runner import RunOptions, run_feed, usage_problem

    opts = RunOptions(
        inputs=tuple(args.inputs),
        output=args.output,
        fmt=args.format or guess_format(args.output),
        errors=args.errors,
        model=args.model,
        workers=args.workers,
        engine=args.engine,
        scheduler=args.scheduler,
        resume=args.resume,
        published=args.published,
        quiet=args.quiet,
        with_text=args.with_text,
        store=args.store,
        article_timeout=args.article_timeout or None,
    )
    problem = usage_problem(opts)
    if problem:
        print(f"pressfeed run: {problem}", file=sys.stderr)
        return EXIT_USAGE
    return run_feed(opts)
