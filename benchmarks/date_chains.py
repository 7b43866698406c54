"""Time to read chained date ranges ("May 1 - May 2 - ... - May N, 2026"), as one expression
and inside an article, for growing N: the figures should grow linearly.

    python benchmarks/date_chains.py [--lengths 3 14 30 100 300]

A range is split once, at one connector (``pipeline/extractors/dates/ranges.py``), so a chain
of three or more dates is no range: the expression has no value and the article lists each
date. Nothing here is asserted by the tests.
"""

from __future__ import annotations

import argparse
import time
from datetime import date

from pressfeed import Meta, build_nlp, extract
from pressfeed.extractors.dates import parse_date

BASE = date(2026, 1, 28)


def chain(n: int) -> str:
    return " - ".join(f"May {i % 28 + 1}" for i in range(n)) + ", 2026"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lengths", type=int, nargs="*", default=[3, 14, 30, 100, 300])
    args = parser.parse_args()
    nlp = build_nlp()
    parse_date(chain(2), base=BASE)  # tables and patterns built once, outside the timings
    extract("Warm-up on May 1, 2026.", Meta(id="warm", published=BASE.isoformat()), nlp=nlp)
    print(
        f"{'items':>6} {'chars':>6} {'parse ms':>9} {'value':>26} {'extract ms':>11} {'dates':>6} {'ms/item':>8}"
    )
    for n in args.lengths:
        text = chain(n)
        start = time.perf_counter()
        value = parse_date(text, base=BASE)
        parsed = (time.perf_counter() - start) * 1000
        start = time.perf_counter()
        record = extract(
            f"Ballots are counted {text}.", Meta(id=f"c{n}", published=BASE.isoformat()), nlp=nlp
        )
        extracted = (time.perf_counter() - start) * 1000
        shown = value.value if value else "none"
        print(
            f"{n:>6} {len(text):>6} {parsed:>9.2f} {shown:>26} {extracted:>11.1f} {len(record.dates):>6} {extracted / n:>8.2f}"
        )


if __name__ == "__main__":
    main()
