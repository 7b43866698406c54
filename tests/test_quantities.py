"""Quantities: units through pint, counted nouns, rates, percentages."""

from __future__ import annotations

from typing import NamedTuple

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pressfeed.extractors.numbers import parse_number

pytestmark = pytest.mark.issue(5)


class QuantityCase(NamedTuple):
    text: str
    value: float
    unit: str | None
    noun: str | None
    per: str | None = None
    base: tuple[float, str] | None = None


QUANTITY_CASES = [
    QuantityCase(
        "The line carries 1.2 million tonnes of grain.", 1_200_000, "tonne", None, base=(1.2e9, "kilogram")
    ),
    QuantityCase("A 98-km road will be built.", 98, "kilometer", None, base=(98_000, "metre")),
    QuantityCase("The plant has 250 MW of capacity.", 250, "megawatt", None, base=(2.5e8, "watt")),
    QuantityCase("It makes 540 million kilowatt-hours a year.", 540_000_000, "kilowatt_hour", None, "year"),
    QuantityCase("The port handled 5,000 TEU in May.", 5000, "twenty_foot_equivalent_unit", None),
    QuantityCase("Farms cover 620 hectares.", 620, "hectare", None),
    QuantityCase("Wells pump 12,000 cubic metres per day.", 12_000, "cubic_meter", None, "day"),
    QuantityCase("Oil output reached 1.9 million barrels.", 1_900_000, "oil_barrel", None),
    QuantityCase("Gazprom ships 10 bcm of gas.", 10, "billion_cubic_meter", None, base=(1e10, "cubic metre")),
    QuantityCase("Prices rose 12 percent.", 12, "percent", None),
    QuantityCase("Rates fell 0.5 percentage points.", 0.5, "percentage_point", None),
    QuantityCase("The fund took a 25% stake in the mine.", 25, "percent", None),  # gold: no noun
    QuantityCase("Some 610 Afghan students study here.", 610, None, "student"),
    QuantityCase("Twenty-five specialists were trained.", 25, None, "specialist"),
    QuantityCase("The airline adds 3 flights per week.", 3, None, "flight", "week"),
    QuantityCase("30 educational grants are offered annually.", 30, None, "grant", "year"),
    QuantityCase("About 1,200 trucks a day cross the border.", 1200, None, "truck", "day"),
    QuantityCase("Some 120 master's students enrolled.", 120, None, "student"),
    QuantityCase("Dealers will supply 150 combine harvesters.", 150, None, "harvester"),
    QuantityCase("The fund backed 14 road, water and irrigation projects.", 14, None, "project"),
    QuantityCase("The mine will produce 85 million pounds of copper.", 85_000_000, "pound", None),
    QuantityCase("It will pour 120,000 ounces of gold a year.", 120_000, "troy_ounce", None, "year"),
]

# Issue 14: the head noun of the phrase, compound units and rates, readable base units.
QUANTITY_CASES_ISSUE_14 = [
    QuantityCase("They rebuilt 98 health and social protection facilities.", 98, None, "facility"),
    QuantityCase(
        "The mine will yield 170,000 copper equivalent tonnes per year.", 170_000, "tonne", None, "year"
    ),
    QuantityCase("The field pumps 40,000 barrels per day.", 40_000, "oil_barrel", None, "day"),
    QuantityCase("Output reached 40,000 bpd in May.", 40_000, "oil_barrel", None, "day"),
    QuantityCase("The dam makes 1,200 GWh.", 1200, "gigawatt_hour", None, base=(4.32e15, "joule")),
    QuantityCase("The terminal handles 1.2 million TEU.", 1_200_000, "twenty_foot_equivalent_unit", None),
    QuantityCase(
        "The berth adds 250,000 twenty-foot equivalent units.", 250_000, "twenty_foot_equivalent_unit", None
    ),
    # a bare figure counts what "the number of ..." named before it (govstmt, readout, wire, ca)
    QuantityCase("They will raise the number of weekly sailings to 14 a week.", 14, None, "sailing", "week"),
    QuantityCase(
        "The number of Kenyan nurses there has doubled over four years to 2,300.", 2300, None, "nurse"
    ),
    QuantityCase("The grid heats half a million homes.", 500_000, None, "home"),
    QuantityCase("Crews paved 120 km of road.", 120, "kilometer", None, base=(120_000, "metre")),
    QuantityCase("Farmers planted 3,000 hectares.", 3000, "hectare", None, base=(3e7, "square metre")),
    QuantityCase("The airline ordered 20 Boeing 737 jets.", 20, None, "jet"),
    QuantityCase("Three UK said 2 million homes are connected.", 2_000_000, None, "home"),
    # Corpus round 4: participles and hyphen compounds before the plural head, rates per a
    # unit, annual capacities, a scale word opening a unit, symbols with a scale.
    QuantityCase("The yard has two proven ships.", 2, None, "ship"),
    QuantityCase("It built three solar-plus-storage microgrids.", 3, None, "microgrid"),
    QuantityCase("It raised funds from five regional and international lenders.", 5, None, "lender"),
    QuantityCase("The corporation would move 60 rakes a day.", 60, None, "rake", "day"),
    QuantityCase("Six hundred and fifty jobs will be created.", 650, None, "job"),
    QuantityCase("Yields of 2.1 tonnes per hectare remained low.", 2.1, "tonne", None, "hectare"),
    QuantityCase(
        "It has an annual capacity of 1.2 million TEU.",
        1_200_000,
        "twenty_foot_equivalent_unit",
        None,
        "year",
    ),
    QuantityCase("Storage will reach 6.3 billion cubic metres.", 6.3, "billion_cubic_meter", None),
    QuantityCase("The resource is 3.1 Moz of gold.", 3_100_000, "troy_ounce", None),
    QuantityCase("They built a 640,000-square-foot plant.", 640_000, "square_foot", None),
    # Round 6: a hyphen between the words of a unit; lengths, volumes and speeds of releases
    # that the unit lexicon lacked (millimetres, centimetres, megalitres, knots, standard
    # cubic feet).
    QuantityCase("They opened a 1,800-square-metre depot.", 1800, "square_meter", None),
    QuantityCase("Each tank holds a 90,000-cubic-meter load.", 90_000, "cubic_meter", None),
    QuantityCase("Pipes of 40 millimetres were fitted.", 40, "millimeter", None, base=(0.04, "metre")),
    QuantityCase("Rain reached 25 centimetres overnight.", 25, "centimeter", None, base=(0.25, "metre")),
    QuantityCase(
        "The works save 12 megalitres a day.", 12, "megaliter", None, "day", base=(12_000, "cubic metre")
    ),
    QuantityCase("The boats will cruise at 18 knots.", 18, "knot", None),
    # rates after what the measure is of, in any case and hyphenated
    QuantityCase("- Annual capacity of 90,000 tonnes of anode material", 90_000, "tonne", None, "year"),
    QuantityCase(
        "The hub will pack 20,000 tonnes of pears, plums and melons a year.", 20_000, "tonne", None, "year"
    ),
    QuantityCase(
        "It will ship 30,000 tonnes of cobalt in crude hydroxide form per year.",
        30_000,
        "tonne",
        None,
        "year",
    ),
    QuantityCase("They will build a 25,000-tonne-a-year smelter.", 25_000, "tonne", None, "year"),
    # a noun closing a hyphen compound is an adjective's when a plural head follows
    QuantityCase("The fund backs six small-scale agri-tech ventures.", 6, None, "venture"),
    # figures glued to a singular noun count it ("a 126-seat parliament")
    QuantityCase("The 240-seat assembly voted.", 240, None, "seat"),
    QuantityCase("A 4-lane bypass opens in May.", 4, None, "lane"),
    # the model's verb in -s for the plural head after a noun ("harbours" as VBZ)
    QuantityCase("The agency runs more than 600 small craft harbours nationwide.", 600, None, "harbour"),
    QuantityCase(
        "The well flows 15 million standard cubic feet of gas per day.", 15_000_000, "cubic_foot", None, "day"
    ),
]


@pytest.mark.parametrize("case", QUANTITY_CASES + QUANTITY_CASES_ISSUE_14, ids=lambda c: c.text[:40])
def test_quantity_cases(run_extract, case):
    (quantity,) = run_extract(case.text)["quantities"]
    assert (quantity["value"], quantity["unit"], quantity["noun"], quantity["per"]) == pytest.approx(
        (case.value, case.unit, case.noun, case.per)
    )
    if case.base:
        assert quantity["base_value"] == pytest.approx(case.base[0])
        assert quantity["base_unit"] == case.base[1]
    span = quantity["span"]
    assert case.text[span["start"] : span["end"]] == span["text"]


@pytest.mark.parametrize(
    "text",
    [
        "The first meeting was held in 2025.",
        "The loan runs for five years.",
        "It cost 6.4 billion tenge.",
        "It ran for 48 hours.",
        "Under the protocol the two railways will share data.",
        "Revenue rose 14 percent to £1.18 billion.",
        "Three UK said its 5G networks grew.",
        "The Boeing 737 returned after COVID-19.",
        "Leaders of the G20 discussed Vision 2030.",
        "Airbus delivered the A320neo.",
        "A briefing will follow at 1 p.m. EDT.",
        "It closed its Series B funding round.",
        "Trade between our two countries grew.",
        "Net sales of $1.14 billion, up 4.6 percent from a year ago.",
        "Net sales increased 6.2% year on year to ¥1.21 trillion.",
        "It expects organic net sales growth of 2 to 4 percent.",
        "They signed a 15-year concession and a one-off payment.",
        "A 42-year-old engineer was appointed.",
        "Work on the Stage 3 extension starts soon.",
        "A plant like this one makes the region stronger.",
        '"Phase 4 gives the port a deeper berth," she said.',
    ],
)
def test_not_quantities(run_extract, text):
    assert run_extract(text)["quantities"] == []


@given(st.text(max_size=200))
@settings(max_examples=200, deadline=1000)
def test_parse_number_never_raises(text):
    value = parse_number(text)
    assert value is None or value >= 0


@given(st.integers(min_value=0, max_value=10**15))
@settings(max_examples=200, deadline=1000)
def test_grouped_integers_round_trip(number):
    assert parse_number(f"{number:,}") == number


@pytest.mark.issue(14)
def test_verb_in_s_after_a_conjunction_is_no_counted_noun(run_extract):
    """ "two idled mines restart and power supply improves": "improves" is the verb it is."""
    record = run_extract("Output will rise as two idled mines restart and power supply improves.")
    assert "improve" not in {q["noun"] for q in record["quantities"]}
