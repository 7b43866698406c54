"""Dates resolved against a pinned publication date (Wednesday 2026-01-28)."""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pressfeed.extractors.dates import nearest_year, parse_date
from pressfeed.isodates import is_iso_value, iso_bounds
from pressfeed.schema import load_schema

from .conftest import TESTS, load_jsonl

pytestmark = pytest.mark.issue(6)
PUBLISHED = "2026-01-28"
DATE_CASES = load_jsonl(TESTS / "data" / "date_cases.jsonl")
ISO_VALUE = re.compile(load_schema()["$defs"]["isoDateValue"]["pattern"])


@pytest.mark.parametrize("case", DATE_CASES, ids=[f"{c['origin']}:{c['text'][:40]}" for c in DATE_CASES])
def test_date_cases(run_extract, case):
    record = run_extract(case["text"], published=PUBLISHED)
    assert [[d["value"], d["precision"]] for d in record["dates"]] == case["dates"]
    for fact in record["dates"]:
        assert case["text"][fact["span"]["start"] : fact["span"]["end"]] == fact["span"]["text"]


def test_bounds_for_filtering():
    value = parse_date("Q1 2025", base=None)
    assert (str(value.start), str(value.end)) == ("2025-01-01", "2025-03-31")
    value = parse_date("February 2024", base=None)
    assert str(value.end) == "2024-02-29"


def test_inferred_parts_are_recorded(run_extract):
    (fact,) = run_extract("They met on Jan. 20.", published=PUBLISHED)["dates"]
    assert fact["inferred"] == ["year"]
    (fact,) = run_extract("They met on Jan. 20, 2026.", published=PUBLISHED)["dates"]
    assert fact["inferred"] == []


def test_tense_decides_year_less_month():
    assert nearest_year(2, None, date(2026, 1, 20), tense="future") == 2026
    assert nearest_year(12, 20, date(2026, 1, 5)) == 2025
    assert nearest_year(1, None, date(2025, 10, 8), tense="past") == 2025


def test_no_publication_date_means_no_relative_dates(run_extract):
    record = run_extract("The minister arrived yesterday and signed a deal in 2024.", published=None)
    assert [d["value"] for d in record["dates"]] == ["2024"]
    assert any("no publication date" in w for w in record["warnings"])


def test_publication_date_from_the_dateline_sentence(run_extract):
    record = run_extract(
        "Talks Open\n\nASTANA – Talks opened on March 3, 2025 in the capital.", published=None
    )
    assert (record["published"], record["published_source"]) == ("2025-03-03", "text")


def test_nothing_reads_the_clock(run_extract):
    first = run_extract("The plant opens next month.", published="2020-05-10")
    assert first["dates"][0]["value"] == "2020-06"


@given(st.text(max_size=200))
@settings(max_examples=100, deadline=1000)
def test_parse_date_never_raises(text):
    value = parse_date(text, base=date(2026, 1, 28))
    if value is not None and value.start and value.end:
        assert value.start <= value.end


@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31)))
@settings(max_examples=100, deadline=1000)
def test_written_dates_round_trip(day):
    text = f"{day:%B} {day.day}, {day.year}"
    value = parse_date(text, base=None)
    assert (value.value, value.precision) == (day.isoformat(), "day")


def test_fiscal_year_follows_the_dateline_country(run_extract):
    record = run_extract(
        "Year Review\n\nISLAMABAD – Trade grew in fiscal year 2023-24.", published="2024-09-01"
    )
    assert [d["value"] for d in record["dates"]] == ["2023-07/2024-06"]
    record = run_extract("Year Review\n\nASTANA – Trade grew in fiscal year 2023-24.", published="2024-09-01")
    assert [d["value"] for d in record["dates"]] == ["2023/2024"]


def test_year_less_dates_without_publication_take_the_latest_past_year(run_extract):
    text = "The survey ran from March to May 2025. The report will be launched on October 14."
    record = run_extract(text, published=None)
    assert [d["value"] for d in record["dates"]] == ["2025-03/2025-05", "2025-10-14"]
    assert record["dates"][1]["inferred"] == ["year"]


def test_durations_never_reach_dateparser(run_extract):
    record = run_extract("The 25-year contract runs for 15 years.", published="2025-11-18")
    assert record["dates"] == []


PIECES = [
    "next Wednesday",
    "9-12 June 2026",
    "between now and June 30",
    "2025 Q3",
    "Dec31, 2025",
    "the 20th of next month",
    "since 2019",
    "by the end of the year",
    "may",
    "March",
    "2,025",
    "Talks ran from Nov 18 to",
    "Dec 19, 2025",
    "05-Aug-2025",
    "three weeks from today",
    "-",
    "and",
    "to",
    "the minister said",
    "$12",
    "14",
    "on",
    "Friday,",
    "July 17",
    "FY2024-25",
    ".",
]


@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=12))
@settings(max_examples=60, deadline=5000)  # whole extractions: a blow-up fails
def test_dates_in_any_text_are_sound(run_extract, pieces):
    text = " ".join(pieces)
    record = run_extract(text, published=PUBLISHED)
    assert run_extract(text, published=PUBLISHED) == record
    for fact in record["dates"]:
        assert text[fact["span"]["start"] : fact["span"]["end"]] == fact["span"]["text"]
        if fact["start"] and fact["end"]:
            assert fact["start"] <= fact["end"]


# --- issue 13: linear time and valid values ---------------------------------------------------

CHAIN_PIECES = ["May 1", "May 2", "Nov 18", "14 March", "2025", "Q1 2025", "next week", "-", "–", "to", "and"]


@pytest.mark.issue(13)
@given(st.lists(st.sampled_from(CHAIN_PIECES), min_size=1, max_size=120))
@settings(max_examples=80, deadline=2000)
def test_chained_ranges_give_one_valid_value_or_none(pieces):
    """Any chain of dates and connectors, up to 120 pieces, reads within the deadline and gives
    a value of the record's forms, never "a/b/c"."""
    value = parse_date(" ".join(pieces), base=date(2026, 1, 28))
    if value is not None:
        assert value.value.count("/") <= 1
        assert iso_bounds(value.value) == (value.start, value.end)


@pytest.mark.issue(13)
def test_long_chain_is_no_range():
    chain = " - ".join(f"May {i % 28 + 1}" for i in range(100)) + ", 2026"
    assert parse_date(chain, base=date(2026, 1, 28)) is None
    assert parse_date("May 1 - May 14, 2026", base=None).value == "2026-05-01/2026-05-14"


@pytest.mark.issue(13)
@given(st.text(max_size=300))
@settings(max_examples=150, deadline=1000)
def test_every_value_is_an_iso_form_the_schema_accepts(text):
    value = parse_date(text, base=date(2026, 1, 28))
    if value is not None:
        assert is_iso_value(value.value)
        assert ISO_VALUE.fullmatch(value.value)


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    "value", ["2026-05-01/2026-05-02/2026-05-03", "May 2026", "../..", "2026-13", "2026-W54"]
)
def test_schema_rejects_malformed_date_values(value):
    assert not ISO_VALUE.fullmatch(value)


@pytest.mark.issue(13)
def test_headline_in_the_historic_present_follows_the_body(run_extract):
    text = "Minister visits Tokyo on Tuesday\n\nASTANA – The minister visited Tokyo on Tuesday."
    record = run_extract(text, published="2026-01-28")
    assert {d["value"] for d in record["dates"]} == {"2026-01-27"}
