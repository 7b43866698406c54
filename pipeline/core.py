"""The pure core: ``extract(text, meta, nlp=...) -> Record``.

This is the one place where the extractors' facts meet. Every finder writes candidate spans
into the claims registry (``extractors/claims.py``), whose priority table orders layout >
money > dates > titles > people > organizations > places > model entities; the entity layer
reads the resolved mentions; quantities come last. No I/O, no clock, no hidden state.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from datetime import date
from functools import partial

from spacy.language import Language
from spacy.tokens import Doc

from .components.article import LAYOUT_KEY, headline_range
from .extractors import claims, finders
from .extractors.dates import (
    date_setting,
    find_candidates,
    find_dates,
    infer_publication,
    latest_past_anchor,
)
from .extractors.entities import find_entities
from .extractors.locations import local_places
from .extractors.money import find_amount_spans, find_amounts_in_text, implausible_pairs
from .extractors.quantities import Lemmatize, find_quantities, plain_lemma
from .extractors.roles import issuer_name, with_home_country, with_issuer_employer, without_place_employers
from .extractors.tokens import doc_text
from .lexicons import build_lexicons
from .nlp import lemma
from .record import Dateline, Record, Source
from .record import Span as Evidence


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

    Every finder writes candidates into the claims registry (layout, then money, then dates,
    then the entity patterns and the model's entities); the resolver decides who holds each
    token, and the entity layer reads the resolved mentions.

    Args:
        lemmatize: lemma of a token, for counted nouns ("universities" -> "university").
    """
    lex = build_lexicons()
    text = doc_text(doc)
    inside = headline_range(text)  # the headline, also one too long to be labelled one
    layout = list(doc.spans.get(LAYOUT_KEY, []))
    headline = next((s for s in layout if s.label_ == "headline"), None)
    place_span = next((s for s in layout if s.label_ == "dateline_place"), None)
    region_span = next((s for s in layout if s.label_ == "dateline_region"), None)
    office_span = next((s for s in layout if s.label_ == "dateline_office"), None)
    finders.add_layout(doc)
    claims.resolve(doc)
    skip = claims.claimed_chars(doc, ["BOILERPLATE", "CONTACT"])
    claims.add_chars(doc, find_amount_spans(text, skip=skip), "MONEY", "money")
    claims.resolve(doc)
    candidates = find_candidates(doc, skip=claims.claimed_chars(doc, ["BOILERPLATE", "CONTACT", "MONEY"]))
    finders.add_dates(doc, candidates)
    finders.add_patterns(doc)
    finders.add_model_entities(doc)
    claims.resolve(doc)
    entities = find_entities(doc, lex, dateline=place_span, region=region_span)
    dateline = _dateline(place_span, region_span, entities.locations, lex)
    entities = replace(
        entities,
        locations=local_places(
            doc,
            _with_dateline_country(entities.locations, dateline, dateline and dateline.span.start),
            _country_of(dateline),
            lex,
        ),
        organizations=_with_dateline_country(
            entities.organizations, dateline, office_span.start_char if office_span is not None else None
        ),
        people=_people_in_context(
            entities, dateline, meta.title or (text[slice(*inside)] if inside else None), skip, lex
        ),
    )
    hints = _country_hints(dateline, entities.locations)
    amounts = find_amounts_in_text(text, dateline=_country_of(dateline), mentioned=hints, skip=skip)
    amount_ranges = [(a.span.start, a.span.end) for a in amounts]
    warnings = list(implausible_pairs(text, amounts))
    published, published_source, base, anchor = _publication(doc, meta, candidates, warnings)
    setting = date_setting(text, hints, tuple(a.currency for a in amounts), datelined=dateline is not None)
    dates = find_dates(doc, candidates, base, anchor=anchor, setting=setting)
    date_ranges = [(d.span.start, d.span.end) for d in dates]
    quantities = find_quantities(
        doc, skip=skip + amount_ranges + date_ranges, money=amount_ranges, lemmatize=lemmatize
    )
    if inside is not None:
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
        people=entities.people,
        organizations=entities.organizations,
        locations=entities.locations,
        amounts=tuple(amounts),
        quantities=tuple(quantities),
        dates=tuple(dates),
        warnings=tuple(warnings),
    )


def _dateline(place_span, region_span, locations, lex) -> Dateline | None:
    """The dateline place under the name its location entry has; its country is the one the
    region after it names ("Ottawa, Ontario": CA), else the place's."""
    if place_span is None:
        return None
    place_name = next(
        (loc.name for loc in locations if any(m.start == place_span.start_char for m in loc.mentions)),
        place_span.text.title(),
    )
    region = region_span.text if region_span is not None else None
    return Dateline(
        place_name,
        lex.gazetteer.dateline_country(place_name, region),
        Evidence(place_span.start_char, place_span.end_char, place_span.text),
    )


def _with_dateline_country(facts, dateline: Dateline | None, start: int | None) -> tuple:
    """The place or organization mentioned at ``start`` takes the dateline's country: the
    dateline's own place ("SANTA CLARA, California": US), the issuing office after it
    ("November 20, 2025 – Ottawa, Ontario – Global Affairs Canada": CA)."""
    if dateline is None or dateline.country is None or start is None:
        return tuple(facts)
    return tuple(
        replace(fact, country=dateline.country) if any(m.start == start for m in fact.mentions) else fact
        for fact in facts
    )


def _publication(doc: Doc, meta: Meta, candidates, warnings: list[str]):
    """Publication date (given or inferred), its source, the base date and a year anchor."""
    published, published_source = meta.published, meta.published_source if meta.published else None
    if published is None:
        inferred, published_source, note = infer_publication(doc, candidates)
        published = inferred.isoformat() if inferred else None
        if note:
            warnings.append(note)
    base = date.fromisoformat(published) if published else None
    anchor = latest_past_anchor(candidates) if base is None else None
    if base is None:
        warnings.append(
            "no publication date: relative dates are left out"
            + (f"; year-less dates take their year from {anchor}, the latest past date" if anchor else "")
        )
    return published, published_source, base, anchor


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


def _people_in_context(entities, dateline: Dateline | None, headline: str | None, skip, lex) -> tuple:
    """Roles completed from the article: national offices take the dateline's country, company
    posts the issuer's name (in the contact blocks of ``skip`` only a company function's),
    places are no employers."""
    ordered = sorted(entities.organizations, key=lambda o: min((m.start for m in o.mentions), default=0))
    issuer = issuer_name([o.name for o in ordered], headline)
    return tuple(
        without_place_employers(
            with_issuer_employer(with_home_country(p, _country_of(dateline), lex), issuer, skip, lex), lex
        )
        for p in entities.people
    )


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
