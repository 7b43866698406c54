"""Money amounts: table cases from tests/data/money_cases.jsonl, context rules, properties."""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pressfeed.extractors.money import find_amounts_in_text, parse_amount, plausible_rate

from .conftest import TESTS, load_jsonl

pytestmark = pytest.mark.issue(5)
MONEY_CASES = load_jsonl(TESTS / "data" / "money_cases.jsonl")
FIELDS = ("value", "currency", "approximate", "min", "max", "per", "equivalent_of")
DEFAULTS = {"approximate": False, "min": None, "max": None, "per": None, "equivalent_of": None}


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


class PolicyCase(NamedTuple):
    text: str
    currency: str | None
    rule: str
    dateline: str | None = None
    mentioned: tuple[str, ...] = ()


# The README's currency policy, form by form: what the text, the dateline and a merely
# mentioned country do to "$", "pound", "dinar", "som", "peso", "rupee" and "franc".
CURRENCY_POLICY_CASES = [
    PolicyCase("They paid $5 million.", "USD", "default"),
    PolicyCase("They paid $5 million.", "CAD", "dateline", dateline="CA"),
    PolicyCase("They paid $5 million.", "AUD", "dateline", dateline="AU"),
    PolicyCase("They paid $5 million.", "NZD", "dateline", dateline="NZ"),
    PolicyCase("They paid $5 million.", "SGD", "dateline", dateline="SG"),
    PolicyCase("They paid $5 million.", "HKD", "dateline", dateline="HK"),
    PolicyCase("They paid $5 million.", "USD", "default", mentioned=("AU", "SG")),  # issue 14
    PolicyCase("They paid $5 million.", "USD", "dateline", dateline="US", mentioned=("SG",)),
    PolicyCase("They paid $5 million.", "USD", "default", mentioned=("MZ", "JP", "TW")),
    PolicyCase("They paid A$2 million and $5 million.", "AUD", "article"),
    PolicyCase("US$1 million and A$2 million, then $5 million.", "USD", "default"),
    PolicyCase("They paid 5 million Australian dollars.", "AUD", "explicit"),
    PolicyCase("They paid NZ$5 million.", "NZD", "explicit", dateline="AU"),
    PolicyCase("It costs 5 million pounds.", "GBP", "default"),
    PolicyCase("It costs 5 million pounds.", "EGP", "dateline", dateline="EG"),
    PolicyCase("It costs 5 million pounds.", "GBP", "default", mentioned=("EG",)),
    PolicyCase("It costs 5 million Egyptian pounds.", "EGP", "explicit", dateline="GB"),
    PolicyCase("Kuwait lent 100 million dinars.", None, "unresolved"),
    PolicyCase("It lent 100 million dinars.", "KWD", "dateline", dateline="KW"),
    PolicyCase("It lent 100 million dinars.", "IQD", "dateline", dateline="IQ", mentioned=("JO",)),
    PolicyCase("It lent 100 million dinars.", "JOD", "mentioned", mentioned=("JO", "KW")),
    PolicyCase("It lent 100 million Kuwaiti dinars.", "KWD", "explicit", dateline="JO"),
    PolicyCase("It costs 500 som.", "KGS", "default"),
    PolicyCase("It costs 500 som.", "UZS", "dateline", dateline="UZ"),
    PolicyCase("It costs 500 som.", "KGS", "default", mentioned=("UZ",)),
    PolicyCase("It costs 500 pesos.", "MXN", "default"),
    PolicyCase("It costs 500 pesos.", "PHP", "dateline", dateline="PH"),
    PolicyCase("It costs 500 pesos.", "ARS", "dateline", dateline="AR"),
    PolicyCase("It costs 500 Philippine pesos.", "PHP", "explicit"),
    PolicyCase("It costs 500 rupees.", "INR", "default"),
    PolicyCase("It costs 500 rupees.", "LKR", "dateline", dateline="LK"),
    PolicyCase("It costs Rs 500.", "PKR", "dateline", dateline="PK"),
    PolicyCase("It costs 500 Pakistani rupees.", "PKR", "explicit", dateline="IN"),
    PolicyCase("It costs 500 francs.", "CHF", "default"),
    PolicyCase("It costs 500 francs.", "XOF", "dateline", dateline="SN"),
    PolicyCase("It costs 500 francs.", "RWF", "dateline", dateline="RW"),
    PolicyCase("It costs 500 CFA francs.", "XAF", "dateline", dateline="CM"),
    PolicyCase("It costs 500 Rwandan francs.", "RWF", "explicit"),
    PolicyCase("It costs 500 francs.", "CHF", "default", mentioned=("RW",)),
    # "US$" marks the usual reading; where the dateline's outlets write "$", bare "$" is local
    PolicyCase("A US$9 million order; then $80 million.", "CAD", "dateline", dateline="CA"),
    PolicyCase("A US$9 million order; then $80 million.", "USD", "article"),
    PolicyCase("A US$9 million order; then $80 million.", "USD", "article", dateline="KZ"),
    PolicyCase("A C$9 million order; then $80 million.", "CAD", "article", dateline="AU"),
    PolicyCase("It paid US$3 an ounce and 610 cents a share.", "ZAR", "dateline", dateline="ZA"),
    # a local dollar stated as a bare "$" shows the "$" is another dollar: no evidence for it
    PolicyCase("A grant of A$7 million (about $4.5 million); then $48 million.", "USD", "default"),
    PolicyCase("A grant of $4.5 million (A$7 million); then $48 million.", "USD", "default"),
]


@pytest.mark.parametrize(
    "case",
    CURRENCY_POLICY_CASES,
    ids=[f"{c.text[8:30]}|{c.dateline}|{c.mentioned}" for c in CURRENCY_POLICY_CASES],
)
@pytest.mark.issue(14)
def test_currency_policy(case):
    amounts = find_amounts_in_text(case.text, dateline=case.dateline, mentioned=case.mentioned)
    assert (amounts[-1].currency, amounts[-1].currency_rule) == (case.currency, case.rule)


@pytest.mark.issue(14)
def test_a_near_conversion_does_not_move_the_dollar():
    """$5m = EUR 3.3m implies 1.52 dollars per euro: closer to CAD than to USD, but not clearly."""
    amounts = find_amounts_in_text("It costs $5 million (about €3.3 million).")
    assert (amounts[0].currency, amounts[0].currency_rule) == ("USD", "default")
    assert amounts[1].equivalent_of == 0


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


# Currency forms of releases from Latin America, Africa, South Asia and the Pacific that CLDR's
# full names ("Angolan kwanzas") do not cover: bare plurals, local symbols, prefixed dollars.
LOCAL_FORM_CASES = [
    ("The ministry set aside 45 billion kwanzas for irrigation.", "AOA", 45_000_000_000),
    ("It financed Kz 12 billion of seed purchases.", "AOA", 12_000_000_000),
    ("The works cost about 3.4 trillion guaraníes.", "PYG", 3_400_000_000_000),
    ("The province will add S/ 52 million to the fund.", "PEN", 52_000_000),
    ("The city pledged Q215 million for the bypass.", "GTQ", 215_000_000),
    ("Exports reached FJ$87 million last year.", "FJD", 87_000_000),
    ("The port spent GH¢2.6 billion on dredging.", "GHS", 2_600_000_000),
    ("The grid plan costs SLRs41 billion.", "LKR", 41_000_000_000),
    ("A bucket of water sold for 900 ariary.", "MGA", 900),
    ("The smelter will cost Rp 14.5 trillion to build.", "IDR", 14_500_000_000_000),
    ("Its second phase, worth Rp. 3 trillion, was delayed.", "IDR", 3_000_000_000_000),
    # round 17: Bhutanese, Bruneian, Guyanese, Sierra Leonean and Basotho releases
    ("Revenue rose to Nu 4.82 billion in the year.", "BTN", 4_820_000_000),
    ("The dividend is Nu. 2.50 per share.", "BTN", 2.5),
    ("The mine will cost G$66.5 billion.", "GYD", 66_500_000_000),
    ("The levy rises to NLe 5 a month.", "SLE", 5),
    ("Farmers will pay about 105 million maluti.", "LSL", 105_000_000),
    # round 19: Ethiopian and Dominican releases
    ("The contract is valued at RD$9.8 billion.", "DOP", 9_800_000_000),
]


@pytest.mark.parametrize("text, currency, value", LOCAL_FORM_CASES, ids=[c[1] for c in LOCAL_FORM_CASES])
@pytest.mark.issue(14)
def test_local_currency_forms_are_amounts(text, currency, value):
    (amount,) = find_amounts_in_text(text)
    assert (amount.currency, amount.currency_rule, amount.value) == (currency, "explicit", value)


@pytest.mark.issue(14)
def test_local_currency_form_links_its_conversion():
    amounts = find_amounts_in_text("The hub costs Q96 million (about US$12.4 million).")
    assert [a.currency for a in amounts] == ["GTQ", "USD"]
    assert amounts[1].equivalent_of == 0


@pytest.mark.issue(14)
def test_one_letter_glued_symbol_is_no_quarter():
    assert find_amounts_in_text("Sales rose in Q3 2025 and again in Q4.") == []


@pytest.mark.issue(14)
def test_pence_glued_to_the_number_are_sterling():
    amounts = find_amounts_in_text("Earnings per share were 27.5p (24.1p); a dividend of 8.2p per share.")
    assert [(a.value, a.currency, a.per) for a in amounts] == [
        (Decimal("0.275"), "GBP", "share"),
        (Decimal("0.241"), "GBP", "share"),
        (Decimal("0.082"), "GBP", "share"),
    ]


@pytest.mark.issue(14)
def test_pence_glued_is_no_time_of_day():
    assert find_amounts_in_text("The hearing opens at 4p.m. on Monday.") == []


@pytest.mark.issue(14)
def test_qualified_minor_unit_keeps_its_own_currency():
    """ "US cents" names the US dollar's cents, whatever the dateline's own cents are."""
    (amount,) = find_amounts_in_text("Power sells at 6.2 US cents per kilowatt-hour.", dateline="KE")
    assert (amount.value, amount.currency, amount.currency_rule) == (Decimal("0.062"), "USD", "explicit")


@pytest.mark.issue(14)
def test_money_going_to_things_counted_is_no_downward_range():
    """ "X to three hubs": a bare count below the amount is what the money goes to."""
    (amount,) = find_amounts_in_text("The group will commit more than S$240 million to four new depots.")
    assert (amount.value, amount.min, amount.text) == (240_000_000, 240_000_000, "more than S$240 million")


@pytest.mark.issue(14)
def test_downward_change_with_its_own_currency_is_two_amounts():
    amounts = find_amounts_in_text("Fares fell from Rs 9,000 to Rs 6,500.")
    assert [a.value for a in amounts] == [9000, 6500]


@pytest.mark.issue(14)
def test_exact_conversion_shares_the_bound():
    amounts = find_amounts_in_text("Investment reached more than 90 trillion rupiah ($5.6 billion).")
    assert [(a.min, a.max) for a in amounts] == [(90 * 10**12, None), (5_600_000_000, None)]


@pytest.mark.issue(14)
def test_approximate_conversion_bounds_nothing():
    amounts = find_amounts_in_text("Grants of up to 40 million lari (about $14.8 million) are offered.")
    assert [(a.min, a.max) for a in amounts] == [(None, 40_000_000), (None, None)]


@pytest.mark.issue(14)
def test_each_after_a_price_names_the_things_priced():
    (amount,) = find_amounts_in_text("She will buy 12,000 ordinary shares of 45p each following the meeting.")
    assert (amount.value, amount.per) == (Decimal("0.45"), "share")


@pytest.mark.issue(14)
def test_each_before_a_word_that_is_no_unit_prices_nothing():
    (amount,) = find_amounts_in_text("Seats cost $8 each following the upgrade.")
    assert amount.per is None


@pytest.mark.issue(14)
def test_east_african_sh_symbol_reads_the_article_shilling():
    amounts = find_amounts_in_text("Dairies paid Sh 48 per litre; the plan costs KSh 2 billion.")
    assert [(a.value, a.currency) for a in amounts] == [(48, "KES"), (2_000_000_000, "KES")]


@pytest.mark.issue(14)
@pytest.mark.parametrize("text", ["None of this was planned.", "Quite a day; Rone and Pone spoke."])
def test_glued_symbol_before_a_number_word_is_no_amount(text):
    assert find_amounts_in_text(text) == []


@pytest.mark.parametrize(
    "text", ["the Government of Sierra Leone will pay", "Number five is next", "Leone Mining said"]
)
@pytest.mark.issue(14)
def test_a_letter_symbol_opening_a_word_is_no_amount(text):
    # "Le" (leone) and "Nu" (ngultrum) read before a number, never as the start of a word
    # ("Le" + "one" of "Leone" is no amount of one leone)
    assert find_amounts_in_text(text) == []


@pytest.mark.parametrize(
    "text, currency, value",
    [
        ("Net profit was B$48.6 million.", "BND", 48_600_000),
        ("Profit was Br 6.84 billion.", "ETB", 6_840_000_000),
    ],
)
@pytest.mark.issue(14)
def test_a_symbol_of_two_currencies_reads_its_first_without_context(text, currency, value):
    # "B$" (Brunei, Bahamas) and "Br" (Ethiopia, Belarus): the first listed, by default
    (amount,) = find_amounts_in_text(text)
    assert (amount.currency, amount.currency_rule, amount.value) == (currency, "default", value)


@pytest.mark.issue(14)
def test_a_bahamian_dateline_reads_b_dollars_as_bahamian(run_extract):
    # "B$" is both the Brunei and the Bahamian dollar: the article's country decides
    record = run_extract(
        "Water cut\n\nMARSH HARBOUR, Bahamas, 3 May 2025 – The B$1.8 million repair will take a week."
    )
    assert [(a["value"], a["currency"]) for a in record["amounts"]] == [(1_800_000, "BSD")]
