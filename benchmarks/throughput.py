"""Start-up, throughput and memory of pressfeed against the bare spaCy model (issues 4 and 15).

Builds a batch of N articles by cycling the texts in ``corpus/`` (each copy gets its own id),
then prints, in one run:

  - words/s of (a) the bare full model through ``nlp.pipe`` (every component on), (d) the bare
    model with the components pressfeed keeps (the parser and lemmatizer off: the most pressfeed
    could run at, were its own work free), (c) the same
    model with exactly the components pressfeed runs (``build_nlp``: parser off, sentencizer,
    pressfeed's own components) but no extraction, and (b) pressfeed itself (extraction,
    validation, JSON) on one process and on two; the ratios b/a and b/c, pressfeed's own share
    of the time ((b - c) / c), and the two-worker speed-up, on N articles and on a small batch;
  - the cold start: one-article ``pressfeed extract`` against a bare ``spacy.load`` plus
    ``nlp(text)``, both as fresh processes, and ``pressfeed --help``;
  - the peak memory of ``pressfeed run --workers 2`` (per process and summed, proportional set
    size) at the memory sizes asked;
  - where pressfeed's own time goes: the top 10 pressfeed functions by own time (cProfile).

    python benchmarks/throughput.py [--articles 1000] [--memory-sizes 1000 10000] [--model NAME]

Figures depend on the machine and its load; nothing here is asserted by the tests.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import statistics
import subprocess
import sys
import tempfile
import time
from functools import partial
from itertools import cycle, islice
from pathlib import Path

import psutil
import spacy

from pressfeed import batch
from pressfeed.core import extract_doc
from pressfeed.nlp import DEFAULT_MODEL, SKIPPED, build_nlp, lemma
from pressfeed.readers import iter_inputs

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "corpus" / "kz-afghanistan-working-group.txt"


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


def _time_pipe(nlp, articles) -> float:
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


def report_throughput(model: str, count: int, small: int, rounds: int) -> None:
    """Each figure the best of ``rounds`` taken in turn (a, d, c, b, two workers; then again): a
    shared machine's speed drifts over minutes, and one pass in a row would charge the drift to
    whichever ran last."""
    articles = build_articles(count)
    total_words = words(articles)
    print(f"batch: {len(articles)} articles, {total_words} words (cycled from corpus/), best of {rounds}")
    bare_nlp = spacy.load(model)
    # the model's own components that pressfeed keeps (parser, lemmatizer... off), nothing else
    kept_nlp = spacy.load(model, disable=[name for name in SKIPPED if name in bare_nlp.pipe_names])
    timings = [
        (
            _time_pipe(bare_nlp, articles),
            _time_pipe(kept_nlp, articles),
            _time_pipe(build_nlp(model), articles),
            time_pressfeed(model, articles, workers=1),
            time_pressfeed(model, articles, workers=2),
        )
        for _ in range(rounds)
    ]
    bare, kept, components, one, two = (min(column) for column in zip(*timings, strict=True))
    rows = [
        ("(a) bare model, all components", bare),
        ("(d) bare model, the components kept", kept),
        ("(c) model with pressfeed's components", components),
        ("(b) pressfeed, 1 process", one),
        ("(b) pressfeed, 2 processes", two),
    ]
    for label, seconds in rows:
        print(f"{label:<40} {seconds:8.1f} s {total_words / seconds:10.0f} words/s")
    print(f"ratio d/a (the most b/a can be):          {bare / kept:.2f}x")
    print(f"ratio b/a (1 process, words/s):           {bare / one:.2f}x")
    print(f"ratio b/c (1 process, words/s):           {components / one:.2f}x")
    print(f"pressfeed's own work, (b - c) / c:        {(one - components) / components:.0%}")
    print(f"speed-up, 2 processes / 1 ({count} articles): {one / two:.2f}x")
    few = articles[:small]
    one_small, two_small = time_pressfeed(model, few, workers=1), time_pressfeed(model, few, workers=2)
    print(f"speed-up, 2 processes / 1 ({small} articles):  {one_small / two_small:.2f}x")


def _best_of(command: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return min(times)


def _compile_bytecode() -> bool:
    """Compile pressfeed's modules to bytecode, as ``pip install`` does for an installed package.

    spaCy's modules were compiled when it was installed; an editable pressfeed under
    ``PYTHONDONTWRITEBYTECODE`` would parse all of its source on every start instead (about
    0.06 s here), which is no cost of pressfeed itself. False when the folder is read-only.
    """
    import compileall

    import pressfeed

    return bool(compileall.compile_dir(Path(pressfeed.__file__).parent, quiet=2))


def report_cold(model: str, runs: int) -> None:
    compiled = _compile_bytecode()
    bare_code = (
        "import sys, spacy; nlp = spacy.load(sys.argv[1]); nlp(open(sys.argv[2], encoding='utf-8').read())"
    )
    bare = _best_of([sys.executable, "-c", bare_code, model, str(REFERENCE)], runs)
    cold = _best_of([sys.executable, "-m", "pressfeed", "extract", str(REFERENCE), "--model", model], runs)
    helps = [
        _best_of([sys.executable, "-m", "pressfeed", *sub, "--help"], runs)
        for sub in ([], ["run"], ["extract"], ["eval"], ["validate"])
    ]
    print(f"cold: bare spacy.load + nlp(text)        {bare:6.2f} s (best of {runs})")
    print(f"cold: pressfeed extract (one article)     {cold:6.2f} s  ratio {cold / bare:.2f}x")
    state = "compiled first, as an install does" if compiled else "NOT compiled"
    print(f"      (pressfeed's bytecode {state})")
    print(f"pressfeed --help (slowest command help)  {max(helps):6.2f} s")


def _proportional_memory(process: psutil.Process) -> int:
    """PSS where the system has it: forked workers share the model's pages, and summing their
    RSS would count those pages once per process."""
    try:
        return process.memory_full_info().pss
    except (AttributeError, psutil.AccessDenied):
        return process.memory_info().rss


def peak_memory(model: str, count: int, workers: int) -> tuple[float, float, float]:
    """(peak MB of the process tree, peak MB of one process, seconds) of ``pressfeed run``."""
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "batch.jsonl"
        with source.open("w", encoding="utf-8") as handle:
            for article in build_articles(count):
                line = {"id": article.meta.id, "text": article.text, "published": article.meta.published}
                handle.write(json.dumps(line) + "\n")
        command = [sys.executable, "-m", "pressfeed", "run", str(source), "-o", str(Path(tmp) / "feed.jsonl")]
        command += ["--workers", str(workers), "--model", model, "--quiet"]
        start = time.perf_counter()
        process = psutil.Popen(command)
        peak = peak_one = 0
        while process.poll() is None:
            try:
                sizes = [_proportional_memory(p) for p in (process, *process.children(recursive=True))]
                peak, peak_one = max(peak, sum(sizes)), max(peak_one, *sizes)
            except psutil.Error:
                pass
            time.sleep(0.2)
        if process.returncode != 0:
            raise SystemExit(f"pressfeed run failed with status {process.returncode}")
        return peak / 2**20, peak_one / 2**20, time.perf_counter() - start


def report_profile(model: str, count: int) -> None:
    """Top 10 pressfeed functions by own time, over ``count`` articles (model time excluded)."""
    nlp = build_nlp(model)
    articles = build_articles(count)
    docs = list(nlp.pipe(a.text for a in articles))
    profiler = cProfile.Profile()
    profiler.enable()
    for doc, article in zip(docs, articles, strict=True):
        extract_doc(doc, article.meta, lemmatize=partial(lemma, nlp=nlp)).to_json()
    profiler.disable()
    stats = pstats.Stats(profiler)
    own = [(v[2], v[3], k) for k, v in stats.stats.items() if "pipeline" in k[0] or "pressfeed" in k[0]]
    total = sum(t for t, _, _ in own)
    print(f"profile: pressfeed's own functions over {count} articles, {total:.2f} s own time; top 10:")
    for tottime, cumtime, (path, line, name) in sorted(own, reverse=True)[:10]:
        where = f"{Path(path).parent.name}/{Path(path).name}:{line}"
        print(f"  {tottime:6.3f} s own {cumtime:6.3f} s cum  {name}  ({where})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000, help="0 skips the throughput runs")
    parser.add_argument("--small", type=int, default=33, help="the small batch for the speed-up check")
    parser.add_argument("--rounds", type=int, default=2, help="throughput rounds, the best of each kept")
    parser.add_argument("--memory-sizes", type=int, nargs="*", default=[1000, 10000])
    parser.add_argument("--memory-workers", type=int, default=2)
    parser.add_argument("--cold-runs", type=int, default=3)
    parser.add_argument("--profile-articles", type=int, default=200)
    parser.add_argument("--model", default=DEFAULT_MODEL)
    args = parser.parse_args()

    report_cold(args.model, args.cold_runs)
    if args.articles:
        report_throughput(args.model, args.articles, args.small, args.rounds)
    for size in args.memory_sizes:
        peak, one, seconds = peak_memory(args.model, size, args.memory_workers)
        print(
            f"peak memory, pressfeed run --workers {args.memory_workers}, {size:>6} articles: "
            f"{peak:6.0f} MB in all, {one:5.0f} MB the largest process ({seconds:.0f} s)"
        )
    if args.profile_articles:
        report_profile(args.model, args.profile_articles)
    print(f"machine load average: {statistics.mean(psutil.getloadavg()):.1f} (2 cores)")


if __name__ == "__main__":
    main()
