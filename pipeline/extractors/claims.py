"""The one claims registry: finders add labelled candidate spans, one resolver keeps each token once.

Every finder (layout, money, dates, titles, names, organizations, places, the model's entities)
adds spans to ``doc.spans["pf_candidates"]`` with a label from ``data/priorities.tsv`` and its
source in ``span.id_`` (a pattern id, ``grammar:...`` or ``model``). :func:`resolve` sorts the
candidates by (priority, -length, start) and keeps, band by band, the spans whose tokens no
earlier band claimed (``spacy.util.filter_spans`` inside a band); a span of a label that a
winner ``nests`` may stay inside it (a title keeps the places of its complement). The result is
``doc.spans["pf_mentions"]``; nothing downstream asks whether a range is taken, it reads mentions.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..resources import DataFileError, read_table

CANDIDATES_KEY = "pf_candidates"
MENTIONS_KEY = "pf_mentions"


@dataclass(frozen=True)
class Band:
    label: str
    priority: int
    fact: str
    nests: frozenset[str]
    yields: frozenset[str] = frozenset()


@cache
def priorities() -> dict[str, Band]:
    """The priority table, label -> band.

    >>> priorities()["MONEY"].priority < priorities()["DATE"].priority < priorities()["PERSON"].priority
    True
    """
    table = {}
    for row in read_table("priorities.tsv", ("label", "priority", "fact", "nests", "yields", "note")):
        if not row["priority"].isdigit():
            raise DataFileError(f"priorities.tsv: priority of {row['label']} is not a number")
        nests, yields = (_labels(row[k]) for k in ("nests", "yields"))
        table[row["label"]] = Band(row["label"], int(row["priority"]), row["fact"], nests, yields)
    unknown = {y for b in table.values() for y in b.yields} - table.keys()
    if unknown:
        raise DataFileError(f"priorities.tsv: yields names unknown labels {sorted(unknown)}")
    return table


def _labels(cell: str) -> frozenset[str]:
    return frozenset() if cell == "-" else frozenset(cell.split())


def band(label: str) -> Band:
    """The band of ``label``; an unknown label is an error, never a silent drop."""
    try:
        return priorities()[label]
    except KeyError:
        raise ValueError(f"label {label!r} is not in priorities.tsv") from None


def add(doc: Doc, spans: Iterable[Span]) -> None:
    """Add candidate spans (labels must be in the priority table)."""
    spans = list(spans)
    for span in spans:
        band(span.label_)
    group = doc.spans.get(CANDIDATES_KEY)
    if group is None:
        doc.spans[CANDIDATES_KEY] = spans
    else:
        group.extend(spans)


_FORM_ENDS_KEY = "pf_form_ends"


def form_ends(doc: Doc) -> dict[int, int]:
    """Start token -> end of the longest ORG_FORM candidate there (a name certain by its legal
    form or its organization word), cached per candidate count: a title's complement takes such
    a name whole ("President of the | Cámara de la Industria Aceitera")."""
    group = doc.spans.get(CANDIDATES_KEY)
    size = len(group) if group is not None else 0
    cached = doc.user_data.get(_FORM_ENDS_KEY)
    if cached is not None and cached[0] == size:
        return cached[1]
    ends: dict[int, int] = {}
    for span in group or ():
        if span.label_ == "ORG_FORM" and span.end > ends.get(span.start, 0):
            ends[span.start] = span.end
    doc.user_data[_FORM_ENDS_KEY] = (size, ends)
    return ends


def add_chars(doc: Doc, ranges: Iterable[tuple[int, int]], label: str, source: str) -> None:
    """Add candidates given as character ranges (regex finders), expanded to whole tokens."""
    spans = []
    for start, end in ranges:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and len(span):
            spans.append(Span(doc, span.start, span.end, label=label, span_id=source))
    add(doc, spans)


def resolve(doc: Doc) -> list[Span]:
    """Assign every token once, by band; store and return the mentions in text order."""
    candidates = list(doc.spans.get(CANDIDATES_KEY, []))
    labels = [span.label_ for span in candidates]  # each read once: ``label_`` looks up a string
    table = {label: band(label) for label in set(labels)}
    bands: dict[int, list[Span]] = {}
    for span in _given_way(candidates, labels, table):
        bands.setdefault(table[span.label_].priority, []).append(span)
    holders: dict[int, list[tuple[int, int, frozenset[str]]]] = {}  # token -> the kept spans over it
    kept: list[Span] = []
    for priority in sorted(bands):
        for span in filter_spans(bands[priority]):
            start, end, held = span.start, span.end, table[span.label_]
            if _free(start, end, held.fact, holders):
                kept.append(span)
                holder = (start, end, held.nests)
                for i in range(start, end):
                    holders.setdefault(i, []).append(holder)
    mentions = sorted(kept, key=lambda s: (s.start, -s.end))
    doc.spans[MENTIONS_KEY] = mentions
    return mentions


_DANGLING = frozenset({"of", "the", "for", "at", "to", "in", ",", "and"})


def _given_way(candidates: list[Span], labels: list[str], table: dict[str, Band]) -> list[Span]:
    """Candidates cut where a candidate of a label they yield to crosses them (before one that
    starts inside and runs past their end, after one that starts before and ends inside), and
    dropped where one holds them or nothing but connectors is left. ``labels`` are the
    candidates' labels, ``table`` their bands."""
    yielded = {y for label in set(labels) for y in table[label].yields}
    if not yielded:
        return candidates
    # (start, end) of the candidates given way to, sorted by start; a vetoed one ("Board of
    # Directors", no organization) takes nothing from anyone
    vetoed = {(v.start, v.end) for v, label in zip(candidates, labels, strict=True) if label == "NOT_ENTITY"}
    others = {
        label: sorted(
            (o.start, o.end)
            for o, other in zip(candidates, labels, strict=True)
            if other == label and (o.start, o.end) not in vetoed
        )
        for label in yielded
    }
    out = []
    for span, label in zip(candidates, labels, strict=True):
        yields = table[label].yields
        if not yields:
            out.append(span)
            continue
        cuts = [_cut(span, others[label], left=label == _CERTAIN) for label in yields]
        start, end = max(c[0] for c in cuts), min(c[1] for c in cuts)
        doc = span.doc
        while start < end and doc[start].lower_ in _DANGLING:
            start += 1
        while start < end < span.end and doc[end - 1].lower_ in _DANGLING:
            end -= 1
        if end <= start:
            continue
        if (start, end) != (span.start, span.end):
            span = Span(doc, start, end, label=span.label_, span_id=span.id_)
        out.append(span)
    return out


_CERTAIN = "ORG_FORM"  # only a name certain by its form cuts a title's start ("Trade Minister" stays)


def _cut(span: Span, others: list[tuple[int, int]], *, left: bool) -> tuple[int, int]:
    """What is left of ``span`` beside the others: it ends at the first start inside it of an
    other that runs past its end ("Managing Director of the Kenya" before "Kenya Power Ltd"),
    starts after the end inside it of an other that starts before it ("Secretary" of "Ministry
    of Energy Secretary"), and is nothing when an other holds it ("President" in "Office of
    the President")."""
    first, last = span.start, span.end
    i = bisect_right(others, (span.start - _LONGEST, -1))
    while i < len(others) and others[i][0] < span.end:
        start, end = others[i]
        i += 1
        if (start, end) == (span.start, span.end):
            continue
        if start <= span.start and span.end <= end:
            return span.start, span.start
        if span.start < start < span.end < end:
            last = min(last, start)
        elif left and start < span.start < end < span.end:
            first = max(first, end)
    return first, last


_LONGEST = 16  # tokens: no candidate that holds another is longer


def _free(start: int, end: int, fact: str, holders: dict[int, list[tuple[int, int, frozenset[str]]]]) -> bool:
    """No earlier winner holds tokens ``start:end``, or every holder (its start, end and the
    facts it nests) lets this fact nest inside it (a person inside a contact block, but not
    inside the organization named there)."""
    return all(
        fact in nests and h_start <= start and end <= h_end
        for i in range(start, end)
        for h_start, h_end, nests in holders.get(i, ())
    )


_RESOLVED_KEY = "pf_resolved"


def resolved(doc: Doc) -> tuple[tuple[Span, str, str], ...]:
    """(span, label, fact) of every resolved mention in text order, read once per mention
    group (the resolver stores a new group, so a stale reading is never returned)."""
    group = doc.spans.data.get(MENTIONS_KEY)  # the dict under the proxy: read once per lookup
    cached = doc.user_data.get(_RESOLVED_KEY)
    if cached is not None and cached[0] is group and cached[1] == len(group or ()):
        return cached[2]
    entries = tuple((span, span.label_, band(span.label_).fact) for span in group or ())
    doc.user_data[_RESOLVED_KEY] = (group, len(group or ()), entries)
    return entries


def mentions(doc: Doc, *facts: str) -> list[Span]:
    """Resolved mentions whose label becomes one of ``facts`` (all when none is given)."""
    return [span for span, _, fact in resolved(doc) if not facts or fact in facts]


def claimed_chars(doc: Doc, labels: Iterable[str]) -> list[tuple[int, int]]:
    """Character ranges of the mentions of ``labels``: the money, date and quantity extractors
    take these as ``skip`` (they keep their own interfaces)."""
    wanted = frozenset(labels)
    return [(s.start_char, s.end_char) for s, label, _ in resolved(doc) if label in wanted]


def claimed_tokens(doc: Doc, labels: Iterable[str]) -> set[int]:
    """Tokens held by the mentions of ``labels``."""
    wanted = frozenset(labels)
    return {i for s, label, _ in resolved(doc) if label in wanted for i in range(s.start, s.end)}
