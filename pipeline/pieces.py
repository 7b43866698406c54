"""Huge articles in pieces: split at paragraph breaks, extract each, merge with true offsets.

A 5 MB article is more than spaCy's default ``max_length`` and than memory should hold as one
``Doc``. Each piece is extracted on its own with the first piece's publication date; offsets
are shifted back into the whole text, so every span still indexes the article as given.
"""

from __future__ import annotations

import re
from dataclasses import fields, is_dataclass, replace
from typing import Any

from .record import Location, Organization, Person, Record, Span

PIECE_CHARS = 100_000
# spaCy's tok2vec and NER hold about 13 KB per token of the docs they run on at once: 12,000
# tokens are some 160 MB beside the model's 300 MB. Prose has 20,000 tokens in 100,000
# characters, "$1 $1 $1 ..." 66,000, so a piece ends at whichever limit comes first.
PIECE_TOKENS = 12_000
TOKEN_RE = re.compile(r"\w+|[^\w\s]")  # a word or a punctuation mark: about a spaCy token


def token_estimate(text: str, start: int = 0, end: int | None = None, *, stop: int | None = None) -> int:
    """About how many spaCy tokens ``text[start:end]`` has (counting stops at ``stop``).

    >>> token_estimate("Jan. 28, 2026")
    5
    """
    count = 0
    for count, _ in enumerate(TOKEN_RE.finditer(text, start, len(text) if end is None else end), start=1):
        if stop is not None and count >= stop:
            break
    return count


def _token_limit(text: str, start: int, end: int, max_tokens: int) -> int:
    """``end``, or the start of the token that would pass ``max_tokens`` if it comes first."""
    for count, match in enumerate(TOKEN_RE.finditer(text, start, end), start=1):
        if count > max_tokens:
            return match.start()
    return end


def split_pieces(
    text: str, limit: int = PIECE_CHARS, max_tokens: int = PIECE_TOKENS
) -> list[tuple[int, str]]:
    """(offset, piece) pairs covering ``text``, cut after a newline (else a space) near ``limit``
    characters or ``max_tokens`` tokens, whichever comes first.

    >>> [(o, len(p)) for o, p in split_pieces("aaaa\\nbbbb\\ncccc", limit=6)]
    [(0, 5), (5, 5), (10, 4)]
    >>> [(o, len(p)) for o, p in split_pieces("$1 $1 $1 $1", max_tokens=4)]
    [(0, 6), (6, 5)]
    """
    pieces, start = [], 0
    while start < len(text):
        end = _token_limit(text, start, min(len(text), start + limit), max_tokens)
        limit_here = end - start
        if end < len(text):
            cut = text.rfind("\n", start + limit_here // 2, end)
            if cut < 0:
                cut = text.rfind(" ", start + limit_here // 2, end)
            end = cut + 1 if cut >= 0 else end
        pieces.append((start, text[start:end]))
        start = end
    return pieces


def shift(value: Any, offset: int) -> Any:
    """A copy of ``value`` with every :class:`Span` moved ``offset`` characters on."""
    if isinstance(value, Span):
        return replace(value, start=value.start + offset, end=value.end + offset)
    if is_dataclass(value):
        return replace(value, **{f.name: shift(getattr(value, f.name), offset) for f in fields(value)})
    if isinstance(value, tuple):
        return tuple(shift(v, offset) for v in value)
    return value


def merge_records(parts: list[tuple[int, Record]]) -> Record:
    """One record from the records of consecutive pieces (offset, record)."""
    first = parts[0][1]
    shifted = [shift(record, offset) for offset, record in parts]
    amounts, dates, quantities, warnings = [], [], [], list(first.warnings)
    for record in shifted:
        base = len(amounts)
        amounts += [
            a if a.equivalent_of is None else replace(a, equivalent_of=a.equivalent_of + base)
            for a in record.amounts
        ]
        dates += record.dates
        quantities += record.quantities
        warnings += [w for w in record.warnings if w not in warnings]
    warnings.append(
        f"processed in {len(parts)} pieces of at most {PIECE_CHARS} characters or {PIECE_TOKENS} tokens"
    )
    return replace(
        first,
        people=_merge_named([r.people for r in shifted], _merge_people),
        organizations=_merge_named([r.organizations for r in shifted], _merge_mentions),
        locations=_merge_named([r.locations for r in shifted], _merge_mentions),
        amounts=tuple(amounts),
        dates=tuple(dates),
        quantities=tuple(quantities),
        warnings=tuple(warnings),
    )


def _merge_named(groups, merge):
    merged: dict[str, Any] = {}
    for group in groups:
        for item in group:
            key = item.name.casefold()
            merged[key] = merge(merged[key], item) if key in merged else item
    return tuple(merged.values())


def _merge_people(old: Person, new: Person) -> Person:
    titles = {r.title.casefold() for r in old.roles}
    return replace(
        old,
        aliases=old.aliases + tuple(a for a in new.aliases if a not in old.aliases),
        mentions=old.mentions + new.mentions,
        roles=old.roles + tuple(r for r in new.roles if r.title.casefold() not in titles),
    )


def _merge_mentions(old: Organization | Location, new: Organization | Location):
    return replace(old, country=old.country or new.country, mentions=old.mentions + new.mentions)
