"""People and the roles they hold, with surname and honorific mentions linked as aliases.

Names come from four kinds of evidence: a title right before the name ("Vice Minister of
Transport Zhanibek Taizhanov"), the model's PERSON entities (trimmed of title words and
rejected when they are demonyms, countries or members of a list of places), the subject of a
reporting verb ("Tukumov noted", "according to Tukumov") and an honorific ("Mr. Sultanov").
Shorter names that are part of a longer one become its aliases, never new people.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span

from ..lexicons import Lexicons, build_lexicons
from ..record import Person, Role
from ..record import Span as Evidence
from . import claims
from .names import parse_person_name, short_forms
from .patterns import lexicon
from .roles import company_of_title
from .titles import (
    TitlePhrase,
    country_prefix_end,
    format_title,
    heads_by_start,
    parse_title_phrase,
    title_before_name,
)
from .tokens import (
    POSSESSIVE,
    doc_text,
    hyphen_bounded_occurrences,
    is_abbreviation_period,
    is_capitalized,
    is_country_word,
    is_demonym,
    is_honorific,
    is_hyphen_link,
    is_line_break,
    is_name_start,
    is_name_word,
    model_entities,
    name_end,
    pos,
    strip_possessive,
    trim_the,
    without_based_prefix,
    words,
)

COMPLEMENT_OPENERS = frozenset({"of", "for", "to", "in", "at"})
APPOSITION_OPENERS = frozenset({"the", "a", "an", "its", "our", "their"})
# Adverbs of time that may open an apposition ("Sara Kim, currently Deputy CEO,"; "Dorj Bat,
# until now Governor of Selenge,"); the linker's patterns give the qualifier.
APPOSITION_ADVERBS = frozenset(
    {"currently", "now", "presently", "previously", "formerly", "until", "recently"}
)
# What separates a name from its title in an apposition: a comma, or a dash in a list line.
APPOSITION_SEPARATORS = frozenset({",", "–", "—"})
ORGANIZATION_LABELS = frozenset({"ORG", "ORG_FORM", "MODEL_ORG"})
APPOSITION_CLOSERS = frozenset({",", ".", ";", ")", ":", "—", "–", "who"})


@dataclass
class _Candidate:
    span: Span
    evidence: str  # title | apposition | honorific | speech | contact | ner
    roles: list[Role] = field(default_factory=list)


def evidence(span: Span) -> Evidence:
    return Evidence(span.start_char, span.end_char, span.text)


def find_people(doc: Doc, lex: Lexicons, *, excluded: set[int], unquoted: set[int]) -> list[Person]:
    """People of ``doc``.

    Args:
        excluded: tokens that never name a new person (headline, boilerplate, place lists).
        unquoted: tokens never cited as a mention (boilerplate).
    """
    heads = heads_by_start(doc)
    candidates = _candidates(doc, lex, heads, excluded, claims.claimed_tokens(doc, ["CONTACT"]))
    for candidate in candidates:
        if candidate.evidence != "apposition":
            candidate.roles.extend(_apposition_roles(doc, candidate.span, heads, lex))
            candidate.roles.extend(_next_line_roles(doc, candidate.span, heads, lex))
    people = _cluster(candidates)
    _attach_later_mentions(doc, people, heads, lex, excluded)
    finished = [finish_person(doc, draft, unquoted) for draft in people]
    return [person for person in finished if person.mentions]


def _candidates(
    doc: Doc, lex: Lexicons, heads: dict[int, int], excluded: set[int], contact: set[int]
) -> list[_Candidate]:
    found: list[_Candidate] = []
    for i in range(len(doc)):
        if i in excluded or not is_name_start(doc, i, lex) or is_hyphen_link(doc, i - 1):
            continue  # ("Harbi" in "Al-Harbi" is not a name of its own)
        candidate = _name_with_evidence(doc, i, heads, lex) or _contact_line_name(doc, i, contact, lex)
        if candidate is not None:
            found.append(candidate)
    for ent in model_entities(doc):
        if ent.label_ == "PERSON" and not excluded.intersection(range(ent.start, ent.end)):
            name = _clean_person_entity(doc, ent, lex)
            if name is not None and _plausible_name(name, lex) and not _is_modifier(doc, name):
                found.append(_Candidate(name, "ner"))
    return _strongest(found)


def _name_with_evidence(doc: Doc, i: int, heads: dict[int, int], lex: Lexicons) -> _Candidate | None:
    """The name starting at ``i`` with its strongest evidence: a title before it, an honorific,
    a title in apposition or on the next line, or a verb of speech or office after it."""
    end = name_end(doc, i, lex)
    name = doc[i:end]
    if _inside_country_name(doc, name, lex) or _of_known_place(doc, name, lex):
        return None
    phrase = title_before_name(doc, _before_honorifics(doc, i, lex), heads, lex)
    if phrase and _titled_name(doc, name, lex):
        return _Candidate(name, "title", _phrase_roles(doc, phrase, lex))
    if i > 0 and (is_name_start(doc, i - 1, lex) or i > 1 and _after_particle(doc, i, lex)):
        return None  # inside a longer name: "Khalfan Al-Harthy" of "Fatma bint Khalfan Al-Harthy"
    if i > 1 and is_abbreviation_period(doc, i - 1, lex) and is_name_start(doc, i - 2, lex):
        return None  # "Teresa Villanueva" of "Ma. Teresa Villanueva"
    if _before_honorifics(doc, i, lex) < i:  # "Mr.", and "Eng" "." as the tokenizer splits it
        return _Candidate(name, "honorific")
    if roles := _apposition_roles(doc, name, heads, lex) or _next_line_roles(doc, name, heads, lex):
        return _Candidate(name, "apposition", roles)
    subject = (
        _is_speech_subject(doc, i, end, lex)
        or _is_role_subject(doc, end, lex, heads)
        or _is_predecessor(doc, i, lex)
        or _is_appointee(doc, i, end, lex)
    )
    if subject and _name_words(name, lex) <= 4 and _plausible_name(name, lex):
        return _Candidate(name, "speech")
    return None


def _of_known_place(doc: Doc, name: Span, lex: Lexicons) -> bool:
    """A place the gazetteer knows after "of", "in" or "from" is no name: "NAME, of La Paz,
    Consul General ..." and "NAME, of Santa Cruz, to be Ambassador ..." in nomination lists."""
    return (
        name.start > 0
        and doc[name.start - 1].lower_ in {"of", "in", "from"}
        and lex.gazetteer.is_place(name.text)
    )


def _name_words(name: Span, lex: Lexicons) -> int:
    """Words of a name, without particles and hyphens ("Ingrid van der Berg-Oyelaran": 3)."""
    return sum(1 for t in name if t.text not in lex.name_particles and not is_hyphen_link(name.doc, t.i))


def _contact_line_name(doc: Doc, i: int, contact: set[int], lex: Lexicons) -> _Candidate | None:
    """A line of a contact block that is a name and nothing else ("Press contacts" / "Sofia
    Andreou" / "Phone: ..."): contact blocks list people (corpus/README.md)."""
    if i not in contact or not (i == 0 or is_line_break(doc, i - 1)):
        return None
    end = name_end(doc, i, lex)
    name = doc[i:end]
    if len(name) < 2 or end < len(doc) and not is_line_break(doc, end) or not _plausible_name(name, lex):
        return None
    return _Candidate(name, "contact")


def _inside_country_name(doc: Doc, name: Span, lex: Lexicons) -> bool:
    """The words belong to a country's name: "Arab" of "United Arab Emirates", "Lanka" of "Sri
    Lanka"."""
    tokens, text, gazetteer = words(doc), doc_text(doc), lex.gazetteer
    for start in range(max(0, name.start - 2), name.start + 1):
        if doc[start].lower_ != "the" and not gazetteer.may_start_country(doc[start].text):
            continue  # no country name opens here: skip the look-ups
        for end in range(name.end, min(len(doc), name.end + 2) + 1):
            if (start, end) != (name.start, name.end) and gazetteer.country_code(
                tokens.span_text(text, start, end)
            ):
                return True
    return False


def _before_honorifics(doc: Doc, i: int, lex: Lexicons) -> int:
    """Where the honorifics before a name begin: a title may stand before them ("Minister of
    State Shri Vikram Rao", "Chairman H.E. Sultan Al Suwaidi")."""
    while i > 0 and is_honorific(doc[i - 1], lex):  # "Mr.", "Eng" ".", "Amb. (Dr.)"
        i -= 1
    return i


def _titled_name(doc: Doc, name: Span, lex: Lexicons) -> bool:
    """A name after a title: one word only right after it ("Minister Tokayev", "Director-General
    Kang"), not after a comma ("General Manager, Networking"); after a comma, no organization
    word in it or right after it ("Spokesperson, GDDKiA Rzeszów Branch", "Senior Consultant,
    Rundle Street Communications": the employer of a contact line)."""
    if doc[name.start - 1].text != ",":
        return True
    after = doc[name.start : min(name.end + 1, len(doc))]
    organizations = (
        c
        for c in doc.spans.get(claims.CANDIDATES_KEY, [])
        if c.label_ in ORGANIZATION_LABELS and c.start <= name.start and name.end < c.end
    )
    return (
        len(name) > 1
        and not any(t.lower_ in lex.org_heads and is_capitalized(t) for t in after)
        and next(organizations, None) is None
    )


def _after_particle(doc: Doc, i: int, lex: Lexicons) -> bool:
    """The word follows name particles that follow a name word ("bint" in "Fatma bint Khalfan",
    "van der" in "Ingrid van der Linde")."""
    j = i - 1
    while j > 0 and i - j <= 3 and doc[j].text in lex.name_particles:
        j -= 1
    return j < i - 1 and is_name_start(doc, j, lex)


def _plausible_name(name: Span, lex: Lexicons) -> bool:
    """Not an acronym ("TDH") or a known place ("Tashkent", "Tamil Nadu"); one word only
    when the model agrees it is a person."""
    if name.text.isupper() or lex.gazetteer.is_place(name.text):
        return False
    return len(name) > 1 or name[0].ent_type_ == "PERSON"


def _is_modifier(doc: Doc, name: Span) -> bool:
    """A name used as a noun modifier is a place or thing ("Ghulam Khan border crossings")."""
    return name.end < len(doc) and pos(doc[name.end]) == "NOUN" and doc[name.end].is_lower


EVIDENCE_RANK = {"title": 0, "apposition": 1, "honorific": 2, "speech": 3, "contact": 3, "ner": 4}


def _strongest(candidates: list[_Candidate]) -> list[_Candidate]:
    """Where candidates overlap, the strongest evidence sets the name's boundaries.

    A title right before a name beats the model's span ("Almaty Nurlan Yessenbayev").
    """
    kept: list[_Candidate] = []
    for candidate in sorted(candidates, key=lambda c: EVIDENCE_RANK[c.evidence]):
        span = candidate.span
        organizations = " ".join(r.organization or "" for k in kept for r in k.roles)
        if candidate.evidence in {"ner", "speech"} and span.text in organizations:
            continue  # "Breshna Sherkat" in "CEO of Da Afghanistan Breshna Sherkat"
        rival = next((k for k in kept if k.span.start < span.end and span.start < k.span.end), None)
        if rival is None:
            kept.append(candidate)
        elif rival.span == span:
            rival.roles.extend(candidate.roles)
    return sorted(kept, key=lambda c: c.span.start)


def _clean_person_entity(doc: Doc, ent: Span, lex: Lexicons) -> Span | None:
    """Trim title and portfolio words off a PERSON entity ("Transport Zhanibek Taizhanov")."""
    if ent[0].lower_ in lex.non_name_words:
        return None  # "Cyclone Idai" names a storm
    start = ent.start
    while start < ent.end and not is_name_start(doc, start, lex):
        start += 1
    if start == ent.end:
        return None
    start = _given_names_before(doc, start, lex)
    span = strip_possessive(doc[start : max(name_end(doc, start, lex), start + 1)])
    beyond = doc[ent.end : span.end]  # the model may split one name: "Josephine Achieng'" "Odera"
    if any(t.ent_type_ != "PERSON" for t in beyond) or any(
        is_demonym(t, lex) or is_country_word(t, lex) for t in span
    ):
        return None
    return span


def _given_names_before(doc: Doc, start: int, lex: Lexicons) -> int:
    """Where the name begins when the model's span left out the given names before it
    ("Élodie" of "Élodie Kouassi N'Guessan", "Sultan" of "Sultan Khalid Al Dhaheri"): name
    words of the same run that are no known place and no entity of another type."""
    while (
        start > 0
        and is_name_word(doc[start - 1], lex)
        and not doc[start - 1].text.endswith(".")  # "Maj. Gen." is a rank
        and not doc[start - 1].ent_type_
        and not lex.gazetteer.is_place(doc[start - 1].text)
        and not is_line_break(doc, start - 1)
    ):
        start -= 1
    return start


def _is_speech_subject(doc: Doc, start: int, end: int, lex: Lexicons) -> bool:
    """Subject of a speech verb: "Nazarov said", "..., Tomasz Wieczorek, said", "according to X"."""
    end += end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].lower_ in lex.speech_verbs
    after = doc[end].lower_ if end < len(doc) else ""
    before = doc[start - 2 : start].text.lower() if start >= 2 else ""
    return (after in lex.speech_verbs or before == "according to") and end - start >= 1


def _is_role_subject(doc: Doc, end: int, lex: Lexicons, heads: dict[int, int] | None = None) -> bool:
    """Subject of a verb of taking or leaving a post: "Ivo Brandt has stepped down", "Rana
    Alvi was appointed", "Li Wen will become"; or of "is"/"was" before a capitalized title
    ("Lord Amis was Permanent Secretary")."""
    i = end
    while i < len(doc) and i - end < 3 and doc[i].lower_ in lex.role_verb_auxiliaries:
        i += 1
    if i < len(doc) and doc[i].lower_ in lex.role_verbs:
        return True
    if heads is None or end >= len(doc) or doc[end].lower_ not in {"is", "was"}:
        return False
    j = end + 1 + (end + 1 < len(doc) and doc[end + 1].lower_ in {"the", "a", "an"})
    first = next((k for k in range(j, min(j + 4, len(doc))) if k in heads), None)
    return first is not None and all(doc[k].is_title for k in range(j, first + 1))


def _is_appointee(doc: Doc, i: int, end: int, lex: Lexicons) -> bool:
    """Object of a verb of appointment before "as" or "to" and a post: "has appointed Ingrid van
    der Linde as Chief Financial Officer", "elected Ama Owusu to the board"."""
    j = i - 1
    if j >= 0 and is_honorific(doc[j], lex):
        j -= 1
    after = doc[end].lower_ if end < len(doc) else ""
    return j >= 0 and doc[j].lower_ in lexicon("appointment_verbs") and after in {"as", "to"}


def _is_predecessor(doc: Doc, i: int, lex: Lexicons) -> bool:
    """Object of a verb of succession: "will succeed Ts. Batbold", "in succession to Ms Harriet
    Clowes" (an honorific may stand between)."""
    j = i - 1
    if j >= 0 and doc[j].lower_.rstrip(".") in {h.rstrip(".") for h in lex.honorifics}:
        j -= 1
    if j < 0:
        return False
    if doc[j].lower_ == "to" and j > 0 and doc[j - 1].lower_ in {"succession", "successor"}:
        return True
    return doc[j].lower_ in lex.succession_words


def _phrase_roles(doc: Doc, phrase: TitlePhrase, lex: Lexicons) -> list[Role]:
    roles = []
    for part in phrase.parts:
        organization, org_country = None, None
        if part.organization is not None:
            organization, org_country = _org_name(part.organization, lex)
        if (
            part.organization is None
            and part is not phrase.parts[-1]
            and phrase.parts[-1].organization is not None
            and not any(t.lower_ in COMPLEMENT_OPENERS for t in doc[part.start : part.end])
        ):  # a bare head only: "Special Representative of X and Ambassador at Y" keeps its own
            # "President and Chief Executive Officer of Corvane": the employer of both
            organization, org_country = _org_name(phrase.parts[-1].organization, lex)
        title = doc[part.start : part.end]
        title, trailing, trailing_country = _trailing_owner(title, lex)
        if trailing is None and part is not phrase.parts[-1]:
            last = phrase.parts[-1]  # "Press Secretary and Director-General ..., Ministry of X"
            _, trailing, _ = _trailing_owner(doc[last.start : last.end], lex)
        if trailing is not None and organization is None:
            organization, org_country = _org_name(trailing, lex)
        roles.append(
            Role(
                title=format_title(title),
                organization=organization,
                country=phrase.country or part.country or org_country or trailing_country,
                span=evidence(title),
                qualifier=part.qualifier or phrase.qualifier,
            )
        )
    return roles


def _trailing_owner(title: Span, lex: Lexicons) -> tuple[Span, Span | None, str | None]:
    """A country or an organization after the title's last comma belongs to the role, not to
    the title: "Minister of Energy, United Arab Emirates" (country AE), "Head of Public
    Communications, Ministry of Health" (organization). An enumeration of portfolios ("Minister
    of Housing, Construction and Sanitation") stays whole."""
    commas = [t.i for t in title if t.text == ","]
    if not commas or commas[-1] + 1 >= title.end:
        return title, None, None
    head, tail = title.doc[title.start : commas[-1]], title.doc[commas[-1] + 1 : title.end]
    if country := lex.gazetteer.country_code(tail.text):
        return head, None, country
    names_org = tail[0].lower_ in lex.org_heads or all(t.lower_ != "and" for t in tail)
    if is_capitalized(tail[0]) and names_org and any(t.lower_ in lex.org_heads for t in tail):
        return head, tail, None  # not "Head of the Asia, Pacific and Africa Department"
    return title, None, None


def _org_name(span: Span, lex: Lexicons) -> tuple[str, str | None]:
    """Organization name without "the" or a country possessive, and that country."""
    span = without_based_prefix(trim_the(span))
    end, country = country_prefix_end(span.doc, span.start, lex)
    if country and span.start < end < span.end and span.doc[end - 1].text in POSSESSIVE:
        span = span.doc[end : span.end]
    else:
        country = None
    return " ".join(span.text.split()), country


def _past_certain_form(doc: Doc, i: int) -> int:
    """``i``, or the end of the organization certain by its form that goes on across it: the
    employer "Ceylon Leaf Brokers" of a title phrase ends before "(Pvt) Ltd."."""
    forms = (m for m in claims.mentions(doc, "ORG") if m.label_ == "ORG_FORM" and m.start < i < m.end)
    return max((m.end for m in forms), default=i)


def _list_line_title(doc: Doc, name: Span, end: int, lex: Lexicons) -> bool:
    """A list line opened by the name (after its honorifics): "Hon. NAME – Ambassador ... to
    the Kingdom of Morocco, with concurrent accreditation ...", "NAME – Commissioner General,
    Liberia Revenue Authority, for a term ...": the title ends at a comma, semicolon or stop."""
    start = _before_honorifics(doc, name.start, lex)
    opens_line = start == 0 or is_line_break(doc, start - 1)
    return opens_line and end < len(doc) and doc[end].text in {",", ";", "."}


def _past_hometown(doc: Doc, i: int, lex: Lexicons) -> int:
    """After the hometown of a nomination line, "of La Paz, " (a known place of up to three
    words and its comma) opening at ``i``; else ``i``."""
    if i >= len(doc) or doc[i].lower_ != "of":
        return i
    for end in range(i + 2, min(i + 5, len(doc))):
        if doc[end].text == "," and lex.gazetteer.is_place(doc[i + 1 : end].text):
            return end + 1
    return i


def _apposition_roles(doc: Doc, name: Span, heads: dict[int, int], lex: Lexicons) -> list[Role]:
    """Roles in apposition: "Kairat Kelimbetov, governor of the AIFC, said"."""
    i = name.end
    if i >= len(doc) or doc[i].text not in APPOSITION_SEPARATORS:
        return []
    dash = doc[i].text != ","
    i += 1
    i = _past_hometown(doc, i, lex)
    while i < len(doc) and doc[i].lower_ in APPOSITION_ADVERBS and i - name.end < 3:
        i += 1
    if i < len(doc) and doc[i].lower_ in APPOSITION_OPENERS:
        i += 1
    phrase = parse_title_phrase(doc, i, heads, lex, capitalized=False, name_follows=False)
    if (
        phrase is None
        or dash
        and not (is_line_break(doc, phrase.end) or _list_line_title(doc, name, phrase.end, lex))
    ):
        return []  # a dash separates a title only at the end of a list line, or on one opened by the name
    if not _closes_apposition(doc, _past_acronym(doc, _past_certain_form(doc, phrase.end)), lex):
        return []
    roles, end = _with_comma_portfolio(doc, phrase, _phrase_roles(doc, phrase, lex), lex)
    employer = _employer_after(doc, end, lex)
    if employer is not None:
        organization, country = _org_name(employer, lex)
        roles = [
            r if r.organization else replace(r, organization=organization, country=r.country or country)
            for r in roles
        ]
    return roles + _roles_after_who(doc, phrase.end, heads, lex)


def _past_acronym(doc: Doc, i: int) -> int:
    """After the bracketed acronym of the organization that ends a title at ``i`` ("General
    Manager of Yacimientos Petrolíferos Fiscales Bolivianos (YPFB), to be ..."); else ``i``."""
    inside = doc[i + 1 : i + 2]
    if i + 2 < len(doc) and doc[i].text == "(" and doc[i + 2].text == ")" and inside.text.isupper():
        return i + 3
    return i


def _closes_apposition(doc: Doc, after: int, lex: Lexicons) -> bool:
    """The apposition ends at token ``after``: a closer, a line break, a speech verb, a new
    sentence, or a capital after a legal form's stop ("... Ltd. “We")."""
    return (
        after >= len(doc)
        or doc[after].text in APPOSITION_CLOSERS
        or is_line_break(doc, after)
        or (doc[after].lower_ in lex.speech_verbs or doc[after].is_sent_start)
        or (doc[after - 1].text.endswith(".") and not doc[after].is_lower)
    )


def _employer_after(doc: Doc, i: int, lex: Lexicons) -> Span | None:
    """The organization after "NAME, TITLE," in a chain ("Ana Ruiz, Press Officer, European
    Investment Bank, a.ruiz@..."; "Jo Tan, Spokesperson, OCHA, New York"): a capitalized run up to
    the next comma or line end holding an organization word, or an acronym."""
    if i >= len(doc) or doc[i].text != "," or i + 1 >= len(doc) or not is_capitalized(doc[i + 1]):
        return None
    end = i + 1
    while end < len(doc) and not is_line_break(doc, end) and doc[end].text not in {",", ";", "(", ")"}:
        end += 1
    chunk = doc[i + 1 : end]
    if len(chunk) > 8 or any(t.like_email or t.like_url or t.like_num for t in chunk):
        return None
    acronym = len(chunk) == 1 and chunk.text.isupper() and 2 <= len(chunk.text) <= 6
    legal_form = len(chunk) > 1 and any(t.text.casefold() in lex.legal_forms for t in chunk[1:])
    if acronym or legal_form or any(t.lower_ in lex.org_heads for t in chunk):
        return chunk
    return None


def _next_line_roles(doc: Doc, name: Span, heads: dict[int, int], lex: Lexicons) -> list[Role]:
    """A name alone on its line (post-nominal letters aside) and a title opening the next line:
    contact blocks and header blocks ("Grace Mwangi" / "Head of Public Communications, Ministry
    of Health"; "The Hon Ana Reyes MP" / "Minister for Defence Industry")."""
    starts_line = (
        name.start == 0 or is_line_break(doc, name.start - 1) or _after_line_label(doc, name.start, lex)
    )
    end = name.end
    while end < len(doc) and doc[end].text in lex.post_nominals:
        end += 1
    if not starts_line or end >= len(doc) or not is_line_break(doc, end):
        return []
    phrase = parse_title_phrase(doc, end + 1, heads, lex, capitalized=False, name_follows=False)
    if phrase is None or not (is_line_break(doc, phrase.end) or doc[phrase.end].text == ","):
        return []
    return _with_comma_portfolio(doc, phrase, _phrase_roles(doc, phrase, lex), lex)[0]


def _with_comma_portfolio(
    doc: Doc, phrase: TitlePhrase, roles: list[Role], lex: Lexicons
) -> tuple[list[Role], int]:
    """A corporate title that names its portfolio after a comma ("Vice President, Investor
    Relations", "General Manager, Corporate Communications"): capitalized portfolio words up to
    the next comma, full stop or line end join the last title. Returns the roles and where
    the phrase now ends."""
    end = phrase.end + 1
    while (
        end < len(doc)
        and end - phrase.end <= 4
        and doc[end].lower_ in lex.portfolio
        and is_capitalized(doc[end])
    ):
        end += 1
    closed = end < len(doc) and doc[end].text in {",", ".", ";"} or is_line_break(doc, end)
    if (
        phrase.end >= len(doc)
        or doc[phrase.end].text not in {",", "–"}
        or end == phrase.end + 1
        or not closed
    ):
        return roles, phrase.end
    whole = doc[phrase.parts[-1].start : end]
    return roles[:-1] + [replace(roles[-1], title=format_title(whole), span=evidence(whole))], end


def _after_line_label(doc: Doc, i: int, lex: Lexicons) -> bool:
    """Only honorifics stand between the line start and the name ("The Hon", "Dr.")."""
    j = i
    while j > 0 and (
        doc[j - 1].lower_.rstrip(".") in {h.rstrip(".") for h in lex.honorifics}
        or doc[j - 1].lower_ in {"the", "."}
    ):
        j -= 1
    return j < i and (j == 0 or is_line_break(doc, j - 1))


def _roles_after_who(doc: Doc, i: int, heads: dict[int, int], lex: Lexicons) -> list[Role]:
    """ "..., a former minister who is now a senior adviser to X": the present title too."""
    if i >= len(doc) or doc[i].lower_ != "who":
        return []
    i += 1
    while i < len(doc) and doc[i].lower_ in {"is", "now", "currently", "serves", "as", "a", "an", "the"}:
        i += 1
    phrase = parse_title_phrase(doc, i, heads, lex, capitalized=False, name_follows=False)
    return _phrase_roles(doc, phrase, lex) if phrase is not None and i > 0 else []


@dataclass
class Draft:
    name: str
    words: tuple[str, ...]
    roles: list[Role]
    aliases: list[str] = field(default_factory=list)
    extra_mentions: list[Evidence] = field(default_factory=list)


def _cluster(candidates: list[_Candidate]) -> list[Draft]:
    """Merge candidates into people: longest names first; shorter ones that fit become aliases."""
    drafts: list[Draft] = []
    # a name in capitals (a header line "THE HON. ANA RUIZ MP") names nobody the body does not
    order = sorted(candidates, key=lambda c: (-len(c.span.text.split()), c.span.text.isupper(), c.span.start))
    for candidate in order:
        text = " ".join(candidate.span.text.split())
        words = tuple(w.casefold() for w in re.findall(r"[\w'’]+", text))
        owner = next((d for d in drafts if _fits(words, d.words)), None)
        if owner is None:
            if len(words) < 2 and (candidate.evidence == "ner" or candidate.span[0].ent_type_ != "PERSON"):
                continue  # one word alone names a person only when the model agrees ("Capability")
            drafts.append(Draft(text, words, list(candidate.roles)))
            continue
        if text.isupper() and not owner.name.isupper():
            owner.extra_mentions.append(evidence(candidate.span))  # a mention, not an alias
        elif text != owner.name and text not in owner.aliases:
            owner.aliases.append(text)
        owner.roles.extend(candidate.roles)
    return drafts


def _fits(words: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """A shorter name that is the same person: equal, a suffix/prefix of the full name, or the
    first of two family names ("Araya" of "Tomás R. Araya Echeverría")."""
    if words == full:
        return True
    if len(words) == 1 and len(full) >= 3 and full[-2] == words[0] and len(words[0]) > 1:
        return True
    return len(words) < len(full) and (full[-len(words) :] == words or full[: len(words)] == words)


def _attach_later_mentions(
    doc: Doc, people: list[Draft], heads: dict[int, int], lex: Lexicons, excluded: set[int]
) -> None:
    """ "the minister said": a lower-case title on a later mention goes to the right person."""
    if not people:
        return
    for head, end in heads.items():
        start = head
        while start > 0 and (
            doc[start - 1].lower_ in lex.modifiers or doc[start - 1].lower_ in lex.portfolio
        ):
            start -= 1  # "the vice minister", "the energy minister"
        if start in excluded or is_capitalized(doc[start]) and not doc[start].is_sent_start:
            continue
        if start == 0 or doc[start - 1].lower_ != "the":
            continue
        phrase = parse_title_phrase(doc, start, heads, lex, capitalized=False, name_follows=False)
        if phrase is None or phrase.end >= len(doc) or doc[phrase.end].lower_ not in lex.speech_verbs:
            continue
        head_text = doc[head:end].text.casefold()
        role_span = doc[phrase.start : phrase.end]
        owner = _latest_with_title(doc, people, head_text, role_span.start_char)
        if owner is None:
            continue
        title = format_title(role_span)
        owner.extra_mentions.append(evidence(doc[start - 1 : phrase.end]))
        if not any(head_text in r.title.casefold() for r in owner.roles):
            owner.roles.append(Role(title, None, None, evidence(role_span), phrase.qualifier))


def _latest_with_title(doc: Doc, people: list[Draft], head: str, before: int) -> Draft | None:
    """The person holding a title with this head, else the last one named before ``before``."""
    holders = [p for p in people if any(head in r.title.casefold() for r in p.roles)]
    if len(holders) == 1:
        return holders[0]
    pool = holders or people
    best, best_pos = None, -1
    for person in pool:
        for form in (person.name, *person.aliases):
            for match in re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", doc_text(doc)[:before]):
                if match.start() > best_pos:
                    best, best_pos = person, match.start()
    return best


def shortened(title: str, other: str) -> bool:
    """``title`` is ``other`` cut short, the way a later mention names the post ("Minister" of
    "Minister of International Trade" in "Minister Mackenzie-Roy said")."""
    short, full = title.casefold(), other.casefold()
    if full[len(short) :].strip(" -") in {"designate", "elect"}:
        return False  # "Chair" and "Chair Designate" are two posts
    return len(short) < len(full) and (full.startswith(short + " ") or full.startswith(short + ","))


def _may_stand_alone(word: str, lex: Lexicons) -> bool:
    """A given name that can name its person alone: no place, title, honorific or other word
    that reads as something else when written alone."""
    folded = word.casefold()
    return (
        len(word) >= 3
        and not lex.gazetteer.is_place(word)
        and not lex.is_title_word(word)
        and not lex.is_institution_word(word)
        and folded not in lex.honorifics
        and folded not in lex.non_name_words
    )


def _in_another_name(text: str, start: int, end: int, lex: Lexicons) -> bool:
    """A capitalized word right before (no title or honorific) or after: the given name is part
    of another name ("São Paulo", "Katharina Müller"), not "Minister Valdés"."""
    if end + 1 < len(text) and text[end] == " " and text[end + 1].isupper():
        return True
    if start < 2 or text[start - 1] != " ":
        return False
    before = text[text.rfind(" ", 0, start - 1) + 1 : start - 1].rsplit("\n", 1)[-1]  # the word before
    folded = before.casefold()
    return before[:1].isupper() and not (lex.is_title_word(before) or folded in lex.honorifics)


def _forms(draft: Draft, lex: Lexicons) -> tuple[list[str], list[str]]:
    """The forms a person's mentions are found by: the name, its aliases and shorter forms;
    and apart, the single given names, which must stand alone in the text."""
    forms = [draft.name, *draft.aliases]
    parsed = parse_person_name(draft.name)
    surname = parsed.family if parsed else draft.name.split()[-1]
    shorter = short_forms(draft.name)
    forms += [f for f in shorter if f not in forms and (" " in f or f == surname)]
    if surname not in forms and len(draft.name.split()) > 1:
        forms.append(surname)
    first = draft.name.split()[0]
    if len(draft.name.split()) in (2, 3) and first.casefold() in lex.family_first:
        forms.append(first)  # "Park Sung-hoon" ... "Park said"
    # a given name alone ("Katharina combines ..."), the first of two family names ("Valdés")
    single = [f for f in shorter if " " not in f and f not in forms and _may_stand_alone(f, lex)]
    return forms, single


def _mentions(doc: Doc, draft: Draft, excluded: set[int], lex: Lexicons) -> tuple[list[Evidence], list[str]]:
    """Every mention of the person in the text, and the aliases that gave them."""
    forms, single = _forms(draft, lex)
    blocked = {doc[i].idx for i in excluded}
    mentions: dict[tuple[int, int], Evidence] = {}
    used_aliases: list[str] = []
    text = doc_text(doc)
    for form in forms + single:
        for start, end in hyphen_bounded_occurrences(text, form):
            inside = any(s <= start and end <= e and (s, e) != (start, end) for s, e in mentions)
            if inside or start in blocked or form in single and _in_another_name(text, start, end, lex):
                continue
            mentions[(start, end)] = Evidence(start, end, text[start:end])
            if form != draft.name and form not in used_aliases:
                used_aliases.append(form)
    for extra in draft.extra_mentions:
        mentions.setdefault((extra.start, extra.end), extra)
    return sorted(mentions.values(), key=lambda m: m.start), used_aliases


def finish_person(doc: Doc, draft: Draft, excluded: set[int]) -> Person:
    mentions, used_aliases = _mentions(doc, draft, excluded, build_lexicons())
    roles: list[Role] = []
    for role in draft.roles:
        if role.organization is None:  # "Chief Executive Officer of Agrovale": the company apart
            title, company = company_of_title(role.title)
            role = replace(role, title=title, organization=company) if company else role
        if not any(r.title.casefold() == role.title.casefold() for r in roles):
            roles.append(role)
    roles = [r for r in roles if not any(shortened(r.title, o.title) for o in roles)]
    return Person(
        name=draft.name,
        aliases=tuple(used_aliases),
        mentions=tuple(mentions),
        roles=tuple(roles),
    )
