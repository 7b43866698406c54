r"""Many regular expressions over one text, each tried only where it can start.

Python's engine tries an expression at every position of the text, so N expressions cost N
scans: the 61 date candidate patterns were the largest cost of pressfeed's own work. Most of
them open with ``\b`` and only a few words can start them (a digit, a month, "the", "from").
Read from the parsed expression, the first :data:`KEY` symbols a match can begin with name the
positions worth trying. Keys are folded (a run of spaces is one " ", a decimal digit "0", a
letter its ASCII lower case, anything else beyond ASCII :data:`OTHER`), so they stay few;
folding only ever lets more positions through.

:class:`MultiFinder` scans the text's word boundaries once, looks up which expressions can
start at each, and calls ``pattern.match(text, pos)`` there. ``match`` with a position sees
the text before it (``\b``, look-behinds) as ``finditer`` does, and matches are taken left to
right, each search going on from the last match's end, so every expression gives exactly the
matches of ``pattern.finditer(text)``. An expression whose starts cannot be listed (no leading
``\b``, an empty match, a back-reference) is scanned whole, as before.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from re import _constants as sre  # the parsed form of an expression, public in effect since 3.11
from re import _parser as sre_parse
from types import MappingProxyType

from ..compiled import compiled
from ..diskcache import cached_table

KEY = 6  # symbols of a start looked up: "the ma", "0000 q"
WINDOW = 4 * KEY  # characters read to make a key of the text (spaces run together)
SCAN = 4  # symbols of a key the scanner looks for: a longer look-ahead costs more to compile than it saves
MAX_KEYS = 20_000  # past this an expression is scanned whole
OTHER = "\uffff"  # a character that is no space, decimal digit or ASCII letter, in a key
# The only characters beyond ASCII that IGNORECASE matches to ASCII ones, with the letter
# (CPython's simple lower case and its _casefix table; tests/test_regex_starts.py checks it).
CASE_KIN = MappingProxyType({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
PROBES = tuple(chr(c) for c in range(128)) + tuple(CASE_KIN)
BEYOND = frozenset({" ", "0", OTHER})  # what other characters fold to
CATEGORIES = {
    sre.CATEGORY_DIGIT: r"\d",
    sre.CATEGORY_NOT_DIGIT: r"\D",
    sre.CATEGORY_SPACE: r"\s",
    sre.CATEGORY_NOT_SPACE: r"\S",
    sre.CATEGORY_WORD: r"\w",
    sre.CATEGORY_NOT_WORD: r"\W",
}
# \s accepts only what str.isspace() calls a space, \d only decimal digits: they fold to these
CATEGORY_BEYOND = {sre.CATEGORY_SPACE: frozenset({" "}), sre.CATEGORY_DIGIT: frozenset({"0"})}
FLAGS = sre.SRE_FLAG_IGNORECASE | sre.SRE_FLAG_DOTALL | sre.SRE_FLAG_ASCII | sre.SRE_FLAG_UNICODE
ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)


@lru_cache(maxsize=4096)
def fold(char: str) -> str:
    r"""The key symbol of one character: spaces " ", decimal digits "0", letters lower case
    (the Kelvin sign "k"), anything else beyond ASCII :data:`OTHER`.

    >>> [fold(c) for c in "7 \tQq\u00a0\u0663\u212a–"]
    ['0', ' ', ' ', 'q', 'q', ' ', '0', 'k', '\uffff']
    """
    if char in CASE_KIN:
        return CASE_KIN[char]
    if char.isspace():
        return " "
    if char.isdecimal():
        return "0"
    return char.lower() if char.isascii() else OTHER


class _Fold(dict):
    """``str.translate`` table of :func:`fold`: ASCII listed, the rest folded when met."""

    def __missing__(self, code: int) -> str:
        return fold(chr(code))


FOLD = _Fold({c: fold(chr(c)) for c in range(128)})


class Unlisted(Exception):
    """The starts of an expression cannot be listed: it is scanned whole."""


@dataclass(frozen=True)
class Starts:
    """Folded keys a match can begin with: ``full`` of :data:`KEY` symbols, ``short`` whole
    matches shorter than that ("Q1" as "q0")."""

    full: frozenset[str]
    short: frozenset[str]


def start_keys(pattern: re.Pattern) -> Starts | None:
    r"""The folded keys a match of ``pattern`` can begin with, or None when its matches do not
    all start at a word boundary or the keys cannot be listed.

    >>> s = start_keys(re.compile(r"\b(?:the\s+)?Q[1-4]\b"))
    >>> sorted(s.short), "the q0" in s.full, "the x0" in s.full
    (['q0'], True, False)
    >>> s = start_keys(re.compile(r"(?<![\d/])\b(?i:in)\s+(?:19|20)\d\d"))  # look-behinds: same start
    >>> sorted(k for k in s.full if k.isascii())
    ['in 000']
    >>> start_keys(re.compile(r"\d+")) is None  # no leading \b: scanned whole
    True
    """
    try:
        tree = sre_parse.parse(pattern.pattern, pattern.flags)
        items = list(tree)
        while items and items[0][0] in (sre.ASSERT, sre.ASSERT_NOT):
            items.pop(0)
        if not items or items[0] != (sre.AT, sre.AT_BOUNDARY):
            return None
        keys = _sequence(items[1:], tree.state.flags)
    except (Unlisted, re.error, RecursionError):
        return None
    if "" in keys:
        return None  # an empty match: finditer's own stepping rules would apply
    full = frozenset(k for k in keys if len(k) == KEY)
    return Starts(full, frozenset(keys - full))


def _sequence(items: Iterable, flags: int) -> set[str]:
    """The keys of a sequence of parsed items: each item's keys after the last's."""
    keys = {""}
    for op, av in items:
        if op in ZERO_WIDTH:
            continue  # consumes nothing; leaving the assertion out lists more keys, never fewer
        keys = _then(keys, _item(op, av, flags))
        if min(map(len, keys), default=KEY) == KEY:
            break
    return keys


def _then(first: set[str], second: set[str]) -> set[str]:
    """Keys of ``first`` followed by ``second``, cut to :data:`KEY` symbols."""
    if len(second) == 1:  # a letter of a word: most items
        (symbols,) = second
        return {k if len(k) == KEY else collapse(k + symbols)[:KEY] for k in first}
    out = {k for k in first if len(k) == KEY}
    # one symbol more than the room left: a space may join the space before it
    heads = {n: {s[:n] for s in second} for n in {KEY - len(k) + 1 for k in first if len(k) < KEY}}
    out |= {collapse(k + h)[:KEY] for k in first if len(k) < KEY for h in heads[KEY - len(k) + 1]}
    if len(out) > MAX_KEYS:
        raise Unlisted("too many keys")
    return out


def collapse(symbols: str) -> str:
    """Runs of spaces as one, in a key: "the\u2002\u2002May" is "the" and two OTHER, and
    "the   May" is "the may".

    >>> collapse("the   ma")
    'the ma'
    """
    while "  " in symbols:
        symbols = symbols.replace("  ", " ")
    return symbols


def _item(op, av, flags: int) -> set[str]:
    if op in (sre.LITERAL, sre.NOT_LITERAL, sre.ANY, sre.IN):
        return set(_characters(op, tuple(av) if op is sre.IN else av, flags & FLAGS))
    if op is sre.SUBPATTERN:
        _group, add, remove, sub = av
        return _sequence(sub, (flags | add) & ~remove)
    if op is sre.ATOMIC_GROUP:
        return _sequence(av, flags)
    if op is sre.BRANCH:
        return set().union(*(_sequence(branch, flags) for branch in av[1]))
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        return _repeat(*av, flags)
    raise Unlisted(f"no keys for {op}")


def _repeat(low: int, high: int, sub, flags: int) -> set[str]:
    """Keys of ``sub`` repeated ``low`` to ``high`` times, up to :data:`KEY` symbols."""
    once, keys, done, count = _sequence(sub, flags), {""}, set(), 0
    while True:
        if count >= low:
            done |= keys
        if count == high:
            return done
        grown = _then(keys, once)
        if grown == keys:  # more repeats change nothing: every count from here gives these
            return done | keys
        keys, count = grown, count + 1


@lru_cache(maxsize=1024)
def _characters(op, av, flags: int) -> frozenset[str]:
    """The symbols of the characters one item accepts: those of the ASCII characters and their
    case kin, asked of the engine itself, and the symbols of any others it may accept."""
    accepts = re.compile(_source(op, av), flags).fullmatch
    return frozenset({fold(c) for c in PROBES if accepts(c)} | _beyond(op, av))


def _beyond(op, av) -> frozenset[str]:
    """Symbols of the characters beyond ASCII and its case kin an item may accept."""
    if op is sre.LITERAL:
        return BEYOND if av >= 128 else frozenset()
    if op is not sre.IN:
        return BEYOND  # ".", "[^x]"
    found: set[str] = set()
    for part_op, part_av in av:
        if part_op is sre.LITERAL and part_av < 128 or part_op is sre.RANGE and part_av[1] < 128:
            continue
        found |= CATEGORY_BEYOND.get(part_av, BEYOND) if part_op is sre.CATEGORY else BEYOND
    return frozenset(found)


def _source(op, av) -> str:
    if op is sre.LITERAL:
        return re.escape(chr(av))
    if op is sre.NOT_LITERAL:
        return f"[^{re.escape(chr(av))}]"
    if op is sre.ANY:
        return "."
    negate = "^" if av and av[0] == (sre.NEGATE, None) else ""
    return f"[{negate}{''.join(_class_part(o, a) for o, a in av if o is not sre.NEGATE)}]"


def _class_part(op, av) -> str:
    if op is sre.LITERAL:
        return re.escape(chr(av))
    if op is sre.RANGE:
        return f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}"
    if op is sre.CATEGORY and av in CATEGORIES:
        return CATEGORIES[av]
    raise Unlisted(f"no source for {op} {av}")


@dataclass(frozen=True)
class MultiFinder:
    r"""Expressions run together over a text, each with the matches of its own ``finditer``.

    >>> finder = build_multi_finder((r"\b(?:19|20)\d\d\b", r"\b(?i:q)[1-4]\b", r"\d"))
    >>> finder.spans("Q3 2025 and q4 of 1999")[:2]
    [[(3, 7), (18, 22)], [(0, 2), (12, 14)]]
    >>> finder.whole  # the last has no leading \b
    (2,)
    """

    patterns: tuple[re.Pattern, ...]
    whole: tuple[int, ...]  # the expressions scanned whole
    listed: tuple[int, ...]  # the others
    index: MappingProxyType  # full key -> the expressions a match can start with it
    short: MappingProxyType  # whole match shorter than KEY ("q0" of "Q1") -> the same
    short_sizes: tuple[int, ...]  # the lengths of those
    scanner: re.Pattern  # word boundaries where some key starts

    def spans(self, text: str) -> list[list[tuple[int, int]]]:
        """For each expression, in its order, the spans ``pattern.finditer(text)`` gives."""
        tries: list[list[int]] = [[] for _ in self.patterns]
        index, short, sizes, nothing = self.index, self.short, self.short_sizes, ()
        for hit in self.scanner.finditer(text):
            pos = hit.start()
            key = collapse(text[pos : pos + WINDOW].translate(FOLD))[:KEY]
            if len(key) < KEY and pos + WINDOW < len(text):
                found = self.listed  # a run of spaces longer than the window: try them all
            else:
                found = index.get(key, nothing)
                for size in sizes:  # whole matches shorter than a key: "Q1"
                    found += short.get(key[:size], nothing)
            for number in found:
                tries[number].append(pos)
        return [
            _matches(pattern, text, at)
            if number not in self.whole
            else [m.span() for m in pattern.finditer(text)]
            for number, (pattern, at) in enumerate(zip(self.patterns, tries, strict=True))
        ]


def _matches(pattern: re.Pattern, text: str, positions: list[int]) -> list[tuple[int, int]]:
    """``finditer`` over the only positions where ``pattern`` can match (none is empty)."""
    spans, resume = [], 0
    for pos in positions:
        if pos >= resume:
            match = pattern.match(text, pos)
            if match:
                spans.append(match.span())
                resume = match.end()
    return spans


def build_multi_finder(sources: Iterable[str | re.Pattern]) -> MultiFinder:
    """Compile ``sources`` (expressions or compiled patterns) and list where each can start."""
    patterns = tuple(re.compile(s) for s in sources)
    inputs = "\0".join(f"{p.flags}:{p.pattern}" for p in patterns)
    whole, full, short, sizes, scanner = cached_table("multi-finder", lambda: _index(patterns), inputs=inputs)
    listed = tuple(n for n in range(len(patterns)) if n not in whole)
    return MultiFinder(patterns, whole, listed, _frozen(full), _frozen(short), sizes, compiled(scanner))


def _index(patterns: tuple[re.Pattern, ...]) -> tuple[tuple[int, ...], dict, dict, tuple[int, ...], str]:
    """What :func:`build_multi_finder` reads off the parsed expressions (kept on disk: the
    analysis costs a cold start about 0.05 s): the expressions scanned whole, the full and
    short keys to expression numbers, the short keys' sizes, and the scanner's source."""
    full: dict[str, set[int]] = {}
    short: dict[str, set[int]] = {}
    whole = []
    for number, pattern in enumerate(patterns):
        starts = start_keys(pattern)
        if starts is None:
            whole.append(number)
            continue
        for key in starts.full:
            full.setdefault(key, set()).add(number)
        for key in starts.short:
            short.setdefault(key, set()).add(number)
    sizes = tuple(sorted({len(key) for key in short}))
    scanner = _scanner({key[:SCAN] for key in full} | {key[:SCAN] for key in short})
    return tuple(whole), full, short, sizes, scanner


def _frozen(index: dict[str, set[int]]) -> MappingProxyType:
    return MappingProxyType({key: tuple(sorted(found)) for key, found in index.items()})


def _scanner(keys: set[str]) -> str:
    """Word boundaries where some key starts: the keys as one trie in a look-ahead (source)."""
    trie: dict = {}
    for key in keys:
        node = trie
        for symbol in key:
            node = node.setdefault(symbol, {})
        node[""] = {}
    return rf"\b(?={_render(trie) if trie else '(?!)'})"


def _render(node: dict) -> str:
    branches = [_symbol_class(s) + _render(child) for s, child in sorted(node.items()) if s]
    if "" in node:
        branches.append("")
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


@lru_cache(maxsize=128)
def _symbol_class(symbol: str) -> str:
    """The characters that fold to a key symbol, or more, as a class (spaces as a run)."""
    if symbol == OTHER:
        return r"[^\x00-\x7f]"
    if symbol in {" ", "0"}:
        return r"\s+" if symbol == " " else r"\d"
    chars = [c for c in (*map(chr, range(128)), *CASE_KIN) if fold(c) == symbol]
    return "[" + "".join(re.escape(c) for c in chars) + "]"


__all__ = ["FOLD", "KEY", "MultiFinder", "Starts", "build_multi_finder", "fold", "start_keys"]
