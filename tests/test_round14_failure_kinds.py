"""Failure kinds seen on the round-14 held-out releases after their blind score (issue 12), one
test per kind, on sentences invented for these tests.

Each kind was seen in at least two articles by two writers:
- a Commission header line "European Commission - Press release" was read as a dateline, so
  the city line after it ("Brussels, 9 July 2025") was lost (two Commission releases by two
  writers);
- a list line opened by the nominee, "NAME – TITLE, ORG, for a term ..." or "NAME – TITLE;
  previously ...", gave no role: a dash separated a title only at the end of its line (two
  nomination lists by two writers);
- the period of "Sr." or "Jr." that the tokenizer splits off was left out of the name, so the
  dash of the list line did not follow the name ("Amb. Samuel W. Tarpeh Sr. – Ambassador ...":
  the same two lists).
"""

from __future__ import annotations

import pytest

from .test_entity_failure_kinds import roles_of

pytestmark = pytest.mark.issue(12)

NOMINATIONS = (
    "Nominations\n\nMONROVIA – The President sent the following nominations to the Senate:\n\n"
    "Hon. Josephus K. Tarpeh – Ambassador Extraordinary and Plenipotentiary to the Kingdom of"
    " Morocco, with concurrent accreditation to Tunisia. Mr. Tarpeh is a career diplomat.\n\n"
    "Amb. Samuel W. Tarpeh Sr. – Ambassador to the Federal Republic of Nigeria; previously a"
    " director.\n"
)


def test_an_issuer_press_release_line_is_no_dateline(run_extract):
    record = run_extract(
        "EU invests in Azores ports\n\nEuropean Commission - Press release\nBrussels, 9 July 2025\n\n"
        "The European Commission has approved an investment in the port of Ponta Delgada."
    )
    assert record["dateline"]["place"] == "Brussels", record["dateline"]


def test_a_list_line_opened_by_the_nominee_gives_the_title_before_a_comma(run_extract):
    roles = roles_of(run_extract(NOMINATIONS), "Josephus K. Tarpeh")
    assert "Ambassador Extraordinary and Plenipotentiary to the Kingdom of Morocco" in roles, roles


def test_a_split_suffix_period_stays_in_the_name(run_extract):
    roles = roles_of(run_extract(NOMINATIONS), "Samuel W. Tarpeh Sr.")
    assert "Ambassador to the Federal Republic of Nigeria" in roles, roles


def test_a_dash_in_running_text_gives_no_title(run_extract):
    record = run_extract("Visit\n\nThe talks with Ana Ruiz – minister, adviser and friend – went well.")
    assert all(not p["roles"] for p in record["people"]), record["people"]
