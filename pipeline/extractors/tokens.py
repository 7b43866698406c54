"""Named token predicates shared by the people, roles and places extractors.

Composed like grammar rules (scispaCy's ``hearst_patterns``): each answers one question about
one token, with the lexicons passed in, so rules read as sentences.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..lexicons import NAME_PARTICLES, Lexicons

MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
POSSESSIVE = frozenset({"'s", "’s", "'", "’"})


def is_capitalized(token: Token) -> bool:
    return token.text[:1].isupper()


def is_country_word(token: Token, lex: Lexicons) -> bool:
    return lex.gazetteer.country_code(token.text) is not None


def is_demonym(token: Token, lex: Lexicons) -> bool:
    return lex.gazetteer.demonym_country(token.text) is not None


def is_name_word(token: Token, lex: Lexicons) -> bool:
    """A capitalized word that can be part of a personal name."""
    text = token.text
    return (
        is_capitalized(token)
        and any(c.isalpha() for c in text)
        and not token.like_num
        and not token.is_stop
        and text.casefold() not in MONTHS
        and text.casefold() not in lex.honorifics
        and not lex.is_institution_word(text)
        and not is_demonym(token, lex)
        and not is_country_word(token, lex)
    )


def is_hyphen_link(doc: Doc, i: int) -> bool:
    """A hyphen glued on both sides ("Kassym-Jomart", "Mazar-i-Sharif")."""
    return (
        0 < i < len(doc) - 1
        and doc[i].text in {"-", "‐"}
        and not doc[i - 1].whitespace_
        and not doc[i].whitespace_
    )


def name_end(doc: Doc, start: int, lex: Lexicons, *, max_words: int = 5) -> int:
    """End (exclusive) of the personal name starting at ``start``; ``start`` if none.

    Accepts capitalized name words, glued hyphens ("Kassym-Jomart") and lower-case particles
    between name words ("bin", "al", "von").
    """
    i, words = start, 0
    while i < len(doc) and words < max_words:
        token = doc[i]
        if is_name_word(token, lex):
            i, words = i + 1, words + 1
        elif words and is_hyphen_link(doc, i) and i + 1 < len(doc) and doc[i + 1].is_alpha:
            i += 2
        elif words and token.lower_ in NAME_PARTICLES and i + 1 < len(doc) and is_name_word(
            doc[i + 1], lex
        ):
            i += 1
        else:
            break
    return i


def strip_possessive(span: Span) -> Span:
    """Drop a trailing "'s" ("Pakistan's" -> "Pakistan")."""
    if len(span) > 1 and span[-1].text in POSSESSIVE:
        return span[:-1]
    return span


def capitalized_run_end(doc: Doc, start: int) -> int:
    """End of the run of capitalized words (and glued hyphens) from ``start``."""
    i = start
    while i < len(doc) and (is_capitalized(doc[i]) or (i > start and is_hyphen_link(doc, i))):
        i += 1
    return i
