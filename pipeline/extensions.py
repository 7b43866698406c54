"""The ``Token._`` extensions pressfeed's patterns read, declared once, all getters.

Patterns in ``data/patterns/`` use them like built-in attributes: ``{"_": {"pf_name_word":
true}}`` is a word that may be part of a personal name, ``{"_": {"pf_mention": "PERSON"}}`` a
token of a resolved person mention (the linkers' patterns), ``{"_": {"pf_honorific": true}}``
a token of an honorific ("Mr.", "Eng", "."), ``{"_": {"pf_layout": "header_line"}}`` a token
on a line of a header block. Registering is idempotent
(guarded by ``has_extension``) and happens when this module is imported.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc, Token

from .components.article import LAYOUT_KEY, LINE_LABELS
from .extractors.claims import MENTIONS_KEY, resolved
from .extractors.org_words import is_org_start, is_org_word
from .extractors.tokens import is_country_word, is_demonym, is_honorific, is_name_word
from .lexicons import build_lexicons

_INDEX_KEY = "pf_mention_index"
_LAYOUT_INDEX_KEY = "pf_layout_index"


def mention_index(doc: Doc) -> list[str]:
    """Fact label of the mention over each token ("" outside mentions), cached per mention
    group (the resolver replaces the group, so a stale index is never read).

    The link patterns ask it at every token of every doc, so the group is read off the dict
    under ``doc.spans`` (its ``get`` runs three Python frames more) and the check is one tuple.
    """
    group = doc.spans.data.get(MENTIONS_KEY)
    size = len(group) if group is not None else 0
    cached = doc.user_data.get(_INDEX_KEY)
    if cached is not None and cached[0] is group and cached[1] == size:
        return cached[2]
    labels = [""] * len(doc)
    for span, _, fact in resolved(doc):  # outer spans come first: a title keeps its nested places
        if fact != "NONE":
            for i in range(span.start, span.end):
                if not labels[i]:
                    labels[i] = fact
    doc.user_data[_INDEX_KEY] = (group, size, labels)
    return labels


def _mention_label(token: Token) -> str:
    return mention_index(token.doc)[token.i]


def layout_index(doc: Doc) -> list[str]:
    """Layout label of the line over each token ("header_line", "paragraph"...; "" between
    lines), cached per layout group."""
    group = doc.spans.get(LAYOUT_KEY)
    cached = doc.user_data.get(_LAYOUT_INDEX_KEY)
    if cached is not None and cached[0] is group:
        return cached[1]
    labels = [""] * len(doc)
    for span in group or ():
        if span.label_ in LINE_LABELS:
            labels[span.start : span.end] = [span.label_] * len(span)
    doc.user_data[_LAYOUT_INDEX_KEY] = (group, labels)
    return labels


@cache
def currency_codes() -> frozenset[str]:
    """ISO 4217 alphabetic codes ("EUR", "KZT")."""
    import pycountry

    return frozenset(c.alpha_3 for c in pycountry.currencies)


EXTENSIONS = {
    "pf_currency": lambda token: token.text in currency_codes(),
    "pf_name_word": lambda token: is_name_word(token, build_lexicons()),
    "pf_honorific": lambda token: is_honorific(token, build_lexicons()),
    "pf_country": lambda token: is_country_word(token, build_lexicons()),
    "pf_demonym": lambda token: is_demonym(token, build_lexicons()),
    "pf_place": lambda token: build_lexicons().gazetteer.is_place(token.text),
    "pf_mention": _mention_label,
    "pf_org_word": is_org_word,
    "pf_org_start": lambda token: is_org_start(token, build_lexicons()),
    "pf_layout": lambda token: layout_index(token.doc)[token.i],
    "pf_person_inside": lambda token: token.ent_iob_ == "I" and token.ent_type_ == "PERSON",
}

# The attributes whose getters read the word alone (its text and lexeme flags such as
# ``is_stop``), never its place in a doc: the same for every token of one word, so the pattern
# matcher may read them as lexeme flags (``extractors.word_flags``). Each returns a bool.
# these read the doc
WORD_EXTENSIONS = frozenset(EXTENSIONS) - {"pf_mention", "pf_layout", "pf_honorific", "pf_person_inside"}

for _name, _getter in EXTENSIONS.items():
    if not Token.has_extension(_name):
        Token.set_extension(_name, getter=_getter)
