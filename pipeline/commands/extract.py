"""``pressfeed extract``: the record of one article, printed as JSON."""

from __future__ import annotations

import json
import sys

from ..constants import EXIT_FAILED, EXIT_OK, EXIT_USAGE
from ._args import add_model, iso_day, with_published


def register(sub) -> None:
    p = sub.add_parser(
        "extract",
        help="print the record of one article as JSON",
        description="Example: pressfeed extract corpus/kz-afghanistan-working-group.txt "
        "--published 2026-01-28",
    )
    p.add_argument("file", help="a .txt, .html or one-line .jsonl article, or - for standard input")
    p.add_argument("--published", type=iso_day, help="publication date YYYY-MM-DD (overrides metadata)")
    add_model(p)
    p.set_defaults(func=run)


def run(args) -> int:
    from .. import batch
    from ..readers import iter_inputs

    items = list(with_published(iter_inputs([args.file]), args.published, force=True))
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
