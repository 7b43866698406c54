"""Faster readings that must find exactly what the plain ones find (issue 15, throughput).

Each fast path here replaces a slower reading of the same question; the slower one stays the
reference and these tests hold the two equal, on the corpus and on the hard cases.
"""

from __future__ import annotations

import re
import sys

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from pressfeed.extractors.tokens import CASELESS_ASCII_TWINS, _mention_regex, form_occurrences

pytestmark = pytest.mark.issue(15)


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


def _reference(text: str, form: str) -> list[tuple[int, int]]:
    return [m.span() for m in _mention_regex(form).finditer(text)]


MENTION_CASES = [
    ("glued hyphen before", "Al-Harbi met Harbi.", "Harbi"),
    ("hyphen and capital after", "Kazakh-Chinese and Kazakh-led talks", "Kazakh"),
    ("word after", "Astanaville and Astana", "Astana"),
    ("possessive", "Pakistan's minister, PAKISTAN", "Pakistan"),
    ("case ignored for title case", "ALMATY and almaty and Almaty", "Almaty"),
    ("case kept otherwise", "UAE, uae and Uae", "UAE"),
    ("overlapping copies", "Aa Aa Aa", "Aa Aa"),
    ("digits and underscores are word characters", "Kazakh2 Kazakh_ Kazakh", "Kazakh"),
    ("accented neighbours", "éParis Parisé Paris", "Paris"),
    ("non-ASCII form", "Vaitkevičienė and VAITKEVIČIENĖ", "Vaitkevičienė"),
    ("dotted capital I in the text", "İstanbul and Istanbul", "Istanbul"),
    ("dotless i in the text", "Istanbul ıstanbul", "Istanbul"),
    ("long s in the text", "Boſton Boston", "Boston"),
    ("Kelvin sign in the text", "\u212aazan and Kazan", "Kazan"),
    ("dotted capital I before the match", "İ Ankara", "Ankara"),
    ("curly apostrophe", "Côte d’Ivoire’s", "Côte D’Ivoire"),
    ("at the ends", "Oslo", "Oslo"),
]


@pytest.mark.parametrize(("text", "form"), [c[1:] for c in MENTION_CASES], ids=[c[0] for c in MENTION_CASES])
def test_mention_search_finds_what_the_regex_finds(blank, text, form):
    assert form_occurrences(blank(text), form) == _reference(text, form)


def test_mention_search_finds_what_the_regex_finds_on_the_corpus(blank):
    """Every capitalized word and word pair of some corpus articles, searched as a name."""
    from tests.conftest import CORPUS

    for path in sorted(CORPUS.glob("*.txt"))[:12]:
        text = path.read_text(encoding="utf-8")
        doc = blank(text)
        words = re.findall(r"[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*)?", text)
        for form in sorted(set(words))[:200]:
            assert form_occurrences(doc, form) == _reference(text, form), (path.name, form)


def test_caseless_ascii_twins_are_all_the_characters_that_read_as_ascii():
    """The fast mention search lower-cases ASCII forms and texts; that is ``re.IGNORECASE``'s
    test exactly unless the text holds a character of :data:`CASELESS_ASCII_TWINS`, and those
    are every non-ASCII character that matches an ASCII one caselessly, lower-cases to ASCII,
    or changes length in lower case."""
    others = "".join(chr(c) for c in range(128, sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    twins = set()
    for code in range(32, 127):
        twins |= set(re.findall(re.escape(chr(code)), others, re.IGNORECASE))
    twins |= {c for c in others if len(c.lower()) != 1 or any(x.isascii() for x in c.lower())}
    assert twins == set(CASELESS_ASCII_TWINS)


def _spans(patterns, doc) -> list[tuple[int, int, str]]:
    return [(s.start, s.end, s.id_) for s in patterns(doc)]


def test_the_fast_matcher_matches_what_the_whole_patterns_match_on_the_corpus(nlp):
    """Every pattern family as it is matched -- word tests read as lexeme flags, short opening
    word lists spelled out, anchored rules looked for from their anchor -- and as written (spaCy's
    predicates, whole patterns), on corpus articles: the same spans in the same order (more word
    tests than free flag bits: some stay predicates)."""
    from pressfeed.extractors.patterns import PatternSet, load_rules
    from tests.conftest import CORPUS

    rules = load_rules()
    fast = PatternSet(nlp.vocab, rules)
    plain = PatternSet(nlp.vocab, rules, flagged=False, anchored=False)
    assert fast.flags is not None and fast.flags.flags and fast.lefts and not plain.lefts
    for path in sorted(CORPUS.glob("*.txt"))[::3]:
        doc = nlp(path.read_text(encoding="utf-8"))
        assert _spans(fast, doc) == _spans(plain, doc), path.name


def test_the_link_patterns_read_the_resolved_mentions_as_the_extension_does(nlp):
    """The linkers' mention tests read from ``ENT_ID`` while a doc is matched and from the
    ``pf_mention`` extension find the same links, on extracted corpus articles (their mentions
    resolved); the doc's own ``ENT_ID`` is left as it was."""
    from spacy.attrs import ENT_ID

    from pressfeed import Meta
    from pressfeed.core import extract_doc
    from pressfeed.extractors.patterns import PatternSet
    from pressfeed.extractors.roles import _link_rules
    from tests.conftest import CORPUS

    fast = PatternSet(nlp.vocab, _link_rules())
    plain = PatternSet(nlp.vocab, _link_rules(), flagged=False, anchored=False)
    assert fast.reads_mentions and not plain.reads_mentions
    found = 0
    for path in sorted(CORPUS.glob("*.txt"))[::8]:
        doc = nlp(path.read_text(encoding="utf-8"))
        extract_doc(doc, Meta(id=path.stem))
        before = doc.to_array([ENT_ID]).tolist()
        links = _spans(fast, doc)
        assert links == _spans(plain, doc), path.name
        assert doc.to_array([ENT_ID]).tolist() == before
        found += len(links)
    assert found > 50


def test_an_anchored_rule_matches_as_its_whole_pattern():
    """The longest match wins whichever token the anchor falls on; the tokens before the anchor
    may be none, several or too many (a window of its most tokens)."""
    from pressfeed.extractors.patterns import PatternSet, Rule

    blank = spacy.blank("en")
    titles = {"IS_TITLE": True, "OP": "{0,2}"}
    pattern = (titles, {"LOWER": "bank"}, {"LOWER": "of"}, {"IS_TITLE": True, "OP": "+"})
    rules = [Rule("r", "ORG", pattern, ("x",), (), "t:1", anchor=1)]
    doc = blank("the Bank of Kenya and Old Central Reserve Bank of South Sudan Bank of X")
    anchored = PatternSet(blank.vocab, rules, flagged=False)
    whole = PatternSet(blank.vocab, rules, flagged=False, anchored=False)
    assert anchored.lefts and not whole.lefts
    # "Old" is a third word before the anchor; "South Sudan Bank of X" overlaps a longer match
    expected = ["Bank of Kenya", "Central Reserve Bank of South Sudan Bank"]
    assert [s.text for s in whole(doc)] == expected
    assert [s.text for s in anchored(doc)] == expected


WORD_SPECS = [
    {"LOWER": {"IN": ["straße", "i̇stanbul", "strasse"]}},
    {"TEXT": {"REGEX": "^[A-ZÀ-Þ]"}},
    {"ORTH": {"NOT_IN": ["and", "x"]}},
    {"_": {"pf_name_word": True}},
    {"_": {"pf_country": False}},
]


@pytest.mark.parametrize("spec", WORD_SPECS, ids=lambda s: str(s)[:40])
def test_word_flags_read_case_and_spelling_as_the_matcher_predicates_do(spec):
    """Lower case beyond ASCII ("Straße", "İstanbul"), exact text, regular expressions and the
    word's own attributes, on a vocabulary of its own."""
    from spacy.matcher import Matcher

    from pressfeed.extractors.word_flags import WordFlags, spec_tests

    blank = spacy.blank("en")
    flags = WordFlags.allocate(blank.vocab, [t for k, v in spec.items() for t in spec_tests(k, v)])
    doc = blank("STRASSE Straße Éclat and İstanbul Öl and strasse x Kenya STRAßE Marat ß x")
    flags.prepare(doc)
    plain, flagged = Matcher(blank.vocab), Matcher(blank.vocab, validate=False)
    plain.add("w", [[spec]])
    flagged.add("w", [[flags.rewrite(spec)]])
    assert all(isinstance(key, int) for key in flags.rewrite(spec))
    expected = plain(doc)
    assert expected and flagged(doc) == expected


def test_word_lists_read_what_the_tokens_read(nlp):
    """Texts, lower case, capitals and span texts of :func:`words`, on a corpus article with
    curly quotes, hyphens and line breaks."""
    from pressfeed.extractors.tokens import doc_text, is_capitalized, model_entities, words
    from tests.conftest import CORPUS

    doc = nlp(sorted(CORPUS.glob("*.txt"))[0].read_text(encoding="utf-8"))
    tokens, text = words(doc), doc_text(doc)
    assert tokens.text == tuple(t.text for t in doc) and tokens.lower == tuple(t.lower_ for t in doc)
    assert tokens.capitalized == tuple(is_capitalized(t) for t in doc)
    for start in range(len(doc)):
        for end in range(start + 1, min(len(doc), start + 4) + 1):
            assert tokens.span_text(text, start, end) == doc[start:end].text
    assert [(e.start, e.end, e.label_) for e in model_entities(doc)] == [
        (e.start, e.end, e.label_) for e in doc.ents
    ]


def test_title_phrases_read_once_are_the_phrases_parsed_anew(nlp):
    """The per-doc memo of :func:`parse_title_phrase` answers what a fresh parse answers, for
    every start and reading of a corpus article."""
    from pressfeed.extractors.titles import _parse_title_phrase, heads_by_start, parse_title_phrase
    from pressfeed.lexicons import build_lexicons
    from tests.conftest import CORPUS

    lex = build_lexicons()
    doc = nlp(sorted(CORPUS.glob("*.txt"))[3].read_text(encoding="utf-8"))
    heads = heads_by_start(doc)
    for reading in ((True, True), (False, False), (False, True)):
        for _ in range(2):  # the second pass reads the memo
            for i in range(len(doc)):
                kwargs = {"capitalized": reading[0], "name_follows": reading[1]}
                assert parse_title_phrase(doc, i, heads, lex, **kwargs) == _parse_title_phrase(
                    doc, i, heads, lex, **kwargs
                )


HYPHEN_CASES = [
    ("hyphen before and after", "Al-Harbi, Harbi-led and Harbi.", "Harbi"),
    ("underscore and digits", "Okoro_ Okoro2 2Okoro Okoro", "Okoro"),
    ("accented neighbours", "éDiallo Dialloé Diallo", "Diallo"),
    ("overlapping copies", "Aa Aa Aa", "Aa Aa"),
    ("case kept", "MENSAH and mensah and Mensah", "Mensah"),
    ("curly apostrophe inside", "N’Dour’s N’Dour", "N’Dour"),
    ("at the ends", "Oslo", "Oslo"),
]


@pytest.mark.parametrize(("text", "form"), [c[1:] for c in HYPHEN_CASES], ids=[c[0] for c in HYPHEN_CASES])
def test_hyphen_bounded_search_finds_what_the_regex_finds(text, form):
    from pressfeed.extractors.tokens import hyphen_bounded_occurrences

    expected = [m.span() for m in re.finditer(rf"(?<![\w-]){re.escape(form)}(?![\w-])", text)]
    assert hyphen_bounded_occurrences(text, form) == expected


def test_hyphen_bounded_search_finds_what_the_regex_finds_on_the_corpus():
    from pressfeed.extractors.tokens import hyphen_bounded_occurrences
    from tests.conftest import CORPUS

    for path in sorted(CORPUS.glob("*.txt"))[:12]:
        text = path.read_text(encoding="utf-8")
        for form in sorted(set(re.findall(r"[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*)?", text)))[:200]:
            expected = [m.span() for m in re.finditer(rf"(?<![\w-]){re.escape(form)}(?![\w-])", text)]
            assert hyphen_bounded_occurrences(text, form) == expected, (path.name, form)


WORD_CASES = [
    ("initials inside a word", "IOMs and the IOM", "IOM"),
    ("underscore", "iom_ iom", "iom"),
    ("accented neighbours", "éIOM IOMé", "IOM"),
    ("non-word ends fall back to the regex", "a (IOM) b", "(IOM)"),
    ("digits", "G20 and G2", "G2"),
]


@pytest.mark.parametrize(("text", "form"), [c[1:] for c in WORD_CASES], ids=[c[0] for c in WORD_CASES])
def test_whole_word_search_answers_what_the_regex_answers(text, form):
    from pressfeed.extractors.tokens import has_whole_word

    assert has_whole_word(text, form) == bool(re.search(rf"\b{re.escape(form)}\b", text))


def test_string_searches_answer_what_the_regexes_answer_on_the_corpus():
    """Whole words (``\\b``), hyphen-bounded names in names, and plain occurrences."""
    from pressfeed.extractors.tokens import has_whole_word, hyphen_bounded_occurrences, literal_occurrences
    from tests.conftest import CORPUS

    for path in sorted(CORPUS.glob("*.txt"))[:12]:
        text = path.read_text(encoding="utf-8")
        forms = sorted(set(re.findall(r"[A-Za-z][\w’'.-]*(?: [A-Z][\w’'.-]*)?", text)))[:150]
        for form in forms:
            assert has_whole_word(text, form) == bool(re.search(rf"\b{re.escape(form)}\b", text)), form
            assert literal_occurrences(text, form) == [m.span() for m in re.finditer(re.escape(form), text)]
            name = form.split()[0]
            expected = [m.span() for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", form)]
            assert hyphen_bounded_occurrences(form, name) == expected


def test_the_tokenizer_built_once_is_the_model_tokenizer_with_our_infixes(nlp):
    """build_nlp gives the model's tokenizer its special cases once, after pressfeed's infix
    rule; the reference is the model as loaded, its infix rule then replaced."""
    from pressfeed.nlp import DEFAULT_MODEL, _infix_pattern
    from pressfeed.tokenizer import add_special_cases

    reference = spacy.load(DEFAULT_MODEL)
    reference.tokenizer.infix_finditer = _infix_pattern(reference).finditer
    add_special_cases(reference.tokenizer)
    ours = nlp.tokenizer.tokenizer  # inside the BoundedTokenizer
    assert ours.to_bytes(exclude=["vocab"]) == reference.tokenizer.to_bytes(exclude=["vocab"])


@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=30))
@settings(max_examples=300, deadline=None)
def test_folding_an_ascii_name_skips_unicode_normalization_with_the_same_result(name):
    import unicodedata

    from pressfeed.gazetteer import _STRIP, _fold

    decomposed = unicodedata.normalize("NFKD", name.strip(_STRIP))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    assert _fold(name) == " ".join(plain.split()).casefold()


def test_fiscal_cues_run_together_find_what_each_cue_finds_on_the_corpus():
    """The fiscal cues tried only where they can start (regex_starts) give every cue's own
    ``finditer`` matches: on corpus articles and on the cues' examples run together."""
    from pressfeed.extractors.dates.fiscal import fiscal_cues, fiscal_finder
    from tests.conftest import CORPUS

    examples = " ".join(example for _, _, _, example in fiscal_cues())
    texts = [path.read_text(encoding="utf-8") for path in sorted(CORPUS.glob("*.txt"))[:40]]
    for text in [*texts, examples, examples.upper(), examples.replace(" ", "\n")]:
        expected = [[m.span() for m in pattern.finditer(text)] for _, _, pattern, _ in fiscal_cues()]
        assert fiscal_finder().spans(text) == expected


def test_the_compact_city_table_answers_what_the_city_dict_answers():
    from pressfeed.gazetteer import CodeTable, _city_table

    cities = _city_table()
    table = CodeTable.of(cities)
    assert all(table.get(name) == code for name, code in cities.items())
    near_misses = [name[:-1] for name in cities] + [name + "s" for name in cities] + ["", "a"]
    assert [table.get(name) for name in near_misses] == [cities.get(name) for name in near_misses]
