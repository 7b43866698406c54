"""Organization countries: the first evidence the article gives, recorded as ``country_rule``.

corpus/README.md: national bodies take their country, companies and news agencies the
country they are based in, international bodies none. The rules, in order (README
"Organization countries"):

- ``agency``: a news agency of ``data/news_agencies.tsv`` ("Reuters" GB);
- ``qualifier``: a country qualifier moved out of the name ("UAE Ministry of Energy",
  "Ministry of Trade of the Republic of Türkiye", "Pakistan's Ministry of Railways");
- ``name``: a country name or adjective inside the name ("Bank of Mongolia", "Royal
  Australian Navy", "Kazakhstan Temir Zholy");
- ``international``: an international body (``data/international_bodies.tsv``, or a word of
  ``data/international_words.tsv`` such as "United Nations" or "Asian"): no country;
- ``place``: a city or region inside the name, read in the article's countries ("Almaty
  Power Stations" KZ, "Georgia Department of Economic Development" in a US article US);
- ``before``: a country, adjective or "X-based" before a mention, across a short lower-case
  description ("Kazakhstan's sovereign wealth fund Samruk-Kazyna", "Dutch carrier Noordwind
  Cargo", "Riyadh-based Najd Utilities Company");
- ``after``: a place or adjective in the apposition after a mention ("Kaarna Biochemicals
  Oy (Finland)", "Aga Khan University, Karachi, Pakistan", "Ukrenergo, Ukraine's operator");
- ``legal_form``: a legal form used in one country only (``data/legal_form_countries.tsv``);
- ``dateline``: the dateline's country (the issuer's home: a release names its own
  ministries and companies without their country);
- ``none``: nothing decides.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache

from spacy.tokens import Doc

from ..lexicons import CONNECTORS, Lexicons
from ..record import Location, Organization, Person, Role
from ..resources import read_table
from .tokens import POSSESSIVE, doc_text, sentence_of

RULES = (
    "agency",
    "qualifier",
    "name",
    "international",
    "place",
    "before",
    "after",
    "legal_form",
    "delegation",
    "role",
    "dateline",
    "sentence",
    "article",
    "none",
)
# Lower-case words that may describe an organization between its country and its name
# ("Kazakhstan's sovereign wealth fund Samruk-Kazyna"): at most this many.
MAX_DESCRIPTION = 4
# Tokens of an apposition read after a mention ("Veskimetsa Systems AS, an Estonian ...").
MAX_APPOSITION = 8
WORD_RE = re.compile(r"[\w’'&.-]+")
# What joins a role's title to the organization it names ("Chairman of the Water Committee").
ROLE_LINK_RE = re.compile(r"(?:,| at| of| for| with| in)(?: the)? ")
# Nouns after a country adjective that make a sentence one country's ("The Brazilian
# delegation included ..., Executive Secretary of the Ministry of Agriculture").
DELEGATION_NOUNS = frozenset({"delegation", "side", "team"})
APPOSITION_ENDS = frozenset({".", ";", ")", "(", "—", "–", ":"})
APPOSITION_TAGS = ("VB", "MD", "IN", "WDT", "WP")  # verbs, prepositions, relative pronouns


@dataclass(frozen=True)
class Setting:
    """What the article says about countries: its dateline's, every place it names, and the
    roles whose titles name an organization."""

    dateline: str | None
    countries: frozenset[str]  # countries of the article's locations
    places: tuple[tuple[int, int, str], ...]  # (start, end, country) of every place mention
    # roles that name an organization, each with the countries of its holder's other roles
    roles: tuple[tuple[Role, frozenset[str]], ...] = ()
    main_country: str | None = None  # the country the article names most, when one leads


def build_setting(
    locations: Iterable[Location], dateline: str | None, people: Iterable[Person] = ()
) -> Setting:
    """The article's setting, from its resolved locations, its dateline country and its people."""
    locations = list(locations)
    places = tuple(
        sorted((m.start, m.end, loc.country) for loc in locations if loc.country for m in loc.mentions)
    )
    countries = frozenset(loc.country for loc in locations if loc.country)
    roles = tuple(
        (role, frozenset(r.country for r in person.roles if r is not role and r.country))
        for person in people
        for role in person.roles
        if role.organization
    )
    return Setting(dateline, countries, places, roles, _main_country(places))


def _main_country(places: tuple[tuple[int, int, str], ...]) -> str | None:
    """The country whose places the article names most often, if it leads the next one."""
    counts = Counter(country for _, _, country in places).most_common(2)
    if not counts or (len(counts) == 2 and counts[1][1] * 3 > counts[0][1] * 2):
        return None
    return counts[0][0]


@cache
def _international() -> dict[str, frozenset[str]]:
    """Case-folded names by kind: body (``international_bodies.tsv``), and marker, weak,
    acronym and region (``international_words.tsv``)."""
    kinds: dict[str, set[str]] = {"marker": set(), "weak": set(), "acronym": set(), "region": set()}
    for row in read_table("international_words.tsv", ("word", "kind")):
        if row["kind"] not in kinds:
            raise ValueError(f"international_words.tsv: unknown kind {row['kind']!r} of {row['word']!r}")
        kinds[row["kind"]].add(row["word"].casefold())
    bodies = {row["name"].casefold() for row in read_table("international_bodies.tsv", ("name",))}
    return {"body": frozenset(bodies), **{kind: frozenset(words) for kind, words in kinds.items()}}


@cache
def _legal_form_countries() -> tuple[tuple[str, str, bool, bool], ...]:
    """(form, country, may open the name?, may end it?) of ``legal_form_countries.tsv``."""
    rows = read_table("legal_form_countries.tsv", ("form", "country", "position"))
    sides = {"prefix": (True, False), "suffix": (False, True), "either": (True, True)}
    for row in rows:
        if row["position"] not in sides:
            raise ValueError(f"legal_form_countries.tsv: position of {row['form']!r} is {row['position']!r}")
    return tuple((row["form"], row["country"], *sides[row["position"]]) for row in rows)


def name_words(name: str) -> list[str]:
    """Words of a name without punctuation or possessive ("Kazakhstan's" -> "Kazakhstan").

    >>> name_words("Foreign, Commonwealth & Development Office")
    ['Foreign', 'Commonwealth', '&', 'Development', 'Office']
    >>> name_words("Pakistan’s Ministry of Railways (MoR)")
    ['Pakistan', 'Ministry', 'of', 'Railways', 'MoR']
    """
    words = []
    for word in WORD_RE.findall(name):
        for suffix in POSSESSIVE:
            if word.endswith(suffix) and len(word) > len(suffix):
                word = word[: -len(suffix)]
                break
        words.append(word.strip(".") or word)
    return words


def _windows(words: list[str]):
    """(index of the first word, run) of every run of one to four capitalized words, longest
    first at each start."""
    for i, first in enumerate(words):
        if not first[:1].isupper():
            continue
        for width in (4, 3, 2, 1):
            run = words[i : i + width]
            if len(run) == width and run[-1][:1].isupper():
                yield i, " ".join(run)


def country_in_name(name: str, lex: Lexicons) -> str | None:
    """The country a name holds as a country name or adjective, the first one.

    >>> from pressfeed.lexicons import build_lexicons
    >>> lex = build_lexicons()
    >>> country_in_name("Export-Import Bank of the United States", lex)
    'US'
    >>> country_in_name("Royal Australian Navy", lex), country_in_name("Inter-American Development Bank", lex)
    ('AU', None)
    """
    for _, run in _windows(name_words(name)):
        code = lex.gazetteer.country_code(run) or (
            lex.gazetteer.demonym_country(run) if " " not in run else None
        )
        if code:
            return code
    return None


def is_international(name: str, aliases: tuple[str, ...] = ()) -> bool:
    """An international body: a known one, or a name with a word such as "United Nations".

    >>> is_international("Asian Development Bank"), is_international("UNICEF")
    (True, True)
    >>> is_international("Ministry of Energy")
    False
    """
    kinds = _international()
    if any(form.casefold() in kinds["body"] | kinds["acronym"] for form in (name, *aliases)):
        return True
    return any(run.casefold() in kinds["marker"] for _, run in _windows(name_words(name)))


def is_weakly_international(name: str) -> bool:
    """A word such as "International" that marks a name without a place ("International
    Finance Corporation"), but not "Termez International Trade Centre".

    >>> is_weakly_international("International Finance Corporation")
    True
    """
    weak = _international()["weak"]
    return any(word.casefold() in weak for word in name_words(name))


def place_in_name(name: str, lex: Lexicons, setting: Setting) -> str | None:
    """Country of a city or region inside the name, one the article names when the place has
    namesakes ("Georgia" in a US article is the state)."""
    regions = _international()["region"]
    names = name_words(name)

    def institutional(w: str) -> bool:
        return w.casefold() in lex.org_heads or lex.is_institution_word(w) or w.casefold() in regions

    for at, run in _windows(names):
        words = run.split()
        if any(institutional(w) for w in words):
            continue
        after = at + len(words)
        inside = all(
            0 <= k < len(names) and names[k][:1].isupper() and not institutional(names[k])
            for k in (at - 1, after)
        )
        if inside and f"({run})" not in name:
            continue  # inside a personal name: "Anta" of "Cheikh Anta Diop University"
        readings = _place_readings(run, lex)
        if readings:
            local = [c for c in readings if c == setting.dateline] or [
                c for c in readings if c in setting.countries
            ]
            if local:
                return local[0]
    return None


def _place_readings(run: str, lex: Lexicons) -> list[str]:
    """Every country a place name may belong to, the gazetteer's first choice first."""
    gazetteer = lex.gazetteer
    first = gazetteer.place_country(run)
    if first is None:
        return []
    readings = [first, *gazetteer.place_countries(run)]
    subdivision = gazetteer.subdivisions.get(run.casefold())
    if subdivision:
        readings.append(subdivision)
    return list(dict.fromkeys(readings))


def legal_form_country(name: str) -> str | None:
    """Country of a legal form used in one country only ("Kaarna Biochemicals Oy" FI).

    >>> legal_form_country("Kaarna Biochemicals Oy"), legal_form_country("Halden Corp.")
    ('FI', None)
    >>> legal_form_country("PT Sinar Baterai Nusantara")
    'ID'
    >>> legal_form_country("UAB Kauno Energija"), legal_form_country("Kauno Energija UAB")
    ('LT', 'LT')
    """
    if len(name.split()) < 2:
        return None
    for form, country, opens, ends in _legal_form_countries():
        if opens and name.startswith(form + " ") or ends and name.endswith((" " + form, ", " + form)):
            return country
    return None


def _token_country(doc: Doc, i: int, lex: Lexicons, setting: Setting) -> str | None:
    """Country that token ``i`` names by itself: an adjective ("Dutch"), or a place mention."""
    token = doc[i]
    code = lex.gazetteer.demonym_country(token.text) if token.text[:1].isupper() else None
    if code:
        return code
    return next((c for s, e, c in setting.places if s <= token.idx < e), None)


def _based_country(doc: Doc, i: int, lex: Lexicons, setting: Setting) -> str | None:
    """ "Riyadh-based" ending at token ``i`` (the word "based"): the country of Riyadh, as the
    article's places or the gazetteer ("Abu Dhabi-based") read it; "Chilean-owned" (the word
    "owned"): the country of the adjective or place before it."""
    if doc[i].lower_ not in {"based", "owned"} or i < 2 or doc[i - 1].text not in {"-", "‐"}:
        return None
    if doc[i].lower_ == "owned":  # "Chilean-owned", "Abu Dhabi-owned"; never "state-owned"
        return _token_country(doc, i - 2, lex, setting) if doc[i - 2].text[:1].isupper() else None
    start = doc[i - 2].idx
    code = next((c for s, e, c in setting.places if s <= start < e), None)
    for width in (1, 2, 3):
        if code or i - 1 - width < 0:
            break
        code = lex.gazetteer.place_country(doc[i - 1 - width : i - 1].text)
    return code


def country_before(doc: Doc, start: int, lex: Lexicons, setting: Setting) -> str | None:
    """Country named before the token ``start`` of a mention, across "the" and a short
    lower-case description: "Kazakhstan's sovereign wealth fund", "Turkish fibre maker"."""
    i = start - 1
    described = 0
    while i >= 0 and _describes(doc[i]) and described < MAX_DESCRIPTION:
        based = _based_country(doc, i, lex, setting)
        if based:
            return based
        if doc[i].lower_ in CONNECTORS or doc[i].tag_.startswith("VB"):
            return None
        i -= 1
        described += 1
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    if i < 0:
        return None
    if doc[i].text in POSSESSIVE and i > 0:
        return _token_country(doc, i - 1, lex, setting)
    return _token_country(doc, i, lex, setting) if described or doc[i].text[:1].isupper() else None


def _describes(token) -> bool:
    """A lower-case word or hyphen of a description ("state-owned gas supplier")."""
    return (token.is_lower and token.is_alpha) or token.text in {"-", "‐"}


def country_after(
    doc: Doc, end: int, lex: Lexicons, setting: Setting, others: list[tuple[int, int]]
) -> str | None:
    """Country named in the apposition after a mention ending at token ``end``: "(Finland)",
    ", Karachi, Pakistan", ", Ukraine's national operator", ", an Estonian developer", " in
    Hyderabad, India". The apposition ends at a preposition or verb: ", a subsidiary of the
    Japanese group" describes another company."""
    if end >= len(doc) or doc[end].text not in {"(", ",", "in"}:
        return None
    found = None
    for i in range(end + 1, min(len(doc), end + 1 + MAX_APPOSITION)):
        token = doc[i]
        if _apposition_ends(token, others, found=found is not None):
            break
        based = _based_country(doc, i, lex, setting)
        if not based and (token.lower_ in CONNECTORS - {"the"} or token.tag_.startswith(APPOSITION_TAGS)):
            break  # "of the Japanese group", "which operates": another thing is described
        code = based or (_token_country(doc, i, lex, setting) if token.text[:1].isupper() else None)
        found = code or found
    return found


def _apposition_ends(token, others: list[tuple[int, int]], *, found: bool) -> bool:
    """Punctuation, a new sentence or another organization ends an apposition, and so does a
    comma once a country was read (", Karachi, Pakistan, said" stops after Pakistan)."""
    if token.text in APPOSITION_ENDS or token.is_sent_start or (token.text == "," and found):
        return True
    return any(s <= token.idx < e for s, e in others)


def assign_countries(
    doc: Doc, organizations: list[Organization], lex: Lexicons, setting: Setting
) -> list[Organization]:
    """Every organization with the country the first applicable rule gives, and that rule."""
    ranges = [(m.start, m.end) for o in organizations for m in o.mentions]
    return [_with_country(doc, org, lex, setting, ranges) for org in organizations]


def _with_country(
    doc: Doc, org: Organization, lex: Lexicons, setting: Setting, ranges: list[tuple[int, int]]
) -> Organization:
    if org.country_rule in {"agency", "qualifier"} and org.country:
        return org
    country, rule = decide_country(doc, org, lex, setting, ranges)
    return replace(org, country=country, country_rule=rule)


def decide_country(
    doc: Doc, org: Organization, lex: Lexicons, setting: Setting, ranges: list[tuple[int, int]]
) -> tuple[str | None, str]:
    """(country, rule) of one organization; see the module docstring for the order."""
    code = country_in_name(org.name, lex)
    if code:
        return code, "name"
    if is_international(org.name, org.aliases):
        return None, "international"
    code = place_in_name(org.name, lex, setting)
    if code:
        return code, "place"
    if is_weakly_international(org.name):
        return None, "international"
    for mention in org.mentions:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        others = [r for r in ranges if r != (mention.start, mention.end)]
        code = country_before(doc, span.start, lex, setting)
        if code:
            return code, "before"
        code = country_after(doc, span.end, lex, setting, others)
        if code:
            return code, "after"
    code = legal_form_country(org.name)
    if code:
        return code, "legal_form"
    return _from_the_article(doc, org, lex, setting, ranges)


def _from_the_article(
    doc: Doc, org: Organization, lex: Lexicons, setting: Setting, ranges: list[tuple[int, int]]
) -> tuple[str | None, str]:
    """The rules that read the article around a name without evidence of its own."""
    code = delegation_country(doc, org, lex)
    if code:
        return code, "delegation"
    employers = role_links(doc, org, setting)
    if employers and len(employers) == len(org.mentions):
        countries = {role.country for role, _ in employers}
        if len(countries) == 1 and None not in countries:
            return countries.pop(), "role"
        if any(role.country is None and others for role, others in employers):
            return None, "role"  # the holder's other post is national, this one is not
    if setting.dateline:
        return setting.dateline, "dateline"
    named = sentence_countries(doc, org, lex, setting, ranges)
    if len(named) == 1:
        return next(iter(named)), "sentence"
    if setting.main_country:
        return setting.main_country, "article"
    return None, "none"


def delegation_country(doc: Doc, org: Organization, lex: Lexicons) -> str | None:
    """Country of "The Uzbek delegation" opening the sentence of a mention."""
    for mention in org.mentions:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        sent = sentence_of(doc, span.start)
        words = [t for t in sent[:4] if t.lower_ != "the"]
        if len(words) >= 2 and words[1].lower_ in DELEGATION_NOUNS:
            code = lex.gazetteer.demonym_country(words[0].text)
            if code:
                return code
    return None


def role_links(doc: Doc, org: Organization, setting: Setting) -> list[tuple[Role, frozenset[str]]]:
    """The roles whose title names this organization right before one of its mentions
    ("Ambassador-at-Large at the Ministry of Foreign Affairs"), one per such mention, each with
    the countries of its holder's other roles."""
    text = doc_text(doc)
    found = []
    for mention in org.mentions:
        role = next(
            (
                (r, others)
                for r, others in setting.roles
                if r.span.end <= mention.start
                and r.organization.casefold() == org.name.casefold()
                and ROLE_LINK_RE.fullmatch(text[r.span.end : mention.start])
            ),
            None,
        )
        if role is not None:
            found.append(role)
    return found


def sentence_countries(
    doc: Doc, org: Organization, lex: Lexicons, setting: Setting, ranges: list[tuple[int, int]]
) -> set[str]:
    """Countries the sentences of the organization's mentions name outside organization
    names: places and adjectives ("The Azerbaijani delegation included ..., head of the
    Department of the Ministry of Foreign Affairs")."""
    found: set[str] = set()
    for mention in org.mentions:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        for token in sentence_of(doc, span.start):
            if any(s <= token.idx < e for s, e in ranges):
                continue
            code = _token_country(doc, token.i, lex, setting)
            if code:
                found.add(code)
    return found
