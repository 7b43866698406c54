"""One test per failure kind of issue 12, on sentences invented for these tests.

Each table is named by its kind; a case states the fact that must (or must not) come out.
"""

from __future__ import annotations

from typing import NamedTuple

import pytest

from pressfeed.extractors.names import parse_person_name
from pressfeed.extractors.org_names import normalize_org
from pressfeed.extractors.roles import parse_title

pytestmark = pytest.mark.issue(12)


class RoleCase(NamedTuple):
    text: str
    person: str
    title: str
    organization: str | None = None
    country: str | None = None
    qualifier: str | None = None


def roles_of(record: dict, person: str) -> dict[str, dict]:
    people = {p["name"]: p for p in record["people"]}
    assert person in people, [p["name"] for p in record["people"]]
    return {r["title"]: r for r in people[person]["roles"]}


def check_role(record: dict, case: RoleCase) -> None:
    roles = roles_of(record, case.person)
    assert case.title in roles, roles
    role = roles[case.title]
    assert (role["organization"], role["country"], role["qualifier"]) == (
        case.organization,
        case.country,
        case.qualifier,
    )


ROLE_CASES_MIDDLE_INITIALS_AND_SUFFIXES = [
    RoleCase(
        "Secretary of Energy Mary K. Dalton Jr. said the grid would grow.",
        "Mary K. Dalton Jr.",
        "Secretary of Energy",
    ),
    RoleCase(
        "Undersecretary Paul R. Hensley III toured the depot on Friday.",
        "Paul R. Hensley III",
        "Undersecretary",
    ),
]


@pytest.mark.parametrize("case", ROLE_CASES_MIDDLE_INITIALS_AND_SUFFIXES, ids=lambda c: c.person)
def test_middle_initials_and_suffixes(run_extract, case):
    record = run_extract(case.text)
    check_role(record, case)
    assert not any(p["name"] in {"Dalton Jr.", "K. Dalton Jr.", "Hensley III"} for p in record["people"])


def test_header_block(run_extract):
    text = (
        "Media Note\n\nNora J. Castell\nSecretary of Transportation\nDenver, Colorado\nApril 8, 2026\n\n"
        "The department opened a freight office on Tuesday."
    )
    record = run_extract(text, published=None)
    # a national office takes the dateline's country (data/national_titles.tsv)
    check_role(record, RoleCase(text, "Nora J. Castell", "Secretary of Transportation", country="US"))
    assert record["dateline"]["place"] == "Denver"
    assert "2026-04-08" in [d["value"] for d in record["dates"]]


ROLE_CASES_BULLETED_PARTICIPANTS = [
    RoleCase(
        "Participants:\n- Bruno Alves, director, Harlow Robotics Ltd.\n"
        "- Ines Maro, chief engineer, said more.\n",
        "Bruno Alves",
        "Director",
        "Harlow Robotics Ltd.",
    ),
]


@pytest.mark.parametrize("case", ROLE_CASES_BULLETED_PARTICIPANTS, ids=lambda c: c.person)
def test_bulleted_participant_lists(run_extract, case):
    check_role(run_extract(case.text), case)


ROLE_CASES_APPOINTMENT_VERBS = [
    RoleCase(
        "Velmont Corp. has appointed Tessa Ruiz as Chief Financial Officer.",
        "Tessa Ruiz",
        "Chief Financial Officer",
    ),
    RoleCase(
        "Owen Bratt will serve as interim CEO, the board said.", "Owen Bratt", "CEO", qualifier="interim"
    ),
    RoleCase(
        "The board named Lena Dorn president of Quillby Freight Ltd. on Monday.",
        "Lena Dorn",
        "President",
        "Quillby Freight Ltd.",
    ),
    RoleCase(
        "Tessa Ruiz previously served as Chief Operating Officer of Marrow Foods Inc. for six years.",
        "Tessa Ruiz",
        "Chief Operating Officer",
        "Marrow Foods Inc.",
        qualifier="former",
    ),
]


@pytest.mark.parametrize("case", ROLE_CASES_APPOINTMENT_VERBS, ids=lambda c: c.title)
def test_appointment_verbs(run_extract, case):
    check_role(run_extract(case.text), case)


def test_contact_block_chain(run_extract):
    text = (
        "The plant opens in May.\n\n"
        "Media contact: Iris Vane, Director of Communications, Tolland Mining Corp.\n"
    )
    check_role(
        run_extract(text),
        RoleCase(text, "Iris Vane", "Director of Communications", "Tolland Mining Corp."),
    )


def test_portfolio_title_before_a_name(run_extract):
    text = "Commissioner for Trade and Economic Security Anna Berg met the delegation."
    record = run_extract(text)
    check_role(record, RoleCase(text, "Anna Berg", "Commissioner for Trade and Economic Security"))
    assert [p["name"] for p in record["people"]] == ["Anna Berg"]


def test_head_of_state_before_a_comma_and_a_name(run_extract):
    text = "Talks were held with the President of Kazakhstan, Kassym-Jomart Tokayev, in the capital."
    record = run_extract(text)
    check_role(record, RoleCase(text, "Kassym-Jomart Tokayev", "President of Kazakhstan", country="KZ"))
    assert "Kassym-Jomart Tokayev" not in [loc["name"] for loc in record["locations"]]


ROLE_CASES_COUNTRY_WORDS_IN_TITLES = [
    RoleCase(
        "Indian External Affairs Minister Ravi Menon arrived on Sunday.",
        "Ravi Menon",
        "External Affairs Minister",
        country="IN",
    ),
    RoleCase(
        "Brazil's Finance Minister Clara Souto spoke first.", "Clara Souto", "Finance Minister", country="BR"
    ),
]


@pytest.mark.parametrize("case", ROLE_CASES_COUNTRY_WORDS_IN_TITLES, ids=lambda c: c.person)
def test_country_words_inside_titles(run_extract, case):
    record = run_extract(case.text)
    check_role(record, case)
    assert not {"Finance", "Indian External Affairs", "Affairs"} & {
        o["name"] for o in record["organizations"]
    }


def test_peerage_and_honorific_forms(run_extract):
    record = run_extract(
        "Lord Bellamy of Kestwick opened the conference. Lord Bellamy said trade would grow."
    )
    (person,) = record["people"]
    assert person["name"] == "Lord Bellamy of Kestwick"
    assert person["aliases"] == ["Lord Bellamy"]
    assert "Kestwick" not in [loc["name"] for loc in record["locations"]]


ORG_CASES_BRACKETS_AND_LEGAL_FORMS = [
    (
        "The Baltic Export Bank (BEB) lent the money. BEB said more would follow.",
        "Baltic Export Bank",
        ("BEB",),
    ),
    ("The plant was sold to Orrin Holdings S.à r.l. last year.", "Orrin Holdings S.à r.l.", ()),
]


@pytest.mark.parametrize("text, name, aliases", ORG_CASES_BRACKETS_AND_LEGAL_FORMS, ids=lambda x: str(x)[:20])
def test_organization_cut_at_a_bracket_or_legal_form(run_extract, text, name, aliases):
    organizations = {o["name"]: o for o in run_extract(text)["organizations"]}
    assert name in organizations, organizations
    assert tuple(organizations[name]["aliases"]) == aliases
    assert not any(n.endswith(("(BEB", "S.à")) for n in organizations)


NOT_ORGANIZATIONS = [
    ("The fund lent EUR 40 million to the utility.", "EUR"),
    ("Bonds under ISIN XS1234567890 were issued.", "ISIN"),
    ("The grant pays for TB clinics in the north.", "TB"),
    ("The airline ordered ten 737 MAX jets.", "MAX"),
    ("Holders may accept the “Offer” until June.", "Offer"),
    ("Ministers met at the Astana Trade Forum on Monday.", "Astana Trade Forum"),
    ("Kazakhstan signed the Clean Air Agreement on Monday.", "Clean Air Agreement"),
]


@pytest.mark.parametrize("text, name", NOT_ORGANIZATIONS, ids=[n for _, n in NOT_ORGANIZATIONS])
def test_things_that_are_not_organizations(run_extract, text, name):
    assert name not in [o["name"] for o in run_extract(text)["organizations"]]


PLACE_CASES_ADMINISTRATIVE_WORDS = [
    ("The plant in Turkistan region will open.", "Turkistan"),
    ("Mines in Sughd province were visited.", "Sughd"),
    ("The depot near Dornogovi aimag grew.", "Dornogovi"),
]


@pytest.mark.parametrize(
    "text, place", PLACE_CASES_ADMINISTRATIVE_WORDS, ids=[p for _, p in PLACE_CASES_ADMINISTRATIVE_WORDS]
)
def test_places_with_administrative_words(run_extract, text, place):
    assert place in [loc["name"] for loc in run_extract(text)["locations"]]


def test_one_place_under_two_names(run_extract):
    record = run_extract("Trade with the U.S. grew. The United States agreed to the plan.")
    united = [loc for loc in record["locations"] if loc["country"] == "US"]
    assert [(loc["name"], loc["aliases"]) for loc in united] == [("United States", ["U.S."])]
    assert len(united[0]["mentions"]) == 2


def test_a_base_is_a_place_not_a_person(run_extract):
    record = run_extract("Troops at Ramstein Air Base trained for a week.")
    assert record["people"] == []
    assert "Ramstein Air Base" in [loc["name"] for loc in record["locations"]]


# The interpreters, strings in and values out ---------------------------------------------


NAME_CASES_SUFFIXES = [
    ("Lloyd J. Austin III", ("Lloyd", ("J.",), "Austin", "III")),
    ("Mary K. Dalton Jr.", ("Mary", ("K.",), "Dalton", "Jr.")),
    ("Ana Ruiz", ("Ana", (), "Ruiz", None)),
]


@pytest.mark.parametrize("text, parts", NAME_CASES_SUFFIXES, ids=[t for t, _ in NAME_CASES_SUFFIXES])
def test_person_name_parser(text, parts):
    name = parse_person_name(text)
    assert (name.given, name.middle, name.family, name.suffix) == parts


def test_title_parser_reads_country_qualifier_and_organization():
    assert parse_title("acting Chief Executive of Qamar Renewables") == parse_title(
        "acting Chief Executive of Qamar Renewables"
    )
    title = parse_title("acting Chief Executive at Qamar Renewables")
    assert (title.title, title.organization, title.qualifier) == (
        "Chief Executive",
        "Qamar Renewables",
        "acting",
    )
    assert parse_title("Minister of Territorial Administration and Infrastructure").organization is None


def test_org_normalizer_keeps_the_acronym_as_alias():
    org = normalize_org("U.S. Agency for International Development (USAID)")
    assert (org.name, org.aliases) == ("U.S. Agency for International Development", ("USAID",))
    assert normalize_org("Kodiak Power Cooperative (Alaska)").aliases == ()


def test_small_towns_take_the_country_of_the_article(run_extract):
    record = run_extract("Kazakhstan will open a gas plant near Aksay, the ministry in Astana said.")
    places = {loc["name"]: loc["country"] for loc in record["locations"]}
    assert places["Aksay"] == "KZ"  # the largest Aksay is Russian


def test_a_town_keeps_its_own_country_when_the_article_names_no_other(run_extract):
    record = run_extract("A gas plant will open near Aksay next year.")
    assert {loc["name"]: loc["country"] for loc in record["locations"]}["Aksay"] == "RU"


def test_news_agency_credits_are_sources_never_employers(run_extract):
    record = run_extract(
        "LONDON (Reuters) - Copper rose. Mining Minister Paul Tate told Reuters the mine would reopen."
    )
    organizations = {o["name"]: o["country"] for o in record["organizations"]}
    assert organizations.get("Reuters") == "GB"
    roles = roles_of(record, "Paul Tate")
    assert all(r["organization"] != "Reuters" for r in roles.values()), roles
