"""Organizations: found once per article, with the country their name qualifies.

:func:`find_organizations` reads the model's ORG entities and names built on an organization
word ("Kestrel Logistics Technologies", "Cabinet of Ministers", "Korea Trade Insurance
Corporation"), moves "the" and a country prefix ("Pakistan's", "UAE") into ``country`` and
drops title phrases, demonyms, amounts, places, sites and projects. Names are read by
:mod:`org_names` (pure), merged by :mod:`org_merge` and given their country by
:mod:`org_countries`; the names certain by their form come from the patterns of
``data/patterns/organizations.jsonl``.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc, Span

from ..lexicons import CONNECTORS, Lexicons
from ..record import Organization
from ..resources import read_table
from . import finders
from .locations import FEATURE_SUFFIXES, PLACE_SUFFIXES, place_site_words, placed_by_preposition
from .org_names import clean_role_org, split_country_qualifier
from .org_words import continues_list, initials
from .patterns import lexicon
from .quantities import unit_surfaces
from .titles import chain_end, country_prefix_end, located_org_end
from .tokens import (
    MONTHS,
    POSSESSIVE,
    doc_text,
    find_mentions,
    has_whole_word,
    is_capitalized,
    is_demonym,
    is_honorific,
    is_name_word,
    model_entities,
    overlaps_any,
    site_noun_after,
    trim_the,
    without_based_prefix,
    without_leading_bullets,
    words,
)

# An acronym of two to six letters, two of them capitals at least: "IOM", "AfDB", "KOICA".
ACRONYM_RE = re.compile(r"^(?=(?:[^A-Z]*[A-Z]){2})[A-Z][A-Za-z]{1,5}$")
DETERMINERS = frozenset({"our", "its", "their", "his", "her", "this", "that"})
PLACE_JOIN_RE = re.compile(r"\s+(?:and|or)\s+|[–—]")  # "Lomé or Tema", "Abuja–Kaduna"
WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
ORDINAL_RE = re.compile(r"^\d+(?:st|nd|rd|th)$")  # "45th Weather Squadron", "1st Cavalry Division"


@cache
def _site_words() -> dict[str, frozenset[str]]:
    """Words of ``site_words.tsv`` by position: ``last`` word of a site's name, noun ``after`` it."""
    rows = read_table("site_words.tsv", ("word", "position"))
    positions = {"last": set(), "after": set()}
    for row in rows:
        if row["position"] not in positions:
            raise ValueError(f"site_words.tsv: position of {row['word']!r} is {row['position']!r}")
        positions[row["position"]].add(row["word"].casefold())
    return {position: frozenset(words) for position, words in positions.items()}


def names_a_site(doc: Doc, span: Span) -> bool:
    """A site, facility, area or project, not an organization: "Redstone Arsenal", "the Ulaan
    Tolgoi copper mine", "Umnugovi aimag", "Anzac-class frigates", "the CASA railway project"."""
    words = _site_words()
    if len(span) > 1 and span[-1].lower_ in words["last"]:
        return True
    i = span.end
    if i < len(doc) and doc[i].is_title and doc[i].lower_ in words["last"]:
        return True  # "Cape Canaveral Space Force" of "... Space Force Station"
    return site_noun_after(doc, span, words["after"] | place_site_words())


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
    entries: dict[str, tuple[str, str | None]] = {}
    for text in role_orgs:
        name, country = split_country_qualifier(clean_role_org(text, lex), lex)
        entries.setdefault(name.casefold(), (name, country))
    blocked = excluded | list_members
    spans = _completed(doc, _model_orgs(doc) + named_org_spans(doc, lex))
    spans = [part for whole in spans for part in split_conjoined(whole, lex)]
    sites = {
        _name_key(s)
        for s in spans
        if names_a_site(doc, trim_the(s))
        or names_a_place(doc, trim_the(s), lex)
        or placed_by_preposition(doc, s, lex)
    }
    for span in spans:
        if blocked.intersection(range(span.start, span.end)) or _name_key(span) in sites:
            continue  # a name written once as a site is one everywhere ("the Zamyn-Uud crossing")
        if reads_as_person(doc, span, lex):
            continue
        cleaned = _clean_org(doc, span, lex)
        if cleaned is None or overlaps_any(cleaned[0], taken):
            continue
        name, country = split_country_qualifier(" ".join(cleaned[0].text.split()), lex)
        old = entries.get(name.casefold())
        entries[name.casefold()] = (
            (old[0], old[1] or cleaned[1] or country) if old else (name, cleaned[1] or country)
        )
    organizations = []
    for name, country, shorts in _with_short_forms(doc, entries, lex):
        mentions = find_mentions(doc, {name} | shorts, taken, unquoted)
        if mentions and not any(
            _written_as_site(doc, m) for m in mentions if m.text.casefold() == name.casefold()
        ):
            rule = "qualifier" if country else "none"
            organizations.append(Organization(name, country, mentions, country_rule=rule))
    return sorted(organizations, key=lambda o: o.mentions[0].start)


def _model_orgs(doc: Doc) -> list[Span]:
    """The model's ORG entities without a list bullet it took in ("• Nutrition")."""
    trimmed = (without_leading_bullets(e) for e in model_entities(doc) if e.label_ == "ORG")
    return [span for span in trimmed if span]


def written_case(doc: Doc, name: str) -> str:
    """A name read in capitals (a sign-off line, "SAIMAA BOREAL OYJ") as the text writes it
    elsewhere in normal case (the headline's "Saimaa Boreal Oyj"); acronyms stay.

    >>> import spacy
    >>> written_case(spacy.blank("en")("Kestrel Oyj appoints a CFO. KESTREL OYJ"), "KESTREL OYJ")
    'Kestrel Oyj'
    """
    if not name.isupper() or " " not in name:
        return name
    pattern = re.compile(re.escape(name), re.IGNORECASE)
    return next((m.group(0) for m in pattern.finditer(doc_text(doc)) if not m.group(0).isupper()), name)


APPOSITION_SKIP = frozenset({"former", "acting", "the", "a", "an", "its", "our", "their", "'s", "’s"})


def reads_as_person(doc: Doc, span: Span, lex: Lexicons) -> bool:
    """A personal name the model tagged ORG: two or more name words, no organization word, and
    a title in apposition ("Helena Okamoto Lemos, former Chief Executive Officer of ...",
    "Jean-Baptiste Kaboré-Ouédraogo, the Bank's Chief Agricultural Economist", "Nadia Ait
    Ouahmane as Director of Roads"; appoint, devbank, brief, UN contact lines)."""
    words = [t for t in span if t.text not in {"-", "‐"}]
    if len(words) < 2 or not all(is_name_word(t, lex) and t.is_title for t in words):
        return False
    if _has_head(span, lex) or span.end + 1 >= len(doc):
        return False
    if doc[span.end].lower_ == "as":
        return lex.is_title_word(doc[span.end + 1].text) and is_capitalized(doc[span.end + 1])
    if doc[span.end].text != ",":
        return False
    for token in doc[span.end + 1 : span.end + 6]:
        if lex.is_title_word(token.text) and is_capitalized(token):
            return True
        if token.lower_ not in APPOSITION_SKIP and not (
            is_capitalized(token) and token.nbor(1).text in POSSESSIVE
        ):
            return False
    return False


def _completed(doc: Doc, ents: list[Span]) -> list[Span]:
    """A model ORG or a name built on an organization word, cut at "and" or a comma of its
    portfolio, takes the longer name an
    organization pattern reads from the same word: "the Ministry of Marine" of "Ministry of
    Marine and Blue Economy", "the Department of Agriculture, Food" of "... Food and the Marine"
    (speech, commission, nominations)."""
    portfolios = finders.pattern_mentions(doc, "ORG", ("org.head_of_and", "org.head_of_list"))
    longer = {trim_the(m).start: m for m in portfolios}
    completed = []
    for ent in ents:
        pattern = longer.get(trim_the(ent).start)
        if pattern is not None and pattern.end > ent.end:
            ent = Span(doc, ent.start, pattern.end, label=ent.label_)
        completed.append(ent)
    return completed


def _written_as_site(doc: Doc, mention) -> bool:
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span is not None and names_a_site(doc, span)


def _name_key(span: Span) -> str:
    return " ".join(trim_the(span).text.split()).casefold()


def split_conjoined(span: Span, lex: Lexicons) -> list[Span]:
    """Two names joined by "and", each with its organization word, are two organizations
    ("Export-Import Bank of Korea and Korea Trade Insurance Corporation", also after "and the");
    one name with a portfolio list stays whole ("Ministry of Water, Sanitation and Irrigation")."""
    for i in range(span.start + 1, span.end - 1):
        if span.doc[i].lower_ not in {"and", "&"}:
            continue
        after = i + 2 if span.doc[i + 1].lower_ == "the" and i + 2 < span.end else i + 1
        if not is_capitalized(span.doc[after]):
            continue
        left, right = span.doc[span.start : i], span.doc[after : span.end]
        if any(t.text == "," for t in left[1:]):
            break  # the "and" closes a portfolio list: "Ministry of Roads, Bridges and Harbours"
        if _has_head(left, lex) and _has_head(right, lex):
            return [left, *split_conjoined(right, lex)]
    return [span]


def _has_head(span: Span, lex: Lexicons) -> bool:
    return any(t.lower_ in lex.org_heads and is_capitalized(t) for t in span)


def _with_short_forms(doc: Doc, entries: dict[str, tuple[str, str | None]], lex: Lexicons):
    """(name, country, short forms) of every entry that is not itself a short form of another:
    a first word ("Kestrel" of "Kestrel Logistics Technologies"), initials ("IOM")."""
    short_names = set()
    for short in [k for k in entries if any(_is_word_prefix(k, other) for other in entries)]:
        short_names.add(entries.pop(short)[0])
    acronyms = {}
    for key in [k for k, (name, _) in entries.items() if ACRONYM_RE.match(name)]:
        short = entries[key][0]
        full = next(
            (
                o
                for o, _ in entries.values()
                if o != short and (initials(o) == short or forms_acronym(short, o))
            ),
            None,
        )
        if full is not None:  # "IOM" of "International Organization for Migration", "AfDB", "KOICA"
            acronyms[full] = entries.pop(key)[0]
    for name, country in entries.values():
        shorts = {n for n in short_names if _is_word_prefix(n.casefold(), name.casefold())}
        shorts |= _short_name(doc, name, lex)
        shorts |= {acronyms[name]} if name in acronyms else set()
        yield name, country, shorts | _acronym_used(doc, name)


def _acronym_used(doc: Doc, name: str) -> set[str]:
    """The name's initials when the text uses them as a word: "IOM" after "International
    Organization for Migration (IOM)"; three letters at least, so "ME" stays a word."""
    letters = initials(name)
    if len(letters) < 3 or len(name.split()) < 3:
        return set()
    return {letters} if has_whole_word(doc_text(doc), letters) else set()  # capitals only: no escaping


def forms_acronym(acronym: str, name: str) -> bool:
    """``acronym`` is the first letters of each word of ``name`` but its function words, each
    word giving one letter or more ("AfDB", "KOICA": devbank, global, speech); case aside.

    >>> forms_acronym("AfDB", "African Development Bank")
    True
    >>> forms_acronym("KOICA", "Korea International Cooperation Agency")
    True
    >>> forms_acronym("EU", "European Investment Bank"), forms_acronym("UN", "United Nations Office")
    (False, False)
    """
    words = [w.casefold() for w in name.split() if w[:1].isupper() and w.casefold() not in CONNECTORS]
    return len(words) > 1 and _prefixes_spell(acronym.casefold(), words)


def _prefixes_spell(letters: str, words: list[str]) -> bool:
    """``letters`` is a non-empty prefix of each word in turn."""
    if not words:
        return not letters
    return any(
        words[0].startswith(letters[:k]) and _prefixes_spell(letters[k:], words[1:])
        for k in range(1, min(len(letters), len(words[0])) + 1)
    )


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
    Technologies", "Maji Hope Alliance", "Cabinet of Ministers", "Korea Trade Insurance
    Corporation", "Export-Import Bank of Korea", "Energy and Mineral Resources Ministry"."""
    spans = []
    tokens = words(doc)
    for i in range(len(doc)):
        if not (tokens.capitalized[i] and tokens.lower[i] in lex.org_heads):
            continue
        if doc[i].is_sent_start and not (i + 2 < len(doc) and _complement_follows(doc, i + 1, lex)):
            continue  # "Department officials said"; a line "Ministry of Mining, ..." names one
        start = _name_start(doc, i, lex)
        end = i + 1
        if end + 1 < len(doc) and _complement_follows(doc, end, lex):
            end = chain_end(doc, end + 1, {}, lex, name_follows=False)
        span = doc[start : located_org_end(doc, doc[start:end], lex)]  # "Embassy of X in Y"
        if len(span) > 1:
            spans.append(span)
    return spans


def _complement_follows(doc: Doc, i: int, lex: Lexicons) -> bool:
    """ "of"/"for"/"on" and a capitalized word that is no date ("Committee on Budget", not
    "Senate on January 5"), or "of the" and a name that is no other organization ("Embassy of
    the Republic of Korea", "Office of the Press Secretary"; not "Africa Department of the
    Ministry of ...", "Board of the African Development Bank")."""
    following = doc[i + 1]
    if following.lower_ == "the" and i + 2 < len(doc) and doc[i].lower_ == "of":
        following = doc[i + 2]  # "Embassy of the Republic of Korea", "Office of the Press Secretary"
        if _names_an_organization(doc, i + 2, lex):
            # "Africa Department of the Ministry of ...", "Board of the African Development Bank"
            return False
    if doc[i].lower_ not in {"of", "for", "on"} or not is_capitalized(following):
        return False
    return doc[i].lower_ != "on" or following.lower_.rstrip(".") not in MONTHS | WEEKDAYS


def _names_an_organization(doc: Doc, i: int, lex: Lexicons) -> bool:
    """The capitalized name from token ``i`` is an organization ("Ministry of Foreign Affairs",
    "African Development Bank"), not a country or an office named after its holder ("Russian
    Federation", "Republic of Korea", "Prime Cabinet Secretary")."""
    end = i
    while end < min(i + 8, len(doc)) and (
        is_capitalized(doc[end]) or doc[end].lower_ in {"of", "for", "and"}
    ):
        end += 1
    while end > i and not is_capitalized(doc[end - 1]):
        end -= 1
    name = doc[i:end]
    if not len(name) or lex.gazetteer.country_code(name.text) or _ends_title(name[-1], lex):
        return False
    return any(t.lower_ in lex.org_heads and is_capitalized(t) for t in name)


def _name_start(doc: Doc, i: int, lex: Lexicons) -> int:
    """First token of the name whose head word is token ``i``, walking back over capitalized
    words (a country's too: "Korea Trade Insurance Corporation"), a hyphen between two of them
    ("Export-Import Bank") and "and" after a portfolio word ("Food and Agriculture")."""
    start = i
    while start > 0 and not doc[start].is_sent_start:
        before = doc[start - 1]
        if before.is_stop and before.is_upper:
            break  # a line in capitals: "SENT TO THE SENATE", "ISSUED BY THE PARLIAMENT OF ..."
        if (
            (is_capitalized(before) or ORDINAL_RE.match(before.text))
            and not before.is_sent_start
            and (not lex.is_title_word(before.text) or before.lower_ in lex.org_modifiers)
        ):
            start -= 1
        elif start > 1 and _joins(doc, start - 1, lex) and is_capitalized(doc[start - 2]):
            start -= 2
        else:
            break
    return start


def _joins(doc: Doc, i: int, lex: Lexicons) -> bool:
    """Token ``i`` joins two words of one name: a hyphen, or "and"/"&" after a portfolio
    word ("Power and Lighting Company", not "Temir Zholy and China State Railway Group")."""
    token = doc[i]
    if token.text in {"-", "‐"}:
        return not token.whitespace_ and not doc[i - 1].whitespace_
    return (
        token.lower_ in {"and", "&"}
        and doc[i - 1].lower_ in lex.portfolio
        # "the Food and", "The Relief and" opening a sentence; not ", Finance and"
        and (i < 2 or doc[i - 2].is_lower or doc[i - 2].lower_ == "the" or doc[i - 1].is_sent_start)
    )


def _short_name(doc: Doc, name: str, lex: Lexicons) -> set[str]:
    """The first word of a company-style name, used alone later ("Kestrel" for "Kestrel
    Logistics Technologies"): a proper word, not a place, demonym or institution word, nor a
    word the text also writes in lower case ("contracting" of "Contracting Command")."""
    words = name.split()
    first = words[0]
    if len(words) < 2 or len(first) < 4 or not first[:1].isupper() or first.isupper():
        return set()
    if (
        lex.is_institution_word(first)
        or lex.gazetteer.is_place(first)
        or lex.gazetteer.demonym_country(first)
        or has_whole_word(doc_text(doc), first.lower())
    ):
        return set()
    return {first}


def _is_word_prefix(short: str, long: str) -> bool:
    """ "kestrel" opens "kestrel logistics technologies" (whole words, shorter)."""
    return long != short and long.startswith(short + " ")


def _state_prefix(doc: Doc, span: Span, lex: Lexicons) -> tuple[Span, str | None]:
    """Move a state's country prefix to the country ("UAE Ministry of Energy", "Uzbekistan's
    Export Agency"); a country that is part of the name stays ("Kuwait Airways")."""
    prefix_end, country = country_prefix_end(doc, span.start, lex)
    if not (
        country
        and prefix_end < span.end
        and any(t.lower_ in lex.org_heads for t in doc[prefix_end : span.end])
    ):
        return span, None
    if doc[prefix_end - 1].text in POSSESSIVE or doc[prefix_end].lower_ in lex.state_org_heads:
        span = doc[prefix_end : span.end]
    return span, country


def _not_a_name(doc: Doc, span: Span, lex: Lexicons) -> bool:
    """An amount ("NPR 500 million"), a project ("CASA railway"), a lone demonym, place or
    institution word, honorifics alone, or a lower-case description ("the intergovernmental water
    commission")."""
    if any(t.like_num for t in span) and any(t.text.isupper() and len(t.text) == 3 for t in span):
        return True
    if names_a_site(doc, span):
        return True
    if not any(t.is_alpha for t in span) or all(t.is_lower or not t.is_alpha for t in span):
        return True
    text = span.text
    if len(span) == 1 and (is_demonym(span[0], lex) or lex.is_institution_word(text)):
        return True
    if all(is_honorific(t, lex) for t in span):
        return True  # a salutation: "Excellencies, ladies and gentlemen"
    return names_a_place(doc, span, lex)


def names_a_place(doc: Doc, span: Span, lex: Lexicons) -> bool:
    """A place the model tagged ORG: a gazetteer place ("Abu Dhabi", "Russian Federation",
    "Lagos State"), a name the model tags as a place elsewhere in the article ("Zamyn-Uud"),
    or places joined ("Lomé or Tema", "Abuja–Kaduna"). A country's name of several words is
    one whatever its words ("Russian Federation", not an organization on "Federation")."""
    if len(span) > 1 and lex.gazetteer.country_code(span.text):
        return True
    if any(t.lower_ in lex.org_heads for t in span):
        return False
    parts = [p.strip() for p in PLACE_JOIN_RE.split(span.text) if p.strip()]
    places = _model_places(doc)
    return all(lex.gazetteer.is_place(p) or _without_admin_word(p, lex) or p in places for p in parts)


def _without_admin_word(name: str, lex: Lexicons) -> bool:
    """ "Lagos State", "Kakheti Region": a place with its administrative word."""
    words = name.split()
    return (
        len(words) > 1
        and words[-1].casefold() in lexicon("admin_words")
        and lex.gazetteer.is_place(" ".join(words[:-1]))
    )


def _model_places(doc: Doc) -> frozenset[str]:
    """Texts the model tags GPE or LOC somewhere in the doc."""
    return frozenset(e.text for e in model_entities(doc) if e.label_ in {"GPE", "LOC"})


def _is_title_phrase(span: Span, lex: Lexicons) -> bool:
    """Title words without an organization word, or a title at the end ("World Bank's Country
    Representative"), a place ("Surkhandarya Region") or a generic word; an office named after
    its holder ("Office of the President", "Office of the Prime Cabinet Secretary") is none."""
    has_org_head = any(t.lower_ in lex.org_heads for t in span)
    has_title = any(lex.is_title_word(t.text) for t in span)
    if (has_title and not has_org_head) or is_place_name(span, lex) or _is_generic(span, lex):
        return True
    last = span[-1]
    if (
        len(span) > 3
        and span[0].lower_ in lex.org_heads
        and span[1].lower_ == "of"
        and span[2].lower_ == "the"
    ):
        return last.lower_ in {"of", "for", "and", "the"}  # an office of an officeholder
    return last.lower_ in {"of", "for", "and", "the"} or (
        lex.is_title_word(last.text)
        and len(span) > 1
        and last.lower_ not in lex.org_heads  # "Najd Utilities Company"
        and not _in_complement(span, lex)
    )


def _in_complement(span: Span, lex: Lexicons) -> bool:
    """The last word belongs to the field after an organization word and "of" or "for", not a
    title: "Brno University of Technology", "Kellogg School of Management", "Bangladesh
    University of Engineering and Technology" (commission, appoint, speech)."""
    heads = [t.i for t in span if t.lower_ in lex.org_heads and is_capitalized(t)]
    return bool(heads) and any(t.lower_ in {"of", "for"} and t.i > heads[0] for t in span[:-1])


def _clean_org(doc: Doc, span: Span, lex: Lexicons) -> tuple[Span, str | None] | None:
    """Strip "the", "Riyadh-based" and a country prefix; reject what is not an organization."""
    span = _trim_commas(_light_trim(span), lex)
    before = _country_before(doc, span.start, lex)
    if before:
        return (span, before) if _is_named_org(span, lex) else None
    span, country = _state_prefix(doc, span, lex)
    if _not_a_name(doc, span, lex) or _is_title_phrase(span, lex):
        return None
    return span, country


def _trim_commas(span: Span, lex: Lexicons) -> Span:
    """A title before a comma ("Governor of Kisumu County and Chair, Council of Governors"), an
    owner before a possessive ("NASA's Goddard Space Flight Center") and places or sites after
    a comma or "in" ("Army Contracting Command, Redstone Arsenal, Alabama", "... Center in
    Greenbelt") are not part of the name."""
    cut = next(
        (
            t.i - span.start
            for t in reversed(span)
            if t.text == "," and t.i > span.start and _ends_title(span.doc[t.i - 1], lex)
        ),
        None,
    )
    if cut is not None:
        span = span[cut + 1 :]
    span = _after_unit(span, lex)
    owner = next(
        (t.i - span.start for t in span if t.text in POSSESSIVE and 0 < t.i - span.start < len(span) - 1),
        None,
    )
    if owner is not None and any(t.lower_ in lex.org_heads for t in span[owner + 1 :]):
        span = span[owner + 1 :]
    for i in sorted((t.i - span.start for t in span if t.text == "," or t.lower_ == "in"), reverse=True):
        tail = span[i + 1 :]
        if not (0 < i < len(span) - 1) or not (
            lex.gazetteer.is_place(tail.text) or names_a_site(span.doc, tail)
        ):
            break
        if span[i].lower_ == "in" and any(t.lower_ in lex.located_org_heads for t in span[:i]):
            break  # "Embassy of Japan in Ghana" keeps its place
        span = span[:i]
    return span


def _after_unit(span: Span, lex: Lexicons) -> Span:
    """A unit of an organization before "at" or a comma, where the organization follows, is no
    part of its name: "Network Operations at Meridian Freight Systems", "Offshore Development at
    Kystlys" (a title's complement: corporate wire, energy), "Investor Relations, Naniwa
    Precision Industries", "Department of Communications, Asian Development Bank" (a contact
    line: results, global). One word before a comma stays ("Gavi, the Vaccine Alliance"), as does
    a name ending in its organization word before "at" ("United Nations Office at Geneva")."""
    for t in span[1:-1]:
        left, right = span[: t.i - span.start], span[t.i - span.start + 1 :]
        if not is_capitalized(right[0]) or right[0].is_stop:
            continue
        if t.lower_ == "at" and left[-1].lower_ not in lex.org_heads:
            return right
        listed = continues_list([w.text for w in right], lex)  # "Ministry of Ports, Shipping and Waterways"
        if t.text == "," and len(left) > 1 and _has_head(right, lex) and not _ends_title(left[-1], lex):
            return span if listed else right
    return span


def _ends_title(token, lex: Lexicons) -> bool:
    return lex.is_title_word(token.text) and token.lower_ not in lex.org_heads


def _light_trim(span: Span) -> Span:
    """ "the" (or "our", "its"), a trailing possessive ("Bank of China's"), a lower-case noun
    after the name ("Media Council of Kenya press"), "X-based" and a bracket left open at the end
    ("Ministry of Energy and Mines (MINEM") off a span."""
    while len(span) > 2 and span[0].lower_ in {"of", "to", "for", "at", "in", "on"} and not span[0].is_title:
        span = span[1:]  # "to the National Assembly" read after a title
    span = trim_the(span)
    if len(span) > 1 and span[0].lower_ in DETERMINERS:
        span = span[1:]
    if len(span) > 1 and span[-1].text in POSSESSIVE:
        span = span[:-1]
    while len(span) > 2 and span[-1].is_alpha and span[-1].is_lower and span[-1].lower_ not in CONNECTORS:
        span = span[:-1]  # a noun the name qualifies: "a Media Council of Kenya press card"
    span = without_based_prefix(span)
    opened = [t.i for t in span if t.text == "("]
    if opened and not any(t.text == ")" for t in span.doc[opened[-1] : span.end]) and opened[-1] > span.start:
        span = span.doc[span.start : opened[-1]]  # "Ministry of Energy and Mines (MINEM" -> the name
    return span
