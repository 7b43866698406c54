"""Failure kinds of titles and names seen on the round-9 held-out releases (issue 12), one test
per kind, on sentences invented for these tests.

Each kind was seen in at least two articles of different styles:
- a portfolio listed with commas and a last "and" whose items the portfolio lexicon lacks was
  cut after its first item ("Minister of State for Ports, Shipping and Waterways" -> "Minister of
  State for Ports"; "Minister of Fisheries, Oceans and the Canadian Coast Guard"; "Director of
  Asia, Africa and Oceania"; "Minister of Finance and the Public Service": speech, award,
  readout, advisory);
- a title whose complement is a unit of an organization or a group function lost it to an
  organization ("Head of the Public Procurement Division, Lithuanian Road Administration" ->
  "Head", organization "Public Procurement Division, ..."; "Head of Group Communications" ->
  "Head"; "Head, Group Strategic Communications"; "Head of Office" of a UN office: brief,
  appointment, energy and UN contact blocks).
"""

from __future__ import annotations

import pytest

from .test_entity_failure_kinds import RoleCase, check_role, roles_of

pytestmark = pytest.mark.issue(12)

LISTED_PORTFOLIO_CASES = [
    RoleCase(
        "The forum heard Ravi K. Menon, Minister of State for Roads, Bridges and Waterways, on Monday.",
        "Ravi K. Menon",
        "Minister of State for Roads, Bridges and Waterways",
    ),
    RoleCase(
        "Claire Dubois, Minister of Forests, Rivers and the National Parks Service, opened the site.",
        "Claire Dubois",
        "Minister of Forests, Rivers and the National Parks Service",
    ),
    RoleCase(
        "The Director of Europe, Asia and Oceania, Julia M. Marsh, received the delegation.",
        "Julia M. Marsh",
        "Director of Europe, Asia and Oceania",
    ),
    RoleCase(
        "WHO:\n- Dr. Alma P. Grant, Minister of Finance and the Public Service\n- Mr. Ivo Lind, Mayor",
        "Alma P. Grant",
        "Minister of Finance and the Public Service",
    ),
    RoleCase(
        "Lea Kim, Minister of Science, Energy, Ports and Transport, said the plan was ready.",
        "Lea Kim",
        "Minister of Science, Energy, Ports and Transport",
    ),
]


@pytest.mark.parametrize("case", LISTED_PORTFOLIO_CASES, ids=[c.title for c in LISTED_PORTFOLIO_CASES])
def test_a_listed_portfolio_stays_whole(run_extract, case):
    check_role(run_extract("Release\n\nThe works began.\n\n" + case.text), case)


def test_an_office_after_a_portfolio_is_not_part_of_the_list(run_extract):
    """A list that ends in an office whose first word opens portfolios ("Foreign") is the
    office, not more portfolio."""
    record = run_extract(
        "Statement\n\nLady Ana Morell\nMinister for Trade, Foreign, Commonwealth & Trade Office\n"
        "London\n\nThe minister said the grant would reach 40 towns."
    )
    titles = {r["title"] for p in record["people"] for r in p["roles"]}
    assert "Minister for Trade, Foreign, Commonwealth & Trade Office" not in titles, titles


def test_a_two_item_list_with_a_person_after_it_keeps_the_person_out(run_extract):
    record = run_extract(
        "Release\n\nThe talks ended.\n\nThe Minister of Finance, Ana Ruiz, and the Minister of"
        " Energy, Tom Bell, met on Monday."
    )
    assert "Minister of Finance" in roles_of(record, "Ana Ruiz"), record["people"]


UNIT_AND_FUNCTION_CASES = [
    RoleCase(
        "Enquiries: Ona Vaitkutė, Head of the Public Works Division, Vilnius City Municipality,"
        " +370 5 555 0100",
        "Ona Vaitkutė",
        "Head of the Public Works Division",
        organization="Vilnius City Municipality",
    ),
    RoleCase(
        "Media contact:\nThandi Mokoena\nHead of Group Communications, Kaya Mutual\n+27 11 555 0100",
        "Thandi Mokoena",
        "Head of Group Communications",
        organization="Kaya Mutual",
    ),
    RoleCase(
        "Media contact:\nNurul Huda binti Azman\nHead, Group Strategic Communications\nTeluk Energy Berhad",
        "Nurul Huda binti Azman",
        "Head, Group Strategic Communications",
        organization="Teluk Energy Berhad",
    ),
    RoleCase(
        "For further information:\nAma Owusu, Head of Office, OCHA Chad, owusu@example.org",
        "Ama Owusu",
        "Head of Office",
    ),
]


@pytest.mark.parametrize("case", UNIT_AND_FUNCTION_CASES, ids=[c.title for c in UNIT_AND_FUNCTION_CASES])
def test_a_unit_or_function_stays_in_the_title(run_extract, case):
    record = run_extract("Release\n\nThe works began on 40 sites.\n\n" + case.text)
    role = roles_of(record, case.person).get(case.title)
    assert role is not None, roles_of(record, case.person)
    assert role["organization"] == case.organization, role


def test_a_unit_named_only_in_a_title_is_no_organization(run_extract):
    record = run_extract(
        "Release\n\nThe works began.\n\nEnquiries: Ona Vaitkutė, Head of the Public Works Division,"
        " Vilnius City Municipality, +370 5 555 0100"
    )
    names = {o["name"] for o in record["organizations"]}
    assert "Vilnius City Municipality" in names and "Public Works Division" not in names, names
