"""Locations: countries, regions, cities and named places, each once per article with its
ISO 3166 country, named in full with other forms as aliases.

Found in the model's GPE/LOC entities, the dateline place, every member of a list that holds a
known place ("Turgundi, Herat, Kandahar, and Spin Boldak"), the gazetteer after locatives
("in Takoradi"), names before a place word ("Surkhandarya region") and the place patterns of
``data/patterns/places.jsonl`` ("Dornogovi aimag", "Ramstein Air Base").
:func:`canonical_locations` merges the forms of one place ("U.S." and "United States").
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache

from spacy.tokens import Doc, Span

from ..lexicons import Lexicons
from ..record import Location
from ..resources import read_table, read_words
from . import finders
from .tokens import (
    MONTHS,
    POSSESSIVE,
    doc_text,
    find_mentions,
    is_based_link,
    is_capitalized,
    is_demonym,
    is_hyphen_link,
    model_entities,
    overlaps_any,
    site_noun_after,
    trim_the,
    words,
)

PLACE_LABELS = frozenset({"GPE", "LOC"})


WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
DATE_NAMES = MONTHS | WEEKDAYS


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


# Capitalized administrative words that label a named place ("South Jeolla Province" -> "South
# Jeolla", "Lagos State" -> "Lagos"), unless the word before makes them part of a name.
ADMIN_LABELS = frozenset(
    {"region", "province", "oblast", "district", "governorate", "county", "prefecture", "aimag", "state"}
)
ADMIN_NAME_WORDS = frozenset(
    {
        "autonomous",
        "lake",
        "free",
        "islamic",
        "capital",
        "central",
        "special",
        "federal",
        "new",
        "united",
        "southern",
        "northern",
        "eastern",
        "western",
    }
)


# Last words of regions and natural features, which lie in no one country of their own.
REGION_WORDS = frozenset(
    {"sea", "ocean", "gulf", "river", "delta", "valley", "mountains", "basin", "asia", "africa", "europe"}
    | {"america", "caucasus", "sahel", "east", "west", "pacific", "atlantic", "caribbean", "coast", "region"}
)


# Last words of natural features: a place, never an organization ("Toktogul Reservoir").
FEATURE_SUFFIXES = frozenset({"reservoir", "river", "lake"})


# Words before a capitalized name that make it a place ("in Takoradi", "near Chaman").
LOCATIVES = frozenset(
    {"in", "at", "near", "from", "to", "via", "across", "outside", "around", "between", "through", "into"}
)


def _runs(doc: Doc, sent: Span) -> list[tuple[int, int]]:
    """Token ranges of the capitalized runs in a sentence (not counting its first word)."""
    runs, i = [], sent.start + 1  # the first word is the only one that starts the sentence
    tokens, text = words(doc), doc_text(doc)
    capitalized = tokens.capitalized
    while i < sent.end:
        if capitalized[i]:
            j = i + 1
            while j < sent.end and (capitalized[j] or is_hyphen_link(doc, j) or is_hyphen_link(doc, j - 1)):
                j += 1  # "Mazar-i-Sharif"
            if tokens.span_text(text, i, j).casefold() not in DATE_NAMES:  # "Austin, Texas, March 4"
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
    tokens, text = words(doc), doc_text(doc)
    for sent in doc.sents:
        runs = _runs(doc, sent)
        group: PlaceList = []
        joined_by_and = False
        for index, (start, end) in enumerate(runs):
            owner = end < len(doc) and tokens.text[end] in POSSESSIVE  # "Iran's Deputy Minister"
            if not owner and not _named_person(doc, start, end, lex):
                group.append((start, end))
            nxt = runs[index + 1][0] if index + 1 < len(runs) else None
            between = tokens.span_text(text, end, nxt).strip().lower() if nxt is not None else None
            joined_by_and |= between in {"and", ", and"}
            if between not in {",", "and", ", and"} or owner:
                # two members need "and" or a known second place ("Ottawa, Ontario"):
                # "Ambassador to Brazil, Joaquim Neto" is a name, "HOUSTON, Jan. 14" a date
                paired = len(group) == 2 and _is_known_place(doc[slice(*group[1])], lex)
                labelled = end < len(doc) and _admin_plural(doc[end])  # "Ayod and Fangak counties"
                if (len(group) > 2 or joined_by_and or paired) and _is_place_group(
                    doc, group, lex, labelled=labelled
                ):
                    lists.append(group)
                group, joined_by_and = [], False
    return lists


def _is_known_place(span: Span, lex: Lexicons) -> bool:
    return bool(lex.gazetteer.place_country(span.text)) or all(t.ent_type_ in PLACE_LABELS for t in span)


def _named_person(doc: Doc, start: int, end: int, lex: Lexicons) -> bool:
    """The model's PERSON entity, two words or more, no known place, and the subject of a
    speech verb: "Southern Africa, Tendai Moyo, said" is a title and a name, not a list."""
    tokens = words(doc)
    after = end + (end < len(doc) and tokens.text[end] == ",")
    if not (after < len(doc) and tokens.lower[after] in lex.speech_verbs and end - start >= 2):
        return False  # read off the word table: most runs are no speaker
    span = doc[start:end]
    return (
        all(t.ent_type_ == "PERSON" for t in span)
        and span[0].ent_iob_ == "B"
        and (end >= len(doc) or doc[end].ent_iob_ != "I")
        and not lex.gazetteer.is_place(span.text)
    )


def list_tokens(lists: list[PlaceList]) -> set[int]:
    return {i for group in lists for start, end in group for i in range(start, end)}


def _admin_plural(token) -> bool:
    """A plural administrative word ("regions", "counties") after a list of the places it labels."""
    from .patterns import lexicon

    word, admin = token.lower_, lexicon("admin_words")
    return word.endswith("s") and (word[:-1] in admin or word.endswith("ies") and word[:-3] + "y" in admin)


def _is_place_group(doc: Doc, group: PlaceList, lex: Lexicons, *, labelled: bool = False) -> bool:
    """One member tagged a place by the model, or two known to the gazetteer, or a plural
    administrative word after the list ("the Poro, Tchologo and Hambol regions"); no title words."""
    if len(group) < 2 or any(len(doc[s:e].text.split()) > 3 for s, e in group):
        return False
    if not labelled and any(lex.is_institution_word(t.text) for s, e in group for t in doc[s:e]):
        return False  # a compass word ("Bono East") is an institution word, but not before "regions"
    if any(lex.gazetteer.demonym_country(doc[s:e].text) for s, e in group):
        return False
    tagged = sum(1 for s, e in group if all(t.ent_type_ in PLACE_LABELS for t in doc[s:e]))
    known = sum(1 for s, e in group if lex.gazetteer.place_country(doc[s:e].text))
    return labelled or tagged > 0 or known > 1


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


DETERMINERS = frozenset(
    {"the", "a", "an", "this", "that", "these", "those", "every", "each", "its", "our", "their", "in", "on"}
)


_SUFFIXES_AFTER_NAMES = (PLACE_SUFFIXES - {"autonomous"}) | FEATURE_SUFFIXES


def _suffixed_place_spans(doc: Doc, lex: Lexicons) -> list[Span]:
    """ "Surkhandarya region", "Xinjiang Uygur Autonomous Region", "Toktogul Reservoir": a name
    before a place word."""
    spans = []
    for i, lower in enumerate(words(doc).lower):
        if lower not in _SUFFIXES_AFTER_NAMES or i == 0:
            continue
        start = i
        while start > 0 and (
            is_capitalized(doc[start - 1])
            and not lex.is_title_word(doc[start - 1].text)
            and doc[start - 1].lower_ not in DETERMINERS  # "The region aims" names no place
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


def _capitalized_name_end(doc: Doc, i: int) -> int:
    """End of up to five capitalized words from ``i`` through glued hyphens ("Mazar-i-Sharif"),
    a dangling hyphen left out."""
    tokens = words(doc)
    end = i + 1
    while (
        end < len(doc)
        and end - i < 5
        and (tokens.capitalized[end] or is_hyphen_link(doc, end) or is_hyphen_link(doc, end - 1))
    ):
        end += 1
    while end > i + 1 and tokens.text[end - 1] in {"-", "‐"}:
        end -= 1
    return end


def _placed_by_syntax(doc: Doc, i: int, end: int) -> bool:
    """After a locative ("in Takoradi", "near Chaman") or before "-based" ("Riyadh-based")."""
    locative = i > 0 and doc[i - 1].lower_ in LOCATIVES
    return locative or is_based_link(doc, end)


def _gazetteer_place_spans(doc: Doc, lex: Lexicons) -> list[Span]:
    """Known places the model missed, where the syntax says place."""
    spans = []
    capitalized = words(doc).capitalized
    for i in range(len(doc)):
        if not capitalized[i] or (i > 0 and capitalized[i - 1]) or doc[i].is_sent_start:
            continue
        end = _capitalized_name_end(doc, i)
        span = doc[i:end]
        if span.text.casefold() in MONTHS or span.text.casefold() in WEEKDAYS:
            continue
        if (
            _placed_by_syntax(doc, i, end)
            and span.text[0].isalpha()
            and lex.gazetteer.place_country(span.text)
        ):
            spans.append(span)
    return spans


@cache
def place_site_words() -> frozenset[str]:
    """Nouns after a name that make it a place (``data/place_site_words.tsv``)."""
    return frozenset(row["word"].casefold() for row in read_table("place_site_words.tsv", ("word",)))


SITE_LABELS = frozenset({"ORG", "FAC", "GPE", "LOC"})


@cache
def place_prepositions() -> frozenset[str]:
    """Prepositions that make a model ORG after them a place (``data/place_prepositions.tsv``)."""
    return read_words("place_prepositions.tsv")


def placed_by_preposition(doc: Doc, ent: Span, lex: Lexicons) -> bool:
    """A name the model tags ORG after "in" or "near" (and "the"), or after a site noun and "at",
    written as a proper name
    with no word of :func:`_no_place_word`: a place ("in Nineveh", "near María Elena", "in the
    Eastern Goldfields"; not "in OPEC", "in Statnett's substation", "Barrow-in-Furness")."""
    span = trim_the(ent)
    i = span.start - 1
    if i > 0 and doc[i].lower_ == "the":
        i -= 1
    if ent.label_ != "ORG" or i < 0 or not (doc[i].lower_ in place_prepositions() or _site_at(doc, i)):
        return False
    if (i > 0 and not doc[i - 1].whitespace_) or (span.end < len(doc) and doc[span.end].text in POSSESSIVE):
        return False
    if _glued_on(doc, span) or any(t.lower_ in {"and", "or", "&", ","} for t in span):
        return False  # "in Barrow-in-Furness" (the model's "Barrow"), "in Fife and Cumbria" (two places)
    if _admin_word(span[-1]):
        return False  # "in Sumedang Regency": the place patterns name it without its word
    names = [t for t in span if t.is_alpha and not t.is_lower]
    return bool(names) and span[0].text[:1].isupper() and not any(_no_place_word(t, lex) for t in names)


@cache
def site_nouns_at() -> frozenset[str]:
    """Site nouns before "at" and a place (``data/site_nouns_at.tsv``)."""
    return read_words("site_nouns_at.tsv")


def _site_at(doc: Doc, i: int) -> bool:
    """ "at" after a site noun: "the gas terminal at Kimanis", "the substation at Bhadla", "port
    works at Vadhavan" (energy, readout, CA); not "an analyst at"."""
    return doc[i].lower_ == "at" and i > 0 and doc[i - 1].lower_ in site_nouns_at()


def _admin_word(token) -> bool:
    """An administrative word ("Regency", "Province") of ``data/admin_words.tsv``."""
    from .patterns import lexicon

    return token.lower_ in lexicon("admin_words")


def _glued_on(doc: Doc, span: Span) -> bool:
    """The name goes on past the span through a hyphen ("Barrow" of "Barrow-in-Furness")."""
    return span.end < len(doc) and not span[-1].whitespace_ and doc[span.end].text in {"-", "‐"}


def _no_place_word(token, lex: Lexicons) -> bool:
    """A word in capitals, an organization word, a legal form or a word of institutions and
    portfolios ("in State aid", "an M.S. in Mechanical Engineering", "in the Reserve of the Army")."""
    return (
        token.text.isupper()
        or token.lower_ in lex.org_heads
        or token.lower_ in lex.legal_forms
        or lex.is_institution_word(token.text)
    )


def _site_place_spans(doc: Doc, lex: Lexicons) -> list[Span]:
    """Names the model tags before a place noun ("the Tavan Tolgoi coal deposit", "the Shimoni
    fish port", "the Zamyn-Uud crossing"), with no organization word: places."""
    spans = []
    for ent in model_entities(doc):
        span = trim_the(ent)
        if (
            ent.label_ in SITE_LABELS
            and span.text[:1].isupper()
            and not any(t.lower_ in lex.org_heads for t in span)
            and site_noun_after(doc, ent, place_site_words())
        ):
            spans.append(span)
    return spans


def _possessive_place_spans(doc: Doc, lex: Lexicons) -> list[Span]:
    """Known places whose name holds a possessive, which the model cuts at it ("Cox's
    Bazar", "St. John's"): the longest known name around each possessive."""
    spans = []
    tokens = words(doc)
    for i in range(1, len(doc)):
        if tokens.text[i] not in POSSESSIVE or tokens.spaced[i - 1] or not tokens.capitalized[i - 1]:
            continue
        named_after = i + 1 < len(doc) and tokens.capitalized[i + 1]
        ends = (i + 2, i + 1) if named_after else (i + 1,)  # "Cox's Bazar", "St. John's"
        candidates = [doc[start:end] for end in ends for start in (max(i - 2, 0), i - 1)]
        known = next((span for span in candidates if lex.gazetteer.place_country(span.text)), None)
        if known is not None:
            spans.append(known)
    return spans


def _country_spans(doc: Doc, lex: Lexicons) -> list[Span]:
    """Country names anywhere ("UAE" inside "the UAE Ministry of Energy")."""
    spans, i = [], 0
    tokens = words(doc)
    while i < len(doc):
        if tokens.capitalized[i] and lex.gazetteer.may_start_country(tokens.text[i]):
            for width in (3, 2, 1):
                span = doc[i : i + width]
                if len(span) == width and is_capitalized(span[-1]) and lex.gazetteer.country_code(span.text):
                    spans.append(span)
                    i += width - 1
                    break
        i += 1
    return spans


def find_locations(
    doc: Doc,
    lex: Lexicons,
    *,
    lists: list[PlaceList],
    taken: list[tuple[int, int]],
    excluded: set[int],
    unquoted: set[int],
    dateline: tuple[Span, ...],
) -> list[Location]:
    """Locations of ``doc``; ``taken`` holds character ranges of people and organizations,
    ``dateline`` the dateline's place and region."""
    list_members = list_tokens(lists)
    shared = _shared_countries(doc, lists, lex)
    spans: list[Span] = (
        _country_spans(doc, lex) + _suffixed_place_spans(doc, lex) + _gazetteer_place_spans(doc, lex)
    )
    spans += _possessive_place_spans(doc, lex) + _site_place_spans(doc, lex)
    spans += [trim_the(e) for e in model_entities(doc) if placed_by_preposition(doc, e, lex)]
    spans += dateline  # the dateline's place and the region after it
    text = doc_text(doc)
    taken_words = {w for start, end in taken for w in text[start:end].split()}
    spans += [
        e
        for e in model_entities(doc)
        if (e.label_ in PLACE_LABELS or _place_not_person(e, taken_words, lex))
        and _written_as_name(e)
        and not excluded.intersection(range(e.start, e.end))
        and not list_members.intersection(range(e.start, e.end))
    ]
    spans += _member_spans(doc, list_members)
    names: dict[str, str] = {}
    forms_of: dict[str, set[str]] = {}  # key -> the names of every span of that place
    for span in spans:
        span = trim_the(span)
        name = _place_name(span, lex)
        key = place_key(name, lex)
        forms_of.setdefault(key, set()).add(name)
        if overlaps_any(span, taken) or is_demonym(span[0], lex) and len(span) == 1:
            continue
        if any(t.like_email or t.like_url for t in span):  # an address, never a place
            continue
        if key not in names or name.casefold() == key:  # "Surkhandarya" over "Surkhandarya region"
            names[key] = name
    locations = []
    claimed = list(taken)
    # Longest names first, so "Mazar" (a part the model tagged) cannot claim "Mazar-i-Sharif".
    for key, name in sorted(names.items(), key=lambda kv: -len(kv[1])):
        country = lex.gazetteer.place_country(name) or shared.get(name.casefold())
        mentions = find_mentions(doc, {name} | forms_of[key], claimed, unquoted)
        if mentions:
            locations.append(Location(name=name, country=country, mentions=mentions))
            claimed += [(m.start, m.end) for m in mentions]
    return sorted(locations, key=lambda loc: loc.mentions[0].start)


def _written_as_name(ent: Span) -> bool:
    """A place the model tags is written as a name: capitalized ("the island's east coast",
    "runs on ammonia" are none) and no month or weekday ("Austin, Texas, March 4")."""
    span = trim_the(ent)
    return span.text[:1].isupper() and span.text.casefold() not in DATE_NAMES


def _place_not_person(ent: Span, taken_words: set[str], lex: Lexicons) -> bool:
    """A known place the model took for a person ("corridors with Rotterdam"), unless a word of
    it names a person or an organization of the article ("thank Linda", "the Kennedy newsroom")."""
    return (
        ent.label_ == "PERSON"
        and bool(lex.gazetteer.place_country(ent.text))
        and not any(t.text in taken_words for t in ent)
    )


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


def _place_name(span: Span, lex: Lexicons) -> str:
    """The display name, keeping a possessive that ends a known place ("St. John's")."""
    if span[-1].text in POSSESSIVE and lex.gazetteer.place_country(span.text):
        return span.text
    return _display_name(span)


def _display_name(span: Span) -> str:
    """ "ALMATY" -> "Almaty"; "South Korea's" -> "South Korea"; "Kashkadarya region" ->
    "Kashkadarya"; "South Jeolla Province" -> "South Jeolla"; other names as written."""
    while len(span) > 1 and (
        span[-1].text in POSSESSIVE
        or span[-1].is_lower
        and span[-1].lower_ in PLACE_SUFFIXES
        or span[-1].is_title
        and span[-1].lower_ in ADMIN_LABELS
        and span[-2].lower_ not in ADMIN_NAME_WORDS
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


def place_name(words: list[str], admin_words: frozenset[str]) -> str:
    """The place without a lower-case administrative word used as a label.

    >>> place_name(["Turkistan", "region"], frozenset({"region"}))
    'Turkistan'
    >>> place_name(["Naryn", "Region"], frozenset({"region"}))
    'Naryn'
    >>> place_name(["Free", "State"], frozenset({"state"}))
    'Free State'
    """
    if (
        len(words) > 1
        and words[-1].casefold() in admin_words
        and words[-2].casefold() not in ADMIN_NAME_WORDS
    ):
        words = words[:-1]
    return " ".join(words)


def _key(name: str, lex: Lexicons) -> str:
    return place_key(name, lex)


def pattern_places(
    doc: Doc, lex: Lexicons, known: list[Location], taken: list[tuple[int, int]], unquoted: set[int]
) -> list[Location]:
    """Places found by place patterns that no known location names yet."""
    from .patterns import lexicon

    admin = frozenset(lexicon("admin_words"))
    keys = {_key(loc.name, lex) for loc in known} | {_key(a, lex) for loc in known for a in loc.aliases}
    added: list[Location] = []
    for span in finders.pattern_mentions(doc, "PLACE", "place."):
        name = place_name([t.text for t in span], admin)
        if _key(name, lex) in keys:
            continue
        keys.add(_key(name, lex))
        mentions = find_mentions(doc, {name}, taken, unquoted)
        if mentions:
            added.append(Location(name, lex.gazetteer.place_country(name), mentions))
    return added


def canonical_locations(locations: list[Location], lex: Lexicons) -> tuple[Location, ...]:
    """One entry per place: forms of one country merge; the longest form names it."""
    merged: dict[str, Location] = {}
    for loc in locations:
        key = _key(loc.name, lex)
        old = merged.get(key)
        if old is None:
            merged[key] = loc
            continue
        forms = sorted({old.name, loc.name, *old.aliases, *loc.aliases}, key=lambda f: (-len(f), f))
        mentions = tuple(sorted({*old.mentions, *loc.mentions}, key=lambda m: (m.start, m.end)))
        merged[key] = Location(forms[0], old.country or loc.country, mentions, tuple(forms[1:]))
    ordered = [_fullest(loc, lex) for loc in sorted(merged.values(), key=lambda loc: loc.mentions[0].start)]
    countries = {loc.country for loc in ordered if loc.country and lex.gazetteer.country_code(loc.name)}
    return tuple(_local_country(loc, countries, lex) for loc in ordered)


def _local_country(loc: Location, countries: set[str], lex: Lexicons) -> Location:
    """A town with namesakes abroad lies in a country the article names ("Aksay" in an
    article about Kazakhstan is the Kazakh town, not the larger Russian one)."""
    if loc.country in countries or lex.gazetteer.country_code(loc.name):
        return loc
    local = next((c for c in lex.gazetteer.place_countries(loc.name) if c in countries), None)
    return replace(loc, country=local) if local else loc


def _fullest(loc: Location, lex: Lexicons) -> Location:
    """A country mentioned by a short form ("U.S.") takes the fullest form written."""
    texts = {m.text for m in loc.mentions} | {loc.name, *loc.aliases}
    if not lex.gazetteer.country_code(loc.name):
        return loc
    key = place_key(loc.name, lex)
    written = [
        t for t in texts if place_key(t, lex) == key and not (t.isupper() and t.isalpha() and len(t) > 3)
    ]
    forms = sorted(written, key=lambda f: (-len(f), f != loc.name, f))
    name = forms[0] if forms else loc.name
    aliases = tuple(f for f in forms if f != name)
    return Location(name, loc.country, loc.mentions, aliases)


def local_places(
    doc: Doc, locations: tuple[Location, ...], home: str | None, lex: Lexicons
) -> tuple[Location, ...]:
    """Places the gazetteer does not know at all lie in the article's main country: the country
    it names most often, the dateline's ``home`` on a tie or when it names none ("Rydalmere" in
    a Sydney release, a district in a Washington release on a loan to the Philippines). Regions,
    seas and rivers are not towns: a name the model reads as a non-political location (LOC) or
    one ending in a feature word ("Black Sea", "Central Asia") keeps no country."""
    counts: dict[str, int] = {}
    for loc in locations:
        if loc.country and lex.gazetteer.country_code(loc.name):
            counts[loc.country] = counts.get(loc.country, 0) + len(loc.mentions)
    most = max(counts.values(), default=0)
    main = home if home is not None and counts.get(home, 0) == most else None
    main = main or next((c for c, n in counts.items() if n == most), None) or home
    if main is None:
        return locations
    return tuple(
        replace(loc, country=main) if loc.country is None and _unknown_town(doc, loc, lex) else loc
        for loc in locations
    )


def _unknown_town(doc: Doc, loc: Location, lex: Lexicons) -> bool:
    if any(lex.gazetteer.is_place(n) for n in (loc.name, *loc.aliases)):
        return False
    if loc.name.split()[-1].casefold() in REGION_WORDS:
        return False
    spans = [doc.char_span(m.start, m.end, alignment_mode="expand") for m in loc.mentions]
    return not any(t.ent_type_ in {"LOC", "NORP", "DATE"} for span in spans if span for t in span)
