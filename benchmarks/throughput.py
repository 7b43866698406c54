"""Throughput and memory of pressfeed against the bare spaCy model (issue 4).

Builds a corpus of N articles by cycling the texts in ``corpus/`` (each copy gets its own id),
then, in one run, times:

  (a) the bare model with all its components through ``nlp.pipe`` (the reference);
  (b) the full pressfeed pipeline (extraction, validation, JSON) on one process and on two;

and prints words per second for each, the ratios (b)/(a) and two-process speed-up, and the peak
memory (proportional set size, summed over all its processes) of a whole ``pressfeed run`` at
two corpus sizes.

    python benchmarks/throughput.py [--articles 1000] [--memory-sizes 1000 10000] [--model NAME]

Figures depend on the machine and its load; nothing here is asserted by the tests.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from itertools import cycle, islice
from pathlib import Path

import psutil
import spacy

from pressfeed import batch
from pressfeed.nlp import DEFAULT_MODEL, build_nlp
from pressfeed.readers import iter_inputs

ROOT = Path(__file__).resolve().parent.parent


def build_articles(count: int) -> list:
    """``count`` articles from corpus/, cycling, each with a unique id."""
    base = [a for a in iter_inputs([str(ROOT / "corpus")]) if hasattr(a, "text")]
    out = []
    for index, article in enumerate(islice(cycle(base), count)):
        meta = type(article.meta)(**{**article.meta.__dict__, "id": f"{article.meta.id}-{index}"})
        out.append(type(article)(meta, article.text))
    return out


def words(articles) -> int:
    return sum(len(a.text.split()) for a in articles)


def time_bare(model: str, articles) -> float:
    nlp = spacy.load(model)
    list(nlp.pipe((a.text for a in articles[:20]), batch_size=64))  # warm up
    start = time.perf_counter()
    for _ in nlp.pipe((a.text for a in articles), batch_size=64):
        pass
    return time.perf_counter() - start


def time_pressfeed(model: str, articles, workers: int) -> float:
    build_nlp(model)
    list(batch.run(articles[:20], model=model))  # warm up this process
    start = time.perf_counter()
    for outcome in batch.run(articles, model=model, workers=workers):
        assert outcome.error is None, outcome.error
    return time.perf_counter() - start


def _proportional_memory(process: psutil.Process) -> int:
    """PSS where the system has it: forked workers share the model's pages, and summing their
    RSS would count those pages once per process."""
    try:
        return process.memory_full_info().pss
    except (AttributeError, psutil.AccessDenied):
        return process.memory_info().rss


def peak_memory(model: str, count: int, workers: int) -> tuple[float, float]:
    """(peak MB of the process tree, seconds) of ``pressfeed run`` over ``count`` articles."""
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "articles.jsonl"
        with source.open("w", encoding="utf-8") as handle:
            for article in build_articles(count):
                handle.write(
                    json.dumps(
                        {"id": article.meta.id, "text": article.text, "published": article.meta.published}
                    )
                    + "\n"
                )
        command = [
            sys.executable,
            "-m",
            "pressfeed",
            "run",
            str(source),
            "-o",
            str(Path(tmp) / "feed.jsonl"),
            "--workers",
            str(workers),
            "--model",
            model,
            "--quiet",
        ]
        start = time.perf_counter()
        process = psutil.Popen(command)
        peak = 0
        while process.poll() is None:
            try:
                tree = [process, *process.children(recursive=True)]
                peak = max(peak, sum(_proportional_memory(p) for p in tree if p.is_running()))
            except psutil.Error:
                pass
            time.sleep(0.2)
        if process.returncode != 0:
            raise SystemExit(f"pressfeed run failed with status {process.returncode}")
        return peak / 2**20, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000, help="0 skips the throughput runs")
    parser.add_argument("--memory-sizes", type=int, nargs="*", default=[1000, 10000])
    parser.add_argument("--memory-workers", type=int, default=2)
    parser.add_argument("--model", default=DEFAULT_MODEL)
    args = parser.parse_args()

    if args.articles:
        report_throughput(args.model, args.articles)
    for size in args.memory_sizes:
        peak, seconds = peak_memory(args.model, size, args.memory_workers)
        print(
            f"peak memory, pressfeed run --workers {args.memory_workers}, {size:>6} articles: "
            f"{peak:7.0f} MB ({seconds:.0f} s)"
        )


def report_throughput(model: str, count: int) -> None:
    articles = build_articles(count)
    total_words = words(articles)
    print(f"corpus: {len(articles)} articles, {total_words} words (cycled from corpus/)")
    bare = time_bare(model, articles)
    one = time_pressfeed(model, articles, workers=1)
    two = time_pressfeed(model, articles, workers=2)
    rows = [
        ("(a) bare model, all components", bare),
        ("(b) pressfeed, 1 process", one),
        ("(b) pressfeed, 2 processes", two),
    ]
    for label, seconds in rows:
        print(f"{label:<34} {seconds:8.1f} s {total_words / seconds:10.0f} words/s")
    print(f"ratio (b) 1 process / (a):        {bare / one:.2f}x")
    print(f"speed-up 2 processes / 1 process: {one / two:.2f}x")


if __name__ == "__main__":
    main()
