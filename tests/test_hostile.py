"""Hostile inputs stay linear and sound (issue 10). Speed itself is measured by
``benchmarks/hostile.py``; here hypothesis deadlines catch a blow-up on small sizes (each of
these took tens of seconds or more before the fix at the sizes drawn here)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pressfeed.extractors.dates import parse_date
from pressfeed.extractors.intervals import Ranges
from pressfeed.tokenizer import MAX_RUN

pytestmark = pytest.mark.issue(10)

PUBLISHED = "2026-01-28"


def chain(days: int, year: str = ", 2026") -> str:
    return " - ".join(f"May {d}" for d in range(1, days + 1)) + year


def test_a_chained_range_gives_valid_values(run_extract):
    """The bug: 14 linked days took 252 s and gave "2026-05-01/2026-05-02/.../2026-05-14"."""
    text = f"The fair runs {chain(14)}."
    record = run_extract(text, published=PUBLISHED)
    values = [d["value"] for d in record["dates"]]
    assert values == [f"2026-05-{d:02d}" for d in range(1, 15)]
    assert all(text[d["span"]["start"] : d["span"]["end"]] == d["text"] for d in record["dates"])


def test_a_two_date_range_still_joins(run_extract):
    record = run_extract("The fair runs May 1 - May 14, 2026, in Almaty.", published=PUBLISHED)
    assert [d["value"] for d in record["dates"]] == ["2026-05-01/2026-05-14"]


@given(st.integers(min_value=3, max_value=40))
@settings(max_examples=20, deadline=1000)
def test_parse_date_of_a_chain_is_no_nested_interval(days):
    value = parse_date(chain(days), base=date(2026, 1, 28))
    assert value is None or value.value.count("/") <= 1


@given(st.integers(min_value=50, max_value=400))
@settings(max_examples=5, deadline=5000)
def test_repeated_dates_are_each_one_date(run_extract, copies):
    text = "Jan. 28, " * copies
    record = run_extract(text, published=PUBLISHED)
    assert {d["value"] for d in record["dates"]} <= {"2026-01-28"}
    assert all(text[d["span"]["start"] : d["span"]["end"]] == d["text"] for d in record["dates"])


@given(st.integers(min_value=50, max_value=1000))
@settings(max_examples=5, deadline=5000)
def test_repeated_amounts_keep_their_evidence(run_extract, copies):
    text = "$1 " * copies
    record = run_extract(text, published=PUBLISHED)
    assert all(text[a["span"]["start"] : a["span"]["end"]] == a["text"] for a in record["amounts"])
    assert all(a["value"] == 1 for a in record["amounts"])


@given(st.integers(min_value=MAX_RUN, max_value=4000))
@settings(max_examples=5, deadline=5000)
def test_deep_parentheses_tokenize_with_the_text_intact(nlp, depth):
    text = "The National Space Agency " + "(" * depth + "NSA" + ")" * depth + " met."
    doc = nlp(text)
    assert doc.text == text
    assert any(t.text == "NSA" for t in doc) or "NSA" in {t.text for t in doc}


@given(st.text(alphabet=st.sampled_from("ab-()$. \n"), max_size=3000))
@settings(max_examples=30, deadline=5000)
def test_the_tokenizer_keeps_every_character(nlp, text):
    text = text + "x-" * (MAX_RUN // 2 + 1)  # always one run long enough to be sliced
    assert nlp.make_doc(text).text == text


@given(
    st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)), max_size=30),
    st.integers(0, 60),
    st.integers(0, 60),
)
@settings(max_examples=200, deadline=1000)
def test_ranges_answer_as_a_scan_would(ranges, a, b):
    a, b = min(a, b), max(a, b)  # queries are ranges, possibly empty
    index = Ranges(ranges)
    assert index.covers(a) == any(s <= a < e for s, e in ranges)
    assert index.overlaps(a, b) == any(s < b and a < e for s, e in ranges if s < e)
