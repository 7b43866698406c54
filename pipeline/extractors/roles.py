"""Roles: a title read as a value, and linkers that attach title mentions to person mentions.

:func:`parse_title` is pure: "Indian External Affairs Minister" -> title "External Affairs
Minister", country IN; "acting Chief Executive of Qamar Renewables" -> title "Chief Executive",
organization "Qamar Renewables", qualifier "acting". :func:`find_links` runs the patterns of
``data/patterns/links.jsonl`` over the resolved mentions (``{"_": {"pf_mention": "TITLE"}}``)
and returns one :class:`Link` per (person mention, title mention) a rule joins; rules
labelled ``ROLE_FORMER`` give a former role ("previously served as ...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from spacy.tokens import Doc, Span

from .. import extensions  # noqa: F401  (the pf_* token attributes the link patterns read)
from ..lexicons import CONNECTORS, build_lexicons
from ..record import Person
from ..record import Span as Evidence
from . import claims
from .org_names import legal_form, normalize_org
from .org_words import continues_list
from .patterns import PatternSet, family_rules, lexicon
from .tokens import doc_text

POSSESSIVES = frozenset({"'s", "’s", "'", "’"})  # a title never ends before an owner's possessive
LOWER_WORDS = frozenset({"of", "for", "at", "to", "on", "and", "the", "in", "a", "an"})
POSSESSIVE_RE = re.compile(r"^(?P<owner>.+?)(?:'s|’s|'|’)\s+(?P<rest>.+)$")


@dataclass(frozen=True)
class Title:
    title: str
    organization: str | None = None
    qualifier: str | None = None
    country: str | None = None


def title_case(text: str) -> str:
    """Title Case as written: function words lower, other lower-case words capitalized.

    >>> title_case("deputy minister of finance")
    'Deputy Minister of Finance'
    >>> title_case("Ambassador-at-Large")
    'Ambassador-at-Large'
    """
    words = text.split()
    out = []
    for i, word in enumerate(words):
        if i and word.casefold() in LOWER_WORDS:
            out.append(word.casefold())
        elif word.islower():
            out.append(word[:1].upper() + word[1:])
        else:
            out.append(word)
    return " ".join(out)


def _strip_qualifier(words: list[str]) -> tuple[list[str], str | None]:
    qualifiers = build_lexicons().qualifiers
    for width in (2, 1):
        phrase = " ".join(words[:width]).casefold()
        if len(words) > width and phrase in qualifiers:
            return words[width:], qualifiers[phrase]
    return words, None


def _strip_country(words: list[str]) -> tuple[list[str], str | None]:
    gazetteer = build_lexicons().gazetteer
    if len(words) > 1 and (code := gazetteer.demonym_country(words[0])):
        return words[1:], code
    text = " ".join(words)
    match = POSSESSIVE_RE.match(text)
    if match and (code := gazetteer.country_code(match["owner"])):
        return match["rest"].split(), code
    return words, None


@cache
def _body_names() -> dict[str, str]:
    """Folded name -> name of the international bodies (``international_bodies.tsv``) and the
    UN's short forms, built once per process."""
    return {b.casefold(): b for b in (*lexicon("international_bodies"), "UN", "U.N.")}


def _strip_body(words: list[str]) -> tuple[list[str], str | None]:
    """An international body that opens a title is its organization: "United Nations Resident
    Coordinator in Madagascar" -> ("Resident Coordinator in Madagascar", "United Nations")."""
    lex = build_lexicons()
    bodies = _body_names()
    for n in range(min(len(words) - 1, 6), 0, -1):
        body = bodies.get(" ".join(words[:n]).casefold())
        if body is not None and lex.is_title_word(words[n]):
            return words[n:], body
    return words, None


def _names_function(words: list[str]) -> bool:
    """Words after a title's "of"/"for" that name a function, not an organization: they end in
    a word of ``function_ends.tsv`` and hold no "of" ("Port Operations", "Government Relations").

    >>> [_names_function(t.split()) for t in ("Government Relations", "Ministry of Foreign Affairs")]
    [True, False]
    >>> _names_function("Qamar Renewables".split())
    False
    """
    return (
        bool(words)
        and words[-1] in lexicon("function_ends_cased")
        and "of" not in (w.casefold() for w in words)
    )


def _split_organization(words: list[str]) -> tuple[list[str], str | None]:
    """ "Chief Executive of Qamar Renewables" -> (title words, organization): the part after
    "at", or after "of"/"for" when it holds an organization word."""
    lex = build_lexicons()
    if " ".join(words).casefold() in lex.folded_titles:
        return words, None  # a lexicon title is whole ("Career Member of the Senior Foreign Service")
    functions = lexicon("function_words_cased")
    for i, low, rest, proper in _complements(words, lex):
        folded = [w.casefold() for w in rest]
        named = (
            not all(w in functions or w.casefold() in CONNECTORS for w in rest)  # "Group Communications"
            and not _names_function(rest)  # "Government Relations"
            and any(w in lex.org_heads for w in folded)
            and folded[-1] not in CONNECTORS
            and (folded[0] in lex.org_heads or bool(proper))  # not a portfolio: "Territorial Administration"
        )
        if " ".join(folded) in lex.governance_bodies:
            break  # "Vice Chair of the Board": the board belongs to the title
        if low == "at" or (low in {"of", "for"} and named and rest[0][:1].isupper() and "," not in rest):
            return words[:i], " ".join(rest)
        if rest[0][:1].isupper() and _company_after(words[:i], low, rest, proper, lex):
            return words[:i], " ".join(rest).replace(" , ", ", ")
    return words, None


def _complements(words: list[str], lex):
    """(index, joiner, words after it without "the", their proper words) for each word after
    the first, while words follow: the places a title may hand its tail to an organization."""
    whole = max(
        (k for k in range(2, len(words)) if " ".join(words[:k]).casefold() in lex.folded_titles), default=1
    )
    for i, word in enumerate(words[whole:], start=whole):  # inside "Member of Parliament": no tail
        rest = words[i + 1 :]
        if rest and rest[0].casefold() == "the":
            rest = rest[1:]
        if not rest:
            return
        folded = [w.casefold() for w in rest]
        proper = [
            w for w in folded if w not in lex.portfolio and w not in lex.org_heads and w not in CONNECTORS
        ]
        yield i, word.casefold(), rest, proper


def company_of_title(title: str) -> tuple[str, str | None]:
    """A title that ends in the company it is held at, split: (title, company) or (title, None).

    >>> company_of_title("Chief Executive Officer of Agrovale")
    ('Chief Executive Officer', 'Agrovale')
    >>> company_of_title("Minister of Finance")
    ('Minister of Finance', None)
    """
    words = title.replace(",", " , ").split()
    lex = build_lexicons()
    for i, low, rest, proper in _complements(words, lex):
        if rest[0][:1].isupper() and _company_after(words[:i], low, rest, proper, lex):
            return " ".join(words[:i]), " ".join(rest).replace(" , ", ", ")
    return title, None


def _company_after(title: list[str], joiner: str, rest: list[str], proper: list[str], lex) -> bool:
    """A company named after a corporate title: "Chief Executive Officer of Agrovale" (a proper
    name, no place), "Head of Investor Relations, Hanul Chemical Co." (a legal form)."""
    if joiner == ",":
        functions = lexicon("function_words_cased")
        if all(w in functions or w.casefold() in CONNECTORS for w in rest):
            return False  # "Executive Director, Finance and Administration": a function
        if continues_list(rest, lex):
            return False  # "Minister of Fisheries, Oceans and the Coast Guard": the portfolio's list
        return "," not in rest and any(
            w.casefold() in lex.legal_forms or w.casefold() in lex.org_heads for w in rest
        )
    corporate = any(" ".join(title[k:]).casefold() in lex.corporate_titles for k in range(len(title)))
    territory = lex.gazetteer.is_place(" ".join(rest)) or rest[-1].casefold() in lexicon("admin_words")
    listed = "," in rest  # "Director of Asia, Africa and Oceania": a list is a portfolio, not a company
    # not "Chairman of Sughd Region"
    return corporate and joiner == "of" and bool(proper) and not territory and not listed


def _sender_country(words: list[str], to: int) -> str | None:
    """The country named after the last "of" before "to" ("Ambassador of India to Chile")."""
    ofs = [i for i, w in enumerate(words[:to]) if w.casefold() == "of"]
    return build_lexicons().gazetteer.country_code(" ".join(words[ofs[-1] + 1 : to])) if ofs else None


def envoy_host(title: str) -> str | None:
    """The country an envoy is sent to: the longest country name that ends the title after "to".

    >>> envoy_host("Ambassador of India to the Kingdom of Morocco"), envoy_host("Minister of Trade")
    ('MA', None)
    """
    _, to, host = title.partition(" to ")
    words = host.split() if to else []
    gazetteer = build_lexicons().gazetteer
    return next((c for i in range(len(words)) if (c := gazetteer.country_code(" ".join(words[i:])))), None)


def parse_title(text: str) -> Title | None:
    """Read a title phrase: its title, organization, qualifier and country.

    >>> parse_title("Indian External Affairs Minister")
    Title(title='External Affairs Minister', organization=None, qualifier=None, country='IN')
    >>> parse_title("Brazil's Finance Minister")
    Title(title='Finance Minister', organization=None, qualifier=None, country='BR')
    >>> parse_title("interim chief executive officer at Halden Corp.")
    Title(title='Chief Executive Officer', organization='Halden Corp.', qualifier='interim', country=None)
    >>> parse_title("President of Kazakhstan")
    Title(title='President of Kazakhstan', organization=None, qualifier=None, country='KZ')
    >>> parse_title("Director of Communications")
    Title(title='Director of Communications', organization=None, qualifier=None, country=None)
    >>> parse_title("Ambassador to the Kingdom of Sweden").country is None
    True
    >>> parse_title("Ambassador of the Republic of Korea to Uzbekistan").country
    'KR'
    >>> parse_title("United Nations Resident Coordinator in Madagascar").organization
    'United Nations'
    """
    words = text.replace(",", " , ").split()
    if words and words[0].casefold() == "the":
        words = words[1:]
    words, qualifier = _strip_qualifier(words)
    words, country = _strip_country(words)
    if qualifier is None:
        words, qualifier = _strip_qualifier(words)
    words, body = _strip_body(words)
    words, organization = _split_organization(words)
    organization = organization or body
    if not words:
        return None
    folded = [w.casefold() for w in words]
    if country is None and "to" in folded:  # an envoy's country is the sender's, not the host's
        country = _sender_country(words, folded.index("to"))
    elif country is None and len(words) > 2 and folded[-2] == "of":
        country = build_lexicons().gazetteer.country_code(words[-1])
    title = title_case(" ".join(words).replace(" , ", ", "))
    return Title(title.strip(" ,"), organization, qualifier, country)


@dataclass(frozen=True)
class Link:
    """A title mention joined to a person mention by the rule ``rule``."""

    person: Span
    title: Span
    organization: Span | None
    qualifier: str | None
    rule: str


@cache
def _link_rules():
    return family_rules("links")


class Linker:
    """The link patterns, built once per vocabulary."""

    def __init__(self, vocab):
        self.patterns = PatternSet(vocab, _link_rules())

    def __call__(self, doc: Doc) -> list[Link]:
        links: list[Link] = []
        for match in self.patterns(doc):
            links.extend(_links_in(match))
        return links


def _links_in(match: Span) -> list[Link]:
    """Every (person, title) pair one match joins, with the organization it names."""
    inside = [m for m in claims.mentions(match.doc) if match.start <= m.start and m.end <= match.end]
    people = [m for m in inside if claims.band(m.label_).fact == "PERSON"]
    titles = [m for m in inside if claims.band(m.label_).fact == "TITLE"]
    # the model's ORG guesses name no employer here ("Deputy Mayor of Erenhot")
    orgs = [
        m
        for m in inside
        if m.label_ in {"ORG", "ORG_FORM"}
        and not m.id_.startswith("org.agency")  # a credited agency is a source, never an employer
        and not any(t.start <= m.start < t.end for t in titles)
    ]
    doc = match.doc
    titles = [t for t in _joined(titles) if not (t.end < len(doc) and doc[t.end].text in POSSESSIVES)]
    if not people and (match[0].text == "(" or any(t.lower_ in PRONOUNS for t in match)):
        people = _antecedent(match)  # "She served as ...", "..., where she has been ...", "(formerly ...)"
    if len(people) != 1 or not titles:
        return []
    organization = orgs[-1] if orgs else None
    return [Link(people[0], t, organization, _qualifier(match, t), match.id_) for t in titles]


# Subjects of the pronoun links ("She previously served as ...") and of bracketed remarks
# ("(formerly Vice-Chancellor of ...)"): the person named last before them in the same paragraph
# (nominations' and appointments' biographies) or on the same line.
PRONOUNS = frozenset({"she", "he"})


def _antecedent(match: Span) -> list[Span]:
    """The last person mention before a pronoun, when no line break stands between them."""
    before = [m for m in claims.mentions(match.doc, "PERSON") if m.end <= match.start]
    if not before:
        return []
    last = before[-1]
    return [] if "\n" in doc_text(match.doc)[last.end_char : match.start_char] else [last]


def _qualifier(match: Span, title: Span) -> str | None:
    """ "former" for a former-role rule, else a qualifier word within three tokens before the
    title ("will serve as interim CEO"; "to be Ambassador": a nominee), never one belonging to
    another title of the match."""
    if match.label_ == "ROLE_FORMER":
        return "former"
    qualifiers = build_lexicons().qualifiers
    before = [t.lower_ for t in match.doc[max(match.start, title.start - 3) : title.start]]
    for i in reversed(range(len(before))):
        if before[i] in qualifiers:
            return qualifiers[before[i]]
        if i and before[i - 1 : i + 1] == NOMINATION_CUE:
            return "nominee"
    return None


# "NAME, ..., to be TITLE" puts a nominee forward for a post (the corpus convention); read in a
# link's words only, never as part of a title phrase (where "to be" would open a title).
NOMINATION_CUE = ["to", "be"]


def _joined(titles: list[Span]) -> list[Span]:
    """Title mentions that touch are one title ("Representative Director")."""
    joined: list[Span] = []
    for title in titles:
        if joined and joined[-1].end == title.start:
            last = joined.pop()
            title = Span(title.doc, last.start, title.end, label=last.label_, span_id=last.id_)
        joined.append(title)
    return joined


@cache
def build_linker(vocab) -> Linker:
    """One linker per vocabulary (per process, in practice)."""
    return Linker(vocab)


def find_links(doc: Doc) -> list[Link]:
    """Links of the resolved mentions of ``doc`` (call after :func:`claims.resolve`)."""
    return build_linker(doc.vocab)(doc)


def with_owners_in_titles(doc: Doc, person: Person) -> Person:
    """The person with the employer of each role that the title's words name: a possessive
    before it ("the Bank's Director General") or an international body opening it ("United
    Nations Resident Coordinator in Madagascar": the title without the body, which employs)."""
    roles = []
    for role in person.roles:
        if role.organization is not None:
            roles.append(role)
            continue
        words, body = _strip_body(role.title.split())
        if body is not None:
            cut = role.span.text.find(words[0], len(body))
            start = role.span.start + cut
            evidence = Evidence(start, role.span.end, role.span.text[cut:])
            roles.append(replace(role, title=" ".join(words), organization=body, span=evidence))
            continue
        title = doc.char_span(role.span.start, role.span.end, alignment_mode="expand")
        owner = possessive_owner(title) if title is not None else None
        roles.append(replace(role, organization=owner) if owner else role)
    return replace(person, roles=tuple(roles))


def possessive_owner(title: Span) -> str | None:
    """The organization a title's possessive names by its head word alone: in "said Ana Ruiz, the
    Bank's Director General", the first organization before it whose name holds "Bank" (the
    African Development Bank of a development bank's release; "the Company's" in appointments).
    """
    doc, start = title.doc, title.start
    if start < 3 or doc[start - 1].text not in POSSESSIVES or doc[start - 3].lower_ != "the":
        return None
    head = doc[start - 2]
    if not head.text[:1].isupper() or head.lower_ not in build_lexicons().org_heads:
        return None
    before = [m for m in claims.mentions(doc, "ORG") if m.end <= start - 3 and len(m) > 1]
    named = next((m for m in before if any(t.lower_ == head.lower_ for t in m)), None)
    if named is None:
        return None
    org = normalize_org(named.text)
    return org.name if org is not None else None


def is_national_office(title: str, lex) -> bool:
    """A national government office by its head: the longest lexicon title that ends the words
    before the first complement.

    >>> from pressfeed.lexicons import build_lexicons
    >>> lex = build_lexicons()
    >>> titles = ("Deputy Minister of Trade", "Company Secretary", "Governor of Sughd")
    >>> [is_national_office(t, lex) for t in titles]
    [True, False, False]
    """
    words = re.split(r"\s+(?:of|for|to|in|at|on)\s+|,", title, maxsplit=1)[0].split()
    titles = {t.casefold() for t in lex.titles}
    for start in range(len(words)):
        head = " ".join(words[start:]).casefold()
        if head in titles:
            return head in lex.national_titles
    return False


def with_home_country(person: Person, country: str | None, lex) -> Person:
    """Roles of national offices with no country of their own take ``country`` (the dateline's),
    unless the role names an organization that is not a state body."""
    if country is None:
        return person
    roles = tuple(
        replace(r, country=country)
        if r.country is None
        and is_national_office(r.title, lex)
        and _state_or_none(r.organization, lex)
        and envoy_host(r.title) != country  # "Ambassador to Kenya" in Nairobi is a foreign envoy
        else r
        for r in person.roles
    )
    return replace(person, roles=roles) if roles != person.roles else person


def _state_or_none(organization: str | None, lex) -> bool:
    return organization is None or any(w.casefold() in lex.state_org_heads for w in organization.split())


def without_place_employers(person: Person, lex) -> Person:
    """A place read as a title's owner ("Minas Gerais State Secretary for Economic
    Development") is no organization: a country becomes the role's country. Run after
    :func:`with_home_country`, which a subnational owner keeps from a provincial minister."""
    roles = tuple(_place_is_no_employer(r, lex) for r in person.roles)
    return replace(person, roles=roles) if roles != person.roles else person


def names_a_place(name: str, lex) -> bool:
    """A title's owner that is a place, not an organization ("Minas Gerais State Secretary")."""
    return lex.gazetteer.is_place(name) and not any(w.casefold() in lex.org_heads for w in name.split())


def _place_is_no_employer(role, lex):
    org = role.organization
    if not org or not names_a_place(org, lex):
        return role
    return replace(role, organization=None, country=role.country or lex.gazetteer.country_code(org))


def issuer_name(names: list[str], headline: str | None) -> str | None:
    """The company a corporate release is about: the first of ``names`` (in text order) with a
    legal form whose name without it stands in the headline.

    >>> names = ["Port of Houston Authority", "Halverstad Logistics N.V.", "Royal Vopak"]
    >>> issuer_name(names, "Halverstad Logistics appoints Ingrid van der Linde as CFO")
    'Halverstad Logistics N.V.'
    >>> issuer_name(names, "Port authority appoints a new CFO") is None
    True
    >>> issuer_name(["Lyttelton Port Company Limited"], "Lyttelton Port to close a berth")
    'Lyttelton Port Company Limited'

    A headline may name the company by its first words only ("Qingyuan New Energy" for
    Qingyuan New Energy Technology Co., Ltd.):

    >>> issuer_name(["Qingyuan New Energy Technology Co., Ltd."], "Qingyuan New Energy Starts Production")
    'Qingyuan New Energy Technology Co., Ltd.'
    """
    if not headline:
        return None
    folded = headline.casefold()
    for name in names:
        form = legal_form(name)
        base = name[: -len(form)].rstrip(" ,") if form else ""
        short = re.sub(r"\s+(?:Company|Group|Holdings|Corporation|Co\.)$", "", base)
        lead = " ".join(short.split()[:3])  # the headline may name it by its first words
        named = base.casefold() in folded or any(" " in s and s.casefold() in folded for s in (short, lead))
        if base and named:
            return name
    return None


def is_corporate_title(title: str, lex) -> bool:
    """A company post by its head: a corporate lexicon title opens or ends the words before the
    first comma ("Chief Financial Officer", "Group Chief Executive Officer", "Chair of the Board").

    >>> from pressfeed.lexicons import build_lexicons
    >>> lex = build_lexicons()
    >>> [is_corporate_title(t, lex) for t in ("Group Chief Financial Officer", "Minister of Energy")]
    [True, False]
    """
    head, _, function = title.partition(",")
    words = head.split()
    phrases = {" ".join(words[k:]).casefold() for k in range(len(words))}
    phrases |= {" ".join(words[: k + 1]).casefold() for k in range(len(words))}
    return bool(phrases & lex.corporate_titles) or _names_business_function(function.split())


def _names_business_function(words: list[str]) -> bool:
    """A company function after the title's comma ("Vice President, Communications", "Senior
    Vice President, Finance and Treasury"): the post is a company's.

    >>> _names_business_function("Finance and Treasury".split()), _names_business_function([])
    (True, False)
    """
    functions = lexicon("function_words_cased")
    return bool(words) and all(w in functions or w.casefold() in CONNECTORS for w in words)


def with_issuer_employer(person: Person, issuer: str | None, contact: list[tuple[int, int]], lex) -> Person:
    """Company posts that name no organization are held at the release's issuer ("Its board has
    appointed X as Chief Financial Officer" in a release about Halverstad Logistics N.V.),
    unless the post is former. In a contact block (the ranges of ``contact``), where agencies
    sign too, only a post named by a company function is ("Head of Communications", "Vice
    President, Investor Relations"; not an agency's "Senior Partner")."""
    if issuer is None:
        return person
    functions = lexicon("function_words_cased")

    def takes_issuer(role) -> bool:
        in_contact = any(s <= role.span.start < e for s, e in contact)
        by_function = any(w in functions for w in role.title.replace(",", " ").split())
        return role.organization is None and role.qualifier != "former" and (by_function or not in_contact)

    roles = tuple(
        replace(r, organization=issuer) if takes_issuer(r) and is_corporate_title(r.title, lex) else r
        for r in person.roles
    )
    return replace(person, roles=roles) if roles != person.roles else person
