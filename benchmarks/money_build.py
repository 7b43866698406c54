"""Build cost of the money finder: lexicons, the regex compile, and matching speed.

    python benchmarks/money_build.py [--repeat N]

Each figure is measured in a fresh interpreter (the tables are cached per process), so "first
use" is what a CLI run pays. Prints seconds; nothing is asserted.
"""

from __future__ import annotations

import argparse
import subprocess
import sys

PROBE = r"""
import re, time
t0 = time.perf_counter()
from pressfeed.extractors import money, currencies
t1 = time.perf_counter()
currencies.currency_forms(); currencies.qualifier_countries()
t2 = time.perf_counter()
rx = money.money_regex()
t3 = time.perf_counter()
text = "The bank lent 6.4 billion tenge (approximately US$12.7 million) to 14 firms in 2025. " * 200
t4 = time.perf_counter()
n = len(money.find_amounts_in_text(text))
t5 = time.perf_counter()
print(f"{t1 - t0:.3f} {t2 - t1:.3f} {t3 - t2:.3f} {len(rx.pattern)} {t5 - t4:.3f} {n}")
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    rows = []
    for _ in range(args.repeat):
        out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True)
        rows.append(out.stdout.split())
    best = [min(float(r[i]) for r in rows) for i in (0, 1, 2, 4)]
    print(
        f"import {best[0]:.3f} s; lexicons {best[1]:.3f} s; regex compile {best[2]:.3f} s "
        f"({rows[0][3]} characters); find_amounts on 17 kB {best[3]:.3f} s ({rows[0][5]} amounts); "
        f"best of {args.repeat}"
    )


if __name__ == "__main__":
    main()
