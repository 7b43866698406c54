"""Scoring every gold field (issue 11): keys, field agreement, skipped fields, styles."""

from __future__ import annotations

import pytest

from pressfeed.evaluate import Score, load_index, score_article, total

from .conftest import CORPUS

pytestmark = pytest.mark.issue(11)

GOLD = {
    "published": "2026-01-28",
    "dateline": {"place": "Almaty", "country": "KZ"},
    "people": [
        {
            "name": "Yerkin Tukumov",
            "aliases": ["Tukumov"],
            "roles": [
                {
                    "title": "Ambassador-at-Large",
                    "organization": "Ministry of Foreign Affairs",
                    "country": None,
                    "qualifier": None,
                }
            ],
        }
    ],
    "organizations": [{"name": "Ministry of Railways", "country": "PK"}],
    "locations": [{"name": "Herat", "country": "AF"}],
    "amounts": [
        {
            "text": "6.4 billion tenge",
            "value": 6400000000,
            "currency": "KZT",
            "approximate": False,
            "min": None,
            "max": None,
            "per": None,
            "equivalent_of": None,
        },
        {
            "text": "US$12.7 million",
            "value": 12700000,
            "currency": "USD",
            "approximate": True,
            "min": None,
            "max": None,
            "per": None,
            "equivalent_of": 0,
        },
    ],
    "dates": [{"text": "February 2026", "value": "2026-02", "precision": "month"}],
    "quantities": [{"text": "60 grants per year", "value": 60, "unit": None, "noun": "grant", "per": "year"}],
}


def record(**changes) -> dict:
    base = {
        "dateline": {"place": "Almaty", "country": "KZ"},
        "people": [
            {
                "name": "Tukumov",
                "aliases": [],
                "roles": [
                    {"title": "Ambassador-at-Large", "organization": None, "country": None, "qualifier": None}
                ],
            }
        ],
        "organizations": [{"name": "the Ministry of Railways", "country": None}],
        "locations": [{"name": "Herat", "country": "AF"}],
        "amounts": [
            {
                "value": 6400000000,
                "currency": "KZT",
                "approximate": False,
                "min": None,
                "max": None,
                "equivalent_of": None,
            },
            {
                "value": 12700000,
                "currency": "USD",
                "approximate": True,
                "min": None,
                "max": None,
                "equivalent_of": None,
            },
        ],
        "dates": [{"value": "2026-02", "precision": "month", "start": "2026-02-01", "end": "2026-02-28"}],
        "quantities": [{"value": 60, "unit": None, "noun": "grant", "per": "year"}],
    }
    return base | changes


def test_a_fact_found_with_a_wrong_field_counts_for_the_fact_not_the_field():
    scores = score_article(record(), GOLD, "a")
    assert (scores["roles"].tp, scores["roles"].fn) == (1, 0)  # matched through the alias
    assert (scores["roles.organization"].tp, scores["roles.organization"].fn) == (0, 1)
    assert scores["organizations"].tp == 1  # "the" is not part of the name
    assert (scores["organizations.country"].tp, scores["organizations.country"].fn) == (0, 1)


def test_a_missing_conversion_link_is_a_miss_of_amounts_conversions_only():
    scores = score_article(record(), GOLD, "a")
    assert scores["amounts"].f1 == 1.0
    assert scores["amounts.conversions"].fn == 1
    assert scores["amounts.conversions"].misses == ["a: 12700000 USD = 6400000000 KZT"]


def test_date_bounds_of_the_gold_come_from_its_iso_value():
    good = score_article(record(), GOLD, "a")["dates.bounds"]
    bad = score_article(
        record(
            dates=[{"value": "2026-02", "precision": "month", "start": "2026-02-01", "end": "2026-02-27"}]
        ),
        GOLD,
        "a",
    )["dates.bounds"]
    assert (good.tp, bad.tp) == (1, 0)


def test_fields_the_gold_does_not_carry_are_not_scored():
    old_gold = {k: v for k, v in GOLD.items() if k != "dateline"}
    old_gold["amounts"] = [{k: v for k, v in a.items() if k != "per"} for a in GOLD["amounts"]]
    scores = score_article(record(), old_gold, "a")
    assert "dateline.place" not in scores and "amounts.per" not in scores
    assert scores["amounts"].tp == 2


def test_scores_add_up_over_articles():
    summed = total([{"people": Score(tp=2, fp=1)}, {"people": Score(tp=1, fn=1)}])["people"]
    assert (summed.tp, summed.fp, summed.fn) == (3, 1, 1)
    assert summed.precision == pytest.approx(0.75)


def test_every_corpus_article_has_a_style():
    index = load_index(CORPUS / "heldout")  # found in the parent folder
    assert index["kz-afghanistan-working-group"]["style"] == "ca"
    assert len({row["style"] for row in index.values()}) >= 14
