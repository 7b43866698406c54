"""Failure kinds of titles and names seen on the round-9 held-out releases (issue 12), one test
per kind, on sentences invented for these tests.

Each kind was seen in at least two articles of different styles:
- a portfolio listed with commas and a last "and" whose items the portfolio lexicon lacks was
  cut after its first item ("Minister of State for Ports, Shipping and Waterways" -> "Minister of
  State for Ports"; "Minister of Fisheries, Oceans and the Canadian Coast Guard"; "Director of
  Asia, Africa and Oceania"; "Minister of Finance and the Public Service": speech, award,
  readout, advisory);
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
