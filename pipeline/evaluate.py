"""Score extraction against hand-checked gold files (``NAME.txt`` + ``NAME.gold.json``).

Facts are compared as multisets of keys per type (see ``corpus/README.md``): people by name
(an alias on either side also matches), roles by (person, title), organizations and
locations by name (countries by ISO code however named), amounts by (value, currency), dates
by value, quantities by (value, unit or counted noun). Precision, recall and F1 per type.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from .gazetteer import build_gazetteer

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


def _norm(text: str | None) -> str:
    text = " ".join((text or "").replace("’", "'").split()).casefold()
    return text[4:] if text.startswith("the ") else text


def _number(value: Any) -> str:
    return format(Decimal(str(value)).normalize(), "f") if value is not None else "none"


def _person_key(person: dict, gold_people: list[dict]) -> str:
    """The gold name this person matches (by name or alias), else its own name."""
    names = {_norm(person["name"]), *(_norm(a) for a in person.get("aliases", []))}
    for gold in gold_people:
        gold_names = {_norm(gold["name"]), *(_norm(a) for a in gold.get("aliases", []))}
        if _norm(gold["name"]) in names or _norm(person["name"]) in gold_names:
            return _norm(gold["name"])
    return _norm(person["name"])


def _place_key(name: str) -> str:
    code = build_gazetteer().country_code(name)
    return f"country:{code}" if code else _norm(name)


def fact_keys(kind: str, data: dict, gold: dict) -> list[str]:
    """Comparable keys of one fact type in a record or gold file."""
    gold_people = gold.get("people", [])
    keyers: dict[str, Callable[[], list[str]]] = {
        "people": lambda: [_person_key(p, gold_people) for p in data.get("people", [])],
        "roles": lambda: [
            f"{_person_key(p, gold_people)} | {_norm(r['title'])}"
            for p in data.get("people", [])
            for r in p.get("roles", [])
        ],
        "organizations": lambda: [_norm(o["name"]) for o in data.get("organizations", [])],
        "locations": lambda: [_place_key(o["name"]) for o in data.get("locations", [])],
        "amounts": lambda: [f"{_number(a['value'])} {a.get('currency')}" for a in data.get("amounts", [])],
        "dates": lambda: [d["value"] for d in data.get("dates", [])],
        "quantities": lambda: [
            f"{_number(q['value'])} {q.get('unit') or q.get('noun')}" for q in data.get("quantities", [])
        ],
    }
    return keyers[kind]()


def score_record(record: dict, gold: dict, scores: dict[str, Score], name: str) -> None:
    for kind in FACT_TYPES:
        predicted = Counter(fact_keys(kind, record, gold))
        expected = Counter(fact_keys(kind, gold, gold))
        score = scores.setdefault(kind, Score())
        matched = sum((predicted & expected).values())
        score.tp += matched
        score.fp += sum(predicted.values()) - matched
        score.fn += sum(expected.values()) - matched
        score.extras += [f"{name}: {k}" for k in (predicted - expected).elements()]
        score.misses += [f"{name}: {k}" for k in (expected - predicted).elements()]


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


def format_table(scores: dict[str, Score], articles: int) -> str:
    lines = [
        f"{articles} articles scored",
        f"{'type':<14}{'gold':>6}{'found':>7}{'tp':>6}{'P':>8}{'R':>8}{'F1':>8}",
    ]
    total = Score()
    for kind in FACT_TYPES:
        s = scores.get(kind, Score())
        total.tp, total.fp, total.fn = total.tp + s.tp, total.fp + s.fp, total.fn + s.fn
        lines.append(
            f"{kind:<14}{s.tp + s.fn:>6}{s.tp + s.fp:>7}{s.tp:>6}"
            f"{s.precision:>8.3f}{s.recall:>8.3f}{s.f1:>8.3f}"
        )
    lines.append(
        f"{'all (micro)':<14}{total.tp + total.fn:>6}{total.tp + total.fp:>7}{total.tp:>6}"
        f"{total.precision:>8.3f}{total.recall:>8.3f}{total.f1:>8.3f}"
    )
    return "\n".join(lines)
