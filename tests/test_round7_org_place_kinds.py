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
