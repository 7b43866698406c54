"""Name keys for the people store: one normalized key per full name, and its transliteration fold.

``name_key`` ignores case, diacritics, apostrophes, hyphens and leading honorifics, so "H.E.
Étienne Marchal" and "etienne marchal" share a key. ``fold_key`` further rewrites each token by
the ordered rules of ``data/name_variants.tsv``, so "Serik Zhumangarin" and "Serik Jumangarin"
share a fold. Both are pure functions of their argument; the tables are read once per process.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from ..resources import read_table

# Apostrophes and their look-alikes vanish (O'Brien = OBrien, Ma'ruf = Maruf); hyphens, dashes,
# dots and commas separate tokens (Owusu-Ansah = Owusu Ansah).
_APOSTROPHES = re.compile(r"['\u2018\u2019\u02bc\u02bb`\u00b4]")
_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015.,;:/()]+")


@cache
def _letters() -> dict[int, str]:
    return {ord(r["letter"]): r["ascii"] for r in read_table("name_letters.tsv", ("letter", "ascii"))}


@cache
def _honorifics() -> tuple[tuple[str, ...], ...]:
    """Honorifics as token tuples, longest first ("his excellency" before "his")."""
    rows = read_table("honorifics.tsv", ("honorific",))
    return tuple(sorted({tuple(r["honorific"].casefold().split()) for r in rows}, key=len, reverse=True))


@cache
def _variant_rules() -> tuple[tuple[re.Pattern, str], ...]:
    rows = read_table("name_variants.tsv", ("pattern", "replacement", "example"))
    return tuple((re.compile(r["pattern"]), r["replacement"]) for r in rows)


def variant_examples() -> tuple[tuple[str, str], ...]:
    """The example pairs of ``data/name_variants.tsv``: spellings that must fold alike."""
    rows = read_table("name_variants.tsv", ("pattern", "replacement", "example"))
    return tuple(tuple(r["example"].split("=", 1)) for r in rows)


def _ascii(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_letters()))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _strip_honorifics(tokens: list[str]) -> list[str]:
    """Drop leading honorifics (with their dots, so "He Jiaqi" keeps "He"), never every token."""
    changed = True
    while changed:
        changed = False
        for honorific in _honorifics():
            n = len(honorific)
            if len(tokens) > n and tuple(tokens[:n]) == honorific:
                tokens, changed = tokens[n:], True
                break
    return tokens


def name_key(name: str) -> str:
    """The normalized form of a person's name.

    >>> name_key("H.E. Étienne  Marchal")
    'etienne marchal'
    >>> name_key("Adelaide Owusu-Ansah") == name_key("ADELAIDE OWUSU ANSAH")
    True
    >>> name_key("Mr. O’Brien"), name_key("He Jiaqi"), name_key("Rafał Mazur")
    ('obrien', 'he jiaqi', 'rafal mazur')
    """
    tokens = _strip_honorifics(_APOSTROPHES.sub("", name.casefold()).split())
    return " ".join(t for t in _SEPARATORS.split(_ascii(" ".join(tokens))) if t)


def fold_token(token: str) -> str:
    """One name token rewritten by the transliteration rules.

    >>> fold_token("zhumangarin"), fold_token("jumangarin")
    ('jumangarin', 'jumangarin')
    >>> fold_token("mohammad") == fold_token("muhammad")
    True
    """
    for pattern, replacement in _variant_rules():
        token = pattern.sub(replacement, token)
    return token


def fold_key(name: str) -> str:
    """The transliteration fold of a name: ``name_key`` with every token folded.

    >>> fold_key("Yerkin Tukumov") == fold_key("Erkin Tokumov")
    True
    >>> fold_key("Ruslan Sultanov") == fold_key("Ruslan Sultanbekov")
    False
    """
    return " ".join(fold_token(t) for t in name_key(name).split())


def text_key(text: str | None) -> str:
    """A case- and accent-blind key for titles and organizations ('' for none).

    >>> text_key("Ministry of  Énergy"), text_key(None)
    ('ministry of energy', '')
    """
    if not text:
        return ""
    return " ".join(_ascii(_APOSTROPHES.sub("", text)).split())
