"""Article text as HTML with every evidence span marked, nested and overlapping spans included.

:func:`mark_text` turns a text and its spans into escaped HTML in which each span is a
``<mark data-fact-type data-start data-end data-fact>`` element. Spans that nest become nested
elements; a span that crosses another (starts inside it and ends after it) is cut into pieces
at the crossing, each piece carrying the whole span's offsets, so every piece is a well-formed
element and the pieces' text joined is the span's text. :func:`check_spans` sorts out the
spans that do not index the text (a text that changed since the feed was written). Pure.
"""

from __future__ import annotations

from bisect import insort
from collections.abc import Iterable
from dataclasses import dataclass
from html import escape

MAX_LEVEL = 4  # deeper nesting shares the outermost underline offset


@dataclass(frozen=True)
class Highlight:
    """One span to mark: offsets into the text, fact type, and the facts it is evidence of."""

    start: int
    end: int
    type: str
    keys: tuple[str, ...]


def check_spans(text: str, spans: Iterable[tuple[int, int, str, str, str]]):
    """Split ``(start, end, surface, type, key)`` spans into highlights and mismatches.

    Spans with the same offsets and type become one highlight naming all their facts.

    >>> good, bad = check_spans("Ann Lee met Bo.", [(0, 7, "Ann Lee", "person", "people-0"),
    ...                                             (12, 14, "Bob", "person", "people-1")])
    >>> good, bad
    ([Highlight(start=0, end=7, type='person', keys=('people-0',))], [(12, 14, 'Bob', 'person', 'people-1')])
    """
    merged: dict[tuple[int, int, str], list[str]] = {}
    mismatched = []
    for start, end, surface, kind, key in spans:
        if 0 <= start < end <= len(text) and text[start:end] == surface:
            merged.setdefault((start, end, kind), []).append(key)
        else:
            mismatched.append((start, end, surface, kind, key))
    return [Highlight(s, e, k, tuple(keys)) for (s, e, k), keys in merged.items()], mismatched


def _levels(marks: list[Highlight]) -> list[int]:
    """Nesting level of each mark (1 = innermost); ``marks`` sorted outer-first by start.

    An outer mark needs a lower underline than every mark drawn inside it.
    """
    levels = [1] * len(marks)
    for i in range(len(marks) - 1, -1, -1):
        j = i + 1
        while j < len(marks) and marks[j].start < marks[i].end:
            levels[i] = max(levels[i], levels[j] + 1)
            j += 1
    return levels


def _open_tag(mark: Highlight, level: int, *, first: bool, last: bool) -> str:
    classes = [
        c for c, on in ((f"l{min(level, MAX_LEVEL)}", level > 1), ("cont", not first), ("end", last)) if on
    ]
    return (
        f'<mark data-fact-type="{mark.type}" data-start="{mark.start}" data-end="{mark.end}" '
        f'data-fact="{escape(" ".join(mark.keys))}"'
        + (f' class="{" ".join(classes)}"' if classes else "")
        + (' tabindex="0"' if first else "")
        + ">"
    )


def mark_text(text: str, highlights: Iterable[Highlight], type_order: dict[str, int]) -> str:
    """Escaped ``text`` with each highlight as ``<mark>`` elements (pieces where spans cross).

    Args:
        text: the analysed article text.
        highlights: spans that index ``text`` (see :func:`check_spans`).
        type_order: which of two spans with the same offsets is the outer one.

    >>> h = [Highlight(0, 7, "role", ("r",)), Highlight(4, 12, "person", ("p",))]
    >>> print(mark_text("Dr. Ann <Lee>", h, {}))  # doctest: +NORMALIZE_WHITESPACE
    <mark data-fact-type="role" data-start="0" data-end="7" data-fact="r" class="l2 end"
      tabindex="0">Dr. <mark data-fact-type="person" data-start="4" data-end="12" data-fact="p"
      tabindex="0">Ann</mark></mark><mark data-fact-type="person" data-start="4" data-end="12"
      data-fact="p" class="cont end"> &lt;Lee</mark>&gt;
    """
    marks = sorted(highlights, key=lambda m: (m.start, -m.end, type_order.get(m.type, 99)))
    levels = _levels(marks)
    bounds = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    starting: dict[int, list[int]] = {}
    for index, mark in enumerate(marks):
        starting.setdefault(mark.start, []).append(index)
    out: list[str] = []
    stack: list[tuple[int, int]] = []  # (mark index, position of its open tag in out)
    active: list[int] = []
    opened: set[int] = set()

    def close_to(depth: int, at: int) -> None:
        while len(stack) > depth:
            index, slot = stack.pop()
            if marks[index].end == at:  # the span's last piece carries its type tag
                out[slot] = _open_tag(marks[index], levels[index], first=index not in opened, last=True)
            opened.add(index)
            out.append("</mark>")

    for a, b in zip(bounds, bounds[1:], strict=False):
        active = [i for i in active if marks[i].end > a]
        for i in starting.get(a, ()):
            insort(active, i)
        depth = 0
        while depth < min(len(stack), len(active)) and stack[depth][0] == active[depth]:
            depth += 1
        close_to(depth, a)
        for i in active[depth:]:
            stack.append((i, len(out)))
            out.append(_open_tag(marks[i], levels[i], first=i not in opened, last=False))
        out.append(escape(text[a:b], quote=False))
    close_to(0, len(text))
    return "".join(out)
