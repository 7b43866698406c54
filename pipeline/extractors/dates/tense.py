"""The tense of a date: that of the verb governing it, found from POS tags in a window.

The pipeline runs without a dependency parser (tagger, NER and sentencizer only), so the
governing verb is the nearest verb group before the date in its clause ("said on Tuesday",
"will be held in Astana on Tuesday"), else the nearest after it ("On Tuesday, the minister
said"). A verb group is read as:

- "future": a modal ("will", "would", "may"), "going to", an infinitive ("plans to visit"), a
  progressive present ("is meeting"), a participle of scheduling ("set for", "scheduled"), or
  a prospective verb some way before the date ("invited investors to a forum in May");
- "reported": a past tense, reporting verbs included ("said", "met", "was signed", "has
  opened", a bare participle "signed on Tuesday"); "reported-near" when the verb stands
  within three tokens of the date, so that it surely governs it (a year-less "said on March
  14" then lies before publication);
- "present": a simple present ("opens on Tuesday"; headlines use it for past events);
- "any": no verb in reach; the sentence's future cues and past verbs then decide.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..tokens import sentence_of
from .candidates import date_words

WINDOW = 15  # tokens searched on each side: "to take part in an exhibition in Mazar-i-Sharif on June 18-20"
NEAR = 3  # a past verb this close governs the date for sure: "said on Tuesday", "signed on March 14"
CLAUSE_BREAKS = frozenset({";", ":", "that", "which", "who", "whose", "where", "while", "whereas", "because"})
SCHEDULING = frozenset({"scheduled", "set", "slated", "due", "planned", "expected", "poised", "timed"})
PAST_AUXILIARIES = frozenset({"was", "were", "had", "did", "has", "have", "been"})
FUTURE_MODALS = frozenset(
    {"will", "shall", "'ll", "wo", "would", "may", "might", "could", "should", "must", "can"}
)


def _is_verb(token: Token) -> bool:
    return token.tag_.startswith("VB") or token.tag_ == "MD"


def _group(doc: Doc, i: int, lo: int) -> list[Token]:
    """The verb group ending at token ``i``: its auxiliaries, adverbs and "to" before it."""
    j = i
    while j - 1 >= lo and (_is_verb(doc[j - 1]) or doc[j - 1].tag_ in {"RB", "TO"}):
        j -= 1
    return list(doc[j : i + 1])


def _group_forward(doc: Doc, i: int, hi: int) -> list[Token]:
    j = i
    while j + 1 < hi and (_is_verb(doc[j + 1]) or doc[j + 1].tag_ == "RB"):
        j += 1
    group = list(doc[i : j + 1])
    return group if not (i > 0 and doc[i - 1].tag_ == "TO") else [doc[i - 1], *group]


def group_tense(group: list[Token]) -> str:
    """The tense a verb group gives a date governed by it.

    Returns "future", "reported", "present" or "any" (a gerund alone: look further).
    """
    words = [t.lower_ for t in group]
    verbs = [t for t in group if _is_verb(t)]
    main = verbs[-1]
    if any(t.tag_ == "MD" and t.lower_ in FUTURE_MODALS for t in group) or "going" in words and "to" in words:
        return "future"
    if "to" in words or main.lower_ in SCHEDULING:
        return "future"  # an infinitive names what is still to happen: "plans to visit"
    if main.tag_ == "VBG":
        return "future" if any(t.lower_ in {"is", "are", "am", "'s", "'re"} for t in verbs[:-1]) else "any"
    if main.tag_ == "VBD" or any(t.lower_ in PAST_AUXILIARIES for t in verbs[:-1]):
        return "reported"
    if main.tag_ == "VBN":  # "the agreement signed on Tuesday"; "once they are commissioned"
        return "reported" if len(verbs) == 1 else "present"
    if main.tag_ in {"VBZ", "VBP"}:
        return "present"
    return "any"


NAME_TAGS = frozenset({"NNP", "NNPS", "HYPH", ",", "CC"})  # a long name does not use up the window


# Before a participle, these make it an adjective of the noun after it ("should agree on a
# unified standard by the end of June": "unified" is no past verb governing the date).
ATTRIBUTIVE_BEFORE = frozenset({"DT", "PRP$", "POS"})


def _attributive(doc: Doc, i: int) -> bool:
    return doc[i].tag_ == "VBN" and i > 0 and doc[i - 1].tag_ in ATTRIBUTIVE_BEFORE


def _walk(doc: Doc, indices) -> Token | None:
    """The first verb among ``indices`` within the window, stopping at a clause break."""
    counted = 0
    for i in indices:
        token = doc[i]
        if token.lower_ in CLAUSE_BREAKS:
            return None
        if _is_verb(token) and not _attributive(doc, i):
            return token
        counted += token.tag_ not in NAME_TAGS
        if counted >= WINDOW:
            return None
    return None


def _left_group(doc: Doc, span: Span, sentence: Span) -> list[Token] | None:
    verb = _walk(doc, range(span.start - 1, sentence.start - 1, -1))
    return None if verb is None else _group(doc, verb.i, sentence.start)


def _right_group(doc: Doc, span: Span, sentence: Span) -> list[Token] | None:
    verb = _walk(doc, range(span.end, sentence.end))
    return None if verb is None else _group_forward(doc, verb.i, sentence.end)


def governing_tense(doc: Doc, span: Span) -> str:
    """The tense of the verb governing ``span``; see the module's docstring."""
    sentence = sentence_of(doc, span.start)
    for find in (_left_group, _right_group):
        group = find(doc, span, sentence)
        if group is not None:
            tense = group_tense(group)
            gap = span.start - group[-1].i if find is _left_group else group[0].i - span.end + 1
            near = gap <= NEAR
            if tense == "reported" and near:
                return "reported-near"
            if (
                tense == "reported"
                and find is _left_group
                and date_words().get(group[-1].lower_) == "prospective"
            ):
                return "future"  # "invited investors to a business forum in Dakar in May"
            if tense != "any":
                return tense
    return sentence_tense(sentence)


SENTENCE_FACTS_KEY = "pressfeed_sentence_tenses"


def _per_sentence(sentence: Span, kind: str, compute):
    """``compute(sentence)``, asked once per sentence and kind: every date of a sentence asks
    the same, and 60,000 dates in one verbless run of text each scanned all of it."""
    cache = sentence.doc.user_data.setdefault(SENTENCE_FACTS_KEY, {})
    key = (kind, sentence.start, sentence.end)
    if key not in cache:
        cache[key] = compute(sentence)
    return cache[key]


def sentence_tense(sentence: Span) -> str:
    """Fallback when no verb is in reach: the sentence's future cues, else its past verbs."""
    return _per_sentence(sentence, "tense", _sentence_tense)


def _sentence_tense(sentence: Span) -> str:
    text = f" {sentence.text.casefold()} "
    if any(f" {w} " in text for w, kind in date_words().items() if kind == "future"):
        return "future"
    if any(t.tag_ == "VBD" for t in sentence):
        return "reported"
    return "any"


def is_verbless(sentence: Span) -> bool:
    return _per_sentence(sentence, "verbless", lambda s: not any(_is_verb(t) for t in s))
