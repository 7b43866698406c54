"""The pattern families, their loader and the claims resolver (issue 12).

Every example of every candidate pattern runs here: on ``spacy.blank("en")`` when the pattern
reads only what the tokenizer and our lexicons give, on the model otherwise. Link patterns
need resolved mentions, so their examples run through the whole extraction.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Span

from pressfeed.extractors import claims, finders
from pressfeed.extractors.patterns import PatternSet, family_rules, load_rules, parse_rows, phrase_tokens
from pressfeed.resources import DataFileError
from pressfeed.tokenizer import add_special_cases

pytestmark = pytest.mark.issue(12)

CANDIDATE_RULES = [r for f in finders.CANDIDATE_FAMILIES for r in family_rules(f)]
LINK_RULES = list(family_rules("links"))


@pytest.fixture(scope="module")
def blank():
    nlp = spacy.blank("en")
    add_special_cases(nlp.tokenizer)  # as build_nlp does
    return nlp


def _texts(example) -> tuple[str, str]:
    return (example, example) if isinstance(example, str) else (example["text"], example["match"])


def _matches(nlp, rule, text: str) -> list[str]:
    doc = nlp(text)
    return [s.text for s in PatternSet(nlp.vocab, [rule])(doc)]


@pytest.mark.parametrize("rule", CANDIDATE_RULES, ids=lambda r: r.id)
def test_pattern_examples(blank, nlp, rule):
    model = nlp if rule.needs_model else blank
    for example in rule.examples:
        text, expected = _texts(example)
        assert expected in _matches(model, rule, text), (rule.source, text)
    for negative in rule.negatives:
        assert _matches(model, rule, negative) == [], (rule.source, negative)


def _match_texts(doc) -> list[str]:
    from pressfeed.extractors.roles import build_linker

    return [m.text for m in build_linker(doc.vocab).patterns(doc)]


@pytest.mark.parametrize("rule", LINK_RULES, ids=lambda r: r.id)
def test_link_examples(nlp, rule):
    from pressfeed.core import Meta, extract_doc

    for example in rule.examples:
        text, expected = _texts(example)
        doc = nlp(text)
        extract_doc(doc, Meta(id="t", published="2026-01-28"))
        assert expected in _match_texts(doc), (rule.source, text)


def test_every_family_loads_with_unique_ids():
    rules = load_rules()
    assert len({r.id for r in rules}) == len(rules)
    assert all(r.examples for r in rules)


@pytest.mark.parametrize(
    "row, message",
    [
        (
            {"id": "x", "label": "ORG", "pattern": "a", "examples": ["a"], "colour": 1},
            "unknown keys ['colour']",
        ),
        ({"id": "x", "label": "ORG", "pattern": "a", "examples": []}, "has no examples"),
        (
            {"id": "x", "label": "ORG", "pattern": [{"LOWER": {"IN": "@lexicon:nope"}}], "examples": ["a"]},
            "unknown lexicon",
        ),
        ({"id": "x", "label": "ORG", "pattern": "a"}, "missing keys ['examples']"),
    ],
    ids=["unknown-key", "no-examples", "unknown-lexicon", "missing-key"],
)
def test_loader_rejects_bad_rows_with_file_and_line(row, message):
    with pytest.raises(DataFileError, match=rf"^f\.jsonl:7: .*{message.replace('[', '.').replace(']', '.')}"):
        parse_rows([("f.jsonl:7", row)])


def test_loader_rejects_duplicate_ids():
    row = {"id": "x", "label": "ORG", "pattern": "a", "examples": ["a"]}
    with pytest.raises(DataFileError, match=r"f\.jsonl:2: duplicate id 'x' \(first at f\.jsonl:1\)"):
        parse_rows([("f.jsonl:1", row), ("f.jsonl:2", row)])


def test_lexicon_references_are_expanded():
    (rule,) = parse_rows(
        [
            (
                "f:1",
                {
                    "id": "x",
                    "label": "TITLE",
                    "pattern": [{"LOWER": {"IN": "@lexicon:title_heads"}}],
                    "examples": ["a"],
                },
            )
        ]
    )
    words = rule.pattern[0]["LOWER"]["IN"]
    assert "minister" in words and "ambassador-at-large" in words and "prime minister" not in words


# Resolver: overlapping candidates of each priority pair -------------------------------------


def _doc_with(blank, text: str, *spans: tuple[int, int, str]):
    doc = blank(text)
    claims.add(doc, [Span(doc, s, e, label=label, span_id="test") for s, e, label in spans])
    return doc, claims.resolve(doc)


PAIRS = [
    ("BOILERPLATE", "PERSON"),
    ("MONEY", "DATE"),
    ("DATE", "PERSON"),
    ("TITLE", "PERSON"),
    ("PERSON", "ORG"),
    ("NOT_ENTITY", "ORG"),
    ("ORG", "PLACE"),
    ("PLACE", "MODEL_PERSON"),
]


@pytest.mark.parametrize("high, low", PAIRS, ids=[f"{h}>{lo}" for h, lo in PAIRS])
def test_resolver_keeps_the_higher_band_where_candidates_overlap(blank, high, low):
    # the lower band's span is longer, and still loses the shared token
    doc, kept = _doc_with(blank, "one two three four", (0, 2, high), (1, 4, low))
    assert [(m.start, m.end, m.label_) for m in kept] == [(0, 2, high)]


def test_resolver_keeps_the_longest_inside_a_band(blank):
    doc, kept = _doc_with(blank, "one two three four", (0, 2, "PERSON"), (1, 4, "PERSON"))
    assert [(m.start, m.end) for m in kept] == [(1, 4)]


def test_a_title_keeps_the_place_of_its_complement(blank):
    doc, kept = _doc_with(
        blank, "President of Kazakhstan spoke", (0, 3, "TITLE"), (2, 3, "PLACE"), (2, 3, "PERSON")
    )
    assert [(m.text, m.label_) for m in kept] == [
        ("President of Kazakhstan", "TITLE"),
        ("Kazakhstan", "PLACE"),
    ]


def test_unknown_labels_are_an_error(blank):
    doc = blank("a b")
    with pytest.raises(ValueError, match="not in priorities.tsv"):
        claims.add(doc, [Span(doc, 0, 1, label="NONSENSE")])


def test_priority_order_is_the_declared_one():
    order = ["BOILERPLATE", "MONEY", "DATE", "TITLE", "PERSON", "ORG", "PLACE", "MODEL_ORG"]
    ranks = [claims.priorities()[label].priority for label in order]
    assert ranks == sorted(ranks) and len(set(ranks)) == len(ranks)


def test_loader_rejects_a_bad_trim():
    row = {"id": "x", "label": "ORG", "pattern": "a b", "examples": ["a b"], "trim": [1]}
    with pytest.raises(DataFileError, match=r"f:3: trim must be two counts"):
        parse_rows([("f:3", row)])


@pytest.mark.parametrize(
    "pattern, anchor, message",
    [
        ([{"LOWER": "a"}, {"LOWER": "b"}], 2, "anchor must be the index of a token"),
        ("a b", 1, "anchor must be the index of a token"),
        ([{"LOWER": "a"}, {"LOWER": "b", "OP": "?"}], 1, "must be one every match holds"),
        ([{"IS_TITLE": True, "OP": "+"}, {"LOWER": "b"}], 1, "may not repeat without bound"),
        ([{"IS_TITLE": True, "OP": "{2,}"}, {"LOWER": "b"}], 1, "may not repeat without bound"),
    ],
    ids=["past-the-end", "phrase", "optional-anchor", "plus-before", "open-range-before"],
)
def test_loader_rejects_a_bad_anchor(pattern, anchor, message):
    row = {"id": "x", "label": "ORG", "pattern": pattern, "examples": ["a b"], "anchor": anchor}
    with pytest.raises(DataFileError, match=rf"f:4: .*{message}"):
        parse_rows([("f:4", row)])


def test_trim_leaves_context_tokens_out(blank):
    (rule,) = parse_rows(
        [
            (
                "f:1",
                {
                    "id": "x",
                    "label": "ORG",
                    "pattern": [{"LOWER": "told"}, {"IS_TITLE": True}],
                    "examples": ["a"],
                    "trim": [1, 0],
                },
            )
        ]
    )
    assert _matches(blank, rule, "he told Trend") == ["Trend"]


def test_phrases_kept_on_disk_are_tokenized_as_the_blank_english_tokenizer_does():
    tokenizer = spacy.blank("en").tokenizer
    for phrase, (words, spaces) in phrase_tokens().items():
        doc = tokenizer(phrase)
        assert words == tuple(t.text for t in doc) and spaces == tuple(bool(t.whitespace_) for t in doc)
