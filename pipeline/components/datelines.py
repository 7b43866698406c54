"""Datelines: the place (and date) a release says it comes from, in every layout of
``data/datelines.jsonl``.

The file holds named regex fragments (``{"fragment": "PLACE", ...}``) and dateline forms
(``{"id": "dateline.dash", ...}``) built from them: a dateline opening the first paragraph
("ALMATY –", "LAGOS, Nigeria, June 10, 2025 /PRNewswire/ --", "LONDON (Reuters) -"), one
closed by a colon ("Bengaluru, January 15, 2026:"), the date first ("November 20, 2025 –
Ottawa, Ontario –"), the city and date alone on a line ("Brussels, 4 March 2026") or the city
line of a header block above its date line. Forms name their parts with the groups ``place``,
``region`` (a state, province or country after the city), ``date`` and ``office`` (the issuing
office a header line names after the dateline). Every fragment and form
carries ``examples`` and ``not``, run as tests; the loader rejects unknown keys, duplicate
names and unknown fragments, naming ``file:line``. :func:`find_dateline` is pure: lines in,
the first dateline out.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache

import srsly

from ..compiled import compiled
from ..resources import DataFileError, data_path

DATELINE_FILE = "datelines.jsonl"
FRAGMENT_KEYS = frozenset({"fragment", "pattern", "examples", "not", "comment"})
FORM_KEYS = frozenset({"id", "pattern", "known_place", "next", "examples", "not", "evidence", "comment"})
PARTS = ("place", "region", "date", "office")
# Latin letters of every script the corpus writes place names in (WROCŁAW, İzmir, Hà Nội):
# Basic Latin to Latin Extended-B, and Latin Extended Additional (Vietnamese).
_LATIN = [chr(c) for c in (*range(0x41, 0x250), *range(0x1E00, 0x1F00))]


@dataclass(frozen=True)
class DatelineForm:
    """One validated form: its regex, the pattern its next line must match, if any."""

    id: str
    regex: re.Pattern
    next: re.Pattern | None
    known_place: bool
    examples: tuple
    negatives: tuple
    source: str


@dataclass(frozen=True)
class DatelineMatch:
    """A dateline found on ``line`` (an index into the lines searched): character ranges
    inside that line of the whole dateline, its place, and its region, date and issuing
    office when given."""

    form: str
    line: int
    dateline: tuple[int, int]
    place: tuple[int, int]
    region: tuple[int, int] | None = None
    date: tuple[int, int] | None = None
    office: tuple[int, int] | None = None


def _class(chars: list[str]) -> str:
    """Character-class contents (no brackets) for ``chars``, escaped."""
    return "".join(re.escape(c) for c in chars)


@cache
def base_fragments() -> dict[str, str]:
    """The fragments code provides: letter classes (``UPPER``, ``LOWER``, ``LETTER``: class
    contents, used as ``[{UPPER}]``) and the date vocabulary's capitalized month and weekday
    names and years (``MONTH``, ``WEEKDAY``, ``YEAR``)."""
    from ..extractors.dates.vocabulary import fragments  # the date layer imports this package

    upper = [c for c in _LATIN if c.isupper()]
    lower = [c for c in _LATIN if c.islower()]
    dates = fragments()
    return {
        "UPPER": _class(upper),
        "LOWER": _class(lower),
        "LETTER": _class(upper + lower),
        "MONTH": dates["MONTH_CAP"],
        "WEEKDAY": dates["WEEKDAY_ABBR"],
        "YEAR": dates["YEAR"],
    }


def _fill(pattern: str, names: dict[str, str], where: str) -> str:
    """``{NAME}`` replaced by its fragment (``{1,2}`` quantifiers are left alone)."""

    def one(m: re.Match) -> str:
        if m.group(1) not in names:
            raise DataFileError(f"{where}: unknown fragment {{{m.group(1)}}}")
        return names[m.group(1)]

    return re.sub(r"\{([A-Z_]+)\}", one, pattern)


def _compile(pattern: str, where: str) -> re.Pattern:
    try:
        return compiled(pattern)
    except re.error as err:
        raise DataFileError(f"{where}: bad pattern: {err}") from err


def _check(row: dict, where: str) -> frozenset[str]:
    """The keys a row of its kind may have; unknown keys, missing examples are errors."""
    allowed = FRAGMENT_KEYS if "fragment" in row else FORM_KEYS
    unknown = set(row) - allowed
    if unknown or not row.get("pattern") or not row.get("examples"):
        raise DataFileError(f"{where}: unknown keys {sorted(unknown)}, or no pattern or examples")
    return allowed


def parse_rows(rows: Sequence[tuple[str, dict]]) -> tuple[dict[str, str], tuple[DatelineForm, ...]]:
    """Fragments (filled in file order, so a fragment may use earlier ones) and forms.

    >>> rows = [("d:1", {"fragment": "CITY", "pattern": "[{UPPER}]+", "examples": ["ALMATY"]}),
    ...         ("d:2", {"id": "x", "pattern": "^(?P<place>{CITY}) –", "examples": []})]
    >>> parse_rows(rows)
    Traceback (most recent call last):
    ...
    pressfeed.resources.DataFileError: d:2: unknown keys [], or no pattern or examples
    """
    names = dict(base_fragments())
    forms: list[DatelineForm] = []
    seen: set[str] = set()
    for where, row in rows:
        _check(row, where)
        name = row.get("fragment") or row.get("id")
        if not name or name in seen or name in base_fragments():
            raise DataFileError(f"{where}: missing or duplicate name {name!r}")
        seen.add(name)
        pattern = _fill(row["pattern"], names, where)
        if "fragment" in row:
            names[name] = pattern
            continue
        regex = _compile(pattern, where)
        if "place" not in regex.groupindex or set(regex.groupindex) - set(PARTS):
            raise DataFileError(f"{where}: a form names its parts {PARTS}, with a place")
        following = _compile(_fill(row["next"], names, where), where) if row.get("next") else None
        forms.append(
            DatelineForm(
                name,
                regex,
                following,
                bool(row.get("known_place")),
                tuple(row["examples"]),
                tuple(row.get("not", ())),
                where,
            )
        )
    return names, tuple(forms)


def read_rows(name: str = DATELINE_FILE) -> list[tuple[str, dict]]:
    """``(file:line, row)`` pairs of the dateline file, unchecked."""
    return [(f"{name}:{n}", row) for n, row in enumerate(srsly.read_jsonl(data_path(name)), start=1)]


@cache
def load_dateline_data(name: str = DATELINE_FILE) -> tuple[dict[str, str], tuple[DatelineForm, ...]]:
    """The fragments and forms of the dateline file, checked (see :func:`parse_rows`)."""
    return parse_rows(read_rows(name))


def load_forms(name: str = DATELINE_FILE) -> tuple[DatelineForm, ...]:
    """The dateline forms, in file order."""
    return load_dateline_data(name)[1]


def match_form(
    form: DatelineForm, line: str, next_line: str | None, is_place: Callable[[str], bool], *, index: int = 0
) -> DatelineMatch | None:
    """The dateline ``form`` finds at the start of ``line``, or None.

    >>> dash = next(f for f in load_forms() if f.id == "dateline.dash")
    >>> m = match_form(dash, "LAGOS, Nigeria, June 10, 2025 /PRNewswire/ -- Kudira Pay said.", None, bool)
    >>> [m.form, m.place, m.region, m.date]
    ['dateline.dash', (0, 5), (7, 14), (16, 29)]
    """
    found = form.regex.match(line)
    if found is None or (form.next is not None and not (next_line and form.next.match(next_line))):
        return None
    if form.known_place and not is_place(found.group("place")):
        return None
    spans = {part: found.span(part) if found.group(part) else None for part in form.regex.groupindex}
    return DatelineMatch(
        form.id,
        index,
        (0, len(found.group().rstrip())),
        spans["place"],
        spans.get("region"),
        spans.get("date"),
        spans.get("office"),
    )


def find_dateline(
    lines: Sequence[str], forms: Sequence[DatelineForm], is_place: Callable[[str], bool]
) -> DatelineMatch | None:
    """The dateline of the first line that has one; on that line, the longest match.

    >>> lines = ["New facility will double capacity", "AUSTIN, Texas, March 4, 2025 /PRNewswire/ -- It grew."]
    >>> m = find_dateline(lines, load_forms(), bool)
    >>> m.line, lines[m.line][slice(*m.place)], lines[m.line][slice(*m.region)]
    (1, 'AUSTIN', 'Texas')
    """
    for index, line in enumerate(lines):
        following = lines[index + 1] if index + 1 < len(lines) else None
        found = [m for form in forms if (m := match_form(form, line, following, is_place, index=index))]
        if found:
            return max(found, key=lambda m: m.dateline[1] - m.dateline[0])
    return None
