"""Token predicates of organization names, for the patterns of ``data/patterns/organizations.jsonl``.

``pf_org_word`` is a word that may stand inside a company's name ("H2", "Sertão", "do",
"&"); ``pf_org_start`` one that may open it (not "The", not a title word such as "Chairman").
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Token

from ..lexicons import CONNECTORS, Lexicons
from ..resources import read_table, read_words

# Brackets or a double dash inside a token: "Chile--(BUSINESS" is no word of a name.
NOT_A_WORD_RE = re.compile(r"[()\[\]]|--")


@cache
def org_particles() -> frozenset[str]:
    """Lower-case words and joining symbols inside organization names (``org_particles.tsv``)."""
    return read_words("org_particles.tsv")


@cache
def legal_form_words() -> frozenset[str]:
    """Legal forms of one word ("Ltd.", "GmbH", "A.Ş."), as written in ``legal_forms.tsv``."""
    return frozenset(
        row["form"] for row in read_table("legal_forms.tsv", ("form",)) if " " not in row["form"]
    )


def is_org_word(token: Token) -> bool:
    """A word inside an organization name: capitalized, a code with a digit ("H2"), or a particle.

    >>> import spacy
    >>> doc = spacy.blank("en")("Linhas do Sertão H2 , and")
    >>> [is_org_word(t) for t in doc]
    [True, True, True, True, False, False]
    """
    text = token.text
    if text[:1].isupper():
        return text not in legal_form_words() and not NOT_A_WORD_RE.search(text)
    if text[:1].isdigit():
        return any(c.isalpha() for c in text)
    return text.casefold() in org_particles()


def is_org_start(token: Token, lex: Lexicons) -> bool:
    """A capitalized word that may open an organization name: not "The", a title word or a
    legal form ("Chairman Halden Corp." names Halden Corp.)."""
    text = token.text
    if not text[:1].isupper() or text in legal_form_words() or NOT_A_WORD_RE.search(text):
        return False
    folded = text.casefold()
    return not (
        token.is_stop or lex.is_title_word(text) or folded in lex.honorifics or folded in lex.speech_verbs
    )


def initials(name: str) -> str:
    """The capitals of a name's words, function words skipped.

    >>> initials("International Organization for Migration")
    'IOM'
    """
    return "".join(w[0] for w in name.split() if w[:1].isupper() and w.casefold() not in CONNECTORS)


def continues_list(rest: list[str], lex: Lexicons) -> bool:
    """Words after a comma that end an enumeration ("Oceans and the Coast Guard"), not a company
    ("Hanul Chemical Co."): an "and" among them and no legal form. A title or an organization
    cut at such a comma would lose its portfolio ("Ministry of Ports, Shipping and Waterways").

    >>> from pressfeed.lexicons import build_lexicons
    >>> lex = build_lexicons()
    >>> continues_list("Oceans and the Canadian Coast Guard".split(), lex)
    True
    >>> [continues_list(t.split(), lex) for t in ("Hanul Chemical Co.", "Smith and Jones LLP")]
    [False, False]
    """
    folded = [w.casefold() for w in rest]
    return any(w in {"and", "&"} for w in folded) and not any(w in lex.legal_forms for w in folded)
