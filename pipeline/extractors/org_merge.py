"""Passes over one article's organizations once every name is found: the entity layer runs
them in order (``entities.py``).

Names certain by their form replace the model's cut ones (:func:`merge_certain_forms`); a
bracketed acronym joins the name before it (:func:`adopt_acronyms`); a name that opens a longer
one is its short form (:func:`merge_short_forms`); portfolios named inside role titles
(:func:`drop_portfolios`) and fragments of longer names (:func:`drop_fragments`) go.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Span

from ..lexicons import Lexicons
from ..record import Organization, Role
from .org_countries import is_international
from .org_names import COMPLEMENT_RE, agency_country, legal_form, normalize_org
from .org_words import initials, legal_form_words
from .patterns import lexicon
from .tokens import doc_text, find_mentions, literal_occurrences

# A portfolio follows "Minister of", "Secretary for", "Vice-President for", "Director for".
PORTFOLIO_BEFORE_RE = re.compile(r"(?:\b(?:Minister|Secretary|Commissioner)s? of|[A-Z][\w-]* for) $")
BRACKETED_ACRONYM_RE = re.compile(
    r"\s*\((?P<acronym>(?=[A-Za-z&]*[A-Z][A-Za-z&]*[A-Z])[A-Za-z&]{2,8})\)"
)  # " (EVN)", not " (Norway)"


def outside_name(doc: Doc, name: str, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The ranges of ``taken`` that lie outside every occurrence of ``name``: a person the name
    grammar read inside a name certain by its form ("Aravalli Infraprojects" of "Aravalli
    Infraprojects Ltd.") does not hide the organization."""
    spans = literal_occurrences(doc_text(doc), name)
    return [(s, e) for s, e in taken if not any(a <= s and e <= b for a, b in spans)]


def drop_portfolios(
    doc: Doc, organizations: list[Organization], roles: list[Role], lex: Lexicons
) -> list[Organization]:
    """Portfolios and units named only inside role titles that do not name them as their
    organization, or right after "Minister of": "Minister of Territorial Administration",
    "Deputy General Director for Retail Banking", "Director of the Asia Department" (an
    organization word keeps a name that is no unit or portfolio: "United Nations Resident
    Coordinator", "CEO of Nama Water Services")."""
    employers = {r.organization.casefold() for r in roles if r.organization}
    text = doc_text(doc)

    def portfolio_mention(org: Organization, m) -> bool:
        after_title = bool(PORTFOLIO_BEFORE_RE.search(text[: m.start]))
        in_role = any(r.span.start <= m.start and m.end <= r.span.end for r in roles)
        portfolio = _is_portfolio(org.name, lex)
        return (in_role and (portfolio or after_title)) or (after_title and portfolio)

    def after_titles(org: Organization) -> bool:  # "Director for Retail Banking", even as an employer
        return _is_portfolio(org.name, lex) and all(
            PORTFOLIO_BEFORE_RE.search(text[: m.start]) for m in org.mentions
        )

    return [
        org
        for org in organizations
        if not after_titles(org)
        and (org.name.casefold() in employers or not all(portfolio_mention(org, m) for m in org.mentions))
    ]


def _is_portfolio(name: str, lex: Lexicons) -> bool:
    """No organization word ("Retail Banking"), or a unit's ("Asia Department")."""
    words = name.split()
    if is_international(name):
        return False
    if words[-1].casefold() in lexicon("unit_heads") and not COMPLEMENT_RE.search(name):
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


APPOSITION_RE = re.compile(r",\s+the\s+")  # "UNHCR, the UN Refugee Agency, ..."


def adopt_appositions(doc: Doc, organizations: list[Organization]) -> list[Organization]:
    """A name in apposition after an acronym ("UNHCR, the UN Refugee Agency, and ...": UN,
    advisory) describes the organization the acronym names: it is an alias, not an organization
    of its own. An expansion of the acronym's letters is left to the acronym passes."""
    text = doc_text(doc)
    # a described name closed by a comma: "UNHCR, the UN Refugee Agency, and"; not a list
    # ("UNICEF, the Food and Agriculture Organization and the ...")
    starts = {m.start: org for org in organizations for m in org.mentions if text[m.end : m.end + 1] == ","}
    adopted: dict[int, Organization] = {}  # id of the described organization -> the acronym's
    for org in organizations:
        if not (org.name.isupper() and 2 <= len(org.name) <= 8):
            continue
        for m in org.mentions:
            match = APPOSITION_RE.match(text, m.end)
            described = starts.get(match.end()) if match else None
            if described is not None and described is not org and initials(described.name) != org.name:
                adopted.setdefault(id(described), org)
    if not adopted:
        return organizations
    result = []
    for org in organizations:
        if id(org) in adopted:
            continue
        described = [o for o in organizations if adopted.get(id(o)) is org]
        if described:
            mentions = tuple(
                sorted(
                    {*org.mentions, *(m for o in described for m in o.mentions)},
                    key=lambda m: (m.start, m.end),
                )
            )
            org = replace(org, mentions=mentions, aliases=org.aliases + tuple(o.name for o in described))
        result.append(org)
    return result


def merge_short_forms(organizations: list[Organization], lex: Lexicons) -> list[Organization]:
    """A name that opens a longer one is its short form ("Vaalkrans" of "Vaalkrans Gold
    Limited", "Aldercrest Energy Systems" of "Aldercrest Energy Systems, Inc."), unless it is
    an organization of its own ("Ministry of Energy", not "Ministry of Energy and Infrastructure");
    so is a name that ends a longer one after a national word ("Coast Guard" of "Canadian Coast
    Guard", "Navy" of "Royal Australian Navy")."""
    merged = list(organizations)
    for short in organizations:
        full = next((o for o in merged if o is not short and _short_form_of(short.name, o.name, lex)), None)
        if full is None:
            continue
        mentions = tuple(sorted({*full.mentions, *short.mentions}, key=lambda m: (m.start, m.end)))
        aliases = full.aliases + (short.name,) if short.name not in full.aliases else full.aliases
        merged = [
            replace(o, mentions=mentions, aliases=aliases) if o is full else o
            for o in merged
            if o is not short
        ]
    return merged


def _short_form_of(short: str, full: str, lex: Lexicons) -> bool:
    if short.isupper() and 2 <= len(short) <= 6 and initials(full) == short and len(full.split()) > 1:
        return True  # "UN" of "United Nations" named by its form (an international body)
    if full.endswith(" " + short) and _national(full[: -len(short)], lex):
        return True  # "Coast Guard" of "Canadian Coast Guard", "Navy" of "Royal Australian Navy"
    if not full.startswith(short + " ") and not full.startswith(short + ", "):
        return False
    rest = full[len(short) :].lstrip(" ,")
    return rest in legal_form_words() or not any(_is_head_word(w, lex) for w in short.split())


def _national(prefix: str, lex: Lexicons) -> bool:
    """Words before a name that only say whose it is: a demonym or country among them
    ("Canadian", "Royal Australian", "Indian"; award style)."""
    words = prefix.split()
    return bool(words) and any(
        lex.gazetteer.demonym_country(w) or lex.gazetteer.country_code(w) for w in words
    )


def drop_fragments(organizations: list[Organization]) -> list[Organization]:
    """Organizations without a mention of their own: every mention inside a longer name
    ("Trade Insurance Corporation" of "Korea Trade Insurance Corporation")."""
    ranges = [(o, m.start, m.end) for o in organizations for m in o.mentions]
    return [
        org
        for org in organizations
        if not all(
            any(
                other is not org and s <= m.start and m.end <= e and e - s > m.end - m.start
                for other, s, e in ranges
            )
            for m in org.mentions
        )
    ]
