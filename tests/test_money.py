"""Money amounts: table cases from tests/data/money_cases.jsonl, context rules, properties."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pressfeed.extractors.money import find_amounts_in_text, parse_amount, plausible_rate

from .conftest import TESTS, load_jsonl

pytestmark = pytest.mark.issue(5)
MONEY_CASES = load_jsonl(TESTS / "data" / "money_cases.jsonl")
FIELDS = ("value", "currency", "approximate", "min", "max", "equivalent_of")
DEFAULTS = {"approximate": False, "min": None, "max": None, "equivalent_of": None}


def _plain(value):
    return float(value) if isinstance(value, Decimal) else value


@pytest.mark.parametrize("case", MONEY_CASES, ids=[f"{c['origin']}:{c['text'][:40]}" for c in MONEY_CASES])
def test_money_cases(case):
    amounts = find_amounts_in_text(case["text"])
    found = [{k: _plain(getattr(a, k)) for k in FIELDS} for a in amounts]
    expected = [{**DEFAULTS, **e} for e in case["amounts"]]
    for e in expected:
        for key in ("value", "min", "max"):
            e[key] = float(e[key]) if e[key] is not None else None
    for f in found:
        for key in ("value", "min", "max"):
            f[key] = float(f[key]) if f[key] is not None else None
    assert found == expected


def test_values_are_exact_decimals():
    amount = parse_amount("6.4 billion tenge")
    assert amount.value == Decimal("6400000000")
    assert str(amount.value) == "6400000000"


@pytest.mark.parametrize(
    "hints, expected, rule",
    [
        ((), "USD", "default"),
        (("CA",), "CAD", "country"),
        (("SG",), "SGD", "country"),
        (("MZ", "JP", "TW"), "USD", "default"),  # a town that happens to be in Taiwan decides nothing
    ],
)
def test_dollar_resolved_from_context(hints, expected, rule):
    (amount,) = find_amounts_in_text("They paid $5 million.", country_hints=hints)
    assert (amount.currency, amount.currency_rule) == (expected, rule)


def test_som_follows_the_country():
    (kyrgyz,) = find_amounts_in_text("It costs 500 som.", country_hints=("KG",))
    (uzbek,) = find_amounts_in_text("It costs 500 som.", country_hints=("UZ",))
    assert (kyrgyz.currency, uzbek.currency) == ("KGS", "UZS")


def test_explicit_code_elsewhere_decides_the_symbol():
    amounts = find_amounts_in_text("A HK$2 billion bond; investors bought $300 million of it.")
    assert [a.currency for a in amounts] == ["HKD", "HKD"]
    assert amounts[1].currency_rule == "article"


def test_implausible_conversion_is_not_linked():
    amounts = find_amounts_in_text("It cost 6.4 billion tenge (approximately US$12.7 billion).")
    assert amounts[1].equivalent_of is None
    assert plausible_rate("KZT", "USD", Decimal("0.5")) is False


@given(st.text(max_size=300))
@settings(max_examples=200, deadline=1000)
def test_never_raises_and_spans_are_evidence(text):
    for amount in find_amounts_in_text(text):
        assert text[amount.span.start : amount.span.end] == amount.span.text
        assert amount.value >= 0


@given(st.integers(min_value=0, max_value=10**12), st.sampled_from(["tenge", "USD", "euros", "som"]))
@settings(max_examples=100, deadline=1000)
def test_integers_round_trip(number, currency):
    text = f"A payment of {number:,} {currency} was made."
    (amount,) = find_amounts_in_text(text)
    assert amount.value == number
    assert find_amounts_in_text(text) == [amount]


def test_conversion_decides_an_ambiguous_currency():
    text = "AZN 85 million came first. Then 142 million manat, or about $40.6 million, was invested."
    amounts = find_amounts_in_text(text)
    assert (amounts[1].currency, amounts[1].currency_rule) == ("TMT", "conversion")
    assert amounts[2].equivalent_of == 1


def test_headline_amount_repeated_in_the_body_is_counted_once(run_extract):
    record = run_extract(
        "Bank Lends $450 Million for Dams\n\nMANILA – The bank will lend $450 million to Nepal."
    )
    assert [(a["value"], a["text"]) for a in record["amounts"]] == [(450_000_000, "$450 million")]


def test_pounds_of_a_commodity_weigh():
    assert find_amounts_in_text("The mine yields 85 million pounds of copper.") == []
    (amount,) = find_amounts_in_text("The bank lent 85 million pounds to the port.")
    assert (amount.value, amount.currency) == (85_000_000, "GBP")
