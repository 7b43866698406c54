"""spaCy's tokenizer, kept linear on runs of characters without a space.

spaCy splits prefixes and suffixes off a space-free run one at a time and searches the rest of
the run again each time: 100,000 nested parentheses take an hour, 880 KB of hyphen-joined words
minutes. No word of real text is hundreds of characters long, so a run longer than
``MAX_RUN`` is cut into slices of ``SLICE`` characters, each tokenized on its own; the ``Doc``
is built from the tokens with their whitespace, so its text is the input, character for
character, and every offset holds.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

MAX_RUN = 400  # longer than any word or usual URL
SLICE = 100
LONG_RUN = re.compile(rf"\S{{{MAX_RUN},}}")


def slice_end(text: str, start: int, stop: int) -> int:
    """End of the slice from ``start``: at most ``SLICE`` characters, cut where a letter or digit
    meets other characters, so no word is split ("((NSA))" keeps "NSA"); a run of letters longer
    than a slice is cut at ``SLICE``.

    >>> slice_end("(" * 99 + "NSA)", 0, 103)
    99
    """
    end = min(start + SLICE, stop)
    if end == stop:
        return end
    for k in range(end, start, -1):
        if text[k - 1].isalnum() != text[k].isalnum():
            return k
    return end


def add_legal_form_cases(tokenizer) -> None:
    """Each dotted word of a legal form is one token ("S.p.A.", "Sdn.", "S.A.C."), as spaCy
    already keeps "S.A." and "Inc.": the organization patterns match forms word by word."""
    from .extractors.patterns import lexicon

    for word in lexicon("legal_form_words_cased") + lexicon("legal_form_tails_cased"):
        if "." in word[:-1] or word.endswith(".") and len(word) > 2:
            tokenizer.add_special_case(word, [{"ORTH": word}])


def add_agency_credit_cases(tokenizer) -> None:
    """A news agency credited between slashes is a word of its own ("Ulaanbaatar /MONTSAME/."
    gives "/", "MONTSAME", "/"), as in brackets ("(Reuters)"), so org.agency_credit_slashes can
    match it; other slashed words ("/PRNewswire/", "km/h") stay as spaCy reads them."""
    from .extractors.patterns import lexicon

    for agency in lexicon("news_agencies_cased"):
        for form in dict.fromkeys((agency, agency.upper(), agency.capitalize())):
            words = [{"ORTH": "/"}, {"ORTH": form}, {"ORTH": "/"}]
            tokenizer.add_special_case(f"/{form}/", words)
            for mark in ".,":  # spaCy splits no mark after a slash: "/MONTSAME/." is one run
                tokenizer.add_special_case(f"/{form}/{mark}", [*words, {"ORTH": mark}])


def add_special_cases(tokenizer) -> None:
    """pressfeed's special cases of the model's tokenizer: legal forms, agency credits."""
    add_legal_form_cases(tokenizer)
    add_agency_credit_cases(tokenizer)


class BoundedTokenizer:
    """Wraps a spaCy tokenizer; texts without a long run go to it unchanged."""

    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        if LONG_RUN.search(text) is None:
            return self.tokenizer(text)
        words: list[str] = []
        spaces: list[bool] = []
        position = 0
        for run in LONG_RUN.finditer(text):
            self._add(text[position : run.start()], words, spaces)
            start = run.start()
            while start < run.end():
                end = slice_end(text, start, run.end())
                self._add(text[start:end], words, spaces)
                start = end
            position = run.end()
        self._add(text[position:], words, spaces)
        return Doc(self.tokenizer.vocab, words=words, spaces=spaces)

    def _add(self, segment: str, words: list[str], spaces: list[bool]) -> None:
        """The tokens of one segment; a space that ends it is the last token's whitespace."""
        if not segment:
            return
        for token in self.tokenizer(segment):
            words.append(token.text)
            spaces.append(bool(token.whitespace_))

    def pipe(self, texts, batch_size: int = 1000):
        for text in texts:
            yield self(text)

    # spaCy reads and writes the tokenizer with the pipeline (to_disk, pickling for workers).
    def to_bytes(self, **kwargs):
        return self.tokenizer.to_bytes(**kwargs)

    def from_bytes(self, data, **kwargs):
        self.tokenizer.from_bytes(data, **kwargs)
        return self

    def to_disk(self, path, **kwargs):
        self.tokenizer.to_disk(path, **kwargs)

    def from_disk(self, path, **kwargs):
        self.tokenizer.from_disk(path, **kwargs)
        return self

    def __getattr__(self, name):
        return getattr(self.tokenizer, name)
