"""Mark title heads ("Minister", "Ambassador-at-Large", "press secretary") in the doc.

A ``PhraseMatcher`` on lower-cased tokens over ``data/titles.tsv``; the longest head at each
position goes to ``doc.spans["pressfeed_title_heads"]``. The roles extractor builds full titles
around these heads.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.util import filter_spans

from ..lexicons import build_lexicons

TITLE_HEADS_KEY = "pressfeed_title_heads"


class TitleHeads:
    def __init__(self, nlp: Language):
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        titles = build_lexicons().titles
        self.matcher.add("TITLE", list(nlp.tokenizer.pipe(titles)))

    def __call__(self, doc: Doc) -> Doc:
        doc.spans[TITLE_HEADS_KEY] = filter_spans(self.matcher(doc, as_spans=True))
        return doc


@Language.factory("pressfeed_titles", assigns=["doc.spans"])
def make_titles(nlp: Language, name: str) -> TitleHeads:
    return TitleHeads(nlp)
