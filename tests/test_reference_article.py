"""The reference article (The Astana Times, January 2026): exactly its facts, hand-checked.

Every expectation below was read off the article by a person; the snapshot at the end only
guards the rest of the record against drift.
"""

from __future__ import annotations

import pytest

from pressfeed.schema import validate

pytestmark = pytest.mark.issue(2)


def roles_of(record: dict) -> dict[str, list[tuple]]:
    return {
        p["name"]: [(r["title"], r["organization"], r["country"]) for r in p["roles"]]
        for p in record["people"]
    }


def test_people_and_their_roles_exactly(reference_record):
    assert roles_of(reference_record) == {
        # national offices carry their country (corpus/README.md, REVIEW.md round 6)
        "Serik Zhumangarin": [
            ("Deputy Prime Minister", None, "KZ"),
            ("Minister of National Economy", None, "KZ"),
        ],
        "Yerkin Tukumov": [
            ("Special Representative of the President of Kazakhstan for Afghanistan", None, "KZ"),
            ("Ambassador-at-Large", "Ministry of Foreign Affairs", None),
        ],
        "Zhanibek Taizhanov": [("Vice Minister of Transport", None, "KZ")],
        "Gulzat Kobenova": [("Vice Minister of Science and Higher Education", None, "KZ")],
    }


def test_surname_mentions_are_aliases_not_people(reference_record, reference_text):
    zhumangarin = next(p for p in reference_record["people"] if p["name"] == "Serik Zhumangarin")
    assert zhumangarin["aliases"] == ["Zhumangarin"]
    # "Zhumangarin" stands alone three times (the model tags it as a place each time).
    alone = [m for m in zhumangarin["mentions"] if m["text"] == "Zhumangarin"]
    assert len(alone) == reference_text.count("Zhumangarin") - 1 == 3
    names = {p["name"] for p in reference_record["people"]}
    assert not names & {"Kazakh", "Spin Boldak", "Transport Zhanibek Taizhanov", "Zhumangarin"}


def test_amounts_with_linked_conversion(reference_record):
    tenge, dollars = reference_record["amounts"]
    assert (tenge["value"], tenge["currency"], tenge["approximate"]) == (6_400_000_000, "KZT", False)
    assert (dollars["value"], dollars["currency"], dollars["approximate"]) == (12_700_000, "USD", True)
    assert dollars["equivalent_of"] == 0 and tenge["equivalent_of"] is None
    assert 500 < dollars["implied_rate"] < 510  # tenge per dollar
    assert tenge["text"] == "6.4 billion tenge"


def test_dates_resolved_with_inferred_year(reference_record):
    assert [(d["value"], d["precision"]) for d in reference_record["dates"]] == [
        ("2026-01-28", "day"),
        ("2025", "year"),
        ("2021-01-28/2026-01-28", "interval"),
        ("2026-02", "month"),
    ]
    assert reference_record["dates"][0]["inferred"] == ["year"]
    assert reference_record["published"] == "2026-01-28"
    assert reference_record["published_source"] == "inferred"
    assert any("inferred" in w for w in reference_record["warnings"])
    texts = " ".join(d["text"] for d in reference_record["dates"])
    assert "annually" not in texts and "per year" not in texts


def test_quantities_counted_nouns_and_rates(reference_record):
    assert [(q["value"], q["noun"], q["per"]) for q in reference_record["quantities"]] == [
        (610, "student", None),
        (34, "university", None),
        (30, "grant", "year"),
        (60, "grant", "year"),
    ]


def test_locations_with_countries(reference_record):
    locations = {loc["name"]: loc["country"] for loc in reference_record["locations"]}
    assert locations == {
        "Kazakhstan": "KZ",
        "Almaty": "KZ",
        "Afghanistan": "AF",
        "Turgundi": "AF",
        "Herat": "AF",
        "Kandahar": "AF",
        "Spin Boldak": "AF",
        "UAE": "AE",
        "Pakistan": "PK",
    }
    assert reference_record["dateline"]["place"] == "Almaty"
    assert reference_record["dateline"]["country"] == "KZ"


def test_organizations_and_nothing_from_the_signup_line(reference_record):
    organizations = {o["name"]: o["country"] for o in reference_record["organizations"]}
    assert organizations == {
        "Ministry of Foreign Affairs": None,
        "Ministry of Energy and Infrastructure": "AE",
        "Ministry of Railways": "PK",
    }
    signup = "Astana Times stories"
    record_text = str(reference_record)
    for word in ("Telegram", "YouTube", "Tiktok", "Instagram"):
        assert word not in record_text
    assert signup not in record_text


def test_headline_and_photo_credit(reference_record):
    assert reference_record["title"].startswith("Kazakhstan Launches Interagency Group")
    # The photo credit names the Prime Minister's press service: no person, no organization.
    assert all("press service" not in o["name"] for o in reference_record["organizations"])


def test_every_span_is_evidence(reference_record, reference_text):
    spans = []
    for person in reference_record["people"]:
        spans += person["mentions"] + [r["span"] for r in person["roles"]]
    for kind in ("organizations", "locations"):
        spans += [m for item in reference_record[kind] for m in item["mentions"]]
    for kind in ("amounts", "quantities", "dates"):
        spans += [item["span"] for item in reference_record[kind]]
    assert len(spans) > 40
    for span in spans:
        assert reference_text[span["start"] : span["end"]] == span["text"]


def test_record_validates(reference_record):
    assert validate(reference_record) == []


def test_whole_record_snapshot(reference_record, data_regression):
    data_regression.check(reference_record)
