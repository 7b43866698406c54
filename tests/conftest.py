"""Shared fixtures: one spaCy pipeline per test session, paths from this file, no downloads."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pressfeed import Meta, build_nlp, extract

TESTS = Path(__file__).parent
ROOT = TESTS.parent
CORPUS = ROOT / "corpus"
REFERENCE = CORPUS / "kz-afghanistan-working-group.txt"
# A few articles of different styles for batch and CLI tests: the whole corpus is extracted once
# per session by tests/test_corpus_eval.py, and nowhere else.
SAMPLE = (
    "kz-afghanistan-working-group",
    "ca-kg-balykchy-solar-deal",
    "gl-who-cholera-stockpile-expansion",
    "gl-kestrel-chennai-container-hub",
    "ca-tm-ru-foreign-ministry-consultations",
)
SAMPLE_NESTED = ("ca-am-irrigation-reservoirs", "gl-penrose-celtic-sea-export-cables")


def pytest_configure(config):
    config.addinivalue_line("markers", "issue(number): a test for the filed issue with this number")


@pytest.fixture(scope="session")
def nlp():
    return build_nlp()


@pytest.fixture(scope="session")
def sample_corpus(tmp_path_factory) -> Path:
    """A folder of seven corpus articles (text, metadata and gold), two of them in a sub-folder."""
    root = tmp_path_factory.mktemp("sample")
    for folder, names in ((root, SAMPLE), (root / "nested", SAMPLE_NESTED)):
        folder.mkdir(exist_ok=True)
        for name in names:
            for path in CORPUS.glob(f"{name}.*"):
                (folder / path.name).write_bytes(path.read_bytes())
    return root


@pytest.fixture(scope="session")
def reference_text() -> str:
    return REFERENCE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def reference_record(nlp, reference_text) -> dict:
    """The reference article as ``pressfeed run corpus/`` sees it: no publication date given."""
    return extract(reference_text, Meta(id="kz-afghanistan-working-group"), nlp=nlp).to_json()


@pytest.fixture(scope="session")
def run_extract(nlp):
    """extract() on a text written for a test, as a JSON record."""

    def run(text: str, published: str | None = "2026-01-28") -> dict:
        return extract(text, Meta(id="t", published=published), nlp=nlp).to_json()

    return run


def load_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


REVIEW_ARTICLES = (  # nested spans, a crossing pair, two conversions, the reference article
    "gl-penrose-celtic-sea-export-cables",
    "ca-tm-az-caspian-ferry-line",
    "ca-kz-cn-dostyk-rail-crossing",
    "kz-afghanistan-working-group",
)


@pytest.fixture(scope="session")
def review_records(nlp) -> list[dict]:
    """A few corpus articles extracted once, each record with its text (as ``run --with-text``)."""
    from dataclasses import replace

    from pressfeed.readers import iter_inputs

    articles = iter_inputs([str(CORPUS / f"{name}.txt") for name in REVIEW_ARTICLES])
    return [replace(extract(a.text, a.meta, nlp=nlp), text=a.text).to_json() for a in articles]
