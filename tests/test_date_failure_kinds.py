"""Date failure kinds of the held-out round and the peer suites (issue 13), one test per kind,
read against Wednesday 2026-01-28."""

from __future__ import annotations

import pytest

from pressfeed.extractors.dates.fiscal import country_dates
from pressfeed.extractors.dates.resolve import date_setting

pytestmark = pytest.mark.issue(13)


def values(record: dict) -> list[str]:
    return [d["value"] for d in record["dates"]]


def test_year_range_with_a_word_connector(run_extract):
    """A CV's "2019 to 2022 | Baku" (nominations) and "a year from 2027 to 2034" (corpwire):
    years joined by "to" are one interval, "from" no open start."""
    cv = "Curriculum vitae\n\n2019 to 2022 | Baku, Deputy Head\n2014 through 2017 | Moscow, Secretary\n"
    assert values(run_extract(cv)) == ["2019/2022", "2014/2017"]
    supply = "It will supply 8,000 tonnes of lithium carbonate a year from 2027 to 2034."
    assert values(run_extract(supply)) == ["2027/2034"]
    assert values(run_extract("Output rose 12% between 2020 and 2024.")) == ["2020/2024"]


def test_quarter_or_half_of_a_relative_year(run_extract):
    """ "the third quarter of this year" (corpwire, speech) is the publication year's, also
    after a bound word and under a past verb."""
    assert values(run_extract("Production will start in the third quarter of this year.")) == ["2026-Q3"]
    assert values(run_extract("The centre stays open until the third quarter of this year.")) == [
        "../2026-Q3"
    ]
    assert values(run_extract("Sales fell in the first quarter of last year.")) == ["2025-Q1"]
    assert values(run_extract("The line opens in the second half of next year.")) == ["2027-H2"]


def test_counted_weekdays(run_extract):
    """ "two Fridays from now" is the second Friday after publication, never the day itself."""
    assert values(run_extract("The vote takes place two Fridays from now.")) == ["2026-02-06"]
    assert values(run_extract("The talks ended 3 Sundays ago.")) == ["2026-01-11"]


def test_offset_from_a_named_day(run_extract):
    """A count of days, weeks, months or years before or after a holiday or a calendar day;
    "a week" after a count of things stays a rate ("14 flights a week before ...")."""
    assert values(run_extract("Shipments start three days after Easter.")) == ["2026-04-08"]
    assert values(run_extract("The list closes two weeks before 14 March.")) == ["2026-02-28"]
    rate = "They agreed to raise flights to 14 flights a week before the end of next year."
    assert values(run_extract(rate)) == ["../2027-12-31"]


def test_weekday_before_or_after_a_named_day(run_extract):
    """ "the first Tuesday after the first Monday in November" (a US election day) counts
    weekdays from the named day, never the day itself."""
    text = "The election is held on the first Tuesday after the first Monday in November."
    assert values(run_extract(text)) == ["2026-11-03"]
    assert values(run_extract("The market opens on the Friday before Christmas.")) == ["2026-12-18"]


def test_nth_weekday_without_a_year_reads_like_a_holiday(run_extract):
    """Thanksgiving is the fourth Thursday of November: both name the coming one, and the
    latest one when a past verb reports it."""
    coming = values(run_extract("The fair opens on the fourth Thursday of November."))
    assert coming == values(run_extract("The fair opens on Thanksgiving.")) == ["2026-11-26"]
    assert values(run_extract("The forum met on the last Friday of October.")) == ["2025-10-31"]


@pytest.mark.issue(14)
def test_attributive_participle_is_no_governing_verb(run_extract):
    """ "should agree on a unified standard by the end of June": "unified" (tagged as a past
    participle) describes the noun; the modal's future decides the year."""
    text = (
        "The director said both operators should settle on a shared loading standard for the depot"
        " by the end of June."
    )
    assert values(run_extract(text)) == ["../2026-06-30"]


@pytest.mark.issue(14)
def test_undatelined_release_takes_the_fiscal_year_of_its_currency():
    """An undatelined release in pounds whose first-ranked place reads as American (a defence
    award, a trade speech) keeps Britain's April-March year; a dateline still decides."""
    text = "Deliveries are planned in the 2026-27 financial year."
    pounds = ("GBP", "GBP", "USD")
    undatelined = date_setting(text, ("US", "GB"), pounds, datelined=False)
    datelined = date_setting(text, ("US", "GB"), pounds, datelined=True)
    assert undatelined.fiscal.country == country_dates()["GB"]
    assert datelined.fiscal.country == country_dates()["US"]
