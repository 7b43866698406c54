"""Places as canonical entries: one per place, its fullest written name, other forms as aliases.

:func:`pattern_places` adds the places of ``data/patterns/places.jsonl`` ("Turkistan region"
-> Turkistan, "Ramstein Air Base"); :func:`canonical_locations` merges the forms of one
place ("U.S." and "United States": one entry named "United States", alias "U.S.").
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..lexicons import Lexicons
from ..record import Location
from . import finders
from .places import find_mentions, place_key


def place_name(words: list[str], admin_words: frozenset[str]) -> str:
    """The place without a lower-case administrative word used as a label.

    >>> place_name(["Turkistan", "region"], frozenset({"region"}))
    'Turkistan'
    >>> place_name(["Naryn", "Region"], frozenset({"region"}))
    'Naryn'
    """
    if len(words) > 1 and words[-1].casefold() in admin_words:
        words = words[:-1]
    return " ".join(words)


def _key(name: str, lex: Lexicons) -> str:
    return place_key(name, lex)


def pattern_places(
    doc: Doc, lex: Lexicons, known: list[Location], taken: list[tuple[int, int]], unquoted: set[int]
) -> list[Location]:
    """Places found by place patterns that no known location names yet."""
    from .patterns import lexicon

    admin = frozenset(lexicon("admin_words"))
    keys = {_key(loc.name, lex) for loc in known} | {_key(a, lex) for loc in known for a in loc.aliases}
    added: list[Location] = []
    for span in finders.pattern_mentions(doc, "PLACE", "place."):
        name = place_name([t.text for t in span], admin)
        if _key(name, lex) in keys:
            continue
        keys.add(_key(name, lex))
        mentions = find_mentions(doc, {name}, taken, unquoted)
        if mentions:
            added.append(Location(name, lex.gazetteer.place_country(name), mentions))
    return added


def canonical_locations(locations: list[Location], lex: Lexicons) -> tuple[Location, ...]:
    """One entry per place: forms of one country merge; the longest form names it."""
    merged: dict[str, Location] = {}
    for loc in locations:
        key = _key(loc.name, lex)
        old = merged.get(key)
        if old is None:
            merged[key] = loc
            continue
        forms = sorted({old.name, loc.name, *old.aliases, *loc.aliases}, key=lambda f: (-len(f), f))
        mentions = tuple(sorted({*old.mentions, *loc.mentions}, key=lambda m: m.start))
        merged[key] = Location(forms[0], old.country or loc.country, mentions, tuple(forms[1:]))
    ordered = sorted(merged.values(), key=lambda loc: loc.mentions[0].start)
    return tuple(_fullest(loc, lex) for loc in ordered)


def _fullest(loc: Location, lex: Lexicons) -> Location:
    """A country mentioned by a short form ("U.S.") takes the fullest form written."""
    texts = {m.text for m in loc.mentions} | {loc.name, *loc.aliases}
    if not lex.gazetteer.country_code(loc.name):
        return loc
    written = [t for t in texts if lex.gazetteer.country_code(t) and not (t.isupper() and len(t) > 3)]
    forms = sorted(written, key=lambda f: (-len(f), f != loc.name, f))
    name = forms[0] if forms else loc.name
    aliases = tuple(f for f in forms if f != name)
    return Location(name, loc.country, loc.mentions, aliases)
