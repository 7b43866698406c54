"""``pressfeed run``: extract a batch of articles into a feed."""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

from ..constants import EXIT_INTERRUPTED, EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, FACT_TYPES, FORMATS
from ._args import add_model, iso_day, positive, with_published


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
    p.add_argument("-o", "--output", required=True, help="feed to write (.jsonl, .json feed, or CSV dir)")
    p.add_argument("--format", choices=FORMATS, help="jsonl, jsonfeed or csv (default: from -o)")
    p.add_argument("--errors", help="error records file (default: OUTPUT.errors.jsonl)")
    p.add_argument("--workers", type=positive, default=1, help="worker processes (default: 1)")
    p.add_argument("--engine", choices=("local", "dask"), default="local", help="local processes or Dask")
    p.add_argument("--scheduler", help="Dask scheduler address (default: a local cluster)")
    p.add_argument("--resume", action="store_true", help="reuse records of unchanged articles in OUTPUT")
    p.add_argument("--with-text", action="store_true", help="store the analysed text in each record")
    p.add_argument("--published", type=iso_day, help="publication date for articles without one")
    add_model(p)
    p.add_argument("--quiet", action="store_true", help="no progress bar and no summary")
    p.set_defaults(func=run)


def run(args) -> int:
    from tqdm import tqdm

    from .. import batch
    from ..feeds import dumps, guess_format, open_writer
    from ..readers import iter_inputs
    from ..texts import TextQueue, line_with_text, with_text

    fmt = args.format or guess_format(args.output)
    if args.resume and fmt != "jsonl":
        print("pressfeed run: --resume needs a JSON Lines output", file=sys.stderr)
        return EXIT_USAGE
    output = Path(args.output)
    if fmt != "csv":
        output.parent.mkdir(parents=True, exist_ok=True)
    errors_path = Path(args.errors or f"{str(output).rstrip('/')}.errors.jsonl")
    items = with_published(iter_inputs(args.inputs), args.published, force=False)
    texts = TextQueue() if args.with_text else None
    if texts is not None:
        items = texts.watch(items)
    if args.resume:
        items = batch.reuse_unchanged(items, output)
    counts: Counter = Counter()
    facts: Counter = Counter()
    started = time.perf_counter()
    progress = tqdm(unit=" articles", disable=args.quiet or not sys.stderr.isatty(), dynamic_ncols=True)
    outcomes = batch.run(
        items, model=args.model, workers=args.workers, engine=args.engine, scheduler=args.scheduler
    )
    try:
        with (
            open_writer(str(output), fmt, atomic=args.resume) as feed,
            open(errors_path, "w", encoding="utf-8") as errors,
        ):
            for outcome in outcomes:
                progress.update(1)
                text = texts.pop() if texts is not None else None
                if outcome.error is not None:
                    counts["failed"] += 1
                    errors.write(dumps(outcome.error.to_json()) + "\n")
                    errors.flush()
                elif outcome.reused_line is not None:
                    counts["reused"] += 1
                    feed.write_line(line_with_text(outcome.reused_line, text))
                else:
                    counts["ok"] += 1
                    feed.write(with_text(outcome.record, text))
                    facts.update({k: len(outcome.record[k]) for k in FACT_TYPES})
    except KeyboardInterrupt:
        print("pressfeed run: interrupted; the feed holds every article finished so far", file=sys.stderr)
        return EXIT_INTERRUPTED
    finally:
        progress.close()
    elapsed = time.perf_counter() - started
    if not args.quiet:
        total = counts["ok"] + counts["failed"] + counts["reused"]
        rate = total / elapsed if elapsed else 0.0
        print(
            f"pressfeed run: {total} articles: {counts['ok']} extracted, {counts['reused']} reused, "
            f"{counts['failed']} failed (see {errors_path}); {rate:.1f} articles/s",
            file=sys.stderr,
        )
        print("facts: " + ", ".join(f"{k} {facts[k]}" for k in FACT_TYPES), file=sys.stderr)
    return EXIT_SOME_FAILED if counts["failed"] else EXIT_OK
