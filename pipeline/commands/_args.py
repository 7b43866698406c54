"""Argument types and options shared by several commands."""

from __future__ import annotations

import argparse
from datetime import date

from ..constants import DEFAULT_MODEL


def iso_day(value: str) -> str:
    """An argparse type: a date in ``YYYY-MM-DD`` form.

    >>> iso_day("2026-01-28")
    '2026-01-28'
    """
    try:
        date.fromisoformat(value)
    except ValueError as err:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date in YYYY-MM-DD form") from err
    return value


def positive(value: str) -> int:
    """An argparse type: an integer of 1 or more."""
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return number


def add_model(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--model", default=DEFAULT_MODEL, help="spaCy model package (default: %(default)s)")


def with_published(items, published: str | None, *, force: bool):
    """Give articles without a publication date (or all, with ``force``) the date ``published``."""
    from dataclasses import replace

    from ..readers import Article

    for item in items:
        if isinstance(item, Article) and published and (force or not item.meta.published):
            item = replace(item, meta=replace(item.meta, published=published, published_source="metadata"))
        yield item
