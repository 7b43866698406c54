"""``pressfeed eval``: score extraction against gold files."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from ..constants import EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE
from ._args import add_model


def register(sub) -> None:
    p = sub.add_parser(
        "eval",
        help="score extraction against gold files (NAME.txt + NAME.gold.json)",
        description="Example: pressfeed eval corpus/",
    )
    p.add_argument("directory", help="folder with NAME.txt, NAME.gold.json and optional NAME.meta.json")
    add_model(p)
    p.add_argument("--details", action="store_true", help="list missed and extra facts")
    p.add_argument("--json", action="store_true", help="print scores as JSON")
    p.set_defaults(func=run)


def run(args) -> int:
    from .. import batch
    from ..evaluate import Score, format_table, gold_files, load_gold, score_record
    from ..readers import iter_inputs

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
        fields = ("precision", "recall", "f1", "tp", "fp", "fn")
        print(json.dumps({k: {f: getattr(s, f) for f in fields} for k, s in scores.items()}, indent=2))
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
