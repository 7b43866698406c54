"""Running many expressions together (pipeline/extractors/regex_starts.py) gives exactly the
matches of one ``finditer`` per expression (issue 15: the date candidate search)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pressfeed.extractors.dates.candidates import candidate_finder, candidate_patterns
from pressfeed.extractors.regex_starts import CASE_KIN, build_multi_finder, fold, start_keys

CORPUS = Path(__file__).parent.parent / "corpus"
PATTERNS = tuple(pattern for _, pattern, _ in candidate_patterns())
EVERY_CHARACTER = "".join(map(chr, range(0x110000)))
# Pieces of dates and of the text around them, in the cases and spaces articles use, and the
# characters folding treats apart (no-break and en spaces, Arabic-Indic digits, the Kelvin sign)
PIECES = (
    "the", "The", "THE", "of", "in", "on", "from", "between", "and", "to", "by", "since", "next",
    "last", "this", "first", "third", "week", "weekend", "quarter", "Q3", "q1", "H2", "FY25",
    "fiscal", "year", "years", "months", "ended", "end", "May", "may", "March", "Sept.", "Dec",
    "Tuesday", "tues", "Christmas", "Easter", "spring", "2025", "1990s", "19", "3", "31st",
    "2024-25", "12/03/2026", "2/13", "No.", "now", "today", "ago", "hence", "two", "a",
    " ", "  ", ", ", ".", "-", "–", "/", "'", "’", "\n", "\u00a0", "\u2002", "\u0663", "\u212a", "ſ",
    "İ", "é", "Ж",
)  # fmt: skip


def finditer_spans(patterns, text: str) -> list[list[tuple[int, int]]]:
    return [[m.span() for m in p.finditer(text)] for p in patterns]


def test_case_kin_are_the_only_characters_ignorecase_folds_to_ascii():
    """Keys rely on it: beyond ASCII, IGNORECASE matches an ASCII letter only to these."""
    found = set(re.findall(r"(?i)[\x00-\x7f]", EVERY_CHARACTER[128:]))
    assert found == set(CASE_KIN)
    for char, letter in CASE_KIN.items():
        assert re.fullmatch(f"(?i){letter}", char) and not re.fullmatch(f"(?i)[^{letter}]", char)


def test_space_and_digit_classes_fold_to_one_symbol():
    """``\\s`` is what str.isspace() calls a space and ``\\d`` a decimal digit, everywhere."""
    spaces, digits = re.findall(r"\s", EVERY_CHARACTER), re.findall(r"\d", EVERY_CHARACTER)
    assert {fold(c) for c in spaces} == {" "} and {fold(c) for c in digits} == {"0"}
    assert len(spaces) == sum(c.isspace() for c in EVERY_CHARACTER)
    assert len(digits) == sum(c.isdecimal() for c in EVERY_CHARACTER)


def test_date_candidate_patterns_are_all_tried_only_at_their_starts():
    """Every row of date_patterns.tsv has listable starts: none is scanned whole."""
    assert candidate_finder().whole == ()


def test_unlistable_expressions_are_scanned_whole():
    finder = build_multi_finder([r"\d+", r"\b(\w)\1", r"\b(?:x)?", r"\bab"])
    assert finder.whole == (0, 1, 2)
    assert finder.spans("aa 12 ab") == finditer_spans(finder.patterns, "aa 12 ab")


@pytest.mark.parametrize("path", sorted(CORPUS.rglob("*.txt")), ids=lambda p: p.stem)
def test_date_candidates_match_finditer_on_the_corpus(path):
    text = path.read_text(encoding="utf-8")
    assert candidate_finder().spans(text) == finditer_spans(PATTERNS, text)


@given(st.lists(st.sampled_from(PIECES), max_size=60).map("".join))
@settings(max_examples=300, deadline=None)
def test_date_candidates_match_finditer_on_date_pieces(text):
    assert candidate_finder().spans(text) == finditer_spans(PATTERNS, text)


@given(st.text(max_size=80))
@settings(max_examples=200, deadline=None)
def test_date_candidates_match_finditer_on_any_text(text):
    assert candidate_finder().spans(text) == finditer_spans(PATTERNS, text)


def test_a_space_run_longer_than_the_window_tries_every_expression():
    text = "the" + " " * 200 + "March 2026"
    assert candidate_finder().spans(text) == finditer_spans(PATTERNS, text)


def test_keys_fold_case_digits_and_spaces():
    starts = start_keys(re.compile(r"\b(?i:in)\s+(?:19|20)\d\d\b"))
    assert starts.full == {"in 000"} and not starts.short


def test_a_finder_read_back_from_disk_is_the_finder_built(tmp_path, monkeypatch):
    monkeypatch.setenv("PRESSFEED_CACHE_DIR", str(tmp_path))
    built = build_multi_finder(PATTERNS)
    read = build_multi_finder(PATTERNS)
    assert list(tmp_path.glob("multi-finder-*.pickle"))
    assert (read.whole, read.listed, read.short_sizes) == (built.whole, built.listed, built.short_sizes)
    assert dict(read.index) == dict(built.index) and dict(read.short) == dict(built.short)
    assert read.scanner == built.scanner
