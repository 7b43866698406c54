"""Regex alternations factored as a trie, for lexicons of hundreds of words.

``trie_alternation(["dollar", "dollars", "dinar"])`` gives ``d(?:inar|ollars?)``: the same
language as the plain alternation ``dollars|dollar|dinar``, with every shared prefix written
once. The pattern is shorter (the currency finder's source shrinks by about a third), compiles
faster and matches faster, because the engine tests one branch per first character instead
of every word in turn. Longer words are still preferred: at each node the branches that go on
are tried before the branch that ends there.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_END = ""


def trie_alternation(words: Iterable[str]) -> str:
    """Regex source matching exactly ``words`` (literal strings), longest first at each prefix.

    >>> trie_alternation(["dollar", "dollars", "dinar"])
    'd(?:inar|ollars?)'
    >>> rx = re.compile(trie_alternation(["US$", "U.S.$", "USD", "$"]))
    >>> [rx.fullmatch(w) is not None for w in ["US$", "U.S.$", "USD", "$", "US"]]
    [True, True, True, True, False]
    >>> trie_alternation([])
    '(?!)'
    """
    trie: dict = {}
    for word in set(words):
        if not word:
            continue
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[_END] = {}
    return _render(trie) if trie else "(?!)"


def _render(node: dict) -> str:
    ends_here = _END in node
    branches = [re.escape(char) + _render(child) for char, child in sorted(node.items()) if char != _END]
    if not branches:
        return ""
    if len(branches) == 1:
        body = branches[0]
        if not ends_here:
            return body
        return f"{body}?" if _is_single_char(body) else f"(?:{body})?"
    joined = "(?:" + "|".join(branches) + ")"
    return f"{joined}?" if ends_here else joined


def _is_single_char(source: str) -> bool:
    return len(source) == 1 or (len(source) == 2 and source[0] == "\\")
