"""Load and check the data files shipped in ``pipeline/data``.

Lexicons are TSV files with ``#`` comment lines, then a header row naming the columns. The
loader rejects unknown or missing columns, empty cells and duplicate keys, and names the file
and line of the fault. Loaded tables are cached: each file is read once per process.
"""

from __future__ import annotations

import csv
from functools import cache
from importlib import resources

DATA_PACKAGE = "pressfeed.data"


class DataFileError(ValueError):
    """A data file in ``pipeline/data`` is malformed."""


def data_path(name: str):
    """Return a traversable path to the data file ``name``."""
    return resources.files(DATA_PACKAGE).joinpath(name)


@cache
def read_table(
    name: str, columns: tuple[str, ...], *, key: str | None = None, fold: bool = True
) -> tuple[dict, ...]:
    """Read a TSV lexicon and check it.

    Args:
        name: file name inside ``pipeline/data``.
        columns: the exact header the file must have.
        key: column whose values must be unique (case-insensitive); defaults to the first.
        fold: False when the key's case matters (currency symbols: "P" pula, "p" pence).

    Returns:
        One dict per data row, in file order.

    Raises:
        DataFileError: on a wrong header, a short row, an empty cell or a duplicate key.
    """
    key = key or columns[0]
    rows: list[dict] = []
    seen: dict[str, int] = {}
    header_seen = False
    text = data_path(name).read_text(encoding="utf-8")
    for line_no, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = next(csv.reader([line], delimiter="\t", quoting=csv.QUOTE_NONE))
        if not header_seen:
            if tuple(cells) != columns:
                raise DataFileError(f"{name}:{line_no}: header {cells!r}, expected {list(columns)!r}")
            header_seen = True
            continue
        if len(cells) != len(columns) or any(not c.strip() for c in cells):
            raise DataFileError(f"{name}:{line_no}: expected {len(columns)} non-empty cells: {line!r}")
        row = dict(zip(columns, (c.strip() for c in cells), strict=True))
        folded = row[key].casefold() if fold else row[key]
        if folded in seen:
            raise DataFileError(f"{name}:{line_no}: duplicate {key} {row[key]!r} (line {seen[folded]})")
        seen[folded] = line_no
        rows.append(row)
    if not header_seen:
        raise DataFileError(f"{name}: no header row")
    return tuple(rows)


def read_words(name: str, column: str = "word") -> frozenset[str]:
    """Read a one-column lexicon as a set of case-folded entries."""
    return frozenset(row[column].casefold() for row in read_table(name, (column,)))


def read_mapping(name: str, columns: tuple[str, str]) -> dict[str, str]:
    """Read a two-column lexicon as ``{first.casefold(): second}``."""
    return {row[columns[0]].casefold(): row[columns[1]] for row in read_table(name, columns)}
