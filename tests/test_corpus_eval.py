"""The corpus scored against its hand-checked gold files, field by field (issue 11).

The whole corpus is extracted once per session (``corpus_scores``). Floors sit at the current
scores of every field, per split (``tests/data/corpus_floors.json``): a regression fails, and
raising a floor is a deliberate edit. Each article's snapshot is the list of facts where the
pipeline and the gold disagree (``tests/test_corpus_eval/``): the gold was written by hand from
the article, so every line of a snapshot diff is checkable against the article, and a fix or a
regression shows as lines leaving or entering it.
"""

from __future__ import annotations

import json
from collections import Counter

import pytest

from pressfeed import DEFAULT_MODEL, batch
from pressfeed.evaluate import FIELD_NAMES, Score, gold_files, load_gold, load_index, score_article, total
from pressfeed.readers import iter_inputs

from .conftest import CORPUS, TESTS

pytestmark = pytest.mark.issue(11)

FLOORS = json.loads((TESTS / "data" / "corpus_floors.json").read_text(encoding="utf-8"))
# A held-out batch joins the scored splits only once its blind first score is recorded.
SPLITS = {
    split: folder
    for split, folder in {"dev": CORPUS, "heldout": CORPUS / "heldout"}.items()
    if split in FLOORS
}
INDEX = load_index(CORPUS)
PAIRS = {split: gold_files(folder) for split, folder in SPLITS.items()}
ARTICLES = [(split, text.stem) for split, pairs in PAIRS.items() for text, _ in pairs]


@pytest.fixture(scope="session")
def corpus_scores(nlp) -> dict[str, dict[str, dict[str, Score]]]:
    """split -> article id -> field -> score, from one extraction of every corpus article."""
    result: dict[str, dict[str, dict[str, Score]]] = {}
    for split, pairs in PAIRS.items():
        items = [item for text, _ in pairs for item in iter_inputs([str(text)])]
        for (text, gold), outcome in zip(pairs, batch.run(items, model=DEFAULT_MODEL), strict=True):
            assert outcome.error is None, outcome.error
            result.setdefault(split, {})[text.stem] = score_article(
                outcome.record, load_gold(gold), text.stem
            )
    return result


def test_index_lists_every_article_with_its_style_and_split():
    on_disk = Counter(ARTICLES)
    indexed = Counter(
        (row["split"], article_id) for article_id, row in INDEX.items() if row["split"] in SPLITS
    )
    assert on_disk == indexed
    for article_id, row in INDEX.items():
        folder = CORPUS if row["split"] == "dev" else CORPUS / "heldout"
        words = len((folder / f"{article_id}.txt").read_text(encoding="utf-8").split())
        assert int(row["words"]) == words, article_id
        assert row["style"] and row["annotator"] and row["round"].isdigit(), article_id


def test_corpus_is_wide():
    """At least 120 articles in at least 14 styles, at least 6 per style, 2 held out per style."""
    styles = Counter(row["style"] for row in INDEX.values())
    heldout = Counter(row["style"] for row in INDEX.values() if row["split"] == "heldout")
    assert len(INDEX) >= FLOORS["articles"]
    assert len(styles) >= 14
    assert min(styles.values()) >= 6, styles
    assert min(heldout[s] for s in styles) >= 2, heldout


@pytest.mark.parametrize(
    "split, field", [(s, f) for s in SPLITS for f in FIELD_NAMES if f in FLOORS.get(s, {})]
)
def test_field_score_does_not_regress(corpus_scores, split, field):
    score = total(corpus_scores[split].values())[field]
    floor = FLOORS[split][field]
    assert score.f1 >= floor - 1e-9, (
        f"{split} {field}: F1 {score.f1:.3f} < floor {floor}",
        score.misses[:20],
    )


@pytest.mark.parametrize("split, article", ARTICLES, ids=[f"{s}/{a}" for s, a in ARTICLES])
def test_article_disagreements_snapshot(corpus_scores, data_regression, split, article):
    scores = corpus_scores[split][article]
    data_regression.check(
        {
            field: {"missed": sorted(s.misses), "extra": sorted(s.extras)}
            for field, s in sorted(scores.items())
            if s.misses or s.extras
        },
        basename=f"{split}-{article}",
    )
