"""Build the one spaCy ``Language`` pressfeed runs: the statistical model plus our components.

This is the only place that calls ``spacy.load``. The model name is always an argument (the CLI
passes ``--model``), so a user with en_core_web_md/lg/trf can swap it in.
"""

from __future__ import annotations

import re
from functools import lru_cache

import spacy
import srsly
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Token

from . import components  # noqa: F401  (registers the pressfeed_* factories)
from .compiled import compiled
from .constants import DEFAULT_MODEL
from .errors import ModelNotInstalled
from .extractors.tokens import pos
from .resources import read_mapping
from .tokenizer import BoundedTokenizer, add_special_cases

# Extraction reads entities, part-of-speech tags and sentence boundaries. The dependency parser
# (the costliest component) and the statistical sentence recognizer give way to spaCy's
# punctuation-based sentencizer, which press-release prose splits cleanly ("Jan." and "Mr."
# are single tokens). The lemmatizer is kept out of the pipeline and asked only for the few
# counted nouns (see :func:`lemma`); the attribute ruler's coarse tags are read off the Penn
# tags where needed (``extractors.tokens.pos``).
# Measured for issue 12 on the 107-article development corpus: the parser alone changes no
# score; the parser with an appositive linker (PERSON -appos-> TITLE) lowers roles F1 from
# 0.698 to 0.687, and `pressfeed eval corpus/` takes 27-29 s instead of 17 s. It stays off.
SKIPPED = ("parser", "senter", "attribute_ruler", "lemmatizer")


@lru_cache(maxsize=4)
def build_nlp(model_name: str = DEFAULT_MODEL) -> Language:
    """Load ``model_name`` once per process and add pressfeed's components.

    Raises:
        ModelNotInstalled: no spaCy model of that name is installed.
    """
    nlp = _load(model_name)
    add_special_cases(nlp.tokenizer)
    nlp.tokenizer = BoundedTokenizer(nlp.tokenizer)
    for name in SKIPPED:
        if name in nlp.pipe_names:
            nlp.disable_pipe(name)
    if not nlp.has_pipe("sentencizer"):
        nlp.add_pipe("sentencizer", before="ner" if nlp.has_pipe("ner") else None)
    # After the sentences (its paragraph breaks must win) and before NER (which it keeps out of
    # headlines and boilerplate).
    nlp.add_pipe("pressfeed_article", before="ner" if nlp.has_pipe("ner") else None)
    nlp.add_pipe("pressfeed_titles")
    return nlp


@spacy.registry.tokenizers("pressfeed.deferred_tokenizer.v1")
def _deferred_tokenizer():
    """A tokenizer with no rules yet: :func:`_load` gives it the model's own, once."""
    return lambda nlp: Tokenizer(nlp.vocab)


DEFERRED = {"nlp": {"tokenizer": {"@tokenizers": "pressfeed.deferred_tokenizer.v1"}}}


def _load(model_name: str) -> Language:
    """The model, its tokenizer with pressfeed's infixes (:func:`_infix_pattern`).

    spaCy builds a tokenizer from the language's defaults and then reads the model's over it,
    loading some 1,300 special cases each time, and a new infix rule loads them once more. Where
    the model uses spaCy's standard tokenizer, it is built empty and given the model's settings
    and pressfeed's infixes before its special cases, which are loaded once (0.1 s of every
    start). The tokenizer is the same (``to_bytes`` is equal: a test holds it).
    """
    try:
        nlp = spacy.load(model_name, exclude=["tokenizer"], config=DEFERRED)
        standard = _standard_tokenizer(nlp)
        if standard is None:
            nlp = spacy.load(model_name)
    except OSError as err:
        raise ModelNotInstalled(
            f"the spaCy model {model_name!r} is not installed: pip install {model_name.replace('_', '-')}, "
            f"or name an installed one with --model"
        ) from err
    if standard is None:
        nlp.tokenizer.infix_finditer = _infix_pattern(nlp).finditer
        return nlp
    exceptions = standard.pop("exceptions", None)
    standard.pop("infix_finditer", None)
    nlp.tokenizer.from_bytes(srsly.msgpack_dumps(standard))
    nlp.tokenizer.infix_finditer = _infix_pattern(nlp).finditer
    if exceptions is not None:
        nlp.tokenizer.rules = exceptions  # last, as Tokenizer.from_bytes does
    return nlp


def _standard_tokenizer(nlp: Language) -> dict | None:
    """The model's serialized tokenizer settings when it uses spaCy's standard tokenizer."""
    path = nlp.path
    if path is None or not (path / "tokenizer").is_file() or not (path / "config.cfg").is_file():
        return None
    config = spacy.util.load_config(path / "config.cfg", interpolate=False)
    if config.get("nlp", {}).get("tokenizer", {}).get("@tokenizers") != "spacy.Tokenizer.v1":
        return None
    return srsly.msgpack_loads((path / "tokenizer").read_bytes())


def _infix_pattern(nlp: Language) -> re.Pattern:
    """A double hyphen between words is a dash: "Denmark--(BUSINESS WIRE)--Nordhavn" is seven
    tokens, so the dateline's region and the company after it are words of their own."""
    infixes = [*nlp.Defaults.infixes, r"--", r"(?<=--)\(", r"\)(?=--)"]
    # spacy.util.compile_infix_regex's expression, compiled through the cache on disk
    return compiled("|".join(piece for piece in infixes if piece.strip()))


def lemma(token: Token, nlp: Language) -> str:
    """The lemma of one token from the model's (disabled) lemmatizer, else its lower case.

    Irregular plurals come from ``data/irregular_nouns.tsv``; of the rule lemmatizer's
    readings of an "-es" plural, the one keeping the "e" wins unless the stem ends in "s"
    ("doses" -> "dose", "buses" -> "bus").
    """
    irregular = irregular_nouns().get(token.lower_)
    if irregular:
        return irregular
    if token.lemma_:
        return token.lemma_.lower()
    if "lemmatizer" in nlp.component_names:
        lemmatizer = nlp.get_pipe("lemmatizer")
        if getattr(lemmatizer, "mode", None) == "rule":
            if not token.pos_:
                token.pos_ = pos(token)
            forms = [f.lower() for f in lemmatizer.rule_lemmatize(token)]
            with_e = [f for f in forms if f + "s" == token.lower_ and f[:-1] + "es" == token.lower_]
            if with_e and not with_e[0][:-1].endswith(("ss", "us", "is", "x", "z", "ch", "sh")):
                return with_e[0]
            return forms[0]
    return token.lower_


@lru_cache(maxsize=1)
def irregular_nouns() -> dict[str, str]:
    return read_mapping("irregular_nouns.tsv", ("plural", "singular"))
