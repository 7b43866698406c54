"""Failure kinds of titles and organizations seen on the round-10 held-out releases (issue 12),
one test per kind, on sentences invented for these tests.

Each kind was seen in at least two articles of different styles (or two writers):
- a function named after a title's "of"/"for" lost it to an organization when an organization
  or place word opens it ("Director of Port Operations" -> "Director of Port", organization
  "Port Operations": two appointment releases by two writers; "Vice President for Government
  Relations" -> organization "Government Relations": nominations; "General Manager of Investor
  Relations" -> "General Manager", organization "Investor Relations, ...": results contact);
- a named storm was an organization ("Tropical Cyclone ...": a government statement and a UN
  flash appeal);
- a policy named "Deal" was an organization ("the European Green Deal": two Commission
  releases by two writers; the kind of the programme veto);
- a French name with particles before its bracketed acronym was cut at "et des" ("Bureau
  National de Gestion des Risques et des Catastrophes (BNGRC)": UN appeal; the particles of
  Portuguese and Spanish names in appointments and corporate wires);
- a name right after a title that ends in the place it covers was lost when the model missed
  it ("Governor of Umnugovi aimag NAME, who": ca news; "Country Director for Viet Nam NAME.":
  development bank; "Ambassador to Korea NAME and": readout);
- a post stated with a pronoun in a biography was lost ("She previously served as ...", "He was
  previously Mayor of ...", "she has served as ... since": nominations by two writers and
  appointments, about fifteen sentences in the corpus);
- a Canadian federal department named by its portfolio and the country was cut or missed
  ("Fisheries and Oceans Canada" -> "Oceans Canada": advisory, award; "Global Affairs Canada"
  missed: government statement);
- a title after a possessive that names its organization by the head word alone had no
  organization ("said NAME, the Bank's Director General for West Africa": development-bank
  releases in both splits; "the Company's Chief Executive": appointments);
- an international body that opens a title stayed in the title ("United Nations Resident
  Coordinator in Madagascar": UN appeal, UN speech in the development corpus; writers give the
  title without the body and the body as the organization);
- (round 11, studied after its blind score) an organization listing its portfolio with commas
  before its organization word was cut at the comma ("European Climate, Infrastructure and
  Environment Executive Agency": two Commission releases by two writers, and one of the
  development corpus); two names joined by "and the" were one ("the Canadian Chamber of
  Commerce and the Indonesian Chamber of Commerce and Industry": readout; "Coral Sea Partners
  ... and the Clean Energy Finance Corporation": corporate wire); the initials of a name
  certain by its form were a second organization ("UN" beside "United Nations": UN appeals of
  round 11 and the development corpus).
"""

from __future__ import annotations

import pytest

from .test_entity_failure_kinds import RoleCase, roles_of
from .test_round9_failure_kinds import organization_names

pytestmark = pytest.mark.issue(12)

NAMED_FUNCTION_CASES = [
    RoleCase(
        "Before joining Halvard, Lina Osei was Director of Port Operations in Tema for six years.",
        "Lina Osei",
        "Director of Port Operations",
    ),
    RoleCase(
        "Mr. Tobias Wren is Vice President for Government Relations at the Baltic Freight Council.",
        "Tobias Wren",
        "Vice President for Government Relations",
        "Baltic Freight Council",
    ),
    RoleCase(
        "Contact: Mei Arakawa, General Manager of Investor Relations, Tsurumi Optics Co., Ltd.",
        "Mei Arakawa",
        "General Manager of Investor Relations",
        "Tsurumi Optics Co., Ltd.",
    ),
]


@pytest.mark.parametrize("case", NAMED_FUNCTION_CASES, ids=[c.title for c in NAMED_FUNCTION_CASES])
def test_a_named_function_stays_in_the_title(run_extract, case):
    record = run_extract("Release\n\nThe terminal opened on 3 May.\n\n" + case.text)
    role = roles_of(record, case.person).get(case.title)
    assert role is not None, roles_of(record, case.person)
    assert role["organization"] == case.organization, role
    functions = {"Port Operations", "Government Relations", "Investor Relations"}
    assert not organization_names(record) & functions, organization_names(record)


def test_a_function_word_does_not_swallow_a_company(run_extract):
    record = run_extract("Release\n\nAmir Haddad, Chief Executive Officer of Qamar Renewables, said so.")
    assert roles_of(record, "Amir Haddad")["Chief Executive Officer"]["organization"] == "Qamar Renewables"


def test_a_named_storm_is_no_organization(run_extract):
    record = run_extract(
        "Relief update\n\nTropical Cyclone Ivena made landfall on Tuesday, the Ministry of Health said."
        " Typhoon Koru is expected next week."
    )
    names = organization_names(record)
    assert "Ministry of Health" in names and not any("Cyclone" in n or "Typhoon" in n for n in names), names


def test_a_policy_deal_is_no_organization(run_extract):
    record = run_extract(
        "State aid approved\n\nThe scheme serves the European Green Deal, the European Commission said."
    )
    names = organization_names(record)
    assert "European Commission" in names and "European Green Deal" not in names, names


def test_particles_stay_inside_a_name_before_its_acronym(run_extract):
    record = run_extract(
        "Flash appeal\n\nThe Office National de Gestion des Eaux et des Forêts (ONGEF) counted 14 sites."
    )
    names = organization_names(record)
    assert "Office National de Gestion des Eaux et des Forêts" in names, names


@pytest.mark.parametrize(
    "text, person, title",
    [
        (
            "Governor of Khovd aimag Dorjiin Bold, who chaired the meeting, said 40 herders came.",
            "Dorjiin Bold",
            "Governor of Khovd Aimag",
        ),
        (
            '"We act now," said the Bank\'s Country Director for Nepal Hiroshi T. Abe. "We will."',
            "Hiroshi T. Abe",
            "Country Director for Nepal",
        ),
    ],
)
def test_a_name_after_a_title_with_its_place_is_a_person(run_extract, text, person, title):
    record = run_extract("Release\n\nThe plant opened on 3 May.\n\n" + text)
    assert title in roles_of(record, person), roles_of(record, person)


def test_a_company_after_a_lower_case_title_and_a_country_stays_a_company(run_extract):
    record = run_extract(
        "Release\n\nAccording to Aliya Sen, spokesperson for Kazakhstan Temir Zholy, trains run daily."
    )
    assert "Kazakhstan Temir Zholy" in organization_names(record), organization_names(record)
    assert [p["name"] for p in record["people"]] == ["Aliya Sen"], record["people"]


@pytest.mark.parametrize(
    "text, person, title, qualifier",
    [
        (
            "Mr. Tom Kessler leads the agency. He was previously Mayor of Dayton.",
            "Tom Kessler",
            "Mayor of Dayton",
            "former",
        ),
        (
            "Ana Ruiz joined Halden in 2019. She previously served as Treasurer of the City of Tulsa.",
            "Ana Ruiz",
            "Treasurer",
            "former",
        ),
        (
            "Ana Ruiz joined Halden in 2019, and she has served as Chief Operating Officer since 2022.",
            "Ana Ruiz",
            "Chief Operating Officer",
            None,
        ),
    ],
)
def test_a_pronoun_takes_the_post_to_the_person_named_before(run_extract, text, person, title, qualifier):
    record = run_extract("Release\n\nThe plant opened on 3 May.\n\n" + text)
    roles = roles_of(record, person)
    assert title in roles and roles[title]["qualifier"] == qualifier, roles


def test_a_pronoun_after_a_line_break_has_no_antecedent(run_extract):
    record = run_extract(
        "Release\n\nAna Ruiz, Chief Executive Officer of Halden Corp., opened the plant.\n\n"
        "He was previously Mayor of Dayton."
    )
    assert "Mayor of Dayton" not in roles_of(record, "Ana Ruiz"), record["people"]


def test_a_canadian_department_is_named_whole(run_extract):
    record = run_extract(
        "Release\n\nFisheries and Oceans Canada will reopen the harbour, and Global Affairs Canada"
        " agreed. Ships crossed Atlantic Canada."
    )
    names = organization_names(record)
    assert {"Fisheries and Oceans Canada", "Global Affairs Canada"} <= names, names
    assert "Oceans Canada" not in names and "Atlantic Canada" not in names, names


@pytest.mark.parametrize(
    "opening, organization",
    [
        (
            "ABIDJAN – The African Development Bank approved a loan of 40 million dollars.",
            "African Development Bank",
        ),
        ("The loan was approved on Monday.", None),  # no organization named before: none
    ],
)
def test_a_possessive_head_word_names_the_organization_before(run_extract, opening, organization):
    record = run_extract(
        f"Loan approved\n\n{opening}"
        ' "Water comes closer," said Mariam K. Diabaté, the Bank\'s Director General for West Africa.'
    )
    role = roles_of(record, "Mariam K. Diabaté")["Director General for West Africa"]
    assert role["organization"] == organization, role


def test_an_international_body_before_a_title_employs(run_extract):
    text = (
        "Flash appeal\n\nThe cyclone struck on Monday."
        ' "We need funds," said Amina T. Ouédraogo, United Nations Resident Coordinator in Madagascar.'
    )
    record = run_extract(text)
    role = roles_of(record, "Amina T. Ouédraogo")["Resident Coordinator in Madagascar"]
    assert role["organization"] == "United Nations", role
    assert text[role["span"]["start"] : role["span"]["end"]] == "Resident Coordinator in Madagascar"


def test_a_name_listing_its_portfolio_before_its_head_stays_whole(run_extract):
    record = run_extract(
        "Grants\n\nThe grants are managed by the European Climate, Infrastructure and Environment"
        " Executive Agency (CINEA). Contracts went to the Army, Navy and Air Force."
    )
    names = organization_names(record)
    assert "European Climate, Infrastructure and Environment Executive Agency" in names, names
    assert "Air Force" in names and not any(n.startswith("Army,") for n in names), names


def test_two_names_joined_by_and_the_are_two(run_extract):
    record = run_extract(
        "Forum\n\nThe forum was hosted by the Canadian Chamber of Commerce and the Indonesian Chamber"
        " of Commerce and Industry in Ottawa."
    )
    names = organization_names(record)
    assert {"Canadian Chamber of Commerce", "Indonesian Chamber of Commerce and Industry"} <= names, names


def test_initials_of_an_international_body_are_its_alias(run_extract):
    record = run_extract(
        "Appeal\n\nANTANANARIVO, 24 February 2026 – The United Nations and partners launched an"
        " appeal on Tuesday. An allocation from UN pooled funds was made."
    )
    orgs = {o["name"]: o for o in record["organizations"]}
    assert "United Nations" in orgs and "UN" not in orgs, list(orgs)
    assert "UN" in orgs["United Nations"]["aliases"], orgs["United Nations"]
