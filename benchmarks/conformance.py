"""Peer conformance: run the money and date suites of ``shared/eval/peers`` through pressfeed.

    python benchmarks/conformance.py [--peers DIR] [--suite NAME ...] [--show-failures N]

Money suites are reported as whole suites first (every case counts), then in scope, then the
failures grouped by the kind of writing pressfeed leaves out on purpose (``MONEY_LEFT_OUT``),
so what stays out is listed with its reason. ``duckling-money-all`` is the whole Duckling file
(``full/``: ranges, bounds, latent bare numbers) beside the scored ``duckling-money``.

Each case is fed to the public API as one article whose publication date is the case's
reference date (``extract(text, Meta(id, published=...), nlp=...)``). A case passes when every
expected fact is matched by a distinct extracted fact, and a negative case (nothing expected)
when nothing is extracted. Matching:

- money: equal value (relative 1e-6) and equal ISO currency, except where the suite's code is
  its converters' reading (``currency_inferred``) or null: then any currency is accepted;
- dates: the extracted value equals the expected value or one of its accepted readings; or the
  calendar bounds agree (an expected interval's exclusive end is made inclusive first).

The headline figure is the whole-suite rate: every case counts except those that are no
calendar date of a release (``not_a_calendar_date``: times of day, durations, days that do not
exist), listed with their counts. The earlier "news scope" rate is printed after it.

In-scope rates count what English news carries and pressfeed claims. Money: not in withdrawn
currencies (FIM, NLG, ESP, DEM, FRF, ITL, IEP, BGN...) nor written informally (INFORMAL_MONEY).
Dates: facts at day, month, quarter, half, year or decade grain (not times, weeks, weekends,
seasons), not the source's own unresolved cases, and not written as news never writes a date
(NOT_NEWS_DATES: lower-case weekday or month abbreviations standing alone, day/month numbers
without a year or with a two-digit one, run-together digits, spelled-out years, eras, chat
shorthand, context-free "the day", ungrammatical "two upcoming day"). The sentence around the
expression does not matter: "I'll go back 04th Jan 2019" is in scope.

Conventions where pressfeed reads differently on purpose are counted, not hidden: a year-less
date resolved to the year nearest the publication date where the peer reads forward, or a
year-less holiday read as the coming one where the peer takes the nearest ("one year after
christmas"), fails and is tallied apart (``nearest year``); "the upcoming two months" is the
interval from the publication date, and passes when that interval ends in the peer's single
date or month (Duckling gives only the far end).

Nothing here is asserted by the tests; the suites are read from ``../shared`` when present and
the script exits quietly otherwise.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter, defaultdict
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from pressfeed import Meta, build_nlp, extract

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PEERS = ROOT.parent / "shared" / "eval" / "peers"
SUITES = ("recognizers-currency", "duckling-money", "duckling-money-all", "recognizers-date", "duckling-date")
WITHDRAWN = {"FIM", "NLG", "ESP", "DEM", "FRF", "ITL", "IEP", "BEF", "ATS", "PTE", "GRD", "BGN"}
IN_SCOPE_GRAINS = {"day", "month", "quarter", "year", "half_year", "decade"}

MONEY_CATEGORIES = [
    ("subunit (cents, pence)", r"\b(?:cents?|pence|penny)\b"),
    ("range or bound", r"\b(?:between|from|to|under|over|above|below|at least|more than|up to)\b|-\s*\$"),
    (
        "spelled-out number",
        r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|hundred|thousand|a)\s",
    ),
    ("ISO code", r"\b[A-Z]{3}\b"),
    ("symbol", r"[$€£¥₹₽]"),
    ("currency name", r"."),
]
DATE_CATEGORIES = [
    ("holiday or season", r"(?i)christmas|easter|thanksgiving|halloween|summer|winter|spring|autumn|fall\b"),
    ("weekend or week", r"(?i)week"),
    ("interval", r"(?i)\b(?:from|between|to|until|through|since)\b|-|–"),
    (
        "relative day",
        r"(?i)today|tomorrow|yesterday|monday|tuesday|wednesday|thursday|friday|saturday|sunday",
    ),
    ("relative period", r"(?i)\b(?:next|last|this|past|previous|coming|ago)\b"),
    ("quarter or half", r"(?i)quarter|\bq[1-4]\b|half"),
    ("numeric date", r"\d{1,4}[/.-]\d{1,2}"),
    ("month and day", r"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d"),
    (
        "day and month",
        r"(?i)\d(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)",
    ),
    ("month or year", r"."),
]


# Failures of the money suites that pressfeed leaves out on purpose, with the reason; the first
# pattern that matches a failed case's input names its kind.
MONEY_LEFT_OUT = [
    ("latent bare number (no currency at all)", r"^(?:about\s+)?[\d.]+$|^five$"),
    ("spoken decimals ('1 point 1')", r"(?i)\bpoint\b"),
    ("currency word before the number (chat: 'ringgit 42')", r"^(?:[A-Za-z]+\s+)+\d|\bsen\s+\d"),
    (
        "colloquial or run-together name (LE, geneh, Saudiriyal, €ur, kuai/mao, rmb)",
        r"(?i)\b(?:le|l\.e\.?|geneh|genihat|egyptianpound|saudiriyal|kuai|mao|rmb)\b|€ur",
    ),
    ("lone spaced 'c' for cents ('10 c')", r"^\d+\s+c$"),
    ("symbol in a non-Latin script (ரூ)", r"[\u0B80-\u0BFF]"),
    ("source reading disputed ('7-9 lakh' has min 7)", r"(?i)\d-\d+\s+lakh"),
]


def left_out_kind(text: str) -> str:
    return next((name for name, pattern in MONEY_LEFT_OUT if re.search(pattern, text)), "not explained")


def suite_path(peers: Path, suite: str) -> Path:
    """A scored suite at the top of ``peers``, else the whole file of that source in ``full/``."""
    top = peers / f"{suite}.jsonl"
    return top if top.exists() else peers / "full" / f"{suite}.jsonl"


def category(text: str, table) -> str:
    return next(name for name, pattern in table if re.search(pattern, text))


def money_match(fact: dict, amount: dict) -> bool:
    if fact["kind"] == "money_range":
        return fact.get("min") == amount["min"] and fact.get("max") == amount["max"]
    value, found = Decimal(str(fact["value"])), Decimal(str(amount["value"]))
    same_value = abs(value - found) <= abs(value) * Decimal("1e-6")
    any_currency = fact.get("currency_inferred") or fact.get("currency") is None
    return same_value and (any_currency or fact["currency"] == amount["currency"])


def _inclusive(end: str | None) -> str | None:
    if end is None:
        return None
    if len(end) == 10:
        return (date.fromisoformat(end) - timedelta(days=1)).isoformat()
    return end


def date_match(fact: dict, found: dict, reference: str | None = None) -> bool:
    if fact["kind"] == "date":
        readings = {fact.get("value"), *(fact.get("values") or [])} - {None}
        if found["value"] in readings:
            return True
        if any(len(r) == 10 and found["start"] == found["end"] == r for r in readings):
            return True
        return _coming_span_ends_in(found, readings, reference)

    ranges = fact.get("ranges") or [[fact.get("start"), fact.get("end")]]
    return any(
        (start is None or len(start) == 10) and found["start"] == start and end_matches(found, end)
        for start, end in ranges
    )


def _coming_span_ends_in(found: dict, readings: set[str], reference: str | None) -> bool:
    """ "upcoming two months": our interval from the publication date (or the day after it)
    ends in the month Duckling gives as the whole value."""
    if reference is None or found["precision"] != "interval" or not (found["start"] and found["end"]):
        return False
    day_after = (date.fromisoformat(reference) + timedelta(days=1)).isoformat()
    if found["start"] not in {reference, day_after}:
        return False
    return any(found["end"].startswith(r) for r in readings)


def nearest_year_reading(fact: dict, found: list[dict]) -> bool:
    """The peer reads a year-less date forward; pressfeed takes the nearest year (the issue's
    rule): same month and day, one year apart."""
    value = fact.get("value") or ""
    return any(
        len(f["value"]) == len(value) >= 7
        and f["value"][4:] == value[4:]
        and abs(int(f["value"][:4]) - int(value[:4])) == 1
        and not re.search(r"\b(?:19|20)\d\d\b", fact["text"])
        for f in found
    )


def end_matches(found: dict, end: str | None) -> bool:
    """The source's end is exclusive for a period ("2016-11-01".."2016-12-01" is November),
    the stated last day for an explicit range ("Nov 18-Dec 19, 2015" ends "2015-12-19"), or,
    for month ranges in Recognizers, the first day of the last month ("Jan-Feb 2017" ends
    "2017-02-01")."""
    if end is None or found["end"] is None:
        return end == found["end"]
    last = found["value"].split("/")[-1]
    last_start = f"{last}-01" if len(last) == 7 else None
    return found["end"] in {end, _inclusive(end)} or last_start == end


# Money written as no English news release writes it: a bare number after the unit ("$20 43",
# "20 dollar 43c", "US$3 and fourteen"), the currency word before the number ("ringgit 42"),
# colloquial or run-together names ("42 LE", "geneh", "egyptianpound", "Saudiriyal").
INFORMAL_MONEY = re.compile(
    r"(?i)(?:[a-z$€]\s*\d+\s+(?:and\s+)?(?:\d+|one|two|fourteen|fifty)\b(?!\s*(?:cents?|pence|sens?))"
    r"|^(?:[a-z]+\s+)+\d|\b(?:le|l\.e\.?|geneh|genihat|egyptianpound|saudiriyal)\b|\d+\s*c\b)"
)


NOT_NEWS_DATES = re.compile(
    r"^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)\.?$"
    r"|(?:^|[^/\d-])\d{1,2}[/.-]\d{1,2}(?:\s*-\s*\d{1,2}[/.]\d{1,2})?$|^(?:from|between)\s+\d{1,2}/\d{1,2}\b"
    r"|^[A-Za-z]{3}/\d{1,2}$|(?:\bof\s+|/)\d\d$|^[A-Za-z]+-\d{4}-\d\d$|\d/\d{1,2}-\d"
    r"|\d{8}|(?i:nineteen|two thousand|\ba\.d\.|\bb\.c\.)"
    r"|^(?:january|february|april|june|july|august|september|october|november|december)$"
    r"|(?i:\bweek\s+(?:of|beginning|starting|commencing)\b|\bw/c\b|\bof\s+the\s+week\b)"
    r"|(?i:closest|\w+\s+last\s+day)"
    r"|^(?i:otd|eoy|tomorrows|at this time|the (?:day|week|month|year)(?: before| after)?|(?:in )?the year)$"
    r"|(?i:\b(?:two|three|[2-9])\s+(?:upcoming\s+)?(?:day|week|month|year)\b(?!s))"
)


# What is not a calendar date in a release, the only cases the whole-suite rate leaves out:
# times of day ("at this time", "3pm", "this morning"), durations, and days that do not exist
# ("feb 30", which the source itself leaves unresolved).
TIME_OF_DAY = re.compile(
    r"(?i)\bat\s+this\s+time\b|\btonight\b|\b(?:morning|afternoon|evening|noon|midnight)\b"
    r"|\d(?::\d\d)?\s*(?:a\.?m\.?|p\.?m\.?)(?!\w)|\bo'?clock\b"
)
TIME_GRAINS = {"hour", "minute", "second", "part_of_day"}


def not_a_calendar_date(case: dict) -> str | None:
    """Why a date case is no calendar date of a release, or None when it is one."""
    for fact in case["expected"]:
        if fact["kind"] in {"time", "datetime"} or fact.get("grain") in TIME_GRAINS:
            return "time of day"
        if TIME_OF_DAY.search(fact["text"]):
            return "time of day"
        if fact["kind"] == "duration":
            return "duration"
        if fact.get("resolved") is False:
            return "no such day (unresolved by the source)"
    return None


def in_scope(case: dict) -> bool:
    bare_expression = len(case["input"].split()) <= 6  # Duckling's cases are the amount alone
    if case["dimension"] == "money" and bare_expression and INFORMAL_MONEY.search(case["input"]):
        return False
    return not any(_out_of_scope(fact) for fact in case["expected"])


def _out_of_scope(fact: dict) -> bool:
    if fact["kind"] in {"money", "money_range"}:
        return fact.get("currency") in WITHDRAWN
    return (
        fact.get("resolved") is False
        or fact.get("grain") not in IN_SCOPE_GRAINS
        or bool(NOT_NEWS_DATES.search(fact["text"].strip()))
    )


def run_case(case: dict, nlp) -> tuple[bool, list]:
    published = (case.get("reference") or "")[:10] or None
    record = extract(case["input"], Meta(id=case["id"], published=published), nlp=nlp).to_json()
    money = case["dimension"] == "money"
    found = record["amounts"] if money else record["dates"]
    reference = published if not money else None
    unused = list(found)
    for fact in case["expected"]:
        hit = next(
            (f for f in unused if (money_match(fact, f) if money else date_match(fact, f, reference))),
            None,
        )
        if hit is None:
            return False, found
        unused.remove(hit)
    return (bool(case["expected"]) or not found), found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--peers", type=Path, default=DEFAULT_PEERS)
    parser.add_argument("--suite", nargs="*", default=list(SUITES))
    parser.add_argument("--show-failures", type=int, default=0)
    args = parser.parse_args()
    if not args.peers.is_dir():
        print(f"no peer suites at {args.peers}; nothing to do")
        return
    nlp = build_nlp()
    for suite in args.suite:
        cases = [json.loads(line) for line in suite_path(args.peers, suite).read_text().splitlines()]
        table = MONEY_CATEGORIES if "money" in suite or "currency" in suite else DATE_CATEGORIES
        totals, scoped, by_category, failures = Counter(), Counter(), defaultdict(Counter), []
        nearest, whole, excluded = 0, Counter(), Counter()
        for case in cases:
            passed, found = run_case(case, nlp)
            name = category(case["input"], table) if case["expected"] else "negative"
            totals[passed] += 1
            reason = not_a_calendar_date(case) if case["dimension"] == "time" else None
            if reason:
                excluded[reason] += 1
            else:
                whole[passed] += 1
            by_category[name][passed] += 1
            if in_scope(case):
                scoped[passed] += 1
                nearest += (
                    not passed
                    and case["dimension"] == "time"
                    and any(nearest_year_reading(f, found) for f in case["expected"])
                )
            if not passed:
                failures.append((name, case, found))
        counted = sum(whole.values())
        left_out = ", ".join(f"{reason} {n}" for reason, n in excluded.most_common()) or "none"
        print(
            f"\n{suite}: whole suite {whole[True]}/{counted} passed ({whole[True] / max(1, counted):.1%}); "
            + (
                f"{len(cases)} cases, left out as no calendar date: {left_out}; "
                if table is DATE_CATEGORIES
                else ""
            )
            + f"in scope {scoped[True]}/{sum(scoped.values())} ({scoped[True] / max(1, sum(scoped.values())):.1%})"
            + (f"; {nearest} in-scope failures are the nearest-year convention" if nearest else "")
        )
        if table is MONEY_CATEGORIES:
            report_left_out(failures)
        for name, counts in sorted(by_category.items(), key=lambda kv: -sum(kv[1].values())):
            total = sum(counts.values())
            print(f"  {name:<24} {counts[True]:>4}/{total:<4} {counts[True] / total:6.1%}")
        for name, case, found in failures[: args.show_failures]:
            got = [(f["text"], f["value"], f.get("currency")) for f in found]
            want = [(f["text"], f.get("value", f.get("start")), f.get("currency")) for f in case["expected"]]
            print(f"    FAIL [{name}] {case['input'][:80]!r}\n      want {want}\n      got  {got}")


def report_left_out(failures) -> None:
    """Failed money cases by the kind pressfeed leaves out, with an example of each."""
    kinds = defaultdict(list)
    for _, case, _ in failures:
        kinds[left_out_kind(case["input"])].append(case["input"])
    for kind, inputs in sorted(kinds.items(), key=lambda kv: -len(kv[1])):
        print(f"  left out: {kind}: {len(inputs)} (e.g. {inputs[0][:50]!r})")


if __name__ == "__main__":
    main()
