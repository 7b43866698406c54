"""Article structure: headline, dateline, headings, paragraphs and boilerplate.

The pure function :func:`find_layout` splits an article's text into labelled character
ranges; the ``pressfeed_article`` component stores them in ``doc.spans["pressfeed_layout"]``
and keeps the statistical NER out of places where it misfires (Title Case headlines and
headings, datelines, boilerplate, and across paragraph breaks). Boilerplate patterns (photo
credits, captions, newsletter and social-media lines, forward-looking-statements disclaimers) are
data: ``data/boilerplate.jsonl``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

import srsly
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..extractors.tokens import doc_text
from ..gazetteer import build_gazetteer
from ..resources import DataFileError, data_path
from .datelines import DatelineForm, DatelineMatch, find_dateline, load_dateline_data, load_forms

LAYOUT_KEY = "pressfeed_layout"
NER_BLOCKED = frozenset({"headline", "heading", "dateline", "boilerplate"})
# labels of whole lines (the other labels mark parts of lines: datelines, boilerplate matches)
LINE_LABELS = frozenset({"headline", "heading", "paragraph", "header_line"})
_SCOPES = {"match", "paragraph", "rest"}
_PATTERN_KEYS = {"label", "scope", "pattern", "comment"}


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
    return _unclosed(line, HEADING_WORDS)


HEADING_WORDS = 16  # a section heading, a header line, a headline the model may not read
HEADLINE_WORDS = 30  # a release's headline may run longer ("Media advisory: X to sign ...")


def _unclosed(line: str, words: int) -> bool:
    """At most ``words`` words and no closing punctuation."""
    return len(line.split()) <= words and not line.rstrip().endswith((".", "!", "?", ":", ";", ",", '"', "”"))


def _is_long_headline(line: str) -> bool:
    """A first line too long for a heading that still reads as a headline: no list item, at
    most ``HEADLINE_WORDS`` words, no closing punctuation."""
    return not line.startswith(BULLETS) and not _is_heading(line) and _unclosed(line, HEADLINE_WORDS)


def headline_range(text: str) -> tuple[int, int] | None:
    """Where the headline is, also when it is too long to be labelled one (the model reads
    it as running text, but the facts it repeats are the body's).

    >>> text = "Media advisory: " + "the minister will open " * 4 + "a port\\n\\nALMATY – It opened."
    >>> text[slice(*headline_range(text))][-6:]
    'a port'
    """
    paragraphs = _paragraphs(text)
    if len(paragraphs) < 2:
        return None
    first = text[slice(*paragraphs[0])]
    return paragraphs[0] if _is_heading(first) or _is_long_headline(first) else None


def find_layout(
    text: str, patterns: tuple[BoilerplatePattern, ...], forms: tuple[DatelineForm, ...] | None = None
) -> list[Block]:
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
    lead = find_lead(text, paragraphs, body_start, load_forms() if forms is None else forms)
    rest_from: int | None = None
    rest_label = "boilerplate"
    for index, (start, end) in enumerate(paragraphs[body_start:], start=body_start):
        line = text[start:end]
        if rest_from is not None:
            if rest_label == "boilerplate" and _is_contact(line, patterns):
                rest_label = "contact"  # "About X" then "Media contact:": people again
            elif rest_label == "contact" and _is_about(line, patterns):
                rest_label = "boilerplate"  # "Media contact:" then "About ADB": no facts again
            blocks.append(Block(rest_label, start, end))
            continue
        label = _line_label(index, line, lead, body_start) if len(paragraphs) > 1 else "paragraph"
        blocks.append(Block(label, start, end))  # a text of one line is its own body
        blocks.extend(b for b in lead.blocks if start <= b.start < end)
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


def _line_label(index: int, line: str, lead: Lead, body_start: int) -> str:
    """``header_line`` in a header block; ``heading`` for a short line of the lead outside it
    (a sub-heading, a release number, a byline) and for later headings; else ``paragraph``."""
    if index in lead.header:
        return "header_line"
    if (index in lead.lines or index > body_start) and _is_heading(line):
        return "heading"
    return "paragraph"


def _is_contact(line: str, patterns: tuple[BoilerplatePattern, ...]) -> bool:
    return any(p.label == "contact" and p.regex.search(line) for p in patterns)


def _is_about(line: str, patterns: tuple[BoilerplatePattern, ...]) -> bool:
    return any(p.label == "about" and p.regex.search(line) for p in patterns)


LEAD_LINES = 8  # a header block or a dateline comes within this many lines of the headline


@dataclass(frozen=True)
class Lead:
    """What comes before the body: the lines searched for a dateline (paragraph indices), the
    header block among them, and the dateline's blocks."""

    lines: frozenset[int]
    header: frozenset[int]
    blocks: tuple[Block, ...]


def _short(line: str) -> bool:
    """A line of a header block or a sub-heading: a heading, or a bulleted summary line."""
    return _is_heading(line.lstrip("-–•*· "))


def _lead_lines(text: str, paragraphs: list[tuple[int, int]], body_start: int) -> list[int]:
    """Paragraph indices from the body's start through the first line of running text.
    The first line of an article is its headline however long, so it never ends the lead."""
    indices = []
    for index in range(body_start, min(body_start + LEAD_LINES, len(paragraphs))):
        indices.append(index)
        if index > 0 and not _short(text[slice(*paragraphs[index])]):
            break
    return indices


def find_lead(
    text: str, paragraphs: list[tuple[int, int]], body_start: int, forms: tuple[DatelineForm, ...]
) -> Lead:
    """The dateline (the first of the lead's lines that has one, in any form of
    ``data/datelines.jsonl``) and the header block: the short lines from the body's start
    through the date line or the dateline that closes them.

    >>> text = "Note\\n\\nMary K. Dalton\\nSecretary of Energy\\nWashington, DC\\nMay 3, 2024\\n\\nBody."
    >>> lead = find_lead(text, _paragraphs(text), 1, load_forms())
    >>> sorted(lead.header), [(b.label, text[b.start : b.end]) for b in lead.blocks]
    ([1, 2, 3, 4], [('dateline', 'Washington, DC'), ('dateline_place', 'Washington')])
    """
    indices = _lead_lines(text, paragraphs, body_start)
    lines = [text[slice(*paragraphs[i])] for i in indices]
    gazetteer = build_gazetteer()
    # a first line too long for a heading is still the headline: the header block starts after it
    first = 1 if indices[:1] == [0] and not _short(lines[0]) else 0
    match = _lead_dateline(lines, forms, gazetteer.is_place, headline=first == 1)
    closing = _header_end(lines, match, first)
    header = frozenset(indices[first : closing + 1]) if closing is not None else frozenset()
    blocks: tuple[Block, ...] = ()
    if match is not None:
        blocks = _dateline_blocks(match, lines[match.line], paragraphs[indices[match.line]][0], gazetteer)
    return Lead(frozenset(indices), header, blocks)


def _lead_dateline(
    lines: list[str], forms: tuple[DatelineForm, ...], is_place, *, headline: bool
) -> DatelineMatch | None:
    """The lead's dateline; on a long headline ("Media Advisory - Minister to visit ...") only
    one that names a known place, else the one on the lines after it."""
    match = find_dateline(lines, forms, is_place)
    if not headline or match is None or match.line > 0 or is_place(lines[0][slice(*match.place)]):
        return match
    later = find_dateline(lines[1:], forms, is_place)
    return replace(later, line=later.line + 1) if later is not None else None


def _header_end(lines: list[str], match: DatelineMatch | None, first: int) -> int | None:
    """Index (in ``lines``) of the last line of a header block that starts at ``first``: the
    date line under a city line, a dateline on a short line, else a date line above the
    dateline; None when the lines before it are not all short."""
    if match is not None and match.form == "dateline.header_city":
        end = match.line + 1
    elif match is not None and _short(lines[match.line]):
        end = match.line
    else:
        stop = match.line if match is not None else len(lines)
        dates = [i for i in range(first, stop) if header_date_re().match(lines[i])]
        if not dates:
            return None
        end = dates[0]
    return end if end >= first and all(_short(line) for line in lines[first : end + 1]) else None


@cache
def header_date_re() -> re.Pattern:
    """The date line of a header block ("May 3, 2024", "Monday, April 20, 2026"): the
    ``HEADER_DATE`` fragment of ``data/datelines.jsonl`` alone on its line."""
    return re.compile(rf"^{load_dateline_data()[0]['HEADER_DATE']}$")


def _dateline_blocks(match: DatelineMatch, line: str, offset: int, gazetteer) -> tuple[Block, ...]:
    """The dateline, its place, its region when it is a known place ("Ontario", not "Ga."),
    its date and the issuing office after it, as blocks of the article."""
    blocks = [
        Block("dateline", offset + match.dateline[0], offset + match.dateline[1]),
        Block("dateline_place", offset + match.place[0], offset + match.place[1]),
    ]
    if match.region is not None and gazetteer.is_place(line[slice(*match.region)]):
        blocks.append(Block("dateline_region", offset + match.region[0], offset + match.region[1]))
    if match.date is not None:
        blocks.append(Block("dateline_date", offset + match.date[0], offset + match.date[1]))
    if match.office is not None:
        blocks.append(Block("dateline_office", offset + match.office[0], offset + match.office[1]))
    return tuple(blocks)


class ArticleLayout:
    """Find the article's layout and keep NER out of headline, headings and boilerplate."""

    def __init__(self, patterns: tuple[BoilerplatePattern, ...]):
        self.patterns = patterns

    def __call__(self, doc: Doc) -> Doc:
        blocks = find_layout(doc_text(doc), self.patterns)  # joined once, kept for the extractors
        self.set_annotations(doc, blocks)
        return doc

    def set_annotations(self, doc: Doc, blocks: list[Block]) -> None:
        spans = [
            span
            for b in blocks
            if (span := doc.char_span(b.start, b.end, label=b.label, alignment_mode=_alignment(b.label)))
        ]
        doc.spans[LAYOUT_KEY] = spans
        for span in spans:
            if span.label_ in {"headline", "heading", "paragraph"}:
                span[0].is_sent_start = True
        blocked = [s for s in spans if s.label_ in NER_BLOCKED]
        blocked += [doc[t.i : t.i + 1] for t in doc if t.is_space and "\n" in t.text]
        doc.set_ents([], blocked=_disjoint(blocked))


def _alignment(label: str) -> str:
    """A region or office glued to other text in one token ("Peru--(BUSINESS") is left out,
    never widened; every other block covers the tokens it touches."""
    return "contract" if label in {"dateline_region", "dateline_office"} else "expand"


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
