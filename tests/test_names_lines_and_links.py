"""Failure kinds of names and roles seen on the round-5 held-out releases (issue 12), one test
per kind, on sentences invented for these tests.

Each kind was seen in at least two articles of different styles: names written the way other
cultures write them, list and contact lines, verbs of appointment and departure, titles whose
complement is a board, a territory or an organization.
"""

from __future__ import annotations

import pytest

from pressfeed.extractors.names import parse_person_name

from .test_entity_failure_kinds import RoleCase, check_role, roles_of

pytestmark = pytest.mark.issue(12)


def names(record: dict) -> set[str]:
    return {p["name"] for p in record["people"]}


# Abbreviated given names (Mongolian "Ts.", "Kh."; Filipino "Ma."), particle runs before the
# family name ("van der", "dela", "bint"), post-nominal letters and courtesy honorifics.
NAME_FORMS = [
    ("Prime Minister Ts. Munkhbayar said the budget would pass.", "Ts. Munkhbayar"),
    ("Kh. Enkhjin, Head of Public Relations, said the mine would reopen.", "Kh. Enkhjin"),
    ("Chief Financial Officer Pieter J. van der Merwe said costs fell.", "Pieter J. van der Merwe"),
    ("Undersecretary Ma. Teresa dela Cruz-Ramos opened the session.", "Ma. Teresa dela Cruz-Ramos"),
    (
        "Dr. Noura bint Saeed Al-Kaabi, Chairperson of Gulf Water Services, spoke.",
        "Noura bint Saeed Al-Kaabi",
    ),
    ("Ms Helen Fairley OBE said the embassy would reopen.", "Helen Fairley"),
    ("The Hon Rhiannon Pask MLA said the frigates would stay.", "Rhiannon Pask"),
    ("Your Excellency Omar Faruk Demir, thank you for coming.", "Omar Faruk Demir"),
]


@pytest.mark.parametrize(("text", "name"), NAME_FORMS, ids=[n for _, n in NAME_FORMS])
def test_name_forms_of_many_cultures(run_extract, text, name):
    assert name in names(run_extract(text))


def test_family_name_keeps_its_particles():
    assert parse_person_name("Pieter J. van der Merwe").family == "van der Merwe"
    assert parse_person_name("Maria dela Cruz").family == "dela Cruz"


def test_later_mention_by_family_name_with_particles(run_extract):
    record = run_extract(
        "Chief Financial Officer Pieter J. van der Merwe said costs fell. Van der Merwe added more."
    )
    person = next(p for p in record["people"] if p["name"] == "Pieter J. van der Merwe")
    assert "van der Merwe" in person["aliases"] or len(person["mentions"]) >= 1


# A list item, a contact line or an agenda line: the title closes at the end of the line.
LINE_ROLES = [
    RoleCase(
        "Launch event\n\nGuest of Honour: Amina Wekesa-Oduor, Cabinet Secretary for Health\n\n"
        "Doors open at nine.",
        "Amina Wekesa-Oduor",
        "Cabinet Secretary for Health",
    ),
    RoleCase(
        "Loan signed\n\nThe bank approved the loan.\n\nContacts:\n"
        "Jose Ramon Tan-Reyes, External Affairs Officer, World Bank, +63 2 0000 0000\n",
        "Jose Ramon Tan-Reyes",
        "External Affairs Officer",
        organization="World Bank",
    ),
    RoleCase(
        "Notice\n\nFor enquiries:\nMercy Atieno Otieno\n"
        "Head of Public Communications, Ministry of Health\nTel: 0100\n",
        "Mercy Atieno Otieno",
        "Head of Public Communications",
        organization="Ministry of Health",
    ),
    RoleCase(
        "Results\n\nThe company grew.\n\nInvestor Contact:\nSamir Haddad\n"
        "Vice President, Investor Relations\nir@x.example\n",
        "Samir Haddad",
        "Vice President, Investor Relations",
    ),
    RoleCase(
        "The board:\n- Noor Saeed Kaabi – Vice Chairman\n- Omar Hadi – Board Member\n",
        "Noor Saeed Kaabi",
        "Vice Chairman",
    ),
]


@pytest.mark.parametrize("case", LINE_ROLES, ids=lambda c: c.person)
def test_list_contact_and_header_lines(run_extract, case):
    check_role(run_extract(case.text), case)


def test_about_section_then_media_contact_names_people(run_extract):
    text = (
        "Plant opens\n\nTORONTO – The plant opened today with 200 workers.\n\n"
        "About Kestrel Fibre\nKestrel Fibre makes fibre.\n\nMedia contacts:\n"
        "Min-ji Park, Communications Manager, Kestrel Fibre Inc., press@kestrel.example\n"
    )
    check_role(
        run_extract(text),
        RoleCase(text, "Min-ji Park", "Communications Manager", organization="Kestrel Fibre Inc."),
    )


def test_wire_credit_line_names_reporters_and_editors(run_extract):
    text = (
        "Nickel permits halted\n\nJAKARTA, July 30 (Reuters) - Indonesia will stop new permits, "
        "a minister said on Tuesday.\n\n(Reporting by Bayu Santoso and Lin Meiyu; Editing by Tom Halloran)\n"
    )
    assert {"Bayu Santoso", "Lin Meiyu", "Tom Halloran"} <= names(run_extract(text))


# Verbs of taking, holding and leaving a post, and the nouns of appointment.
APPOINTMENT_ROLES = [
    RoleCase("Rana Alvi was appointed Minister of Finance on Friday.", "Rana Alvi", "Minister of Finance"),
    RoleCase(
        "Tom Reyes has been promoted to Executive Vice President and General Manager.",
        "Tom Reyes",
        "General Manager",
    ),
    RoleCase(
        "The shareholders approved the election of Lena Varga as Vice Chair of the Board.",
        "Lena Varga",
        "Vice Chair of the Board",
    ),
    RoleCase(
        "She will succeed Omar Farah as Senior Independent Director next year.",
        "Omar Farah",
        "Senior Independent Director",
    ),
    RoleCase(
        "Ivo Brandt has stepped down as Chief Executive Officer with immediate effect.",
        "Ivo Brandt",
        "Chief Executive Officer",
        qualifier="former",
    ),
    RoleCase(
        "Bat-Erdene Dorj served as First Deputy Governor of the central bank.",
        "Bat-Erdene Dorj",
        "First Deputy Governor",
        qualifier="former",
    ),
    RoleCase(
        "Sara Kimani, currently Deputy Chief Executive Officer, will take over in May.",
        "Sara Kimani",
        "Deputy Chief Executive Officer",
    ),
    RoleCase(
        "Dorj Batbayar, until now Governor of Selenge, was appointed minister.",
        "Dorj Batbayar",
        "Governor of Selenge",
        qualifier="former",
    ),
    RoleCase(
        "Li Wenhao will become Executive Chairman of the Board in May.",
        "Li Wenhao",
        "Executive Chairman of the Board",
    ),
]


@pytest.mark.parametrize("case", APPOINTMENT_ROLES, ids=lambda c: f"{c.person}-{c.title}")
def test_appointment_succession_and_departure(run_extract, case):
    check_role(run_extract(case.text), case)


# Titles whose complement is a board, a territory, or a named organization.
COMPLEMENT_ROLES = [
    RoleCase(
        "Nomvula Dlamini, Chairperson of the Board, said.", "Nomvula Dlamini", "Chairperson of the Board"
    ),
    RoleCase(
        "The Governor of Kakheti, Irakli Chikovani, said the harvest was big.",
        "Irakli Chikovani",
        "Governor of Kakheti",
    ),
    RoleCase(
        "Anzor Beridze, general director of Georgian Railway, said work would start.",
        "Anzor Beridze",
        "General Director",
        organization="Georgian Railway",
    ),
    RoleCase(
        "Minister of Equipment and Road Maintenance Koffi Yao Amani said the road was done.",
        "Koffi Yao Amani",
        "Minister of Equipment and Road Maintenance",
    ),
    RoleCase(
        "Suhail bin Rashid Al Nuaimi, Minister of Energy and Infrastructure, "
        "United Arab Emirates, opened it.",
        "Suhail bin Rashid Al Nuaimi",
        "Minister of Energy and Infrastructure",
        country="AE",
    ),
    RoleCase(
        "Statement\n\nOkada Yumi, Press Secretary and Director-General for Press, "
        "Ministry of Foreign Affairs\n\nText.",
        "Okada Yumi",
        "Press Secretary",
        organization="Ministry of Foreign Affairs",
    ),
]


@pytest.mark.parametrize("case", COMPLEMENT_ROLES, ids=lambda c: c.person)
def test_title_complements(run_extract, case):
    check_role(run_extract(case.text), case)


def test_employer_takes_the_articles_full_organization_name(run_extract):
    text = (
        "Grid loan\n\nMANILA – The Asian Development Bank (ADB) approved a loan on Monday. "
        '"The grid will grow," said Kenji Mori, ADB Country Director for the Philippines.\n'
    )
    roles = roles_of(run_extract(text), "Kenji Mori")
    assert roles["Country Director for the Philippines"]["organization"] == "Asian Development Bank"


# Things that are not people.
NOT_PEOPLE = [
    ("NEW DELHI – Aravali Infra Ltd. won an order. Aravali Infra said it would hire.", "Aravali Infra"),
    ("Suhail Al Nuaimi, Minister of Energy and Infrastructure, United Arab Emirates, opened it.", "Arab"),
    ("The Hon Rhiannon Pask MLA said the frigates would stay.", "Rhiannon Pask MLA"),
    ("Lumentra Names Ravi Iyer EVP and General Manager, Networking\n\nRavi Iyer was promoted.", "Networking"),
    ("Ayesha Moosa, Head of Investor Relations, Kransberg Gold Limited, said.", "Kransberg Gold Limited"),
]


@pytest.mark.parametrize(("text", "not_a_person"), NOT_PEOPLE, ids=[n for _, n in NOT_PEOPLE])
def test_not_a_person(run_extract, text, not_a_person):
    assert not_a_person not in names(run_extract(text))


def test_place_then_name_after_a_comma_is_no_place_list(run_extract):
    record = run_extract("Angola's Ambassador to Brazil, Joaquim Lukamba Mateus, attended the talks.")
    assert "Joaquim Lukamba Mateus" in names(record)
    assert "Joaquim Lukamba Mateus" not in {loc["name"] for loc in record["locations"]}


PREDECESSORS = [
    ("She will succeed Ts. Batbold, who has led the company as Chief Executive Officer.", "Ts. Batbold"),
    (
        "Ana Lund has been appointed Ambassador to Chile in succession to Ms Helen Fairley, who retires.",
        "Helen Fairley",
    ),
]


@pytest.mark.parametrize(("text", "name"), PREDECESSORS, ids=[n for _, n in PREDECESSORS])
def test_predecessor_in_a_post_is_a_person(run_extract, text, name):
    assert name in names(run_extract(text))


def test_post_held_while_leading(run_extract):
    text = "She will succeed Ts. Batbold, who has led the company as Chief Executive Officer for nine years."
    check_role(run_extract(text), RoleCase(text, "Ts. Batbold", "Chief Executive Officer"))


def test_long_name_after_a_complete_portfolio(run_extract):
    text = "Deputy Minister of Industry and Trade Nguyen Thi Thu Ha received the delegation in Hanoi."
    check_role(
        run_extract(text), RoleCase(text, "Nguyen Thi Thu Ha", "Deputy Minister of Industry and Trade")
    )


def test_both_ends_of_a_route_are_places(run_extract):
    record = run_extract("The airline will operate five Luanda–São Paulo flights a week.")
    assert {"Luanda", "São Paulo"} <= {loc["name"] for loc in record["locations"]}


@pytest.mark.parametrize(
    "text",
    [
        "Output rose at the Nghi Lam Economic Zone.",
        "A plant opened at the Sumqayit Chemical Industrial Park.",
    ],
)
def test_industrial_parks_and_economic_zones_are_places(run_extract, text):
    name = text.split("the ", 1)[1].rstrip(".")
    assert name in {loc["name"] for loc in run_extract(text)["locations"]}


def test_a_determiner_before_an_administrative_word_names_no_place(run_extract):
    record = run_extract("The Governor of Khatlon Region, Davlat Rahimov, spoke. The region aims to grow.")
    assert "region" not in {loc["name"].casefold() for loc in record["locations"]}


def test_honorific_between_title_and_name(run_extract):
    text = "The session was co-chaired by Minister of State for External Affairs Shri Vikram Anand Rao."
    check_role(
        run_extract(text), RoleCase(text, "Vikram Anand Rao", "Minister of State for External Affairs")
    )


def test_title_word_as_a_given_name_before_a_patronymic(run_extract):
    text = "The board:\n- H.E. Sultan bin Khalifa Al Suwaidi – Chairman\n- Noura Saeed – Vice Chairman\n"
    check_role(run_extract(text), RoleCase(text, "Sultan bin Khalifa Al Suwaidi", "Chairman"))


def test_contacts_heading_without_a_colon(run_extract):
    text = (
        "Licence deal\n\nCOPENHAGEN – The company signed a licence today.\n\n"
        "About Norrvik\nNorrvik makes medicines.\n\nContacts\nNorrvik A/S\n"
        "Søren Vestergaard, Vice President, Investor Relations\n+45 3355 0190\n"
    )
    assert "Søren Vestergaard" in names(run_extract(text))


def test_national_office_takes_the_datelines_country(run_extract):
    text = (
        "Grid talks\n\nHANOI – Deputy Minister of Industry and Trade Nguyen Van Binh met investors on Monday."
    )
    check_role(
        run_extract(text),
        RoleCase(text, "Nguyen Van Binh", "Deputy Minister of Industry and Trade", country="VN"),
    )


def test_company_and_subnational_posts_take_no_dateline_country(run_extract):
    text = (
        "Plant opens\n\nPERTH – The Premier of Western Australia, Sophie Kerr, and Company Secretary "
        "Ana Lim opened the plant."
    )
    record = run_extract(text)
    assert roles_of(record, "Sophie Kerr")["Premier of Western Australia"]["country"] is None
    assert roles_of(record, "Ana Lim")["Company Secretary"]["country"] is None


def test_credit_line_keeps_hyphenated_and_short_given_names(run_extract):
    text = (
        "Gas storage grows\n\nANKARA, May 2 (Reuters) - Turkey will expand storage, the minister said.\n\n"
        "(Reporting by Can Yildiz; Additional reporting by Deniz Kaya; Editing by Graham Pitt-Rivers)\n"
    )
    assert {"Can Yildiz", "Deniz Kaya", "Graham Pitt-Rivers"} <= names(run_extract(text))


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("Ana Ruiz, Press Officer, European Investment Bank", "Press Officer"),
        ("Selam Tesfaye, Media and Communications Officer, IOM", "Media and Communications Officer"),
    ],
)
def test_contact_titles_built_on_portfolios(run_extract, line, title):
    text = f"Notice\n\nThe office opened.\n\nContacts:\n{line}, someone@example.org\n"
    person = line.split(",")[0]
    assert title in roles_of(run_extract(text), person)


def test_employer_of_a_joined_title_serves_both(run_extract):
    text = '"We grew," said Jonathan K. Reyes-Whitman, President and Chief Executive Officer of Corvane.'
    roles = roles_of(run_extract(text), "Jonathan K. Reyes-Whitman")
    assert roles["President"]["organization"] == roles["Chief Executive Officer"]["organization"] == "Corvane"


def test_title_colon_name_list_line(run_extract):
    text = "The nominees are:\n\n- Chairman: Mrs. Ngozi Adaeze Okoro (Imo)\n- Member: Mr. Ola Ade (Ondo)\n"
    check_role(run_extract(text), RoleCase(text, "Ngozi Adaeze Okoro", "Chairman"))


def test_portfolio_enumeration_of_a_commissioner(run_extract):
    text = "Commissioner for Cohesion and Reforms Dimitra Alexiou said the fund would help."
    check_role(run_extract(text), RoleCase(text, "Dimitra Alexiou", "Commissioner for Cohesion and Reforms"))


@pytest.mark.parametrize(
    ("text", "person", "title"),
    [
        (
            "Contacts:\nSoren Vest, Vice President, Investor Relations, Nordvik Ltd.\n",
            "Soren Vest",
            "Vice President, Investor Relations",
        ),
        (
            "Media:\nYuki Hara, General Manager, Corporate Communications, Kuro Co., Ltd.\n",
            "Yuki Hara",
            "General Manager, Corporate Communications",
        ),
    ],
)
def test_corporate_title_with_its_portfolio_after_a_comma(run_extract, text, person, title):
    roles = roles_of(run_extract("Notice\n\nThe company grew.\n\n" + text), person)
    assert title in roles
    assert roles[title]["organization"] is not None


@pytest.mark.parametrize(("text", "value"), [("Monday", "2013-02-18"), ("1 week ago", "2013-02-05")])
def test_a_text_of_one_line_is_body_not_a_heading(run_extract, text, value):
    assert value in [d["value"] for d in run_extract(text, published="2013-02-12")["dates"]]
