"""Failure kinds seen on the first part of round 16 after its blind score (issue 12), one test
per kind, on sentences invented for these tests.

Each kind was seen in at least two articles by two writers:
- an Azerbaijani name with its patronymic word ("Elnur Tofig oglu Mammadli") was cut at
  "oglu", giving a person "Elnur Tofig" and losing the family name (a round-16 agency story and
  a development agency story of another writer, `ca-az-alat-turkmenbashi-ferry-cargo`);
- a title whose portfolio or countries are listed with commas and closed by "and" ("Minister
  for Meteorology, Energy, ... and Climate Change", "Resident Coordinator for Fiji, Solomon
  Islands, Tonga, Tuvalu and Vanuatu") was cut at the first comma (UN and government releases of
  both round-16 writers and two dev articles);
- a courtesy word between a title and its name ("Minister of Works, Transport and Infrastructure
  Hon. Laulu Fetu Tamapua", "Minister for Environment, ... and Meteorology Hon Stanley Fono
  Riumana") ended the title (a round-15 brief and a round-16 UN release).
"""

from __future__ import annotations

import pytest

from .test_entity_failure_kinds import roles_of

pytestmark = pytest.mark.issue(12)


def test_a_turkic_patronymic_word_stays_inside_the_name(run_extract):
    record = run_extract(
        "Ferry talks\n\nBAKU, 3 May 2025 (AZERTAC) – Minister of Digital Development and Transport"
        " Rashad Ilham oglu Guliyev met Aynur Vagif qizi Aliyeva, Chairwoman of the Board of"
        " Azerbaijan Railways, on Tuesday."
    )
    names = {p["name"] for p in record["people"]}
    assert {"Rashad Ilham oglu Guliyev", "Aynur Vagif qizi Aliyeva"} <= names, names
    roles = roles_of(record, "Aynur Vagif qizi Aliyeva")
    assert roles["Chairwoman of the Board"]["organization"] == "Azerbaijan Railways", roles


def test_a_portfolio_listed_with_commas_is_one_title(run_extract):
    record = run_extract(
        "Cyclone response\n\nNUKU'ALOFA, 3 May 2025 – Lord Tuita, Minister for Meteorology, Energy,"
        " Information, Disaster Management and Climate Change, said on Monday that aid was arriving."
    )
    roles = roles_of(record, "Lord Tuita")
    assert "Minister for Meteorology, Energy, Information, Disaster Management and Climate Change" in roles, (
        roles
    )


def test_a_post_over_listed_countries_keeps_them_all(run_extract):
    record = run_extract(
        "Flash appeal\n\nSUVA, 3 May 2025 – Ana M. Ruiz, Resident Coordinator for Fiji, Solomon"
        " Islands, Tonga, Tuvalu and Vanuatu, said on Monday that aid was arriving."
    )
    roles = roles_of(record, "Ana M. Ruiz")
    assert "Resident Coordinator for Fiji, Solomon Islands, Tonga, Tuvalu and Vanuatu" in roles, roles


def test_a_listed_title_does_not_take_the_name_after_it(run_extract):
    record = run_extract(
        "Scheme approved\n\nBrussels, 3 May 2025 – Executive Vice-President for Clean, Just and"
        " Competitive Transition Ingrid S. Marstrand said the scheme was approved."
    )
    assert "Ingrid S. Marstrand" in {p["name"] for p in record["people"]}, record["people"]


@pytest.mark.parametrize("courtesy", ["Hon.", "Hon", "Dr."])
def test_a_courtesy_word_before_the_name_is_not_the_end_of_the_title(run_extract, courtesy):
    record = run_extract(
        "Runway works\n\nAPIA, 3 May 2025 – Minister of Works, Ports and Infrastructure"
        f" {courtesy} Tavita Leota Sapolu inspected the runway on Monday."
    )
    roles = roles_of(record, "Tavita Leota Sapolu")
    assert set(roles) == {"Minister of Works, Ports and Infrastructure"}, roles
