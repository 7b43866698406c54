"""Organization names as values: strings in, names out (no spaCy).

:func:`normalize_org`: "the U.S. Agency for International Development (USAID)" -> name "U.S.
Agency for International Development", alias "USAID"; "Hercules Holdings S.à r.l." keeps its
legal form in the name and reports it; :func:`split_country_qualifier` moves a state body's
country qualifier out of its name ("UAE Ministry of Energy", "Ministry of Trade of the Republic
of Türkiye"); :func:`agency_country` reads ``data/news_agencies.tsv``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..lexicons import Lexicons, build_lexicons
from ..resources import read_table
from .tokens import POSSESSIVE

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
def _written_forms() -> frozenset[str]:
    """Every legal form as written in the lexicon and in capitals ("plc", "PLC")."""
    forms = [row["form"] for row in read_table("legal_forms.tsv", ("form",))]
    return frozenset(written for form in forms for written in (form, form.upper()))


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

    A form may be written in capitals ("plc" as "PLC"):

    >>> legal_form("Al-Rafah Pharmaceutical Industries PLC")
    'PLC'
    """
    forms = _written_forms()
    space = name.find(" ", 1)
    while space != -1:  # the longest form after a space, with a name before it
        if name[space + 1 :] in forms:
            return name[space + 1 :]
        space = name.find(" ", space + 1)
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
    >>> normalize_org("SOURCE Halden Corp.").name
    'Halden Corp.'
    >>> normalize_org("  ") is None
    True
    """
    name = " ".join(text.split())
    if name.casefold().startswith("the "):
        name = name[4:]
    if name.startswith("SOURCE "):  # the closing line of a wire release: "SOURCE Halden Corp."
        name = name[len("SOURCE ") :]
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
COMPLEMENT_RE = re.compile(r" (?:of|for) ")


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
        code = lex.gazetteer.country_code(head) or (
            lex.gazetteer.demonym_country(head) if width == 1 else None
        )
        if code and lex.gazetteer.subdivisions.get(head.casefold(), code) != code:
            break  # "Georgia Department of Economic Development": a US state's, perhaps
        if code and (possessive or words[width].casefold() in lex.state_org_heads):
            return " ".join(words[width:]), code
    return _country_suffix(name, words, lex)


def clean_role_org(text: str, lex: Lexicons) -> str:
    """An employer as a role's title names it, without the title, owner or place around it.

    >>> from pressfeed.lexicons import build_lexicons
    >>> lex = build_lexicons()
    >>> clean_role_org("Kisumu County and Chair, Council of Governors", lex)
    'Council of Governors'
    >>> clean_role_org("NASA's Goddard Space Flight Center in Greenbelt", lex)
    'Goddard Space Flight Center'
    >>> clean_role_org("Embassy of Japan in Ghana", lex)
    'Embassy of Japan in Ghana'
    """
    before, comma, after = text.rpartition(", ")
    if comma and before.split() and lex.is_title_word(before.split()[-1]):
        text = after
    owner, mark, rest = text.partition("'s ") if "'s " in text else text.partition("’s ")
    if mark and len(owner.split()) == 1 and rest.casefold() in lex.governance_bodies:
        text = owner  # "Corvane's Board of Directors": the company, not its board
    elif mark and len(owner.split()) == 1 and any(w.casefold() in lex.org_heads for w in rest.split()):
        text = rest  # "NASA's Goddard Space Flight Center", not "Fishermen's Council"
    head, within, place = text.rpartition(" in ")
    if (
        within
        and lex.gazetteer.is_place(place)
        and not any(w.casefold() in lex.located_org_heads for w in head.split())
    ):
        text = head
    return text


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
