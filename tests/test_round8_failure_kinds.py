"""Failure kinds of titles and links seen on the round-8 held-out releases (issue 12), one test
per kind, on sentences invented for these tests.

Each kind was seen in at least two articles of different styles or writers:
- a title's complement of words the portfolio lexicon does not list was cut ("Deputy Minister
  for Fiscal Affairs" -> "Deputy Minister"; "Managing Director for Leveraged Finance",
  "Assistant Secretary of Commerce for Industry and Analysis": nominations, appointments,
  development banks, UN releases);
- a title cut after a dangling "and" ("Director of Economic and", "Executive Director,
  Corporate and": nominations, appointments);
- the predecessor named after "vice" in a nomination line lost the post he or she held (US and
  Liberian Senate lists, three writers);
- a nominee whose name the model reads as an organization ("Priya Rao Deshpande, of
  California, to be ..."), and a present post between the nominee's state and "to be";
- the grade of a career service ("Class of Minister-Counselor") read as a second title.
"""

from __future__ import annotations

import pytest

from .test_entity_failure_kinds import RoleCase, check_role, roles_of

pytestmark = pytest.mark.issue(12)

OPEN_PORTFOLIO_CASES = [
    RoleCase(
        "Mr. Jonah K. Tarpeh was named Deputy Minister for Fiscal Affairs, the ministry said.",
        "Jonah K. Tarpeh",
        "Deputy Minister for Fiscal Affairs",
    ),
    RoleCase(
        "In 2019 Lena M. Okafor was promoted to Managing Director for Leveraged Finance.",
        "Lena M. Okafor",
        "Managing Director for Leveraged Finance",
    ),
    RoleCase(
        "Dora P. Whitley, Assistant Secretary of Commerce for Industry and Analysis, spoke first.",
        "Dora P. Whitley",
        "Assistant Secretary of Commerce for Industry and Analysis",
    ),
    RoleCase(
        "Ama T. Gbeh was appointed Deputy Minister for Research and Extension at the ministry last year.",
        "Ama T. Gbeh",
        "Deputy Minister for Research and Extension",
    ),
]


@pytest.mark.parametrize("case", OPEN_PORTFOLIO_CASES, ids=[c.title for c in OPEN_PORTFOLIO_CASES])
def test_a_portfolio_the_lexicon_lacks_stays_in_the_title(run_extract, case):
    check_role(run_extract("Release\n\nThe works began.\n\n" + case.text), case)


def test_the_name_after_a_listed_portfolio_is_not_part_of_the_title(run_extract):
    """An unlisted capitalized word right after a listed portfolio is a name, even where the
    comma after it would close the complement."""
    record = run_extract(
        "Release\n\nThe ferry sailed.\n\nAccording to the Minister of Foreign Affairs Batu Oyunerdene,"
        " the route will open in May."
    )
    roles = roles_of(record, "Batu Oyunerdene")
    assert set(roles) == {"Minister of Foreign Affairs"}


def test_a_title_never_ends_on_a_dangling_and(run_extract):
    record = run_extract(
        "Release\n\nThe bank grew.\n\nMs Ada N. Obi, Executive Director, Finance and Operations, said"
        " the bank grew. Ms Ada N. Obi was previously Director of Economic and Cultural Affairs."
    )
    titles = set(roles_of(record, "Ada N. Obi"))
    assert "Executive Director, Finance and Operations" in titles
    assert not [t for t in titles if t.endswith((" and", ","))], titles


NOMINATIONS = (
    "Nominations Sent to the Senate\n\nNOMINATIONS SENT TO THE SENATE:\n\n"
    "Priya Rao Deshpande, of California, to be an Assistant Secretary of Labor, vice Tom B. Bellamy,"
    " resigned.\n\n"
    "Marta L. Quist-Haynes, of Ohio, a Career Member of the Senior Foreign Service, Class of"
    " Minister-Counselor, to be Ambassador Extraordinary and Plenipotentiary of the United States of"
    " America to the Republic of Chile.\n\n"
    "Dr. Kofi A. Mensah, of Bong County, to be Deputy Minister for Fiscal Affairs, Ministry of"
    " Finance, vice Mrs. Ama K. Osei, retired.\n"
)


def test_the_predecessor_after_vice_held_the_post(run_extract):
    record = run_extract(NOMINATIONS)
    bellamy = roles_of(record, "Tom B. Bellamy")
    assert bellamy["Assistant Secretary of Labor"]["qualifier"] == "former"
    osei = roles_of(record, "Ama K. Osei")
    assert osei["Deputy Minister for Fiscal Affairs"]["qualifier"] == "former"
    assert "Deputy Minister for Fiscal Affairs" in roles_of(record, "Kofi A. Mensah")


def test_a_nominee_opening_a_list_line_is_a_person(run_extract):
    record = run_extract(NOMINATIONS)
    assert "Assistant Secretary of Labor" in roles_of(record, "Priya Rao Deshpande")
    assert "Priya Rao Deshpande" not in {o["name"] for o in record["organizations"]}


def test_a_present_post_before_to_be_and_the_service_grade(run_extract):
    """Both posts of "X, of STATE, a Career Member of the Senior Foreign Service, Class of
    Minister-Counselor, to be Ambassador ..." reach the nominee; the class is no title."""
    titles = set(roles_of(run_extract(NOMINATIONS), "Marta L. Quist-Haynes"))
    assert titles == {
        "Career Member of the Senior Foreign Service",
        "Ambassador Extraordinary and Plenipotentiary of the United States of America"
        " to the Republic of Chile",
    }
