"""Failure kinds seen on round 22 after its blind score (issue 12), one test per kind, on
sentences invented for these tests.

Each kind was seen in at least two articles of different styles:
- the issuer of a corporate release was not found, so its board's appointments ("its Board of
  Directors has appointed X as Chief Financial Officer") had no employer: the legal form was
  written in capitals ("PLC" for "plc"), or the headline named the company by its first words
  only ("Qingyuan New Energy" for "Qingyuan New Energy Technology Co., Ltd."), or the headline
  was too long to be labelled one (an appointment and a corporate wire of two writers);
- "X-based" before an employer ("Group Treasurer of Amman-based Nuzha Bank", "at Boston-based
  Carrow Health Inc.") made the place the title's complement, or part of the employer's name
  (an appointment, a corporate wire and an energy release of two writers);
- a company name with "and" inside before its legal form ("Druk Holding and Investments
  Limited", "Nama Power and Water Procurement Company SAOC", "National Gas Company of Trinidad
  and Tobago Limited") was cut at "and" (an advisory and a results release of round 17, an
  energy release of round 22: two writers);
- (round 23, studied after its blind score with round 24) a nominee's home town before the
  nominee's present post ("NAME, of La Paz, Consul General of ..., to be ...") was read as a
  person who took the nominee's posts, and a title ending in an organization with its
  bracketed acronym ("General Manager of Yacimientos ... (YPFB), to be ...") gave the name no
  apposition (a nomination list of round 23; the US and Liberian lists of the dev corpus);
- two title candidates that cross ("Finance Director" and "Director for Central Africa") kept
  only the longer one, and the title lost its first words (an appointment of round 24 and a
  corporate wire of round 22: two writers).
"""

from __future__ import annotations

import pytest

from .test_entity_failure_kinds import roles_of

pytestmark = pytest.mark.issue(12)

APPOINTMENT = (
    "{headline}\n\n"
    "AMMAN, Jordan, March 10, 2026 /PRNewswire/ -- {company} (ASE: ZRQ), a maker of generic"
    " medicines, today announced that its Board of Directors has appointed Salma R. Qudah as"
    " Chief Financial Officer, effective April 1, 2026.\n"
)


@pytest.mark.parametrize(
    ("company", "headline"),
    [
        ("Zarqa Generic Medicines PLC", "Zarqa Generic Medicines Names a Chief Financial Officer"),
        (
            "Zarqa Generic Medicines Manufacturing Co., Ltd.",
            "Zarqa Generic Medicines Names a Chief Financial Officer",
        ),
        (
            "Zarqa Generic Medicines PLC",
            "Zarqa Generic Medicines Appoints a New Chief Financial Officer and Announces Two"
            " More Changes to Its Executive Team",
        ),
    ],
    ids=["capital-legal-form", "headline-names-first-words", "headline-too-long-for-a-heading"],
)
def test_a_board_appointment_is_held_at_the_issuer(run_extract, company, headline):
    record = run_extract(APPOINTMENT.format(company=company, headline=headline))
    roles = roles_of(record, "Salma R. Qudah")
    assert roles["Chief Financial Officer"]["organization"] == company, roles


def test_a_place_before_based_is_not_the_titles_complement(run_extract):
    record = run_extract(
        "Board changes\n\nAMMAN, March 10, 2026 – Omar Haddad, Group Treasurer of Amman-based Nuzha"
        " Investment Bank, joins the board. Lina Saket, former Executive Vice President at"
        " Boston-based Carrow Health Inc., joins it too.\n"
    )
    assert roles_of(record, "Omar Haddad")["Group Treasurer"]["organization"] == "Nuzha Investment Bank"
    saket = roles_of(record, "Lina Saket")
    assert saket["Executive Vice President"]["organization"] == "Carrow Health Inc.", saket
    assert {"Amman", "Boston"} <= {loc["name"] for loc in record["locations"]}


@pytest.mark.parametrize(
    "name",
    [
        "Meridian Oil and Gas Company Ltd",
        "Petroleum Company of Antigua and Barbuda Limited",
    ],
)
def test_a_company_name_with_and_before_its_legal_form_is_one_name(run_extract, name):
    record = run_extract(
        f"Supply deal\n\nST. JOHN'S, 3 May 2025 – Gas will be bought from {name} under a 20-year deal.\n"
    )
    assert name in {o["name"] for o in record["organizations"]}, record["organizations"]


def test_a_nominees_home_town_is_a_place_and_the_posts_are_the_nominees(run_extract):
    record = run_extract(
        "Nominations\n\nLA PAZ, 12 February 2026 – The President sent these nominations:\n\n"
        "Rosa Quispe Mamani, of La Paz, Consul General of Bolivia in Lima, to be Ambassador to Peru.\n\n"
        "Luis Condori Vega, of Santa Cruz, former General Manager of Empresa Andina de Gas (EAG), to be"
        " Ambassador to Chile.\n"
    )
    names = {p["name"] for p in record["people"]}
    assert names == {"Rosa Quispe Mamani", "Luis Condori Vega"}, names
    assert roles_of(record, "Rosa Quispe Mamani")["Ambassador to Peru"]["qualifier"] == "nominee"
    assert roles_of(record, "Luis Condori Vega")["General Manager"]["qualifier"] == "former"
    assert {"La Paz", "Santa Cruz"} <= {loc["name"] for loc in record["locations"]}


def test_two_crossing_title_candidates_are_one_title(run_extract):
    record = run_extract(
        "Appointment\n\nDOUALA, 3 May 2025 – Brigitte Ngo Mbassi was Finance Director for Central"
        " Africa at Lumen Foods until March.\n"
    )
    assert "Finance Director for Central Africa" in roles_of(record, "Brigitte Ngo Mbassi")
