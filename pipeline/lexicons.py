"""The word lists the people, roles and organization extractors share, loaded once.

Each list is a data file in ``pipeline/data`` (see its header for columns and source).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from .gazetteer import Gazetteer, build_gazetteer
from .resources import read_mapping, read_table, read_words

# Small function words that may sit inside a title or organization name.
CONNECTORS = frozenset({"of", "for", "and", "the", "&", "on", "at", "to", "in"})


@dataclass(frozen=True)
class Lexicons:
    titles: tuple[str, ...]
    folded_titles: frozenset[str]  # the titles casefolded ("career member of the senior foreign service")
    corporate_titles: frozenset[str]  # casefolded titles of kind "corporate" ("chief executive officer")
    national_titles: frozenset[str]
    title_words: frozenset[str]
    modifiers: frozenset[str]
    qualifiers: dict[str, str]
    honorifics: frozenset[str]
    honorific_stems: frozenset[str]  # one-word honorifics without their period ("eng", "mr")
    name_particles: frozenset[str]
    family_first: frozenset[str]  # family names written first (Korean, Chinese): "Park Sung-hoon" is Park
    post_nominals: frozenset[str]
    legal_forms: frozenset[str]
    non_name_words: frozenset[str]
    speech_verbs: frozenset[str]
    role_verbs: frozenset[str]
    succession_words: frozenset[str]
    role_verb_auxiliaries: frozenset[str]
    org_heads: frozenset[str]
    org_modifiers: frozenset[str]
    located_org_heads: frozenset[str]
    state_org_heads: frozenset[str]
    portfolio: frozenset[str]
    governance_bodies: frozenset[str]
    territorial_heads: frozenset[str]
    gazetteer: Gazetteer
    # Memo of word-level verdicts (is this word a possible name?); not part of the data.
    word_cache: dict[str, bool] = field(default_factory=dict, compare=False, repr=False)

    def is_title_word(self, word: str) -> bool:
        folded = word.casefold()
        return folded in self.title_words or folded in self.modifiers

    def is_institution_word(self, word: str) -> bool:
        """True for words that build titles and institution names, never personal names.

        Plurals count too ("Cabinet of Ministers").
        """
        folded = word.casefold()
        if folded.endswith("ies") and self.is_institution_word(folded[:-3] + "y"):
            return True
        if folded.endswith("s") and len(folded) > 3 and self.is_institution_word(folded[:-1]):
            return True
        return (
            folded in self.portfolio
            or folded in self.org_heads
            or folded in self.title_words
            or folded in self.modifiers
            or folded in CONNECTORS
        )


@lru_cache(maxsize=1)
def build_lexicons() -> Lexicons:
    titles = tuple(row["title"] for row in read_table("titles.tsv", ("title", "kind")))
    title_words = (
        frozenset(part.casefold() for title in titles for part in title.replace("-", " ").split())
        - CONNECTORS
    )
    return Lexicons(
        titles=titles,
        folded_titles=frozenset(t.casefold() for t in titles),
        corporate_titles=frozenset(
            row["title"].casefold()
            for row in read_table("titles.tsv", ("title", "kind"))
            if row["kind"] == "corporate"
        ),
        national_titles=read_words("national_titles.tsv", "title"),
        title_words=title_words,
        modifiers=read_words("title_modifiers.tsv"),
        qualifiers=read_mapping("title_qualifiers.tsv", ("phrase", "qualifier")),
        honorifics=read_words("honorifics.tsv", "honorific"),
        honorific_stems=frozenset(
            h.rstrip(".") for h in read_words("honorifics.tsv", "honorific") if " " not in h
        ),
        name_particles=read_words("name_particles.tsv", "particle"),
        family_first=read_words("korean_surnames.tsv", "surname")
        | read_words("chinese_surnames.tsv", "surname"),
        legal_forms=frozenset(f for f in read_words("legal_forms.tsv", "form") if " " not in f),
        post_nominals=frozenset(row["letters"] for row in read_table("post_nominals.tsv", ("letters",))),
        non_name_words=read_words("non_name_words.tsv"),
        speech_verbs=read_words("speech_verbs.tsv", "verb"),
        role_verbs=read_words("role_verbs.tsv", "verb"),
        succession_words=read_words("succession_words.tsv"),
        role_verb_auxiliaries=read_words("role_verb_auxiliaries.tsv"),
        org_heads=read_words("org_heads.tsv"),
        org_modifiers=read_words("org_modifiers.tsv"),
        located_org_heads=read_words("located_org_heads.tsv"),
        state_org_heads=read_words("state_org_heads.tsv"),
        portfolio=read_words("portfolio_words.tsv"),
        governance_bodies=read_words("governance_bodies.tsv", "body"),
        territorial_heads=frozenset(
            row["head"].casefold().split()[-1] for row in read_table("territorial_titles.tsv", ("head",))
        ),
        gazetteer=build_gazetteer(),
    )
