"""Score extraction against hand-checked gold files (``NAME.txt`` + ``NAME.gold.json``).

Every gold field is scored (``corpus/README.md`` documents the format). A fact type is
compared as a multiset of keys: people by name (an alias on either side also matches), roles by
(person, title), organizations and locations by name (countries by ISO code however named),
amounts by (value, currency), dates by value, quantities by (value, unit or counted noun).
A *field* score adds one field to that key, so it counts a fact right only when the fact is
found and the field agrees: ``roles.organization`` keys on (person, title, organization),
``amounts.conversions`` on the pair of amounts a stated conversion links, ``dates.bounds`` on
the value with its first and last day. A field is scored in an article only when its gold
file carries it (older gold files have no ``dateline`` or amount ``per``).

Precision, recall and F1 per field, over the whole corpus or per style (``INDEX.tsv``).
"""

from __future__ import annotations

import csv
import json
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from .gazetteer import build_gazetteer
from .isodates import iso_bounds

FACT_TYPES = ("people", "roles", "organizations", "locations", "amounts", "dates", "quantities")


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Score) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn
        self.misses += other.misses
        self.extras += other.extras

    def to_json(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


def _norm(text: str | None) -> str:
    text = " ".join((text or "").replace("’", "'").split()).casefold()
    return text[4:] if text.startswith("the ") else text


def _number(value: Any) -> str:
    return format(Decimal(str(value)).normalize(), "f") if value is not None else "none"


def _names(person: dict) -> set[str]:
    return {_norm(person["name"]), *(_norm(a) for a in person.get("aliases", []))}


def _person_key(person: dict, gold_people: list[dict]) -> str:
    """The gold name this person matches (by name or alias), else its own name."""
    names = _names(person)
    for gold in gold_people:
        if _norm(gold["name"]) in names or _norm(person["name"]) in _names(gold):
            return _norm(gold["name"])
    return _norm(person["name"])


def _place_key(name: str) -> str:
    code = build_gazetteer().country_code(name)
    return f"country:{code}" if code else _norm(name)


def _amount_key(a: dict) -> str:
    return f"{_number(a['value'])} {a.get('currency')}"


def _quantity_key(q: dict) -> str:
    return f"{_number(q['value'])} {q.get('unit') or q.get('noun')}"


def _date_bounds(d: dict, *, gold: bool) -> str:
    if gold:
        bounds = iso_bounds(d["value"]) or (None, None)
        start, end = (b.isoformat() if b else None for b in bounds)
    else:
        start, end = d.get("start"), d.get("end")
    return f"{d['value']} [{start or '..'} .. {end or '..'}]"


Keyer = Callable[[dict, list[dict]], list[str]]


def _roles(extra: Callable[[dict], str] | None) -> Keyer:
    def keys(data: dict, gold_people: list[dict]) -> list[str]:
        return [
            f"{_person_key(p, gold_people)} | {_norm(r['title'])}" + (f" | {extra(r)}" if extra else "")
            for p in data.get("people", [])
            for r in p.get("roles", [])
        ]

    return keys


def _each(kind: str, key: Callable[[dict], str]) -> Keyer:
    return lambda data, _gold: [key(fact) for fact in data.get(kind, [])]


def _aliases(data: dict, gold_people: list[dict]) -> list[str]:
    return [
        f"{_person_key(p, gold_people)} | {_norm(a)}" for p in data.get("people", []) for a in p["aliases"]
    ]


def _conversions(data: dict, _gold: list[dict]) -> list[str]:
    amounts = data.get("amounts", [])
    return [
        f"{_amount_key(a)} = {_amount_key(amounts[a['equivalent_of']])}"
        for a in amounts
        if a.get("equivalent_of") is not None and 0 <= a["equivalent_of"] < len(amounts)
    ]


def _dateline(part: str) -> Keyer:
    def keys(data: dict, _gold: list[dict]) -> list[str]:
        line = data.get("dateline")
        if not line:
            return []
        return [_place_key(line["place"]) if part == "place" else str(line.get("country"))]

    return keys


def _opt(fact: dict, name: str) -> str:
    value = fact.get(name)
    return _norm(value) if isinstance(value, str) else str(value).casefold()


@dataclass(frozen=True)
class FieldSpec:
    name: str
    keys: Keyer
    gold_keys: Keyer | None = None  # when gold facts are keyed differently (date bounds)
    needs: tuple[str, str] | None = None  # (list, key): scored only if every gold fact has it


FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("people", lambda d, g: [_person_key(p, g) for p in d.get("people", [])]),
    FieldSpec("people.aliases", _aliases),
    FieldSpec("roles", _roles(None)),
    FieldSpec("roles.organization", _roles(lambda r: _opt(r, "organization"))),
    FieldSpec("roles.qualifier", _roles(lambda r: _opt(r, "qualifier")), needs=("roles", "qualifier")),
    FieldSpec("roles.country", _roles(lambda r: _opt(r, "country")), needs=("roles", "country")),
    FieldSpec("organizations", _each("organizations", lambda o: _norm(o["name"]))),
    FieldSpec(
        "organizations.country", _each("organizations", lambda o: f"{_norm(o['name'])} | {o.get('country')}")
    ),
    FieldSpec("locations", _each("locations", lambda o: _place_key(o["name"]))),
    FieldSpec(
        "locations.country", _each("locations", lambda o: f"{_place_key(o['name'])} | {o.get('country')}")
    ),
    FieldSpec("dateline.place", _dateline("place"), needs=("", "dateline")),
    FieldSpec("dateline.country", _dateline("country"), needs=("", "dateline")),
    FieldSpec("amounts", _each("amounts", _amount_key)),
    FieldSpec("amounts.approximate", _each("amounts", lambda a: f"{_amount_key(a)} ~{a.get('approximate')}")),
    FieldSpec(
        "amounts.bounds",
        _each("amounts", lambda a: f"{_amount_key(a)} [{_number(a.get('min'))}, {_number(a.get('max'))}]"),
        needs=("amounts", "min"),
    ),
    FieldSpec(
        "amounts.per",
        _each("amounts", lambda a: f"{_amount_key(a)} / {_opt(a, 'per')}"),
        needs=("amounts", "per"),
    ),
    FieldSpec("amounts.conversions", _conversions, needs=("amounts", "equivalent_of")),
    FieldSpec("dates", _each("dates", lambda d: d["value"])),
    FieldSpec("dates.precision", _each("dates", lambda d: f"{d['value']} {d.get('precision')}")),
    FieldSpec(
        "dates.bounds",
        _each("dates", lambda d: _date_bounds(d, gold=False)),
        gold_keys=_each("dates", lambda d: _date_bounds(d, gold=True)),
    ),
    FieldSpec("quantities", _each("quantities", _quantity_key)),
    FieldSpec("quantities.unit", _each("quantities", lambda q: f"{_number(q['value'])} {_opt(q, 'unit')}")),
    FieldSpec("quantities.noun", _each("quantities", lambda q: f"{_number(q['value'])} {_opt(q, 'noun')}")),
    FieldSpec("quantities.per", _each("quantities", lambda q: f"{_quantity_key(q)} / {_opt(q, 'per')}")),
)
FIELD_NAMES = tuple(spec.name for spec in FIELDS)


def _scored(spec: FieldSpec, gold: dict) -> bool:
    if spec.needs is None:
        return True
    kind, key = spec.needs
    if not kind:
        return key in gold
    facts = (
        [r for p in gold.get("people", []) for r in p.get("roles", [])]
        if kind == "roles"
        else gold.get(kind, [])
    )
    return all(key in fact for fact in facts)


def fact_keys(kind: str, data: dict, gold: dict) -> list[str]:
    """Comparable keys of one field (``roles``, ``amounts.per``...) in a record or gold file."""
    spec = next(s for s in FIELDS if s.name == kind)
    return spec.keys(data, gold.get("people", []))


def score_article(record: dict, gold: dict, name: str) -> dict[str, Score]:
    """Scores of every field that the gold file carries, for one article."""
    result: dict[str, Score] = {}
    gold_people = gold.get("people", [])
    for spec in FIELDS:
        if not _scored(spec, gold):
            continue
        predicted = Counter(spec.keys(record, gold_people))
        expected = Counter((spec.gold_keys or spec.keys)(gold, gold_people))
        matched = sum((predicted & expected).values())
        result[spec.name] = Score(
            tp=matched,
            fp=sum(predicted.values()) - matched,
            fn=sum(expected.values()) - matched,
            misses=[f"{name}: {k}" for k in (expected - predicted).elements()],
            extras=[f"{name}: {k}" for k in (predicted - expected).elements()],
        )
    return result


def score_record(record: dict, gold: dict, scores: dict[str, Score], name: str) -> None:
    """Add one article's scores into ``scores`` (field name -> running total)."""
    for kind, score in score_article(record, gold, name).items():
        scores.setdefault(kind, Score()).add(score)


def gold_files(directory: Path) -> list[tuple[Path, Path]]:
    pairs = []
    for gold in sorted(directory.glob("*.gold.json")):
        text = gold.with_name(gold.name[: -len(".gold.json")] + ".txt")
        if text.exists():
            pairs.append((text, gold))
    return pairs


def load_gold(path: Path) -> dict:
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"{path}: a gold file holds one JSON object")
    return data


def load_index(directory: Path) -> dict[str, dict[str, str]]:
    """Rows of the nearest ``INDEX.tsv`` in ``directory`` or above it, by article id."""
    for folder in (directory, *directory.resolve().parents):
        path = folder / "INDEX.tsv"
        if path.is_file():
            with path.open(encoding="utf-8", newline="") as handle:
                rows = [r for r in csv.DictReader(handle, delimiter="\t") if not r["id"].startswith("#")]
            return {row["id"]: row for row in rows}
    return {}


def total(scores: Iterable[dict[str, Score]]) -> dict[str, Score]:
    """Field scores summed over articles."""
    result: dict[str, Score] = {}
    for article in scores:
        for kind, score in article.items():
            result.setdefault(kind, Score()).add(score)
    return result


def format_table(scores: dict[str, Score], articles: int) -> str:
    lines = [
        f"{articles} articles scored",
        f"{'field':<22}{'gold':>6}{'found':>7}{'tp':>6}{'P':>8}{'R':>8}{'F1':>8}",
    ]
    for kind in FIELD_NAMES:
        if kind not in scores:
            continue
        s = scores[kind]
        lines.append(
            f"{kind:<22}{s.tp + s.fn:>6}{s.tp + s.fp:>7}{s.tp:>6}"
            f"{s.precision:>8.3f}{s.recall:>8.3f}{s.f1:>8.3f}"
        )
    return "\n".join(lines)


def format_by_style(by_style: dict[str, dict[str, Score]], counts: Counter) -> str:
    """F1 of every field (rows) per style (columns), with the article count per style."""
    styles = sorted(by_style)
    overall = total(by_style.values())
    width = max(7, *(len(s) + 1 for s in styles)) if styles else 7
    head = f"{'field':<22}" + "".join(f"{s:>{width}}" for s in styles) + f"{'all':>{width}}"
    lines = [
        head,
        f"{'articles':<22}"
        + "".join(f"{counts[s]:>{width}}" for s in styles)
        + f"{sum(counts.values()):>{width}}",
    ]
    for kind in FIELD_NAMES:
        if kind not in overall:
            continue
        cells = [
            f"{by_style[s][kind].f1:>{width}.3f}" if kind in by_style[s] else f"{'-':>{width}}"
            for s in styles
        ]
        lines.append(f"{kind:<22}" + "".join(cells) + f"{overall[kind].f1:>{width}.3f}")
    return "\n".join(lines)
