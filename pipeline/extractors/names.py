"""Personal names as values: honorific, given name, middle initials, family name, suffix, peerage.

:func:`parse_person_name` is pure (strings in, a :class:`Name` out); the people extractor uses
it to name a person in full, to find the family name that later mentions use ("Dalton" of
"Mary K. Dalton Jr.") and to keep a peer's place out of the places ("Lord Ahmad of Wimbledon").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..resources import read_words

INITIAL_RE = re.compile(r"^[A-Z]\.$")  # "K." in "Mary K. Dalton"


@dataclass(frozen=True)
class Name:
    given: str | None
    family: str
    middle: tuple[str, ...] = ()
    honorific: str | None = None
    suffix: str | None = None
    peerage: str | None = None  # "of Wimbledon" in "Lord Ahmad of Wimbledon"

    @property
    def full(self) -> str:
        """The name as it is written in full, honorific aside."""
        parts = [self.given, *self.middle, self.family, self.suffix]
        return " ".join(p for p in parts if p)


@cache
def _words(name: str, column: str) -> frozenset[str]:
    return read_words(name, column)


def is_name_suffix(word: str) -> bool:
    return word.casefold().rstrip(",") in _words("name_suffixes.tsv", "suffix")


def parse_person_name(text: str) -> Name | None:
    """Split a personal name into its parts; None for an empty string.

    >>> parse_person_name("Lloyd J. Austin III")
    Name(given='Lloyd', family='Austin', middle=('J.',), honorific=None, suffix='III', peerage=None)
    >>> parse_person_name("Mary K. Dalton Jr.").full
    'Mary K. Dalton Jr.'
    >>> parse_person_name("Lord Ahmad of Wimbledon")
    Name(given=None, family='Ahmad', middle=(), honorific='Lord', suffix=None, peerage='Wimbledon')
    >>> parse_person_name("Dr. Aigerim Bekova").honorific
    'Dr.'
    >>> parse_person_name("Pieter J. van der Merwe").family
    'van der Merwe'
    >>> parse_person_name("Tokayev")
    Name(given=None, family='Tokayev', middle=(), honorific=None, suffix=None, peerage=None)
    """
    words = text.split()
    if not words:
        return None
    honorific = None
    if len(words) > 1 and (
        words[0].casefold() in _words("honorifics.tsv", "honorific")
        or words[0].casefold() in _words("peerages.tsv", "word")
    ):
        honorific, words = words[0], words[1:]
    peerage = None
    if honorific and honorific.casefold() in _words("peerages.tsv", "word") and "of" in words[1:]:
        at = words.index("of", 1)
        words, peerage = words[:at], " ".join(words[at + 1 :])
    suffix = None
    if len(words) > 1 and is_name_suffix(words[-1]):
        suffix, words = words[-1], words[:-1]
    at = len(words) - 1
    while at > 1 and words[at - 1] in _words("name_particles.tsv", "particle"):
        at -= 1  # "van der Merwe", "dela Cruz": the particles belong to the family name
    family = " ".join(words[at:])
    rest = words[:at]
    middle = tuple(w for w in rest[1:] if INITIAL_RE.match(w))
    given_words = [rest[0]] + [w for w in rest[1:] if not INITIAL_RE.match(w)] if rest else []
    given = " ".join(given_words) or None
    if peerage is not None:
        return Name(None, " ".join(words), (), honorific, suffix, peerage)
    return Name(given, family, middle, honorific, suffix, peerage)


def short_forms(text: str) -> tuple[str, ...]:
    """The shorter forms an article may write a person by, longest first, the given name alone
    last: the first given name with the family name, the last of several given names (the first
    of two family names: "Valdés" of "Ignacio J. Valdés Irarrázaval") alone and with the family
    name, and the family name. Only forms the article writes on their own become aliases.

    >>> short_forms("Ignacio J. Valdés Irarrázaval")
    ('Ignacio Irarrázaval', 'Valdés Irarrázaval', 'Irarrázaval', 'Valdés', 'Ignacio')
    >>> short_forms("Rhys T. Callander")
    ('Rhys Callander', 'Callander', 'Rhys')
    >>> short_forms("Pieter J. van der Merwe")
    ('Pieter van der Merwe', 'van der Merwe', 'Pieter')
    >>> short_forms("Tokayev")
    ()
    """
    name = parse_person_name(text)
    if name is None or name.peerage or not name.given:
        return ()
    given = name.given.split()
    forms = [f"{given[0]} {name.family}", name.family]
    if len(given) > 1:
        forms[1:1] = [f"{given[-1]} {name.family}"]
        forms.append(given[-1])
    forms.append(given[0])
    full = " ".join(text.split())
    return tuple(f for f in dict.fromkeys(forms) if f != full)
