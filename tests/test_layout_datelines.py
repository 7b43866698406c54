"""Datelines and header blocks in every layout releases use (issue 14), one test per failure kind.

The forms live in ``data/datelines.jsonl``: every fragment's and form's ``examples`` and ``not``
run here first. Then one table per failure kind seen in the corpus, on texts invented for these
tests: layout facts on ``spacy.blank("en")`` with the layout component, facts of the record
(country, currency, roles) through the whole pipeline.
"""

from __future__ import annotations

import re
from typing import NamedTuple

import pytest
import spacy

from pressfeed.components.article import find_layout, load_boilerplate
from pressfeed.components.datelines import load_dateline_data, load_forms, match_form, parse_rows, read_rows
from pressfeed.gazetteer import build_gazetteer
from pressfeed.resources import DataFileError

pytestmark = pytest.mark.issue(14)

PARTS = ("place", "region", "date", "office")
FRAGMENT_ROWS = [row for _, row in read_rows() if "fragment" in row]


def _text_and_next(example) -> tuple[str, str | None]:
    return (example, None) if isinstance(example, str) else (example["text"], example.get("next"))


@pytest.mark.parametrize("row", FRAGMENT_ROWS, ids=lambda r: r["fragment"])
def test_fragment_examples(row):
    regex = re.compile(load_dateline_data()[0][row["fragment"]])
    for example in row["examples"]:
        assert regex.fullmatch(example), (row["fragment"], example)
    for negative in row.get("not", ()):
        assert not regex.fullmatch(negative), (row["fragment"], negative)


@pytest.mark.parametrize("form", load_forms(), ids=lambda f: f.id)
def test_form_examples(form):
    is_place = build_gazetteer().is_place
    for example in form.examples:
        found = match_form(form, example["text"], example.get("next"), is_place)
        assert found is not None, (form.source, example["text"])
        parts = {p: example["text"][slice(*getattr(found, p))] if getattr(found, p) else None for p in PARTS}
        assert parts == {p: example.get(p) for p in PARTS}, (form.source, example["text"])
    for negative in form.negatives:
        text, following = _text_and_next(negative)
        assert match_form(form, text, following, is_place) is None, (form.source, text)


@pytest.mark.parametrize(
    "row, message",
    [
        ({"id": "x", "pattern": "^(?P<place>[A-Z]+) –", "examples": ["A –"], "colour": 1}, "unknown keys"),
        ({"id": "x", "pattern": "^(?P<place>{NOPE}) –", "examples": ["A –"]}, "unknown fragment"),
        ({"id": "x", "pattern": "^(?P<city>[A-Z]+) –", "examples": ["A –"]}, "with a place"),
        ({"fragment": "MONTH", "pattern": "x", "examples": ["x"]}, "duplicate name"),
    ],
)
def test_dateline_loader_rejects_bad_rows(row, message):
    with pytest.raises(DataFileError, match=message):
        parse_rows([("datelines.jsonl:1", row)])


@pytest.fixture(scope="module")
def layout():
    nlp = spacy.blank("en")
    nlp.add_pipe("pressfeed_article")

    def run(text: str) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        doc = nlp(text)
        for span in doc.spans["pressfeed_layout"]:
            found.setdefault(span.label_, []).append(span.text)
        return found

    return run


class DatelineCase(NamedTuple):
    text: str
    place: str | None
    region: str | None = None
    date: str | None = None


def check_dateline(found: dict[str, list[str]], case: DatelineCase) -> None:
    assert found.get("dateline_place", [None])[0] == case.place, found
    assert found.get("dateline_region", [None])[0] == case.region, found
    assert found.get("dateline_date", [None])[0] == case.date, found


HEADLINE = "Harbour company opens a new terminal\n\n"

DATELINE_CASES_WIRE_SERVICE_CREDIT = [
    DatelineCase(
        HEADLINE + "RIVERTON, Wyo., Oct. 2, 2025 /PRNewswire/ -- Keller Freight Inc. said it would expand.",
        "RIVERTON",
        None,  # "Wyo." is no place of the gazetteer: no region block
        "Oct. 2, 2025",
    ),
    DatelineCase(
        HEADLINE + "TARTU, Estonia, Feb. 04, 2026 (GLOBE NEWSWIRE) -- Kivi Data AS agreed to buy a rival.",
        "TARTU",
        "Estonia",
        "Feb. 04, 2026",
    ),
    DatelineCase(
        HEADLINE + "QUITO, May 2 (Reuters) - Ecuador will raise fuel prices.", "QUITO", None, "May 2"
    ),
]


@pytest.mark.parametrize("case", DATELINE_CASES_WIRE_SERVICE_CREDIT, ids=lambda c: c.place)
def test_dateline_with_a_wire_service_credit(layout, case):
    check_dateline(layout(case.text), case)


DATELINE_CASES_OWN_LINE = [
    DatelineCase(
        HEADLINE + "Brussels, 4 March 2026\n\nThe Commission approved a scheme.",
        "Brussels",
        None,
        "4 March 2026",
    ),
    DatelineCase(
        HEADLINE + "Remarks as delivered\n\nLusaka, June 9, 2025\n\nExcellencies, ladies and gentlemen.",
        "Lusaka",
        None,
        "June 9, 2025",
    ),
]


@pytest.mark.parametrize("case", DATELINE_CASES_OWN_LINE, ids=lambda c: c.place)
def test_dateline_alone_on_its_line(layout, case):
    check_dateline(layout(case.text), case)


def test_dateline_closed_by_a_colon(layout):
    case = DatelineCase(
        HEADLINE + "Chennai, February 2, 2026: Tamil Port Ltd. reported higher revenue.",
        "Chennai",
        None,
        "February 2, 2026",
    )
    check_dateline(layout(case.text), case)


def test_dateline_date_first_with_province_and_office(layout):
    text = (
        HEADLINE
        + "News release\n\nMarch 3, 2026 – Winnipeg, Manitoba – Transport Canada\n\nThe department said."
    )
    found = layout(text)
    check_dateline(found, DatelineCase(text, "Winnipeg", "Manitoba", "March 3, 2026"))
    assert found["dateline_office"] == ["Transport Canada"]
    assert "March 3, 2026 – Winnipeg, Manitoba – Transport Canada" in found["header_line"]


DATELINE_CASES_BELOW_THE_FIRST_LINE = [
    DatelineCase(
        HEADLINE + "New terminal will double container capacity\n\nDURBAN – Harbour Co. opened it.", "DURBAN"
    ),
    DatelineCase(
        HEADLINE + "PRESS RELEASE NO: 2026/014/AFR\n\nWASHINGTON, May 5, 2026 — The bank approved a loan.",
        "WASHINGTON",
        None,
        "May 5, 2026",
    ),
    DatelineCase(
        HEADLINE
        + "* Permits halted\n* Quotas raised\n\nBy Ana Ruiz\n\nMANILA, July 1 (Reuters) - The ministry said.",
        "MANILA",
        None,
        "July 1",
    ),
    DatelineCase(
        "A headline far longer than any section heading, at seventeen words, about a signing in Poland"
        " next week\n\n"
        "Kraków, 9 February 2026 — The bank will sign a loan.",
        "Kraków",
        None,
        "9 February 2026",
    ),
]


@pytest.mark.parametrize("case", DATELINE_CASES_BELOW_THE_FIRST_LINE, ids=lambda c: c.place)
def test_dateline_below_a_subheading_release_number_or_byline(layout, case):
    check_dateline(layout(case.text), case)


@pytest.mark.parametrize("place", ["ŁÓDŹ", "İzmir", "GDAŃSK"])
def test_dateline_place_in_any_latin_script(layout, place):
    check_dateline(layout(f"{HEADLINE}{place} – The plant opened."), DatelineCase("", place))


def test_header_block_with_long_title_lines(layout):
    text = (
        "Ministry briefing on the visit to Japan\n\nBriefing\n"
        "Dana Orlova, Official Representative of the Ministry of Foreign Affairs"
        " of the Republic of Kazakhstan\n"
        "Astana\n8 October 2024\n\nThe minister will visit Tokyo."
    )
    found = layout(text)
    assert found["dateline_place"] == ["Astana"]
    assert len(found["header_line"]) == 4


def test_header_block_with_city_and_date_on_one_line(layout):
    text = (
        HEADLINE
        + "PRESS RELEASE\nFederal Ministry of Works\nAbuja, 24 June 2025\n\nThe minister hosted talks."
    )
    found = layout(text)
    assert found["dateline_place"] == ["Abuja"]
    assert "Federal Ministry of Works" in found["header_line"]  # the office line is read for names


@pytest.mark.parametrize(
    "text",
    [
        HEADLINE
        + "Joint media release\n\nThe Hon Ann Carr MP\nMinister for Trade\n\n12 May 2026\n\nShe said.",
        HEADLINE + "FOR IMMEDIATE RELEASE\nMonday, April 20, 2026\n\nWHAT:\nA tour of the plant.",
        HEADLINE + "Presidential Actions\nMarch 12, 2026\n\nNOMINATIONS SENT TO THE SENATE:",
    ],
    ids=["no city line", "weekday date", "section name"],
)
def test_header_block_without_a_city_has_no_dateline(layout, text):
    assert "dateline_place" not in layout(text)


@pytest.mark.parametrize(
    "line",
    [
        "FOR IMMEDIATE RELEASE",
        "Joint media release",
        "MEDIA ADVISORY M25-118",
        "Press Release No. 26-412",
        "As delivered",
    ],
)
def test_release_type_and_delivery_note_lines_are_not_body_text(line):
    text = f"{HEADLINE}{line}\n\nOttawa, 3 March 2026\n\nThe minister spoke."
    blocks = [(b.label, text[b.start : b.end]) for b in find_layout(text, load_boilerplate())]
    assert ("boilerplate", line) in blocks


def test_subheading_above_the_dateline_is_no_body_text(layout):
    found = layout(
        HEADLINE + "Joint venture will build a plant\n\nSEOUL, April 8, 2026 /PRNewswire/ -- Daeil Co. said."
    )
    assert found["heading"] == ["Joint venture will build a plant"]


@pytest.mark.parametrize(
    "place, region, country",
    [
        ("Santa Clara", "California", "US"),
        ("Ottawa", "Ontario", "CA"),
        ("Atlanta", "Georgia", "US"),
        ("Tbilisi", "Georgia", "GE"),
        ("Santiago", "Chile", "CL"),
        ("Washington", "DC", "US"),
    ],
)
def test_dateline_region_decides_the_country(place, region, country):
    assert build_gazetteer().dateline_country(place, region) == country


class CurrencyCase(NamedTuple):
    text: str
    country: str
    currency: str


CURRENCY_CASES_DATELINE_LAYOUTS = [
    CurrencyCase(
        "Canada funds port repairs\n\nStatement\nMarch 3, 2026 – Halifax, Nova Scotia – Transport Canada\n\n"
        "Canada will provide $40 million to repair the port.",
        "CA",
        "CAD",
    ),
    CurrencyCase(
        "New cable for the Pacific\n\nJoint media release\nThe Hon Ann Carr MP, Minister for Trade\n"
        "Canberra\n4 November 2025\n\n"
        "Australia will invest $185 million in the cable.",
        "AU",
        "AUD",
    ),
    CurrencyCase(
        "Lender backs a school programme\n\nAuckland, 3 March 2026\n\nThe trust will lend $12 million.",
        "NZ",
        "NZD",
    ),
]


@pytest.mark.parametrize("case", CURRENCY_CASES_DATELINE_LAYOUTS, ids=lambda c: c.currency)
def test_amounts_take_the_currency_of_a_dateline_in_any_layout(run_extract, case):
    record = run_extract(case.text)
    assert record["dateline"]["country"] == case.country
    amounts = [(a["currency"], a["currency_rule"]) for a in record["amounts"]]
    assert amounts == [(case.currency, "dateline")]


def test_business_wire_dateline(run_extract):
    """The tokenizer splits "Peru--(BUSINESS": the region is a word, the country Peru's."""
    text = (
        HEADLINE
        + "Released on March 3, 2026 at 8:00 AM\n\nLIMA, Peru--(BUSINESS WIRE)--Andes Cobre S.A. signed."
    )
    record = run_extract(text)
    assert (record["dateline"]["place"], record["dateline"]["country"]) == ("Lima", "PE")
    assert "Peru" in {loc["name"] for loc in record["locations"]}


def test_dateline_region_is_a_location(run_extract):
    record = run_extract(HEADLINE + "PERTH, Western Australia – Koorabin Gold released a study.")
    assert ("Western Australia", "AU") in {(loc["name"], loc["country"]) for loc in record["locations"]}


def test_header_block_name_with_post_nominal_letters_gets_the_title_below(run_extract):
    text = (
        "Navy frigate contract awarded\n\nJoint media release\n\nThe Hon Catriona Bell-Ransome MP\n"
        "Minister for Defence Industry\n\n12 May 2026\n\nThe department awarded a contract. "
        "Catriona Bell-Ransome said the work would start soon."
    )
    people = {p["name"]: [r["title"] for r in p["roles"]] for p in run_extract(text)["people"]}
    assert "Minister for Defence Industry" in people.get("Catriona Bell-Ransome", []), people


def test_issuing_office_after_a_date_first_dateline_is_an_organization_of_its_country(run_extract):
    text = (
        "Canada funds port repairs\n\nNews release\n"
        "March 3, 2026 – Halifax, Nova Scotia – Fisheries and Oceans Canada\n\n"
        "The department will repair the wharf."
    )
    organizations = {o["name"]: o["country"] for o in run_extract(text)["organizations"]}
    assert organizations.get("Fisheries and Oceans Canada") == "CA", organizations


LONG_HEADLINE = (
    "Media Advisory - Minister of Transport to announce new funding for rural bus shelters and "
    "accessible stops across the Prairie provinces\n\n"
)


@pytest.mark.issue(14)
def test_dash_in_a_long_headline_is_no_dateline(run_extract):
    """A headline too long for a heading is still no dateline unless it names a known place."""
    record = run_extract(
        LONG_HEADLINE + "REGINA, April 2, 2026 /CNW/ - The minister will announce $4.5 million for shelters."
    )
    assert (record["dateline"]["place"], record["dateline"]["country"]) == ("Regina", "CA")
    assert [(a["currency"], a["currency_rule"]) for a in record["amounts"]] == [("CAD", "dateline")]


@pytest.mark.issue(14)
def test_long_headline_amount_repeated_in_the_body_is_counted_once(run_extract):
    record = run_extract(
        LONG_HEADLINE.replace("new funding", "$4.5 million") + "The shelters cost $4.5 million."
    )
    assert [a["text"] for a in record["amounts"]] == ["$4.5 million"]
    assert record["amounts"][0]["span"]["start"] > len(LONG_HEADLINE)


@pytest.mark.issue(14)
@pytest.mark.parametrize("heading", ["About the ship", "About the event", "About this programme"])
def test_about_heading_of_a_common_noun_is_body_text(heading):
    text = f"{HEADLINE}The port opened.\n\n{heading}\n\nThe ship cost S$14 million.\n"
    blocks = [(b.label, text[b.start : b.end]) for b in find_layout(text, load_boilerplate())]
    assert not any(label == "boilerplate" for label, _ in blocks)


@pytest.mark.issue(14)
@pytest.mark.parametrize("heading", ["About Harbour Towage", "About the IDB", "ABOUT NORDPORT", "About us"])
def test_about_heading_of_a_name_opens_boilerplate(heading):
    text = f"{HEADLINE}The port opened.\n\n{heading}\n\nHarbour Towage runs tugs.\n"
    blocks = [(b.label, text[b.start : b.end]) for b in find_layout(text, load_boilerplate())]
    assert any(label == "boilerplate" and heading in span for label, span in blocks)
