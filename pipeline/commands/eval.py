"""``pressfeed eval``: score extraction against gold files, every field, overall or per style."""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from ..constants import EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE
from ._args import add_model


def register(sub) -> None:
    p = sub.add_parser(
        "eval",
        help="score extraction against gold files (NAME.txt + NAME.gold.json), every field",
        description="Examples: pressfeed eval corpus/; pressfeed eval corpus/ --by style; "
        "pressfeed eval corpus/heldout/ --by style --json",
    )
    p.add_argument("directory", help="folder with NAME.txt, NAME.gold.json and optional NAME.meta.json")
    add_model(p)
    p.add_argument("--by", choices=("style",), help="one column per style (styles from INDEX.tsv)")
    p.add_argument("--details", action="store_true", help="list missed and extra facts")
    p.add_argument("--json", action="store_true", help="print scores as JSON")
    p.set_defaults(func=run)


def run(args) -> int:
    from .. import batch
    from ..evaluate import (
        format_by_style,
        format_table,
        gold_files,
        load_gold,
        load_index,
        score_article,
        total,
    )
    from ..readers import iter_inputs

    directory = Path(args.directory)
    pairs = gold_files(directory) if directory.is_dir() else []
    if not pairs:
        print(f"pressfeed eval: no NAME.txt + NAME.gold.json pairs in {directory}", file=sys.stderr)
        return EXIT_USAGE
    index = load_index(directory)
    by_style: dict[str, list] = {}
    counts: Counter = Counter()
    failures = 0
    items = [item for text, _ in pairs for item in iter_inputs([str(text)])]
    for (text, gold_path), outcome in zip(pairs, batch.run(items, model=args.model), strict=True):
        if outcome.error is not None:
            print(f"pressfeed eval: {text}: {outcome.error.message}", file=sys.stderr)
            failures += 1
            continue
        style = index.get(text.stem, {}).get("style", "unindexed") if args.by else "all"
        by_style.setdefault(style, []).append(score_article(outcome.record, load_gold(gold_path), text.stem))
        counts[style] += 1
    styles = {style: total(scores) for style, scores in by_style.items()}
    overall = total(styles.values())
    if args.json:
        doc = {"articles": sum(counts.values()), "fields": {k: s.to_json() for k, s in overall.items()}}
        if args.by:
            doc["by_style"] = {
                style: {"articles": counts[style], "fields": {k: s.to_json() for k, s in fields.items()}}
                for style, fields in sorted(styles.items())
            }
        print(json.dumps(doc, indent=2))
    else:
        print(format_by_style(styles, counts) if args.by else format_table(overall, sum(counts.values())))
        if failures:
            print(f"{failures} of {len(pairs)} articles failed and are not scored")
    if args.details:
        for kind, s in overall.items():
            for miss in s.misses:
                print(f"MISS  {kind:<22} {miss}")
            for extra in s.extras:
                print(f"EXTRA {kind:<22} {extra}")
    return EXIT_SOME_FAILED if failures else EXIT_OK
