"""The batch run behind ``pressfeed run``: inputs -> feed and errors file, with progress.

Nothing is lost and nothing is damaged: the feed and errors file are written beside their
targets and moved over them at the end or at Ctrl-C (:func:`pressfeed.feeds.open_feed`); an
interrupted ``--resume`` keeps the earlier feed's records it had not reached yet; every input
yields a record or an error record. Progress and the summary go to standard error only.
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from . import batch
from .commands._args import with_published
from .constants import EXIT_INTERRUPTED, EXIT_OK, EXIT_SOME_FAILED, FACT_TYPES
from .feeds import dumps, open_feed
from .readers import NO_ARTICLES, count_inputs, folders_without_articles, iter_inputs
from .resume import Keyed, build_key, read_old_feed, reuse_unchanged
from .store.hook import StoreHook
from .texts import line_with_text, with_text


@dataclass(frozen=True)
class RunOptions:
    """What ``pressfeed run`` was asked to do (the command line's options, checked)."""

    inputs: tuple[str, ...]
    output: str
    fmt: str
    errors: str | None
    model: str
    workers: int = 1
    engine: str = "local"
    scheduler: str | None = None
    resume: bool = False
    published: str | None = None
    quiet: bool = False
    with_text: bool = False
    store: str | None = None  # a people store that gets every record written (pressfeed store)
    article_timeout: float | None = None


def usage_problem(opts: RunOptions) -> str | None:
    """Why these options cannot run together, or None."""
    if opts.scheduler and opts.engine != "dask":
        return "--scheduler needs --engine dask"
    if opts.output == "-" and opts.fmt == "csv":
        return "CSV tables need a folder: -o DIR/ (standard output takes jsonl or jsonfeed)"
    if opts.resume and (opts.fmt != "jsonl" or opts.output == "-"):
        return "--resume needs a JSON Lines feed file as -o"
    empty = folders_without_articles(list(opts.inputs))
    if empty:
        return f"{empty[0]}: {NO_ARTICLES}; name article files or another folder"
    return None


def errors_path(opts: RunOptions) -> str | None:
    """The errors file: --errors, else OUTPUT.errors.jsonl; with -o - and no --errors, None
    (each error is then a line on standard error)."""
    if opts.errors:
        return opts.errors
    return None if opts.output == "-" else f"{opts.output.rstrip('/')}.errors.jsonl"


class Progress:
    """A bar on standard error: per article, advanced in steps by the pieces of a long one."""

    def __init__(self, total: int | None, *, enabled: bool, stream: TextIO):
        from tqdm import tqdm

        # whole articles shown, though a long one's pieces advance the bar in fractions
        shape = "{l_bar}{bar}| {n:.0f}/{total_fmt} [{elapsed}<{remaining}, {rate_fmt}]" if total else None
        self.bar = tqdm(
            total=total,
            unit=" articles",
            disable=not enabled,
            file=stream,
            dynamic_ncols=True,
            bar_format=shape,
        )
        self.partial = 0.0

    def piece(self, done: int, total: int) -> None:
        step = done / total - self.partial
        self.partial += step
        self.bar.update(step)

    def article(self) -> None:
        self.bar.update(1 - self.partial)
        self.partial = 0.0

    def close(self) -> None:
        self.bar.close()


@dataclass
class Tally:
    counts: Counter
    facts: Counter
    written: set


def run_feed(opts: RunOptions, *, stderr: TextIO | None = None) -> int:
    """Run the batch; returns the exit status. Raises :class:`pressfeed.errors.PressfeedError`
    for a failure of the whole run (model, scheduler, output), before or while writing."""
    stderr = stderr or sys.stderr
    errors = errors_path(opts)
    exclude = frozenset(Path(p).resolve() for p in (opts.output, errors) if p and p != "-")
    old = read_old_feed(Path(opts.output)) if opts.resume else {}
    key = build_key(opts.model, opts.published)
    items = with_published(iter_inputs(list(opts.inputs), exclude=exclude), opts.published, force=False)
    keyed = Keyed(items, key)
    stream = reuse_unchanged(keyed, old, key) if opts.resume else keyed
    total = count_inputs(list(opts.inputs), exclude=exclude)
    progress = Progress(total, enabled=not opts.quiet and stderr.isatty(), stream=stderr)
    tally = Tally(Counter(), Counter(), set())
    started = time.perf_counter()
    outcomes = batch.run(
        stream,
        model=opts.model,
        workers=opts.workers,
        engine=opts.engine,
        scheduler=opts.scheduler,
        article_timeout=opts.article_timeout,
        on_piece=progress.piece,
    )
    try:
        with (
            open_feed(opts.output, opts.fmt, errors=errors) as (feed, errors_file),
            StoreHook(opts.store, prog="pressfeed run") as store,
        ):
            try:
                sinks = (feed, errors_file, store, opts.with_text)
                _write_all(outcomes, keyed, sinks, tally, progress, stderr)
            except KeyboardInterrupt:
                kept = _keep_unreached(old, tally.written, feed)
                progress.close()
                print(_interrupted_message(opts, tally.counts, kept), file=stderr)
                raise
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    finally:
        progress.close()
    if not opts.quiet:
        _summary(tally, errors, time.perf_counter() - started, stderr)
    return EXIT_SOME_FAILED if tally.counts["failed"] else EXIT_OK


def _write_all(outcomes, keyed: Keyed, sinks, tally: Tally, progress: Progress, stderr) -> None:
    feed, errors_file, store, store_text = sinks
    for outcome in outcomes:
        resume_key, text = keyed.next_key()
        text = text if store_text else None
        progress.article()
        if outcome.error is not None:
            tally.counts["failed"] += 1
            if errors_file is not None:
                errors_file.write(dumps(outcome.error.to_json()) + "\n")
            else:
                e = outcome.error
                print(f"pressfeed run: {e.id}: {e.stage} failed: {e.error_type}: {e.message}", file=stderr)
        elif outcome.reused_line is not None:
            tally.counts["reused"] += 1
            feed.write_line(line_with_text(outcome.reused_line, text))
            store.add_line(outcome.reused_line)
        else:
            tally.counts["ok"] += 1
            record = outcome.record
            record["source"]["resume_key"] = resume_key
            feed.write(with_text(record, text), outcome.text)
            store.add(record)
            tally.facts.update({k: len(record[k]) for k in FACT_TYPES})
        tally.written.add(_written_id(outcome))


def _written_id(outcome) -> str | None:
    if outcome.record is not None:
        return outcome.record["id"]
    if outcome.reused_line is not None:
        return json.loads(outcome.reused_line)["id"]
    return None


def _keep_unreached(old: dict[str, tuple[str | None, str]], written: set, feed) -> int:
    """At an interrupt, the earlier feed's records this run had not reached go on in the feed."""
    kept = 0
    for article_id, (_, line) in old.items():
        if article_id not in written:
            feed.write_line(line)
            kept += 1
    return kept


def _interrupted_message(opts: RunOptions, counts: Counter, kept: int) -> str:
    done = f"{counts['ok']} extracted, {counts['reused']} reused, {counts['failed']} failed"
    if opts.output == "-":
        return f"pressfeed run: interrupted after {done}; standard output holds those records"
    earlier = f", plus {kept} kept from the earlier feed" if kept else ""
    return (
        f"pressfeed run: interrupted: {opts.output} holds every record finished so far ({done}{earlier}); "
        f"run again with --resume to finish the rest"
    )


def _summary(tally: Tally, errors: str | None, elapsed: float, stderr: TextIO) -> None:
    counts, facts = tally.counts, tally.facts
    total = counts["ok"] + counts["failed"] + counts["reused"]
    rate = total / elapsed if elapsed else 0.0
    where = f" (see {errors})" if errors else ""
    print(
        f"pressfeed run: {total} articles: {counts['ok']} extracted, {counts['reused']} reused, "
        f"{counts['failed']} failed{where}; {rate:.1f} articles/s",
        file=stderr,
    )
    print("facts: " + ", ".join(f"{k} {facts[k]}" for k in FACT_TYPES), file=stderr)
