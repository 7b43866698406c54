"""The pure core: ``extract(text, meta, nlp=...) -> Record``.

This is the one place where the extractors' facts meet: layout first, then people (so their
names are not taken for places), organizations, locations, money, dates (after money, so
amounts are not read as dates) and quantities (after both). No I/O, no clock, no hidden state.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from datetime import date
from functools import partial

from spacy.language import Language
from spacy.tokens import Doc

from .components.article import LAYOUT_KEY
from .extractors.dates import (
    date_setting,
    find_candidates,
    find_dates,
    infer_publication,
    latest_past_anchor,
)
from .extractors.money import find_amounts_in_text, implausible_pairs
from .extractors.people import find_people
from .extractors.places import find_locations, find_organizations, find_place_lists, list_tokens
from .extractors.quantities import Lemmatize, find_quantities, plain_lemma
from .extractors.tokens import doc_text
from .lexicons import build_lexicons
from .nlp import lemma
from .record import Dateline, Record, Source
from .record import Span as Evidence

NO_NEW_NAMES = frozenset({"headline", "heading", "boilerplate", "dateline"})


@dataclass(frozen=True)
class Meta:
    """What is known about an article besides its text."""

    id: str
    title: str | None = None
    url: str | None = None
    path: str | None = None
    published: str | None = None
    published_source: str = "metadata"


def extract(text: str, meta: Meta, *, nlp: Language) -> Record:
    """Extract every fact of one article.

    Args:
        text: the article as given; every span in the record indexes into it.
        meta: id, title, url, path and publication date when known.
        nlp: the pipeline from :func:`pressfeed.nlp.build_nlp`.
    """
    return extract_doc(nlp(text), meta, lemmatize=partial(lemma, nlp=nlp))


def extract_doc(doc: Doc, meta: Meta, *, lemmatize: Lemmatize = plain_lemma) -> Record:
    """Extract every fact from an already processed ``doc`` (batch code pipes the docs).

    Args:
        lemmatize: lemma of a token, for counted nouns ("universities" -> "university").
    """
    lex = build_lexicons()
    layout = list(doc.spans.get(LAYOUT_KEY, []))
    boilerplate = [s for s in layout if s.label_ == "boilerplate"]
    skip = [(s.start_char, s.end_char) for s in boilerplate]
    unquoted = {i for s in boilerplate for i in range(s.start, s.end)}
    no_new = {i for s in layout if s.label_ in NO_NEW_NAMES for i in range(s.start, s.end)}
    headline = next((s for s in layout if s.label_ == "headline"), None)
    place_span = next((s for s in layout if s.label_ == "dateline_place"), None)

    place_lists = find_place_lists(doc, lex)
    list_members = list_tokens(place_lists) - no_new
    people = find_people(doc, lex, excluded=no_new | list_members, unquoted=unquoted)
    person_ranges = [(m.start, m.end) for p in people for m in p.mentions]
    role_orgs = [
        r.organization for p in people for r in p.roles if r.organization and r.organization[:1].isupper()
    ]
    organizations = find_organizations(
        doc,
        lex,
        role_orgs=role_orgs,
        taken=person_ranges,
        excluded=no_new,
        unquoted=unquoted,
        list_members=list_members,
    )
    org_ranges = [(m.start, m.end) for o in organizations for m in o.mentions]
    locations = find_locations(
        doc,
        lex,
        lists=place_lists,
        taken=person_ranges + org_ranges,
        excluded=no_new,
        unquoted=unquoted,
        dateline=place_span,
    )

    dateline = None
    if place_span is not None:
        place_name = next(
            (loc.name for loc in locations if any(m.start == place_span.start_char for m in loc.mentions)),
            place_span.text.title(),
        )
        dateline = Dateline(
            place_name,
            lex.gazetteer.place_country(place_name),
            Evidence(place_span.start_char, place_span.end_char, place_span.text),
        )

    hints = _country_hints(dateline, locations)
    amounts = find_amounts_in_text(doc_text(doc), dateline=_country_of(dateline), mentioned=hints, skip=skip)
    amount_ranges = [(a.span.start, a.span.end) for a in amounts]
    candidates = find_candidates(doc, skip=skip + amount_ranges)
    warnings = list(implausible_pairs(doc_text(doc), amounts))

    published, published_source = meta.published, meta.published_source if meta.published else None
    if published is None:
        inferred, published_source, note = infer_publication(doc, candidates)
        published = inferred.isoformat() if inferred else None
        if note:
            warnings.append(note)
    base = date.fromisoformat(published) if published else None
    anchor = latest_past_anchor(candidates) if base is None else None
    setting = date_setting(doc_text(doc), hints, tuple(a.currency for a in amounts))
    dates = find_dates(doc, candidates, base, anchor=anchor, setting=setting)
    if base is None:
        warnings.append(
            "no publication date: relative dates are left out"
            + (f"; year-less dates take their year from {anchor}, the latest past date" if anchor else "")
        )
    date_ranges = [(d.span.start, d.span.end) for d in dates]
    quantities = find_quantities(
        doc, skip=skip + amount_ranges + date_ranges, money=amount_ranges, lemmatize=lemmatize
    )

    if headline is not None:
        inside = (headline.start_char, headline.end_char)
        amounts = _drop_headline_repeats(amounts, inside, lambda a: (a.value, a.currency))
        dates = _drop_headline_repeats(dates, inside, lambda d: d.value)
        quantities = _drop_headline_repeats(quantities, inside, _measure_key)
    return Record(
        id=meta.id,
        source=Source(path=meta.path, url=meta.url),
        title=meta.title or (headline.text if headline is not None else None),
        published=published,
        published_source=published_source,
        dateline=dateline,
        people=tuple(people),
        organizations=tuple(organizations),
        locations=tuple(locations),
        amounts=tuple(amounts),
        quantities=tuple(quantities),
        dates=tuple(dates),
        warnings=tuple(warnings),
    )


def _drop_headline_repeats(facts, headline: tuple[int, int], key) -> list:
    """Facts of the headline that the body states again are counted once, in the body.

    Conversion links (``equivalent_of``) are renumbered; a link to a dropped amount is cut.
    """
    in_headline = [headline[0] <= f.span.start < headline[1] for f in facts]
    body_keys = {key(f) for f, head in zip(facts, in_headline, strict=True) if not head}
    keep = [not head or key(f) not in body_keys for f, head in zip(facts, in_headline, strict=True)]
    new_index = {old: new for new, old in enumerate(i for i, k in enumerate(keep) if k)}
    kept = []
    for fact, k in zip(facts, keep, strict=True):
        if not k:
            continue
        link = getattr(fact, "equivalent_of", None)
        if link is not None:
            fact = replace(fact, equivalent_of=new_index.get(link))
        kept.append(fact)
    return kept


def _country_of(dateline: Dateline | None) -> str | None:
    return dateline.country if dateline is not None else None


def _measure_key(quantity) -> tuple:
    """ "1.1 GW" in the headline is the body's "1,100 MW": measures compare by base value."""
    return (quantity.base_value or quantity.value, quantity.base_unit or quantity.unit, quantity.noun)


def _country_hints(dateline: Dateline | None, locations) -> tuple[str, ...]:
    """Countries that set the article's context: the dateline's, then the most mentioned."""
    counts = Counter({loc.country: len(loc.mentions) for loc in locations if loc.country})
    ranked = [c for c, _ in counts.most_common()]
    if dateline is not None and dateline.country:
        ranked = [dateline.country] + [c for c in ranked if c != dateline.country]
    return tuple(ranked)
