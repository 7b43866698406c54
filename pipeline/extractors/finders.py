"""Candidate finders: every source of entity spans writes into the claims registry.

Layout blocks, the money and date extractors' spans (adapted from their character ranges),
the pattern families of ``data/patterns/`` and the statistical model's entities (labelled
``MODEL_*``, so every claim says where it came from) become candidates of
``doc.spans["pf_candidates"]``; :func:`pressfeed.extractors.claims.resolve` decides.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from spacy.tokens import Doc, Span

from .. import extensions  # noqa: F401  (the pf_* token attributes the patterns read)
from ..components.article import LAYOUT_KEY
from ..lexicons import Lexicons, build_lexicons
from . import claims
from .patterns import PatternSet, family_rules
from .tokens import PATRONYMIC_PARTICLES, is_based_link, is_honorific, model_entities, without_leading_bullets

CANDIDATE_FAMILIES = ("layout", "titles", "names", "organizations", "places", "vetoes")
LAYOUT_LABELS = {
    "boilerplate": "BOILERPLATE",
    "contact": "CONTACT",
    "headline": "NO_NEW",
    "dateline": "NO_NEW",
    "dateline_place": "DATELINE_PLACE",
    "dateline_region": "DATELINE_PLACE",
    "dateline_office": "ORG_FORM",  # "November 20, 2025 – Ottawa, Ontario – Global Affairs Canada"
}
MODEL_LABELS = {"PERSON": "MODEL_PERSON", "ORG": "MODEL_ORG", "GPE": "MODEL_PLACE", "LOC": "MODEL_PLACE"}


# What a date candidate must hold to claim its text: a digit, a month or weekday, or a
# calendar word. The model's DATE entities also tag names ("Zhanbyrbayuly"); those stay
# unclaimed, so the name grammar still sees them.
DATE_EVIDENCE_RE = re.compile(
    r"""
    \d                                                    # 2026, Jan. 28, Q3
    |\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:\s|$)  # months
    |\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b        # weekdays
    |\b(?:year|month|week|quarter|half|decade|century|today|yesterday|tomorrow|
        spring|summer|autumn|fall|winter|weekend|fiscal|fy)s?\b  # calendar words
    """,
    re.VERBOSE | re.IGNORECASE,
)


def add_dates(doc: Doc, candidates: Iterable) -> None:
    """The date extractor's candidates (``start``/``end`` characters) that look like dates.

    >>> bool(DATE_EVIDENCE_RE.search("next Tuesday")), bool(DATE_EVIDENCE_RE.search("Zhanbyrbayuly"))
    (True, False)
    """
    ranges = [(c.start, c.end) for c in candidates if DATE_EVIDENCE_RE.search(c.text)]
    claims.add_chars(doc, ranges, "DATE", "dates")


@cache
def candidate_patterns(vocab) -> PatternSet:
    """The candidate pattern families, compiled once per vocabulary."""
    rules = [rule for family in CANDIDATE_FAMILIES for rule in family_rules(family)]
    return PatternSet(vocab, rules)


def add_layout(doc: Doc) -> None:
    """Boilerplate claims its text; headline, headings and dateline admit no new names."""
    claims.add(
        doc,
        (
            Span(doc, s.start, s.end, label=LAYOUT_LABELS[s.label_], span_id=f"layout:{s.label_}")
            for s in doc.spans.get(LAYOUT_KEY, [])
            if s.label_ in LAYOUT_LABELS
        ),
    )


def add_patterns(doc: Doc) -> None:
    """Matches of every candidate pattern family."""
    lex = build_lexicons()
    found = candidate_patterns(doc.vocab)(doc)
    spans = [_without_based_place(_without_honorific_end(s, lex)) for s in found if not _given_name_title(s)]
    claims.add(doc, [*spans, *_crossing_title_unions(spans)])


def _crossing_title_unions(spans: list[Span]) -> list[Span]:
    """Two title candidates that cross are one title: "Finance Director" and "Director for
    Central Africa" are "Finance Director for Central Africa"."""
    titles = sorted((s for s in spans if s.label_ == "TITLE"), key=lambda s: (s.start, s.end))
    unions = []
    for k, left in enumerate(titles):
        for right in titles[k + 1 :]:
            if right.start >= left.end:
                break
            if left.start < right.start and left.end < right.end:
                unions.append(
                    Span(left.doc, left.start, right.end, label="TITLE", span_id="title.crossing_union")
                )
    return unions


def _without_based_place(span: Span) -> Span:
    """A title ends before a place that says where the next body is based: "Group Treasurer of
    Amman-based Nuzha Bank" is the Group Treasurer of the bank, not of Amman."""
    doc = span.doc
    if span.label_ != "TITLE" or not is_based_link(doc, span.end):
        return span
    opener = max((t.i for t in span[1:] if t.lower_ in {"of", "in", "for"}), default=None)
    return span if opener is None else Span(doc, span.start, opener, label=span.label_, span_id=span.id_)


def _without_honorific_end(span: Span, lex: Lexicons) -> Span:
    """A title ends before an honorific of the name after it ("Minister of Works, Transport and
    Infrastructure Hon. Laulu Tamapua"): honorifics that are no title word ("Professor") are
    never a title's last word."""
    end = span.end
    while span.label_ == "TITLE" and end - span.start > 1 and _is_courtesy(span.doc[end - 1], lex):
        end -= 1
    if end == span.end:
        return span
    return Span(span.doc, span.start, end, label=span.label_, span_id=span.id_)


def _is_courtesy(token, lex: Lexicons) -> bool:
    return is_honorific(token, lex) and not lex.is_title_word(token.text)


def _given_name_title(span: Span) -> bool:
    """A title word that is a given name: "Sultan" in "Sultan bin Khalifa Al Suwaidi" (a
    patronymic particle follows)."""
    doc = span.doc
    return span.label_ == "TITLE" and span.end < len(doc) and doc[span.end].text in PATRONYMIC_PARTICLES


def add_model_entities(doc: Doc) -> None:
    """The model's PERSON, ORG, GPE and LOC entities, each in the lowest band, without a list
    bullet the model took in ("• Nutrition: US$6.8 million" is no organization "• Nutrition")."""
    spans = [(e.label_, without_leading_bullets(e)) for e in model_entities(doc) if e.label_ in MODEL_LABELS]
    claims.add(
        doc,
        (
            Span(doc, s.start, s.end, label=MODEL_LABELS[label], span_id="model")
            for label, s in spans
            if len(s)
        ),
    )


def pattern_mentions(doc: Doc, fact: str, prefix: str | tuple[str, ...]) -> list[Span]:
    """Resolved mentions of ``fact`` that a pattern (or layout block) whose id starts with
    ``prefix`` found."""
    return [m for m in claims.mentions(doc, fact) if m.id_.startswith(prefix)]
