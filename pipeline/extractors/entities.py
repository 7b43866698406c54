"""People, organizations and places of one doc, read off the claims registry.

Order of work: the name grammar (:mod:`people`) proposes people, whose mentions join the
registry as ``PERSON`` candidates (source ``grammar``); after :func:`claims.resolve` the
pattern mentions correct them (a pattern name replaces a grammar name it overlaps, a title
pattern's country and portfolio replace a shorter title), the linkers attach titles, vetoes
drop what is not an organization, and place patterns add places named with their
administrative word or facility word. Places and organizations are one entry each, named in
full, other forms kept as aliases.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span

from ..lexicons import Lexicons
from ..record import Location, Organization, Person, Role
from ..record import Span as Evidence
from . import claims, finders
from .locations import canonical_locations, find_locations, find_place_lists, list_tokens, pattern_places
from .names import parse_person_name
from .org_countries import assign_countries, build_setting
from .org_merge import (
    BRACKETED_ACRONYM_RE,
    adopt_acronyms,
    adopt_appositions,
    drop_fragments,
    drop_portfolios,
    merge_certain_forms,
    merge_short_forms,
)
from .org_names import normalize_org
from .organizations import find_organizations, split_conjoined, written_case
from .people import Draft, find_people, finish_person, shortened
from .roles import Link, find_links, names_a_place, parse_title, with_owners_in_titles
from .titles import format_title
from .tokens import doc_text, hyphen_bounded_occurrences, trim_the, without_bracketed_tail

NO_NEW_LABELS = ("NO_NEW", "BOILERPLATE", "MONEY", "DATE")
VETO_LABELS = frozenset({"NOT_ENTITY", "INSTRUMENT"})  # claims that no entity stands in
# Vetoes of names listed one by one (data/funding_instruments.tsv): they hold even against a
# form certain by its bracketed acronym ("European Regional Development Fund (ERDF)"), which
# vetoes by a head word ("... Programme") do not ("World Food Programme (WFP)").
NAMED_VETOES = frozenset({"not.funding_instrument"})


@dataclass(frozen=True)
class Entities:
    people: tuple[Person, ...]
    organizations: tuple[Organization, ...]
    locations: tuple[Location, ...]


def _overlaps(a: Evidence | Span, b: Evidence | Span) -> bool:
    return _start(a) < _end(b) and _start(b) < _end(a)


def _start(x) -> int:
    return x.start_char if isinstance(x, Span) else x.start


def _end(x) -> int:
    return x.end_char if isinstance(x, Span) else x.end


def find_entities(doc: Doc, lex: Lexicons, *, dateline: Span | None, region: Span | None = None) -> Entities:
    """People, organizations and locations; the registry must hold every other candidate.
    ``dateline`` and ``region`` are the dateline's place and the region after it ("Ontario")."""
    unquoted = claims.claimed_tokens(doc, ["BOILERPLATE"])
    pattern_people = finders.pattern_mentions(doc, "PERSON", "name.")
    blocked = claims.claimed_tokens(doc, NO_NEW_LABELS) | claims.claimed_tokens(doc, ["NOT_ENTITY"])
    blocked |= {
        i for m in finders.pattern_mentions(doc, "PLACE", "place.facility") for i in range(m.start, m.end)
    }
    person_tokens = {i for m in pattern_people for i in range(m.start, m.end)}
    place_lists = find_place_lists(doc, lex)
    list_members = list_tokens(place_lists) - blocked - person_tokens
    grammar = find_people(doc, lex, excluded=blocked | list_members, unquoted=unquoted)
    claims.add_chars(doc, [(m.start, m.end) for p in grammar for m in p.mentions], "PERSON", "grammar")
    claims.resolve(doc)
    people = [
        with_owners_in_titles(doc, p) for p in _reconcile_people(doc, grammar, find_links(doc), unquoted)
    ]
    person_ranges = [(m.start, m.end) for p in people for m in p.mentions]
    role_orgs = [
        r.organization
        for p in people
        for r in p.roles
        if r.organization and r.organization[:1].isupper() and not names_a_place(r.organization, lex)
    ]
    organizations = find_organizations(
        doc,
        lex,
        role_orgs=role_orgs,
        taken=person_ranges,
        excluded=claims.claimed_tokens(doc, ["NO_NEW", "BOILERPLATE", "MONEY"]),  # "AED 0.12": a currency
        unquoted=unquoted,
        list_members=list_members,
    )
    organizations = _reconcile_organizations(doc, organizations, person_ranges, unquoted, lex)
    organizations = drop_portfolios(doc, organizations, [r for p in people for r in p.roles], lex)
    people = [_canonical_employers(p, organizations) for p in people]
    org_ranges = [(m.start, m.end) for o in organizations for m in o.mentions]
    locations = find_locations(
        doc,
        lex,
        lists=place_lists,
        taken=person_ranges + org_ranges,
        excluded=claims.claimed_tokens(doc, ["NO_NEW", "BOILERPLATE"]),
        unquoted=unquoted,
        dateline=tuple(s for s in (dateline, region) if s is not None),
    )
    vetoes = claims.mentions(doc, "NONE")
    locations = [loc for loc in locations if not _all_vetoed(loc.mentions, vetoes)]
    locations += pattern_places(doc, lex, locations, person_ranges + org_ranges, unquoted)
    places = canonical_locations(locations, lex)
    # Organization countries read the places the article names (org_countries.py).
    setting = build_setting(places, _dateline_country(dateline, places, lex), people)
    organizations = assign_countries(doc, organizations, lex, setting)
    return Entities(tuple(people), tuple(organizations), places)


def _dateline_country(dateline: Span | None, places: tuple[Location, ...], lex: Lexicons) -> str | None:
    if dateline is None:
        return None
    place = next((p for p in places if any(m.start == dateline.start_char for m in p.mentions)), None)
    return place.country if place is not None else lex.gazetteer.place_country(dateline.text)


def _canonical_employers(person: Person, organizations: list[Organization]) -> Person:
    """Each role's organization under the name the article's organization entry has: an alias
    or a shorter form becomes the full name ("ADB" -> "Asian Development Bank", "Vaalkrans" ->
    "Vaalkrans Gold Limited")."""
    roles = tuple(
        replace(r, organization=canonical_org_name(r.organization, organizations)) if r.organization else r
        for r in person.roles
    )
    return replace(person, roles=roles) if roles != person.roles else person


def canonical_org_name(name: str, organizations: list[Organization]) -> str:
    """The full name of the organization ``name`` stands for, else ``name``.

    >>> orgs = [Organization("Vaalkrans Gold Limited", None, ()),
    ...         Organization("Asian Development Bank", None, (), aliases=("ADB",))]
    >>> [canonical_org_name(n, orgs) for n in ("ADB", "Vaalkrans", "Eskom")]
    ['Asian Development Bank', 'Vaalkrans Gold Limited', 'Eskom']
    """
    folded = name.casefold()
    exact = [o for o in organizations if folded in {o.name.casefold(), *(a.casefold() for a in o.aliases)}]
    if exact:
        return exact[0].name
    longer = [o for o in organizations if o.name.casefold().startswith(folded + " ")]
    return max(longer, key=lambda o: len(o.name)).name if longer else name


def _all_vetoed(
    mentions, vetoes: list[Span], acronyms: frozenset[str] = frozenset(), lex: Lexicons | None = None
) -> bool:
    """Every mention lies in a veto or opens with the acronym bracketed after one ("CEF",
    "CEF Transport" of "the Connecting Europe Facility (CEF)"; not "CEF Coordination
    Committee", which an organization word follows)."""
    real = [v for v in vetoes if v.label_ in VETO_LABELS]
    return bool(mentions) and all(
        (m.text.split()[0] in acronyms and (lex is None or _no_head_after_first(m.text, lex)))
        or any(_overlaps(m, v) for v in real)
        for m in mentions
    )


def _vetoed_acronyms(doc: Doc, vetoes: list[Span]) -> frozenset[str]:
    """The acronyms bracketed right after a vetoed name share its veto: "CEF" of "the
    Connecting Europe Facility (CEF)" is no organization either (commission, devbank)."""
    text = doc_text(doc)
    found = (BRACKETED_ACRONYM_RE.match(text, v.end_char) for v in vetoes if v.label_ in VETO_LABELS)
    return frozenset(m["acronym"] for m in found if m)


def _is_vetoed_name(form: Span, vetoes: list[Span]) -> bool:
    """The certain form is a vetoed name with at most its bracketed acronym: "European Regional
    Development Fund (ERDF)" is a funding instrument still, "CEF Coordination Committee" is not."""
    name = trim_the(without_bracketed_tail(form))
    return any(v.start == name.start and v.end == name.end for v in vetoes)


def _no_head_after_first(name: str, lex: Lexicons) -> bool:
    """No organization word follows the first word: "CEF Transport" is a strand of a vetoed
    instrument, "CEF Coordination Committee" a body of its own."""
    return not any(w.casefold() in lex.org_heads for w in name.split()[1:])


def _reconcile_people(doc: Doc, grammar: list[Person], links: list[Link], unquoted: set[int]) -> list[Person]:
    """People whose mention the resolver kept: a grammar name survives only where its own
    candidate won (a longer pattern name, a title or an organization form beat it), is no
    acronym ("NASA" after a title and a comma), and pattern names join; linkers add roles."""
    resolved = claims.mentions(doc, "PERSON")
    pattern_people = [m for m in resolved if m.id_.startswith("name.")]
    won = [m for m in resolved if m.id_ == "grammar"]
    kept = [
        p for p in grammar if not p.name.isupper() and any(_overlaps(m, w) for m in p.mentions for w in won)
    ]
    for span in pattern_people:
        owner = next((p for p in kept if any(_overlaps(m, span) for m in p.mentions)), None)
        if owner is not None and len(owner.name) >= len(span.text):
            continue
        # the grammar's reading of the same name, kept or not, lends its roles and aliases
        lender = owner or next((p for p in grammar if any(_overlaps(m, span) for m in p.mentions)), None)
        person = _pattern_person(doc, span, lender, unquoted)
        kept = [p for p in kept if p is not owner]
        if person.mentions:
            kept.append(person)
    for link in links:
        kept = [
            _with_link(p, link) if any(_overlaps(m, link.person) for m in p.mentions) else p for p in kept
        ]
    named = _organization_forms(doc)
    kept = [p for p in kept if not _names_an_organization(p.name, named)]
    return sorted(kept, key=lambda p: p.mentions[0].start if p.mentions else 0)


def _organization_forms(doc: Doc) -> list[str]:
    """Names and aliases of the organizations certain by their form (a legal form, a bracketed
    acronym): "Aravalli Infraprojects Ltd.", "Hoàn Kiếm Commercial Joint Stock Bank (HKBank)"."""
    forms = []
    for span in finders.pattern_mentions(doc, "ORG", "org."):
        if span.label_ == "ORG_FORM" and (org := normalize_org(span.text)) is not None:
            forms += [org.name, *org.aliases]
    return forms


def _names_an_organization(name: str, forms: list[str]) -> bool:
    """A "person" that is an organization's name, its acronym or the words before its legal
    form ("Aravalli Infraprojects" of "Aravalli Infraprojects Ltd.", "Khan Altai" of "Khan Altai
    Mining JSC").

    >>> _names_an_organization("Khan Altai", ["Khan Altai Mining JSC"])
    True
    >>> _names_an_organization("Henry Ford", ["Ford Motor Company"])
    False
    """
    return any(hyphen_bounded_occurrences(form, name) for form in forms)


def _pattern_person(doc: Doc, span: Span, owner: Person | None, unquoted: set[int]) -> Person:
    """A person named by a name pattern, taking over the shorter grammar person it overlaps.

    Later mentions use the family name, a peer's "Lord X" (never "X of Y" alone)."""
    parsed = parse_person_name(span.text)
    aliases = []
    if parsed is not None and parsed.peerage and parsed.honorific:
        aliases.append(f"{parsed.honorific} {parsed.family}")
    elif parsed is not None and parsed.family != span.text:
        aliases.append(parsed.family)
    roles = [_clipped(doc, r, span.start_char) for r in owner.roles] if owner else []
    if owner is not None:
        aliases += [owner.name, *owner.aliases]
    draft = Draft(span.text, tuple(span.text.casefold().split()), roles, aliases)
    return finish_person(doc, draft, unquoted)


def _clipped(doc: Doc, role: Role, name_start: int) -> Role:
    """The role without the words the name pattern took from its end: the grammar read
    "Minister of International Development Halvard" before "B. Moen"; the pattern's name is
    "Halvard B. Moen", so the title ends before it."""
    if not role.span.start < name_start < role.span.end:
        return role
    title = doc.char_span(role.span.start, name_start, alignment_mode="contract")
    if title is None or not title.text.strip():
        return role
    title = title[:-1] if title[-1].is_space else title
    return replace(
        role, title=format_title(title), span=Evidence(title.start_char, title.end_char, title.text)
    )


def _with_link(person: Person, link: Link) -> Person:
    """The person with the linked role: it replaces a role whose span it contains."""
    title = parse_title(link.title.text)
    if title is None:
        return person
    span = Evidence(link.title.start_char, link.title.end_char, link.title.text)
    organization = title.organization
    if link.organization is not None and (org := normalize_org(link.organization.text)):
        organization = org.name
    role = Role(title.title, organization, title.country, span, link.qualifier or title.qualifier)
    roles = [
        r
        for r in person.roles
        if not (span.start <= r.span.start and r.span.end <= span.end and r.span != span)
    ]
    roles = [_owner_apart(r, role, link.title.doc) for r in roles]
    same = [r for r in roles if r.title.casefold() == role.title.casefold() or _overlaps(r.span, span)]
    if same:
        merged = [
            replace(
                r, organization=r.organization or role.organization, qualifier=r.qualifier or role.qualifier
            )
            if r in same
            else r
            for r in roles
        ]
        return replace(person, roles=tuple(merged))
    if any(shortened(role.title, r.title) for r in roles):
        return replace(person, roles=tuple(roles))  # "Minister" of a later "Minister Mabaso said"
    return replace(person, roles=tuple(r for r in roles if not shortened(r.title, role.title)) + (role,))


def _owner_apart(old: Role, linked: Role, doc: Doc) -> Role:
    """A grammar title that reads an organization before the title into it ("United Nations
    Resident Coordinator", "Ministry of Energy Secretary") gives way to the linked title the
    registry cut after that organization, which becomes the employer."""
    inside = old.span.start < linked.span.start and linked.span.end == old.span.end
    if not inside:
        return old
    owner = next(
        (m for m in claims.mentions(doc, "ORG") if m.start_char == old.span.start and m.label_ == "ORG_FORM"),
        None,
    )
    if owner is None or owner.end_char > linked.span.start:
        return old
    organization = old.organization or (org.name if (org := normalize_org(owner.text)) else owner.text)
    return replace(linked, organization=linked.organization or organization, qualifier=old.qualifier)


def _reconcile_organizations(
    doc: Doc,
    organizations: list[Organization],
    taken: list[tuple[int, int]],
    unquoted: set[int],
    lex: Lexicons,
) -> list[Organization]:
    """Vetoes and title patterns drop organizations; organization patterns name them in full.

    A veto that lost its words to a title still vetoes an organization ("the General
    Assembly" after a "General" read as a title); only a name certain by its form beats it."""
    vetoes = [v for v in claims.mentions(doc, "NONE") if v.label_ in VETO_LABELS]
    candidates = [v for v in doc.spans.get(claims.CANDIDATES_KEY, []) if v.label_ in VETO_LABELS]
    named = [v for v in candidates if v.id_ in NAMED_VETOES]
    certain = [
        part
        for m in claims.mentions(doc, "ORG")
        if m.label_ == "ORG_FORM"
        for part in split_conjoined(m, lex)
        if not _is_vetoed_name(part, named)
    ]
    vetoes += [v for v in candidates if not any(_overlaps(v, c) for c in certain)]
    titles = finders.pattern_mentions(doc, "TITLE", "title.")
    inside_title = [t for t in titles if not t.id_.startswith(("title.head", "title.phrase"))]
    acronyms = _vetoed_acronyms(doc, vetoes)
    kept = [
        o
        for o in organizations
        if not _all_vetoed(o.mentions, vetoes, acronyms, lex)
        and not all(
            any(t.start_char <= m.start and m.end <= t.end_char for t in inside_title) for m in o.mentions
        )
    ]
    forms = finders.pattern_mentions(doc, "ORG", ("org.", "layout:"))  # layout: a header's office
    forms = [split_conjoined(m, lex)[-1] for m in forms if m.label_ == "ORG_FORM"]
    forms = [f for f in forms if not _is_vetoed_name(f, named)]
    kept = merge_certain_forms(doc, kept, forms, taken, unquoted, lex)
    kept = merge_short_forms(adopt_appositions(doc, adopt_acronyms(doc, kept, taken, unquoted)), lex)
    kept = [replace(o, name=written_case(doc, o.name)) for o in drop_fragments(kept)]
    return sorted(kept, key=lambda o: o.mentions[0].start)
