"""Meta-tests: every data file loads and is sound; the dataclasses and the schema agree."""

from __future__ import annotations

import dataclasses
import typing

import pytest
import spacy

from pressfeed import record as record_module
from pressfeed.components.article import find_layout, load_boilerplate
from pressfeed.extractors.dates import candidate_patterns
from pressfeed.extractors.money import currency_forms, money_bounds, usd_rates
from pressfeed.extractors.quantities import build_registry
from pressfeed.gazetteer import build_gazetteer
from pressfeed.lexicons import build_lexicons
from pressfeed.resources import DataFileError, data_path, read_mapping, read_table
from pressfeed.schema import load_schema, validate


def test_every_lexicon_loads():
    lex = build_lexicons()
    assert "minister" in lex.title_words and "ministry" in lex.org_heads
    assert build_gazetteer().demonym_country("Kazakh") == "KZ"
    assert currency_forms()["tenge"].candidates == ("KZT",)
    assert money_bounds()["more than"] == (False, "min")
    assert usd_rates()["KZT"] > 100
    assert load_boilerplate()


def test_every_unit_is_known_to_pint():
    registry = build_registry()
    for surface, unit in read_mapping("units.tsv", ("surface", "unit")).items():
        assert registry.Unit(unit), surface


def test_every_currency_code_is_iso_4217():
    """Current codes from pycountry, or withdrawn ones that CLDR still names (FIM, NLG, BGN)."""
    import babel.numbers
    import pycountry

    withdrawn = set(babel.numbers.list_currencies())
    for form in currency_forms().values():
        for code in form.candidates:
            assert pycountry.currencies.get(alpha_3=code) is not None or code in withdrawn, code


def test_data_files_name_their_source():
    for path in data_path("").iterdir():
        if path.name.endswith((".tsv", ".txt")):
            head = path.read_text(encoding="utf-8").splitlines()[:6]
            assert any("Source" in line for line in head), path.name


@pytest.mark.parametrize("name, pattern, example", candidate_patterns(), ids=lambda v: str(v)[:30])
def test_every_date_pattern_matches_its_example(name, pattern, example):
    match = pattern.search(example)
    assert match is not None, f"{name}: {example!r}"
    assert match.start() == 0, f"{name} matches only {match.group()!r} of {example!r}"


def test_loader_rejects_a_bad_header():
    with pytest.raises(DataFileError, match="header"):
        read_table("titles.tsv", ("title",))


def test_layout_component_on_a_blank_pipeline():
    nlp = spacy.blank("en")
    nlp.add_pipe("pressfeed_article")
    doc = nlp("Big News Today\n\nTASHKENT – Work began. Photo credit: Press service.\n\nFollow us on X!")
    labels = {(s.label_, s.text) for s in doc.spans["pressfeed_layout"]}
    assert ("headline", "Big News Today") in labels
    assert ("dateline_place", "TASHKENT") in labels
    assert ("boilerplate", "Photo credit: Press service.") in labels
    assert ("boilerplate", "Follow us on X!") in labels


def test_layout_finds_section_headings():
    text = "Headline\n\nFirst paragraph here.\n\nTransport and education\n\nSecond paragraph."
    blocks = [(b.label, text[b.start : b.end]) for b in find_layout(text, load_boilerplate())]
    assert ("heading", "Transport and education") in blocks


def _schema_fields(definition: dict, schema: dict) -> set[str]:
    if "$ref" in definition:
        definition = schema["$defs"][definition["$ref"].split("/")[-1]]
    return set(definition.get("properties", {}))


@pytest.mark.parametrize(
    "cls, ref",
    [
        (record_module.Record, None),
        (record_module.Person, "person"),
        (record_module.Role, "role"),
        (record_module.Amount, "amount"),
        (record_module.Quantity, "quantity"),
        (record_module.DateFact, "date"),
        (record_module.Span, "span"),
        (record_module.Location, "named"),
        (record_module.Organization, "organization"),
    ],
)
def test_dataclasses_and_schema_agree(cls, ref):
    schema = load_schema()
    definition = schema if ref is None else schema["$defs"][ref]
    assert {f.name for f in dataclasses.fields(cls)} == set(definition["properties"])
    # the record's text is kept on request; places' and organizations' aliases are optional (issue 12);
    # so is an organization's country_rule, which feeds written before it lack
    optional = {
        None: {"text"},
        "named": {"aliases"},
        "organization": {"aliases", "country_rule"},
    }.get(ref, set())
    assert set(definition["required"]) == set(definition["properties"]) - optional
    hints = typing.get_type_hints(cls)
    assert set(hints) == set(definition["properties"])


def test_organization_country_rules_are_the_schemas(reference_record):
    """Every rule the country resolver may record is in the schema's enum, and no other."""
    from pressfeed.extractors.org_countries import RULES

    enum = load_schema()["$defs"]["organization"]["properties"]["country_rule"]["enum"]
    assert set(enum) == set(RULES)
    organizations = reference_record["organizations"]
    assert {o["country_rule"] for o in organizations} <= set(RULES)
    broken = {**reference_record, "organizations": [{**organizations[0], "country_rule": "guess"}]}
    assert any("guess" in problem for problem in validate(broken))


def test_schema_rejects_a_span_without_offsets(reference_record):
    broken = {**reference_record, "amounts": [{**reference_record["amounts"][0], "span": {"text": "x"}}]}
    assert any("start" in problem for problem in validate(broken))
