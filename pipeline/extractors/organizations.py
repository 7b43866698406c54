"""Organizations: named once per article with their country, and their names as values.

:func:`find_organizations` reads the model's ORG entities and names built on an organization
word ("Kestrel Logistics Technologies", "Cabinet of Ministers"), moves "the" and a country
prefix ("Pakistan's", "UAE") into ``country`` and drops title phrases, demonyms, amounts and
project names. :func:`normalize_org` is pure: "U.S. Agency for International Development (USAID)" -> name
"U.S. Agency for International Development", aliases ("USAID",); "Hercules Holdings S.à r.l."
keeps its legal form in the name and reports it. The entity layer uses it for organization
mentions found by the patterns of ``data/patterns/organizations.jsonl``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from spacy.tokens import Doc, Span

from ..lexicons import CONNECTORS, Lexicons, build_lexicons
from ..record import Organization, Role
from ..resources import read_table
from .locations import FEATURE_SUFFIXES, PLACE_SUFFIXES
from .org_countries import is_international
from .org_words import legal_form_words as _legal_form_words
from .patterns import lexicon
from .quantities import unit_surfaces
from .titles import chain_end, country_prefix_end, located_org_end
from .tokens import POSSESSIVE, doc_text, find_mentions, is_capitalized, is_demonym, overlaps_any, trim_the

ACRONYM_RE = re.compile(
    r"""
    ^(?P<name>.+?)\s*          # the full name
    \(\s*(?P<acronym>(?=(?:[^A-Z]*[A-Z]){2})[A-Za-z&]{2,8})\s*\)$  # (NIB), (AfDB); not (Alaska)
    """,
    re.VERBOSE,
)


@dataclass(frozen=True)
class Org:
    name: str
    aliases: tuple[str, ...] = ()
    legal_form: str | None = None
    country: str | None = None  # a country qualifier moved out of the name ("UAE Ministry of Energy")


@cache
def _legal_forms() -> tuple[str, ...]:
    forms = (row["form"] for row in read_table("legal_forms.tsv", ("form",)))
    return tuple(sorted(forms, key=len, reverse=True))


@cache
def _agencies() -> dict[str, str]:
    rows = read_table("news_agencies.tsv", ("agency", "country"))
    return {row["agency"].casefold(): row["country"] for row in rows}


def agency_country(name: str) -> str | None:
    """Country of a news agency credited as a source, in any case, else None.

    >>> agency_country("Reuters"), agency_country("MONTSAME"), agency_country("Harfield Minerals")
    ('GB', 'MN', None)
    """
    return _agencies().get(name.casefold())


def legal_form(name: str) -> str | None:
    """The legal form that ends ``name``, as written in the lexicon.

    >>> legal_form("Hercules Holdings S.à r.l.")
    'S.à r.l.'
    >>> legal_form("Halden Corp.")
    'Corp.'
    >>> legal_form("Nordic Investment Bank") is None
    True
    """
    for form in _legal_forms():
        if name.endswith(" " + form) and len(name) > len(form) + 1:
            return form
    return None


def normalize_org(text: str) -> Org | None:
    """Name an organization: no leading "the", the bracketed acronym as an alias, a country
    qualifier as its country.

    >>> normalize_org("the Nordic Investment Bank (NIB)")
    Org(name='Nordic Investment Bank', aliases=('NIB',), legal_form=None, country=None)
    >>> normalize_org("Hercules Holdings S.à r.l.")
    Org(name='Hercules Holdings S.à r.l.', aliases=(), legal_form='S.à r.l.', country=None)
    >>> normalize_org("the U.S. Department of Energy (DOE)")
    Org(name='Department of Energy', aliases=('DOE',), legal_form=None, country='US')
    >>> normalize_org("  ") is None
    True
    """
    name = " ".join(text.split())
    if name.casefold().startswith("the "):
        name = name[4:]
    aliases: tuple[str, ...] = ()
    match = ACRONYM_RE.match(name)
    if match:
        name, aliases = match["name"], (match["acronym"],)
    if not name:
        return None
    name, country = split_country_qualifier(name, build_lexicons())
    return Org(name, aliases, legal_form(name), country)


# "Riyadh-based " before a name: the place says where it is, it is not part of the name.
BASED_PREFIX_RE = re.compile(r"^(?:[A-Z][\w’'.]*[ -]){1,3}?based\s+(?=[A-Z])")
OF_RE = re.compile(r" of ")
DETERMINERS = frozenset({"our", "its", "their", "his", "her", "this", "that"})
PLACE_JOIN_RE = re.compile(r"\s+(?:and|or)\s+|[–—]")  # "Lomé or Tema", "Abuja–Kaduna"
# A portfolio follows "Minister of", "Secretary for", "Vice-President for", "Director for".
PORTFOLIO_BEFORE_RE = re.compile(r"(?:\b(?:Minister|Secretary|Commissioner)s? of|[A-Z][\w-]* for) $")
UNIT_HEADS = frozenset({"department", "division", "directorate", "unit", "desk"})  # "Asia Department"
BRACKETED_ACRONYM_RE = re.compile(r"\s*\((?P<acronym>(?=[A-Za-z&]*[A-Z][A-Za-z&]*[A-Z])[A-Za-z&]{2,8})\)")  # " (EVN)", not " (Norway)"
ORDINAL_RE = re.compile(r"^\d+(?:st|nd|rd|th)$")  # "45th Weather Squadron", "1st Cavalry Division"
COMPLEMENT_RE = re.compile(r" (?:of|for) ")

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
    if i < len(doc) and doc[i].text in {"-", "‐"}:
        i += 1
    if (
        i + 1 < len(doc)
        and doc[i].is_lower
        and doc[i].lower_ not in words["after"] | CONNECTORS
        and not doc[i].tag_.startswith(("VB", "MD"))
    ):
        i += 1  # "copper mine", "underground mine"
    return i < len(doc) and doc[i].lower_ in words["after"]


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
        name, country = split_country_qualifier(text, lex)
        entries.setdefault(name.casefold(), (name, country))
    blocked = excluded | list_members
    spans = [e for e in doc.ents if e.label_ == "ORG"] + named_org_spans(doc, lex)
    for span in (part for whole in spans for part in split_conjoined(whole, lex)):
        if blocked.intersection(range(span.start, span.end)):
            continue
        cleaned = _clean_org(doc, span, lex)
        if cleaned is None or overlaps_any(cleaned[0], taken):
            continue
        name, country = split_country_qualifier(" ".join(cleaned[0].text.split()), lex)
        old = entries.get(name.casefold())
        entries[name.casefold()] = (old[0], old[1] or cleaned[1] or country) if old else (name, cleaned[1] or country)
    organizations = []
    for name, country, shorts in _with_short_forms(doc, entries, lex):
        mentions = find_mentions(doc, {name} | shorts, taken, unquoted)
        if mentions:
            rule = "qualifier" if country else "none"
            organizations.append(Organization(name, country, mentions, country_rule=rule))
    return sorted(organizations, key=lambda o: o.mentions[0].start)


def split_conjoined(span: Span, lex: Lexicons) -> list[Span]:
    """Two names joined by "and", each with its organization word, are two organizations
    ("Export-Import Bank of Korea and Korea Trade Insurance Corporation"); one name with a
    portfolio list stays whole ("Ministry of Water, Sanitation and Irrigation")."""
    for i in range(span.start + 1, span.end - 1):
        if span.doc[i].lower_ not in {"and", "&"} or not is_capitalized(span.doc[i + 1]):
            continue
        left, right = span.doc[span.start : i], span.doc[i + 1 : span.end]
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
    for key in [k for k, (name, _) in entries.items() if name.isupper() and 2 <= len(name) <= 6]:
        full = next((other for other, _ in entries.values() if _initials(other) == key.upper()), None)
        if full is not None:  # "IOM" of "International Organization for Migration"
            acronyms[full] = entries.pop(key)[0]
    for name, country in entries.values():
        shorts = {n for n in short_names if _is_word_prefix(n.casefold(), name.casefold())}
        shorts |= _short_name(name, lex) | ({acronyms[name]} if name in acronyms else set())
        yield name, country, shorts | _acronym_used(doc, name)


def split_country_qualifier(name: str, lex: Lexicons) -> tuple[str, str | None]:
    """Move a country qualifier out of a state body's name: "UAE Ministry of Energy",
    "Ministry of Trade of the Republic of Türkiye", "Pakistan's Ministry of Railways",
    "Kyoto-based Mizuhara Electronics"; a country that is part of a name stays ("Bank of
    Mongolia", "Kuwait Airways", "Embassy of Japan in Ghana").

    >>> from pressfeed.lexicons import build_lexicons
    >>> lex = build_lexicons()
    >>> split_country_qualifier("Ministry of Trade of the Republic of Türkiye", lex)
    ('Ministry of Trade', 'TR')
    >>> split_country_qualifier("U.S. Department of Energy", lex)
    ('Department of Energy', 'US')
    >>> split_country_qualifier("Bank of Mongolia", lex), split_country_qualifier("Kuwait Airways", lex)
    (('Bank of Mongolia', None), ('Kuwait Airways', None))
    """
    name = BASED_PREFIX_RE.sub("", name)
    words = name.split()
    for width in (3, 2, 1):
        if len(words) <= width:
            continue
        head = " ".join(words[:width])
        possessive = head.endswith(tuple(POSSESSIVE))
        head = head.rstrip("'’s") if possessive else head
        code = lex.gazetteer.country_code(head) or (lex.gazetteer.demonym_country(head) if width == 1 else None)
        if code and lex.gazetteer.subdivisions.get(head.casefold(), code) != code:
            break  # "Georgia Department of Economic Development": a US state's, perhaps
        if code and (possessive or words[width].casefold() in lex.state_org_heads):
            return " ".join(words[width:]), code
    return _country_suffix(name, words, lex)


def _country_suffix(name: str, words: list[str], lex: Lexicons) -> tuple[str, str | None]:
    """ "Ministry of Foreign Affairs of Brazil" -> ("Ministry of Foreign Affairs", "BR"): a
    state body's portfolio, then "of COUNTRY"."""
    first = words[0].casefold() if words else ""
    if first not in lex.state_org_heads or first in lex.located_org_heads:
        return name, None
    for match in OF_RE.finditer(name):
        head, tail = name[: match.start()], name[match.end() :]
        code = lex.gazetteer.country_code(tail)
        if code:  # the first "of COUNTRY": "Government of the Republic of Tajikistan" stays
            return (head, code) if COMPLEMENT_RE.search(head) else (name, None)
    return name, None


def outside_name(doc: Doc, name: str, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The ranges of ``taken`` that lie outside every occurrence of ``name``: a person the name
    grammar read inside a name certain by its form ("Aravalli Infraprojects" of "Aravalli
    Infraprojects Ltd.") does not hide the organization."""
    spans = [(m.start(), m.end()) for m in re.finditer(re.escape(name), doc_text(doc))]
    return [(s, e) for s, e in taken if not any(a <= s and e <= b for a, b in spans)]


def drop_portfolios(
    doc: Doc, organizations: list[Organization], roles: list[Role], lex: Lexicons
) -> list[Organization]:
    """Portfolios and units named only inside role titles that do not name them as their
    organization: "Minister of Territorial Administration", "Deputy General Director for Retail
    Banking", "Director of the Asia Department" (an organization word keeps a name that is no
    unit or portfolio: "United Nations Resident Coordinator", "CEO of Nama Water Services")."""
    employers = {r.organization.casefold() for r in roles if r.organization}
    text = doc_text(doc)
    return [
        org
        for org in organizations
        if org.name.casefold() in employers
        or not all(
            any(r.span.start <= m.start and m.end <= r.span.end for r in roles)
            and (_is_portfolio(org.name, lex) or PORTFOLIO_BEFORE_RE.search(text[: m.start]))
            for m in org.mentions
        )
    ]


def _is_portfolio(name: str, lex: Lexicons) -> bool:
    """No organization word ("Retail Banking"), or a unit's ("Asia Department")."""
    words = name.split()
    if is_international(name):
        return False
    if words[-1].casefold() in UNIT_HEADS and not COMPLEMENT_RE.search(name):
        return True
    return not any(_is_head_word(w, lex) for w in words)


def _is_head_word(word: str, lex: Lexicons) -> bool:
    """An organization word, singular or plural ("Services")."""
    folded = word.casefold()
    return folded in lex.org_heads or (folded.endswith("s") and folded[:-1] in lex.org_heads)


def merge_certain_forms(
    doc: Doc,
    organizations: list[Organization],
    forms: list[Span],
    taken: list[tuple[int, int]],
    unquoted: set[int],
    lex: Lexicons,
) -> list[Organization]:
    """Organizations certain by their form (a legal form, a bracketed acronym, an agency
    credit, an international body's full name) replace the mentions they overlap: an
    organization left with no mention gives way, and its country with it."""
    kept = list(organizations)
    for span in forms:
        org = normalize_org(span.text)
        if org is None:
            continue
        kept, losers = _cede_mentions(kept, span, lex)
        # the same name written in full again keeps the acronym it had ("FAO")
        same = [o for o in losers if o.name.casefold() == org.name.casefold()]
        aliases = tuple(dict.fromkeys(a for o in (org, *same) for a in o.aliases))
        agency = agency_country(org.name)
        country = agency or org.country or next((o.country for o in losers if o.country), None)
        rule = "agency" if agency else "qualifier" if country else "none"
        mentions = find_mentions(doc, {org.name, *aliases}, outside_name(doc, org.name, taken), unquoted)
        if mentions:
            kept.append(Organization(org.name, country, mentions, aliases=aliases, country_rule=rule))
    return kept


def _cede_mentions(
    organizations: list[Organization], span: Span, lex: Lexicons
) -> tuple[list[Organization], list[Organization]]:
    """(organizations with no mention overlapping ``span``, those that give way to it); one
    whose mention holds the span and goes on to its own organization word stays."""
    kept, losers = [], []
    for org in organizations:
        overlaps = any(m.start < span.end_char and span.start_char < m.end for m in org.mentions)
        (losers if overlaps and not contains_name(org, span, lex) else kept).append(org)
    return kept, losers


def contains_name(org: Organization, span: Span, lex: Lexicons) -> bool:
    """``org`` names a body of which ``span`` is a part: a mention holds the span and goes on
    to its own organization word ("United Nations Information Service" holds "United
    Nations"), so the name certain by its form does not replace it."""
    words = org.name.split()
    ends_in_head = bool(words) and words[-1].casefold() in lex.org_heads and legal_form(org.name) is None
    return ends_in_head and any(
        m.start <= span.start_char and span.end_char <= m.end and (m.end - m.start) > len(span.text)
        for m in org.mentions
    )


def adopt_acronyms(
    doc: Doc, organizations: list[Organization], taken: list[tuple[int, int]], unquoted: set[int]
) -> list[Organization]:
    """An acronym in brackets right after a name is that organization's alias, whatever its
    letters ("Vietnam Electricity (EVN)", "Korea International Cooperation Agency (KOICA)"): its
    mentions join the name and no organization of its own stays."""
    text = doc_text(doc)
    adopted: dict[str, str] = {}
    for org in organizations:
        for m in org.mentions:
            match = BRACKETED_ACRONYM_RE.match(text, m.end)
            if match and match["acronym"] != org.name:
                adopted.setdefault(match["acronym"], org.name)
    if not adopted:
        return organizations
    result = []
    for org in organizations:
        if org.name in adopted and adopted[org.name] != org.name:
            continue
        new = tuple(a for a, owner in adopted.items() if owner == org.name and a not in org.aliases)
        if new:
            mentions = find_mentions(doc, {org.name, *org.aliases, *new}, taken, unquoted)
            org = replace(org, aliases=org.aliases + new, mentions=mentions or org.mentions)
        result.append(org)
    return result


def merge_short_forms(organizations: list[Organization], lex: Lexicons) -> list[Organization]:
    """A name that opens a longer one is its short form ("Vaalkrans" of "Vaalkrans Gold
    Limited", "Aldercrest Energy Systems" of "Aldercrest Energy Systems, Inc."), unless it is
    an organization of its own ("Ministry of Energy", not "Ministry of Energy and Infrastructure")."""
    merged = list(organizations)
    for short in organizations:
        full = next((o for o in merged if o is not short and _short_form_of(short.name, o.name, lex)), None)
        if full is None:
            continue
        mentions = tuple(sorted({*full.mentions, *short.mentions}, key=lambda m: m.start))
        aliases = full.aliases + (short.name,) if short.name not in full.aliases else full.aliases
        merged = [replace(o, mentions=mentions, aliases=aliases) if o is full else o for o in merged if o is not short]
    return merged


def _short_form_of(short: str, full: str, lex: Lexicons) -> bool:
    if not full.startswith(short + " ") and not full.startswith(short + ", "):
        return False
    rest = full[len(short) :].lstrip(" ,")
    return rest in _legal_form_words() or not any(_is_head_word(w, lex) for w in short.split())


def drop_fragments(organizations: list[Organization]) -> list[Organization]:
    """Organizations without a mention of their own: every mention inside a longer name
    ("Trade Insurance Corporation" of "Korea Trade Insurance Corporation")."""
    ranges = [(o, m.start, m.end) for o in organizations for m in o.mentions]
    return [
        org
        for org in organizations
        if not all(
            any(other is not org and s <= m.start and m.end <= e and e - s > m.end - m.start for other, s, e in ranges)
            for m in org.mentions
        )
    ]


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
    Technologies", "Maji Hope Alliance", "Cabinet of Ministers", "Korea Trade Insurance
    Corporation", "Export-Import Bank of Korea", "Energy and Mineral Resources Ministry"."""
    spans = []
    for i, token in enumerate(doc):
        if not (is_capitalized(token) and token.lower_ in lex.org_heads) or token.is_sent_start:
            continue
        start = _name_start(doc, i, lex)
        end = i + 1
        if end + 1 < len(doc) and doc[end].lower_ in {"of", "for"} and is_capitalized(doc[end + 1]):
            end = chain_end(doc, end + 1, {}, lex, name_follows=False)
        span = doc[start : located_org_end(doc, doc[start:end], lex)]  # "Embassy of X in Y"
        if len(span) > 1 and not any(t.ent_type_ == "PERSON" for t in span):
            spans.append(span)
    return spans


def _name_start(doc: Doc, i: int, lex: Lexicons) -> int:
    """First token of the name whose head word is token ``i``, walking back over capitalized
    words (a country's too: "Korea Trade Insurance Corporation"), a hyphen between two of them
    ("Export-Import Bank") and "and" after a portfolio word ("Food and Agriculture")."""
    start = i
    while start > 0 and not doc[start].is_sent_start:
        before = doc[start - 1]
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
        and (i < 2 or not is_capitalized(doc[i - 2]) or doc[i - 2].is_sent_start)
    )


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
    institution word, or a lower-case description ("the intergovernmental water commission")."""
    if any(t.like_num for t in span) and any(t.text.isupper() and len(t.text) == 3 for t in span):
        return True
    if names_a_site(doc, span):
        return True
    if not any(t.is_alpha for t in span) or all(t.is_lower or not t.is_alpha for t in span):
        return True
    text = span.text
    if len(span) == 1 and (is_demonym(span[0], lex) or lex.is_institution_word(text)):
        return True
    return names_a_place(doc, span, lex)


def names_a_place(doc: Doc, span: Span, lex: Lexicons) -> bool:
    """A place the model tagged ORG: a gazetteer place ("Abu Dhabi", "Russian Federation",
    "Lagos State"), a name the model tags as a place elsewhere in the article ("Zamyn-Uud"),
    or places joined ("Lomé or Tema", "Abuja–Kaduna")."""
    if any(t.lower_ in lex.org_heads for t in span):
        return False
    parts = [p.strip() for p in PLACE_JOIN_RE.split(span.text) if p.strip()]
    places = _model_places(doc)
    return all(lex.gazetteer.is_place(p) or _without_admin_word(p, lex) or p in places for p in parts)


def _without_admin_word(name: str, lex: Lexicons) -> bool:
    """ "Lagos State", "Kakheti Region": a place with its administrative word."""
    words = name.split()
    return len(words) > 1 and words[-1].casefold() in lexicon("admin_words") and lex.gazetteer.is_place(" ".join(words[:-1]))


def _model_places(doc: Doc) -> frozenset[str]:
    """Texts the model tags GPE or LOC somewhere in the doc."""
    return frozenset(e.text for e in doc.ents if e.label_ in {"GPE", "LOC"})


def _is_title_phrase(span: Span, lex: Lexicons) -> bool:
    """Title words without an organization word, or a title at the end ("World Bank's Country
    Representative"), a place ("Surkhandarya Region") or a generic word."""
    has_org_head = any(t.lower_ in lex.org_heads for t in span)
    has_title = any(lex.is_title_word(t.text) for t in span)
    if (has_title and not has_org_head) or is_place_name(span, lex) or _is_generic(span, lex):
        return True
    return span[-1].lower_ in {"of", "for", "and", "the"} or (
        lex.is_title_word(span[-1].text) and len(span) > 1
    )


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
    """A title before a comma ("Chair, Council of Governors") and a place after one ("Army
    Contracting Command, Fairbanks") are not part of the name."""
    commas = [t.i - span.start for t in span if t.text == ","]
    if not commas:
        return span
    first, last = commas[0], commas[-1]
    if first > 0 and all(lex.is_title_word(t.text) or t.lower_ in CONNECTORS for t in span[:first]):
        span = span[first + 1 :]
        last -= first + 1
    if 0 < last < len(span) - 1 and lex.gazetteer.is_place(span[last + 1 :].text):
        span = span[:last]
    return span


def _light_trim(span: Span) -> Span:
    """ "the" (or "our", "its"), a trailing possessive ("Bank of China's") and "X-based" off a span."""
    span = trim_the(span)
    if len(span) > 1 and span[0].lower_ in DETERMINERS:
        span = span[1:]
    if len(span) > 1 and span[-1].text in POSSESSIVE:
        span = span[:-1]
    if len(span) > 3 and span[1].text in {"-", "‐"} and span[2].lower_ == "based":
        span = span[3:]
    return span
