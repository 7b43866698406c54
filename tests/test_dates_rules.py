"""Every rule of the date grammar reads its own examples (``data/date_rules.tsv``), against a
pinned publication date, Wednesday 2026-01-28."""

from __future__ import annotations

import re
from datetime import date

import pytest

from pressfeed.extractors.dates import match_rule, rules
from pressfeed.extractors.dates.candidates import pattern_evidence
from pressfeed.extractors.dates.fiscal import find_fiscal_calendar, fiscal_cues
from pressfeed.extractors.dates.values import FiscalCalendar
from pressfeed.isodates import iso_bounds

pytestmark = pytest.mark.issue(13)
BASE = date(2026, 1, 28)
FAMILIES = {"absolute", "relative", "ranges", "fiscal", "weeks", "holidays"}


def _examples():
    for rule in rules():
        for example in rule.examples.split(" ; "):
            options, text, _, want = re.match(r"^(?:\[(.+?)\]\s*)?(.+?)\s*(=>)\s*(.+)$", example).groups()
            yield pytest.param(rule.name, text, want, options or "", id=f"{rule.family}:{rule.name}:{text}")


def _context(options: str) -> dict:
    context: dict = {}
    for option in filter(None, options.split(",")):
        key, value = option.strip().split("=")
        if key == "tense":
            context["tense"] = value
        elif key == "fiscal":
            context["fiscal"] = FiscalCalendar(int(value), "article", int(value))
        elif key == "slash":
            context["slash_order"] = value
        else:
            raise ValueError(f"unknown example option {key!r}")
    return context


@pytest.mark.parametrize("rule_name, text, want, options", list(_examples()))
def test_rule_reads_its_examples(rule_name, text, want, options):
    name, value = match_rule(text, base=BASE, **_context(options))
    assert name == rule_name
    assert (value.value if value else "none") == want
    if value is not None:
        assert iso_bounds(value.value) == (value.start, value.end)


def test_every_family_has_rules_and_every_rule_examples():
    assert {rule.family for rule in rules()} == FAMILIES
    assert all(rule.examples.strip() for rule in rules())


@pytest.mark.parametrize("name, kind, pattern, example", fiscal_cues(), ids=lambda v: str(v)[:30])
def test_fiscal_cues_match_their_examples(name, kind, pattern, example):
    assert pattern.search(example)


@pytest.mark.parametrize(
    "text, country, currencies, expression, want",
    [
        ("Revenue for the fiscal year ending June 30, 2025 rose.", "US", (), "FY2025", "2024-07/2025-06"),
        ("Sales for the nine months ended 30 September rose.", "IN", ("INR",), "FY25", "2025"),
        ("Rs 12 crore in Q3 FY25.", "IN", ("INR",), "Q3 FY25", "2024-10/2024-12"),
        ("Its FY24 revenue.", "JP", (), "FY24", "2023-04/2024-03"),
        ("S$412 million for FY2025.", "IN", ("SGD",), "FY2025", "2025"),
        ("Apple's fiscal 2025 revenue.", "US", ("USD",), "fiscal 2025", "2025"),
    ],
)
def test_whose_fiscal_year(text, country, currencies, expression, want):
    calendar = find_fiscal_calendar(text, country, currencies).calendar()
    assert match_rule(expression, base=BASE, fiscal=calendar)[1].value == want


def test_federal_funds_follow_the_us_government_year():
    article = find_fiscal_calendar("Lockheed Martin Corp. was awarded a contract.", "US", ("USD",))
    calendar = article.calendar(" operations and maintenance funds in the amount of $5,000,000")
    assert match_rule("Fiscal 2026", base=BASE, fiscal=calendar)[1].value == "2025-10/2026-09"
    assert match_rule("Fiscal 2026", base=BASE, fiscal=article.calendar(" revenue"))[1].value == "2026"


ORIGINS = {"rd": "recognizers", "rdt": "recognizers", "dd": "duckling", "dt": "duckling"}


def _origin(reference: str) -> str:
    """A peer case's origin is its suite; a corpus article or an issue is its own origin."""
    return reference if ":" in reference else ORIGINS[reference.split("-")[0]]


@pytest.mark.parametrize("name, evidence", sorted(pattern_evidence().items()))
def test_every_candidate_pattern_answers_failures_of_two_origins(name, evidence):
    """A pattern added for failures cites at least two cases of different origin (two peer
    suites, a peer suite and a corpus article, or two articles): no rule is tuned to one
    source's case."""
    if evidence == ("team",):
        return
    assert len({_origin(reference) for reference in evidence}) >= 2, evidence
