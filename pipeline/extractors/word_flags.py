"""Word-level tests of the pattern families held as lexeme flags, which spaCy's ``Matcher``
reads in C.

A test of a token spec that depends on the word alone -- ``{"LOWER": {"IN": [...]}}``,
``{"TEXT": {"REGEX": "..."}}``, ``{"_": {"pf_name_word": true}}`` (an attribute of
:data:`pressfeed.extensions.WORD_EXTENSIONS`) -- has one answer per word. The ``Matcher`` asks
it in Python at every token of every doc (a plain ``_`` value at every token before it
matches); held as one of spaCy's free lexeme flag bits (``Vocab.add_flag``, ``FLAG19`` to
``FLAG63``) it is computed once per word and process and read natively. Flags are set
lazily: before a doc is matched, its words not yet flagged get every flag's value (one more
bit marks a word done). The flag is the test itself: the same tokens match.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from spacy.attrs import ORTH
from spacy.lexeme import Lexeme
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from ..extensions import WORD_EXTENSIONS

FREE_FLAGS = range(19, 64)  # spaCy's FLAG19..FLAG63, left to users
# A token spec key read as a word test -> the Lexeme attribute it reads.
WORD_ATTRS = {"LOWER": "lower_", "ORTH": "orth_", "TEXT": "orth_"}

# ("lower_" | "orth_", "IN" | "NOT_IN", frozenset of strings), (.., "REGEX", pattern), (..,
# "ALL", ((op, arg), ...)) for several of them on one attribute, or ("_", extension name, the
# bool it must equal)
WordTest = tuple


def spec_tests(key: str, value) -> list[WordTest]:
    """The word tests of one ``key: value`` of a token spec (none when it reads more than the word).

    >>> spec_tests("LOWER", {"IN": ["of"]})
    [('lower_', 'IN', frozenset({'of'}))]
    >>> spec_tests("LOWER", "of"), spec_tests("POS", {"IN": ["NOUN"]})
    ([], [])
    >>> spec_tests("_", {"pf_place": True, "pf_mention": "PERSON"})
    [('_', 'pf_place', True)]
    >>> spec_tests("TEXT", {"REGEX": "[.]", "NOT_IN": ["A.B."]})  # both, one test
    [('orth_', 'ALL', (('REGEX', '[.]'), ('NOT_IN', frozenset({'A.B.'}))))]
    """
    if key == "_" and isinstance(value, dict):
        return [("_", n, v) for n, v in value.items() if n in WORD_EXTENSIONS and isinstance(v, bool)]
    if key not in WORD_ATTRS or not isinstance(value, dict) or not value:
        return []
    parts = tuple(_part(op, arg) for op, arg in value.items())
    if None in parts:
        return []
    if len(parts) == 1:
        return [(WORD_ATTRS[key], *parts[0])]
    return [(WORD_ATTRS[key], "ALL", parts)]


def _part(op: str, arg) -> tuple[str, frozenset[str] | str] | None:
    if op in ("IN", "NOT_IN") and isinstance(arg, list) and all(isinstance(v, str) for v in arg):
        return op, frozenset(arg)
    if op == "REGEX" and isinstance(arg, str):
        return op, arg
    return None


def _check(test: WordTest) -> Callable[[Lexeme, dict[str, str]], bool]:
    """The test as a function of a lexeme and its texts (``{"lower_": ..., "orth_": ...}``, read
    once per word), exactly as the ``Matcher``'s predicate reads a token."""
    attr, op, arg = test
    if attr == "_":
        getter = Token.get_extension(op)[2]  # reads the word alone: a Lexeme answers like a token
        return lambda lexeme, _texts: getter(lexeme) == arg
    if op == "ALL":
        checks = [_check((attr, *part)) for part in arg]
        return lambda lexeme, texts: all(check(lexeme, texts) for check in checks)
    if op == "REGEX":
        search = re.compile(arg).search
        return lambda _lexeme, texts: search(texts[attr]) is not None
    if op == "IN":
        return lambda _lexeme, texts: texts[attr] in arg
    return lambda _lexeme, texts: texts[attr] not in arg


@dataclass(frozen=True)
class WordFlags:
    """The flag bit of each word test of a vocabulary, and the bit marking words done."""

    vocab: Vocab
    flags: dict[WordTest, int]
    done: int | None
    checks: tuple[tuple[int, Callable[[Lexeme, dict[str, str]], bool]], ...]

    @classmethod
    def allocate(cls, vocab: Vocab, tests: Iterable[WordTest]) -> WordFlags:
        """Flags for ``tests`` (the first ones while bits are free), reserved in ``vocab``
        (every word's flag off until :meth:`prepare` sets it)."""
        free = [bit for bit in FREE_FLAGS if bit not in vocab.lex_attr_getters]
        if len(free) < 2:
            return cls(vocab, {}, None, ())
        done, free = free[0], free[1:]
        flags = dict(zip(dict.fromkeys(tests), free, strict=False))
        for bit in (done, *flags.values()):
            # What ``vocab.add_flag(_off, flag_id=bit)`` does, less its pass over every word so
            # far: a bit no getter owns is off in every word already.
            vocab.lex_attr_getters[bit] = _off
        return cls(vocab, flags, done, tuple((bit, _check(test)) for test, bit in flags.items()))

    def rewrite(self, spec: dict) -> dict:
        """The token spec with each flagged word test read from its flag instead."""
        out: dict = {}
        for key, value in spec.items():
            tests = spec_tests(key, value)
            if key != "_" and tests and tests[0] in self.flags:
                out[self.flags[tests[0]]] = True
            elif key == "_":
                # a predicate ({"NOT_IN": [...]}) reads the mention index, never a flag
                rest = {
                    n: v for n, v in value.items() if isinstance(v, dict) or ("_", n, v) not in self.flags
                }
                out.update({self.flags[t]: True for t in tests if t in self.flags})
                if rest:
                    out["_"] = rest
            else:
                out[key] = value
        return out

    def prepare(self, doc: Doc) -> None:
        """Set the flags of the words of ``doc`` that have none yet."""
        if self.done is None:
            return
        table = doc.to_array([ORTH, self.done])
        for orth in set(table[table[:, 1] == 0, 0].tolist()):
            lexeme = self.vocab[orth]
            texts = {"lower_": lexeme.lower_, "orth_": lexeme.orth_}
            for bit, check in self.checks:
                lexeme.set_flag(bit, check(lexeme, texts))
            lexeme.set_flag(self.done, True)


def _off(_word: str) -> bool:
    return False
