"""Failure kinds seen on the first part of round 16 after its blind score (issue 12), one test
per kind, on sentences invented for these tests.

Each kind was seen in at least two articles by two writers:
- an Azerbaijani name with its patronymic word ("Elnur Tofig oglu Mammadli") was cut at
  "oglu", giving a person "Elnur Tofig" and losing the family name (a round-16 agency story and
  a development agency story of another writer, `ca-az-alat-turkmenbashi-ferry-cargo`).
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
