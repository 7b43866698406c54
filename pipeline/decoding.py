"""Bytes of unknown encoding -> text, or an error: never a silently misread article.

The policy (README, "Encodings"): a byte-order mark decides; then strict UTF-8; then the
Western single-byte reading (cp1252, a superset of Latin-1's printable range) when the bytes
allow it and the result is plausible; then charset-normalizer's verdict, checked the same way;
then the other legacy code pages of ``data/encodings.tsv`` in order. A reading is plausible when
its letters beyond ASCII fit one language of ``data/alphabets.tsv`` (per word or for the whole
text), no stray symbol sits inside a word, the letter case is not scrambled (KOI8-R read as
cp1251) and, for Latin scripts, most letters stay ASCII. When no reading passes, the input
becomes an error record: a wrong guess would corrupt every name and amount without a trace.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from .resources import DataFileError, read_table

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
WESTERN = "cp1252"
# Symbols that may join two letters: apostrophes (l’État), the Catalan middle dot (col·lecció),
# dashes (Paris–Berlin), the soft hyphen, and CJK punctuation (Japanese has no spaces).
INNER_SYMBOLS = frozenset("’·–—‐\u00ad・") | {chr(c) for c in range(0x3000, 0x3040)}
WORD_RE = re.compile(r"[^\W\d_]+")  # a run of letters
ALLOWED_CONTROLS = frozenset("\t\n\r\f")


class UndecodableError(ValueError):
    """Bytes that no encoding reads as plausible text."""


@dataclass(frozen=True)
class Alphabets:
    """The letters (beyond ASCII) of each language, and the symbols any text may hold."""

    languages: tuple[frozenset[str], ...]
    symbols: frozenset[str]


@dataclass(frozen=True)
class Reading:
    """How one legacy encoding is judged: per word or per text, and the share of non-ASCII letters."""

    encoding: str
    scope: str
    max_share: float


def _expand(cell: str) -> frozenset[str]:
    """Characters of a cell: runs of characters and ``U+XXXX..U+YYYY`` ranges, space-separated."""
    chars: set[str] = set()
    for item in cell.split(" "):
        if item.startswith("U+"):
            low, _, high = item[2:].partition("..U+")
            chars.update(chr(c) for c in range(int(low, 16), int(high or low, 16) + 1))
        else:
            chars.update(item)
    return frozenset(chars | {c.upper() for c in chars if len(c.upper()) == 1})


@cache
def build_alphabets() -> Alphabets:
    rows = read_table("alphabets.tsv", ("language", "letters"))
    symbols = next((_expand(r["letters"]) for r in rows if r["language"] == "symbols"), frozenset())
    return Alphabets(tuple(_expand(r["letters"]) for r in rows if r["language"] != "symbols"), symbols)


@cache
def build_readings() -> tuple[Reading, ...]:
    readings = []
    for row in read_table("encodings.tsv", ("encoding", "scope", "max_share")):
        if row["scope"] not in {"word", "text"}:
            raise DataFileError(f"encodings.tsv: scope {row['scope']!r} is not word or text")
        codecs.lookup(row["encoding"])  # an unknown codec fails here, at load
        readings.append(Reading(row["encoding"], row["scope"], float(row["max_share"])))
    return tuple(readings)


def implausible(text: str, reading: Reading, alphabets: Alphabets) -> str | None:
    """Why ``text`` cannot be what ``reading`` decoded, or None when it is plausible.

    >>> rd, ab = Reading("cp1252", "word", 0.5), build_alphabets()
    >>> implausible("José Núñez paid ¥350 million", rd, ab) is None
    True
    >>> implausible("Za¿ó³æ gêœl¹", rd, ab)
    "symbol '¿' inside a word"
    >>> implausible("Ìèíèñòð çàÿâèë", rd, ab)
    '13 of 13 letters are not ASCII'
    """
    letters = ascii_letters = 0
    for index, char in enumerate(text):
        if char.isascii():
            ascii_letters += char.isalpha()
            if unicodedata.category(char) == "Cc" and char not in ALLOWED_CONTROLS:
                return f"control character {char!r}"
            continue
        if char.isalpha():
            letters += 1
        elif char.isspace() or char in alphabets.symbols:
            if char not in INNER_SYMBOLS and _between_letters(text, index):
                return f"symbol {char!r} inside a word"
        else:
            return f"unexpected character {char!r}"
    if letters > reading.max_share * (letters + ascii_letters):
        return f"{letters} of {letters + ascii_letters} letters are not ASCII"
    return _misfit(text, reading, alphabets)


def _between_letters(text: str, index: int) -> bool:
    return 0 < index < len(text) - 1 and text[index - 1].isalpha() and text[index + 1].isalpha()


def _misfit(text: str, reading: Reading, alphabets: Alphabets) -> str | None:
    """Letters that fit no language, or scrambled case (lower then upper inside a word)."""
    words = [w for w in WORD_RE.findall(text) if not w.isascii()]
    scrambled = sum(
        1 for w in words if any(a.islower() and b.isupper() for a, b in zip(w, w[1:], strict=False))
    )
    if scrambled * 20 > len(words):
        return f"letter case scrambled in {scrambled} of {len(words)} words"
    mixed = next((w for w in words if not w.isascii() and _mixes_scripts(w)), None)
    if mixed is not None:
        return f"Latin and other letters mixed in the word {mixed!r}"
    groups = [{c for c in w if not c.isascii()} for w in words]
    if reading.scope == "text":
        groups = [set().union(*groups)] if groups else []
    for group in groups:
        if not any(group <= language for language in alphabets.languages):
            return f"letters {''.join(sorted(group))!r} fit no one language"
    return None


def _mixes_scripts(word: str) -> bool:
    """ASCII letters beside letters past the Latin blocks (Greek, Cyrillic, CJK: "Tьrkiye")."""
    return any(c.isascii() for c in word) and any(
        ord(c) >= 0x370 and not 0x1E00 <= ord(c) < 0x1F00 for c in word
    )


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _detected(data: bytes) -> str | None:
    """charset-normalizer's verdict, as a codec name."""
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    return best.encoding if best is not None else None


def decode_text(data: bytes) -> tuple[str, str | None]:
    """Decode article bytes; returns (text, warning or None).

    >>> decode_text("José Núñez: ¥350 million".encode("cp1252"))
    ('José Núñez: ¥350 million', 'not UTF-8: decoded as cp1252')
    >>> decode_text("Министр заявил".encode("koi8_r"))[0]
    'Министр заявил'

    Raises:
        UndecodableError: binary content, broken UTF-16/32, or no plausible reading.
    """
    for bom, encoding in BOMS:
        if data.startswith(bom):
            text = _strict(data, encoding)
            if text is None:
                raise UndecodableError(f"invalid {encoding} after its byte-order mark")
            return text, None if encoding == "utf-8-sig" else f"decoded as {encoding} (byte-order mark)"
    if b"\x00" in data[:4096]:
        raise UndecodableError("binary content (NUL bytes)")
    text = _strict(data, "utf-8")
    if text is not None:
        return text, None
    readings = build_readings()
    alphabets = build_alphabets()
    tried = []
    western = next(r for r in readings if r.encoding == WESTERN)
    detected = _detected(data)
    order = [western]
    if detected:
        order.append(
            next((r for r in readings if _same(r.encoding, detected)), Reading(detected, "text", 1.0))
        )
    order += [r for r in readings if r.encoding != WESTERN]
    for reading in order:
        if any(_same(reading.encoding, t) for t in tried):
            continue
        tried.append(reading.encoding)
        text = _strict(data, reading.encoding)
        if text is not None and implausible(text, reading, alphabets) is None:
            return text, f"not UTF-8: decoded as {reading.encoding}"
    raise UndecodableError(
        f"not UTF-8, and no encoding reads it as plausible text (tried {', '.join(tried)})"
    )


def _same(a: str, b: str) -> bool:
    try:
        return codecs.lookup(a).name == codecs.lookup(b).name
    except LookupError:
        return a == b
