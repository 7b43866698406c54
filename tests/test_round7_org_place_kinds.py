"""Failure kinds of organizations and places seen on the round-7 held-out releases (issue 12),
one test per kind, on sentences invented for these tests.

Each kind was seen in at least two articles of different styles across the development and
held-out corpora (the styles are named in each test's docstring).
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.issue(12)


def places(record: dict) -> dict[str, str | None]:
    return {loc["name"]: loc["country"] for loc in record["locations"]}


def orgs(record: dict) -> set[str]:
    return {o["name"] for o in record["organizations"]}


def test_a_lower_case_word_the_model_tags_as_a_place_is_no_place(run_extract):
    """advisory, govstmt, results, readout, UN: "runs on ammonia", "the east coast"."""
    record = run_extract(
        "Release\n\nPERTH – The new tug will run on ammonia, and the refinery will take alumina "
        "from the east coast of the island on the trans-Pacific route."
    )
    assert not set(places(record)) & {"ammonia", "alumina", "east coast", "trans-Pacific"}
    assert "Perth" in places(record)


def test_a_month_is_no_place(run_extract):
    """speech, corporate wire, energy, UN, wire: "Austin, Texas, March 4", "In August, Spain"."""
    record = run_extract(
        "Release\n\nDALLAS, Texas, March 4, 2026 /PRNewswire/ -- Orvane Systems said shipments to "
        "Chile doubled. In August, Spain began buying, and in January, Peru followed."
    )
    found = places(record)
    assert not set(found) & {"March", "August", "January"}
    assert {"Texas", "Spain", "Peru"} <= set(found)


def test_post_nominal_letters_and_honorifics_are_no_organization_or_place(run_extract):
    """govstmt, speech, readout, nominations, energy: "Kamau, EGH, CBS", "HON.", "M.Sc."."""
    record = run_extract(
        "Release\n\nSPEECH BY HON. DR. AMINA ODHIAMBO, EGH, CABINET SECRETARY\n\n"
        "NAIROBI – I welcome Mr. Peter Otieno, CBS; and Ir. Budi Santoso, M.Sc., Director of "
        "Geothermal at Panas Bumi Energi.\n\nShe holds a B.A. in Economics from Moi University."
    )
    found = orgs(record) | set(places(record))
    assert not found & {"HON", "EGH", "CBS", "M.Sc", "M.Sc.", "B.A."}
    assert "Moi University" in orgs(record)


ACRONYM_NAMES = [
    ("The Inter-Continental Investment Bank (ICIB) approved a loan.", "Inter-Continental Investment Bank"),
    (
        "Orders came from the Baltic Trade-Investment Promotion Agency (BTIPA).",
        "Baltic Trade-Investment Promotion Agency",
    ),
    ("Shelter was provided by the UN Migration Agency (UNMA) on Friday.", "UN Migration Agency"),
    (
        "The Office of the United Nations High Commissioner for Migrants (UNHCM) said so.",
        "Office of the United Nations High Commissioner for Migrants",
    ),
    (
        "Aid is run by the Directorate-General for Coastal Protection and Relief Operations (DGCP).",
        "Directorate-General for Coastal Protection and Relief Operations",
    ),
]


@pytest.mark.parametrize(("text", "name"), ACRONYM_NAMES, ids=[n for _, n in ACRONYM_NAMES])
def test_a_name_before_its_bracketed_acronym_is_kept_whole(run_extract, text, name):
    """devbank, readout, commission, UN: a hyphenated word, an acronym or an organization word
    opening the name no longer cuts it ("American Development Bank", "Refugee Agency")."""
    record = run_extract("Release\n\nGENEVA – " + text)
    found = {o["name"]: o["aliases"] for o in record["organizations"]}
    assert name in found
    assert text[text.index("(") + 1 : text.index(")")] in found[name]


def test_places_listed_before_a_plural_administrative_word(run_extract):
    """govstmt, devbank, UN: "the Ashanti, Bono East and Northern regions", "Ayod and Fangak
    counties": each member is a place, though the model tags them ORG or PERSON."""
    record = run_extract(
        "Release\n\nACCRA – Crews will return to 30 sites in the Ashanti, Bono East and Volta "
        "regions.\n\nIn Kapoeta and Torit counties alone, some 9,000 people have moved."
    )
    assert {"Ashanti", "Bono East", "Volta", "Kapoeta", "Torit"} <= set(places(record))
    assert not orgs(record) & {"Ashanti", "Bono East"}


def test_state_is_an_administrative_word_unless_part_of_the_name(run_extract):
    """nominations, UN, speech: "(Bayelsa State)" is Bayelsa; "Free State" stays whole."""
    record = run_extract(
        "Release\n\nABUJA – The nominees are Chief Tonye Alagoa (Bayelsa State) and Dr. Musa "
        "Bello (Gombe State). The mine lies in the Free State."
    )
    found = places(record)
    assert {"Bayelsa", "Gombe", "Free State"} <= set(found)
    assert not set(found) & {"Bayelsa State", "Free"}


def test_a_legislature_named_by_one_word_is_an_organization(run_extract):
    """nominations, wire, govstmt: "urged the Senate to", "presented to Parliament"."""
    record = run_extract(
        "Release\n\nACCRA – The budget will be presented to Parliament next month, and the "
        "minister urged the Senate to act."
    )
    assert {"Parliament", "Senate"} <= orgs(record)


def test_a_legislature_before_a_capitalized_word_is_left_to_the_longer_name(run_extract):
    """nominations: "the Senate Committee on Roads" is one organization, not "Senate"."""
    record = run_extract("Release\n\nABUJA – The bill went to the Senate Committee on Roads.")
    assert "Senate" not in orgs(record)


def test_schemes_incentives_and_mechanisms_are_not_organizations(run_extract):
    """speech, govstmt, commission: "a €45 million ... Scheme", "the ... Tax Incentive"."""
    record = run_extract(
        "Release\n\nDUBLIN – The minister opened the Coastal Fleet Renewal Scheme and the Rare "
        "Earths Processing Incentive, and the EU Flood Response Mechanism was activated."
    )
    assert not orgs(record) & {
        "Coastal Fleet Renewal Scheme",
        "Rare Earths Processing Incentive",
        "EU Flood Response Mechanism",
        "EU Flood Response",
    }


def test_a_portfolio_joined_by_and_opening_a_sentence_stays_in_the_name(run_extract):
    """UN: "The Relief and Rehabilitation Commission estimates" (the rule of "the Food and
    Agriculture Organization" missed a capitalized "The")."""
    record = run_extract(
        "Release\n\nJUBA – Floods spread.\n\nThe Relief and Recovery Commission estimates that "
        "40,000 people have moved."
    )
    assert "Relief and Recovery Commission" in orgs(record)
    assert "Recovery Commission" not in orgs(record)


def test_international_bodies_the_model_misses_or_cuts_are_named_in_full(run_extract):
    """advisory, devbank, UN: a body whose name holds a list ("... AIDS, Tuberculosis and
    Malaria"), a "Group" after a bank's name, an acronym opening a list line."""
    record = run_extract(
        "Release\n\nNAIROBI – Nets were paid for by the Global Fund to Fight AIDS, Tuberculosis "
        "and Malaria and the African Development Bank Group.\n\n- UNICEF and Save the Children "
        "will deliver them."
    )
    found = orgs(record)
    assert {
        "Global Fund to Fight AIDS, Tuberculosis and Malaria",
        "African Development Bank Group",
        "UNICEF",
        "Save the Children",
    } <= found
    assert "Tuberculosis" not in places(record)


def test_a_forward_looking_statements_disclaimer_names_nothing(run_extract):
    """corporate wire (corpus/README.md: nothing in such a disclaimer is annotated)."""
    record = run_extract(
        "Release\n\nAUSTIN, Texas – Orvane Systems will buy Pellmoor Labs.\n\n"
        "Forward-Looking Statements\nThis press release contains forward-looking statements. "
        "Results may differ because of risks in Orvane's filings with the Securities and "
        "Exchange Commission.\n"
    )
    assert "Securities and Exchange Commission" not in orgs(record)


def test_an_about_section_after_a_contact_block_names_nothing(run_extract):
    """devbank, appoint: "Media contact ..." then "About ADB" ("... sustainable Asia and the
    Pacific", "listed on the London Stock Exchange"): the contact block's people are kept,
    the About section gives no facts."""
    record = run_extract(
        "Release\n\nMANILA – The bank approved a loan to Viet Nam.\n\nMedia contact\nMai Tran, "
        "Communications Officer, Harbour Bank\nmtran@bank.example\n\nAbout Harbour Bank\n"
        "Harbour Bank serves Oceania and the Caribbean and is listed on the Oslo Stock Exchange.\n"
    )
    assert not set(places(record)) & {"Oceania", "Caribbean"}
    assert "Oslo Stock Exchange" not in orgs(record)
    assert "Mai Tran" in {p["name"] for p in record["people"]}


def test_a_known_place_named_with_a_possessive_is_not_cut(run_extract):
    """award, UN: "(St. John's, N.L.)", "in Cox's Bazar": not "St. John" or "Bazar"."""
    record = run_extract(
        "Release\n\nHALIFAX – Schools reopened in Cox's Bazar on Monday.\n\n- Narrows Subsea "
        "Ltd. (St. John's, N.L.): $3,000,000 to build a simulator."
    )
    found = places(record)
    assert {"Cox's Bazar", "St. John's"} <= set(found)
    assert not set(found) & {"Bazar", "St. John"}


def test_regency_is_an_administrative_word(run_extract):
    """energy: "a project in Bandung Regency, West Java" is in Bandung."""
    record = run_extract("Release\n\nJAKARTA – The plant is a project in Sumedang Regency, West Java.")
    assert "Sumedang" in places(record)
    assert "Sumedang Regency" not in places(record)


def test_a_name_before_a_place_noun_is_a_place_not_an_organization(run_extract):
    """brief, readout, CA, appoint, nominations: "the Fairview Cove container terminal", "the
    Shimoni fish port", "the Tavan Tolgoi coal deposit", "the Zamyn-Uud crossing"."""
    record = run_extract(
        "Release\n\nThe authority opened public comment on the Bedford Cove container terminal "
        "in Halifax, Nova Scotia."
    )
    assert "Bedford Cove" in places(record)
    assert "Bedford Cove" not in orgs(record)


def test_an_unknown_place_the_model_tagged_org_lies_in_the_main_country(run_extract):
    """readout, brief, CA, devbank, UN: once read as a place, a name the gazetteer does not
    know takes the country the article names most, like any unknown town."""
    record = run_extract(
        "Release\n\nMOMBASA, Kenya – Norway will help equip the Mkwiro fish port in Kenya, the "
        "ministry said. Kenya will train 40 officers."
    )
    assert places(record).get("Mkwiro") == "KE"
