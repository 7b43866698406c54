"""Role titles: parse the title phrase around a title head into one role per title.

"Deputy Prime Minister and Minister of National Economy" gives two titles; "Ambassador-at-Large
at the Ministry of Foreign Affairs" gives the title and its organization; "acting" and "former"
become the role's qualifier; "Kazakh"/"Uzbekistan's" before the title give its country. The
grammar works on tokens, with title heads found by the ``pressfeed_titles`` component.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from ..components.titles import TITLE_HEADS_KEY
from ..lexicons import CONNECTORS, Lexicons
from . import claims
from .patterns import lexicon
from .tokens import (
    POSSESSIVE,
    capitalized_run_end,
    doc_text,
    is_abbreviation_period,
    is_capitalized,
    is_demonym,
    is_honorific,
    is_hyphen_link,
    is_name_start,
    is_name_word,
    model_entities,
    name_end,
    name_word_starts,
    pos,
    sentence_bounds,
    without_bracketed_tail,
    words,
)

COMPLEMENT_WORDS = frozenset({"of", "for", "at", "to", "on"})
PLACE_WORDS = frozenset({"region", "province", "oblast", "district", "autonomous", "county", "state", "city"})
ORG_PREPOSITIONS = frozenset({"of", "at", "for", "to"})
LOWER_WORDS = frozenset({"of", "for", "at", "to", "on", "and", "the", "in", "a", "an"})


@dataclass(frozen=True)
class TitlePart:
    """One title inside a title phrase; token offsets into the doc."""

    start: int
    end: int
    organization: Span | None
    country: str | None
    qualifier: str | None = None  # its own, as in "... and a former deputy minister"


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
    lower = words(doc).lower
    for width in (2, 1):
        if i + width <= len(doc) and (phrase := " ".join(lower[i : i + width])) in lex.qualifiers:
            return i + width, lex.qualifiers[phrase]
    return i, None


def country_prefix_end(doc: Doc, i: int, lex: Lexicons) -> tuple[int, str | None]:
    """ "Kazakh", "Uzbekistan's", "UAE", "United Arab Emirates'" before a title or an organization."""
    tokens = words(doc)
    if i < len(doc) and (demonym := lex.gazetteer.demonym_country(tokens.text[i])) is not None:
        return i + 1, demonym
    text = doc_text(doc)
    for width in (3, 2, 1):
        if i + width > len(doc):
            continue
        code = lex.gazetteer.country_code(tokens.span_text(text, i, i + width))
        if code and all(tokens.capitalized[k] or tokens.lower[k] == "of" for k in range(i, i + width)):
            end = i + width
            if end < len(doc) and tokens.text[end] in POSSESSIVE:
                end += 1
            return end, code
    return i, None


def _head_start(doc: Doc, i: int, heads: dict[int, int], lex: Lexicons, *, loose: bool = False) -> int | None:
    """Index of the title head after optional modifiers/portfolio words at ``i``, else None.

    ``loose`` (a lower-case title in apposition) also admits up to two other lower-case nouns
    or adjectives before the head: "project director", "senior legal counsel".
    """
    k, other, portfolio = i, 0, False
    lower = words(doc).lower  # read as lists: a Token is built on every doc[k]
    while k < len(doc) and k not in heads:
        if lower[k] in lex.modifiers or lower[k] in lex.portfolio:
            portfolio = portfolio or lower[k] not in lex.modifiers
            k += 1
        elif k > i and lower[k] in {"and", "&"} and k + 1 < len(doc) and lower[k + 1] in lex.portfolio:
            k += 1  # "Media and Communications Officer"
        elif loose and other < 2 and doc[k].is_lower and pos(doc[k]) in {"NOUN", "ADJ"}:
            k, other = k + 1, other + 1
        else:
            break
    if portfolio and k in heads and heads[k] - k >= 2 and i > 0 and words(doc).capitalized[i - 1]:
        return None  # the word ends a company's name: "Swan Coastal Metals | Managing Director"
    return k if k in heads else None


@dataclass(frozen=True)
class _Chain:
    """What every step of :func:`chain_end` reads."""

    doc: Doc
    start: int
    heads: dict[int, int]
    lex: Lexicons
    name_follows: bool
    last_word: int | None  # the last institution word of the capitalized run


# A step looks at token ``i`` of the chain and returns (next index, stop), or None when it does
# not apply; the first step that applies decides, as in a grammar's ordered alternatives.
Step = Callable[[_Chain, int], "tuple[int, bool] | None"]


def _certain_organization(c: _Chain, i: int):
    """A name certain by its form opens the chain: it is taken whole, without its bracketed
    acronym, and the chain may go on after it ("of the | Cámara de la Industria Aceitera y
    Exportadora del Litoral", "at | UAB Kauno Energija")."""
    end = claims.form_ends(c.doc).get(i) if i == c.start else None
    return (without_bracketed_tail(c.doc[i:end]).end, False) if end else None


def _whole_country(c: _Chain, i: int):
    """A country whose name holds a lower-case word, taken whole: "Côte d'Ivoire", "Trinidad
    and Tobago", "Bosnia and Herzegovina"."""
    doc = c.doc
    if i + 1 >= len(doc) or not is_capitalized(doc[i]) or not doc[i + 1].text[:1].islower():
        return None
    for end in range(min(len(doc), i + 4), i + 1, -1):
        whole = doc[end - 1].is_alpha or "'" in doc[end - 1].text  # never a trailing ";" or ","
        if whole and c.lex.gazetteer.country_code(doc[i:end].text):
            return end, False
    return None


def _within_run(c: _Chain, i: int):
    """Up to the run's last institution word, and through glued hyphens ("At-Bashy")."""
    if (c.last_word is not None and i <= c.last_word) or (
        i > c.start and (is_hyphen_link(c.doc, i) or is_hyphen_link(c.doc, i - 1))
    ):
        return i + 1, False
    return None


def _possessive_inside(c: _Chain, i: int):
    """ "Bangladesh's Economic Relations Division" (no name after the chain)."""
    doc = c.doc
    if (
        doc[i].text in POSSESSIVE
        and i > c.start
        and not c.name_follows
        and i + 1 < len(doc)
        and is_capitalized(doc[i + 1])
    ):
        return i + 1, False
    return None


def _enumeration(c: _Chain, i: int):
    """ "the Asia, Pacific and Africa Department"."""
    if c.doc[i].lower_ in {",", "and"} and i > c.start and _enumeration_ends_in_org(c.doc, i + 1, c.lex):
        return i + 1, False
    return None


def _lower_portfolio_and(c: _Chain, i: int):
    """ "for investment and foreign trade"."""
    doc = c.doc
    if (
        not c.name_follows
        and doc[i].lower_ == "and"
        and i > c.start
        and i + 1 < len(doc)
        and doc[i + 1].is_lower
        and doc[i + 1].lower_ in c.lex.portfolio
    ):
        return i + 1, False
    return None


def _org_connector(c: _Chain, i: int):
    """ "National Institute for Disaster Risk Management and Reduction"."""
    doc = c.doc
    if (
        not c.name_follows
        and doc[i].lower_ in {"for", "of", "and"}
        and i + 1 < len(doc)
        and is_capitalized(doc[i + 1])
        and any(t.lower_ in c.lex.org_heads for t in doc[c.start : i])
        and _head_start(doc, i + 1, c.heads, c.lex) is None
    ):
        return i + 1, False
    return None


def _capital_connector(c: _Chain, i: int):
    """ "Investment, Industry and Trade", but not "... and Minister of ..."."""
    doc, token = c.doc, c.doc[i]
    if not (token.lower_ in {"and", "of", "for", "the", "&", ","} and i + 1 < len(doc)):
        return None
    nxt = doc[i + 1]
    if token.text == ",":  # "for Mining, Blue Economy and ...", not ", Minister of Trade"
        item = is_capitalized(nxt) and _portfolio_item(doc, i + 1, c.lex)
        return (i + 1, False) if item and _head_start(doc, i + 1, c.heads, c.lex) is None else None
    if not is_capitalized(nxt) or is_name_word(nxt, c.lex):
        return None
    if token.lower_ in {"and", ","} and _head_start(doc, i + 1, c.heads, c.lex) is not None:
        return None
    return i + 1, False


def _portfolio_item(doc: Doc, i: int, lex: Lexicons) -> bool:
    """The capitalized words at ``i`` hold an institution word and an enumeration goes on after
    them: "Blue Economy" in "for Mining, Blue Economy and Maritime Affairs", not "John Smith"."""
    end = capitalized_run_end(doc, i)
    if lex.is_institution_word(doc[i].text):
        return True
    return (
        end < len(doc)
        and doc[end].lower_ in {"and", ",", "&"}
        and any(lex.is_institution_word(t.text) or t.lower_ in lex.portfolio for t in doc[i:end])
    )


def _institution_word(c: _Chain, i: int):
    token = c.doc[i]
    if is_capitalized(token) and (
        c.lex.is_institution_word(token.text)
        or is_demonym(token, c.lex)
        or c.lex.gazetteer.country_code(token.text)
    ):
        return i + 1, False
    return None


def _lower_complement(c: _Chain, i: int):
    """ "hokim of Surkhandarya region", "head of research", "head of the investment department",
    "Akim of At-Bashy district Chynara Abdyrakhmanova"."""
    doc, token, lex = c.doc, c.doc[i], c.lex
    if not c.name_follows and token.lower_ in lex.portfolio and i > c.start:
        return i + 1, False
    if not c.name_follows and i > c.start and token.is_lower and token.lower_ in lex.org_heads:
        return i + 1, False
    if i > c.start and token.lower_ in PLACE_WORDS and is_capitalized(doc[i - 1]):
        return i + 1, False
    if not c.name_follows and i == c.start and token.lower_ in lex.portfolio:
        return i + 1, False
    return None


def _lower_description(c: _Chain, i: int):
    """ "chairman of the board of the joint venture": up to three lower-case words, then stop."""
    doc = c.doc
    if c.name_follows or i != c.start or not (doc[i].is_lower and pos(doc[i]) in {"ADJ", "NOUN"}):
        return None
    while i < len(doc) and i - c.start < 3 and doc[i].is_lower and pos(doc[i]) in {"ADJ", "NOUN"}:
        i += 1
    return i, True


def _opens_initialled_name(doc: Doc, i: int, lex: Lexicons) -> bool:
    """An initial that opens a name: "D." or "Ts" "." before a name word ("D. Sarangerel",
    "Ts. Gantulga")."""
    text = doc[i].text
    if len(text) == 2 and text[0].isupper() and text[1] == ".":
        return i + 1 < len(doc) and is_name_word(doc[i + 1], lex)
    return i + 1 < len(doc) and is_abbreviation_period(doc, i + 1, lex)


def _capitalized(c: _Chain, i: int):
    """Any capitalized word when no name follows; before a name, only what leaves it two words."""
    doc, token, lex = c.doc, c.doc[i], c.lex
    if not is_capitalized(token):
        return None
    if i > c.start and _opens_initialled_name(doc, i, lex):
        return i, True  # "of Mining and Heavy Industry Ts. Gantulga": the initial opens a name
    if c.name_follows and i > c.start and token.lower_ in lex.honorifics:
        return i, True  # "Minister of State Shri Vikram Rao": the honorific opens the name
    if not c.name_follows:
        return i + 1, False
    starts = name_word_starts(doc, i, lex)  # "Zuk-Borowiecki" is one word
    run = len(starts)
    if run >= 3 and i > c.start and lex.is_institution_word(doc[i - 1].text):
        return i, True  # the portfolio is complete: "of Industry and Trade Nguyễn Thị Thu Hà"
    if run >= 4 and lex.gazetteer.is_place(token.text):
        return i + 1, False  # "Governor of Herat Abdul Ghani Faizi"
    if run >= 4:  # "Chairman of Barqi Tojik Sharofiddin Rahmonzoda": two-word name
        return starts[-2], False
    if run >= 2 and i > c.start and lex.gazetteer.is_place(doc[c.start : i].text):
        return i, True  # the place is whole: "Country Director for Viet Nam Shantanu R. Iyengar"
    if _place_or_org_before_name(doc, i, lex, first=i == c.start):
        return i + 1, False
    return i, True


CHAIN_STEPS: tuple[Step, ...] = (
    _certain_organization,
    _whole_country,
    _within_run,
    _possessive_inside,
    _enumeration,
    _lower_portfolio_and,
    _org_connector,
    _capital_connector,
    _institution_word,
    _lower_complement,
    _lower_description,
    _capitalized,
)


def chain_end(doc: Doc, start: int, heads: dict[int, int], lex: Lexicons, *, name_follows: bool) -> int:
    """End of an institution or portfolio chain ("National Economy", "the Astana ... Centre").

    Words up to the last institution word of the capitalized run belong to the chain (a
    personal name holds none). After that, countries, demonyms and institution words do;
    other capitalized words only when a name still follows them (see
    :func:`_place_or_org_before_name`), or always when no name is expected (apposition).
    The alternatives are the named steps of :data:`CHAIN_STEPS`, tried in order.
    """
    run_end = capitalized_run_end(doc, start)
    last_word = max((k for k in range(start, run_end) if lex.is_institution_word(doc[k].text)), default=None)
    chain = _Chain(doc, start, heads, lex, name_follows, last_word)
    i = start
    while i < len(doc):
        step = next((r for r in (s(chain, i) for s in CHAIN_STEPS) if r is not None), None)
        if step is None:
            break
        i, stop = step
        if stop:
            break
    while i > start and doc[i - 1].lower_ in {",", "and", "of", "for", "the", "&"}:
        i -= 1  # a connector the next word did not take: "for Mining, | Hassan Mwachiro"
    return i


def _enumeration_ends_in_org(doc: Doc, i: int, lex: Lexicons) -> bool:
    """Capitalized words, commas and one "and" up to an organization word: "Pacific and Africa
    Department" after "Asia,"."""
    last, start = None, i
    while i < len(doc) and i - start < 12:
        token = doc[i]
        if is_capitalized(token):
            last = token
        elif token.text != "," and token.lower_ != "and":
            break
        i += 1
    return last is not None and last.lower_ in lex.org_heads


def _place_or_org_before_name(doc: Doc, i: int, lex: Lexicons, *, first: bool) -> bool:
    """A place or institution word before a name ("Mayor of Balykchy Tilek Asanaliev").

    Taken only when a name still follows: two name words, or the model's PERSON entity
    starting right after it. ``first``: the word opens the complement ("Mayor of Vilnius").
    """
    token = doc[i]
    person_starts = token.ent_type_ == "PERSON" and token.ent_iob_ == "B"
    if not first and person_starts and i + 1 < len(doc) and doc[i + 1].ent_type_ == "PERSON":
        return False  # after portfolio words the model starts a name: "Environment Tran Van Khanh"
    place_word_next = i + 1 < len(doc) and doc[i + 1].lower_ in PLACE_WORDS
    if lex.gazetteer.is_place(token.text) or lex.is_institution_word(token.text) or place_word_next:
        nxt = i + 1 + place_word_next  # "Zhanakorgan district", "Kashkadarya region"
        person_next = doc[nxt].ent_type_ == "PERSON" and doc[nxt].ent_iob_ == "B" if nxt < len(doc) else False
        return person_next or len(name_word_starts(doc, nxt, lex)) >= 2
    # the model's place or organization, unless it cuts a name the model sees ("Herat Abdul
    # Ghani Faizi", "Environment Tran Van Khanh")
    known = token.ent_type_ in {"GPE", "LOC", "ORG", "FAC"} and not (
        i + 1 < len(doc) and doc[i + 1].ent_type_ == "PERSON"
    )
    return known and len(name_word_starts(doc, i + 1, lex)) >= 2


def _is_organization(chunk: Span, lex: Lexicons) -> bool:
    """An organization, not a portfolio or a place: it has an organization word, is the
    model's ORG entity, or holds a proper name ("Da Afghanistan Breshna Sherkat")."""
    doc = chunk.doc
    if chunk[-1].lower_ in PLACE_WORDS - {"state"}:
        return False  # "Surkhandarya region" is a place
    words = [t for t in chunk if t.is_alpha and t.lower_ not in CONNECTORS]
    if _governance_body(chunk, lex):
        return False  # "Chair of the Audit Committee": the board belongs to the title
    if _named_by_org_word(chunk, words, lex) or _described(chunk, lex):
        return True
    if lex.gazetteer.country_code(chunk.text) or lex.gazetteer.is_place(chunk.text) or _is_model_place(chunk):
        return False  # "Regional Director for Southern Africa"
    proper = _proper_words(chunk, lex)
    if _named_first(words, proper, lex):
        return True  # a name first, then its business: "Nama Water Services", "Georgian Railway"
    if len([t for t in words if t.lower_ in lex.portfolio]) > len(proper):
        return False  # "Roads and Urban Development" is a portfolio, whatever the model says
    if (
        all(t.ent_type_ == "ORG" for t in chunk)
        and chunk[0].ent_iob_ == "B"
        and (chunk.end >= len(doc) or doc[chunk.end].ent_iob_ != "I")
    ):
        return True  # exactly the model's ORG entity
    return bool(proper) and not lex.gazetteer.is_place(" ".join(t.text for t in proper))


def _governance_body_end(doc: Doc, k: int, end: int, lex: Lexicons) -> int:
    """Where a board or committee that opens the chunk ends, when its organization follows:
    "Member of the Management Board | of Hallberg", "Member of the Board of Directors | of
    the Bank"; ``end`` for any other chunk."""
    for n in range(min(end - k - 2, 6), 0, -1):
        if doc[k + n].lower_ in {"of", "at"} and _governance_body(doc[k : k + n], lex):
            return k + n
    return end


def _governance_body(chunk: Span, lex: Lexicons) -> bool:
    return " ".join(t.lower_ for t in chunk if t.lower_ != "the") in lex.governance_bodies


def _named_first(words: list, proper: list, lex: Lexicons) -> bool:
    return len(words) > 1 and (words[0] in proper or is_demonym(words[0], lex))


def _named_by_org_word(chunk: Span, words: list, lex: Lexicons) -> bool:
    """ "Ministry of ...", "Federal Ministry of ...", "... Relations Division", "Mongolian
    University of Science"; but "Territorial Administration and Infrastructure" is a portfolio."""
    if not any(t.lower_ in lex.org_heads for t in words):
        return False
    first_head = words[0].lower_ in lex.org_heads
    modified_head = (
        len(words) > 1 and words[0].lower_ in lex.org_modifiers and words[1].lower_ in lex.org_heads
    )
    national = any(is_demonym(t, lex) or lex.gazetteer.country_code(t.text) for t in words)
    return (
        first_head
        or modified_head
        or words[-1].lower_ in lex.org_heads
        or national
        or bool(_proper_words(chunk, lex))
    )


def _described(chunk: Span, lex: Lexicons) -> bool:
    """Described, not named: "the joint venture"."""
    return (
        all(t.is_lower and pos(t) in {"ADJ", "NOUN"} for t in chunk)
        and pos(chunk[-1]) == "NOUN"
        and chunk[-1].lower_ not in lex.portfolio
    )


def _is_model_place(chunk: Span) -> bool:
    """The chunk is exactly one of the model's GPE or LOC entities."""
    ents = {(e.start, e.end, e.label_) for e in model_entities(chunk.doc)}
    return any((chunk.start, chunk.end, label) in ents for label in ("GPE", "LOC"))


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


def _phrase_prefix(doc: Doc, i: int, heads: dict[int, int], lex: Lexicons):
    """Qualifier, country or owner before the heads: (next index, qualifier, country, owner,
    prefixed). "Kazakh Foreign Minister" is prefixed; "acting managing director" is not."""
    j, qualifier = _qualifier_end(doc, i, lex)
    after_qualifier = j
    j, country = country_prefix_end(doc, j, lex)
    owner = None
    if country is None:
        j, owner = owner_prefix_end(doc, j, heads, lex)
    prefixed = j > after_qualifier
    if qualifier is None:
        j, qualifier = _qualifier_end(doc, j, lex)
    return j, qualifier, country, owner, prefixed


def _complements(
    doc: Doc, j: int, heads: dict[int, int], lex: Lexicons, *, name_follows: bool, territorial: bool = False
):
    """Complements after a head: (index after them, title end, organization, country).

    ``territorial``: the head governs a territory ("Governor of Kakheti"), so "of X" is a place
    of the title unless an organization word names it."""
    title_end, organization, part_country = j, None, None
    while j + 1 < len(doc) and (doc[j].lower_ in COMPLEMENT_WORDS or _place_complement(doc, j, lex)):
        k = j + 1 + (doc[j + 1].lower_ == "the")
        end = chain_end(doc, k, heads, lex, name_follows=name_follows)
        if end == k:
            break
        end = _governance_body_end(doc, k, end, lex)
        chunk = doc[k:end]
        governed = territorial and doc[j].lower_ == "of" and not any(t.lower_ in lex.org_heads for t in chunk)
        if doc[j].lower_ == "at" or (
            doc[j].lower_ in ORG_PREPOSITIONS
            and not governed
            and _is_organization(chunk, lex)
            and not _organization_follows(doc, end, heads, lex)
            and not _inside_whole_title(doc, k, end)
        ):
            j = located_org_end(doc, chunk, lex)  # "Embassy of Azerbaijan in Kuwait"
            return j, title_end, doc[k:j], part_country
        if doc[j].lower_ == "of" and part_country is None:
            part_country = _country_of_chunk(chunk, lex)
        title_end = j = end
    if title_end == j:
        title_end = j = _comma_portfolio_end(doc, j, lex)
    return j, title_end, organization, part_country


def _inside_whole_title(doc: Doc, start: int, end: int) -> bool:
    """A title pattern holds the complement as part of the title: "Parliament for Halifax" of
    "Member of Parliament for Halifax" (``title.member_for_constituency``) names no employer."""
    return any(
        m.start < start and end <= m.end
        for m in claims.mentions(doc, "TITLE")
        if not m.id_.startswith(("title.head", "title.phrase"))
    )


def _country_of_chunk(chunk: Span, lex: Lexicons) -> str | None:
    """The country a complement names as a whole ("of Kazakhstan", "of the Republic of Korea");
    a region inside a country ("of Western Australia") names none."""
    words = chunk[1:] if len(chunk) > 1 and chunk[0].lower_ == "the" else chunk
    if code := lex.gazetteer.country_code(words.text):
        return code
    if lex.gazetteer.is_place(words.text):
        return None
    return next((c for t in chunk if (c := lex.gazetteer.country_code(t.text))), None)


def _next_part(doc: Doc, j: int, heads: dict[int, int], lex: Lexicons, *, loose: bool):
    """Start and qualifier of the next title of the phrase (", and", "and a former ..."), or
    (None, None) when the phrase ends."""
    nxt = j + (j < len(doc) and doc[j].text == ",")
    nxt += nxt < len(doc) and doc[nxt].lower_ == "and"
    if nxt > j and loose and nxt < len(doc) and doc[nxt].lower_ in {"a", "an"}:
        nxt += 1  # "chairman of the board and a former deputy minister"
    nxt, part_qualifier = _qualifier_end(doc, nxt, lex) if nxt > j else (nxt, None)
    if nxt == j or _head_start(doc, nxt, heads, lex, loose=loose) is None:
        return None, None
    return nxt, part_qualifier


_PHRASES_KEY = "pf_title_phrases"


def parse_title_phrase(
    doc: Doc, i: int, heads: dict[int, int], lex: Lexicons, *, capitalized: bool, name_follows: bool
) -> TitlePhrase | None:
    """Parse a title phrase starting at token ``i``, or return None.

    A phrase is read once per doc, start and reading (every name of a sentence asks the
    starts before it): the parse reads only the tokens, the title heads and the lexicons.

    Args:
        capitalized: require capitalized heads (titles written before a name).
        name_follows: a personal name is expected right after the phrase, so the last
            capitalized words are left to it.
    """
    cached = doc.user_data.get(_PHRASES_KEY)
    if cached is None or cached[0] is not heads or cached[1] is not lex:
        cached = doc.user_data[_PHRASES_KEY] = (heads, lex, {})
    phrases, key = cached[2], (i, capitalized, name_follows)
    if key not in phrases:
        phrases[key] = _parse_title_phrase(doc, i, heads, lex, capitalized=key[1], name_follows=key[2])
    return phrases[key]


def _parse_title_phrase(
    doc: Doc, i: int, heads: dict[int, int], lex: Lexicons, *, capitalized: bool, name_follows: bool
) -> TitlePhrase | None:
    j, qualifier, country, owner, prefixed = _phrase_prefix(doc, i, heads, lex)
    parts: list[TitlePart] = []
    loose = not capitalized and not name_follows
    part_qualifier = None
    while j < len(doc):
        head = _head_start(doc, j, heads, lex, loose=loose and not parts)
        if head is None or (capitalized and not prefixed and not is_capitalized(doc[head])):
            break
        part_start = j
        j, title_end, organization, part_country = _complements(
            doc,
            heads[head],
            heads,
            lex,
            name_follows=name_follows,
            territorial=doc[heads[head] - 1].lower_ in lex.territorial_heads,
        )
        parts.append(TitlePart(part_start, title_end, organization or owner, part_country, part_qualifier))
        nxt, part_qualifier = _next_part(doc, j, heads, lex, loose=loose)
        if nxt is None:
            break
        j = nxt
    if not parts:
        return None
    return TitlePhrase(i, j, tuple(parts), qualifier, country)


def located_org_end(doc: Doc, org: Span, lex: Lexicons) -> int:
    """End of an organization whose name goes on with its place ("Embassy of Türkiye in
    Kyrgyzstan"); ``org.end`` for any other."""
    end = org.end
    if (
        end + 1 >= len(doc)
        or doc[end].lower_ != "in"
        or not any(t.lower_ in lex.located_org_heads for t in org)
    ):
        return end
    place_end = chain_end(doc, end + 1, {}, lex, name_follows=False)
    return place_end if place_end > end + 1 and lex.gazetteer.is_place(doc[end + 1 : place_end].text) else end


def _comma_portfolio_end(doc: Doc, j: int, lex: Lexicons) -> int:
    """ "Executive Vice President, Operations, Tomasz Wieczorek": a corporate title names its
    portfolio after a comma; taken only when a name follows the next comma."""
    k = j + 1
    while k < len(doc) and k - j <= 3 and is_capitalized(doc[k]) and doc[k].lower_ in lex.portfolio:
        k += 1
    if k == j + 1 or j >= len(doc) or doc[j].text != "," or k + 1 >= len(doc) or doc[k].text != ",":
        return j
    return k if is_name_start(doc, k + 1, lex) else j


def _organization_follows(doc: Doc, i: int, heads: dict[int, int], lex: Lexicons) -> bool:
    """The organization comes next, so what came before belongs to the title: "Vice President
    for Offshore Projects at Penrose Cables", "head of the Africa Department of the Ministry of
    Foreign Affairs"."""
    if i + 1 >= len(doc) or doc[i].lower_ not in {"at", "of"}:
        return False
    k = i + 1 + (doc[i + 1].lower_ == "the")
    if k >= len(doc) or not is_capitalized(doc[k]):
        return False
    if doc[i].lower_ == "at":
        return True
    end = chain_end(doc, k, heads, lex, name_follows=False)
    return (
        end > k and any(t.lower_ in lex.org_heads for t in doc[k:end]) and _is_organization(doc[k:end], lex)
    )


def _place_complement(doc: Doc, i: int, lex: Lexicons) -> bool:
    """ "in Mozambique", "in Naryn Region" after a title: a place that belongs to it."""
    if doc[i].lower_ != "in" or i + 1 >= len(doc):
        return False
    nxt = doc[i + 1]
    return is_capitalized(nxt) and (
        nxt.ent_type_ in {"GPE", "LOC"}
        or lex.gazetteer.is_place(nxt.text)
        or bool(lex.gazetteer.country_code(nxt.text))
    )


def _may_own(owner: Span, lex: Lexicons) -> bool:
    """Words that can name a title's owner: not one generic organization word ("Ministry press
    secretary"), a peer's word ("Lord Mayor") or a title word; an organization word or a name."""
    generic = len(owner) == 1 and owner[0].lower_ in lex.org_heads
    return not (
        generic
        or owner[0].lower_ in lexicon("title_determiners")  # "Its president" opening a sentence
        or owner[0].lower_ in lexicon("peerages")
        or any(lex.is_title_word(t.text) for t in owner)
        or any(is_honorific(t, lex) for t in owner)  # "His Worship Councillor", "Hon'ble Chief Minister"
        or not (any(t.lower_ in lex.org_heads for t in owner) or _proper_words(owner, lex))
    )


def owner_prefix_end(doc: Doc, i: int, heads: dict[int, int], lex: Lexicons) -> tuple[int, Span | None]:
    """An organization owning the title: "Kestrel's founder", "WHO spokesperson",
    "Foreign Office Spokesperson"; never portfolio words alone ("Transport Minister")."""
    if i + 1 < len(doc) and doc[i].lower_ in lex.org_heads and doc[i + 1].text in POSSESSIVE:
        return i + 2, None  # "the company's chief financial officer": the owner is not named
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
    if not _may_own(owner, lex):
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
    skip_to, tokens = window_start, words(doc)
    for i in range(window_start, name_start):
        if i < skip_to:
            continue
        may_start = (
            _head_start(doc, i, heads, lex) is not None
            or tokens.lower[i] in lex.qualifiers
            or tokens.capitalized[i]
            and (i == 0 or not tokens.capitalized[i - 1])
        )
        if not may_start:
            continue
        phrase = parse_title_phrase(doc, i, heads, lex, capitalized=True, name_follows=True)
        if phrase and phrase.end == name_start:
            return phrase
        if phrase and phrase.end < name_start and is_name_start(doc, phrase.end, lex):
            # the phrase is another person's: "Ambassador to Georgia Bakhodir Nazarov and
            # Georgia's First Deputy Minister ..., Levan Gogoladze"
            skip_to = max(skip_to, name_end(doc, phrase.end, lex))
            continue
        # "Japan's newly appointed ambassador, Mochizuki Haruto, ...": any case before a comma
        if tokens.text[name_start - 1] == ",":
            phrase = parse_title_phrase(doc, i, heads, lex, capitalized=False, name_follows=False)
            if phrase and phrase.end == name_start - 1:
                return phrase
    return None
