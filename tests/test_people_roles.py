"""People and roles on sentences written for these tests, one case per pattern of issue 3."""

from __future__ import annotations

from typing import NamedTuple

import pytest

pytestmark = pytest.mark.issue(3)


class RoleCase(NamedTuple):
    text: str
    person: str
    title: str
    organization: str | None = None
    country: str | None = None
    qualifier: str | None = None


ROLE_CASES = [
    RoleCase(
        "Energy Minister Almasadam Satkaliyev opened the plant on Monday.",
        "Almasadam Satkaliyev",
        "Energy Minister",
    ),
    RoleCase(
        "Kairat Kelimbetov, governor of the Astana International Financial Centre, spoke first.",
        "Kairat Kelimbetov",
        "Governor",
        "Astana International Financial Centre",
    ),
    RoleCase(
        "Uzbekistan's Deputy Prime Minister Jamshid Khodjayev arrived in Baku.",
        "Jamshid Khodjayev",
        "Deputy Prime Minister",
        country="UZ",
    ),
    RoleCase(
        "The talks were opened by acting Minister of Health Dilnoza Rahimova.",
        "Dilnoza Rahimova",
        "Minister of Health",
        qualifier="acting",
    ),
    RoleCase(
        "Former Deputy Energy Minister Bolat Akchulakov chaired the panel.",
        "Bolat Akchulakov",
        "Deputy Energy Minister",
        qualifier="former",
    ),
    RoleCase(
        "Newly appointed Ambassador Timur Sultanov presented his credentials.",
        "Timur Sultanov",
        "Ambassador",
        qualifier="newly appointed",
    ),
    RoleCase(
        "The memo was signed by Ambassador-at-Large at the Ministry of Foreign Affairs Yerkin Tukumov.",
        "Yerkin Tukumov",
        "Ambassador-at-Large",
        "Ministry of Foreign Affairs",
    ),
    RoleCase(
        "It was led by Special Representative of the President of Kyrgyzstan for Afghanistan Ermek Jumabaev.",
        "Ermek Jumabaev",
        "Special Representative of the President of Kyrgyzstan for Afghanistan",
        country="KG",
    ),
    RoleCase(
        "Akim of Shymkent Gabit Syzdykbekov inspected the new bridge.",
        "Gabit Syzdykbekov",
        "Akim of Shymkent",
    ),
    RoleCase(
        "Ulugbek Turaev, hokim of Bukhara region, said the market would open in May.",
        "Ulugbek Turaev",
        "Hokim of Bukhara Region",
    ),
    RoleCase(
        "Nurlan Saurbekov, chairman of the board of Kazakhstan Temir Zholy, attended.",
        "Nurlan Saurbekov",
        "Chairman of the Board",
        "Kazakhstan Temir Zholy",
    ),
    RoleCase(
        "Kazakh Foreign Minister Murat Nurtleu met his counterpart.",
        "Murat Nurtleu",
        "Foreign Minister",
        country="KZ",
    ),
    RoleCase(
        "Turkmen head of state Serdar Berdimuhamedov received the delegation.",
        "Serdar Berdimuhamedov",
        "Head of State",
        country="TM",
    ),
    RoleCase(
        "The ministry's press secretary, Aibek Smadiyarov, said the visit went well.",
        "Aibek Smadiyarov",
        "Press Secretary",
    ),
    RoleCase(
        "Samruk-Kazyna spokesperson Dana Omarova told reporters the fund would invest.",
        "Dana Omarova",
        "Spokesperson",
        "Samruk-Kazyna",
    ),
    RoleCase(
        "KazMunayGas CEO Askhat Khassenov said output would rise.", "Askhat Khassenov", "CEO", "KazMunayGas"
    ),
    RoleCase(
        "Zhanseit Tuymebayev, rector of Al-Farabi Kazakh National University, welcomed the students.",
        "Zhanseit Tuymebayev",
        "Rector",
        "Al-Farabi Kazakh National University",
    ),
    RoleCase(
        "The firm's founder, president and chief executive, Li Wenhua, said the plant was ready.",
        "Li Wenhua",
        "Chief Executive",
    ),
    RoleCase(
        "Marta Silveira, project director at Lagoa Verde Energia, said the works had started.",
        "Marta Silveira",
        "Project Director",
        "Lagoa Verde Energia",
    ),
    RoleCase(
        "Daniel Okafor, the company's chief financial officer, said margins improved.",
        "Daniel Okafor",
        "Chief Financial Officer",
    ),
    RoleCase(
        "Ilse Brandt, Vice President for Grid Projects at Nordmark Kabel, said the order was signed.",
        "Ilse Brandt",
        "Vice President for Grid Projects",
        "Nordmark Kabel",
    ),
    RoleCase(
        "Samuel Mensah, the World Bank's Country Representative in Ghana, said the grant was approved.",
        "Samuel Mensah",
        "Country Representative in Ghana",
        "World Bank",
    ),
    RoleCase(
        "Aziz Karimov, Director General of the National Centre for Water Resources Management, said "
        "the canal reopened.",
        "Aziz Karimov",
        "Director General",
        "National Centre for Water Resources Management",
    ),
    RoleCase(
        "The memorandum was signed by Vietnamese Deputy Minister of Industry and Trade Nguyen Hoang Long.",
        "Nguyen Hoang Long",
        "Deputy Minister of Industry and Trade",
        country="VN",
    ),
    RoleCase(
        "The visit was hosted by acting Governor of Kandahar Abdul Rahim Sharifi.",
        "Abdul Rahim Sharifi",
        "Governor of Kandahar",
        qualifier="acting",
    ),
    RoleCase(
        "UNICEF's Regional Director for East Asia, Grace Wanjiru, said the schools would reopen.",
        "Grace Wanjiru",
        "Regional Director for East Asia",
        "UNICEF",
    ),
    RoleCase(
        "The forum was opened by Kazakh Ambassador to Armenia Daulet Seitkali and Armenia's Deputy "
        "Minister of Economy, Hovik Sargsyan.",
        "Hovik Sargsyan",
        "Deputy Minister of Economy",
        country="AM",
    ),
    RoleCase(
        "The forum was opened by Kazakh Ambassador to Armenia Daulet Seitkali and Armenia's Deputy "
        "Minister of Economy, Hovik Sargsyan.",
        "Daulet Seitkali",
        "Ambassador to Armenia",
        country="KZ",
    ),
    RoleCase(
        "Akim of Zhanakorgan district Nurlan Baimukhanov visited the site.",
        "Nurlan Baimukhanov",
        "Akim of Zhanakorgan District",
    ),
    RoleCase(
        "Petra Novak, chairwoman of the audit committee and a former deputy minister of finance, said "
        "the audit was complete.",
        "Petra Novak",
        "Deputy Minister of Finance",
        qualifier="former",
    ),
    RoleCase(
        "Park Min-jun, Vice President of South Korea's Daesung Fibers, said orders doubled.",
        "Park Min-jun",
        "Vice President",
        "Daesung Fibers",
        country="KR",  # the organization's country, from the possessive
    ),
    RoleCase(
        "The team included Farid Aliyev, head of the Europe, Americas and Oceania Department of the "
        "Ministry of Foreign Affairs; and two advisers.",
        "Farid Aliyev",
        "Head of the Europe, Americas and Oceania Department",
        "Ministry of Foreign Affairs",
    ),
    RoleCase(
        "It was attended by Ramil Huseynov, Chargé d'Affaires of the Embassy of Azerbaijan in Doha.",
        "Ramil Huseynov",
        "Chargé d'Affaires",
        "Embassy of Azerbaijan in Doha",
    ),
    RoleCase(
        "Hokim of Namangan region Sardor Yusupov opened the plant.",
        "Sardor Yusupov",
        "Hokim of Namangan Region",
    ),
    RoleCase(
        "Alan Brooks, a former minister of mines who is now a senior adviser to Corvex Metals, "
        "backed the plan.",
        "Alan Brooks",
        "Senior Adviser",
        "Corvex Metals",
    ),
    RoleCase(
        "Sunita Rao, the firm's general counsel and corporate secretary, said the permit was final.",
        "Sunita Rao",
        "Corporate Secretary",
    ),
]


@pytest.mark.parametrize("case", ROLE_CASES, ids=lambda c: c.person)
def test_role_patterns(run_extract, case):
    record = run_extract(case.text)
    people = {p["name"]: p for p in record["people"]}
    assert case.person in people, record["people"]
    roles = {r["title"]: r for r in people[case.person]["roles"]}
    assert case.title in roles, roles
    role = roles[case.title]
    assert (role["organization"], role["country"], role["qualifier"]) == (
        case.organization,
        case.country,
        case.qualifier,
    )
    assert case.text[role["span"]["start"] : role["span"]["end"]] == role["span"]["text"]


def test_several_titles_split_into_roles(run_extract):
    record = run_extract(
        "The forum heard Deputy Prime Minister and Minister of Trade and Integration "
        "Serik Zhumangarin and others."
    )
    (person,) = record["people"]
    assert [r["title"] for r in person["roles"]] == [
        "Deputy Prime Minister",
        "Minister of Trade and Integration",
    ]


def test_comma_joined_titles(run_extract):
    record = run_extract(
        "According to Deputy Chairman of the Cabinet of Ministers, Minister of Foreign "
        "Affairs Rashid Meredov, the line will open soon."
    )
    (person,) = record["people"]
    assert [r["title"] for r in person["roles"]] == ["Deputy Chairman", "Minister of Foreign Affairs"]
    assert person["roles"][0]["organization"] == "Cabinet of Ministers"


def test_later_mention_role_goes_to_the_right_person(run_extract):
    text = (
        "Vice Minister of Energy Askar Amirov and Ruslan Tokayev, director of Astana Energy, "
        "visited the site. Supplies will rise next year, the vice minister said."
    )
    people = {p["name"]: p for p in run_extract(text)["people"]}
    amirov = people["Askar Amirov"]
    assert [r["title"] for r in amirov["roles"]] == ["Vice Minister of Energy"]
    assert any(m["text"] == "the vice minister" for m in amirov["mentions"])
    assert all(m["text"] != "the vice minister" for m in people["Ruslan Tokayev"]["mentions"])


def test_role_stated_only_on_a_later_mention(run_extract):
    text = "Bakhyt Sultanov opened the session. Trade grew by a fifth, the minister said."
    (person,) = run_extract(text)["people"]
    assert [r["title"] for r in person["roles"]] == ["Minister"]


@pytest.mark.parametrize("mention", ["Mr. Sultanov", "Dr. Sultanov", "Sultanov"])
def test_surname_and_honorific_mentions_are_aliases(run_extract, mention):
    text = f"Minister of Finance Madi Sultanov presented the budget. {mention} said it was balanced."
    (person,) = run_extract(text)["people"]
    assert person["name"] == "Madi Sultanov"
    assert person["aliases"] == ["Sultanov"]
    assert len(person["mentions"]) == 2


def test_place_list_members_are_places_not_people(run_extract):
    text = "The corridor links Termez, Mazar-i-Sharif, Spin Boldak and Kabul, officials said."
    record = run_extract(text)
    assert record["people"] == []
    places = {loc["name"]: loc["country"] for loc in record["locations"]}
    assert {"Termez", "Mazar-i-Sharif", "Spin Boldak", "Kabul"} <= set(places)
    assert places["Spin Boldak"] is None  # list-mates in two countries say nothing


def test_unknown_place_takes_the_country_of_its_list_mates(run_extract):
    record = run_extract("Trucks will run via Herat, Kandahar and Spin Boldak next year.")
    places = {loc["name"]: loc["country"] for loc in record["locations"]}
    assert places["Spin Boldak"] == "AF"


def test_demonyms_are_not_people(run_extract):
    record = run_extract("The Kazakh and Uzbek sides agreed, and the Afghan delegation left.")
    assert record["people"] == []


def test_speech_subject_names_a_person_the_model_misses(run_extract):
    text = "Ospan Zhakypbekov noted that the line would be electrified."
    (person,) = run_extract(text)["people"]
    assert person["name"] == "Ospan Zhakypbekov"


def test_organizations_named_once_with_country(run_extract):
    text = (
        "The Ministry of Foreign Affairs said the Ministry of Foreign Affairs would reply. "
        "Pakistan's Ministry of Railways agreed."
    )
    organizations = {o["name"]: o for o in run_extract(text)["organizations"]}
    assert len(organizations["Ministry of Foreign Affairs"]["mentions"]) == 2
    assert organizations["Ministry of Railways"]["country"] == "PK"


def test_short_organization_name_is_merged(run_extract):
    text = (
        "Kestrel Logistics Technologies opened a depot. Kestrel also launched flights with Noordwind Cargo."
    )
    organizations = {o["name"]: o for o in run_extract(text)["organizations"]}
    assert len(organizations["Kestrel Logistics Technologies"]["mentions"]) == 2
    assert "Kestrel" not in organizations


def test_places_after_locatives_and_regions(run_extract):
    text = (
        "Trucks cross near Chaman, and a Riyadh-based firm will build a depot in Takoradi "
        "for the Surkhandarya region."
    )
    record = run_extract(text)
    places = {loc["name"]: loc["country"] for loc in record["locations"]}
    assert places["Chaman"] == "PK" and places["Riyadh"] == "SA" and places["Takoradi"] == "GH"
    assert "Surkhandarya" in places
    assert all("Surkhandarya" not in o["name"] for o in record["organizations"])


def test_honorific_without_a_full_stop_is_no_name_word(run_extract):
    record = run_extract("Deputy Mayor of Riga Ilze Ozola spoke first. Ms Ozola said the trams would run.")
    assert [(p["name"], p["aliases"]) for p in record["people"]] == [("Ilze Ozola", ["Ozola"])]


def test_a_qualifier_does_not_let_a_lower_case_title_run_into_a_name(run_extract):
    record = run_extract(
        "Toomas Kask, acting managing director of Odra Rail Baltic, said the depot would open."
    )
    assert [p["name"] for p in record["people"]] == ["Toomas Kask"]
    assert record["people"][0]["roles"][0]["organization"] == "Odra Rail Baltic"


def test_storms_are_not_people(run_extract):
    record = run_extract("Homes were lost in 2019, when Cyclone Idai hit the port of Beira.")
    assert record["people"] == []


def test_embassies_keep_their_city_and_acronyms_join_their_names(run_extract):
    text = (
        "The International Organization for Migration (IOM) and the Embassy of Norway in Astana "
        "signed the plan. IOM will open an office."
    )
    organizations = {o["name"]: o for o in run_extract(text)["organizations"]}
    assert "Embassy of Norway in Astana" in organizations
    assert "IOM" not in organizations
    assert len(organizations["International Organization for Migration"]["mentions"]) == 3


def test_a_country_owning_a_title_is_still_a_location(run_extract):
    record = run_extract("Türkiye's Deputy Minister of Trade Ali Demir arrived in Bishkek.")
    assert {loc["name"]: loc["country"] for loc in record["locations"]}["Türkiye"] == "TR"
    assert record["people"][0]["roles"][0]["country"] == "TR"


def test_a_name_between_commas_before_said_is_a_speaker(run_extract):
    text = "Corvex's Executive Vice President, Operations, Marek Zielinski, said crews were ready."
    (person,) = run_extract(text)["people"]
    assert person["name"] == "Marek Zielinski"
    assert [(r["title"], r["organization"]) for r in person["roles"]] == [
        ("Executive Vice President, Operations", "Corvex")
    ]


def test_a_country_in_a_proper_name_stays(run_extract):
    text = (
        "Kuwait Airways will fly to Baku. The UAE Ministry of Energy agreed. NPR 500 million was set aside."
    )
    organizations = {o["name"]: o["country"] for o in run_extract(text)["organizations"]}
    assert organizations["Kuwait Airways"] == "KW"
    assert organizations["Ministry of Energy"] == "AE"
    assert not any("500" in name for name in organizations)
