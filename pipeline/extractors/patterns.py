"""Load the pattern families of ``pipeline/data/patterns/*.jsonl`` and match them on a doc.

Every row is one spaCy pattern with its id, label, examples and negative examples::

    {"id": "title.minister_of", "label": "TITLE",
     "pattern": [{"LOWER": {"IN": "@lexicon:title_heads"}}, {"LOWER": "of"}],
     "examples": ["Minister of"], "not": ["Ministry of"]}

``pattern`` is a token pattern (a list, for ``Matcher``) or a phrase (a string, for a
``PhraseMatcher`` on lower case). ``"@lexicon:NAME"`` in place of a list, or as the whole
phrase pattern, is replaced by the words of a lexicon (see :data:`LEXICONS`). The loader
rejects unknown keys, duplicate ids (across every file), unknown lexicons and rows without
examples, and names ``file:line`` in every error (medspaCy's rule loader, but loud).

``"trim": [left, right]`` leaves that many context tokens at each end out of the candidate
(a name after "appointed"). An example is a string the rule must match exactly, or
``{"text": ..., "match": ...}`` for a match inside a longer text; a ``not`` example is a text
where the rule must not match at all.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

import srsly
from spacy.errors import MatchPatternError
from spacy.matcher import Matcher, PhraseMatcher
from spacy.schemas import validate_token_pattern
from spacy.tokens import Doc, Span
from spacy.util import filter_spans
from spacy.vocab import Vocab

from ..diskcache import cached_table
from ..resources import DataFileError, data_path, read_table
from .word_flags import WordFlags, spec_tests

PATTERN_DIR = "patterns"
FAMILIES = ("layout", "titles", "names", "organizations", "places", "vetoes", "links")
ALLOWED_KEYS = frozenset({"id", "label", "pattern", "examples", "not", "comment", "trim", "extend_left"})
REQUIRED_KEYS = frozenset({"id", "label", "pattern", "examples"})
LEXICON_PREFIX = "@lexicon:"
# Token attributes that only a statistical model sets: rules using them are tested with it.
MODEL_ATTRS = frozenset(
    {"POS", "TAG", "DEP", "LEMMA", "MORPH", "ENT_TYPE", "ENT_IOB", "ENT_ID", "SENT_START", "IS_SENT_START"}
)

# name -> (data file, column, single words only): the lexicons a pattern may reference.
LEXICONS: dict[str, tuple[str, str, bool]] = {
    "title_heads": ("titles.tsv", "title", True),
    "titles": ("titles.tsv", "title", False),
    "title_modifiers": ("title_modifiers.tsv", "word", True),
    "envoy_heads": ("envoy_heads.tsv", "word", True),
    "title_determiners": ("title_determiners.tsv", "word", True),
    "function_words_cased": ("function_words.tsv", "word", True),
    "function_ends_cased": ("function_ends.tsv", "word", True),
    "portfolio": ("portfolio_words.tsv", "word", True),
    "portfolio_openers": ("portfolio_openers.tsv", "word", True),
    "unit_heads": ("unit_heads.tsv", "word", True),
    "org_heads": ("org_heads.tsv", "word", True),
    "honorifics": ("honorifics.tsv", "honorific", True),
    "speech_verbs": ("speech_verbs.tsv", "verb", True),
    "legal_forms": ("legal_forms.tsv", "form", False),
    "admin_words": ("admin_words.tsv", "word", True),
    "facility_words": ("facility_words.tsv", "word", True),
    "not_org_heads": ("not_org_heads.tsv", "word", True),
    "diseases": ("diseases.tsv", "word", True),
    "peerages": ("peerages.tsv", "word", True),
    "korean_surnames": ("korean_surnames.tsv", "surname", True),
    "name_suffixes": ("name_suffixes.tsv", "suffix", True),
    "appointment_verbs": ("appointment_verbs.tsv", "verb", True),
    "contact_words": ("contact_words.tsv", "word", True),
    "news_agencies_cased": ("news_agencies.tsv", "agency", True),
    "news_agencies": ("news_agencies.tsv", "agency", True),
    "legal_forms_cased": ("legal_forms.tsv", "form", True),
    "organ_words": ("organ_words.tsv", "word", True),
    "international_bodies": ("international_bodies.tsv", "name", False),
    "post_nominals": ("post_nominals.tsv", "letters", True),
    "legislatures": ("legislatures.tsv", "name", True),
    "common_acronyms": ("common_acronyms.tsv", "acronym", True),
    "time_zones": ("time_zones.tsv", "zone", True),
    "funding_instruments": ("funding_instruments.tsv", "name", False),
    "legal_form_prefixes": ("legal_form_prefixes.tsv", "form", True),
    "foreign_org_heads": ("foreign_org_heads.tsv", "word", True),
    "legal_form_seats": ("legal_form_seats.tsv", "form", True),
}
# Lexicons of the words of a lexicon's entries: the first word of each, or the words after it
# (a legal form of several words, "Sdn. Bhd.", "S.A. de C.V.", matched as a first word and a tail).
PARTS: dict[str, tuple[str, str]] = {
    "legal_form_words_cased": ("legal_forms_cased_all", "first"),
    "legal_form_tails_cased": ("legal_forms_cased_all", "rest"),
    # boards and committees after a title ("Member of the Audit and Risk Committee")
    "governance_words": ("governance_bodies", "words"),
    "governance_ends": ("governance_bodies", "last"),
}
LEXICONS["legal_forms_cased_all"] = ("legal_forms.tsv", "form", False)
LEXICONS["governance_bodies"] = ("governance_bodies.tsv", "body", False)
# Matched on the exact text: "Trend" the agency, not "trend"; "World Bank", not "world bank".
CASED = frozenset(
    {"news_agencies_cased", "legal_forms_cased", "international_bodies", "legal_forms_cased_all"}
    | {"function_words_cased", "function_ends_cased", "post_nominals", "legislatures"}
    | {"common_acronyms", "time_zones", "funding_instruments", "legal_form_prefixes", "foreign_org_heads"}
    | {"legal_form_seats"}
    | set(PARTS)
)
COLUMNS = {"titles.tsv": ("title", "kind"), "news_agencies.tsv": ("agency", "country")}


@dataclass(frozen=True)
class Rule:
    """One validated pattern row."""

    id: str
    label: str
    pattern: tuple | str
    examples: tuple
    negatives: tuple[str, ...]
    source: str  # "file:line"
    trim: tuple[int, int] = (0, 0)  # tokens of context matched but left out of the span
    cased: bool = False  # a phrase lexicon of CASED, matched on the exact text
    extend_left: frozenset[str] = frozenset()  # capitalized words that may extend a match leftward

    @property
    def needs_model(self) -> bool:
        """Whether the pattern reads attributes that only a statistical model sets."""
        if isinstance(self.pattern, str):
            return False
        return any(key in MODEL_ATTRS for token in self.pattern for key in token)


@cache
def lexicon(name: str) -> tuple[str, ...]:
    """Lower-cased entries of the lexicon ``name`` (single words only where it says so).

    >>> "minister" in lexicon("title_heads")
    True
    >>> "prime minister" in lexicon("title_heads")
    False
    """
    if name in PARTS:
        source, part = PARTS[name]
        words = [entry.split() for entry in lexicon(source)]
        # a plain word opening a longer form is no form alone ("Private" of "Private Limited")
        firsts = [w[0] for w in words if len(w) == 1 or not (w[0].isalpha() and len(w[0]) > 4)]
        picked = {
            "first": firsts,
            "rest": [x for w in words for x in w[1:]],
            "words": [x for w in words for x in w],
            "last": [w[-1] for w in words],
        }[part]
        # "plc", "PLC", "Plc"; a form written in capitals stays so ("AG", never "Ag." for acting)
        variants = [(w,) if w.isupper() else (w, w.upper(), w.capitalize()) for w in picked]
        cases = [c for w, forms in zip(picked, variants, strict=True) for c in forms if w.isalpha() or c == w]
        return tuple(dict.fromkeys(cases))
    if name not in LEXICONS:
        raise KeyError(name)
    file, column, single = LEXICONS[name]
    columns = COLUMNS.get(file, (column,))
    words = [row[column] if name in CASED else row[column].casefold() for row in read_table(file, columns)]
    return tuple(w for w in words if not single or " " not in w)


def _expand(value: Any, where: str) -> Any:
    """Replace every ``"@lexicon:NAME"`` inside a pattern by that lexicon's entries."""
    if isinstance(value, str) and value.startswith(LEXICON_PREFIX):
        name = value[len(LEXICON_PREFIX) :]
        if name not in LEXICONS and name not in PARTS:
            raise DataFileError(f"{where}: unknown lexicon {name!r}")
        return list(lexicon(name))
    if isinstance(value, dict):
        return {k: _expand(v, where) for k, v in value.items()}
    if isinstance(value, list):
        return [_expand(v, where) for v in value]
    return value


def _check_row(row: Any, where: str) -> None:
    if not isinstance(row, dict):
        raise DataFileError(f"{where}: a pattern row must be an object")
    unknown = set(row) - ALLOWED_KEYS
    missing = REQUIRED_KEYS - set(row)
    if unknown or missing:
        raise DataFileError(f"{where}: unknown keys {sorted(unknown)}, missing keys {sorted(missing)}")
    if not row["examples"]:
        raise DataFileError(f"{where}: pattern {row['id']!r} has no examples")
    if not isinstance(row["pattern"], list | str) or not row["pattern"]:
        raise DataFileError(f"{where}: pattern {row['id']!r} must be a token list or a phrase")


def parse_rows(rows: Iterable[tuple[str, Any]]) -> tuple[Rule, ...]:
    """Validate ``(where, row)`` pairs into rules (shared by the file loader and its tests).

    >>> rows = [("t.jsonl:1", {"id": "a", "label": "X", "pattern": "cat", "examples": ["cat"]}),
    ...         ("t.jsonl:2", {"id": "a", "label": "X", "pattern": "dog", "examples": ["dog"]})]
    >>> parse_rows(rows)
    Traceback (most recent call last):
    ...
    pressfeed.resources.DataFileError: t.jsonl:2: duplicate id 'a' (first at t.jsonl:1)
    """
    rules: list[Rule] = []
    seen: dict[str, str] = {}
    for where, row in rows:
        _check_row(row, where)
        if row["id"] in seen:
            raise DataFileError(f"{where}: duplicate id {row['id']!r} (first at {seen[row['id']]})")
        seen[row["id"]] = where
        pattern = _expand(row["pattern"], where)
        if isinstance(pattern, list) and pattern and isinstance(pattern[0], str):
            pattern = " | ".join(pattern)  # a whole lexicon as phrases
        rules.append(
            Rule(
                id=row["id"],
                label=row["label"],
                pattern=pattern if isinstance(pattern, str) else tuple(pattern),
                examples=tuple(row["examples"]),
                negatives=tuple(row.get("not", ())),
                source=where,
                trim=_trim(row.get("trim", (0, 0)), where),
                cased=isinstance(row["pattern"], str)
                and row["pattern"].removeprefix(LEXICON_PREFIX) in CASED,
                extend_left=_extend_left(row.get("extend_left"), where),
            )
        )
    return tuple(rules)


def _trim(value: Any, where: str) -> tuple[int, int]:
    """``"trim": [left, right]``: context tokens at each end of a match ("appointed" before a
    name), matched but not part of the candidate."""
    if not (
        isinstance(value, list | tuple)
        and len(value) == 2
        and all(isinstance(v, int) and v >= 0 for v in value)
    ):
        raise DataFileError(f"{where}: trim must be two counts of tokens, [left, right]")
    return value[0], value[1]


def _extend_left(value: Any, where: str) -> frozenset[str]:
    """``"extend_left": "@lexicon:NAME"``: capitalized words of that lexicon right before a
    match join it (the modifiers of a multi-word title: "Vice" + "Chair of the Board")."""
    if value is None:
        return frozenset()
    words = _expand(value, where)
    if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
        raise DataFileError(f"{where}: extend_left must name a lexicon")
    return frozenset(words)


def _file_rows(family: str) -> Iterator[tuple[str, Any]]:
    name = f"{PATTERN_DIR}/{family}.jsonl"
    for line_no, row in enumerate(srsly.read_jsonl(data_path(name)), start=1):
        yield f"{name}:{line_no}", row


@cache
def load_rules(families: tuple[str, ...] = FAMILIES) -> tuple[Rule, ...]:
    """Every rule of the given families, ids unique across all of them.

    Raises:
        DataFileError: a malformed row, naming its file and line.
    """
    return parse_rows(row for family in families for row in _file_rows(family))


def family_rules(family: str) -> tuple[Rule, ...]:
    """The rules of one family (validated together with all the others)."""
    prefix = f"{PATTERN_DIR}/{family}.jsonl:"
    return tuple(rule for rule in load_rules() if rule.source.startswith(prefix))


class PatternSet:
    """A ``Matcher`` and a lower-case ``PhraseMatcher`` over a set of rules.

    The ``Matcher`` reads the word tests of the patterns as lexeme flags (:func:`word_flags`;
    ``flagged=False``: as spaCy's own predicates, the reference the flags are tested against).
    """

    def __init__(self, vocab: Vocab, rules: Iterable[Rule], *, flagged: bool = True):
        self.rules = {rule.id: rule for rule in rules}
        self.flags = word_flags(vocab) if flagged else None
        self.matcher = Matcher(vocab, validate=False)  # each pattern is validated as written
        self.phrases = PhraseMatcher(vocab, attr="LOWER")
        self.cased_phrases = PhraseMatcher(vocab, attr="ORTH")
        lazy = lazy_extensions(self.rules.values())
        for rule in self.rules.values():
            try:
                if isinstance(rule.pattern, str):
                    phrases = self.cased_phrases if rule.cased else self.phrases
                    phrases.add(rule.id, [_phrase_doc(vocab, p) for p in rule.pattern.split(" | ")])
                else:
                    self.matcher.add(rule.id, [self._token_pattern(rule, lazy)], greedy="LONGEST")
            except ValueError as err:
                raise DataFileError(f"{rule.source}: {err}") from err

    def _token_pattern(self, rule: Rule, lazy: frozenset[str]) -> list[dict]:
        pattern = [as_predicates(token, lazy) for token in rule.pattern]
        errors = validate_token_pattern(pattern)
        if errors:
            raise MatchPatternError(rule.id, {0: errors})
        if self.flags is None:
            return pattern
        return [as_predicates(self.flags.rewrite(token), lazy) for token in rule.pattern]

    def __call__(self, doc: Doc) -> list[Span]:
        """Every match as a span labelled with its rule's label, ``span.id_`` the rule id."""
        if self.flags is not None:
            self.flags.prepare(doc)
        found = [*self.matcher(doc), *self.phrases(doc), *self.cased_phrases(doc)]
        spans = []
        for match_id, start, end in found:
            rule = self.rules[doc.vocab.strings[match_id]]
            start, end = start + rule.trim[0], end - rule.trim[1]
            while rule.extend_left and start > 0 and _extends(doc[start - 1], rule.extend_left):
                start -= 1
            if start < end:
                spans.append(Span(doc, start, end, label=rule.label, span_id=rule.id))
        return sorted(spans, key=lambda s: (s.start, -s.end))


@cache
def word_flags(vocab: Vocab) -> WordFlags:
    """The word tests of every pattern family as lexeme flags of ``vocab``, those a match may
    start with first (they are asked at every token; the bits are fewer than the tests)."""
    patterns = [rule.pattern for rule in load_rules() if not isinstance(rule.pattern, str)]
    opening = [spec for p in patterns for spec in _opening_specs(p)]
    specs = [*opening, *(spec for p in patterns for spec in p)]
    return WordFlags.allocate(vocab, [t for spec in specs for k, v in spec.items() for t in spec_tests(k, v)])


OPTIONAL_OPS = frozenset({"?", "*"})


def _opening_specs(pattern: tuple) -> Iterator[dict]:
    """The token specs a match may start with: the first, and each after only optional ones."""
    for token in pattern:
        yield token
        op = token.get("OP", "")
        if op not in OPTIONAL_OPS and not op.startswith(("{0,", "{,")):
            return


def lazy_extensions(rules: Iterable[Rule]) -> frozenset[str]:
    """The ``_`` attributes no match can start with ("pf_place" after "Governor of").

    spaCy's ``Matcher`` computes every plain-valued ``_`` attribute of every token before it
    matches, but a ``{"IN": [...]}`` predicate only where a partial match reaches it (cached per
    token); the attributes a match may start with are asked at every token either way.

    >>> rule = Rule("r", "X", ({"LOWER": "of"}, {"_": {"pf_place": True}}), ("of X",), (), "t:1")
    >>> sorted(lazy_extensions([rule]))
    ['pf_place']
    """
    token_patterns = [r.pattern for r in rules if not isinstance(r.pattern, str)]
    used = {name for pattern in token_patterns for token in pattern for name in token.get("_", {})}
    opening = {name for p in token_patterns for token in _opening_specs(p) for name in token.get("_", {})}
    return frozenset(used - opening)


def as_predicates(token: dict, lazy: frozenset[str]) -> dict:
    """The token spec with each plain ``_`` value of a ``lazy`` attribute written as an
    ``IN`` predicate, the same test: ``{"pf_place": true}`` is ``{"pf_place": {"IN": [1]}}``
    (the matcher compares a boolean as the integer it is, and accepts no boolean in a list).

    >>> as_predicates({"_": {"pf_place": True}, "IS_TITLE": True}, frozenset({"pf_place"}))
    {'_': {'pf_place': {'IN': [1]}}, 'IS_TITLE': True}
    """
    extensions = token.get("_")
    if not extensions or not lazy.intersection(extensions):
        return token
    rewritten = {
        k: {"IN": [int(v) if isinstance(v, bool) else v]} if k in lazy and not isinstance(v, dict) else v
        for k, v in extensions.items()
    }
    return {**token, "_": rewritten}


def _extends(token, words: frozenset[str]) -> bool:
    return token.text[:1].isupper() and token.lower_ in words


def _phrase_doc(vocab: Vocab, phrase: str) -> Doc:
    """The phrase tokenized as English, in ``vocab`` (a PhraseMatcher needs its own vocab)."""
    words, spaces = phrase_tokens().get(phrase) or _tokenize(phrase)
    return Doc(vocab, words=list(words), spaces=list(spaces))


Tokens = tuple[tuple[str, ...], tuple[bool, ...]]


@cache
def phrase_tokens() -> dict[str, Tokens]:
    """Every phrase of the pattern families, tokenized: built once and kept on disk (a blank
    English tokenizer and its use cost a cold start about 0.07 s)."""
    return cached_table("phrase-tokens", _tokenize_phrases, packages=("spacy",))


def _tokenize_phrases() -> dict[str, Tokens]:
    rules = load_rules()
    return {p: _tokenize(p) for r in rules if isinstance(r.pattern, str) for p in r.pattern.split(" | ")}


def _tokenize(phrase: str) -> Tokens:
    """(words, spaces) of the phrase, as a blank English tokenizer splits it."""
    tokens = list(_blank_tokenizer()(phrase))
    return tuple(t.text for t in tokens), tuple(bool(t.whitespace_) for t in tokens)


@cache
def _blank_tokenizer():
    import spacy

    return spacy.blank("en").tokenizer


def longest(spans: Iterable[Span]) -> list[Span]:
    """Non-overlapping spans, the longest first (spaCy's ``filter_spans``), in text order."""
    return sorted(filter_spans(list(spans)), key=lambda s: s.start)
