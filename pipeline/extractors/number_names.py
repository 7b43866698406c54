"""Numbers that are part of a name, not counts: "Three UK", "5G networks", "Boeing 737",
"COVID-19", "G20", "Vision 2030", "Airbus A320".

``in_name(doc, number, units)`` answers for the number span the quantity extractor is about
to read. Three named predicates, each from a kind of name seen in releases:

- ``glued_to_letters``: digits written against letters or a letter-hyphen ("5G", "G20",
  "COVID-19", "F-16", "A320neo"), unless the letters are a unit ("250MW", "5km");
- ``after_proper_name``: digits straight after a capitalized proper noun or label that is no
  date word and opens no sentence ("Boeing 737", "Vision 2030", "Windows 11", "Phase 2"),
  unless a unit follows;
- ``spelled_name``: a capitalized spelled number before a proper noun that no common noun
  follows ("Three UK said", "Three Gorges"), unlike "Three Kazakh universities".
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from .numbers import number_words
from .tokens import MONTHS, pos

WEEKDAYS = frozenset(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])


def in_name(doc: Doc, number: Span, units: frozenset[str]) -> bool:
    """Whether the number ``number`` is part of a name (see the module docstring)."""
    return (
        glued_to_letters(doc, number, units)
        or after_proper_name(doc, number, units)
        or spelled_name(doc, number)
    )


def _unit_next(doc: Doc, i: int, units: frozenset[str]) -> bool:
    return i < len(doc) and doc[i].lower_ in units


def glued_to_letters(doc: Doc, number: Span, units: frozenset[str]) -> bool:
    """ "5G", "G20", "COVID-19", "F-16": no space between the digits and a word's letters."""
    first, last = number[0], number[-1]
    if not first.text[:1].isdigit():
        return False
    if any(c.isalpha() for c in first.text) and first.lower_.lstrip("0123456789.,") not in units:
        return True  # one token: "G20", "A320" (not "250MW" or "5km")
    after = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if after is not None and not last.whitespace_ and after.is_alpha and after.lower_ not in units:
        return after.lower_ not in {"s", "th", "st", "nd", "rd"}  # "5G"; not "1990s"
    before = doc[first.i - 1] if first.i > 0 else None
    if before is None or before.whitespace_:
        return False
    if before.is_alpha:
        return True  # "G20" split by the tokenizer
    return (
        before.text == "-" and first.i > 1 and doc[first.i - 2].is_alpha and not doc[first.i - 2].whitespace_
    )


def after_proper_name(doc: Doc, number: Span, units: frozenset[str]) -> bool:
    """ "Boeing 737", "Vision 2030", "the Phase 2 expansion": digits right after a capitalized
    proper noun, or a common noun capitalized inside a sentence (a label: "Phase", "Stage")."""
    first = number[0]
    if first.i == 0 or not first.text[:1].isdigit() or _unit_next(doc, number[-1].i + 1, units):
        return False
    before = doc[first.i - 1]
    return (
        before.whitespace_ != ""
        and pos(before) in {"PROPN", "NOUN"}
        and before.text[:1].isupper()
        and not before.is_sent_start
        and before.lower_ not in WEEKDAYS | MONTHS
        and before.ent_type_ not in {"DATE", "GPE", "NORP"}
    )


def spelled_name(doc: Doc, number: Span) -> bool:
    """ "Three UK said": a capitalized spelled number before a proper noun ending the phrase."""
    first = number[0]
    if len(number) != 1 or not first.text[:1].isupper() or first.lower_ not in number_words():
        return False
    nxt = doc[first.i + 1] if first.i + 1 < len(doc) else None
    if nxt is None or pos(nxt) != "PROPN" or nxt.ent_type_ == "NORP":
        return False
    after: Token | None = doc[nxt.i + 1] if nxt.i + 1 < len(doc) else None
    return after is None or pos(after) not in {"NOUN", "PROPN", "ADJ", "NUM"}
