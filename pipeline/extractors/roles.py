"""Role titles: parse the title phrase around a title head into one role per title.

"Deputy Prime Minister and Minister of National Economy" gives two titles; "Ambassador-at-Large
at the Ministry of Foreign Affairs" gives the title and its organization; "acting" and "former"
become the role's qualifier; "Kazakh"/"Uzbekistan's" before the title give its country. The
grammar works on tokens, with title heads found by the ``pressfeed_titles`` component.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from ..components.titles import TITLE_HEADS_KEY
from ..lexicons import CONNECTORS, Lexicons
from .tokens import (
    POSSESSIVE,
    capitalized_run_end,
    is_capitalized,
    is_demonym,
    is_hyphen_link,
    is_name_word,
    name_end,
    pos,
    sentence_bounds,
)

COMPLEMENT_WORDS = frozenset({"of", "for", "at", "to", "on"})
ORG_PREPOSITIONS = frozenset({"of", "at", "for"})
LOWER_WORDS = frozenset({"of", "for", "at", "to", "on", "and", "the", "in", "a", "an"})


@dataclass(frozen=True)
class TitlePart:
    """One title inside a title phrase; token offsets into the doc."""

    start: int
    end: int
    organization: Span | None
    country: str | None


@dataclass(frozen=True)
class TitlePhrase:
    start: int
    end: int
    parts: tuple[TitlePart, ...]
    qualifier: str | None
    country: str | None


def heads_by_start(doc: Doc) -> dict[int, int]:
    return {span.start: span.end for span in doc.spans.get(TITLE_HEADS_KEY, [])}


def format_title(span: Span) -> str:
    """Title Case a title as written ("deputy prime minister" -> "Deputy Prime Minister").

    Function words stay lower case, hyphens stay glued ("Ambassador-at-Large").
    """
    words = []
    for i, token in enumerate(span):
        text = token.text
        if token.lower_ in LOWER_WORDS and i > 0:
            text = token.lower_
        elif text.islower():
            text = text[:1].upper() + text[1:]
        words.append(text + token.whitespace_)
    return "".join(words).strip()


def _qualifier_end(doc: Doc, i: int, lex: Lexicons) -> tuple[int, str | None]:
    for width in (2, 1):
        phrase = " ".join(t.lower_ for t in doc[i : i + width])
        if i + width <= len(doc) and phrase in lex.qualifiers:
            return i + width, lex.qualifiers[phrase]
    return i, None


def country_prefix_end(doc: Doc, i: int, lex: Lexicons) -> tuple[int, str | None]:
    """ "Kazakh", "Uzbekistan's", "UAE", "United Arab Emirates'" before a title or an organization."""
    if i < len(doc) and is_demonym(doc[i], lex):
        return i + 1, lex.gazetteer.demonym_country(doc[i].text)
    for width in (3, 2, 1):
        if i + width > len(doc):
            continue
        span = doc[i : i + width]
        code = lex.gazetteer.country_code(span.text)
        if code and all(is_capitalized(t) or t.lower_ == "of" for t in span):
            end = i + width
            if end < len(doc) and doc[end].text in POSSESSIVE:
                end += 1
            return end, code
    return i, None


def _head_start(doc: Doc, i: int, heads: dict[int, int], lex: Lexicons) -> int | None:
    """Index of the title head after optional modifiers/portfolio words at ``i``, else None."""
    k = i
    while (
        k < len(doc) and k not in heads and (doc[k].lower_ in lex.modifiers or doc[k].lower_ in lex.portfolio)
    ):
        k += 1
    return k if k in heads else None


def chain_end(doc: Doc, start: int, heads: dict[int, int], lex: Lexicons, *, name_follows: bool) -> int:
    """End of an institution or portfolio chain ("National Economy", "the Astana ... Centre").

    Words up to the last institution word of the capitalized run belong to the chain (a
    personal name holds none). After that, countries, demonyms and institution words do;
    other capitalized words only when a name still follows them (see
    :func:`_place_or_org_before_name`), or always when no name is expected (apposition).
    """
    run_end = capitalized_run_end(doc, start)
    last_word = max((k for k in range(start, run_end) if lex.is_institution_word(doc[k].text)), default=None)
    i = start
    while i < len(doc):
        token = doc[i]
        if last_word is not None and i <= last_word or is_hyphen_link(doc, i) and i > start:
            i += 1
        elif token.text in POSSESSIVE and i > start and i + 1 < len(doc) and is_capitalized(doc[i + 1]):
            i += 1  # "Bangladesh's Economic Relations Division"
        elif (
            token.lower_ in {"and", "of", "the", "&", ","}
            and i + 1 < len(doc)
            and (is_capitalized(doc[i + 1]) and not is_name_word(doc[i + 1], lex))
            and (token.text != "," or lex.is_institution_word(doc[i + 1].text))
            and not (token.lower_ in {"and", ","} and _head_start(doc, i + 1, heads, lex) is not None)
        ):
            i += 1  # "Investment, Industry and Trade", but not "... and Minister of ..."
        elif is_capitalized(token) and (
            lex.is_institution_word(token.text)
            or is_demonym(token, lex)
            or lex.gazetteer.country_code(token.text)
        ):
            i += 1
        elif not name_follows and token.lower_ in lex.portfolio and i > start:
            i += 1  # "hokim of Surkhandarya region", "head of research"
        elif not name_follows and i == start and token.lower_ in lex.portfolio:
            i += 1
        elif not name_follows and i == start and token.is_lower and pos(token) in {"ADJ", "NOUN"}:
            while i < len(doc) and i - start < 3 and doc[i].is_lower and pos(doc[i]) in {"ADJ", "NOUN"}:
                i += 1  # "chairman of the board of the joint venture"
            break
        elif is_capitalized(token) and not name_follows:
            i += 1
        elif is_capitalized(token) and name_follows:
            run = name_end(doc, i, lex) - i
            if run >= 4:  # "Chairman of Barqi Tojik Sharofiddin Rahmonzoda": two-word name
                i += run - 2
            elif _place_or_org_before_name(doc, i, lex):
                i += 1
            else:
                break
        else:
            break
    return i


def _place_or_org_before_name(doc: Doc, i: int, lex: Lexicons) -> bool:
    """A place or institution word before a name ("Mayor of Balykchy Tilek Asanaliev").

    Taken only when a name still follows: two name words, or the model's PERSON entity
    starting right after it.
    """
    token = doc[i]
    person_next = (
        i + 1 < len(doc)
        and doc[i + 1].ent_type_ == "PERSON"
        and doc[i + 1].ent_iob_ == "B"
        and token.ent_type_ != "PERSON"
    )
    if person_next:
        return True
    known = token.ent_type_ in {"GPE", "LOC", "ORG", "FAC"} or lex.gazetteer.is_place(token.text)
    return known and name_end(doc, i + 1, lex) - (i + 1) >= 2


def _is_organization(chunk: Span, lex: Lexicons) -> bool:
    """An organization, not a portfolio or a place: it has an organization word, is the
    model's ORG entity, or holds a proper name ("Da Afghanistan Breshna Sherkat")."""
    doc = chunk.doc
    if chunk[-1].lower_ in {"region", "province", "oblast", "district", "autonomous"}:
        return False  # "Surkhandarya region" is a place
    words = [t for t in chunk if t.is_alpha and t.lower_ not in CONNECTORS]
    if any(t.lower_ in lex.org_heads for t in words) and (
        words[0].lower_ in lex.org_heads
        or words[-1].lower_ in lex.org_heads
        or any(is_demonym(t, lex) or lex.gazetteer.country_code(t.text) for t in words)
        or _proper_words(chunk, lex)
    ):
        # "Ministry of ...", "... Relations Division", "Mongolian University of Science"; but
        # "Territorial Administration and Infrastructure" is a portfolio
        return True
    if (
        all(t.is_lower and pos(t) in {"ADJ", "NOUN"} for t in chunk)
        and pos(chunk[-1]) == "NOUN"
        and (chunk[-1].lower_ not in lex.portfolio)
    ):
        return True  # described, not named: "the joint venture"
    if lex.gazetteer.country_code(chunk.text) or lex.gazetteer.is_place(chunk.text):
        return False
    if (
        all(t.ent_type_ == "ORG" for t in chunk)
        and chunk[0].ent_iob_ == "B"
        and (chunk.end >= len(doc) or doc[chunk.end].ent_iob_ != "I")
    ):
        return True  # exactly the model's ORG entity
    proper = _proper_words(chunk, lex)
    return bool(proper) and not lex.gazetteer.is_place(" ".join(t.text for t in proper))


def _proper_words(span: Span, lex: Lexicons) -> list:
    """Capitalized words that are not institution words, demonyms or countries."""
    return [
        t
        for t in span
        if is_capitalized(t)
        and not lex.is_institution_word(t.text)
        and not is_demonym(t, lex)
        and not lex.gazetteer.country_code(t.text)
    ]


def parse_title_phrase(
    doc: Doc, i: int, heads: dict[int, int], lex: Lexicons, *, capitalized: bool, name_follows: bool
) -> TitlePhrase | None:
    """Parse a title phrase starting at token ``i``, or return None.

    Args:
        capitalized: require capitalized heads (titles written before a name).
        name_follows: a personal name is expected right after the phrase, so the last
            capitalized words are left to it.
    """
    j, qualifier = _qualifier_end(doc, i, lex)
    j, country = country_prefix_end(doc, j, lex)
    owner = None
    if country is None:
        j, owner = owner_prefix_end(doc, j, heads, lex)
    prefixed = j > i
    if qualifier is None:
        j, qualifier = _qualifier_end(doc, j, lex)
    parts: list[TitlePart] = []
    while j < len(doc):
        head = _head_start(doc, j, heads, lex)
        if head is None or (capitalized and not prefixed and not is_capitalized(doc[head])):
            break
        part_start, j = j, heads[head]
        title_end, organization, part_country = j, None, None
        while j + 1 < len(doc) and doc[j].lower_ in COMPLEMENT_WORDS:
            k = j + 1 + (doc[j + 1].lower_ == "the")
            end = chain_end(doc, k, heads, lex, name_follows=name_follows)
            if end == k:
                break
            chunk = doc[k:end]
            is_org = _is_organization(chunk, lex)
            if doc[j].lower_ in ORG_PREPOSITIONS and is_org or doc[j].lower_ == "at":
                organization, j = chunk, end
                break
            if doc[j].lower_ == "of" and part_country is None:
                part_country = next((c for t in chunk if (c := lex.gazetteer.country_code(t.text))), None)
            title_end = j = end
        parts.append(TitlePart(part_start, title_end, organization or owner, part_country))
        nxt = j + (j < len(doc) and doc[j].text == ",")
        nxt += nxt < len(doc) and doc[nxt].lower_ == "and"
        if nxt == j or _head_start(doc, nxt, heads, lex) is None:
            break
        j = nxt
    if not parts:
        return None
    return TitlePhrase(i, j, tuple(parts), qualifier, country)


def owner_prefix_end(doc: Doc, i: int, heads: dict[int, int], lex: Lexicons) -> tuple[int, Span | None]:
    """An organization owning the title: "Kestrel's founder", "WHO spokesperson",
    "Foreign Office Spokesperson"; never portfolio words alone ("Transport Minister")."""
    k = i
    while (
        k < len(doc)
        and k - i < 6
        and (is_capitalized(doc[k]) and doc[k].lower_ != "the" or k > i and is_hyphen_link(doc, k))
        and not (k > i and _head_start(doc, k, heads, lex) is not None)
    ):
        k += 1  # "Samruk-Kazyna spokesperson"
    if k == i or k >= len(doc):
        return i, None
    owner = doc[i:k]
    generic = len(owner) == 1 and owner[0].lower_ in lex.org_heads  # "Ministry press secretary"
    if (
        generic
        or any(lex.is_title_word(t.text) for t in owner)
        or not (any(t.lower_ in lex.org_heads for t in owner) or _proper_words(owner, lex))
    ):
        return i, None
    if doc[k].text in POSSESSIVE:
        return k + 1, owner
    if _head_start(doc, k, heads, lex) is not None:
        return k, owner
    return i, None


def title_before_name(doc: Doc, name_start: int, heads: dict[int, int], lex: Lexicons) -> TitlePhrase | None:
    """The title phrase that ends right before the name at ``name_start``, if any.

    Tries every start within the preceding 25 tokens of the same sentence and keeps the
    longest phrase that reaches the name.
    """
    sentence_start = sentence_bounds(doc)[0][name_start]
    window_start = max(sentence_start, name_start - 25)
    if not any(window_start <= h < name_start for h in heads):
        return None  # no title head before the name: nothing to parse
    for i in range(window_start, name_start):
        may_start = (
            _head_start(doc, i, heads, lex) is not None
            or doc[i].lower_ in lex.qualifiers
            or is_capitalized(doc[i])
            and (i == 0 or not is_capitalized(doc[i - 1]))
        )
        if not may_start:
            continue
        phrase = parse_title_phrase(doc, i, heads, lex, capitalized=True, name_follows=True)
        if phrase and phrase.end == name_start:
            return phrase
        # "Japan's newly appointed ambassador, Mochizuki Haruto, ...": any case before a comma
        if doc[name_start - 1].text == ",":
            phrase = parse_title_phrase(doc, i, heads, lex, capitalized=False, name_follows=False)
            if phrase and phrase.end == name_start - 1:
                return phrase
    return None
