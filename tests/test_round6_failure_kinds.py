"""Failure kinds of names, titles and links seen on the round-6 held-out releases (issue 12),
one test per kind, on sentences invented for these tests.

Each kind was seen in at least two articles of different styles: Korean names (nominations,
results, wire), hyphenated family names after an honorific (advisory, UN), names alone on a
contact line (Commission contacts, corporate media contacts), honorifics between a verb and a
name (nominations, readouts), list lines that name the employer (nominations, advisories), envoy
titles that keep their country (nominations, readouts), and a title whose country complement
is really the start of an organization's name (nominations, corporate wires).
"""

from __future__ import annotations

import pytest

from pressfeed.extractors import claims

from .test_entity_failure_kinds import RoleCase, check_role

pytestmark = pytest.mark.issue(12)


def names(record: dict) -> set[str]:
    return {p["name"] for p in record["people"]}


NAME_FORMS = [
    ("Hanbit Chief Executive Officer Yoon Ji-ho said orders rose.", "Yoon Ji-ho"),
    ("Nominee for Minister of Trade: Choi Min-jae\n- Born 1970, Daegu\n", "Choi Min-jae"),
    (
        "The ribbon was cut by Her Worship Carla Brink-Oosthuizen, Mayor of Stellenbosch.",
        "Carla Brink-Oosthuizen",
    ),
    (
        "Media enquiries:\nNur Hidayah binti Kamal\nHead, Corporate Communications\n",
        "Nur Hidayah binti Kamal",
    ),
    (
        "Press contacts\nAgnieszka Wrona-Lis\nPhone: +32 2 290 00 00\nMail: a@ec.example\n",
        "Agnieszka Wrona-Lis",
    ),
    ("For more information:\nTomás Reiner\nPhone: +34 600 000 000\n", "Tomás Reiner"),
]


@pytest.mark.parametrize(("text", "name"), NAME_FORMS, ids=[n for _, n in NAME_FORMS])
def test_name_forms_and_contact_lines(run_extract, text, name):
    assert name in names(run_extract("Release\n\nThe fund opened.\n\n" + text))


def test_a_hyphenated_word_after_a_family_name_is_not_korean(run_extract):
    record = run_extract("Release\n\nThe Park Co-op opened a store in Busan on Monday.")
    assert "Park Co-op" not in names(record)


LINKS = [
    RoleCase(
        "Nominations\n\n1. Eng. Amos Kiprop Rono – Principal Secretary, State Department for Water;\n"
        "2. Ms. Zawadi Hamisi – Director, Lake Basin Authority.\n",
        "Amos Kiprop Rono",
        "Principal Secretary",
        organization="State Department for Water",
        country="KE",
    ),
    RoleCase(
        "The President has appointed Mr. Juma Bakari Said as Chairperson of the board.",
        "Juma Bakari Said",
        "Chairperson",
    ),
    RoleCase(
        "Envoys\n\n- Ms. Lydia Chebet – Ambassador to the Kingdom of Sweden;\n",
        "Lydia Chebet",
        "Ambassador to the Kingdom of Sweden",
        country="KE",
    ),
    RoleCase(
        "Mr. Hassan Ali Noor stepped down last month as Chief Executive Officer of Kestrel Freight Ltd.",
        "Hassan Ali Noor",
        "Chief Executive Officer",
        organization="Kestrel Freight Ltd.",
        qualifier="former",
    ),
]


@pytest.mark.parametrize("case", LINKS, ids=lambda c: c.person)
def test_list_lines_honorifics_and_envoy_titles(run_extract, case):
    check_role(run_extract("Release\n\nNAIROBI – State House named new officers.\n\n" + case.text), case)


def test_title_gives_way_to_an_organization_certain_by_its_form(run_extract):
    text = (
        "Release\n\nNAIROBI – Eng. Tom Otieno, who previously served as Managing Director of the "
        "Kenya Grid Transmission Company Limited (KGTC), joins the board.\n"
    )
    record = run_extract(text)
    assert "Kenya Grid Transmission Company Limited" in {o["name"] for o in record["organizations"]}
    roles = {r["title"] for p in record["people"] if p["name"] == "Tom Otieno" for r in p["roles"]}
    assert "Managing Director" in roles


def test_yields_is_declared_in_the_priority_table():
    assert claims.band("TITLE").yields == frozenset({"ORG_FORM"})
    assert claims.band("PERSON").yields == frozenset()
