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
(a name after "appointed"). ``"anchor": N`` says the pattern's distinctive word is its token N:
the ``Matcher`` looks for the pattern from there on, and the N tokens before it are matched only
in the few tokens before each such match (a pattern is looked for at every token of every doc,
and a first token that many words pass -- a capitalized word, ``{"IS_TITLE": true, "OP":
"{0,3}"}`` -- keeps partial matches alive all along). The matches are the same. Of equal
spans, the rule listed first comes first (the resolver keeps it).

An example is a string the rule must match exactly, or ``{"text": ..., "match": ...}`` for a
match inside a longer text; a ``not`` example is a text where the rule must not match at all.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from typing import Any

import numpy
import srsly
from spacy.attrs import ENT_ID
from spacy.errors import MatchPatternError
from spacy.matcher import Matcher, PhraseMatcher
from spacy.schemas import validate_token_pattern
from spacy.tokens import Doc, Span
from spacy.util import filter_spans
from spacy.vocab import Vocab

from ..diskcache import cached_table
from ..extensions import mention_index
from ..resources import DataFileError, data_path, read_table
from .word_flags import WORD_ATTRS, WordFlags, spec_tests

PATTERN_DIR = "patterns"
FAMILIES = ("layout", "titles", "names", "organizations", "places", "vetoes", "links")
ALLOWED_KEYS = frozenset(
    {"id", "label", "pattern", "examples", "not", "comment", "trim", "extend_left", "anchor"}
)
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
    anchor: int = 0  # the token the Matcher looks for first; those before it are matched after

    @property
    def searched(self) -> tuple:
        """The token specs the ``Matcher`` looks for at every token: the pattern from its anchor."""
        return self.pattern[self.anchor :]

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
                anchor=_anchor(row.get("anchor", 0), pattern, where),
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


def _anchor(value: Any, pattern: Any, where: str) -> int:
    """``"anchor": N``: a token pattern's token N, which a match must hold (no ``?`` or ``*``),
    after N tokens of bounded repeats (no ``+`` or ``*``: they are matched in a window)."""
    if value == 0:
        return 0
    if not isinstance(value, int) or not isinstance(pattern, list) or not 0 < value < len(pattern):
        raise DataFileError(f"{where}: anchor must be the index of a token of a token pattern, not the first")
    if _optional(pattern[value]):
        raise DataFileError(f"{where}: the anchor token must be one every match holds")
    if any(spec.get("OP", "") in {"+", "*"} or spec.get("OP", "").endswith(",}") for spec in pattern[:value]):
        raise DataFileError(f"{where}: the tokens before the anchor may not repeat without bound")
    return value


def left_size(specs: Iterable[dict]) -> tuple[int, int]:
    """The fewest and the most tokens a run of bounded token specs matches.

    >>> left_size([{"IS_TITLE": True, "OP": "{0,3}"}, {"ORTH": ","}, {"LOWER": "the", "OP": "?"}])
    (1, 5)
    """
    low = high = 0
    for spec in specs:
        op = spec.get("OP", "")
        if op.startswith("{"):
            bounds = op[1:-1].split(",")
            least, most = int(bounds[0] or 0), int(bounds[-1])
        else:
            least, most = (0 if op == "?" else 1), 1
        low, high = low + least, high + most
    return low, high


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

    The ``Matcher`` reads the word tests of the patterns as lexeme flags (:func:`word_flags`),
    a short opening word list as plain words (:func:`spelled_out`) and a resolved mention's label
    from ``ENT_ID`` (:func:`_mention_from_ent_id`) -- ``flagged=False``: as written, with spaCy's
    own predicates -- and looks for an anchored rule from its anchor (``anchored=False``: the
    whole pattern). The plain forms are the reference the fast ones are tested against.
    """

    def __init__(self, vocab: Vocab, rules: Iterable[Rule], *, flagged: bool = True, anchored: bool = True):
        self.rules = {rule.id: rule for rule in rules}
        self.order = {rule_id: n for n, rule_id in enumerate(self.rules)}
        self.flags = word_flags(vocab) if flagged else None
        self.matcher = Matcher(vocab, validate=False)  # each pattern is validated as written
        self.phrases = PhraseMatcher(vocab, attr="LOWER")
        self.cased_phrases = PhraseMatcher(vocab, attr="ORTH")
        # rule id -> (a Matcher of the tokens before the anchor, their fewest and most)
        self.lefts: dict[str, tuple[Matcher, tuple[int, int]]] = {}
        token_rules = [rule for rule in self.rules.values() if not isinstance(rule.pattern, str)]
        read = {rule.id: self._as_read(rule) for rule in token_rules}
        anchors = {rule.id: rule.anchor if anchored else 0 for rule in token_rules}
        lazy = lazy_extensions(pattern[anchors[rule_id] :] for rule_id, pattern in read.items())
        self.reads_mentions = any("ENT_ID" in spec for pattern in read.values() for spec in pattern)
        for rule in self.rules.values():
            try:
                if isinstance(rule.pattern, str):
                    phrases = self.cased_phrases if rule.cased else self.phrases
                    phrases.add(rule.id, [_phrase_doc(vocab, p) for p in rule.pattern.split(" | ")])
                else:
                    pattern = [as_predicates(token, lazy) for token in read[rule.id]]
                    self._add(rule.id, pattern, anchors[rule.id])
            except ValueError as err:
                raise DataFileError(f"{rule.source}: {err}") from err

    def _as_read(self, rule: Rule) -> tuple[dict, ...]:
        """The rule's token pattern validated as written, with its word tests read from their
        flags and its mention tests from ``ENT_ID`` (when flagged)."""
        errors = validate_token_pattern(list(rule.pattern))
        if errors:
            raise MatchPatternError(rule.id, {0: errors})
        if self.flags is None:
            return rule.pattern
        return tuple(_mention_from_ent_id(self.flags.rewrite(token)) for token in rule.pattern)

    def _add(self, rule_id: str, pattern: list[dict], anchor: int) -> None:
        # Every match of every rule: the longest are kept after anchored ones are joined.
        searched = pattern[anchor:]
        firsts = spelled_out(searched[0]) if self.flags is not None else None
        self.matcher.add(rule_id, [[first, *searched[1:]] for first in firsts] if firsts else [searched])
        if anchor:
            left = Matcher(self.matcher.vocab, validate=False)
            left.add(rule_id, [pattern[:anchor]])
            self.lefts[rule_id] = (left, left_size(pattern[:anchor]))

    def __call__(self, doc: Doc) -> list[Span]:
        """Every match as a span labelled with its rule's label, ``span.id_`` the rule id, in
        text order (the longest first; of equal spans, the rule listed first: the resolver keeps
        the first of equal spans)."""
        if self.flags is not None:
            self.flags.prepare(doc)
        strings = doc.vocab.strings
        with _mentions_in_ent_id(doc, self.reads_mentions):
            matches = self._matches(doc)
        found = [(rule_id, s, e) for rule_id, pairs in matches.items() for s, e in _longest_first(pairs)]
        for phrases in (self.phrases, self.cased_phrases):
            found += [(strings[key], start, end) for key, start, end in phrases(doc)]
        spans = []
        for n, (rule_id, start, end) in enumerate(found):
            rule = self.rules[rule_id]
            start, end = start + rule.trim[0], end - rule.trim[1]
            while rule.extend_left and start > 0 and _extends(doc[start - 1], rule.extend_left):
                start -= 1
            if start < end:
                spans.append((start, -end, self.order[rule_id], n, rule))
        return [Span(doc, s, -end, label=rule.label, span_id=rule.id) for s, end, *_, rule in sorted(spans)]

    def _matches(self, doc: Doc) -> dict[str, list[tuple[int, int]]]:
        """Rule id -> its whole matches: an anchored rule's match from its anchor is joined to
        each match of the tokens before it."""
        groups: dict[str, list[tuple[int, int]]] = {}
        starts: dict[tuple[str, int], list[int]] = {}
        for key, start, end in self.matcher(doc):
            rule_id = doc.vocab.strings[key]
            if rule_id in self.lefts:
                if (rule_id, start) not in starts:
                    starts[rule_id, start] = _left_starts(doc, *self.lefts[rule_id], start)
                pairs = [(first, end) for first in starts[rule_id, start]]
                if pairs:
                    groups.setdefault(rule_id, []).extend(pairs)
            else:
                groups.setdefault(rule_id, []).append((start, end))
        return groups


MENTION_ATTR = "pf_mention"


def _mention_from_ent_id(spec: dict) -> dict:
    """The spec with its test of the resolved mention's label (``{"_": {"pf_mention": "TITLE"}}``)
    read from the token's ``ENT_ID``, where :func:`_mentions_in_ent_id` writes the label while
    a doc is matched: the ``Matcher`` reads a plain ``_`` value of every token in Python before
    it matches, ``ENT_ID`` natively (nothing else in the pipeline sets it).

    >>> _mention_from_ent_id({"_": {"pf_mention": "TITLE"}, "OP": "+"})
    {'OP': '+', 'ENT_ID': 'TITLE'}
    """
    extensions = spec.get("_")
    if not extensions or MENTION_ATTR not in extensions:
        return spec
    out = {key: value for key, value in spec.items() if key != "_"}
    rest = {name: value for name, value in extensions.items() if name != MENTION_ATTR}
    if rest:
        out["_"] = rest
    out["ENT_ID"] = extensions[MENTION_ATTR]
    return out


@contextmanager
def _mentions_in_ent_id(doc: Doc, reads: bool) -> Iterator[None]:
    """The label of the resolved mention over each token in its ``ENT_ID`` ("" outside
    mentions), the tokens' own ``ENT_ID`` back afterwards."""
    if not reads:
        yield
        return
    saved = doc.to_array([ENT_ID])
    strings = doc.vocab.strings
    labels = mention_index(doc)
    ids = {label: strings.add(label) if label else 0 for label in set(labels)}
    doc.from_array([ENT_ID], numpy.array([ids[label] for label in labels], dtype=numpy.uint64))
    try:
        yield
    finally:
        doc.from_array([ENT_ID], saved)


def _left_starts(doc: Doc, left: Matcher, size: tuple[int, int], anchor: int) -> list[int]:
    """Where the tokens before ``anchor`` may start: every match of ``left`` ending there
    (``size``: the fewest and most tokens it matches)."""
    fewest, most = size
    if anchor < fewest:
        return []
    window = doc[max(0, anchor - most) : anchor]
    starts = [window.start + start for _, start, end in left(window) if window.start + end == anchor]
    return [*starts, anchor] if fewest == 0 else starts


def _longest_first(pairs: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """spaCy's ``greedy="LONGEST"``: the longest pairs (the first of equal ones) that overlap
    no longer one.

    >>> _longest_first([(0, 2), (1, 4), (4, 5), (3, 5)])
    [(1, 4), (4, 5)]
    """
    taken: set[int] = set()
    kept = []
    for start, end in sorted(dict.fromkeys(pairs), key=lambda p: (p[1] - p[0], -p[0]), reverse=True):
        if taken.isdisjoint(range(start, end)):
            kept.append((start, end))
            taken.update(range(start, end))
    return kept


@cache
def word_flags(vocab: Vocab) -> WordFlags:
    """The word tests of every pattern family as lexeme flags of ``vocab``, those a match may
    start with first (they are asked at every token; the bits are fewer than the tests), and of
    those first the ones no pattern can spell out (:func:`spelled_out`)."""
    token_rules = [rule for rule in load_rules() if not isinstance(rule.pattern, str)]
    opening = [t for rule in token_rules for spec in _opening_specs(rule.searched) for t in _tests(spec)]
    spellable = {t for rule in token_rules if spelled_out(rule.searched[0]) for t in _tests(rule.searched[0])}
    first = sorted(dict.fromkeys(opening), key=lambda t: t in spellable)
    rest = [t for rule in token_rules for spec in rule.pattern for t in _tests(spec)]
    return WordFlags.allocate(vocab, [*first, *rest])


def _tests(spec: dict) -> list:
    return [t for key, value in spec.items() for t in spec_tests(key, value)]


SPELLED_OUT = 5  # an opening word list of at most this many words can be as many plain patterns


def spelled_out(spec: dict) -> list[dict] | None:
    """A first token spec (not repeated) whose one ``{"IN": [...]}`` test of a few words is
    left to a predicate, as one spec per word: the ``Matcher`` asks a predicate in Python at
    every token, a word natively.

    >>> spelled_out({"LOWER": {"IN": ["army", "navy"]}, "IS_TITLE": True})
    [{'LOWER': 'army', 'IS_TITLE': True}, {'LOWER': 'navy', 'IS_TITLE': True}]
    >>> spelled_out({"LOWER": {"IN": ["army", "navy"]}, "OP": "?"}) is None
    True
    """
    if "OP" in spec or "_" in spec:
        return None
    listed = [(key, value.get("IN")) for key, value in spec.items() if isinstance(value, dict)]
    if len(listed) != 1 or not isinstance(listed[0][1], list) or not 0 < len(listed[0][1]) <= SPELLED_OUT:
        return None
    ((key, words),) = listed
    if key not in WORD_ATTRS or list(spec[key]) != ["IN"]:
        return None
    return [{k: (word if k == key else v) for k, v in spec.items()} for word in dict.fromkeys(words)]


OPTIONAL_OPS = frozenset({"?", "*"})


def _optional(spec: dict) -> bool:
    """A token spec a match may skip: ``?``, ``*``, ``{0,n}``, ``{,n}``."""
    op = spec.get("OP", "")
    return op in OPTIONAL_OPS or op.startswith(("{0,", "{,"))


def _opening_specs(pattern: tuple) -> Iterator[dict]:
    """The token specs a match may start with: the first, and each after only optional ones."""
    for token in pattern:
        yield token
        if not _optional(token):
            return


def lazy_extensions(token_patterns: Iterable[tuple[dict, ...]]) -> frozenset[str]:
    """The ``_`` attributes no match can start with ("pf_place" after "Governor of"), in token
    patterns as the ``Matcher`` reads them (a test read from a lexeme flag reads no attribute).

    spaCy's ``Matcher`` computes every plain-valued ``_`` attribute of every token before it
    matches, but a ``{"IN": [...]}`` predicate only where a partial match reaches it (cached per
    token); the attributes a match may start with are asked at every token either way.

    >>> sorted(lazy_extensions([({"LOWER": "of"}, {"_": {"pf_place": True}})]))
    ['pf_place']
    >>> sorted(lazy_extensions([({"_": {"pf_place": True}},), ({"LOWER": "of"}, {"_": {"pf_place": False}})]))
    []
    """
    token_patterns = list(token_patterns)
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
