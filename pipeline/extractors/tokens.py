"""Named token predicates shared by the people, roles and places extractors.

Composed like grammar rules (scispaCy's ``hearst_patterns``): each answers one question about
one token, with the lexicons passed in, so rules read as sentences.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from ..lexicons import CONNECTORS, Lexicons
from ..record import Span as Evidence
from ..resources import read_table
from .names import is_name_suffix

MONTHS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    ]
)
POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
# "son/daughter of": after one of these, the word before is a given name ("Sultan bin Khalifa").
PATRONYMIC_PARTICLES = frozenset({"bin", "bint", "ibn", "binti"})


SENTENCES_KEY = "pressfeed_sentence_bounds"
TEXT_KEY = "pressfeed_text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per doc (spaCy rebuilds it from the tokens on every access)."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


WORDS_KEY = "pressfeed_words"
ENTS_KEY = "pressfeed_ents"


def model_entities(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, built once per doc: spaCy builds every entity span anew on each access, and
    the pipeline's components are the last to set them."""
    ents = doc.user_data.get(ENTS_KEY)
    if ents is None:
        ents = doc.user_data[ENTS_KEY] = doc.ents
    return ents


@dataclass(frozen=True)
class Words:
    """Per token of a doc: its text, lower case, whether it is capitalized (:func:`is_capitalized`)
    and its character bounds, so a scan over the doc reads lists, not a new Token per question."""

    text: tuple[str, ...]
    lower: tuple[str, ...]
    capitalized: tuple[bool, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    spaced: tuple[bool, ...]  # whitespace after the token

    def span_text(self, doc_text: str, start: int, end: int) -> str:
        """``doc[start:end].text`` for a span of at least one token."""
        return doc_text[self.starts[start] : self.ends[end - 1]]


def words(doc: Doc) -> Words:
    """The :class:`Words` of ``doc``, read once per doc."""
    cached = doc.user_data.get(WORDS_KEY)
    if cached is None:
        tokens = list(doc)
        text = tuple(t.text for t in tokens)
        starts = tuple(t.idx for t in tokens)
        cached = doc.user_data[WORDS_KEY] = Words(
            text,
            tuple(t.lower_ for t in tokens),
            tuple(w[:1].isupper() for w in text),
            starts,
            tuple(start + len(w) for start, w in zip(starts, text, strict=True)),
            tuple(bool(t.whitespace_) for t in tokens),
        )
    return cached


def sentence_bounds(doc: Doc) -> tuple[list[int], list[int]]:
    """Start and end token index of every token's sentence, computed once per doc.

    ``Token.sent`` walks the whole doc on each call; extractors ask thousands of times.
    """
    cached = doc.user_data.get(SENTENCES_KEY)
    if cached is None:
        starts, ends = [0] * len(doc), [0] * len(doc)
        for sent in doc.sents:
            for i in range(sent.start, sent.end):
                starts[i], ends[i] = sent.start, sent.end
        cached = doc.user_data[SENTENCES_KEY] = (starts, ends)
    return cached


def sentence_of(doc: Doc, i: int) -> Span:
    starts, ends = sentence_bounds(doc)
    return doc[starts[i] : ends[i]]


@lru_cache(maxsize=1)
def _penn_to_pos() -> dict[str, str]:
    return {row["tag"]: row["pos"] for row in read_table("penn_pos.tsv", ("tag", "pos"))}


def pos(token: Token) -> str:
    """Coarse part of speech: the model's own when set, else read off the Penn tag."""
    return token.pos_ or _penn_to_pos().get(token.tag_, "X")


def is_capitalized(token: Token) -> bool:
    return token.text[:1].isupper()


def is_country_word(token: Token, lex: Lexicons) -> bool:
    return lex.gazetteer.country_code(token.text) is not None


def is_demonym(token: Token, lex: Lexicons) -> bool:
    return lex.gazetteer.demonym_country(token.text) is not None


def is_name_word(token: Token, lex: Lexicons) -> bool:
    """A capitalized word that can be part of a personal name (a property of the word alone,
    so it is memoized per word in ``lex.word_cache``)."""
    text = token.text
    cached = lex.word_cache.get(text)
    if cached is None:
        cached = lex.word_cache[text] = (
            is_capitalized(token)
            and any(c.isalpha() for c in text)
            and not token.like_num
            and not token.is_stop
            and text.casefold() not in MONTHS
            and text.casefold() not in lex.honorifics
            and f"{text}.".casefold() not in lex.honorifics  # "Eng" of "Eng."
            and text not in lex.post_nominals
            and text.casefold() not in lex.legal_forms  # "Vaalkrans Gold Limited"
            and text.casefold() not in lex.non_name_words
            and not lex.is_institution_word(text)
            and not is_demonym(token, lex)
            and not is_country_word(token, lex)
        )
    return cached


def is_honorific(token: Token, lex: Lexicons) -> bool:
    """A token of an honorific before a name: the word ("Mr.", "Eng"), the period split off it,
    or a bracket around one ("Amb. (Dr.) Josephine Odera")."""
    doc, i = token.doc, token.i
    if token.lower_.rstrip(".") in lex.honorific_stems:
        return True
    if token.text in {".", ")"} and i > 0:
        return doc[i - 1].lower_.rstrip(".") in lex.honorific_stems
    if token.text == "(" and i + 1 < len(doc):
        return doc[i + 1].lower_.rstrip(".") in lex.honorific_stems
    return False


def is_name_start(doc: Doc, i: int, lex: Lexicons) -> bool:
    """A name word, or a word that opens a name only before one: the model's PERSON
    "Jordan" in "Jordan Whitfield" (a country otherwise), or a capitalized pronoun-like
    word mid-sentence ("He" in "chief executive, He Jiaqi")."""
    if not words(doc).capitalized[i]:
        return False  # every case below needs a capitalized word: no Token built for the rest
    token = doc[i]
    if is_name_word(token, lex):
        return True
    if is_capitalized(token) and i + 2 < len(doc) and doc[i + 1].text in PATRONYMIC_PARTICLES:
        return is_name_word(doc[i + 2], lex)  # "Sultan bin Khalifa": a title word as a given name
    if not is_capitalized(token) or i + 1 >= len(doc) or not is_name_word(doc[i + 1], lex):
        return False
    if (
        lex.is_institution_word(token.text)
        or is_demonym(token, lex)
        or token.lower_ in lex.honorifics
        or token.lower_ in lex.non_name_words
    ):
        return False  # "Ms Vaitkevičienė" is Vaitkevičienė
    if token.is_stop and pos(token) in {"ADP", "DET", "CCONJ", "SCONJ"}:
        return False  # "By Ama Boateng": a byline's "By" opens no name
    if token.ent_type_ == "PERSON" and doc[i + 1].ent_type_ == "PERSON":
        return True
    return pos(token) in {"PRON", "PROPN"} and not token.is_sent_start and i > 0 and doc[i - 1].text == ","


def is_hyphen_link(doc: Doc, i: int) -> bool:
    """A hyphen glued on both sides ("Kassym-Jomart", "Mazar-i-Sharif")."""
    tokens = words(doc)
    return (
        0 < i < len(tokens.text) - 1
        and tokens.text[i] in {"-", "‐"}
        and not tokens.spaced[i - 1]
        and not tokens.spaced[i]
    )


def is_based_link(doc: Doc, i: int) -> bool:
    """Token ``i`` is the glued hyphen of "X-based" ("Riyadh-based", "Abu Dhabi-based")."""
    return is_hyphen_link(doc, i) and doc[i + 1].lower_ == "based"


def _syllable_after_hyphen(doc: Doc, i: int) -> bool:
    """A lower-case second syllable of a given name ("Soo-yeon", "Jae-in"): short, no English
    word the tagger knows as a verb or adjective ("-based", "-led", "-owned")."""
    token = doc[i]
    return token.is_lower and len(token.text) <= 4 and token.tag_ not in {"VBN", "VBD", "VBG", "JJ"}


def name_end(doc: Doc, start: int, lex: Lexicons, *, max_words: int = 5) -> int:
    """End (exclusive) of the personal name starting at ``start``; ``start`` if none.

    Accepts capitalized name words, glued hyphens ("Kassym-Jomart"), the period of an
    abbreviated given name ("Ts. Munkhbayar", "Ma. Cristina") and runs of lower-case particles
    before a name word ("bin", "van der", "dela").
    """
    i, words = start, 0
    while i < len(doc) and words < max_words:
        token = doc[i]
        if is_name_word(token, lex) or (words == 0 and is_name_start(doc, i, lex)):
            i, words = i + 1, words + 1
        elif words and is_hyphen_link(doc, i) and _name_syllable(doc, i + 1):
            i += 2  # "Kassym-Jomart", "Soo-yeon", but not "Riyadh-based"
        elif words and _glued_apostrophe(doc, i, lex):
            i += 1  # "Achieng' Otieno-Were": the apostrophe ends a name word
        elif words and is_abbreviation_period(doc, i, lex):
            i += 1
        elif words and (after := _particles_end(doc, i, lex)) > i:
            i = after
        else:
            break
    if (
        words
        and i < len(doc)
        and doc[i].text == "."
        and not doc[i - 1].whitespace_
        and is_name_suffix(doc[i - 1].text + ".")  # "Sr.", "Jr.", not "III."
    ):
        i += 1  # the period of a suffix the tokenizer splits off: "Samuel W. Tarpeh Sr. –"
    return i


def name_word_starts(doc: Doc, start: int, lex: Lexicons) -> list[int]:
    """Where each word of the name at ``start`` begins: a hyphenated family name or an
    abbreviated given name is one word and a middle initial none ("Tomasz Zuk-Borowiecki" and
    "Shantanu R. Iyengar" have two words, "Ts. Munkhbayar" two).
    """
    end = name_end(doc, start, lex)
    return [
        k
        for k in range(start, end)
        if not is_hyphen_link(doc, k)
        and not is_hyphen_link(doc, k - 1)
        and doc[k].text not in {".", "'", "’"}
        and not (k > start and len(doc[k].text.rstrip(".")) == 1)
    ]


def _glued_apostrophe(doc: Doc, i: int, lex: Lexicons) -> bool:
    """An apostrophe glued to the end of a name word, another name word after it ("Achieng'
    Odera" in Kenyan names)."""
    return (
        doc[i].text in {"'", "’"}
        and not doc[i - 1].whitespace_
        and bool(doc[i].whitespace_)
        and i + 1 < len(doc)
        and is_name_word(doc[i + 1], lex)
    )


def _name_syllable(doc: Doc, i: int) -> bool:
    return i < len(doc) and doc[i].is_alpha and (is_capitalized(doc[i]) or _syllable_after_hyphen(doc, i))


def is_abbreviation_period(doc: Doc, i: int, lex: Lexicons) -> bool:
    """The period glued to a one- or two-letter given name before another name word ("Ts."
    "Kh." in Mongolian names, "Ma." for Maria)."""
    before = doc[i - 1]
    return (
        doc[i].text == "."
        and not before.whitespace_
        and len(before.text) <= 2
        and before.text[:1].isupper()
        and i + 1 < len(doc)
        and is_name_word(doc[i + 1], lex)
    )


def _particles_end(doc: Doc, i: int, lex: Lexicons, *, most: int = 3) -> int:
    """After one to ``most`` lower-case particles, the index of the name word they lead to;
    ``i`` when there is none ("van der Merwe", "bint Khalfan", "dela Cruz"); a particle may be
    glued to it with a hyphen ("Saad Jabbar al-Khafaji", "Osman Babiker al-Nour")."""
    j = i
    while j < len(doc) and j - i < most and doc[j].text in lex.name_particles:
        j += 1
    if j > i and is_hyphen_link(doc, j):
        j += 1
    return j if j > i and j < len(doc) and is_name_word(doc[j], lex) else i


def is_line_break(doc: Doc, i: int) -> bool:
    """The token at ``i`` is whitespace holding a new line, or the end of the doc: a list item,
    a contact line or a header line ends there."""
    return i >= len(doc) or doc[i].is_space and "\n" in doc[i].text


def strip_possessive(span: Span) -> Span:
    """Drop a trailing "'s" ("Pakistan's" -> "Pakistan")."""
    if len(span) > 1 and span[-1].text in POSSESSIVE:
        return span[:-1]
    return span


def capitalized_run_end(doc: Doc, start: int) -> int:
    """End of the run of capitalized words from ``start``, through glued hyphens and
    possessives inside a name ("Western Region Canoe Fishermen's Council")."""
    i = start
    while i < len(doc) and (
        is_capitalized(doc[i])
        or i > start
        and is_hyphen_link(doc, i)
        or i > start
        and doc[i].text in POSSESSIVE
        and i + 1 < len(doc)
        and is_capitalized(doc[i + 1])
    ):
        i += 1
    return i


def overlaps_any(span: Span, taken: Iterable[tuple[int, int]]) -> bool:
    return any(span.start_char < e and s < span.end_char for s, e in taken)


def trim_the(span: Span) -> Span:
    return span[1:] if len(span) > 1 and span[0].lower_ == "the" else span


def without_based_prefix(span: Span) -> Span:
    """The span after a place of up to three words and "-based": the place says where the
    body is, it is no part of its name ("Riyadh-based Najd Utilities", "Abu Dhabi-based X").

    >>> import spacy
    >>> doc = spacy.blank("en")("at Abu Dhabi-based Najd Utilities")
    >>> without_based_prefix(doc[1:]).text, without_based_prefix(doc[4:]).text
    ('Najd Utilities', 'based Najd Utilities')
    """
    for j in range(1, min(len(span) - 2, 4)):
        if is_based_link(span.doc, span.start + j):
            return span[j + 2 :]
    return span


def without_bracketed_tail(span: Span) -> Span:
    """The span without a closing bracketed part, an acronym that is an alias, not the name.

    >>> import spacy
    >>> doc = spacy.blank("en")("the World Food Programme (WFP) said")
    >>> without_bracketed_tail(doc[1:7]).text, without_bracketed_tail(doc[1:4]).text
    ('World Food Programme', 'World Food Programme')
    """
    if span[-1].text != ")":
        return span
    opened = next((k for k in range(span.end - 1, span.start, -1) if span.doc[k].text == "("), None)
    return span.doc[span.start : opened] if opened is not None else span


# List bullets a statistical entity may take in ("• Nutrition: US$6.8 million").
LIST_BULLETS = frozenset({"•", "·", "▪", "■", "●", "◆", "*", "-", "–", "—"})


def without_leading_bullets(span: Span) -> Span:
    """The span without the list bullets it opens with, its label kept (empty when it is
    nothing else).

    >>> import spacy
    >>> doc = spacy.blank("en")("• Nutrition: US$6.8 million")
    >>> without_leading_bullets(doc[0:2]).text
    'Nutrition'
    """
    start = span.start
    while start < span.end and span.doc[start].text in LIST_BULLETS:
        start += 1
    if start == span.start:
        return span
    return Span(span.doc, start, span.end, label=span.label_, span_id=span.id_)


def find_mentions(
    doc: Doc, forms: set[str], taken: list[tuple[int, int]], excluded: set[int]
) -> tuple[Evidence, ...]:
    starts = words(doc).starts
    blocked = {starts[i] for i in excluded}
    text = doc_text(doc)
    found: dict[int, Evidence] = {}
    for form in sorted(forms, key=len, reverse=True):
        # Whole names only, but "Riyadh-based" names Riyadh ("Al-Harbi" does not name "Harbi").
        for start, end in form_occurrences(doc, form):
            if start in blocked or any(start < e and s < end for s, e in taken):
                continue
            if any(f.start <= start < f.end for f in found.values()):
                continue
            found[start] = Evidence(start, end, text[start:end])
    return tuple(found[k] for k in sorted(found))


# Characters that equal an ASCII letter under ``re.IGNORECASE`` or in lower case though they are
# not ASCII themselves (dotted and dotless i, the long s, the Kelvin sign); ``İ`` is also the
# one character whose lower case is two characters long.
CASELESS_ASCII_TWINS = frozenset("\u0130\u0131\u017f\u212a")
_LOWER_KEY = "pressfeed_text_lower"


@lru_cache(maxsize=4096)
def _mention_regex(form: str) -> re.Pattern:
    """The reference reading of :func:`form_occurrences`: ``form`` as a whole word (case
    ignored for a title-case form), not glued to a word or hyphen before it, nor to a word or
    to "-" and a capital after it."""
    flags = re.IGNORECASE if form.istitle() else 0
    return re.compile(rf"(?<![\w-]){re.escape(form)}(?![\w])(?-i:(?!-[A-Z]))", flags)


def _lowered(doc: Doc) -> str | None:
    """The doc's text in lower case, aligned character for character with it; None when a
    character of it reads as an ASCII letter only under ``re.IGNORECASE`` (computed once per
    doc)."""
    if _LOWER_KEY not in doc.user_data:
        text = doc_text(doc)
        plain = text.isascii() or CASELESS_ASCII_TWINS.isdisjoint(text)
        doc.user_data[_LOWER_KEY] = text.lower() if plain else None
    return doc.user_data[_LOWER_KEY]


def form_occurrences(doc: Doc, form: str) -> list[tuple[int, int]]:
    """Character ranges of ``form`` in the doc as :func:`_mention_regex` finds them, by string
    search where that is the same test (a case-sensitive form; a title-case ASCII form in a text
    without :data:`CASELESS_ASCII_TWINS`), else by the regex."""
    text = doc_text(doc)
    if not form:
        return [m.span() for m in _mention_regex(form).finditer(text)]
    if not form.istitle():
        return _literal_occurrences(text, text, form)
    lowered = _lowered(doc) if form.isascii() else None
    if lowered is None:
        return [m.span() for m in _mention_regex(form).finditer(text)]
    return _literal_occurrences(text, lowered, form.lower())


def _literal_occurrences(text: str, haystack: str, needle: str) -> list[tuple[int, int]]:
    """Non-overlapping occurrences of ``needle`` in ``haystack`` (``text`` or its aligned lower
    case), left to right, that stand as whole words in ``text``.

    >>> _literal_occurrences("Harbi, Al-Harbi and Harbi-led", "Harbi, Al-Harbi and Harbi-led", "Harbi")
    [(0, 5), (20, 25)]
    >>> _literal_occurrences("Kazakh-Chinese talks", "kazakh-chinese talks", "kazakh")
    []
    """
    spans = []
    size, stop = len(needle), len(text)
    position = haystack.find(needle)
    while position >= 0:
        end = position + size
        before = text[position - 1] if position else ""
        after = text[end] if end < stop else ""
        if (
            before != "-"
            and not _is_word_char(before)
            and not _is_word_char(after)
            and not (after == "-" and "A" <= text[end + 1 : end + 2] <= "Z")
        ):
            spans.append((position, end))
            position = haystack.find(needle, end)
        else:
            position = haystack.find(needle, position + 1)
    return spans


def hyphen_bounded_occurrences(text: str, form: str, joiners: str = "-") -> list[tuple[int, int]]:
    """Spans of ``re.finditer(rf"(?<![\\w-]){re.escape(form)}(?![\\w-])", text)`` by string
    search: ``form`` with neither a word character nor one of ``joiners`` (a hyphen) on either
    side, left to right.

    >>> hyphen_bounded_occurrences("Harbi, Al-Harbi and Harbi-led Harbi_ Harbi", "Harbi")
    [(0, 5), (37, 42)]
    >>> hyphen_bounded_occurrences("Al-Harbi", "Harbi", joiners="")
    [(3, 8)]
    """
    if not form:
        bound = rf"[\w{re.escape(joiners)}]"
        return [m.span() for m in re.finditer(rf"(?<!{bound}){re.escape(form)}(?!{bound})", text)]
    spans = []
    size, stop = len(form), len(text)
    position = text.find(form)
    while position >= 0:
        end = position + size
        before = text[position - 1] if position else ""
        after = text[end] if end < stop else ""
        if not _is_word_char(before) and not _is_word_char(after) and not _joins(before, after, joiners):
            spans.append((position, end))
            position = text.find(form, end)
        else:
            position = text.find(form, position + 1)
    return spans


def _joins(before: str, after: str, joiners: str) -> bool:
    return bool(joiners) and (bool(before) and before in joiners or bool(after) and after in joiners)


def has_whole_word(text: str, form: str) -> bool:
    """``re.search(rf"\\b{re.escape(form)}\\b", text)`` by string search where that is the same
    test (``form`` begins and ends with a word character).

    >>> has_whole_word("the IOM said", "IOM"), has_whole_word("IOMs", "IOM")
    (True, False)
    """
    if form and _is_word_char(form[0]) and _is_word_char(form[-1]):
        return bool(hyphen_bounded_occurrences(text, form, joiners=""))
    return re.search(rf"\b{re.escape(form)}\b", text) is not None


def literal_occurrences(text: str, form: str) -> list[tuple[int, int]]:
    """Spans of ``re.finditer(re.escape(form), text)``: non-overlapping, left to right.

    >>> literal_occurrences("aaaa", "aa"), literal_occurrences("ab", "")
    ([(0, 2), (2, 4)], [(0, 0), (1, 1), (2, 2)])
    """
    if not form:
        return [m.span() for m in re.finditer("", text)]
    spans, position = [], text.find(form)
    while position >= 0:
        spans.append((position, position + len(form)))
        position = text.find(form, position + len(form))
    return spans


def _is_word_char(char: str) -> bool:
    """``re``'s ``\\w`` for one character (or none)."""
    return char == "_" or char.isalnum()


def site_noun_after(doc: Doc, span: Span, nouns: frozenset[str]) -> bool:
    """One of ``nouns`` right after ``span``, past a hyphen or one lower-case word that is no
    connector or verb ("the Ulaan Tolgoi copper mine", "the Zamyn-Uud crossing")."""
    i = span.end
    if i < len(doc) and doc[i].text in {"-", "‐"}:
        i += 1
    if (
        i + 1 < len(doc)
        and doc[i].is_lower
        and doc[i].lower_ not in nouns | CONNECTORS
        and not doc[i].tag_.startswith(("VB", "MD"))
    ):
        i += 1  # "copper mine", "underground mine"
    return i < len(doc) and doc[i].lower_ in nouns
