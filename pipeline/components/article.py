"""Article structure: headline, dateline, headings, paragraphs and boilerplate.

The pure function :func:`find_layout` splits an article's text into labelled character
ranges; the ``pressfeed_article`` component stores them in ``doc.spans["pressfeed_layout"]``
and keeps the statistical NER out of places where it misfires (Title Case headlines and
headings, datelines, boilerplate, and across paragraph breaks). Boilerplate patterns (photo
credits, captions, newsletter and social-media lines) are data: ``data/boilerplate.jsonl``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import srsly
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..gazetteer import build_gazetteer
from ..resources import DataFileError, data_path

LAYOUT_KEY = "pressfeed_layout"
NER_BLOCKED = frozenset({"headline", "heading", "dateline", "boilerplate"})
_SCOPES = {"match", "paragraph", "rest"}
_PATTERN_KEYS = {"label", "scope", "pattern", "comment"}

# "ALMATY –", "GENEVA, March 3 –", "ASTANA (Kazinform) —", "Abu Dhabi, 5 May 2025 -"
DATELINE_RE = re.compile(
    r"""
    ^(?P<place>[A-Z][A-Z .'’\-]*[A-Z]           # ALL-CAPS place: ALMATY, ABU DHABI, NUR-SULTAN
      |[A-Z][a-z]+(?:[ \-][A-Z][a-z]+){0,2})   # or Title Case: Almaty, Abu Dhabi
    (?:\s*\((?P<agency>[^)\n]{1,40})\))?       # (Kazinform)
    (?:\s*,\s*(?P<date>[^–—\n]{3,30}?))?       # , March 3 / , 5 May 2025
    \s+[–—-]{1,2}\s+                           # the dash that ends a dateline
    """,
    re.VERBOSE,
)


@dataclass(frozen=True)
class Block:
    label: str
    start: int
    end: int


@dataclass(frozen=True)
class BoilerplatePattern:
    label: str
    scope: str
    regex: re.Pattern


@cache
def load_boilerplate(name: str = "boilerplate.jsonl") -> tuple[BoilerplatePattern, ...]:
    """Read and check the boilerplate patterns (unknown keys and bad regexes are errors)."""
    patterns = []
    for line_no, row in enumerate(srsly.read_jsonl(data_path(name)), start=1):
        unknown = set(row) - _PATTERN_KEYS
        if unknown or row.get("scope") not in _SCOPES or not row.get("label"):
            raise DataFileError(f"{name}:{line_no}: bad keys {sorted(unknown)} or scope/label")
        try:
            regex = re.compile(row["pattern"], re.MULTILINE)
        except re.error as err:
            raise DataFileError(f"{name}:{line_no}: bad pattern: {err}") from err
        patterns.append(BoilerplatePattern(row["label"], row["scope"], regex))
    return tuple(patterns)


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Character ranges of non-empty lines, trimmed of surrounding whitespace."""
    ranges = []
    for match in re.finditer(r"[^\n]+", text):
        line = match.group()
        stripped = line.strip()
        if stripped:
            start = match.start() + line.index(stripped[0])
            ranges.append((start, start + len(stripped)))
    return ranges


BULLETS = ("- ", "– ", "• ", "* ", "· ")


def _is_heading(line: str) -> bool:
    """Short line without closing punctuation: a headline or section heading. A bulleted line
    is a list item ("- Ana Ruiz, director, Goddard Center"), never a heading.

    >>> _is_heading("Key Facts"), _is_heading("- Ana Ruiz, director, Goddard Center")
    (True, False)
    """
    if line.startswith(BULLETS):
        return False
    return len(line.split()) <= 16 and not line.rstrip().endswith((".", "!", "?", ":", ";", ",", '"', "”"))


def find_layout(text: str, patterns: tuple[BoilerplatePattern, ...]) -> list[Block]:
    """Label the parts of an article.

    >>> text = "Big News\\n\\nALMATY – It rained. Photo credit: X.\\n"
    >>> for b in find_layout(text, load_boilerplate()):
    ...     print(b.label, repr(text[b.start : b.end]))
    headline 'Big News'
    paragraph 'ALMATY – It rained. Photo credit: X.'
    dateline 'ALMATY –'
    dateline_place 'ALMATY'
    boilerplate 'Photo credit: X.'
    """
    blocks: list[Block] = []
    paragraphs = _paragraphs(text)
    body_start = 0
    if len(paragraphs) > 1 and _is_heading(text[slice(*paragraphs[0])]):
        blocks.append(Block("headline", *paragraphs[0]))
        body_start = 1
    rest_from: int | None = None
    rest_label = "boilerplate"
    header = _header_block(text, paragraphs, body_start)
    for index, (start, end) in enumerate(paragraphs[body_start:], start=body_start):
        line = text[start:end]
        if rest_from is not None:
            if rest_label == "boilerplate" and _is_contact(line, patterns):
                rest_label = "contact"  # "About X" then "Media contact:": people again
            blocks.append(Block(rest_label, start, end))
            continue
        if index in header:
            blocks.append(Block("header_line", start, end))
            if header[index] == "header_place":  # "Washington, DC": the state is no place of its own
                place = HEADER_PLACE_RE.match(line)
                blocks.append(Block("dateline", start, end))
                blocks.append(Block("dateline_place", start, start + place.end("place")))
            continue
        if index > body_start and _is_heading(line):
            blocks.append(Block("heading", start, end))
        else:
            blocks.append(Block("paragraph", start, end))
        if index == body_start:
            blocks.extend(_dateline_blocks(line, start))
        for pattern in patterns:
            if pattern.scope == "match":
                blocks.extend(
                    Block("boilerplate", start + m.start(), start + m.end())
                    for m in pattern.regex.finditer(line)
                )
            elif pattern.regex.search(line):
                # contact blocks name people with their titles (corpus/README.md), nothing else
                label = "contact" if pattern.label == "contact" else "boilerplate"
                blocks.append(Block(label, start, end))
                if pattern.scope == "rest":
                    rest_from, rest_label = start, label
    return blocks


def _is_contact(line: str, patterns: tuple[BoilerplatePattern, ...]) -> bool:
    return any(p.label == "contact" and p.regex.search(line) for p in patterns)


# The date line of a header block: "May 3, 2024", "3 May 2024", "March 2026".
HEADER_DATE_RE = re.compile(
    r"""
    ^(?:[A-Z][a-z]+day,?\s+)?                          # an optional weekday
    (?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}           # May 3, 2024
      |\d{1,2}\s+[A-Z][a-z]{2,8}\s+\d{4})$             # 3 May 2024
    """,
    re.VERBOSE,
)
# The city line of a header block: "Washington, DC", "Astana", "Geneva, Switzerland".
HEADER_PLACE_RE = re.compile(r"^(?P<place>[A-Z][A-Za-z.\- ]{1,30}?)(?:,\s*[A-Z][A-Za-z. ]{1,30})?$")


def _header_block(text: str, paragraphs: list[tuple[int, int]], body_start: int) -> dict[int, str]:
    """Lines of a header block under the headline (name / title / city / date, one a line):
    each is a ``header_line``, the city line before the date also a ``header_place``.

    >>> text = "Note\\n\\nMary K. Dalton\\nSecretary of Energy\\nWashington, DC\\nMay 3, 2024\\n\\nBody."
    >>> sorted(_header_block(text, _paragraphs(text), 1).items())
    [(1, 'header_line'), (2, 'header_line'), (3, 'header_place'), (4, 'header_line')]
    """
    lines: dict[int, str] = {}
    for index in range(body_start, min(body_start + 6, len(paragraphs))):
        line = text[slice(*paragraphs[index])]
        if HEADER_DATE_RE.match(line):
            if len(lines) < 1:
                return {}
            lines[index] = "header_line"
            before = index - 1
            place = HEADER_PLACE_RE.match(text[slice(*paragraphs[before])])
            if place and before in lines and build_gazetteer().is_place(place["place"]):
                lines[before] = "header_place"
            return lines
        if not _is_heading(line) or len(line.split()) > 8:
            return {}
        lines[index] = "header_line"
    return {}


def _dateline_blocks(line: str, offset: int) -> list[Block]:
    match = DATELINE_RE.match(line)
    if not match or len(match.group("place")) > 30:
        return []
    dateline_end = offset + len(match.group().rstrip())
    blocks = [
        Block("dateline", offset, dateline_end),
        Block("dateline_place", offset + match.start("place"), offset + match.end("place")),
    ]
    if match.group("date"):
        blocks.append(Block("dateline_date", offset + match.start("date"), offset + match.end("date")))
    return blocks


class ArticleLayout:
    """Find the article's layout and keep NER out of headline, headings and boilerplate."""

    def __init__(self, patterns: tuple[BoilerplatePattern, ...]):
        self.patterns = patterns

    def __call__(self, doc: Doc) -> Doc:
        blocks = find_layout(doc.text, self.patterns)
        self.set_annotations(doc, blocks)
        return doc

    def set_annotations(self, doc: Doc, blocks: list[Block]) -> None:
        spans = [
            span
            for b in blocks
            if (span := doc.char_span(b.start, b.end, label=b.label, alignment_mode="expand"))
        ]
        doc.spans[LAYOUT_KEY] = spans
        for span in spans:
            if span.label_ in {"headline", "heading", "paragraph"}:
                span[0].is_sent_start = True
        blocked = [s for s in spans if s.label_ in NER_BLOCKED]
        blocked += [doc[t.i : t.i + 1] for t in doc if t.is_space and "\n" in t.text]
        doc.set_ents([], blocked=_disjoint(blocked))


def _disjoint(spans: list[Span]) -> list[Span]:
    """Merge overlapping token spans so ``set_ents`` accepts them."""
    merged: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if merged and span.start < merged[-1].end:
            last = merged.pop()
            span = span.doc[last.start : max(last.end, span.end)]
        merged.append(span)
    return merged


@Language.factory(
    "pressfeed_article",
    default_config={"boilerplate": "boilerplate.jsonl"},
    assigns=["doc.spans", "token.ent_iob", "token.is_sent_start"],
)
def make_article(nlp: Language, name: str, boilerplate: str) -> ArticleLayout:
    return ArticleLayout(load_boilerplate(boilerplate))
