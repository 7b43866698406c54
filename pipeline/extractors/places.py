"""Locations and organizations, each named once per article with its ISO 3166 country.

Locations are the model's GPE/LOC entities, the dateline place, and every member of a list
that holds a known place ("Turgundi, Herat, Kandahar, and Spin Boldak"), which the small model
splits into places, organizations and people. Organizations are the model's ORG entities with
"the" and a country prefix ("Pakistan's", "UAE") moved into ``country``, plus the organizations
named in role titles; title phrases, demonyms and project names tagged ORG are dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Doc, Span

from ..lexicons import CONNECTORS, Lexicons
from ..record import Location, Organization
from ..record import Span as Evidence
from .quantities import unit_surfaces
from .titles import chain_end, country_prefix_end, located_org_end
from .tokens import MONTHS, POSSESSIVE, doc_text, is_capitalized, is_demonym, is_hyphen_link

PLACE_LABELS = frozenset({"GPE", "LOC"})
WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
PLACE_SUFFIXES = frozenset(
    {
        "region",
        "province",
        "oblast",
        "district",
        "governorate",
        "county",
        "prefecture",
        "valley",
        "autonomous",
    }
)
# Last words of natural features: a place, never an organization ("Toktogul Reservoir").
FEATURE_SUFFIXES = frozenset({"reservoir", "river", "lake"})
# Words before a capitalized name that make it a place ("in Takoradi", "near Chaman").
LOCATIVES = frozenset(
    {"in", "at", "near", "from", "to", "via", "across", "outside", "around", "between", "through", "into"}
)
# Nouns after an ORG entity that show it names a project, not an organization ("CASA railway
# project", "the Nurly Zhol programme").
PROJECT_NOUNS = frozenset(
    {
        "project",
        "projects",
        "programme",
        "program",
        "initiative",
        "corridor",
        "railway",
        "pipeline",
        "route",
        "highway",
        "line",
    }
)


def _runs(doc: Doc, sent: Span) -> list[tuple[int, int]]:
    """Token ranges of the capitalized runs in a sentence (not counting its first word)."""
    runs, i = [], sent.start
    while i < sent.end:
        if is_capitalized(doc[i]) and not doc[i].is_sent_start:
            j = i + 1
            while j < sent.end and (
                is_capitalized(doc[j]) or is_hyphen_link(doc, j) or is_hyphen_link(doc, j - 1)
            ):
                j += 1  # "Mazar-i-Sharif"
            runs.append((i, j))
            i = j
        else:
            i += 1
    return runs


PlaceList = list[tuple[int, int]]


def find_place_lists(doc: Doc, lex: Lexicons) -> list[PlaceList]:
    """Coordinated lists of places, as token ranges of their members.

    A list is capitalized runs joined by ",", "and" or ", and"; it counts when one member is a
    GPE/LOC entity or a gazetteer place, no member is a demonym, and none is longer than three
    words: "Turgundi, Herat, Kandahar, and Spin Boldak".
    """
    lists: list[PlaceList] = []
    for sent in doc.sents:
        runs = _runs(doc, sent)
        group: PlaceList = []
        for index, (start, end) in enumerate(runs):
            owner = end < len(doc) and doc[end].text in POSSESSIVE  # "Iran's Deputy Minister"
            if not owner and not _named_person(doc, start, end, lex):
                group.append((start, end))
            nxt = runs[index + 1][0] if index + 1 < len(runs) else None
            between = doc[end:nxt].text.strip().lower() if nxt is not None else None
            if between not in {",", "and", ", and"} or owner:
                if _is_place_group(doc, group, lex):
                    lists.append(group)
                group = []
    return lists


def _named_person(doc: Doc, start: int, end: int, lex: Lexicons) -> bool:
    """The model's PERSON entity, two words or more, no known place, and the subject of a
    speech verb: "Southern Africa, Tendai Moyo, said" is a title and a name, not a list."""
    span = doc[start:end]
    after = end + (end < len(doc) and doc[end].text == ",")
    return (
        after < len(doc)
        and doc[after].lower_ in lex.speech_verbs
        and len(span) >= 2
        and all(t.ent_type_ == "PERSON" for t in span)
        and span[0].ent_iob_ == "B"
        and (end >= len(doc) or doc[end].ent_iob_ != "I")
        and not lex.gazetteer.is_place(span.text)
    )


def list_tokens(lists: list[PlaceList]) -> set[int]:
    return {i for group in lists for start, end in group for i in range(start, end)}


def _is_place_group(doc: Doc, group: PlaceList, lex: Lexicons) -> bool:
    """One member tagged a place by the model, or two known to the gazetteer; no title words."""
    if len(group) < 2 or any(len(doc[s:e].text.split()) > 3 for s, e in group):
        return False
    if any(lex.is_institution_word(t.text) for s, e in group for t in doc[s:e]):
        return False
    if any(lex.gazetteer.demonym_country(doc[s:e].text) for s, e in group):
        return False
    tagged = sum(1 for s, e in group if all(t.ent_type_ in PLACE_LABELS for t in doc[s:e]))
    known = sum(1 for s, e in group if lex.gazetteer.place_country(doc[s:e].text))
    return tagged > 0 or known > 1


def _shared_countries(doc: Doc, lists: list[PlaceList], lex: Lexicons) -> dict[str, str]:
    """Country of unknown list members whose known list-mates all lie in one country."""
    shared: dict[str, str] = {}
    for group in lists:
        names = [_display_name(doc[s:e]) for s, e in group]
        codes = {c for n in names if (c := lex.gazetteer.place_country(n))}
        if len(codes) == 1:
            code = codes.pop()
            shared.update({n.casefold(): code for n in names if not lex.gazetteer.place_country(n)})
    return shared


def _suffixed_place_spans(doc: Doc, lex: Lexicons) -> list[Span]:
    """ "Surkhandarya region", "Xinjiang Uygur Autonomous Region", "Toktogul Reservoir": a name
    before a place word."""
    spans = []
    for i, token in enumerate(doc):
        if token.lower_ not in (PLACE_SUFFIXES - {"autonomous"}) | FEATURE_SUFFIXES or i == 0:
            continue
        start = i
        while start > 0 and (
            is_capitalized(doc[start - 1])
            and not lex.is_title_word(doc[start - 1].text)
            or is_hyphen_link(doc, start - 1)
        ):
            start -= 1  # "At-Bashy River"
        if start < i and not (
            start > 0
            and doc[start - 1].lower_ == "of"
            and start > 1
            and (doc[start - 2].lower_ in lex.org_heads)
        ):
            spans.append(doc[start : i + 1])
    return spans


def _gazetteer_place_spans(doc: Doc, lex: Lexicons) -> list[Span]:
    """Known places the model missed, where the syntax says place: after a locative ("in
    Takoradi", "near Chaman") or before "-based" ("Riyadh-based")."""
    spans = []
    for i, token in enumerate(doc):
        if not is_capitalized(token) or token.is_sent_start or (i > 0 and is_capitalized(doc[i - 1])):
            continue
        end = i + 1
        while (
            end < len(doc)
            and end - i < 5
            and (is_capitalized(doc[end]) or is_hyphen_link(doc, end) or is_hyphen_link(doc, end - 1))
        ):
            end += 1  # "Mazar-i-Sharif"
        while end > i + 1 and doc[end - 1].text in {"-", "‐"}:
            end -= 1
        span = doc[i:end]
        locative = i > 0 and doc[i - 1].lower_ in LOCATIVES
        based = end + 1 < len(doc) and is_hyphen_link(doc, end) and doc[end + 1].lower_ == "based"
        if span.text.casefold() in MONTHS or span.text.casefold() in WEEKDAYS:
            continue
        if (locative or based) and span.text[0].isalpha() and lex.gazetteer.place_country(span.text):
            spans.append(span)
    return spans


def _country_spans(doc: Doc, lex: Lexicons) -> list[Span]:
    """Country names anywhere ("UAE" inside "the UAE Ministry of Energy")."""
    spans, i = [], 0
    while i < len(doc):
        if is_capitalized(doc[i]) and lex.gazetteer.may_start_country(doc[i].text):
            for width in (3, 2, 1):
                span = doc[i : i + width]
                if len(span) == width and is_capitalized(span[-1]) and lex.gazetteer.country_code(span.text):
                    spans.append(span)
                    i += width - 1
                    break
        i += 1
    return spans


def _overlaps(span: Span, taken: Iterable[tuple[int, int]]) -> bool:
    return any(span.start_char < e and s < span.end_char for s, e in taken)


def find_locations(
    doc: Doc,
    lex: Lexicons,
    *,
    lists: list[PlaceList],
    taken: list[tuple[int, int]],
    excluded: set[int],
    unquoted: set[int],
    dateline: Span | None,
) -> list[Location]:
    """Locations of ``doc``; ``taken`` holds character ranges of people and organizations."""
    list_members = list_tokens(lists)
    shared = _shared_countries(doc, lists, lex)
    spans: list[Span] = (
        _country_spans(doc, lex) + _suffixed_place_spans(doc, lex) + _gazetteer_place_spans(doc, lex)
    )
    if dateline is not None:
        spans.append(dateline)
    spans += [
        e
        for e in doc.ents
        if e.label_ in PLACE_LABELS
        and not excluded.intersection(range(e.start, e.end))
        and not list_members.intersection(range(e.start, e.end))
    ]
    spans += _member_spans(doc, list_members)
    names: dict[str, str] = {}
    for span in spans:
        span = _trim_the(span)
        if _overlaps(span, taken) or is_demonym(span[0], lex) and len(span) == 1:
            continue
        name = _display_name(span)
        key = place_key(name, lex)
        if key not in names or name.casefold() == key:  # "Surkhandarya" over "Surkhandarya region"
            names[key] = name
    locations = []
    claimed = list(taken)
    # Longest names first, so "Mazar" (a part the model tagged) cannot claim "Mazar-i-Sharif".
    for key, name in sorted(names.items(), key=lambda kv: -len(kv[1])):
        country = lex.gazetteer.place_country(name) or shared.get(name.casefold())
        forms = {name} | {
            _display_name(_trim_the(s)) for s in spans if place_key(_display_name(_trim_the(s)), lex) == key
        }
        mentions = find_mentions(doc, forms, claimed, unquoted)
        if mentions:
            locations.append(Location(name=name, country=country, mentions=mentions))
            claimed += [(m.start, m.end) for m in mentions]
    return sorted(locations, key=lambda loc: loc.mentions[0].start)


def _member_spans(doc: Doc, members: set[int]) -> list[Span]:
    spans, ordered = [], sorted(members)
    for i in ordered:
        if i - 1 in members:
            continue
        j = i
        while j + 1 in members:
            j += 1
        spans.append(doc[i : j + 1])
    return spans


def _trim_the(span: Span) -> Span:
    return span[1:] if len(span) > 1 and span[0].lower_ == "the" else span


def _display_name(span: Span) -> str:
    """ "ALMATY" -> "Almaty"; "South Korea's" -> "South Korea"; "Kashkadarya region" ->
    "Kashkadarya"; other names as written."""
    while len(span) > 1 and (
        span[-1].text in POSSESSIVE or span[-1].is_lower and span[-1].lower_ in PLACE_SUFFIXES
    ):
        span = span[:-1]
    text = " ".join(span.text.split())
    return text.title() if text.isupper() and len(text) > 3 else text


def place_key(name: str, lex: Lexicons) -> str:
    """Countries are one place however named ("UAE", "United Arab Emirates")."""
    code = lex.gazetteer.country_code(name)
    if code:
        return f"country:{code}"
    words = name.casefold().split()
    return " ".join(words[:-1] if len(words) > 1 and words[-1] in PLACE_SUFFIXES else words)


def find_mentions(
    doc: Doc, forms: set[str], taken: list[tuple[int, int]], excluded: set[int]
) -> tuple[Evidence, ...]:
    blocked = {doc[i].idx for i in excluded}
    found: dict[int, Evidence] = {}
    for form in sorted(forms, key=len, reverse=True):
        flags = re.IGNORECASE if form.istitle() else 0
        # Whole names only, but "Riyadh-based" names Riyadh ("Al-Harbi" does not name "Harbi").
        pattern = rf"(?<![\w-]){re.escape(form)}(?![\w])(?-i:(?!-[A-Z]))"
        for m in re.finditer(pattern, doc_text(doc), flags):
            start, end = m.span()
            if start in blocked or any(start < e and s < end for s, e in taken):
                continue
            if any(f.start <= start < f.end for f in found.values()):
                continue
            found[start] = Evidence(start, end, m.group())
    return tuple(found[k] for k in sorted(found))


def find_organizations(
    doc: Doc,
    lex: Lexicons,
    *,
    role_orgs: list[str],
    taken: list[tuple[int, int]],
    excluded: set[int],
    unquoted: set[int],
    list_members: set[int],
) -> list[Organization]:
    """Organizations of ``doc``, one per name; ``role_orgs`` are named in role titles."""
    entries: dict[str, tuple[str, str | None, list[Span]]] = {}
    for name in role_orgs:
        entries.setdefault(name.casefold(), (name, None, []))
    for span in [e for e in doc.ents if e.label_ == "ORG"] + named_org_spans(doc, lex):
        if excluded.intersection(range(span.start, span.end)) or list_members.intersection(
            range(span.start, span.end)
        ):
            continue
        cleaned = _clean_org(doc, span, lex)
        if cleaned is None or _overlaps(cleaned[0], taken):
            continue
        name_span, country = cleaned
        name = " ".join(name_span.text.split())
        key = name.casefold()
        if key in entries:
            _, old_country, seen = entries[key]
            entries[key] = (entries[key][0], old_country or country, seen + [name_span])
        else:
            entries[key] = (name, country, [name_span])
    organizations = []
    short_names = set()
    for short in [k for k in entries if any(_is_word_prefix(k, other) for other in entries)]:
        short_names.add(entries.pop(short)[0])  # "Kestrel" of "Kestrel Logistics Technologies"
    acronyms = {}
    for key in [k for k, (name, _, _) in entries.items() if name.isupper() and 2 <= len(name) <= 6]:
        full = next((other for other, _, _ in entries.values() if _initials(other) == key.upper()), None)
        if full is not None:  # "IOM" of "International Organization for Migration"
            acronyms[full] = entries.pop(key)[0]
    for name, country, _ in entries.values():
        shorts = {n for n in short_names if _is_word_prefix(n.casefold(), name.casefold())}
        shorts |= _short_name(name, lex) | ({acronyms[name]} if name in acronyms else set())
        shorts |= _acronym_used(doc, name)
        mentions = find_mentions(doc, {name} | shorts, taken, unquoted)
        if mentions:
            organizations.append(Organization(name=name, country=country, mentions=mentions))
    return sorted(organizations, key=lambda o: o.mentions[0].start)


def _acronym_used(doc: Doc, name: str) -> set[str]:
    """The name's initials when the text uses them as a word: "IOM" after "International
    Organization for Migration (IOM)"; three letters at least, so "ME" stays a word."""
    initials = _initials(name)
    if len(initials) < 3 or len(name.split()) < 3:
        return set()
    return {initials} if re.search(rf"\b{initials}\b", doc_text(doc)) else set()


def _initials(name: str) -> str:
    """ "International Organization for Migration" -> "IOM" (function words skipped)."""
    return "".join(w[0] for w in name.split() if w[:1].isupper() and w.casefold() not in CONNECTORS)


def _country_before(doc: Doc, start: int, lex: Lexicons) -> str | None:
    """Country named right before an organization: "Pakistan's", "Kazakh", "UAE"."""
    for width in (3, 2, 1):
        i = start - width
        if i < 0:
            continue
        if doc[start - 1].text in POSSESSIVE and width > 1:
            code = lex.gazetteer.country_code(doc[i : start - 1].text)
        else:
            code = lex.gazetteer.country_code(doc[i:start].text) or (
                lex.gazetteer.demonym_country(doc[i].text) if width == 1 else None
            )
        if code and is_capitalized(doc[i]):
            return code
    return None


def _is_named_org(span: Span, lex: Lexicons) -> bool:
    return any(t.lower_ in lex.org_heads for t in span) or not any(lex.is_title_word(t.text) for t in span)


def _is_generic(span: Span, lex: Lexicons) -> bool:
    """Not a name: a unit ("MW"), a plural demonym ("Mongolians"), portfolio words only
    ("Digital Development"), or one common word the model tagged ORG ("Hydrogen")."""
    text = span.text
    if text.casefold() in unit_surfaces() or lex.gazetteer.demonym_country(text.rstrip("s")):
        return True
    if not any(t.lower_ in lex.org_heads for t in span) and all(
        lex.is_institution_word(t.text) or is_demonym(t, lex) or t.lower_ in CONNECTORS for t in span
    ):
        return True
    return len(span) == 1 and not text.isupper() and span[0].tag_ not in {"NNP", "NNPS"}


def is_place_name(span: Span, lex: Lexicons) -> bool:
    """A region or district the model tagged ORG ("Surkhandarya Region")."""
    return len(span) > 1 and span[-1].lower_ in PLACE_SUFFIXES | FEATURE_SUFFIXES


def named_org_spans(doc: Doc, lex: Lexicons) -> list[Span]:
    """Names built on an organization word that the model may miss: "Kestrel Logistics
    Technologies", "Maji Hope Alliance", "Cabinet of Ministers"."""
    spans = []
    for i, token in enumerate(doc):
        if not (is_capitalized(token) and token.lower_ in lex.org_heads) or token.is_sent_start:
            continue
        start = i
        while (
            start > 0
            and is_capitalized(doc[start - 1])
            and not doc[start - 1].is_sent_start
            and not (
                lex.is_title_word(doc[start - 1].text) or lex.gazetteer.country_code(doc[start - 1].text)
            )
        ):
            start -= 1
        end = i + 1
        if end + 1 < len(doc) and doc[end].lower_ in {"of", "for"} and is_capitalized(doc[end + 1]):
            end = chain_end(doc, end + 1, {}, lex, name_follows=False)
        span = doc[start : located_org_end(doc, doc[start:end], lex)]  # "Embassy of X in Y"
        if len(span) > 1 and not any(t.ent_type_ == "PERSON" for t in span):
            spans.append(span)
    return spans


def _short_name(name: str, lex: Lexicons) -> set[str]:
    """The first word of a company-style name, used alone later ("Kestrel" for "Kestrel
    Logistics Technologies"): a proper word, not a place, demonym or institution word."""
    words = name.split()
    first = words[0]
    if len(words) < 2 or len(first) < 4 or not first[:1].isupper() or first.isupper():
        return set()
    if (
        lex.is_institution_word(first)
        or lex.gazetteer.is_place(first)
        or lex.gazetteer.demonym_country(first)
    ):
        return set()
    return {first}


def _is_word_prefix(short: str, long: str) -> bool:
    """ "kestrel" opens "kestrel logistics technologies" (whole words, shorter)."""
    return long != short and long.startswith(short + " ")


def _clean_org(doc: Doc, span: Span, lex: Lexicons) -> tuple[Span, str | None] | None:
    """Strip "the", "Riyadh-based" and a country prefix; reject what is not an organization."""
    span = _trim_the(span)
    if len(span) > 1 and span[-1].text in POSSESSIVE:
        span = span[:-1]  # "Bank of China's"
    if len(span) > 3 and span[1].text in {"-", "‐"} and span[2].lower_ == "based":
        span = span[3:]
    country = _country_before(doc, span.start, lex)
    if country:
        return (span, country) if _is_named_org(span, lex) else None
    prefix_end, country = country_prefix_end(doc, span.start, lex)
    if (
        country
        and prefix_end < span.end
        and any(t.lower_ in lex.org_heads for t in doc[prefix_end : span.end])
    ):
        possessive = doc[prefix_end - 1].text in POSSESSIVE
        if possessive or doc[prefix_end].lower_ in lex.state_org_heads:
            span = doc[prefix_end : span.end]  # "UAE Ministry of Energy", "Uzbekistan's Export Agency"
        # else the country is part of the name: "Kuwait Airways", "Kuwait Fund for ..."
    else:
        country = None
    if any(t.like_num for t in span) and any(t.text.isupper() and len(t.text) == 3 for t in span):
        return None  # "NPR 500 million": an amount the model tagged
    if span.end < len(doc) and doc[span.end].lower_ in PROJECT_NOUNS:
        return None
    words = [t for t in span if t.is_alpha]
    if not words or (
        len(span) == 1
        and (
            is_demonym(span[0], lex)
            or lex.gazetteer.is_place(span.text)
            or lex.is_institution_word(span.text)
        )
    ):
        return None
    if all(t.is_lower or not t.is_alpha for t in span):
        return None  # "the intergovernmental water commission" is described, not named
    has_org_head = any(t.lower_ in lex.org_heads for t in span)
    has_title = any(lex.is_title_word(t.text) for t in span)
    if has_title and not has_org_head or is_place_name(span, lex) or _is_generic(span, lex):
        return None
    if span[-1].lower_ in {"of", "for", "and", "the"} or lex.is_title_word(span[-1].text) and len(span) > 1:
        return None  # "World Bank's Country Representative" is a title
    return span, country
