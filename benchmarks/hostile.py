"""Hostile and huge inputs: time against bare spaCy and peak memory (issue 10).

For each input of a table (repeated dates, repeated amounts, deep parentheses, a chained date
range, hyphen-joined title words, a 5 MB article), one child process per input times

  (a) bare spaCy: the model as loaded (all its components), ``nlp.pipe`` over 100,000-character
      pieces of the text (pressfeed's own pieces are also capped at 12,000 tokens);
  (b) pressfeed: the whole extraction of the article through ``batch.run`` (pieces, records,
      validation), with ``--article-timeout`` off so that the figure is the true cost;

and prints the ratio (b)/(a), the peak resident memory of the child (model included) and the
outcome (record or error). The issue's bar: ratio <= 3 and peak <= 600 MB. An input whose child
runs past ``--limit`` seconds is stopped and shown as such.

    python benchmarks/hostile.py [--only NAME ...] [--limit 600] [--model NAME]

Figures depend on the machine and its load; nothing here is asserted by the tests.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from itertools import cycle
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WARM_UP = ROOT / "corpus" / "kz-afghanistan-working-group.txt"


def _title_words() -> str:
    words = ["Minister", "Deputy", "Chairman", "Director", "Ambassador", "Secretary", "President"]
    text = "-".join(w for _, w in zip(range(100_000), cycle(words)))
    return text[: text.rfind("-", 0, 880_000)]


def _big_article() -> str:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus").glob("*.txt"))]
    out, size = [], 0
    for text in cycle(texts):
        out.append(text)
        size += len(text) + 2
        if size >= 5_000_000:
            return "\n\n".join(out)
    raise AssertionError("unreachable")


INPUTS = {
    "dates 540 KB 'Jan. 28, '": lambda: "Jan. 28, " * 60_000,
    "money 300 KB '$1 '": lambda: "$1 " * 100_000,
    "parentheses 100,000 deep": lambda: (
        "The National Space Agency " + "(" * 100_000 + "NSA" + ")" * 100_000 + " met."
    ),
    "chained range of 14 days": lambda: (
        "The fair runs " + " - ".join(f"May {d}" for d in range(1, 15)) + ", 2026."
    ),
    "title words 880 KB hyphenated": _title_words,
    "article 5 MB (corpus cycled)": _big_article,
}

CHILD = r"""
import json, resource, sys, time
from pressfeed.pieces import split_pieces

path, model, mode, warm = sys.argv[1:5]
text = open(path, encoding="utf-8").read()
warm = open(warm, encoding="utf-8").read()  # a real article: loads every lazy table before timing
if mode == "bare":
    import spacy

    pieces = [p for _, p in split_pieces(text, 100_000, max_tokens=len(text) + 1)]  # 100,000 characters
    nlp = spacy.load(model)
    nlp.max_length = max(nlp.max_length, max(len(p) for p in pieces) + 1)
    list(nlp.pipe([warm]))
    start = time.perf_counter()
    for _ in nlp.pipe(pieces, batch_size=8):
        pass
    print(json.dumps({"seconds": time.perf_counter() - start}))
    sys.exit(0)
from pressfeed import batch
from pressfeed.core import Meta
from pressfeed.readers import Article

def run(article):
    try:
        return list(batch.run([article], model=model, article_timeout=None))
    except TypeError:  # before --article-timeout existed
        return list(batch.run([article], model=model))

run(Article(Meta(id="warm", published="2026-01-28"), warm))
start = time.perf_counter()
(outcome,) = run(Article(Meta(id="hostile", published="2026-01-28"), text))
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
if outcome.error is not None:
    result = f"error {outcome.error.error_type}: {outcome.error.message[:60]}"
else:
    r = outcome.record
    result = f"{len(r['dates'])} dates, {len(r['amounts'])} amounts, {len(r['organizations'])} orgs"
    if r["dates"]:
        result += f", first date {r['dates'][0]['value']}"
print(json.dumps({"seconds": seconds, "peak_mb": peak, "result": result}))
"""


def measure(path: Path, mode: str, model: str, limit: float) -> dict | None:
    """Figures of one child process (``mode`` bare or ours), None when it ran past ``limit``."""
    try:
        done = subprocess.run(
            [sys.executable, "-c", CHILD, str(path), model, mode, str(WARM_UP)],
            capture_output=True,
            text=True,
            timeout=limit,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return None
    if done.returncode != 0:
        raise SystemExit(f"{path}: {mode} child failed:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    from pressfeed.constants import DEFAULT_MODEL

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", nargs="*", help="names (or parts of names) of inputs to run")
    parser.add_argument("--limit", type=float, default=600.0, help="seconds before a child is stopped")
    parser.add_argument("--model", default=DEFAULT_MODEL)
    args = parser.parse_args()
    print(f"{'input':<32} {'chars':>9} {'spaCy s':>8} {'ours s':>8} {'ratio':>6} {'peak MB':>8}  outcome")
    with tempfile.TemporaryDirectory() as tmp:
        for name, make in INPUTS.items():
            if args.only and not any(part in name for part in args.only):
                continue
            text = make()
            path = Path(tmp) / "input.txt"
            path.write_text(text, encoding="utf-8")
            bare = measure(path, "bare", args.model, args.limit)
            ours = measure(path, "ours", args.model, args.limit)
            bare_s = f"{bare['seconds']:8.1f}" if bare else f"{'>' + str(int(args.limit)):>8}"
            if ours is None:
                print(
                    f"{name:<32} {len(text):>9} {bare_s} {'>' + str(int(args.limit)):>8}  stopped", flush=True
                )
                continue
            if bare is None:  # bare spaCy ran past the limit: the ratio is at most this
                ratio = f"<{ours['seconds'] / args.limit:.2f}"
            else:
                ratio = f"{ours['seconds'] / bare['seconds']:.2f}" if bare["seconds"] else "nan"
            print(
                f"{name:<32} {len(text):>9} {bare_s} {ours['seconds']:8.1f} {ratio:>6} "
                f"{ours['peak_mb']:8.0f}  {ours['result']}",
                flush=True,
            )


if __name__ == "__main__":
    main()
