"""Command line: thin adapters over the library (``pressfeed --help`` lists the commands)."""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from . import batch
from .feeds import FORMATS, dumps, guess_format, open_writer
from .nlp import DEFAULT_MODEL
from .readers import Article, iter_inputs
from .schema import load_schema, validate

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_SOME_FAILED = 0, 1, 2, 3
FACT_TYPES = ("people", "organizations", "locations", "amounts", "quantities", "dates")


def _iso_day(value: str) -> str:
    from datetime import date

    try:
        date.fromisoformat(value)
    except ValueError as err:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date in YYYY-MM-DD form") from err
    return value


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return number


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="pressfeed",
        description="Extract people, roles, organizations, places, money, quantities and dates "
        "from news articles and press releases into schema-validated JSON.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser(
        "extract",
        help="print the record of one article as JSON",
        description="Example: pressfeed extract corpus/kz-afghanistan-working-group.txt "
        "--published 2026-01-28",
    )
    p.add_argument("file", help="a .txt, .html or one-line .jsonl article, or - for standard input")
    p.add_argument("--published", type=_iso_day, help="publication date YYYY-MM-DD (overrides metadata)")
    p.add_argument("--model", default=DEFAULT_MODEL, help="spaCy model package (default: %(default)s)")

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
    p.add_argument("--workers", type=_positive, default=1, help="worker processes (default: 1)")
    p.add_argument("--engine", choices=("local", "dask"), default="local", help="local processes or Dask")
    p.add_argument("--scheduler", help="Dask scheduler address (default: a local cluster)")
    p.add_argument("--resume", action="store_true", help="reuse records of unchanged articles in OUTPUT")
    p.add_argument("--published", type=_iso_day, help="publication date for articles without one")
    p.add_argument("--model", default=DEFAULT_MODEL, help="spaCy model package (default: %(default)s)")
    p.add_argument("--quiet", action="store_true", help="no progress bar and no summary")

    sub.add_parser(
        "schema",
        help="print the record JSON Schema",
        description="Example: pressfeed schema > record.schema.json",
    )

    p = sub.add_parser(
        "validate",
        help="check every record of a JSON Lines feed against the schema",
        description="Example: pressfeed validate out/feed.jsonl",
    )
    p.add_argument("feed", help="a JSON Lines feed written by pressfeed run")

    p = sub.add_parser(
        "eval",
        help="score extraction against gold files (NAME.txt + NAME.gold.json)",
        description="Example: pressfeed eval corpus/",
    )
    p.add_argument("directory", help="folder with NAME.txt, NAME.gold.json and optional NAME.meta.json")
    p.add_argument("--model", default=DEFAULT_MODEL, help="spaCy model package (default: %(default)s)")
    p.add_argument("--details", action="store_true", help="list missed and extra facts")
    p.add_argument("--json", action="store_true", help="print scores as JSON")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except BrokenPipeError:
        return EXIT_OK


def _with_published(items, published: str | None, *, force: bool) -> Iterator:
    for item in items:
        if isinstance(item, Article) and published and (force or not item.meta.published):
            item = replace(item, meta=replace(item.meta, published=published, published_source="metadata"))
        yield item


def cmd_extract(args) -> int:
    items = list(_with_published(iter_inputs([args.file]), args.published, force=True))
    if len(items) != 1:
        print(
            f"pressfeed extract: {args.file} holds {len(items)} articles; use pressfeed run", file=sys.stderr
        )
        return EXIT_USAGE
    outcome = next(batch.run(items, model=args.model))
    if outcome.error is not None:
        e = outcome.error
        print(
            f"pressfeed extract: {e.source}: {e.stage} failed: {e.error_type}: {e.message}", file=sys.stderr
        )
        return EXIT_FAILED
    print(json.dumps(outcome.record, ensure_ascii=False, indent=2))
    return EXIT_OK


def cmd_run(args) -> int:
    from tqdm import tqdm

    fmt = args.format or guess_format(args.output)
    if args.resume and fmt != "jsonl":
        print("pressfeed run: --resume needs a JSON Lines output", file=sys.stderr)
        return EXIT_USAGE
    output = Path(args.output)
    if fmt != "csv":
        output.parent.mkdir(parents=True, exist_ok=True)
    errors_path = Path(args.errors or f"{str(output).rstrip('/')}.errors.jsonl")
    items = _with_published(iter_inputs(args.inputs), args.published, force=False)
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
                if outcome.error is not None:
                    counts["failed"] += 1
                    errors.write(dumps(outcome.error.to_json()) + "\n")
                    errors.flush()
                elif outcome.reused_line is not None:
                    counts["reused"] += 1
                    feed.write_line(outcome.reused_line)
                else:
                    counts["ok"] += 1
                    feed.write(outcome.record)
                    facts.update({k: len(outcome.record[k]) for k in FACT_TYPES})
    except KeyboardInterrupt:
        print("pressfeed run: interrupted; the feed holds every article finished so far", file=sys.stderr)
        return 130
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


def cmd_schema(args) -> int:
    print(json.dumps(load_schema(), indent=2, ensure_ascii=False))
    return EXIT_OK


def cmd_validate(args) -> int:
    path = Path(args.feed)
    if not path.is_file():
        print(f"pressfeed validate: {path}: no such file", file=sys.stderr)
        return EXIT_USAGE
    bad = total = 0
    with path.open(encoding="utf-8") as handle:
        for line_no, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            total += 1
            try:
                problems = validate(json.loads(line))
            except json.JSONDecodeError as err:
                problems = [f"malformed JSON: {err}"]
            for problem in problems[:5]:
                print(f"{path}:{line_no}: {problem}")
            bad += bool(problems)
    print(f"{total} records, {total - bad} valid, {bad} invalid")
    return EXIT_OK if bad == 0 else EXIT_FAILED


def cmd_eval(args) -> int:
    from .evaluate import Score, format_table, gold_files, load_gold, score_record

    directory = Path(args.directory)
    pairs = gold_files(directory) if directory.is_dir() else []
    if not pairs:
        print(f"pressfeed eval: no NAME.txt + NAME.gold.json pairs in {directory}", file=sys.stderr)
        return EXIT_USAGE
    scores: dict[str, Score] = {}
    failures = 0
    items = [item for text, _ in pairs for item in iter_inputs([str(text)])]
    for (text, gold_path), outcome in zip(pairs, batch.run(items, model=args.model), strict=True):
        if outcome.error is not None:
            print(f"pressfeed eval: {text}: {outcome.error.message}", file=sys.stderr)
            failures += 1
            continue
        score_record(outcome.record, load_gold(gold_path), scores, text.stem)
    if args.json:
        print(
            json.dumps(
                {
                    k: {
                        "precision": s.precision,
                        "recall": s.recall,
                        "f1": s.f1,
                        "tp": s.tp,
                        "fp": s.fp,
                        "fn": s.fn,
                    }
                    for k, s in scores.items()
                },
                indent=2,
            )
        )
    else:
        print(format_table(scores, len(pairs) - failures))
        if failures:
            print(f"{failures} of {len(pairs)} articles failed and are not scored")
    if args.details:
        for kind, s in scores.items():
            for miss in s.misses:
                print(f"MISS  {kind:<13} {miss}")
            for extra in s.extras:
                print(f"EXTRA {kind:<13} {extra}")
    return EXIT_SOME_FAILED if failures else EXIT_OK


COMMANDS = {
    "extract": cmd_extract,
    "run": cmd_run,
    "schema": cmd_schema,
    "validate": cmd_validate,
    "eval": cmd_eval,
}
